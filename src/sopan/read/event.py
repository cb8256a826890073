"""The event an invitation invites to, as it names it (`data/events.yaml`): "Tes Online
Gelombang 3" is a "tes online", "Agenda : Psikotes dan Interview" a psikotes and an interview.

The name is looked for where an invitation says what it invites to — its subject, a line
labelled so, the words right after an invitation ("mengundang Anda untuk mengikuti …"), a line
headed by the event's place or time ("Lokasi tes tulis dan Wawancara berada pada:") — never
anywhere in the text, where a test named in passing ("hasil psikotes") is not the event.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sopan.data import load_yaml
from sopan.read.words import alternation


@cache
def _book() -> dict[str, Any]:
    data = load_yaml("events.yaml")
    assert isinstance(data, dict)
    return data


@cache
def _term_key() -> dict[str, str]:
    return {str(t).lower(): str(k) for k, terms in _book()["terms"].items() for t in terms}


def _normal(term: str) -> str:
    return re.sub(r"\s+", " ", term).strip().lower()


def _word(names: list[str]) -> str:
    """One of `names`, not inside a longer word or a hyphenated one (what follows is the
    caller's: a word's end, a colon, a space)."""
    return rf"(?<![\w-])(?:{alternation(names)})"


@cache
def _chain() -> re.Pattern[str]:
    """One name or several joined ("Psikotes dan Interview", "aptitude test/interview")."""
    term = _word(list(_term_key())) + r"(?![\w-])"
    joiner = alternation([str(j) for j in _book()["joiners"]])
    article = alternation([str(a) for a in _book()["articles"]])
    # "tes tertulis, psikotes, dan wawancara": joiners may stand together; "and a written test"
    link = rf"(?:\s*(?:{joiner})(?!(?<=\w)\w))+\s*(?:(?:{article})\s+)?"
    return re.compile(rf"{term}(?:{link}{term})*", re.I)


@cache
def _terms() -> re.Pattern[str]:
    return re.compile(_word(list(_term_key())) + r"(?![\w-])", re.I)


@cache
def _labels() -> re.Pattern[str]:
    return re.compile(_word(list(_book()["labels"])) + r"\s*:\s*", re.I)


@cache
def _after() -> re.Pattern[str]:
    return re.compile(_word(list(_book()["after"])) + r"(?![\w-])", re.I)


@cache
def _heads() -> re.Pattern[str]:
    return re.compile(_word(list(_book()["heads"])) + r"\s+", re.I)


def _headed(text: str) -> tuple[str, ...]:
    """The name right after a word that heads what is said of the event ("Lokasi tes tulis dan
    Wawancara berada pada:"), or right before the words that say it is held ("Psikotes &
    interview akan dilaksanakan pada:"), first found first; nothing when another word comes
    between."""
    for head in _heads().finditer(text):
        hit = _chain().match(text, head.end())
        if hit:
            return _keys(hit.group(0))
    for hit in _chain().finditer(text):
        if _tails().match(text, hit.end()):
            return _keys(hit.group(0))
    return ()


@cache
def _tails() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(list(_book()['tails']))})(?![\w-])", re.I)


def _keys(found: str) -> tuple[str, ...]:
    keys: list[str] = []
    for term in _terms().findall(found):
        key = _term_key()[_normal(term)]
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def _first(text: str, starts: list[int], reach: int) -> tuple[str, ...]:
    """The first name found within `reach` characters after one of `starts`."""
    for start in sorted(starts):
        hit = _chain().search(text[start : start + reach])
        if hit:
            # the name begins within reach and is read whole, though it may run past it
            whole = _chain().match(text, start + hit.start())
            return _keys(whole.group(0) if whole else hit.group(0))
    return ()


def event_of(text: str, subject: str | None = None) -> tuple[str, ...]:
    """The event's keys as the invitation names them, in its order ("psikotes", "interview");
    () for an interview, or when it names nothing of the kind."""
    reach = int(_book()["after_reach"])
    found = _first(subject or "", [0], len(subject or ""))
    if not found:
        found = _first(text, [m.end() for m in _labels().finditer(text)], 4 + reach // 2)
    if not found:
        found = _first(text, [m.end() for m in _after().finditer(text)], reach)
    if not found:
        found = _headed(text)
    return () if found == ("interview",) else found
