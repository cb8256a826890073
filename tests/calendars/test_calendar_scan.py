"""The fast line scanner must read every calendar exactly as icalendar does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopan.calendar.ics import parse_calendar
from sopan.calendar.scan import scan

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "fixtures" / "calendar").glob("*.ics")) + sorted(
    (ROOT.parent / "shared" / "eval-dev" / "ics").glob("*.ics")
)
WINDOW = (
    datetime(2014, 1, 1, tzinfo=ZoneInfo("UTC")),
    datetime(2032, 1, 1, tzinfo=ZoneInfo("UTC")),
)

EXTRA = {
    "escaped_summary_valarm_duration": b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:a\r
DTSTART;VALUE=DATE-TIME:20261124T090000Z\r
DURATION:PT45M\r
SUMMARY;LANGUAGE=id:Rapat\\, lalu\\; makan\\nsiang\r
BEGIN:VALARM\r
TRIGGER:-PT15M\r
ACTION:DISPLAY\r
DESCRIPTION:STATUS:CANCELLED is not the event's\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:b\r
DTSTART;VALUE=DATE:20261125\r
SUMMARY:Seharian tanpa akhir\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:c\r
DTSTART:20261126T100000\r
DTEND:20261126T090000\r
SUMMARY:Berakhir sebelum mulai\r
END:VEVENT\r
END:VCALENDAR\r
""",
    "folded_lines_two_calendars": b"""BEGIN:VCALENDAR\n
VERSION:2.0\n
X-WR-TIMEZONE:Asia/Makassar\n
BEGIN:VEVENT\n
UID:d\n
DTSTART:20261124T080000\n
DTEND:20261124T090000\n
SUMMARY:Baris yang\n
  dilipat\n
END:VEVENT\n
END:VCALENDAR\n
BEGIN:VCALENDAR\n
VERSION:2.0\n
BEGIN:VEVENT\n
UID:e\n
DTSTART:20261124T080000\n
DTEND:20261124T090000\n
SUMMARY:Floating di zona pengguna\n
END:VEVENT\n
END:VCALENDAR\n
""".replace(b"\n\n", b"\n"),
    "quoted_parameters_and_blank_lines": b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:f\r
ORGANIZER;CN="Tim Rekrutmen: PT Maju":mailto:hr@maju.example\r
ATTENDEE;CN="Lestari, Dewi";PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dewi@x.example\r
DTSTART;TZID="Asia/Makassar":20261124T080000\r
DTEND;TZID="Asia/Makassar":20261124T090000\r
SUMMARY:Wawancara\r
\r
  kedua\r
END:VEVENT\r
END:VCALENDAR\r
""",
}


def _rows(data: bytes, fast: bool) -> list[tuple]:
    index = parse_calendar(data, tz="Asia/Jakarta", source="s", fast=fast)
    return [(b.start, b.end, b.summary, b.tentative) for b in index.busy_between(*WINDOW)]


def _readable(path: Path) -> bool:
    return not path.name.startswith("broken")


@pytest.mark.parametrize("path", [p for p in FILES if _readable(p)], ids=lambda p: p.name)
def test_scanner_matches_icalendar_on_real_files(path: Path) -> None:
    data = path.read_bytes()
    assert _rows(data, True) == _rows(data, False)


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_scanner_matches_icalendar_on_edge_cases(name: str) -> None:
    data = EXTRA[name]
    assert scan(data, ZoneInfo("Asia/Jakarta")) is not None  # the fast path is really taken
    assert _rows(data, True) == _rows(data, False)


def test_scanner_hands_broken_files_to_icalendar() -> None:
    for path in FILES:
        if not _readable(path):
            assert scan(path.read_bytes(), ZoneInfo("Asia/Jakarta")) is None


# --- generated events: every shape the scanner reads must read as icalendar reads it ----


_TEXT = st.text(alphabet="abc XYZ,;\\:éå\n", max_size=30)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    return "\r\n ".join(line[i : i + 40] for i in range(0, len(line), 40)) if line else line


@st.composite
def _event(draw: st.DrawFn) -> str:
    day = draw(st.integers(1, 28))
    hour = draw(st.integers(0, 23))
    form = draw(st.sampled_from(("utc", "tzid", "floating", "date", "windows", "quoted")))
    stamp = f"202611{day:02d}T{hour:02d}{draw(st.sampled_from(('00', '30')))}00"
    start = {
        "utc": f"DTSTART:{stamp}Z",
        "tzid": f"DTSTART;TZID=Asia/Makassar:{stamp}",
        "floating": f"DTSTART:{stamp}",
        "date": f"DTSTART;VALUE=DATE:202611{day:02d}",
        "windows": f"DTSTART;TZID=Tokyo Standard Time:{stamp}",
        "quoted": f'DTSTART;TZID="Asia/Makassar":{stamp}',
    }[form]
    lines = ["BEGIN:VEVENT", f"UID:{draw(st.uuids())}", start]
    ending = draw(st.sampled_from(("dtend", "duration", "none")))
    if ending == "dtend":
        lines.append(start.replace("DTSTART", "DTEND").replace(f"202611{day:02d}", "20261129"))
    elif ending == "duration":
        lines.append(f"DURATION:PT{draw(st.integers(0, 300))}M")
    for name, values in (
        ("STATUS", ("CONFIRMED", "TENTATIVE", "CANCELLED")),
        ("TRANSP", ("OPAQUE", "TRANSPARENT")),
        ("X-MICROSOFT-CDO-BUSYSTATUS", ("BUSY", "FREE", "TENTATIVE", "OOF")),
    ):
        if draw(st.booleans()):
            lines.append(f"{name}:{draw(st.sampled_from(values))}")
    lines.append(_fold("SUMMARY:" + _escape(draw(_TEXT))))
    if draw(st.booleans()):  # lines the scanner never uses, with quoted parameters
        lines.append(_fold('ATTENDEE;CN="Doe, Jane: HR";ROLE=REQ-PARTICIPANT:mailto:j@x.example'))
        lines.append('ORGANIZER;CN="Tim; Rekrutmen":mailto:hr@x.example')
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(_event(), max_size=8), st.sampled_from(("", "X-WR-TIMEZONE:Asia/Jayapura\r\n")))
def test_scanner_matches_icalendar_on_generated_events(events: list[str], header: str) -> None:
    data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + header + "".join(events) + "END:VCALENDAR\r\n"
    blob = data.encode("utf-8")
    assert scan(blob, ZoneInfo("Asia/Jakarta")) is not None
    assert _rows(blob, True) == _rows(blob, False)
