"""The human view of an Invitation: every field, the time in the user's own zone, time left."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sopan.model import Invitation


def _when(start: datetime, end: datetime | None) -> str:
    text = start.strftime("%a %d %b %Y %H:%M")
    if end is not None:
        text += (
            ("–" + end.strftime("%H:%M"))
            if end.date() == start.date()
            else (" – " + end.strftime("%a %d %b %Y %H:%M"))
        )
    return f"{text} {start.tzname() or ''}".rstrip()


def hours_left(inv: Invitation, now: datetime) -> float | None:
    """Hours from `now` until the interview starts (negative when it is past)."""
    if inv.start is None:
        return None
    return (inv.start - now).total_seconds() / 3600


def describe(inv: Invitation, *, now: datetime, user_tz: str) -> list[str]:
    """Lines for the terminal: every field, and what is missing or ambiguous."""
    rows: list[tuple[str, str | None]] = [
        ("Source", f"{inv.source} ({'Indonesian' if inv.language == 'id' else 'English'})"),
        ("Subject", inv.subject),
        ("Company", inv.company),
        ("Position", inv.position),
    ]
    if inv.start:
        zone = f" [{inv.timezone}]" if inv.timezone else ""
        assumed = ""
        if "timezone" in inv.missing:
            whose = "your zone" if inv.timezone == user_tz else f"{inv.city or 'local'} time"
            assumed = f" (no zone written: {whose} assumed)"
        rows.append(("When", _when(inv.start, inv.end) + zone + assumed))
        mine = ZoneInfo(user_tz)
        if inv.start.utcoffset() != inv.start.astimezone(mine).utcoffset():
            end = inv.end.astimezone(mine) if inv.end else None
            rows.append(("Your time", _when(inv.start.astimezone(mine), end) + f" [{user_tz}]"))
        left = hours_left(inv, now)
        if left is not None:
            rows.append(
                (
                    "Time left",
                    f"{left:.1f} hours" if left >= 0 else f"started {-left:.1f} hours ago",
                )
            )
    elif inv.day:
        rows.append(("When", inv.day.strftime("%a %d %b %Y") + " (no time given)"))
    else:
        rows.append(("When", None))
    contact = inv.contact
    who = ", ".join(x for x in (contact.name, contact.email, contact.phone) if x) or None
    rows += [
        ("Mode", inv.mode),
        ("Location", inv.location),
        ("City", inv.city),
        ("Meeting link", inv.meeting_link),
        ("Access code", inv.access_code),
        ("Contact", who),
        ("Reference", inv.reference),
        ("Reply by", inv.reply_by.strftime("%a %d %b %Y %H:%M %Z") if inv.reply_by else None),
        ("Organizer", inv.organizer),
        ("Calendar UID", inv.uid),
    ]
    lines = [f"{label + ':':<14}{value}" for label, value in rows if value]
    if inv.missing:
        lines.append(f"{'Missing:':<14}{', '.join(inv.missing)}")
    for amb in inv.ambiguous:
        lines.append(f"{'Ambiguous:':<14}{amb.field}: " + " | ".join(amb.candidates))
    return lines


def mailbox_line(inv: Invitation) -> str:
    """One line per invitation in a mailbox listing."""
    when = (
        _when(inv.start, inv.end)
        if inv.start
        else (inv.day.isoformat() + " (no time)" if inv.day else "date unknown")
    )
    what = " · ".join(x for x in (inv.company, inv.position) if x) or (inv.subject or "")
    return f"{when:<32}  {what}"
