"""Conflicts at the interview time, and free slots worth proposing instead (R1.1, R5).

Pure functions of values: the busy list, `now`, and the user's preferences.
All arithmetic on instants is done in UTC seconds, so a daylight-saving change in
the user's zone never stretches or shrinks a slot; wall-clock times (working hours,
blocked periods, the preferred time of day) are read in the user's zone.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sopan.config.calendar import DEFAULT_BLOCKED, Blocked, SlotPrefs
from sopan.errors import InternalError, UserError
from sopan.model import Busy, Slot

__all__ = ["DEFAULT_BLOCKED", "Blocked", "SlotPrefs", "conflicts", "free_slots", "holidays_between"]

Span = tuple[float, float]


@functools.lru_cache(maxsize=32)
def _holidays(country: str, years: tuple[int, ...]) -> frozenset[date]:
    import holidays

    try:
        cls = holidays.country_holidays(country, years=years).__class__
        # Joint leave days (Indonesia's cuti bersama) are the "government" category.
        wanted = tuple(c for c in ("public", "government") if c in cls.supported_categories)
        found = holidays.country_holidays(country, years=years, categories=wanted)
    except NotImplementedError:
        raise UserError("calendar.no_holidays", value=country) from None
    return frozenset(found.keys())


def holidays_between(country: str | None, first: date, last: date) -> frozenset[date]:
    """Public holidays (and joint leave days where known) of `country` in [first, last]."""
    if not country:
        return frozenset()
    return _holidays(country.upper(), tuple(range(first.year, last.year + 1)))


def conflicts(
    interview: Slot, busy: Sequence[Busy], *, travel: timedelta = timedelta(0)
) -> list[Busy]:
    """Every busy entry overlapping the interview widened by `travel` on both sides."""
    lo, hi = interview.start - travel, interview.end + travel
    return sorted((b for b in busy if b.start < hi and b.end > lo), key=lambda b: (b.start, b.end))


def _merge(busy: Sequence[Busy]) -> list[Span]:
    spans = sorted((b.start.timestamp(), b.end.timestamp()) for b in busy)
    merged: list[list[float]] = []
    for s, e in spans:
        if e < s:
            continue
        # a zero-length entry (a reminder at 10.00) still rules out slots around it
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _subtract(base: Span, cuts: list[Span]) -> list[Span]:
    free: list[Span] = []
    cursor, end = base
    for s, e in sorted(cuts):
        if e <= cursor or s >= end:
            continue
        if s > cursor:
            free.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        free.append((cursor, end))
    return free


def _at(day: date, moment: time, zone: ZoneInfo) -> float:
    return datetime.combine(day, moment, zone).timestamp()


def _day_free(
    day: date,
    prefs: SlotPrefs,
    zone: ZoneInfo,
    merged: list[Span],
    ends: list[float],
    lo: float,
    hi: float,
) -> list[Span]:
    hours = prefs.working_hours.get(day.weekday())
    if hours is None or hours[0] >= hours[1]:
        return []
    ws, we = max(_at(day, hours[0], zone), lo), min(_at(day, hours[1], zone), hi)
    if ws >= we:
        return []
    cuts = [
        (_at(day, b.start, zone), _at(day, b.end, zone))
        for b in prefs.blocked
        if day.weekday() in b.weekdays
    ]
    i = bisect_left(ends, ws)
    while i < len(merged) and merged[i][0] < we:
        cuts.append(merged[i])
        i += 1
    return _subtract((ws, we), cuts)


def _candidates(
    day: date, free: list[Span], length: float, prefs: SlotPrefs, zone: ZoneInfo, pref: time | None
) -> list[float]:
    step = prefs.step.total_seconds()
    midnight = _at(day, time(0), zone)
    starts: list[float] = []
    if pref is not None:
        starts.append(_at(day, pref, zone))
    for s, e in free:
        t = midnight + -(-(s - midnight) // step) * step  # first grid point at or after s
        while t + length <= e:
            starts.append(t)
            t += step
    return sorted({t for t in starts if any(s <= t and t + length <= e for s, e in free)})


def free_slots(
    busy: Sequence[Busy],
    *,
    now: datetime,
    duration: timedelta,
    count: int = 3,
    within: timedelta = timedelta(days=10),
    prefs: SlotPrefs | None = None,
    preferred_time: time | None = None,
    tz: str = "Asia/Jakarta",
    not_before: datetime | None = None,
) -> list[Slot]:
    """Up to `count` free slots of exactly `duration` within `within` of `now` (or of
    `not_before`, when later: the first moment the user can attend), best first.

    Slots fall inside working hours, outside blocked periods, busy entries (tentative
    ones too) and holidays, not before the minimum notice; one per day first, ranked by
    closeness to `preferred_time` (the interview's own time of day), then by date.
    """
    if now.tzinfo is None:
        raise InternalError("calendar: `now` must carry a time zone")  # a caller's mistake
    if duration <= timedelta(0):
        raise InternalError("calendar: the slot duration must be positive")
    prefs = prefs or SlotPrefs()
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError("parse.zone", value=tz) from None
    local_now = now.astimezone(zone)
    if prefs.min_notice is None:
        earliest = datetime.combine(local_now.date() + timedelta(days=1), time(0), zone)
    else:
        earliest = now + prefs.min_notice
    start = max(now, not_before) if not_before is not None else now
    lo, hi = max(earliest.timestamp(), start.timestamp()), (start + within).timestamp()
    if lo >= hi or count <= 0:
        return []
    first = datetime.fromtimestamp(lo, zone).date()
    last = datetime.fromtimestamp(hi, zone).date()
    closed = holidays_between(prefs.country, first, last)
    merged = _merge(busy)
    ends = [e for _, e in merged]  # spans are disjoint and sorted, so ends are sorted too
    length = duration.total_seconds()
    ranked: list[tuple[float, date, float]] = []
    day = first
    while day <= last:
        if day not in closed:
            free = _day_free(day, prefs, zone, merged, ends, lo, hi)
            for t in _candidates(day, free, length, prefs, zone, preferred_time):
                ranked.append((_distance(t, zone, preferred_time), day, t))
        day += timedelta(days=1)
    ranked.sort()
    chosen: list[tuple[float, date, float]] = []
    used_days: set[date] = set()
    for item in ranked:  # first pass: one slot per day, spread over days
        if len(chosen) < count and item[1] not in used_days:
            chosen.append(item)
            used_days.add(item[1])
    for item in ranked:  # then fill from days already used, without overlap
        if len(chosen) >= count:
            break
        if all(abs(item[2] - c[2]) >= length for c in chosen):
            chosen.append(item)
    chosen.sort()
    return [
        Slot(datetime.fromtimestamp(t, zone), datetime.fromtimestamp(t + length, zone))
        for _, _, t in chosen
    ]


def _distance(t: float, zone: ZoneInfo, pref: time | None) -> float:
    if pref is None:
        return 0.0  # no preference: earliest day, then earliest time
    local = datetime.fromtimestamp(t, zone)
    minutes = local.hour * 60 + local.minute
    return float(abs(minutes - (pref.hour * 60 + pref.minute)))
