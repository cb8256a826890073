"""The event an invitation invites to, as it names it (`data/events.yaml`): "Tes Online
Gelombang 3" is a "tes online", "Agenda : Psikotes dan Interview" a psikotes and an interview.

The name is looked for where an invitation says what it invites to — its subject, a line
labelled so, the words right after an invitation ("mengundang Anda untuk mengikuti …") — never
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


@cache
def _chain() -> re.Pattern[str]:
    """One name or several joined ("Psikotes dan Interview", "aptitude test/interview")."""
    term = rf"(?<![\w-])(?:{alternation(list(_term_key()))})(?![\w-])"
    joiner = alternation([str(j) for j in _book()["joiners"]])
    return re.compile(rf"{term}(?:\s*(?:{joiner})\s*{term})*", re.I)


@cache
def _terms() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(_term_key()))})(?![\w-])", re.I)


@cache
def _labels() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(_book()['labels']))})\s*:\s*", re.I)


@cache
def _after() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(_book()['after']))})(?![\w-])", re.I)


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
            return _keys(hit.group(0))
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
    return () if found == ("interview",) else found
