"""Spelling with Hunspell (Debian's id_ID and en_US dictionaries) and sopan's own word lists.

Hunspell through its C library: ~2 µs a word, dictionaries load in ~35 ms (see bench/lint.py).
Words the dictionaries do not know but that belong in job mail (interview, HRD, Zoom, …) are
data in `sopan/data/lint/spelling.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from sopan.lint.text import data

DICT_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DICT_NAMES = {"id": "id_ID", "en": "en_US"}


class _Speller(Protocol):
    def spell(self, word: str) -> bool: ...
    def suggest(self, word: str) -> list[str]: ...


@lru_cache(maxsize=2)
def speller(language: str) -> _Speller | None:
    """The Hunspell checker for `language`, or None when its dictionary is not installed."""
    try:
        import hunspell  # type: ignore[import-not-found]
    except ImportError:
        return None
    name = DICT_NAMES[language]
    for folder in DICT_DIRS:
        dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
        if dic.exists() and aff.exists():
            checker: _Speller = hunspell.HunSpell(str(dic), str(aff))
            return checker
    return None


@lru_cache(maxsize=2)
def allowed_words(language: str) -> frozenset[str]:
    """Words accepted in `language` beyond the dictionary (lower case)."""
    raw = data("spelling.yaml")
    words = str(raw.get("common", "")).split() + str(raw.get(language, "")).split()
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=4096)
def _known(language: str, word: str) -> bool:
    check = speller(language)
    if check is None:
        return True
    try:
        if check.spell(word):
            return True
    except UnicodeEncodeError:
        return True  # a letter outside the dictionary's code page: not ours to judge
    # Indonesian job mail mixes in English freely ("interview", "meeting", "follow up").
    if language == "id":
        other = speller("en")
        if other is not None and other.spell(word):
            return True
    return False


def is_known(word: str, language: str, extra: Iterable[str] = ()) -> bool:
    """Whether `word` is spelt right in `language` (dictionary, word lists or `extra`)."""
    lower = word.lower()
    if lower in allowed_words(language) or lower in extra:
        return True
    if "-" in word:
        # Indonesian reduplication and compounds: check each half ("kira-kira", "e-mail").
        return all(is_known(part, language, extra) for part in word.split("-") if part)
    if _known(language, word) or (word != lower and _known(language, lower)):
        return True
    return language == "id" and any(_known("id", stem) for stem in _id_stems(lower))


def _id_stems(word: str) -> list[str]:
    """Roots under Indonesian clitics and imperative suffixes the dictionary lacks.

    Debian's id_ID knows "jadwal" and "pasti" but not "jadwalnya" or "pastikan".
    """
    stems = []
    for particle in ("nya", "mu", "ku", "lah", "kah", "pun"):
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            word = word[: -len(particle)]
            stems.append(word)
            break
    for suffix in ("kan", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.append(word[: -len(suffix)])
    return stems


@lru_cache(maxsize=256)
def suggest(word: str, language: str) -> str | None:
    """The dictionary's first suggestion for a misspelt word, or None."""
    check = speller(language)
    if check is None:
        return None
    try:
        options = check.suggest(word)
    except UnicodeEncodeError:
        return None
    return options[0] if options else None
