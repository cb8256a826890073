"""The posts worth a second look before a recruiter sees them (R9, R9.2), by the rules in
`data/career/social/`. It only lists: nothing is posted, hidden, deleted or sent."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sopan.career.lexicon import Lexicon, hits, load_lexicon, normalise, tokens
from sopan.career.social import Post

#: how much of a match is shown as the why
_SHOWN = 60


@dataclass(frozen=True)
class Reason:
    """Why a post was flagged: the reason, the rule, its guideline, what it matched."""

    reason: str
    rule: str
    guideline: str
    match: str


@dataclass(frozen=True)
class Flagged:
    """A post and every reason to look at it again."""

    post: Post
    reasons: tuple[Reason, ...]


def scan_posts(
    posts: Iterable[Post], employers: Sequence[str] = (), lexicon: Lexicon | None = None
) -> list[Flagged]:
    """The posts any rule flags, newest first, each with its reasons (one per rule)."""
    rules = (lexicon or load_lexicon()).rules
    employers = tuple(dict.fromkeys(e for e in employers if e.strip()))
    flagged = []
    for post in posts:
        normal = normalise(post.text)
        words = tokens(normal)
        reasons = []
        masked = "*" in normal
        for rule in rules:
            # the gates, tested here: most posts pass no rule's, and a call costs more than
            # the test (a third of the scan's time on a 50,000-post archive)
            if not masked and (
                (rule.gate is not None and rule.gate.isdisjoint(words))
                or (rule.negative_gate is not None and rule.negative_gate.isdisjoint(words))
            ):
                continue
            found = hits(rule, post.text, normal, employers, words)
            if found:
                shown = " ".join(found[0].split())[:_SHOWN]
                reasons.append(Reason(rule.reason, rule.id, rule.guideline, shown))
        if reasons:
            flagged.append(Flagged(post, tuple(reasons)))
    flagged.sort(key=lambda f: f.post.date.timestamp() if f.post.date else 0.0, reverse=True)
    return flagged
