"""A time the person offers is on their own clock: read in their zone, written in the
recruiter's with theirs beside it when the two clocks differ (R5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.app.planning import _typed_alternatives
from sopan.compose.facts import slot_texts
from sopan.model import Slot

from .compose_cases import PROFILE, invitation, situation

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 12, 9, 10, tzinfo=JKT)


def _abroad(language: str, zone: str) -> object:
    start = datetime(2026, 12, 10, 14, tzinfo=ZoneInfo(zone))
    return replace(invitation(language), timezone=zone, start=start, end=None)


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "2026-12-16 10:00", "2026-12-16T10:00:00+07:00"),
        ("en", "Wednesday, 16 December 2026 at 10:00", "2026-12-16T10:00:00+07:00"),
        ("en", "16 December 2026 10:00 SGT", "2026-12-16T10:00:00+08:00"),
        ("id", "Rabu, 16 Desember 2026 pukul 10.00", "2026-12-16T10:00:00+07:00"),
        ("id", "16/12 jam 10.00", "2026-12-16T10:00:00+07:00"),
        ("id", "16/12 jam 10.00 SGT", "2026-12-16T10:00:00+08:00"),
    ],
)
def test_a_typed_time_is_in_the_persons_zone_unless_they_name_one(
    language: str, typed: str, expected: str
) -> None:
    inv = _abroad(language, "Asia/Singapore")
    slots, free = _typed_alternatives(
        [typed],
        inv,
        tz="Asia/Jakarta",
        language=language,
        now=NOW,  # type: ignore[arg-type]
    )
    assert free == ()
    assert slots[0].start.isoformat() == expected


@pytest.mark.parametrize(
    ("language", "zone", "expected"),
    [
        ("en", "Asia/Singapore", "at 11:00 (SGT; 10:00 WIB for me)"),
        ("id", "Asia/Singapore", "pukul 11.00 SGT (10.00 WIB)"),
        # a day apart: the person's own day is named too
        ("en", "America/Los_Angeles", "Tuesday, 15 December 2026 at 19:00"),
        ("id", "Asia/Jakarta", "pukul 10.00 WIB"),
        ("en", "Asia/Jakarta", "at 10:00 (WIB, UTC+7)"),
    ],
)
def test_an_offered_slot_is_written_in_the_recruiters_zone_with_the_persons_beside_it(
    language: str, zone: str, expected: str
) -> None:
    inv = _abroad(language, zone)
    start = datetime(2026, 12, 16, 10, tzinfo=JKT)
    sit = replace(situation(language, "reschedule", "schedule-conflict"),
                  alternatives=(Slot(start, None),), alternatives_text=())  # fmt: skip
    written = slot_texts(inv, sit, replace(PROFILE, timezone="Asia/Jakarta"), language)  # type: ignore[arg-type]
    assert len(written) == 1 and expected in written[0], written
    if zone == "America/Los_Angeles":
        assert "Wednesday, 16 December 10:00 WIB for me" in written[0]
    if zone == "Asia/Jakarta":
        assert "(" not in written[0].replace("(WIB, UTC+7)", "")
