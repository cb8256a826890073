"""Busy times read from real calendar content: this project's fixtures and eval-dev."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.calendar import busy_from_ics, conflicts
from sopan.calendar.ics import CalendarIndex, parse_calendar
from sopan.errors import InternalError, UserError
from sopan.model import Slot

ROOT = Path(__file__).resolve().parents[2]
EVAL_DEV = ROOT.parent / "shared" / "eval-dev"  # as in tests/conftest.py
WIB = ZoneInfo("Asia/Jakarta")
ICS = ROOT / "tests" / "fixtures" / "calendar"


def at(*parts: int, tz: ZoneInfo = WIB) -> datetime:
    return datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def busy(name: str, start: datetime, end: datetime, tz: str = "Asia/Jakarta") -> list:
    path = ICS / name
    return busy_from_ics(path.read_bytes(), start=start, end=end, source=path.name, tz=tz)


def local(entries: list) -> list[tuple[str, str, str]]:
    return [
        (
            b.start.astimezone(WIB).strftime("%m-%d %H:%M"),
            b.end.astimezone(WIB).strftime("%H:%M"),
            b.summary,
        )
        for b in entries
    ]


def test_weekly_series_with_exdate_moved_and_cancelled_occurrences() -> None:
    found = local(busy("recurring_exceptions.ics", at(2026, 11, 23), at(2026, 12, 5)))
    # 11-25 is an EXDATE, 11-30 moved to the afternoon, 12-02 cancelled
    assert found == [
        ("11-23 09:00", "10:00", "Rapat mingguan tim"),
        ("11-30 15:00", "16:00", "Rapat mingguan tim (dipindah sore)"),
    ]


def test_all_day_opaque_is_busy_transparent_and_cancelled_are_not() -> None:
    found = busy("allday_transparent_cancelled.ics", at(2026, 11, 23), at(2026, 11, 30))
    summaries = [b.summary for b in found]
    assert summaries == ["Kontrol ke dokter gigi", "Cuti ke Yogyakarta"]
    cuti = found[1]
    assert (cuti.start, cuti.end) == (at(2026, 11, 26), at(2026, 11, 28))
    dentist = found[0]
    assert dentist.end - dentist.start == timedelta(minutes=90)  # DTSTART + DURATION


def test_all_day_event_is_read_in_the_users_zone() -> None:
    found = busy(
        "allday_transparent_cancelled.ics",
        at(2026, 11, 25, tz=ZoneInfo("Asia/Jayapura")),
        at(2026, 11, 30, tz=ZoneInfo("Asia/Jayapura")),
        tz="Asia/Jayapura",
    )
    cuti = next(b for b in found if b.summary.startswith("Cuti"))
    assert cuti.start == at(2026, 11, 26, tz=ZoneInfo("Asia/Jayapura"))
    assert cuti.start.utcoffset() == timedelta(hours=9)


def test_tentative_marked_outlook_free_left_out_windows_zone_names() -> None:
    found = busy("tentative_outlook.ics", at(2026, 11, 24), at(2026, 11, 26))
    assert [(b.summary, b.tentative) for b in found] == [
        ("Mungkin: presentasi vendor", True),
        ("Diskusi anggaran", True),
        ("Panggilan dengan kantor Singapura", False),
    ]
    assert found[0].start == at(2026, 11, 24, 10)  # "SE Asia Standard Time" = UTC+7
    assert found[2].start == at(2026, 11, 25, 8)  # "Singapore Standard Time", no VTIMEZONE


def test_x_wr_timezone_keeps_local_time_across_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    found = busy("x_wr_timezone_google.ics", at(2026, 3, 20), at(2026, 4, 16))
    weekly = [b for b in found if b.summary.startswith("Weekly")]
    assert {b.start.astimezone(berlin).strftime("%H:%M") for b in weekly} == {"10:00"}
    assert [b.start.astimezone(WIB).hour for b in weekly] == [16, 15, 15, 15]
    floating = next(b for b in found if b.summary.startswith("Floating"))
    assert floating.start == datetime(2026, 4, 15, 14, tzinfo=berlin)


def test_event_spanning_midnight_conflicts_next_morning() -> None:
    found = busy("spans_midnight.ics", at(2026, 11, 25), at(2026, 11, 26))
    assert len(found) == 1
    morning = Slot(at(2026, 11, 25, 9), at(2026, 11, 25, 10))
    assert conflicts(morning, found) == found
    assert conflicts(Slot(at(2026, 11, 25, 10), at(2026, 11, 25, 11)), found) == []


def test_endless_recurrence_is_cut_at_the_window() -> None:
    found = busy("endless_daily.ics", at(2031, 5, 1), at(2031, 5, 8))
    assert len(found) == 7
    assert all(b.start.astimezone(WIB).hour == 16 for b in found)
    assert found[-1].start < at(2031, 5, 8)


@pytest.mark.parametrize("name", ["broken_not_ics.ics", "broken_truncated.ics"])
def test_unreadable_calendar_names_its_source(name: str) -> None:
    with pytest.raises(UserError, match=name):
        busy(name, at(2026, 11, 1), at(2026, 12, 1))


def test_naive_window_is_refused() -> None:
    with pytest.raises(InternalError, match="time-zone aware"):
        busy_from_ics(b"", start=datetime(2026, 1, 1), end=datetime(2026, 1, 2), source="x")


def test_index_round_trips_through_json() -> None:
    data = (ICS / "recurring_exceptions.ics").read_bytes() + b""
    extra = (ICS / "allday_transparent_cancelled.ics").read_bytes()
    for blob in (data, extra):
        index = parse_calendar(blob, tz="Asia/Jakarta", source="s")
        again = CalendarIndex.from_json(index.to_json(), "s", "Asia/Jakarta")
        assert again is not None
        window = (at(2026, 11, 20), at(2026, 12, 10))
        assert [(b.start, b.end, b.summary) for b in again.busy_between(*window)] == [
            (b.start, b.end, b.summary) for b in index.busy_between(*window)
        ]
    assert CalendarIndex.from_json('{"version": 0}', "s", "Asia/Jakarta") is None


# --- eval-dev: calendar invitations from Google Calendar and Exchange -------------------

EVAL_ICS = EVAL_DEV / "ics"


def _eval(name: str) -> tuple[bytes, dict]:
    import json

    path = EVAL_ICS / name
    return path.read_bytes(), json.loads(path.with_suffix(".json").read_text("utf-8"))


@pytest.mark.shared
def test_eval_google_utc_event_is_busy_at_its_labelled_time() -> None:
    data, label = _eval("nylas_gcal_v1.ics")
    start = datetime.strptime(label["dtstart"], "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
    found = busy_from_ics(
        data, start=start - timedelta(days=1), end=start + timedelta(days=1), source="gcal"
    )
    assert [(b.start, b.summary) for b in found] == [(start, label["summary"])]
    assert found[0].end - found[0].start == timedelta(hours=1)


@pytest.mark.shared
def test_eval_exchange_windows_zone_event_is_tentative_at_paris_time() -> None:
    data, label = _eval("nylas_windows_event.ics")
    paris = ZoneInfo("Europe/Paris")
    start = datetime.strptime(label["dtstart"], "%Y%m%dT%H%M%S").replace(tzinfo=paris)
    found = busy_from_ics(
        data, start=start - timedelta(hours=3), end=start + timedelta(hours=3), source="exchange"
    )
    assert len(found) == 1
    assert found[0].start == start  # Romance Standard Time = Paris, UTC+1 in February
    assert found[0].summary == label["summary"]
    assert found[0].tentative  # X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE


@pytest.mark.shared
def test_eval_transparent_all_day_series_is_never_busy() -> None:
    data, label = _eval("nylas_invite_recurring_allday.ics")
    assert label["has_rrule"]
    found = busy_from_ics(data, start=at(2014, 8, 1), end=at(2014, 10, 1), source="allday")
    assert found == []
    opaque = data.replace(b"TRANSP:TRANSPARENT", b"TRANSP:OPAQUE")
    shown = busy_from_ics(opaque, start=at(2014, 8, 10), end=at(2014, 8, 17), source="allday")
    # BYDAY=SU,WE,SA from Sunday 10 August: 10, 13, 16 August
    assert [b.start.day for b in shown] == [10, 13, 16]
    assert all(b.end - b.start == timedelta(days=1) for b in shown)


@pytest.mark.shared
def test_every_eval_ics_parses(tmp_path: Path) -> None:
    names = sorted(p.name for p in EVAL_ICS.glob("*.ics"))
    assert len(names) >= 3
    for name in names:
        index = parse_calendar((EVAL_ICS / name).read_bytes(), tz="Asia/Jakarta", source=name)
        assert index.source == name


def test_outlook_display_name_zone_in_quotes() -> None:
    found = busy("outlook_display_tzid.ics", at(2026, 11, 24), at(2026, 11, 25))
    assert [(b.start, b.end) for b in found] == [
        (at(2026, 11, 24, 13, 30), at(2026, 11, 24, 14, 30))
    ]


def test_unknown_x_wr_timezone_is_ignored() -> None:
    data = (
        (ICS / "x_wr_timezone_google.ics")
        .read_bytes()
        .replace(b"X-WR-TIMEZONE:Europe/Berlin", b"X-WR-TIMEZONE:Mars/Olympus_Mons")
    )
    found = busy_from_ics(data, start=at(2026, 4, 15), end=at(2026, 4, 16), source="g")
    floating = next(b for b in found if b.summary.startswith("Floating"))
    assert floating.start == at(2026, 4, 15, 14)  # read in the user's zone instead
