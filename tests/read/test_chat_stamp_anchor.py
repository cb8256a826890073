"""A pasted chat dates its own messages: "besok"/"tomorrow" is counted from its last stamp, not
from today, and the same day written with its time ("Rabu 9/12 jam 2 siang") says when."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text
from sopan.read.build import chat_day

JKT = ZoneInfo("Asia/Jakarta")
# read the day after the chat: "besok" from today would be the 10th
NOW = datetime(2026, 12, 9, 10, tzinfo=JKT)

_CHATS = {
    "id": (
        "[08/12/26 19.40] Rina HR: Halo kak, kami dari PT Kopi Senja mau ajak interview posisi "
        "Barista\n[08/12/26 19.41] Rina HR: Besok bisa ga kak? Rabu 9/12 jam 2 siang di outlet "
        "Dago\n[08/12/26 20.05] Andi: Bisa kak\n[08/12/26 20.06] Rina HR: Sip, sampai ketemu "
        "besok ya kak"
    ),
    "en": (
        "[08/12/2026, 19:40:02] Rina HR: Hi, this is Kopi Senja, we'd like to invite you to an "
        "interview for the Barista role\n[08/12/2026, 19:41:10] Rina HR: Are you free tomorrow? "
        "Wednesday 9/12 at 2 PM WIB at our Dago outlet\n[08/12/2026, 20:05:00] Andi: Yes\n"
        "[08/12/2026, 20:06:30] Rina HR: Great, see you tomorrow"
    ),
}


@pytest.mark.parametrize("language", ["id", "en"])
def test_tomorrow_in_a_chat_is_the_day_after_its_stamp(language: str) -> None:
    inv = read_text(_CHATS[language], now=NOW)
    assert inv.start == datetime(2026, 12, 9, 14, tzinfo=JKT)
    assert not [a for a in inv.ambiguous if a.field == "start"]


@pytest.mark.parametrize("language", ["id", "en"])
def test_tomorrow_alone_is_counted_from_the_chat(language: str) -> None:
    only = {"id": "Besok jam 10.00 WIB bisa interview ya kak di kantor PT Kopi Senja?",
            "en": "Can you come to an interview tomorrow at 10:00 WIB at Kopi Senja?"}  # fmt: skip
    stamp = "[07/12/26 19.40] Rina HR: " if language == "id" else "[07/12/2026, 19:40:00] Rina HR: "
    inv = read_text(stamp + only[language], now=NOW)
    assert inv.start == datetime(2026, 12, 8, 10, tzinfo=JKT)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("[08/12/26 19.40] HR: halo", "dmy", date(2026, 12, 8)),
        ("12/08/26, 7:40 PM - HR: hi", "mdy", date(2026, 12, 8)),
        # 13 can only be a day: the stamp says its own order
        ("[13/12/25 09.00] HR: halo\n[14/12/25 10.00] HR: besok ya", "unknown", date(2025, 12, 14)),
        # both readings possible and nothing says which: no anchor, never a guess
        ("08/12/26, 19:40 - HR: hi", "unknown", None),
        # a stamp after today is no chat's
        ("[10/12/26 19.40] HR: halo", "dmy", None),
        ("HR: halo, besok ya", "dmy", None),
    ],
)
def test_chat_day(text: str, order: str, expected: date | None) -> None:
    assert chat_day(text, order, date(2026, 12, 9)) == expected  # type: ignore[arg-type]
