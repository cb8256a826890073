"""Malformed and random input: every call ends in an Invitation or a UserError, never a crash."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopan.errors import UserError
from sopan.model import Invitation
from sopan.read import read_bytes, read_file, read_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*/*")) if p.is_file()]

HEADERS = st.sampled_from(
    [
        b"From x@y.example Mon Nov 16 08:00:00 2026\n",
        b"From: ",
        b"To: ",
        b"Subject: ",
        b"Date: ",
        b"Message-ID: ",
        b"Content-Type: ",
        b"Content-Transfer-Encoding: ",
        b"MIME-Version: 1.0",
        b"\n",
        b"\r\n",
        b'multipart/mixed; boundary="b"',
        b"--b\n",
        b"--b--",
        b'text/html; charset="x-unknown"',
        b"text/calendar",
        b"base64",
        b"quoted-printable",
        b"=E9=\n",
        b"BEGIN:VCALENDAR\n",
        b"BEGIN:VEVENT\n",
        b"DTSTART;TZID=Nowhere/Zone:20261301T250000\n",
        b"DTSTART:2026\n",
        b"RRULE:FREQ=SECONDLY\n",
        b"END:VEVENT\n",
        b"END:VCALENDAR\n",
        b"SEQUENCE:x\n",
        b"ORGANIZER:\n",
        b"ATTENDEE;CN=J\xc3\xb6rg \xc2\xb2:mailto:j@x.example\n",
        b"Content-Disposition: attachment; filename=\xe9\xe9.ics\n",
        b"DTSTART;TZID=" + b"A/" * 200 + b":20261201T100000\n",
        b"X-WR-TIMEZONE:" + b"B" * 300 + b"\n",
        b'ATTENDEE;CN="":mailto:\n',
        b"Senin, 31 Februari 2026 pukul 25.61 WIB",
        b"interview ",
        b"wawancara {{ tanggal }} ",
        b"<html><table><tr><td>",
        b"</td></tr>",
        b"\xff\xfe",
        b"\xc3(",
        b"> quoted\n",
        b"---------- Forwarded message ---------\n",
        b"On Mon, 1 Jan 2026 x wrote:\n",
        b"99/99/9999 ",
        b"next Friday ",
        b"GMT+99 ",
    ]
)


def _ok(call: object) -> None:
    try:
        result = call()  # type: ignore[operator]
    except UserError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, Invitation | list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HEADERS, min_size=1, max_size=30))
def test_assembled_fragments_never_crash(parts: list[bytes]) -> None:
    _ok(lambda: read_bytes(b"".join(parts), now=NOW))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(0, 4000), st.integers(0, 4000), st.binary(max_size=40))
def test_mutilated_fixtures_never_crash(seed: bytes, cut: int, at: int, noise: bytes) -> None:
    data = seed[: len(seed) - cut % max(len(seed), 1)]
    pos = at % (len(data) + 1)
    _ok(lambda: read_bytes(data[:pos] + noise + data[pos:], now=NOW))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    _ok(lambda: read_text("interview " + text, now=NOW))


def test_endless_recurrence_is_cut_within_a_second() -> None:
    # CPU time: the bound is on the work done, not on how busy other test workers keep the machine.
    started = time.process_time()
    inv = read_file(FIXTURES / "ics/rrule_without_end.ics", now=NOW)
    assert time.process_time() - started < 1.0
    assert inv.start is not None


def test_many_events_and_endless_rules_stay_fast(tmp_path: Path) -> None:
    event = (
        "BEGIN:VEVENT\nDTSTART:20261201T080000Z\nRRULE:FREQ=SECONDLY\nUID:u{n}\n"
        "SUMMARY:Interview\nEND:VEVENT\n"
    )
    body = "".join(event.format(n=n) for n in range(20000))
    path = tmp_path / "big.ics"
    path.write_text(f"BEGIN:VCALENDAR\nMETHOD:REQUEST\n{body}END:VCALENDAR\n", "utf-8")
    started = time.process_time()
    inv = read_file(path, now=NOW)
    assert time.process_time() - started < 1.0
    assert inv.uid == "u0"


def test_long_text_without_dates_is_fast() -> None:
    text = "interview " + "kata biasa tanpa tanggal 12 dan 345. " * 20000
    started = time.process_time()
    inv = read_text(text, now=NOW)
    assert time.process_time() - started < 2.0
    assert inv.start is None
