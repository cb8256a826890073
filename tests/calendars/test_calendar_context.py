"""Slots to propose for one invitation, and busy times that never stop the caller."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sopan.calendar import busy_around, propose
from sopan.config import example_config
from sopan.model import Busy, Invitation

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=JKT)  # a Friday
START = datetime(2026, 11, 24, 10, 0, tzinfo=JKT)  # the Tuesday after
INV = Invitation(language="id", source="email", start=START, end=START + timedelta(hours=1))


def test_the_interviews_own_time_is_never_proposed() -> None:
    slots = propose(INV, [], now=NOW, config=example_config(), within=timedelta(days=10))
    assert len(slots) == 3
    assert all(s.start != START for s in slots)
    assert all(s.end - s.start == timedelta(hours=1) for s in slots)
    assert all(s.start.astimezone(JKT).hour == 10 for s in slots)


def test_travel_time_keeps_the_way_there_free() -> None:
    meeting = Busy(
        datetime(2026, 11, 25, 8, 0, tzinfo=JKT), datetime(2026, 11, 25, 9, 0, tzinfo=JKT), "x"
    )
    config = example_config()
    near = propose(INV, [meeting], now=NOW, config=config, within=timedelta(days=10))
    far = propose(
        INV,
        [meeting],
        now=NOW,
        config=config,
        within=timedelta(days=10),
        travel=timedelta(hours=2),
    )
    wednesday = datetime(2026, 11, 25, 10, 0, tzinfo=JKT)
    assert any(s.start == wednesday for s in near)
    assert all(s.start != wednesday for s in far)
    for slot in far:
        assert slot.start - timedelta(hours=2) >= meeting.end or slot.end <= meeting.start


def test_busy_around_skips_a_broken_calendar_and_says_so(tmp_path: Path) -> None:
    broken = tmp_path / "mine.ics"
    broken.write_text("this is not a calendar", "utf-8")
    notes: list[str] = []
    found = busy_around(
        INV,
        [str(broken)],
        now=NOW,
        config=example_config(),
        within=timedelta(days=3),
        warn=notes.append,
    )
    assert found == []
    assert len(notes) == 1 and "mine.ics" in notes[0]
