"""Busy entries and slots as text lines and JSON values, in one or two time zones."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sopan.language.dateforms import span_text
from sopan.language.words import load_words
from sopan.model import Busy, Invitation, Language, Slot


def recruiter_zone(invitation: Invitation | None, user_tz: str) -> tzinfo | None:
    """The invitation's own zone when it differs from the user's, else None."""
    if invitation is None:
        return None
    zone: tzinfo | None = None
    if invitation.timezone:
        try:
            zone = ZoneInfo(invitation.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
    if zone is None and invitation.start is not None:
        zone = invitation.start.tzinfo
    if zone is None:
        return None
    probe = invitation.start or datetime.now(ZoneInfo(user_tz))
    same = probe.astimezone(zone).utcoffset() == probe.astimezone(ZoneInfo(user_tz)).utcoffset()
    return None if same else zone


def slot_line(slot: Slot, user_tz: str, other: tzinfo | None, language: Language) -> str:
    """One slot in the user's zone, and the recruiter's in brackets when it differs."""
    text = span_text(slot.start, slot.end, ZoneInfo(user_tz), language)
    if other is not None:
        label = load_words(language, "views").text("calendar", "recruiter")
        text += f"  ({label}: {span_text(slot.start, slot.end, other, language)})"
    return text


def busy_line(busy: Busy, user_tz: str, other: tzinfo | None, language: Language) -> str:
    """One busy entry with its summary, a tentative mark and where it came from."""
    text = span_text(busy.start, busy.end, ZoneInfo(user_tz), language)
    if other is not None:
        text += f" / {span_text(busy.start, busy.end, other, language)}"
    if busy.summary:
        text += f"  {busy.summary}"
    if busy.tentative:
        text += f"  [{load_words(language, 'views').text('calendar', 'tentative')}]"
    return f"{text}  ({busy.source})" if busy.source else text


def slot_json(slot: Slot, user_tz: str) -> dict[str, str]:
    """{start, end} as ISO 8601 with the user's offset."""
    zone = ZoneInfo(user_tz)
    return {
        "start": slot.start.astimezone(zone).isoformat(),
        "end": slot.end.astimezone(zone).isoformat(),
    }


def busy_json(busy: Busy, user_tz: str) -> dict[str, Any]:
    """A busy entry as a JSON object, times with the user's offset."""
    return {
        **slot_json(Slot(busy.start, busy.end), user_tz),
        "summary": busy.summary,
        "tentative": busy.tentative,
        "source": busy.source,
    }
