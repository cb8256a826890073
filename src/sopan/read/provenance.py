"""Where each fact of a read invitation came from: a header, a calendar property, a span of
the message text (offsets into `Invitation.text`), or computed from other facts.

Pure. `trace` runs once, at the end of `build`, over the values already decided: it looks
each one up where it can have come from, most reliable first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sopan.model import Fact, FactSource, Invitation

if TYPE_CHECKING:
    from sopan.read.build import Envelope

#: How far each kind of source is trusted, before the user confirms it.
CONFIDENCE: dict[FactSource, float] = {
    "calendar": 0.95,
    "header": 0.9,
    "text": 0.8,
    "computed": 0.4,
    "user": 1.0,
}


def _span(field: str, text: str, low: str, value: str) -> Fact | None:
    at = low.find(value.lower())
    if at < 0:
        return None
    end = at + len(value)
    return Fact(field, "text", text[at:end], at, end, CONFIDENCE["text"])


def _header(field: str, name: str, value: str) -> Fact:
    return Fact(field, "header", f"{name}: {value}", confidence=CONFIDENCE["header"])


def _computed(field: str, how: str, confidence: float = CONFIDENCE["computed"]) -> Fact:
    return Fact(field, "computed", how, confidence=confidence)


def trace(
    inv: Invitation, env: Envelope, when_span: tuple[int, int] | None, from_calendar: bool
) -> tuple[Fact, ...]:
    """One Fact per known field of `inv` (whose `text` is the text shown to the user)."""
    text, low = inv.text, inv.text.lower()
    facts: list[Fact] = []
    cal = env.calendar
    subject = inv.subject or ""
    if inv.start is not None or inv.day is not None:
        if from_calendar and cal is not None:
            shown = (cal.start.isoformat() if cal.start else str(cal.day)) + (
                f" ({cal.tz})" if cal.tz else ""
            )
            facts.append(Fact("start", "calendar", f"DTSTART {shown}", confidence=0.95))
        elif when_span is not None:
            a, b = when_span
            facts.append(Fact("start", "text", text[a:b], a, b, CONFIDENCE["text"]))
        elif subject:
            facts.append(_header("start", "Subject", subject))
    if inv.end is not None:
        if from_calendar and cal is not None and cal.end is not None:
            facts.append(Fact("end", "calendar", f"DTEND {cal.end.isoformat()}", confidence=0.95))
        elif when_span is not None:
            a, b = when_span
            facts.append(Fact("end", "text", text[a:b], a, b, CONFIDENCE["text"]))
    if inv.timezone is not None:
        if "timezone" in inv.missing:
            facts.append(_computed("timezone", inv.timezone, 0.3))
        elif from_calendar and cal is not None:
            facts.append(Fact("timezone", "calendar", f"TZID {inv.timezone}", confidence=0.95))
        elif when_span is not None:
            a, b = when_span
            facts.append(Fact("timezone", "text", text[a:b], a, b, CONFIDENCE["text"]))
    for field in ("company", "position", "location", "meeting_link", "reference"):
        value = getattr(inv, field)
        if not value:
            continue
        if field == "location" and cal is not None and cal.location == value:
            facts.append(Fact(field, "calendar", f"LOCATION {value}", confidence=0.95))
            continue
        found = _span(field, text, low, value)
        if found is None and value.lower() in subject.lower():
            found = _header(field, "Subject", subject)
        if found is None and env.sender_name and value.lower() in env.sender_name.lower():
            found = _header(field, "From", env.sender_name)
        facts.append(found or _computed(field, value))
    if inv.mode is not None:
        how = {"online": "meeting_link", "onsite": "location"}.get(inv.mode, "")
        basis = next((f for f in facts if f.field == how), None)
        facts.append(
            Fact("mode", basis.source, basis.text, basis.start, basis.end, 0.6)
            if basis
            else _computed("mode", inv.mode, 0.5)
        )
    contact = inv.contact
    for key, value in (("name", contact.name), ("email", contact.email), ("phone", contact.phone)):
        if not value:
            continue
        field = f"contact.{key}"
        sender = env.sender_email if key == "email" else env.sender_name
        if sender and value.lower() in sender.lower():
            facts.append(_header(field, "From", sender))
            continue
        if cal is not None and value in (cal.organizer, cal.organizer_name):
            facts.append(Fact(field, "calendar", f"ORGANIZER {value}", confidence=0.95))
            continue
        facts.append(_span(field, text, low, value) or _computed(field, value))
    return tuple(facts)
