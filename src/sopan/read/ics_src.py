"""Calendar invitations (.ics, METHOD:REQUEST) from Google, Outlook/Exchange, Teams, Zoom."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sopan.errors import UserError
from sopan.read.build import Calendar
from sopan.read.html import html_to_text
from sopan.read.times import zone_name

_TEXT_PROPS = (
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "COMMENT",
    "URL",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-MICROSOFT-ONLINEMEETINGINFORMATION",
)


def _first_event_only(raw: str) -> str:
    """Keep the time zones and the first event: a huge or endlessly recurring file stays cheap."""
    end = raw.find("END:VEVENT")
    if end < 0:
        return raw
    return raw[: end + len("END:VEVENT")] + "\r\nEND:VCALENDAR\r\n"


def _iana(name: str | None) -> str | None:
    if not name:
        return None
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    name = name.strip().strip('"')
    if name in WINDOWS_TO_OLSON:
        return str(WINDOWS_TO_OLSON[name])
    try:
        ZoneInfo(name)
        return name
    except (KeyError, ValueError, OSError):  # unknown, malformed or absurdly long
        pass
    m = re.search(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2}):?(\d{2})?", name)
    if m:
        return zone_name("UTC", m.group(1), m.group(2), m.group(3))
    tail = re.sub(r"^/[^/]*/[^/]*/", "", name)  # "/mozilla.org/20070129_1/Asia/Jakarta"
    if tail != name:
        return _iana(tail)
    return None


def _zone_of(dt: datetime, tzid: str | None, fallback: str | None) -> tuple[datetime, str | None]:
    if dt.tzinfo is None:
        if fallback:
            return dt.replace(tzinfo=ZoneInfo(fallback)), fallback
        return dt, None
    key = getattr(dt.tzinfo, "key", None)
    if isinstance(key, str) and key:
        return dt, ("Etc/UTC" if key == "UTC" else key)
    name = _iana(tzid) or _iana(str(dt.tzinfo))
    if dt.utcoffset() is not None and dt.utcoffset().total_seconds() == 0 and name is None:  # type: ignore[union-attr]
        name = "Etc/UTC"
    if name is None and dt.utcoffset() is not None:
        # a custom VTIMEZONE ("Customized Time Zone"): name it by its offset at that moment
        seconds = int(dt.utcoffset().total_seconds())  # type: ignore[union-attr]
        if seconds % 3600 == 0:
            hours = seconds // 3600
            name = "Etc/UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
    if name:
        return dt.astimezone(ZoneInfo(name)) if dt.tzinfo else dt.replace(
            tzinfo=ZoneInfo(name)
        ), name
    return dt, None


def _address(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    email = re.sub(r"^mailto:", "", str(value), flags=re.IGNORECASE).strip() or None
    params = getattr(value, "params", {}) or {}
    name = params.get("CN")
    return (str(name).strip('"') if name else None), email


def _person(name: str | None, email: str) -> str:
    """'Name <email>' (quoted when needed), or the bare address; never fails on non-ASCII."""
    if not name:
        return email
    if re.search(r'[()<>@,;:\\".\[\]]', name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def _text_of(event: Any) -> str:
    parts = []
    for prop in _TEXT_PROPS:
        value = event.get(prop)
        if value:
            parts.append(str(value))
    alt = event.get("X-ALT-DESC")
    if alt and not event.get("DESCRIPTION"):
        parts.append(html_to_text(str(alt)))
    return "\n".join(parts).replace("\\n", "\n").replace("\\,", ",")


def parse_calendar(raw: str, user_tz: str, origin: str) -> Calendar:
    """The first event of an .ics text as a Calendar; a clear UserError when it has none."""
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(_first_event_only(raw))
        events = list(cal.walk("VEVENT"))
    except Exception as exc:  # icalendar raises many kinds on bad input
        raise UserError(f"{origin}: not a readable calendar file ({type(exc).__name__})") from None
    if not events:
        raise UserError(f"{origin}: the calendar file has no event")
    event = events[0]
    wr_tz = _iana(str(cal.get("X-WR-TIMEZONE"))) if cal.get("X-WR-TIMEZONE") else None
    out = Calendar(text=_text_of(event))
    try:
        start_prop, end_prop = event.get("DTSTART"), event.get("DTEND")
        start = start_prop.dt if start_prop is not None else None
        end = end_prop.dt if end_prop is not None else None
        if end is None and start is not None and event.get("DURATION") is not None:
            end = start + event.get("DURATION").dt
    except Exception:
        start = end = None
    if isinstance(start, datetime):
        tzid = start_prop.params.get("TZID")
        out.start, out.tz = _zone_of(start, tzid, wr_tz or user_tz)
        if out.start.tzinfo is None:
            out.start = out.start.replace(tzinfo=ZoneInfo(user_tz))
        out.day = out.start.date()
        if isinstance(end, datetime):
            end_tz = end_prop.params.get("TZID") if end_prop is not None else tzid
            out.end, _ = _zone_of(end, end_tz, out.tz or user_tz)
            if out.end.tzinfo is None:
                out.end = out.end.replace(tzinfo=out.start.tzinfo)
    elif isinstance(start, date):
        out.day = start
        out.tz = wr_tz
    try:
        out.sequence = int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        out.sequence = 0
    uid = event.get("UID")
    out.uid = str(uid).strip() if uid else None
    out.organizer_name, out.organizer = _address(event.get("ORGANIZER"))
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    people = []
    for a in attendees:
        name, email = _address(a)
        if email:
            people.append(_person(name, email))
    out.attendees = tuple(people)
    location = event.get("LOCATION")
    out.location = (
        str(location).replace("\\,", ",").replace("\\", "").strip() or None if location else None
    )
    summary = event.get("SUMMARY")
    out.summary = str(summary) if summary else None
    return out


def looks_like_calendar(text: str) -> bool:
    """True when the text is an iCalendar file."""
    return text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCALENDAR")
