"""A LinkedIn profile checked against R9.1 (complete, current, with the keywords of the role
wanted): each finding with its guideline, a concrete suggestion made of the person's own
data, and where in the export it is. With a posting: its keywords the profile lacks, heaviest
first, and those it has. Thresholds and the generic headlines are data
(`data/career/profile.yaml`); the texts are in `data/career/words/<lang>.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sopan.career.linkedin import Export, Position
from sopan.career.posting import Posting
from sopan.career.terms import Keyword, keys, weigh, words
from sopan.career.words import career_words
from sopan.errors import InternalError

GUIDELINE = "R9.1"


@dataclass(frozen=True)
class Finding:
    """Something to improve: a code, its guideline, the suggestion, where it is."""

    code: str
    guideline: str
    message: str
    where: str


@dataclass(frozen=True)
class Claimed:
    """The current position the person told sopan about, and where it was said."""

    title: str | None
    company: str | None
    origin: str  # "config" or "history"


@dataclass(frozen=True)
class Rules:
    """The thresholds and the generic headlines, checked on load."""

    min_skills: int
    min_summary_words: int
    gap_months: int
    generic: re.Pattern[str]
    place_words: frozenset[str]


@cache
def rules() -> Rules:
    """`data/career/profile.yaml`, its headline examples run."""
    from sopan.data import load_yaml

    raw = load_yaml("career", "profile.yaml")
    heads = raw["generic_headlines"]
    generic = re.compile("|".join(f"(?:{p})" for p in heads["patterns"]), re.IGNORECASE)
    for text in heads["examples"]["match"]:
        if not generic.fullmatch(text.strip()):
            raise InternalError(f"career/profile.yaml: '{text}' should be a generic headline")
    for text in heads["examples"]["no_match"]:
        if generic.fullmatch(text.strip()):
            raise InternalError(f"career/profile.yaml: '{text}' is not a generic headline")
    return Rules(
        int(raw["min_skills"]),
        int(raw["min_summary_words"]),
        int(raw["gap_months"]),
        generic,
        frozenset(str(w) for w in raw["place_words"]),
    )


def _months_between(before: date, after: date) -> int:
    """Whole months with no position between the last day of one and the first of the next."""
    return (after.year - before.year) * 12 + after.month - before.month - 1


def _place_words(text: str, rules: Rules) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in rules.place_words}


def same_city(city: str, location: str, rules: Rules) -> bool:
    """Whether a LinkedIn location ("Greater Jakarta Area", "Bandung, West Java, Indonesia")
    is the profile's city ("Jakarta", "Kota Bandung")."""
    mine, theirs = _place_words(city, rules), _place_words(location, rules)
    return not mine or not theirs or mine <= theirs or theirs <= mine


def _agrees(current: list[Position], claimed: Claimed) -> bool:
    from rapidfuzz import fuzz

    from sopan.career.companies import same_company

    for p in current:
        if claimed.company and p.company and same_company(claimed.company, p.company):
            return True
        titled = not claimed.company and claimed.title and p.title
        if titled and fuzz.token_set_ratio(claimed.title.casefold(), p.title.casefold()) >= 85:  # type: ignore[union-attr]
            return True
    return False


def check_profile(
    export: Export,
    *,
    city: str | None,
    claimed: Claimed | None,
    now: datetime,
    language: str,
    gap: Gap | None = None,
) -> list[Finding]:
    """What to improve in the profile, in the order a recruiter reads it (`gap`: a posting's
    keywords, to name the skills it asks for when too few are listed)."""
    r, w = rules(), career_words(language)
    found: list[Finding] = []

    def add(code: str, where: str, **values: object) -> None:
        found.append(Finding(code, GUIDELINE, w.text("findings", code, **values), where))

    hint = f" ({', '.join(export.skills[:3])})" if export.skills else ""
    if not export.headline:
        add("headline_empty", "Profile.csv: Headline", skills=hint)
    elif r.generic.fullmatch(export.headline.strip()):
        add("headline_generic", "Profile.csv: Headline", headline=export.headline, skills=hint)
    summary_words = len(export.summary.split())
    if summary_words == 0:
        add("summary_empty", "Profile.csv: Summary")
    elif summary_words < r.min_summary_words:
        add(
            "summary_short",
            "Profile.csv: Summary",
            words=summary_words,
            minimum=r.min_summary_words,
        )
    for number, p in enumerate(export.positions, start=2):
        if not p.description:
            add("position_no_description", f"Positions.csv: row {number}", position=p.label())
    current = [p for p in export.positions if p.current]
    if export.positions and not current:
        add("no_current_position", "Positions.csv: Finished On")
    if claimed and current and not _agrees(current, claimed):
        said = " — ".join(v for v in (claimed.title, claimed.company) if v)
        add(
            "current_disagrees",
            "Positions.csv",
            linkedin="; ".join(p.label() for p in current),
            claimed=said,
            origin=w.text("origins", claimed.origin),
        )
    dated = sorted((p for p in export.positions if p.started), key=lambda p: p.started.first())  # type: ignore[union-attr]
    covered: date | None = None
    last: Position | None = None
    for p in dated:
        start = p.started.first()  # type: ignore[union-attr]
        if covered is not None and last is not None:
            months = _months_between(covered, start)
            if months >= r.gap_months:
                add(
                    "gap",
                    "Positions.csv: Started On, Finished On",
                    months=months,
                    before=last.label(),
                    after=p.label(),
                )
        end = p.finished.last() if p.finished else now.date()
        if covered is None or end > covered:
            covered, last = end, p
    if len(export.skills) < r.min_skills:
        asked = [k.shown for k in gap.missing if k.skill][:3] if gap else []
        more = w.text("view", "few_skills_from", skills=", ".join(asked)) if asked else ""
        add(
            "few_skills", "Skills.csv", count=len(export.skills), minimum=r.min_skills, missing=more
        )
    if city and export.location and not same_city(city, export.location, r):
        add("city_differs", "Profile.csv: Geo Location", linkedin=export.location, city=city)
    if not export.websites:
        add("no_website", "Profile.csv: Websites")
    return found


@dataclass(frozen=True)
class Gap:
    """A posting's keywords the profile lacks and those it has, heaviest first."""

    missing: tuple[Keyword, ...]
    present: tuple[Keyword, ...]


def _names_who_or_where(keyword: Keyword, posting: Posting) -> bool:
    """A word that is no skill and only names who hires or where: the posting's own company
    or place, or an Indonesian city ("Bandung" is nothing to add to a profile)."""
    from sopan.language.places import find_place

    if keyword.skill:
        return False
    word = keyword.key.lstrip("~")  # another word's key is the word marked as no skill
    own = " ".join(v for v in (posting.company, posting.location) if v)
    return word in words(own) or find_place(word) is not None


def keyword_gap(export: Export, posting: Posting, language: str) -> Gap:
    """The posting's keywords (Indonesian affixes off, synonyms joined) split by whether the
    profile's text has them."""
    have = keys(export.text())
    wanted = [k for k in weigh(posting.parts(), language) if not _names_who_or_where(k, posting)]
    return Gap(
        tuple(k for k in wanted if k.key not in have),
        tuple(k for k in wanted if k.key in have),
    )


def target_finding(gap: Gap, posting: Posting, language: str, count: int = 5) -> Finding | None:
    """One finding naming the heaviest keywords the profile lacks, None when it lacks none."""
    if not gap.missing:
        return None
    shown = ", ".join(f'"{k.shown}"' for k in gap.missing[:count])
    text = career_words(language).text(
        "findings", "target_missing", title=posting.title, keywords=shown
    )
    return Finding("target_missing", GUIDELINE, text, "Skills.csv, Profile.csv: Summary")


def offer_finding(
    export: Export, accepted: datetime, now: datetime, language: str
) -> Finding | None:
    """An offer the person accepted (sopan's history) that LinkedIn does not show yet: no
    position starts in that month or later."""
    started = [p for p in export.positions if p.started]
    if not started or any(p.started and p.started.last() >= accepted.date() for p in started):
        return None
    latest = max(started, key=lambda p: p.started.first())  # type: ignore[union-attr]
    from sopan.language.dateforms import day

    text = career_words(language).text(
        "findings",
        "offer_not_shown",
        date=day(accepted.date(), "letter_date", language),
        latest=latest.label(),
    )
    return Finding("offer_not_shown", GUIDELINE, text, "Positions.csv: Started On")
