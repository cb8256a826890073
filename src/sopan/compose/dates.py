"""Dates and times written the way people write them, through Babel.

"Senin, 23 November 2026 pukul 10.00 WIB" and
"Monday, 23 November 2026, 10:00 (WIB, UTC+7)".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from sopan.compose.bank import common
from sopan.data import load_yaml


@lru_cache(maxsize=1)
def _zones() -> Mapping[str, Any]:
    data = load_yaml("phrases", "zones.yaml")
    return data if isinstance(data, dict) else {}


def _offset_text(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def local_zone(moment: datetime, tz_name: str | None) -> tzinfo:
    """The zone to show a time in: the invitation's IANA zone, or one its offset implies
    ("Etc/GMT-7", a bare UTC+7, is shown as WIB, never as "UTC+7")."""
    if tz_name and not tz_name.startswith("Etc/"):
        try:
            return ZoneInfo(tz_name)
        except (KeyError, ValueError):
            pass
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 3600 == 0:
        implied = _zones().get("offsets", {}).get(int(offset.total_seconds() // 3600))
        if implied:
            return ZoneInfo(str(implied))
    return moment.tzinfo or ZoneInfo("UTC")


def zone_label(moment: datetime, language: str) -> str:
    """ "WIB" (id) or "WIB, UTC+7" (en); "UTC+7" when there is no usual abbreviation."""
    pats = common(language)["dates"]
    offset = _offset_text(moment.utcoffset())
    key = getattr(moment.tzinfo, "key", None)
    abbr = _zones().get(key) if isinstance(key, str) else None
    if abbr is None:
        name = moment.tzname() or ""
        abbr = name if name.isalpha() and not name.startswith("UTC") else None
    if abbr is None:
        return str(pats["zone_offset"]).format(offset=offset)
    return str(pats["zone_plain"]).format(abbr=abbr, offset=offset)


def when_text(moment: datetime, tz_name: str | None, language: str, *, short: bool = False) -> str:
    """A date and time with its zone, in the language's usual form."""
    pats = common(language)["dates"]
    local = moment.astimezone(local_zone(moment, tz_name))
    date = format_date(local, pats["date_short" if short else "date"], locale=language)
    time = format_time(local, pats["time"], locale=language)
    template = str(pats["when_short" if short else "when"])
    return template.format(date=date, time=time, zone=zone_label(local, language))


def day_text(day: date, language: str, *, short: bool = False) -> str:
    """A day with no time known, in the same form `when_text` gives its date: "Senin,
    30 November 2026"."""
    pats = common(language)["dates"]
    return format_date(day, pats["date_short" if short else "date"], locale=language)


def letter_date(moment: datetime, language: str) -> str:
    """The date at the top of a letter: "22 November 2026"."""
    return format_date(moment, common(language)["dates"]["letter_date"], locale=language)


def day_part(moment: datetime, language: str) -> str:
    """ "pagi"/"siang"/… or "morning"/"afternoon"/… for the hour of `moment`."""
    part = ""
    for start, name in common(language)["day_parts"]:
        if moment.hour >= int(start):
            part = str(name)
    return part
