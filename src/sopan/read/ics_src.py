"""Calendar invitations (.ics, METHOD:REQUEST) from Google, Outlook/Exchange, Teams, Zoom."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sopan._infra.controls import ANY, quote
from sopan.errors import UserError
from sopan.ical.budget import step
from sopan.language.zones import by_offset, resolve, shared_clock
from sopan.model import YEARS, outside_years
from sopan.read.build import Calendar
from sopan.read.html import html_to_text
from sopan.read.ics_pick import first_events_only, pick_event

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


def _iana(name: str | None) -> str | None:
    if not name:
        return None
    return resolve(name)


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
            name = by_offset("+" if seconds >= 0 else "-", abs(seconds) // 3600)
    if name:
        return dt.astimezone(ZoneInfo(name)) if dt.tzinfo else dt.replace(
            tzinfo=ZoneInfo(name)
        ), name
    return dt, None


def _address(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    email = re.sub(r"^mailto:", "", str(value), flags=re.IGNORECASE).strip() or None
    if email is not None and (re.search(r"[\x00-\x20\x7f<>]", email) or email.count("@") != 1):
        email = None  # not an address a reply can go to
    params = getattr(value, "params", {}) or {}
    name = params.get("CN")
    # a name is shown and written into headers: no line breaks or control characters
    name = " ".join(ANY.sub(" ", str(name)).strip('"').split()) if name else None
    return name or None, email


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


def parse_calendar(raw: str, user_tz: str, origin: str, *, now: datetime) -> Calendar:
    """The event an .ics text invites to, as a Calendar: of a recurring series, its next
    occurrence at or after `now`; of several unrelated events, the interview.

    Raises a one-line UserError for a file without events, an unreadable one, and one that
    is not an invitation (a cancellation, a reply, a counter-proposal).
    """
    import icalendar

    # the calendar's work is drawn from the command's budget, as the calendars' is
    with step(origin) as budget:
        budget.grant(len(raw))
        try:
            cal = icalendar.Calendar.from_ical(first_events_only(raw))
        except Exception as exc:  # icalendar raises many kinds on bad input
            raise UserError("read.calendar_unreadable", source=origin, why=quote(exc)) from None
        wr_tz = _iana(str(cal.get("X-WR-TIMEZONE"))) if cal.get("X-WR-TIMEZONE") else None
        try:
            pick = pick_event(cal, now=now, zone=ZoneInfo(wr_tz or user_tz), origin=origin)
        except UserError:
            raise
        except Exception as exc:  # a component icalendar accepted but cannot give values of
            raise UserError("read.calendar_unreadable", source=origin, why=quote(exc)) from None
    out = _calendar_of(pick.event, pick.master, wr_tz, user_tz)
    try:
        out.sequence = int(pick.written.get("SEQUENCE") or 0)
    except (TypeError, ValueError):
        out.sequence = 0
    if not 0 <= out.sequence <= 2**31 - 1:
        # RFC 5545's range: a reply must carry it back, so a value past it is refused
        raise UserError("read.sequence", source=origin, value=out.sequence)
    for day in (out.start and out.start.date(), out.end and out.end.date(), out.day):
        if day is not None and outside_years(day):
            raise UserError(
                "read.event_year", source=origin, day=str(day), first=YEARS[0], last=YEARS[1]
            )
    out.rivals = pick.rivals
    out.recurrence_id = pick.recurrence_id
    return out


def _prop(event: Any, master: Any, name: str) -> Any:
    """A property of an occurrence, or of its series when the occurrence leaves it out."""
    value = event.get(name)
    return master.get(name) if value is None else value


def _calendar_of(event: Any, master: Any, wr_tz: str | None, user_tz: str) -> Calendar:
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
        # an occurrence computed from a rule may have lost the written TZID: take the series'
        tzid = start_prop.params.get("TZID") or _tzid(master.get("DTSTART"))
        if start.tzinfo is None and tzid and _iana(tzid) is None:
            # a TZID no database knows, with no VTIMEZONE to say it: never the user's zone
            out.unknown_zone, out.day = str(tzid)[:60], start.date()
            out.time = (start.hour, start.minute)
            return _people_and_place(out, event, master)
        out.floating = start.tzinfo is None and not tzid and not wr_tz
        out.start, out.tz = _zone_of(start, tzid, wr_tz or user_tz)
        shared = shared_clock(str(tzid) if tzid else None, user_tz)
        if shared and out.start.tzinfo is not None and out.tz != shared:
            # one clock in several countries, the person's among them: theirs (WIB, not ICT)
            out.start, out.tz = out.start.astimezone(ZoneInfo(shared)), shared
        if out.start.tzinfo is None:
            out.start = out.start.replace(tzinfo=ZoneInfo(user_tz))
        out.day = out.start.date()
        if isinstance(end, datetime):
            end_tz = _tzid(end_prop) or _tzid(master.get("DTEND")) or tzid
            out.end, _ = _zone_of(end, end_tz, out.tz or user_tz)
            if out.end.tzinfo is None:
                out.end = out.end.replace(tzinfo=out.start.tzinfo)
            elif shared:
                out.end = out.end.astimezone(ZoneInfo(shared))
    elif isinstance(start, date):
        out.day = start
        out.tz = wr_tz
    return _people_and_place(out, event, master)


def _people_and_place(out: Calendar, event: Any, master: Any) -> Calendar:
    """The calendar's UID, organiser, attendees, location and summary, set on `out`."""
    uid = _prop(event, master, "UID")
    out.uid = str(uid).strip() if uid else None
    out.organizer_name, out.organizer = _address(_prop(event, master, "ORGANIZER"))
    attendees = _prop(event, master, "ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    answers = [str(getattr(a, "params", {}).get("RSVP", "")).upper() for a in attendees]
    out.rsvp = not answers or any(r != "FALSE" for r in answers)
    disallow = _prop(event, master, "X-MICROSOFT-DISALLOW-COUNTER")
    out.counter_allowed = str(disallow or "").strip().upper() != "TRUE"
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


def _tzid(prop: Any) -> str | None:
    params = getattr(prop, "params", None)
    value = params.get("TZID") if params else None
    return str(value) if value else None


def looks_like_calendar(text: str) -> bool:
    """True when the text is an iCalendar file."""
    return text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCALENDAR")
