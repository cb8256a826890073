"""Hostile input that must not redirect a reply, reach a terminal, write through a link, or
leave the user's files readable by others."""

from __future__ import annotations

import email
import stat
from email import policy
from pathlib import Path

from conftest import Run

from sopan._infra.files import write_new, write_private
from sopan.read.people import address_header

NOW = "2026-11-20T09:00+07:00"
BODY = "\n\nWe invite you to an interview on Monday, 30 November 2026 at 10:00 WIB.\nBest, Sarah\n"
CHOICES = ["--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed"]


def _invitation(tmp_path: Path, from_header: str, subject: str = "Interview invitation") -> Path:
    path = tmp_path / "invite.eml"
    path.write_text(
        f"From: {from_header}\nTo: rina@example.com\nSubject: {subject}\n"
        f"Date: Wed, 18 Nov 2026 09:12:00 +0700\nMessage-ID: <m1@brightpath.example>" + BODY,
        "utf-8",
    )
    return path


def test_an_encoded_name_never_becomes_the_address() -> None:
    cases = {
        "=?utf-8?q?Sarah_<evil@attacker.example>?= <talent@brightpath.example>": "Sarah",
        "=?utf-8?q?Sarah=0D=0ABcc:_evil@x.example?= <talent@brightpath.example>": None,
        "=?utf-8?b?U2FyYWggPGV2aWxAYXR0YWNrZXIuZXhhbXBsZT4=?= <talent@brightpath.example>": (
            "Sarah"
        ),
        "Sarah Mitchell <talent@brightpath.example>": "Sarah Mitchell",
    }
    for header, name in cases.items():
        assert address_header(header) == (name, "talent@brightpath.example"), header


def test_a_draft_replies_to_the_real_sender(run_cli: Run, tmp_path: Path) -> None:
    source = _invitation(
        tmp_path, "=?utf-8?q?Sarah_<evil@attacker.example>?= <talent@brightpath.example>"
    )
    out = tmp_path / "out"
    done = run_cli("draft", str(source), *CHOICES, "--channel", "email", "--now", NOW,
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    msg = email.message_from_bytes((out / "email.eml").read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in msg["To"].addresses] == ["talent@brightpath.example"]
    assert "attacker" not in (out / "email.eml").read_text("utf-8")


def test_control_characters_reach_neither_the_terminal_nor_the_headers(
    run_cli: Run, tmp_path: Path
) -> None:
    source = _invitation(
        tmp_path, "Sarah <talent@brightpath.example>", "=?utf-8?q?Interview=1B]0;pwned=07_now?="
    )
    shown = run_cli("read", str(source), "--now", NOW)
    assert shown.returncode == 0 and "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    out = tmp_path / "out"
    done = run_cli("draft", str(source), *CHOICES, "--channel", "email", "--now", NOW,
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    raw = (out / "email.eml").read_bytes()
    assert b"\x1b" not in raw and b"\x07" not in raw


def test_a_dangling_link_in_the_output_folder_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "secret.txt"
    out = tmp_path / "out"
    out.mkdir()
    (out / "email.eml").symlink_to(target)
    written = write_new(out, "email.eml", b"draft")
    assert written.name == "email-2.eml" and written.read_bytes() == b"draft"
    assert not target.exists() and (out / "email.eml").is_symlink()


def test_an_existing_draft_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "sms.txt").write_text("mine")
    assert write_new(tmp_path, "sms.txt", b"new").name == "sms-2.txt"
    assert (tmp_path / "sms.txt").read_text() == "mine"


def test_files_kept_for_the_user_are_private(tmp_path: Path) -> None:
    path = write_private(tmp_path / "a" / "b" / "cache.json", b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_the_config_file_is_private(run_cli: Run, tmp_path: Path) -> None:
    done = run_cli("init", "--name", "Rina Kartika Sari", "--email", "rina@example.com",
                   "--lang", "id")  # fmt: skip
    assert done.returncode == 0, done.stderr
    config = tmp_path / "config" / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700


def test_the_calendar_cache_is_private(tmp_path: Path) -> None:
    from sopan.calendar.sources import _write

    path = tmp_path / "cache" / "calendar" / "index" / "k.json"
    _write(path, b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_device_is_read_only_up_to_the_limit(run_cli: Run) -> None:
    done = run_cli("read", "/dev/zero", "--now", NOW)
    assert done.returncode == 2
    assert done.stderr.strip() == "sopan: /dev/zero: too large to be an invitation (over 10 MB)"


def test_a_fetched_calendar_and_its_index_are_private(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from calendars.servers import ics_server

    from sopan.calendar import load_busy

    zone = ZoneInfo("Asia/Jakarta")
    body = (
        Path(__file__).parent / "fixtures" / "calendar" / "recurring_exceptions.ics"
    ).read_bytes()
    with ics_server() as server:
        server.body = body
        load_busy(
            [server.url + "/private.ics"],
            start=datetime(2026, 11, 20, tzinfo=zone),
            end=datetime(2026, 12, 20, tzinfo=zone),
            cache_dir=tmp_path / "cache",
        )
    kept = [p for p in (tmp_path / "cache").rglob("*")]
    assert any(p.suffix == ".ics" for p in kept)
    for path in kept:
        want = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == want, path


def test_series_and_events_have_a_budget_per_calendar() -> None:
    import pytest

    from sopan.errors import UserError
    from sopan.ical import MAX_EVENTS, MAX_SERIES, check_events, check_series

    daily = {"RRULE": {"FREQ": ["DAILY"]}}
    check_series([daily] * MAX_SERIES, "kal.ics")
    with pytest.raises(UserError, match=f"kal.ics: more than {MAX_SERIES:,} repeating events"):
        check_series([daily] * (MAX_SERIES + 1), "kal.ics")
    check_events(MAX_EVENTS, "kal.ics")
    with pytest.raises(UserError, match=f"kal.ics: more than {MAX_EVENTS:,} events"):
        check_events(MAX_EVENTS + 1, "kal.ics")
    # a rule's density counts its BY-parts: every minute of every hour is too many
    dense = {"FREQ": ["DAILY"], "BYHOUR": list(range(24)), "BYMINUTE": list(range(60))}
    with pytest.raises(UserError, match="occurs about 40,320 times in four weeks"):
        check_series([{"RRULE": dense}], "kal.ics")
