"""The reader's vocabulary, loaded once from `data/read_words.yaml` and `data/cities.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class City:
    """An Indonesian city the reader recognises in a location."""

    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    tz: str


def _load(name: str) -> Any:
    text = resources.files("sopan.data").joinpath(name).read_text("utf-8")
    return yaml.safe_load(text)


@cache
def words() -> dict[str, Any]:
    """The raw word lists (see the YAML file for what each list means)."""
    data = _load("read_words.yaml")
    assert isinstance(data, dict)
    return data


@cache
def cities() -> tuple[City, ...]:
    """Indonesian cities with coordinates and time zone, for travel estimates."""
    return tuple(
        City(
            str(c["name"]),
            tuple(str(a) for a in c.get("aliases") or ()),
            float(c["lat"]),
            float(c["lon"]),
            str(c["tz"]),
        )
        for c in _load("cities.yaml")
    )


def alternation(items: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first (so longer names win)."""
    ordered = sorted({str(i) for i in items}, key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered)


@cache
def month_map() -> dict[str, int]:
    """Month word → month number, both languages, with abbreviations."""
    return {str(w): int(n) for n, ws in words()["months"].items() for w in ws}


@cache
def weekday_map() -> dict[str, int]:
    """Weekday word → Monday-based weekday number."""
    return {str(w): int(n) for n, ws in words()["weekdays"].items() for w in ws}


@cache
def zone_map() -> dict[str, str]:
    """Zone abbreviation (upper case) → IANA name."""
    return {str(k).upper(): str(v) for k, v in words()["zones"].items()}


@cache
def phrase_re(key: str, sub: str | None = None) -> re.Pattern[str]:
    """A case-insensitive word-bounded regex matching any phrase of a list."""
    items = words()[key] if sub is None else words()[key][sub]
    return re.compile(r"(?<![\w])(?:" + alternation(items) + r")(?![\w])", re.IGNORECASE)


@cache
def _city_index() -> tuple[re.Pattern[str], dict[str, City]]:
    names: dict[str, City] = {}
    for c in cities():
        for n in (c.name, *c.aliases):
            names[re.sub(r"\s+", " ", n.lower())] = c
    pattern = re.compile(r"(?<![\w])(?:" + alternation(list(names)) + r")(?![\w])", re.IGNORECASE)
    return pattern, names


_WORDS_RE = re.compile(r"[a-z]+")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(n.split()[0] for n in _city_index()[1])


def city_in(text: str | None, tokens: set[str] | None = None) -> City | None:
    """The Indonesian city named in `text` (the last one named), if any."""
    if not text:
        return None
    pattern, names = _city_index()
    firsts = _first_words()
    if firsts.isdisjoint(tokens if tokens is not None else _WORDS_RE.findall(text.lower())):
        return None
    found = list(pattern.finditer(text))
    # an address names its city last ("Jl. Raya Bekasi Km 21, Jakarta Timur")
    return names.get(re.sub(r"\s+", " ", found[-1].group(0).lower())) if found else None
