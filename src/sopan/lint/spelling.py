"""Spelling with the Hunspell dictionaries sopan ships (id_ID, en_US) and its own word lists.

The checker is one of `sopan.lint.spellers`' back ends: the `hunspell` binding when the
`fast-spell` extra is installed, else spylls, pure Python and about 100 times slower a word
(see bench/lint.py). Words the dictionaries do not know but
that belong in job mail (interview, HRD, Zoom, …) are data in `sopan/data/lint/spelling.yaml`.

What the dictionaries said of a word is kept in the cache folder (`sopan._infra.memo`, 0600,
named after the back end and the dictionary files' sizes and dates), so a reply whose words
were all checked before is linted without loading a dictionary, which is what makes spylls'
cost small after the first lint; an updated dictionary or another back end starts a new file.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sopan._infra.memo import DiskMemo, digest
from sopan.language.profiles import LanguageProfile, profile
from sopan.lint import spellers
from sopan.lint.spellers import Speller
from sopan.lint.text import data
from sopan.model.names import LANGUAGES

#: the back end this process checks with, chosen on first use
_backend: str | None = None


def backend() -> str:
    """The back end this process checks with: the installed one (`spellers.BACKENDS`)."""
    global _backend
    if _backend is None:
        _backend = spellers.installed_backend()
    return _backend


@lru_cache(maxsize=2)
def speller(language: str) -> Speller:
    """The checker for `language`, loaded on first use."""
    return spellers.open_speller(language, backend())


def use_backend(name: str) -> None:
    """Check with `name` from now on in this process (the benchmark and the tests compare the
    two back ends): what the other one loaded, looked up or kept in memory is let go."""
    global _backend, MEMO
    MEMO.save()
    for cached in (speller, _known, suggest):
        cached.cache_clear()
    _backend = name
    MEMO = DiskMemo("spelling", _memo_name, most=_MEMO_MOST)


def _memo_name() -> str:
    """The back end and the dictionary files, by size and date: the memo's name."""
    found = [backend()]
    for language in LANGUAGES:
        stem = spellers.dictionary(language)
        for path in (Path(f"{stem}.dic"), Path(f"{stem}.aff")):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(found))


#: a person's replies use a few thousand words; garbage beyond this is checked, not kept
_MEMO_MOST = 20_000
MEMO = DiskMemo("spelling", _memo_name, most=_MEMO_MOST)


@lru_cache(maxsize=2)
def allowed_words(language: str) -> frozenset[str]:
    """Words accepted in `language` beyond the dictionary (lower case)."""
    raw = data("spelling.yaml")
    words = str(raw.get("common", "")).split() + str(raw.get(language, "")).split()
    return frozenset(w.lower() for w in words)


#: longer "words" (a pasted link, a hostile run of letters) are checked but never kept
_MEMO_WORD = 40


@lru_cache(maxsize=4096)
def _known(language: str, word: str) -> bool:
    keep = len(word) <= _MEMO_WORD
    kept = MEMO.get(("known", language, word)) if keep else None
    if kept is not None:
        return bool(kept)
    known = _in_dictionaries(language, word)
    if keep:
        MEMO.put(("known", language, word), known)
    return known


def _in_dictionaries(language: str, word: str) -> bool:
    if speller(language).spell(word):
        return True
    # job mail mixes in other languages' words freely ("interview", "meeting" in Indonesian)
    return any(speller(other).spell(word) for other in profile(language).also_spelled)


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
    written = profile(language)
    if not written.endings and not written.prefixes:
        return False  # the dictionary has the built forms
    if len(lower) > _MAX_BUILT:
        return False  # a longer run of letters is no word built of affixes: no stems tried
    stems = _stems(lower, written)
    return any(_known(language, stem) for stem in stems) or any(
        _compound(stem, language) for stem in stems[:8] if len(stem) >= 2 * _MIN_PART
    )


_MIN_ROOT = 3
#: The longest word taken apart into affixes and compounds ("ketidakberkesinambungannya" has
#: 26 letters): taking a run of 180,000 letters apart cost minutes, its halves each looked up
_MAX_BUILT = 40


def _strip_endings(word: str, written: LanguageProfile) -> list[str]:
    """The word without each group of the language's endings, in their order."""
    out = [word]
    for group in written.endings:
        for found in list(out):
            for suffix in group:
                if found.endswith(suffix) and len(found) - len(suffix) >= _MIN_ROOT:
                    out.append(found[: -len(suffix)])
    return out


def _strip_prefixes(word: str, written: LanguageProfile, depth: int = 0) -> list[str]:
    out = [word]
    if depth == 2:  # "memper-", "diper-", "ke-…-an" over "ber-": two prefixes at most
        return out
    for prefix, restored in written.prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_ROOT - 1:
            for first in restored:
                root = first + word[len(prefix) :]
                if len(root) >= _MIN_ROOT:
                    out += _strip_prefixes(root, written, depth + 1)
    return out


def _stems(word: str, written: LanguageProfile) -> list[str]:
    """Roots a word may be built on, by the language's affixes (its profile): endings and
    prefixes taken off ("dipindahtugaskan" → "pindahtugas"), the dictionary knowing only
    the root."""
    stems: list[str] = []
    for stripped in _strip_endings(word, written):
        for root in _strip_prefixes(stripped, written):
            if root != word and root not in stems:
                stems.append(root)
    return stems[:60]


#: each word of a compound has at least this many letters: short ones ("sih", "imak") join
#: into too many typos
_MIN_PART = 5


def _compound(stem: str, language: str) -> bool:
    """A root that is two dictionary words written together ("pindahtugas")."""
    return any(
        _known(language, stem[:i]) and _known(language, stem[i:])
        for i in range(_MIN_PART, len(stem) - _MIN_PART + 1)
    )


@lru_cache(maxsize=256)
def suggest(word: str, language: str) -> str | None:
    """The dictionary's first suggestion for a misspelt word, or None."""
    keep = len(word) <= _MEMO_WORD
    kept = MEMO.get(("suggest", language, word)) if keep else None
    if kept is not None:
        return str(kept) or None
    better = speller(language).suggest(word)
    if keep:
        MEMO.put(("suggest", language, word), better or "")
    return better
