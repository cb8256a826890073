"""Where each fact of a read invitation came from: a header, a calendar property, a span of
the message text (offsets into `Invitation.text`), or computed from other facts.

Pure. `trace` runs once, at the end of `build`, over the values already decided and the spans
their extractors found them in (`Found`): the text is never searched again for a value, so a
value is traced to where it was read, not to its first occurrence (which may be a quoted
signature).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sopan.model import Fact, FactSource, Invitation

if TYPE_CHECKING:
    from sopan.read.build import Envelope
    from sopan.read.found import Found

#: How far each kind of source is trusted, before the user confirms it.
CONFIDENCE: dict[FactSource, float] = {
    "calendar": 0.95,
    "header": 0.9,
    "text": 0.8,
    "computed": 0.4,
    "user": 1.0,
}


def _header(field: str, name: str, value: str) -> Fact:
    return Fact(field, "header", f"{name}: {value}", confidence=CONFIDENCE["header"])


def _computed(field: str, how: str, confidence: float = CONFIDENCE["computed"]) -> Fact:
    return Fact(field, "computed", how, confidence=confidence)


#: the calendar property each field is read from
_PROPERTY = {
    "location": "LOCATION",
    "meeting_link": "DESCRIPTION",
    "platform": "DESCRIPTION",
    "access_code": "DESCRIPTION",
    "position": "SUMMARY",
    "contact.name": "ORGANIZER",
    "contact.email": "ORGANIZER",
}


def _fact(field: str, found: Found, text: str, env: Envelope) -> Fact:
    """The provenance of one value, from where its extractor found it."""
    if found.source == "text":
        return Fact(
            field, "text", text[found.start : found.end], found.start, found.end, CONFIDENCE["text"]
        )
    if found.source == "subject":
        return _header(field, "Subject", env.subject or found.value)
    if found.source == "from":
        # the part of the header the value is: the address, or the name shown with it
        shown = found.value if field == "contact.email" else env.sender_name or found.value
        return _header(field, "From", shown)
    if found.source == "calendar":
        return Fact(
            field, "calendar", f"{_PROPERTY.get(field, 'X')} {found.value}", confidence=0.95
        )
    # the sender's mail domain names the company: a guess from the address
    return _computed(field, f"the sender's address ({env.sender_email or found.value})")


def trace(
    inv: Invitation,
    env: Envelope,
    when_span: tuple[int, int] | None,
    from_calendar: bool,
    found: dict[str, Found | None],
) -> tuple[Fact, ...]:
    """One Fact per known field of `inv` (whose `text` is the text shown to the user)."""
    text = inv.text
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
    for field in ("company", "position", "location", "meeting_link", "platform", "reference"):
        where = found.get(field)
        if getattr(inv, field) and where is not None:
            facts.append(_fact(field, where, text, env))
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
        where = found.get(f"contact.{key}")
        if value and where is not None:
            facts.append(_fact(f"contact.{key}", where, text, env))
    return tuple(facts)
