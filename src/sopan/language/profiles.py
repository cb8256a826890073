"""A profile per language (`data/languages/<code>.yaml`): the facts code needs about how a
language is written — its BCP 47 tag, date order, clock, how the reader is addressed, its
dictionary, the affixes to strip — so that no module branches on a language's name.

Adding a language is its profile plus its books, in data alone (see CONTRIBUTING.md):
`LANGUAGES` in `model.names` is the profiles found, in the packaged data and in every folder
of SOPAN_DATA_DIRS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sopan.errors import InternalError
from sopan.model.names import languages_in


@dataclass(frozen=True)
class Region:
    """A regional variant of a language (its profile's `regions` table): the language written
    for a reader in `countries`, with the words of `phrases/<language>/regions/<code>/`."""

    code: str
    #: its name in the languages sopan speaks ("American English")
    name: Mapping[str, str]
    #: ISO 3166 codes of the countries whose readers get it
    countries: tuple[str, ...]
    #: its BCP 47 tag (a message's Content-Language, a letter's proofing language)
    tag: str


@dataclass(frozen=True)
class LanguageProfile:
    """How one language is written."""

    code: str
    #: the language's name in languages sopan speaks, its own at least
    name: Mapping[str, str]
    tag: str
    babel: str
    date_order: Literal["dmy", "mdy", "unknown"]
    clock_separator: str
    you: str
    weekdays_short: tuple[str, ...]
    dictionary: str
    #: endings the spell check takes off a word, group by group in this order (the dictionary
    #: knows roots only): particles, then possessives, then derivational suffixes
    endings: tuple[tuple[str, ...], ...]
    #: prefixes, each with the letters a nasal form swallowed from its root ("" for none)
    prefixes: tuple[tuple[str, tuple[str, ...]], ...]
    #: languages whose words this language's job mail mixes in freely ("interview", "meeting")
    also_spelled: tuple[str, ...]
    #: how a script's syllables are counted: "vowels" (each one, but for `one_syllable`
    #: pairs) or "vowel_runs" (each run of vowels, a final silent "e" not)
    syllables: Literal["vowels", "vowel_runs"]
    one_syllable: tuple[str, ...]
    #: where its speakers are when an invitation does not say: the country (ISO 3166, "" for
    #: none) and its zones
    home_country: str
    home_zones: tuple[str, ...]
    #: its regional variants; none: it is written one way for every reader
    regions: tuple[Region, ...] = ()

    def region(self, code: str) -> Region | None:
        """The variant named `code`; None for "" (the language's own books) or one it lacks."""
        return next((r for r in self.regions if r.code == code), None)


_SHAPE = {
    "code": str, "name": {str: str}, "tag": str, "babel": str, "date_order": str,
    "clock_separator": str, "you": str, "weekdays_short": [str], "dictionary": str,
    "affixes": {"endings": [[str]], "prefixes": {str: [str]}}, "also_spelled": [str],
    "speech": {"syllables": str, "one_syllable": [str]},
    "home": {"country": str, "zones": [str]},
    "regions?": {str: {"name": {str: str}, "countries": [str], "tag": str}},
}  # fmt: skip


def _check(raw: Any, code: str) -> LanguageProfile:
    where = f"data/languages/{code}.yaml"
    if raw["code"] != code or raw["date_order"] not in ("dmy", "mdy", "unknown"):
        raise InternalError(f"{where}: code must be '{code}', date_order dmy, mdy or unknown")
    if len(raw["weekdays_short"]) != 7:
        raise InternalError(f"{where}: weekdays_short needs the seven days, Monday first")
    if raw["speech"]["syllables"] not in ("vowels", "vowel_runs"):
        raise InternalError(f"{where}: speech.syllables must be vowels or vowel_runs")
    if code not in raw["name"]:
        raise InternalError(f"{where}: name needs the language's own name ('{code}')")
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
        tuple(tuple(group) for group in raw["affixes"]["endings"]),
        tuple((prefix, tuple(gone)) for prefix, gone in raw["affixes"]["prefixes"].items()),
        tuple(raw["also_spelled"]),
        raw["speech"]["syllables"],
        tuple(raw["speech"]["one_syllable"]),
        str(raw["home"]["country"]),
        tuple(raw["home"]["zones"]),
        tuple(
            Region(name, dict(row["name"]), tuple(c.upper() for c in row["countries"]), row["tag"])
            for name, row in (raw.get("regions") or {}).items()
        ),
    )


def codes() -> tuple[str, ...]:
    """The codes of every language with a profile (`languages/<code>.yaml` in the packaged
    data or a folder of SOPAN_DATA_DIRS): DEFAULT_LANGUAGE first, then by code."""
    from sopan.data import data_roots

    return languages_in(data_roots())


def shipped() -> tuple[str, ...]:
    """The languages of the packaged data alone (every packaged book must have them)."""
    from sopan.data import data_path

    return languages_in((data_path(),))


def babel_locale(code: str) -> str:
    """The locale Babel writes language `code`'s dates and numbers in (its profile's)."""
    return profile(code).babel


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of language `code`; an internal error for a language sopan does not speak."""
    if code not in codes():
        raise InternalError(f"no language profile '{code}'")
    from sopan.data.books import book

    return _check(book("languages", f"{code}.yaml", shape=_SHAPE), code)
