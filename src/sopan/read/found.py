"""A value an extractor found, with where it found it: provenance is made from these spans,
never by searching the text again for the value.

Also the small helpers every extractor shares: cleaning a value as written, and trying a
pattern only where the words it needs are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sopan._infra import rx

#: where a value was read: the message text, the Subject or From header, the calendar part,
#: or the sender's mail domain
Origin = Literal["text", "subject", "from", "calendar", "domain"]


@dataclass(frozen=True)
class Found:
    """A field's value as read, and the span [start, end) of the source it was read in (the
    message text for "text", the header's value for "subject" and "from")."""

    value: str
    start: int
    end: int
    source: Origin = "text"

    def shifted(self, by: int) -> Found:
        """The same value, its offsets moved by `by` (a segment's place in the whole text)."""
        return Found(self.value, self.start + by, self.end + by, self.source) if by else self

    def with_value(self, value: str) -> Found:
        """Another value for the same span ("Bpk. Andri" → "Andri")."""
        return Found(value, self.start, self.end, self.source)


_MARKUP = rx.compile(r"[*_~]+")
_SPACES = rx.compile(r"\s+")
_EDGE = " \t,.;:-–|"


def clean(value: str | None) -> str | None:
    """A value as written, without markup, doubled blanks or the punctuation around it."""
    if value is None:
        return None
    value = _SPACES.sub(" ", _MARKUP.sub("", value)).strip(_EDGE)
    if value.count("(") != value.count(")"):
        value = value.strip("()").strip()
    return value or None


def located(text: str, start: int, end: int, source: Origin = "text") -> Found | None:
    """The cleaned value of text[start:end], with the span narrowed to what it keeps."""
    value = clean(text[start:end])
    if value is None:
        return None
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip(_EDGE + "*_~()\n\r\f\v"))
    trail = len(raw) - len(raw.rstrip(_EDGE + "*_~()\n\r\f\v"))
    a, b = start + lead, end - trail
    return Found(value, a, max(a, b), source)


def from_match(m: re.Match[str], group: int | str = 1, source: Origin = "text") -> Found | None:
    """The cleaned value of a match's group, with its span."""
    a, b = m.span(group)
    if a < 0:
        return None
    return located(m.string, a, b, source)


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """`text` lower-cased, once for the several patterns that look for their words in it."""
    return text.lower()


def matches_from(
    pat: re.Pattern[str], text: str, heads: tuple[str, ...], limit: int = 200
) -> Iterator[re.Match[str]]:
    """Every match of `pat` starting at one of `heads`, in order (at most `limit` tried): the
    pattern is tried where a head is written, never at every character."""
    starts: set[int] = set()
    for head in heads:
        at = text.find(head)
        while at >= 0 and len(starts) < 10 * limit:
            starts.add(at)
            at = text.find(head, at + 1)
    for at in sorted(starts)[:limit]:
        m = pat.match(text, at)
        if m:
            yield m


def search_from(pat: re.Pattern[str], text: str, heads: tuple[str, ...]) -> re.Match[str] | None:
    """The first match of `pat` starting at one of `heads` (see `matches_from`)."""
    return next(matches_from(pat, text, heads), None)


def near(
    pat: re.Pattern[str], text: str, low: str, keys: tuple[str, ...], back: int, ahead: int
) -> Iterator[re.Match[str]]:
    """Matches of `pat` in the windows around each whole-word occurrence of `keys`."""
    n = len(low)
    for key in keys:
        at = low.find(key)
        while at >= 0:
            end = at + len(key)
            if (at == 0 or not low[at - 1].isalnum()) and (end >= n or not low[end].isalnum()):
                m = pat.search(text, max(0, at - back), min(n, end + ahead))
                if m:
                    yield m
            at = low.find(key, end)


#: the next line's first capitalised words, after a line break a plain-text wrap put there
_WRAPPED_TAIL = rx.compile(r"[ \t]*\n[ \t]*([A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,2})")


def across_wrap(found: Found | None, text: str, *others: str | None) -> Found | None:
    """A name a plain-text line wrap cut short ("… role at Lion Bay\\nLogistics on Monday"),
    carried on with the next line's capitalised words when the message writes the longer name
    whole somewhere else (its signature: "Talent Acquisition, Lion Bay Logistics"), or one of
    `others` does (the subject); else `found` as it is: a wrap is never guessed across."""
    if found is None or found.source != "text":
        return found
    m = _WRAPPED_TAIL.match(text, found.end)
    if m is None:
        return found
    tail = m.group(1).split()
    for n in range(len(tail), 0, -1):
        longer = f"{found.value} {' '.join(tail[:n])}"
        whole = r"(?<!\w)" + r"\s+".join(map(re.escape, longer.split())) + r"(?!\w)"
        elsewhere = any(w.start() != found.start for w in re.finditer(whole, text)) or any(
            re.search(whole, other) for other in others if other
        )
        if elsewhere:
            cut = re.match(
                r"[ \t]*\n[ \t]*" + r"[ \t]+".join(map(re.escape, tail[:n])), text[found.end :]
            )
            assert cut is not None  # the tail was read there
            return Found(longer, found.start, found.end + cut.end(), found.source)
    return found
