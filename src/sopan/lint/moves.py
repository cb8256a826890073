"""Find the moves of a reply (greeting, thanks, decision, …) in any text, Indonesian or English.

The cues are data (`sopan/data/moves/`): regular expressions per move and language, plus
language-neutral ones (dates, emails, phone numbers, placeholders). Two kinds of cue are
more than a list of words, and are data too:

- `reason` cues name a cause ("sakit", "accepted another offer"); `reason_connective` cues
  say that a cause follows ("karena", "due to", "…, so I cannot"); `generic_reason` cues are
  causes that say nothing ("a prior commitment", "ada keperluan mendesak"). All three are
  the `reason` move; a reply whose only causes are generic ones, never explained, has a
  vague reason (R4).
- `masks.yaml` names text that looks like a move's cue but is not that move: the letter's own
  date on a line of its head is not the interview's, nor is a day offered as an alternative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from sopan._infra import rx
from sopan.data import load_yaml
from sopan.lint.text import detect_language
from sopan.model import LANGUAGES, MOVES

#: cue lists that are not moves of their own, and the move they count for
_KINDS = {"generic_reason": "reason", "reason_connective": "reason"}
_FLAGS = re.IGNORECASE | re.MULTILINE
_SENTENCE_END = rx.compile(r"[.!?](?:\s|$)|\n")


def _load(name: str) -> dict[str, list[str]]:
    loaded: dict[str, list[str]] = load_yaml("moves", name) or {}
    return loaded


def _compile(items: list[str]) -> re.Pattern[str] | None:
    return rx.compile("|".join(f"(?:{c})" for c in items), _FLAGS) if items else None


@dataclass(frozen=True)
class Cues:
    """One language's compiled cues: a pattern per move, the generic reasons, the masks."""

    moves: dict[str, re.Pattern[str] | None]
    #: the reason move's cues that name a cause, and those that do not
    specific_reason: re.Pattern[str] | None
    generic_reason: re.Pattern[str] | None
    #: after a generic reason, in its sentence, what goes on to say what it is (": …", "yaitu")
    explained: re.Pattern[str] | None
    #: move → text whose cues are not that move
    masks: dict[str, re.Pattern[str]]
    #: move → the moves whose own cues mask it (a day offered as an alternative is not the
    #: interview's day)
    masked_by: dict[str, tuple[str, ...]]


@lru_cache(maxsize=2)
def cues(language: str) -> Cues:
    """The compiled cues of `language` ("id" or "en")."""
    common = _load("common.yaml")  # once, not once per move
    known = {*MOVES, *_KINDS, "explained"}
    lists: dict[str, list[str]] = {name: list(common.get(name, [])) for name in known}
    for name, items in _load(f"{language}.yaml").items():
        if name not in known:
            raise ValueError(f"sopan/data/moves/{language}.yaml: unknown move '{name}'")
        lists[name].extend(items)
    moves = {move: _compile(lists[move] + _kinds_of(move, lists)) for move in MOVES}
    masks_data: dict[str, dict[str, list[str]]] = load_yaml("moves", "masks.yaml") or {}
    masks: dict[str, re.Pattern[str]] = {}
    masked_by: dict[str, tuple[str, ...]] = {}
    for move, spec in masks_data.items():
        if move not in MOVES:
            raise ValueError(f"sopan/data/moves/masks.yaml: unknown move '{move}'")
        items = [*spec.get("common", []), *spec.get(language, [])]
        if items:
            masks[move] = rx.compile("|".join(f"(?:{c})" for c in items), _FLAGS)
        by = tuple(spec.get("moves", []))
        if unknown := set(by) - set(MOVES):
            raise ValueError(f"sopan/data/moves/masks.yaml: unknown moves {sorted(unknown)}")
        if by:
            masked_by[move] = by
    return Cues(
        moves=moves,
        specific_reason=_compile(lists["reason"]),
        generic_reason=_compile(lists["generic_reason"]),
        explained=_compile(lists["explained"]),
        masks=masks,
        masked_by=masked_by,
    )


def _kinds_of(move: str, lists: dict[str, list[str]]) -> list[str]:
    return [c for kind, owner in _KINDS.items() if owner == move for c in lists[kind]]


def move_patterns(language: str) -> dict[str, re.Pattern[str] | None]:
    """One compiled pattern per move for `language` (None when no cue exists)."""
    return cues(language).moves


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _first_unmasked(
    pattern: re.Pattern[str], text: str, masked: list[tuple[int, int]]
) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        start, end = match.span()
        if not any(s <= start and end <= e for s, e in masked):
            return match
    return None


def find_moves(text: str, language: str) -> dict[str, re.Match[str] | None]:
    """The first cue found for each move that no mask covers, or None."""
    c = cues(language)
    found: dict[str, re.Match[str] | None] = {}
    for move, pattern in c.moves.items():
        if pattern is None:
            found[move] = None
            continue
        masked = _spans(c.masks.get(move), text)
        for other in c.masked_by.get(move, ()):
            masked += _spans(c.moves[other], text)
        found[move] = _first_unmasked(pattern, text, masked) if masked else pattern.search(text)
    return found


def vague_reasons(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Spans of generic reasons ("due to a prior commitment", "ada keperluan mendesak") in a
    text that says nothing more specific about its cause (R4): no other reason cue, and no
    explanation after the generic one in its sentence ("…: my father is in hospital",
    "…, yaitu …")."""
    c = cues(language)
    if c.generic_reason is None:
        return
    generic = list(c.generic_reason.finditer(text))
    if not generic:
        return
    if c.specific_reason is not None and c.specific_reason.search(text):
        return  # a specific cause is said somewhere: the generic words only introduce it
    for match in generic:
        if c.explained is not None and c.explained.search(_rest_of_sentence(text, match.end())):
            continue
        yield match.span()


def _rest_of_sentence(text: str, start: int) -> str:
    """The text from `start` to the end of its sentence (or line)."""
    end = _SENTENCE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


def detect_moves(text: str, language: str | None = None) -> dict[str, bool]:
    """Which moves of DESIGN.md the text contains, as move name → found.

    `language` is "id" or "en"; when None it is detected from the text.
    `interview_ref` means the interview's date, time or reference number is named.
    """
    lang = language or detect_language(text)
    if lang not in LANGUAGES:
        raise ValueError(f"language must be 'id' or 'en', not {lang!r}")
    return {move: match is not None for move, match in find_moves(text, lang).items()}
