"""Dates and times named in a reply, in Indonesian and English forms, with their spans.

Only what is needed to compare a reply with its invitation: day, month, optional year,
optional weekday, and clock times ("10.00 WIB", "pukul 9", "2:30 pm").
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from sopan import rx
from sopan.read.times import zone_name
from sopan.read.words import month_map, weekday_map, zone_map


@dataclass(frozen=True)
class DateMention:
    """A calendar date found in a text; year and weekday only when written."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None


@dataclass(frozen=True)
class TimeMention:
    """A clock time found in a text, as 24-hour hour and minute, with the IANA name of
    the zone written right after it ("10.00 WITA"), if any."""

    start: int
    end: int
    hour: int
    minute: int
    zone: str | None = None
    #: the zone as written ("WIB", "UTC+7", "GMT")
    zone_text: str | None = None


def _alt(names: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], dict[str, int], dict[str, int]]:
    # The reader's month and weekday words: a reply is read with the names invitations use.
    months, days = month_map(), weekday_map()
    m, d = _alt(months), _alt(days)
    wd = rf"(?:(?P<wd>{d})\.?,?\s+(?:the\s+)?)?"
    year = r"(?:,?\s+(?P<y>\d{4}))?"
    flags = re.IGNORECASE
    pats = [
        # Senin, 23 November 2026 · Monday 23rd of November 2026
        rx.compile(
            rf"\b{wd}(?:tanggal\s+|tgl\.?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<m>{m})\b\.?{year}",
            flags,
        ),
        # Monday, November 23rd, 2026
        rx.compile(
            rf"\b{wd}(?P<m>{m})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b{year}",
            flags,
        ),
        # 23/11/2026 (day first), 2026-11-23
        rx.compile(rf"\b{wd}(?P<d>\d{{1,2}})[/.-](?P<mn>\d{{1,2}})[/.-](?P<y>\d{{4}})\b", flags),
        rx.compile(rf"\b{wd}(?P<y>\d{{4}})-(?P<mn>\d{{2}})-(?P<d>\d{{2}})\b", flags),
    ]
    return pats, months, days


@lru_cache(maxsize=1)
def _time_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    # The reader's table of zone names, so a reply is read with the zones invitations use.
    zones = {name.lower(): iana for name, iana in zone_map().items()}
    pattern = rx.compile(
        r"(?:\b(?:pukul|jam|pk\.?|at)\s+(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
        r"|\b(?P<h2>\d{1,2})[.:](?P<m2>\d{2})(?!\d|[./-]\d))"
        r"(?:\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z]))?"
        rf"(?:\s*\(?(?P<zone>{_alt(dict.fromkeys(zones, 0))})\b"
        r"(?:\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)?\)?)?",
        re.IGNORECASE,
    )
    return pattern, zones


def find_dates(text: str) -> list[DateMention]:
    """Every date written in the text, earliest first, overlapping forms dropped."""
    pats, months, days = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # disjoint and sorted: a free span is found by bisection

    def free(a: int, b: int) -> bool:
        i = bisect_right(taken, (a, len(text) + 1))
        return not (i and taken[i - 1][1] > a) and (i == len(taken) or taken[i][0] >= b)

    for pat in pats:
        for match in pat.finditer(text):
            if not free(match.start(), match.end()):
                continue
            g = match.groupdict()
            month = months[g["m"].lower()] if g.get("m") else int(g["mn"])
            day = int(g["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            weekday = days[g["wd"].lower()] if g.get("wd") else None
            year = int(g["y"]) if g.get("y") else None
            found.append(DateMention(match.start(), match.end(), day, month, year, weekday))
            insort(taken, (match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def find_times(text: str) -> list[TimeMention]:
    """Every clock time written in the text ("10.00", "pukul 9", "2:30 pm")."""
    out = []
    pattern, zones = _time_pattern()
    for match in pattern.finditer(text):
        hour = int(match["h1"] or match["h2"])
        minute = int(match["m1"] or match["m2"] or 0)
        ampm = (match["ap"] or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if match["h1"] and not match["m1"] and not ampm and match.group().lower().startswith("at"):
            continue  # "at 3" alone is too loose to be a time
        if hour < 24 and minute < 60:
            zone = None
            if match["zone"]:
                # "14.30 UTC+7" is 14.30 WIB's moment: the offset counts, as the reader reads it
                zone = zone_name(match["zone"], match["sign"], match["oh"], match["om"])
                zone = zone or zones[match["zone"].lower()]
            written = (
                match["zone"] + (match["sign"] or "") + (match["oh"] or "")
                if match["zone"]
                else None
            )
            out.append(TimeMention(match.start(), match.end(), hour, minute, zone, written))
    return out
