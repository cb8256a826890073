"""A profile per language (`data/languages/<code>.yaml`): the facts code needs about how a
language is written — its BCP 47 tag, date order, clock, how the reader is addressed, its
dictionary, the affixes to strip — so that no module branches on a language's name.

Adding a language is its profile plus its books (see CONTRIBUTING.md); `LANGUAGES` in
`model.names` lists the ones sopan speaks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sopan.errors import InternalError
from sopan.model.names import LANGUAGES


@dataclass(frozen=True)
class LanguageProfile:
    """How one language is written."""

    code: str
    #: the language's name, in each language sopan speaks
    name: Mapping[str, str]
    tag: str
    babel: str
    date_order: Literal["dmy", "mdy", "unknown"]
    clock_separator: str
    you: str
    weekdays_short: tuple[str, ...]
    dictionary: str
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    place_date_first: bool
    subject_label: str


_SHAPE = {
    "code": str, "name": {str: str}, "tag": str, "babel": str, "date_order": str,
    "clock_separator": str, "you": str, "weekdays_short": [str], "dictionary": str,
    "prefixes": [str], "suffixes": [str],
    "letter": {"place_date_first": bool, "subject_label": str},
}  # fmt: skip


def _check(raw: Any, code: str) -> LanguageProfile:
    where = f"data/languages/{code}.yaml"
    if raw["code"] != code or raw["date_order"] not in ("dmy", "mdy", "unknown"):
        raise InternalError(f"{where}: code must be '{code}', date_order dmy, mdy or unknown")
    if len(raw["weekdays_short"]) != 7:
        raise InternalError(f"{where}: weekdays_short needs the seven days, Monday first")
    if set(raw["name"]) != set(LANGUAGES):
        raise InternalError(f"{where}: name needs one entry per language ({', '.join(LANGUAGES)})")
    letter = raw["letter"]
    return LanguageProfile(
        code,
        dict(raw["name"]),
        raw["tag"],
        raw["babel"],
        raw["date_order"],
        raw["clock_separator"],
        raw["you"],
        tuple(raw["weekdays_short"]),
        raw["dictionary"],
        tuple(raw["prefixes"]),
        tuple(raw["suffixes"]),
        bool(letter.get("place_date_first")),
        str(letter.get("subject_label", "")),
    )


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of language `code`; an internal error for a language sopan does not speak."""
    if code not in LANGUAGES:
        raise InternalError(f"no language profile '{code}'")
    from sopan.data.books import book

    return _check(book("languages", f"{code}.yaml", shape=_SHAPE), code)
