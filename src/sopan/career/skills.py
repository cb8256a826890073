"""Skills to learn next (R10.2): the known skills the postings ask for — those watched, and
the targets the person kept — that their profile lacks, counted and ranked. A course or a
certificate is only ever the person's own note, made a to-do with a date: sopan never names
a course, a provider or a link."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sopan.career.posting import Posting
from sopan.career.terms import skill_name, weigh


@dataclass(frozen=True)
class Asked:
    """A skill asked for: its key, its name, how many postings ask, a few of them."""

    key: str
    name: str
    count: int
    postings: tuple[str, ...]


def posting_skills(posting: Posting) -> list[str]:
    """The known skills a posting asks for, by key, heaviest first."""
    return [k.key for k in weigh(posting.parts(), "en") if k.skill]


def rank_skills(
    asked: Iterable[tuple[str, Sequence[str]]],
    have: set[str] | None,
    language: str,
    *,
    shown: int = 3,
) -> list[Asked]:
    """`asked`: each posting's label and its skills' keys. The skills not in `have` (every
    one when the profile is not known), most asked first; a posting counts once a skill."""
    count: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for label, skills in asked:
        for key in dict.fromkeys(skills):
            if have is not None and key in have:
                continue
            count[key] += 1
            if len(where.setdefault(key, [])) < shown:
                where[key].append(label)
    ranked = sorted(count.items(), key=lambda kv: (-kv[1], skill_name(kv[0], language)))
    return [Asked(k, skill_name(k, language), n, tuple(where[k])) for k, n in ranked]
