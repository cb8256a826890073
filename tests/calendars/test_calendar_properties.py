"""Properties every proposed slot must have, whatever the calendar looks like."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from sopan.calendar import free_slots
from sopan.calendar.slots import DEFAULT_BLOCKED, Blocked, holidays_between
from sopan.config.calendar import SlotPrefs
from sopan.model import Busy

ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin")
BASE = datetime(2026, 12, 14, tzinfo=ZoneInfo("UTC"))  # Christmas and joint leave ahead


@st.composite
def scenarios(draw: st.DrawFn) -> tuple:
    tz = draw(st.sampled_from(ZONES))
    now = BASE + timedelta(minutes=draw(st.integers(0, 60 * 24 * 20)))
    entries = []
    for _ in range(draw(st.integers(0, 40))):
        start = now + timedelta(minutes=5 * draw(st.integers(-100, 12 * 24 * 12)))
        length = timedelta(minutes=5 * draw(st.integers(0, 100)))
        entries.append(Busy(start, start + length, "x", draw(st.booleans())))
    duration = timedelta(minutes=draw(st.sampled_from((15, 30, 45, 60, 90, 120, 150))))
    start_h = draw(st.integers(6, 10))
    end_h = draw(st.integers(start_h + 3, 19))
    hours = {d: (time(start_h), time(end_h)) for d in draw(st.sets(st.integers(0, 6), min_size=1))}
    blocked = DEFAULT_BLOCKED + (
        (Blocked(frozenset({2}), time(15), time(15, 45), "sport"),) if draw(st.booleans()) else ()
    )
    notice = draw(st.sampled_from((None, timedelta(hours=2), timedelta(days=2))))
    prefs = SlotPrefs(working_hours=hours, blocked=blocked, min_notice=notice, country="ID")
    preferred = draw(st.none() | st.builds(time, st.integers(0, 23), st.sampled_from((0, 15, 30))))
    count = draw(st.integers(1, 6))
    return tz, now, entries, duration, prefs, preferred, count


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_every_slot_is_free_in_hours_not_blocked_not_holiday_and_long_enough(case: tuple) -> None:
    tz, now, entries, duration, prefs, preferred, count = case
    zone = ZoneInfo(tz)
    slots = free_slots(
        entries,
        now=now,
        duration=duration,
        count=count,
        prefs=prefs,
        preferred_time=preferred,
        tz=tz,
    )
    assert len(slots) <= count
    closed = holidays_between("ID", now.date() - timedelta(days=1), now.date() + timedelta(days=12))
    local_now = now.astimezone(zone)
    tomorrow = datetime.combine(local_now.date() + timedelta(days=1), time(0), zone)
    for slot in slots:
        assert slot.end - slot.start == duration
        assert all(not (b.start < slot.end and b.end > slot.start) for b in entries)
        start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        assert start.date() == end.date() or end.time() == time(0)
        assert start.date() not in closed
        hours = prefs.working_hours.get(start.weekday())
        assert hours is not None and hours[0] <= start.time() and end.time() <= hours[1]
        for b in prefs.blocked:
            if start.weekday() in b.weekdays:
                assert end.time() <= b.start or start.time() >= b.end
        assert slot.start >= (now + prefs.min_notice if prefs.min_notice else tomorrow)
        assert slot.start < now + timedelta(days=10)
    ordered = sorted(slots, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))
