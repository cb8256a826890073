"""Time zones as people write them: one table (`data/zones.yaml`) and one resolver.

`resolve` takes a zone as written anywhere — an IANA name, an abbreviation ("WIB", "est"), an
offset ("GMT+7", "UTC+07:00", "+05:30") or a Windows zone name from a calendar — to its IANA
name; the reader, the one parser of what people type, the calendars and lint all ask it.
`written_as` goes the other way, for the drafts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: "GMT+7", "UTC +07:00", "utc-3", also inside a name ("(UTC+07:00) Bangkok, Hanoi, Jakarta")
_NAMED_OFFSET = re.compile(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
#: the prefix Thunderbird writes before an IANA name ("/mozilla.org/20070129_1/Asia/Jakarta")
_MOZILLA = re.compile(r"^/[^/]*/[^/]*/(?=.)")
#: "+05:30", "-3" on their own
_OFFSET = re.compile(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?")


@cache
def _table() -> Mapping[str, Any]:
    from sopan.data.books import book

    shape = {
        "names": {str: str}, "offsets": {str: str}, "written": {str: str}, "indonesia": [str],
        "indonesian_offsets": {str: str}, "month_first": [str], "windows_shared": {str: [str]},
    }  # fmt: skip
    found: Mapping[str, Any] = book("zones.yaml", shape=shape)
    return found


@cache
def abbreviations() -> Mapping[str, str]:
    """Every abbreviation sopan reads (upper case) → its IANA name."""
    return {name.upper(): iana for name, iana in _table()["names"].items()}


def by_offset(sign: str, hours: int, minutes: int = 0) -> str | None:
    """The zone of a written offset: an Etc zone for whole hours, the table's for the rest
    ("+05:30" → Asia/Kolkata); None for one no clock shows (UTC+15, minutes over 59)."""
    if minutes >= 60 or (sign == "+" and hours > 14) or (sign != "+" and hours > 12):
        return None  # Etc zones run from UTC-12 to UTC+14
    if minutes == 0:
        return "Etc/UTC" if hours == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"
    found = _table()["offsets"].get(f"{'+' if sign == '+' else '-'}{hours:02d}:{minutes:02d}")
    return str(found) if found else None


def resolve(written: str) -> str | None:
    """The IANA name of a zone as written (an IANA or Windows name, an abbreviation, an
    offset), or None when it names no zone sopan knows."""
    text = _MOZILLA.sub("", written.strip().strip('"'))
    if not text or len(text) > 64:
        return None
    if "/" not in text:  # an abbreviation as people write it ("EST" is Eastern time, DST too)
        named = abbreviations().get(text.upper())
        if named:
            return named
    if text.upper() == "UTC":
        return "Etc/UTC"
    if "/" in text or text.isalpha():
        try:
            ZoneInfo(text)
            return text
        except (ZoneInfoNotFoundError, ValueError, OSError):  # unknown, malformed
            pass
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    if text in WINDOWS_TO_OLSON:
        return str(WINDOWS_TO_OLSON[text])
    offset = _NAMED_OFFSET.search(text) or _OFFSET.fullmatch(text)
    if offset:
        return by_offset(offset[1], int(offset[2]), int(offset[3] or 0))
    return None


def shared_clock(windows_name: str | None, own: str | None) -> str | None:
    """The person's own zone `own` when a calendar's Windows zone is one clock kept by several
    countries' cities and `own` is among them ("SE Asia Standard Time" for a person in
    Jakarta: Asia/Jakarta, where the database names Bangkok), else None."""
    if not windows_name or not own:
        return None
    covered = _table()["windows_shared"].get(windows_name.strip().strip('"'))
    return own if covered and own in covered else None


def written_as(tz_name: str | None) -> str | None:
    """The abbreviation a zone is written with beside a time ("Asia/Makassar" → "WITA"), or
    None when it has no usual one (it is then written as its offset)."""
    found = _table()["written"].get(tz_name) if tz_name else None
    return str(found) if found else None


def indonesian(tz_name: str | None) -> bool:
    """Whether a zone is one of Indonesia's (WIB, WITA, WIT)."""
    return tz_name in _table()["indonesia"]


def implied_in_indonesia(hours: int) -> str | None:
    """The zone a bare offset means in an Indonesian invitation (+7 → Asia/Jakarta)."""
    found = _table()["indonesian_offsets"].get(str(hours))
    return str(found) if found else None


@cache
def month_first_words() -> frozenset[str]:
    """Zone words that make a numeric date in English month-first (EST, PT, …)."""
    return frozenset(str(word) for word in _table()["month_first"])


_ABBREVIATION = re.compile(r"(?<![\w/])[A-Z]{2,5}(?![\w/])")


def written_label(text: str, zone: str) -> str | None:
    """The name `text` gives `zone` beside its times ("EST"), when it gives exactly one: a
    time is written back with the zone as the invitation wrote it, never relabelled ("EST" is
    not turned into "EDT" in June, nor into another zone's name)."""
    names = abbreviations()
    said = {m.group() for m in _ABBREVIATION.finditer(text)}
    mine = {a for a in said if names.get(a) == zone}
    return mine.pop() if len(mine) == 1 else None


@cache
def _zone_cities() -> Mapping[str, str]:
    """A zone's city as people write it ("Paris", "New York", "Kuala Lumpur") → the zone,
    from the IANA database's own names (Europe/Paris, America/New_York)."""
    from zoneinfo import available_timezones

    # the continents' cities (an ocean's islands, "Christmas", "Easter", "Wake", are words too)
    areas = ("Africa", "America", "Asia", "Australia", "Europe")
    out: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        area, _, city = zone.partition("/")
        if area in areas and city and "/" not in city:
            out[city.replace("_", " ").lower()] = zone
    return out


def city_zone(text: str | None) -> str | None:
    """The zone of the one city a place names by a zone's own name ("28 Boulevard des
    Capucines, 75009 Paris, France" → Europe/Paris); None when none or several are named."""
    if not text:
        return None
    # a city is written with a capital ("Paris", not "the paris office")
    words = [w.lower() if w[:1].isupper() else "" for w in re.findall(r"[^\W\d_]+", text)]
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            zone = _zone_cities().get(" ".join(words[i : i + size]))
            if zone:
                found.add(zone)
    return found.pop() if len(found) == 1 else None
