"""`sopan busy` and `sopan slots` through the real CLI, and the text they print."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sopan.calendar.views import recruiter_zone, slot_line
from sopan.model import Invitation, Slot

from .servers import ics_server

ICS = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
WIB = ZoneInfo("Asia/Jakarta")


def _config(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[profile]\nname = "Rina"\nlanguage = "id"\n' + text, "utf-8")


def test_busy_json_lists_entries_with_offsets(run_cli) -> None:
    result = run_cli(
        "busy",
        "--calendar",
        str(ICS / "tentative_outlook.ics"),
        "--from",
        "2026-11-24T00:00",
        "--to",
        "2026-11-26T00:00",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert [(e["start"], e["tentative"]) for e in entries] == [
        ("2026-11-24T10:00:00+07:00", True),
        ("2026-11-24T13:00:00+07:00", True),
        ("2026-11-25T08:00:00+07:00", False),
    ]


def test_busy_text_in_indonesian(run_cli, tmp_path: Path) -> None:
    _config(tmp_path, "")
    result = run_cli(
        "busy",
        "--calendar",
        str(ICS / "spans_midnight.ics"),
        "--from",
        "2026-11-24T00:00",
    )
    assert result.returncode == 0, result.stderr
    assert "Selasa, 24 November 2026 22.00 – Rabu, 25 November 2026 10.00 WIB" in result.stdout
    assert "Shift malam gudang" in result.stdout


def test_broken_calendar_is_one_line_exit_2(run_cli) -> None:
    result = run_cli("busy", "--calendar", str(ICS / "broken_not_ics.ics"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "broken_not_ics.ics" in result.stderr and "Traceback" not in result.stderr


def test_silent_server_is_one_line_exit_3(run_cli) -> None:
    with ics_server() as server:
        server.delay = 3
        result = run_cli("busy", "--calendar", server.url + "/kal.ics", "--timeout", "0.5")
    assert result.returncode == 3
    # the example profile speaks Indonesian: "the server did not answer within 0.5 s"
    assert result.stderr.strip().endswith("/kal.ics: server tidak menjawab dalam 0,5 detik")
    assert result.stderr.count("\n") == 1


def test_slots_json_best_first_at_the_interview_time(run_cli) -> None:
    result = run_cli(
        "slots",
        "--at",
        "2026-11-24T09:00",
        "--duration",
        "90m",
        "--now",
        "2026-11-23T08:00",
        "--calendar",
        str(ICS / "recurring_exceptions.ics"),
        "--count",
        "4",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    slots = json.loads(result.stdout)
    # Not the interview's own slot (24 Nov); the weekend is skipped, and on 30 Nov the
    # weekly meeting has moved to the afternoon, so 09.00 is free.
    assert slots == [
        {"start": "2026-11-25T09:00:00+07:00", "end": "2026-11-25T10:30:00+07:00"},
        {"start": "2026-11-26T09:00:00+07:00", "end": "2026-11-26T10:30:00+07:00"},
        {"start": "2026-11-27T09:00:00+07:00", "end": "2026-11-27T10:30:00+07:00"},
        {"start": "2026-11-30T09:00:00+07:00", "end": "2026-11-30T10:30:00+07:00"},
    ]


def test_slots_text_shows_conflicts_from_config_sources(run_cli, tmp_path: Path) -> None:
    source = str(ICS / "recurring_exceptions.ics")
    _config(tmp_path, f'[calendar]\nsources = ["{source}"]\ntravel_minutes = 30\n')
    result = run_cli("slots", "--at", "2026-11-30T14:00", "--now", "2026-11-23T08:00")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Bentrok pada jam wawancara:"
    assert "Rapat mingguan tim (dipindah sore)" in lines[1]  # 15.00, within 30 min travel
    # a slot to move the interview to comes after its own day, never before it
    assert lines[2].startswith("1. Selasa, 1 Desember 2026 14.00–15.00 WIB")


def test_slots_bad_flag_value_is_a_user_error(run_cli) -> None:
    result = run_cli("slots", "--within", "soon")
    assert result.returncode == 2
    assert "--within: 'soon' bukan lama waktu" in result.stderr


def test_slot_line_shows_the_recruiters_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    invitation = Invitation(
        language="en",
        source="text",
        start=datetime(2026, 11, 24, 11, tzinfo=tokyo),
        timezone="Asia/Tokyo",
    )
    other = recruiter_zone(invitation, "Asia/Jakarta")
    slot = Slot(datetime(2026, 11, 25, 9, tzinfo=WIB), datetime(2026, 11, 25, 10, tzinfo=WIB))
    line = slot_line(slot, "Asia/Jakarta", other, "en")
    assert line.startswith("Wednesday, 25 November 2026 09:00–10:00 WIB")
    assert "recruiter: Wednesday, 25 November 2026 11:00–12:00 JST" in line
    same = Invitation(language="id", source="text", start=datetime(2026, 11, 24, 9, tzinfo=WIB))
    assert recruiter_zone(same, "Asia/Jakarta") is None


def test_slots_never_offer_the_interviews_own_time(run_cli) -> None:
    # Friday morning; the interview is the next Monday at 10.00, a free working hour.
    result = run_cli(
        "slots", "--at", "2026-11-23T10:00+07:00", "--now", "2026-11-20T09:00+07:00", "--json"
    )
    assert result.returncode == 0, result.stderr
    starts = [s["start"] for s in json.loads(result.stdout)]
    assert len(starts) == 3
    assert "2026-11-23T10:00:00+07:00" not in starts
    assert all(s.endswith("T10:00:00+07:00") for s in starts)
