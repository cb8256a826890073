"""The calendar reply: an iTIP object (RFC 5546) built with the icalendar library.

Decline and cancel → METHOD:REPLY with the user as ATTENDEE, PARTSTAT=DECLINED and
a COMMENT. Reschedule with a proposed slot → METHOD:COUNTER with the new
DTSTART/DTEND, the request's LOCATION and meeting link; asking to move online →
METHOD:COUNTER at the same time with an online LOCATION. UID, SEQUENCE and ORGANIZER
always repeat the request's; every TZID written has its VTIMEZONE. A reschedule with no
concrete time has no calendar answer at all (`sopan.plan.calendar_answer`): the email asks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from sopan.errors import UserError
from sopan.language.dateforms import common
from sopan.model import Draft, Invitation, Profile
from sopan.plan import own_address


def _address(value: str) -> vCalAddress:
    value = value.strip()
    if not value.lower().startswith("mailto:"):
        value = f"mailto:{value}"
    return vCalAddress(value)


def _moment(value: datetime) -> datetime:
    """A time as the calendar file can name it: in its IANA zone (written with a VTIMEZONE),
    or in UTC when it carries only an offset (a TZID "UTC+07:00" names no zone a client
    knows, and no VTIMEZONE can be written for it)."""
    return value if isinstance(value.tzinfo, ZoneInfo) else value.astimezone(UTC)


def _attendee_name(inv: Invitation, address: str) -> str:
    """The name the invitation lists an attendee's address under ("" when it gives none)."""
    for listed in inv.attendees:
        if len(listed) > 998:
            continue
        name, found = parseaddr(listed)
        if found.lower() == address.lower():
            return name.strip()
    return ""


def build_itip(draft: Draft, inv: Invitation, profile: Profile, *, now: datetime) -> Calendar:
    """The iTIP reply (or counter-proposal) to the invitation's calendar request."""
    if not inv.uid:
        raise UserError("draft.no_calendar_uid")
    if not profile.email:
        raise UserError("draft.no_profile_email", field="config.profile.email")
    slot = draft.proposed
    counter = (draft.action == "reschedule" and slot is not None) or (
        draft.action == "online" and inv.start is not None
    )
    cal = Calendar()
    cal.add("prodid", "-//sopan//sopan//EN")
    cal.add("version", "2.0")
    cal.add("method", "COUNTER" if counter else "REPLY")
    event = Event()
    event.add("uid", inv.uid)
    if inv.recurrence_id is not None:
        # one occurrence of a recurring series: the answer is about that one, not the series
        event.add("recurrence-id", inv.recurrence_id)
    event.add("sequence", inv.sequence)
    event.add("dtstamp", now.astimezone(UTC))
    if inv.organizer:
        organizer = _address(inv.organizer)
        if inv.contact.name:
            organizer.params["CN"] = vText(inv.contact.name)
        event.add("organizer", organizer)
    address, own = own_address(inv, profile)
    attendee = _address(address)
    name = profile.name if own else _attendee_name(inv, address)
    if name:
        # the profile's name only on its own address; another address keeps the name the
        # invitation lists it under (a work address named as the organizer knows it), or none
        attendee.params["CN"] = vText(name)
    attendee.params["PARTSTAT"] = vText("NEEDS-ACTION" if counter else "DECLINED")
    event.add("attendee", attendee)
    if inv.subject:
        event.add("summary", inv.subject)
    if draft.action == "reschedule" and slot is not None:
        event.add("dtstart", _moment(slot.start))
        event.add("dtend", _moment(slot.end))
        # the counter moves the time only: where and how to join stay the request's
        if inv.location:
            event.add("location", inv.location)
        if inv.meeting_link:
            event.add("url", inv.meeting_link)
    elif inv.start is not None:
        event.add("dtstart", _moment(inv.start))
        if inv.end is not None:
            event.add("dtend", _moment(inv.end))
    if counter and draft.action == "online":
        event.add("location", str(common(draft.language)["online_location"]))
    event.add("comment", draft.text)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal
