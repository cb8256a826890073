"""Find the moves of a reply (greeting, thanks, decision, …) in any text, Indonesian or English.

The cues are data (`sopan/data/moves/`): regular expressions per move and language, plus
language-neutral ones (dates, emails, phone numbers, placeholders).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sopan._infra import rx
from sopan.data import load_yaml
from sopan.lint.text import detect_language
from sopan.model import LANGUAGES, MOVES


def _load(name: str) -> dict[str, list[str]]:
    loaded: dict[str, list[str]] = load_yaml("moves", name) or {}
    return loaded


@lru_cache(maxsize=2)
def move_patterns(language: str) -> dict[str, re.Pattern[str] | None]:
    """One compiled pattern per move for `language` (None when no cue exists)."""
    common = _load("common.yaml")  # once, not once per move
    cues = {move: list(common.get(move, [])) for move in MOVES}
    for move, items in _load(f"{language}.yaml").items():
        if move not in cues:
            raise ValueError(f"sopan/data/moves/{language}.yaml: unknown move '{move}'")
        cues[move].extend(items)
    flags = re.IGNORECASE | re.MULTILINE
    return {
        move: rx.compile("|".join(f"(?:{c})" for c in items), flags) if items else None
        for move, items in cues.items()
    }


def find_moves(text: str, language: str) -> dict[str, re.Match[str] | None]:
    """The first cue found for each move, or None."""
    return {
        move: pattern.search(text) if pattern else None
        for move, pattern in move_patterns(language).items()
    }


def detect_moves(text: str, language: str | None = None) -> dict[str, bool]:
    """Which moves of DESIGN.md the text contains, as move name → found.

    `language` is "id" or "en"; when None it is detected from the text.
    `interview_ref` means the interview's date, time or reference number is named.
    """
    lang = language or detect_language(text)
    if lang not in LANGUAGES:
        raise ValueError(f"language must be 'id' or 'en', not {lang!r}")
    return {move: match is not None for move, match in find_moves(text, lang).items()}
