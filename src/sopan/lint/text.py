"""Text helpers for the linter: language, the parts of a message, protected spans, positions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sopan._infra import rx
from sopan.data import load_yaml

Span = tuple[int, int]


@lru_cache(maxsize=8)
def data(name: str) -> Mapping[str, Any]:
    """A YAML file from `sopan/data/lint/`, loaded once."""
    loaded: Mapping[str, Any] = load_yaml("lint", name)
    return loaded


_WORD = rx.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def detect_language(text: str) -> str:
    """'id' or 'en': the one detector, `sopan.language.detect`."""
    from sopan.language.detect import detect

    return detect(text)


@lru_cache(maxsize=1)
def _segment_cues() -> dict[str, re.Pattern[str]]:
    raw = data("segments.yaml")
    return {
        key: rx.compile(r"^\s*(?:" + "|".join(raw[key]) + ")", re.IGNORECASE)
        for key in ("subject", "greeting", "closing")
    }


_SIGNATURE = rx.compile(r"^\s*-?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def _line(text: str, span: Span) -> str:
    return text[span[0] : span[1]]


def line_spans(text: str) -> list[Span]:
    """(start, end) of every line, without its line break."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def segments(text: str) -> dict[str, list[Span]]:
    """Split a message into subject, greeting, body and closing spans.

    The subject is a leading "Subject:"/"Perihal:" line; the greeting is the first
    salutation line; the closing runs from the last sign-off line to the end.
    """
    cues = _segment_cues()
    lines = [s for s in line_spans(text) if text[s[0] : s[1]].strip()]
    parts: dict[str, list[Span]] = {"subject": [], "greeting": [], "body": [], "closing": []}
    if not lines:
        return parts
    first = 0
    if cues["subject"].match(text[lines[0][0] : lines[0][1]]):
        parts["subject"].append(lines[0])
        first = 1
    for i in range(first, min(first + 3, len(lines))):
        if cues["greeting"].match(text[lines[i][0] : lines[i][1]]):
            parts["greeting"].append(lines[i])
            first = i + 1
            break
    last = len(lines)
    for i in range(len(lines) - 1, max(first, len(lines) - 8) - 1, -1):
        if cues["closing"].match(text[lines[i][0] : lines[i][1]]):
            last = i
            break
    if last == len(lines) and len(lines) - first > 1 and _SIGNATURE.match(_line(text, lines[-1])):
        last = len(lines) - 1  # no sign-off phrase, but the last line is a bare name
    if last < len(lines):
        parts["closing"].append((lines[last][0], len(text)))
    if first < last:
        parts["body"].append((lines[first][0], lines[last - 1][1]))
    return parts


@lru_cache(maxsize=1)
def _protected_pattern() -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{p})" for p in data("protected.yaml")["patterns"]))


def protected_spans(text: str) -> list[Span]:
    """Spans that mechanics and spelling rules leave alone: URLs, emails, placeholders, numbers."""
    return [m.span() for m in _protected_pattern().finditer(text)]


class SpanIndex:
    """Spans (in any order, overlapping or not) asked "does [a, b) touch one of you?" in
    O(log n): by their sorted starts and the running maximum of their ends. A linear scan per
    word made linting a long reply quadratic."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def touches(self, start: int, end: int) -> bool:
        """Whether [start, end) (at least one character) overlaps a span."""
        i = bisect_left(self.starts, max(end, start + 1))
        return i > 0 and self.reach[i - 1] > start


def overlaps(start: int, end: int, spans: Sequence[Span] | SpanIndex) -> bool:
    """Whether [start, end) touches any of `spans`."""
    if isinstance(spans, SpanIndex):
        return spans.touches(start, end)
    return any(s < max(end, start + 1) and start < e for s, e in spans)


def inside(start: int, spans: Sequence[Span] | SpanIndex) -> bool:
    """Whether offset `start` lies in one of `spans`."""
    return overlaps(start, start + 1, spans)


class Positions:
    """Turns character offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def words(text: str) -> list[tuple[int, int, str]]:
    """Every word (letters, inner apostrophes and hyphens) with its span."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
