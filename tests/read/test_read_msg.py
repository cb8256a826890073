"""Outlook .msg files, written by the tests (`tests/msg_build.py`): read as the email they
hold, a calendar attachment included; a broken one is one line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES
from msg_build import build_msg

from sopan.errors import UserError
from sopan.read import read_bytes

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
HEADERS = (
    "From: Dewi Lestari <hr@maju.example>\r\nTo: rina@example.com\r\n"
    "Subject: Undangan Interview\r\nDate: Mon, 16 Nov 2026 08:00:00 +0700\r\n"
    "Message-ID: <abc@maju.example>\r\n\r\n"
)
BODY = (
    "Kami mengundang Anda wawancara posisi Analis Data di PT Maju pada Senin, 14 Desember 2026 "
    "pukul 10.00 WIB."
)


def _ics() -> bytes:
    text = (FIXTURES / "eml" / "en_with_ics_attachment.eml").read_text("utf-8")
    inner = text.split("BEGIN:VCALENDAR", 1)[1].split("END:VCALENDAR", 1)[0]
    return f"BEGIN:VCALENDAR{inner}END:VCALENDAR\r\n".encode()


def test_a_msg_with_its_transport_headers_reads_as_the_email() -> None:
    inv = read_bytes(
        build_msg("Undangan Interview", BODY, headers=HEADERS), now=NOW, origin="a.msg"
    )
    assert inv.source == "email"
    assert inv.start == datetime(2026, 12, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.message_id == "<abc@maju.example>"  # the reply threads
    assert (inv.contact.name, inv.contact.email) == ("Dewi Lestari", "hr@maju.example")
    assert inv.company == "PT Maju"


def test_a_msg_with_html_only_and_a_calendar_attachment() -> None:
    msg = build_msg("Interview", html="<p>Please join the interview.</p>", ics=_ics())
    inv = read_bytes(msg, now=NOW, origin="b.msg")
    assert inv.uid == "lautbiru-interview-001@google.com"
    assert inv.start is not None and inv.start.astimezone(UTC) == datetime(
        2026, 12, 1, 2, tzinfo=UTC
    )


@pytest.mark.parametrize("tail", [b"\x00" * 600, b"\xff" * 5000, b""])
def test_a_broken_compound_file_is_one_line(tail: bytes) -> None:
    with pytest.raises(
        UserError, match=r"^c\.msg: an Outlook \.msg file that cannot be read"
    ) as caught:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, now=NOW, origin="c.msg")
    assert "\n" not in str(caught.value)


def test_sopan_read_takes_a_msg_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "undangan.msg"
    path.write_bytes(build_msg("Undangan Interview", BODY, headers=HEADERS))
    done = run_cli("read", str(path), "--json", "--now", NOW.isoformat())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["start"] == "2026-12-14T10:00:00+07:00"
