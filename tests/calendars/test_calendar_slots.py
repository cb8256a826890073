"""Free slots and conflicts: pure functions of busy times, now and preferences."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan import parse
from sopan.calendar import busy_from_ics, conflicts, free_slots
from sopan.calendar.slots import holidays_between
from sopan.config import Config
from sopan.config.calendar import SlotPrefs
from sopan.errors import InternalError, UserError
from sopan.model import Busy, Profile, Slot

WIB = ZoneInfo("Asia/Jakarta")
ICS = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)  # Monday 23 November 2026, 08.00 WIB
HOUR = timedelta(hours=1)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def test_conflicts_widened_by_travel() -> None:
    entries = [
        Busy(at(24, 8), at(24, 9, 30), "Antar anak sekolah"),
        Busy(at(24, 11, 30), at(24, 12), "Makan siang"),
        Busy(at(24, 13), at(24, 14), "Rapat"),
    ]
    interview = Slot(at(24, 10), at(24, 11))
    assert conflicts(interview, entries) == []
    near = conflicts(interview, entries, travel=timedelta(minutes=45))
    assert [b.summary for b in near] == ["Antar anak sekolah", "Makan siang"]


def test_slots_at_the_interviews_time_on_different_days() -> None:
    slots = free_slots([], now=MONDAY, duration=HOUR, preferred_time=time(10), tz="Asia/Jakarta")
    assert [(s.start.day, s.start.hour) for s in slots] == [(24, 10), (25, 10), (26, 10)]
    assert all(s.end - s.start == HOUR for s in slots)


def test_not_before_tomorrow_by_default_and_notice_configurable() -> None:
    late = datetime(2026, 11, 23, 7, tzinfo=WIB)
    first = free_slots([], now=late, duration=HOUR, count=1)
    assert first[0].start == at(24, 9)
    quick = free_slots([], now=late, duration=HOUR, count=1, prefs=SlotPrefs(min_notice=HOUR))
    assert quick[0].start == at(23, 9)


def test_busy_times_and_lunch_and_friday_prayers_are_avoided() -> None:
    friday = datetime(2026, 11, 26, 18, tzinfo=WIB)  # Thursday evening → Friday 27th next
    busy = [Busy(at(27, 9), at(27, 11, 30), "Ujian")]
    slots = free_slots(
        busy, now=friday, duration=HOUR, count=1, within=timedelta(days=1), preferred_time=time(11)
    )
    assert slots == [Slot(at(27, 13), at(27, 14))]  # 11.30–13.00 is Friday prayers


def test_busy_calendar_moves_the_slot_to_the_nearest_free_time() -> None:
    data = (ICS / "recurring_exceptions.ics").read_bytes()
    busy = busy_from_ics(data, start=MONDAY, end=MONDAY + timedelta(days=16), source="kerja")
    slots = free_slots(
        busy, now=MONDAY, duration=HOUR, count=10, within=timedelta(days=15), preferred_time=time(9)
    )
    assert all(conflicts(slot, busy) == [] for slot in slots)
    # The weekly Monday/Wednesday 09.00 meeting leaves 09.00 free on 25 November (EXDATE),
    # 30 November (moved to 15.00) and 2 December (cancelled), but not on 7 December.
    assert [(s.start.month, s.start.day, s.start.hour) for s in slots] == [
        (11, 24, 9),
        (11, 25, 9),
        (11, 26, 9),
        (11, 27, 9),
        (11, 30, 9),
        (12, 1, 9),
        (12, 2, 9),
        (12, 3, 9),
        (12, 4, 9),
        (12, 7, 10),
    ]


def test_holidays_and_joint_leave_are_never_proposed() -> None:
    before_christmas = datetime(2026, 12, 22, 12, tzinfo=WIB)
    slots = free_slots([], now=before_christmas, duration=HOUR, count=3, preferred_time=time(10))
    days = [s.start.date().isoformat() for s in slots]
    assert "2026-12-24" not in days  # Christmas joint leave (cuti bersama)
    assert "2026-12-25" not in days
    assert days[0] == "2026-12-23"
    closed = holidays_between(
        "ID", before_christmas.date(), before_christmas.date().replace(day=31)
    )
    assert {d.day for d in closed} >= {24, 25}


def test_fills_from_used_days_when_too_few_days() -> None:
    slots = free_slots(
        [],
        now=MONDAY,
        duration=HOUR,
        count=4,
        within=timedelta(days=1, hours=16),
        preferred_time=time(10),
    )
    assert len(slots) == 4
    assert len({s.start.date() for s in slots}) == 1
    ordered = sorted(slots, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))


def test_slots_in_another_zone_follow_its_working_hours() -> None:
    slots = free_slots(
        [], now=MONDAY, duration=HOUR, count=1, tz="Asia/Jayapura", preferred_time=time(9)
    )
    assert slots[0].start.utcoffset() == timedelta(hours=9)
    assert slots[0].start.hour == 9


def test_bad_values_are_user_errors() -> None:
    with pytest.raises(InternalError):  # a caller's mistake, not a person's
        free_slots([], now=datetime(2026, 1, 1), duration=HOUR)
    with pytest.raises(InternalError):
        free_slots([], now=MONDAY, duration=timedelta(0))
    with pytest.raises(UserError, match="Mars/Base"):
        free_slots([], now=MONDAY, duration=HOUR, tz="Mars/Base")
    with pytest.raises(UserError, match="XX"):
        free_slots([], now=MONDAY, duration=HOUR, prefs=SlotPrefs(country="XX"))


def test_settings_from_the_calendar_table() -> None:
    config = Config(
        Profile(name="Rina", country="ID"),
        {
            "calendar": {
                "sources": ["~/kerja.ics"],
                "working_hours": {"mon-thu": "08.00-16.00", "fri": "08:00-11:00", "sat": "09-12"}
                | {"sat": "09.00-12.00"},
                "blocked": ["mon-fri 12.00-13.00 makan siang"],
                "travel_minutes": 45,
                "min_notice": "2d",
                "country": "",
            }
        },
    )
    settings = config.calendar
    assert settings.sources == ("~/kerja.ics",)
    assert settings.travel_minutes == 45
    prefs = settings.prefs
    assert prefs.working_hours[4] == (time(8), time(11))
    assert prefs.working_hours[5] == (time(9), time(12))
    assert 6 not in prefs.working_hours
    assert prefs.min_notice == timedelta(days=2)
    assert prefs.country is None
    assert [b.label for b in prefs.blocked] == ["makan siang"]


@pytest.mark.parametrize(
    "table",
    [
        {"working_hours": "17.00-09.00"},
        {"working_hours": {"funday": "09.00-10.00"}},
        {"blocked": ["fri"]},
        {"min_notice": "soon"},
        {"travel_minutes": -5},
        {"sources": 3},
    ],
)
def test_bad_calendar_table_is_a_user_error(table: dict) -> None:
    with pytest.raises(UserError) as caught:
        _ = Config(Profile(name="Rina"), {"calendar": table}).calendar
    assert (caught.value.field or "").startswith("config.calendar")


def test_small_parsers() -> None:
    assert parse.weekdays("fri-mon", field="x") == frozenset({4, 5, 6, 0})
    assert parse.duration("90m", field="x") == timedelta(minutes=90)
    assert parse.duration("10d", field="x") == timedelta(days=10)
