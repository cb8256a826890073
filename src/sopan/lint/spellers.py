"""The spell-checkers behind `sopan.lint.spelling`: one small interface, two back ends, both
reading the Hunspell dictionaries shipped in `sopan/data/dictionaries/`.

- `spylls`: Hunspell's algorithm in pure Python, always installed (no compiler anywhere);
  about 100 times slower a word than the C++ library, and a dictionary takes a second or so
  to load (`bench/lint.py`).
- `hunspell`: the binding to Hunspell's C++ library, the `fast-spell` extra: a few µs a word,
  a dictionary loaded in tens of milliseconds. Used whenever it is installed.

Both give the same answer for a word; their suggestions may be ordered differently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sopan.data import data_path

#: the dictionary of each language sopan writes in
#: the back ends, fastest first
BACKENDS = ("hunspell", "spylls")


class Speller(Protocol):
    """What the linter asks of a spell-checker."""

    def spell(self, word: str) -> bool:
        """Whether the dictionary accepts `word`."""
        ...

    def suggest(self, word: str) -> str | None:
        """The word the dictionary proposes first instead of `word`, or None."""
        ...


def dictionary(language: str) -> Path:
    """The shipped dictionary of `language`, without its `.aff`/`.dic` suffix."""
    from sopan.language.profiles import profile

    return data_path("dictionaries", profile(language).dictionary)


def installed_backend() -> str:
    """The back end used: `hunspell` when its binding is installed, else `spylls` (found
    without importing either: a reply whose words are all in the memo loads neither)."""
    from importlib.util import find_spec

    return "hunspell" if find_spec("hunspell") is not None else "spylls"


def open_speller(language: str, backend: str) -> Speller:
    """A checker for `language` through `backend` (one of `BACKENDS`); ImportError when that
    back end is not installed."""
    stem = dictionary(language)
    if backend == "hunspell":
        return _Hunspell(stem)
    if backend == "spylls":
        return _Spylls(stem)
    raise ValueError(f"no spelling back end {backend!r}")


class _Hunspell:
    def __init__(self, stem: Path) -> None:
        import hunspell  # type: ignore[import-not-found]

        self._checker = hunspell.HunSpell(f"{stem}.dic", f"{stem}.aff")

    def spell(self, word: str) -> bool:
        try:
            return bool(self._checker.spell(word))
        except UnicodeEncodeError:
            return True  # a letter outside the dictionary's code page: not ours to judge

    def suggest(self, word: str) -> str | None:
        try:
            options = self._checker.suggest(word)
        except UnicodeEncodeError:
            return None
        return str(options[0]) if options else None


#: spylls tries every edit of a word: past this length (a pasted token, a hostile run of
#: letters) a suggestion costs seconds and is never the word meant
_SUGGEST_MOST = 30


class _Spylls:
    def __init__(self, stem: Path) -> None:
        from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

        self._dictionary = Dictionary.from_files(str(stem))

    def spell(self, word: str) -> bool:
        return bool(self._dictionary.lookup(word))

    def suggest(self, word: str) -> str | None:
        if len(word) > _SUGGEST_MOST:
            return None
        # the first only: the slow n-gram pass runs only when no simple edit is a word
        return next((str(option) for option in self._dictionary.suggest(word)), None)
