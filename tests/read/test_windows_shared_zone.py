"""A calendar's Windows zone that is one clock kept by several countries ("SE Asia Standard
Time": Bangkok, Hanoi, Jakarta) is the person's own zone when theirs is among them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_bytes

NOW = datetime(2026, 12, 8, 9, tzinfo=ZoneInfo("Asia/Jakarta"))

_ICS = """BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VTIMEZONE
TZID:{tzid}
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:{offset}
TZOFFSETTO:{offset}
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:shared-zone-{n}@example.com
ORGANIZER;CN=Rekrutmen:mailto:hr@example.com
DTSTART;TZID={tzid}:20261216T150000
DTEND;TZID={tzid}:20261216T160000
SUMMARY:{summary}
DESCRIPTION:{description}
SEQUENCE:0
END:VEVENT
END:VCALENDAR
"""

_TEXTS = {
    "id": ("Interview User - Staf Keuangan", "Dengan hormat, kami mengundang Anda wawancara."),
    "en": ("Interview - Finance Staff", "Dear candidate, we invite you to an interview."),
}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("tzid", "offset", "own", "expected"),
    [
        ("SE Asia Standard Time", "+0700", "Asia/Jakarta", "Asia/Jakarta"),
        ("SE Asia Standard Time", "+0700", "Asia/Bangkok", "Asia/Bangkok"),
        # the person elsewhere: the database's city, never a guess at theirs
        ("SE Asia Standard Time", "+0700", "Europe/Paris", "Asia/Bangkok"),
        ("Singapore Standard Time", "+0800", "Asia/Kuala_Lumpur", "Asia/Kuala_Lumpur"),
        # Makassar keeps UTC+8 too, but Windows' Singapore zone does not name it
        ("Singapore Standard Time", "+0800", "Asia/Makassar", "Asia/Singapore"),
        ("Singapore Standard Time", "+0800", "Asia/Jakarta", "Asia/Singapore"),
    ],
)
def test_a_shared_windows_zone_is_the_persons_when_it_covers_their_city(
    language: str, tzid: str, offset: str, own: str, expected: str
) -> None:
    summary, description = _TEXTS[language]
    raw = _ICS.format(tzid=tzid, offset=offset, n=own, summary=summary, description=description)
    inv = read_bytes(raw.encode(), now=NOW, user_tz=own, origin="invite.ics")
    assert inv.timezone == expected
    # the moment is the one the calendar wrote, whichever city names the clock
    assert inv.start is not None and inv.start.astimezone(ZoneInfo("UTC")).hour == 15 - int(
        offset[1:3]
    )
    assert inv.start.utcoffset() == inv.start.astimezone(ZoneInfo(expected)).utcoffset()
    assert inv.start.strftime("%H:%M") == "15:00"
