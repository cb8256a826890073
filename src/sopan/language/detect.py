"""Which language a text is written in: one detector over one word list per language
(`data/languages/<code>/detect.yaml`), for the reader and the linter alike.

A text is in the language whose words it holds most; a tie goes to the first language sopan
speaks (Indonesian). The lists hold the words chats use as well as function words, and leave
out words both languages write ("interview", "online"), so "Interview besok jam 10" is
Indonesian.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sopan._infra import rx
from sopan.data import data_path, read_yaml
from sopan.model.names import LANGUAGES, Language

_WORD = rx.compile(r"[^\W\d_]+")
#: characters read of a long text: its first pages say its language
LIMIT = 20_000


@cache
def vocabulary() -> dict[Language, frozenset[str]]:
    """Each language's words, lower case (none for a language laid without a list: it is
    only chosen when asked for by name)."""
    out: dict[Language, frozenset[str]] = {}
    for lang in LANGUAGES:
        path = data_path("languages", lang, "detect.yaml")
        listed = read_yaml(path)["words"] if path.exists() else []
        out[lang] = frozenset(str(w).lower() for w in listed)
    return out


def detect(text: str) -> Language:
    """The language `text` is written in (its first `LIMIT` characters)."""
    return detect_words(_WORD.findall(text[:LIMIT].lower()))


def other_than(text: str, language: Language) -> Language | None:
    """The language `text` is written in when it is plainly not `language`: another whose
    words it holds more of, two at least ("I want to stay in data" beside an Indonesian
    draft); None when it is `language`'s, or too short to tell."""
    listed = _WORD.findall(text[:LIMIT].lower())
    scores = {lang: sum(map(known.__contains__, listed)) for lang, known in vocabulary().items()}
    best = max(scores, key=lambda lang: scores[lang])
    if best == language or scores[best] < 2 or scores[best] <= scores.get(language, 0):
        return None
    return best


def detect_words(tokens: Iterable[str]) -> Language:
    """The language of a text given as its lower-case words."""
    listed = list(tokens)
    best, top = LANGUAGES[0], -1
    for lang, known in vocabulary().items():
        score = sum(map(known.__contains__, listed))
        if score > top:
            best, top = lang, score
    return best
