"""Words → keywords, the same way for a job posting and for a profile.

A text is cut into words; an Indonesian word loses its affixes (pysastrawi: "kemampuan" →
"mampu", "menganalisis" → "analis"); a run of words that is a form of a known skill becomes
that skill, in either language ("kemampuan komunikasi" = "communication skills" =
`communication`); any other word that is not a stop word is a keyword of its own. The
skills, their forms and the stop words are data (`data/career/keywords.yaml`, its examples
checked on load).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from sopan.errors import InternalError

_WORDS = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[./\-][a-z0-9+#]+)*")
#: the longest skill name, in words
_LONGEST = 6


@dataclass(frozen=True)
class Skill:
    """A known skill: its key, its name in each language."""

    key: str
    names: Mapping[str, str]


@dataclass(frozen=True)
class _Book:
    exact: Mapping[tuple[str, ...], str]  # words as written → skill key
    phrases: Mapping[tuple[str, ...], str]  # stemmed words → skill key (one skill only)
    skills: Mapping[str, Skill]
    stopwords: frozenset[str]
    min_weight: float


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """An Indonesian word without its affixes ("pengembangan" → "kembang"); any other word
    as it is. Only words of letters are asked, and each once."""
    if not word.isalpha() or len(word) < 4:
        return word
    return str(_stemmer().stem(word))


@cache
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    return StemmerFactory().create_stemmer()


def words(text: str) -> list[str]:
    """A text's words, lower case, affixes off ("C++", "node.js", "ui/ux" stay whole)."""
    return [stem(w) for w in _WORDS.findall(text.lower())]


@cache
def _book() -> _Book:
    from sopan.data import load_yaml

    raw = load_yaml("career", "keywords.yaml")
    exact: dict[tuple[str, ...], str] = {}
    stemmed: dict[tuple[str, ...], set[str]] = {}
    skills: dict[str, Skill] = {}
    for entry in raw["synonyms"]:
        key = str(entry["en"])
        skills[key] = Skill(key, {"en": key, "id": str(entry["id"])})
        for form in (entry["en"], entry["id"], *entry.get("also", [])):
            written = tuple(_WORDS.findall(str(form).lower()))
            if not written or len(written) > _LONGEST:
                raise InternalError(f"career/keywords.yaml: '{form}' is not one to six words")
            if exact.get(written, key) != key:
                raise InternalError(
                    f"career/keywords.yaml: '{form}' is both {exact[written]} and {key}"
                )
            exact[written] = key
            stemmed.setdefault(tuple(stem(w) for w in written), set()).add(key)
    # a stem two skills share ("teliti": careful; "penelitian": research) decides neither:
    # the form as written does
    phrases = {k: next(iter(v)) for k, v in stemmed.items() if len(v) == 1}
    stops = frozenset(stem(str(w)) for words in raw["stopwords"].values() for w in words)
    book = _Book(exact, phrases, skills, stops, float(raw["min_weight"]))
    for a, b in raw["examples"]["same"]:
        if _keys(book, a) != _keys(book, b):
            raise InternalError(f"career/keywords.yaml: '{a}' and '{b}' should be one keyword")
    for a, b in raw["examples"]["different"]:
        if _keys(book, a) & _keys(book, b):
            raise InternalError(f"career/keywords.yaml: '{a}' and '{b}' should differ")
    return book


def _terms(book: _Book, text: str) -> Iterable[tuple[str, str]]:
    """(key, as written) of each keyword in the text, in order: known skills by their
    longest form, other words that are not stop words by their stem."""
    raw = _WORDS.findall(text.lower())
    stems = [stem(w) for w in raw]
    i = 0
    while i < len(stems):
        for n in range(min(_LONGEST, len(stems) - i), 0, -1):
            key = book.exact.get(tuple(raw[i : i + n])) or book.phrases.get(tuple(stems[i : i + n]))
            if key is not None:
                yield key, " ".join(raw[i : i + n])
                i += n
                break
        else:
            w = stems[i]
            if w not in book.stopwords and len(w) >= 3 and not w.isdigit():
                yield f"~{w}", raw[i]
            i += 1


def _keys(book: _Book, text: str) -> set[str]:
    return {k for k, _ in _terms(book, text)}


def keys(text: str) -> set[str]:
    """The keywords of a text, by key (a skill's English name, or "~" and a word's stem)."""
    return _keys(_book(), text)


@dataclass(frozen=True)
class Keyword:
    """A keyword of a posting: its key, how it is shown, its weight there, whether a known
    skill."""

    key: str
    shown: str
    weight: float
    skill: bool


def weigh(parts: Iterable[tuple[str, float]], language: str) -> list[Keyword]:
    """The keywords of texts each with its weight (a posting's title counts 3, its skills
    list 2, its description 1), heaviest first: every known skill, and other words that
    weigh `min_weight` or more. A skill is shown by its name in `language`; another word
    as the posting first wrote it."""
    book = _book()
    weight: dict[str, float] = {}
    shown: dict[str, str] = {}
    for text, factor in parts:
        for key, written in _terms(book, text):
            weight[key] = weight.get(key, 0.0) + factor
            shown.setdefault(key, written)
    found = []
    for key, total in weight.items():
        skill = book.skills.get(key)
        if skill is not None:
            found.append(Keyword(key, skill.names.get(language, key), total, True))
        elif total >= book.min_weight:
            found.append(Keyword(key, shown[key], total, False))
    found.sort(key=lambda k: (-k.weight, not k.skill, k.shown))
    return found


def skill_name(key: str, language: str) -> str:
    """A known skill's name in `language` (the key itself for another keyword)."""
    skill = _book().skills.get(key)
    return skill.names.get(language, key) if skill else key.lstrip("~")
