"""What the pages show, worked out from the use cases' results: the message cut into pieces
around the facts' snippets, the facts in rows, the week drawn as boxes, the links that open
another app. Plain values only; the templates lay them out and escape every text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sopan.language.dateforms import day, fixed, span_text
from sopan.model import Busy, Draft, Fact, Finding, Invitation, Profile, Slot
from sopan.model.names import FACT_FIELDS as FIELDS


@dataclass(frozen=True)
class Piece:
    """A stretch of a text, the fact or finding it is the source of (None: plain), and the
    other names whose source is the very same stretch."""

    text: str
    mark: str | None = None
    also: tuple[str, ...] = ()


def pieces(text: str, spans: list[tuple[int, int, str]]) -> list[Piece]:
    """`text` cut around the spans (start, end, name): names of the same span share its
    piece; a span overlapping an earlier one is left unmarked."""
    out: list[Piece] = []
    at, last = 0, (-1, -1)
    for start, end, name in sorted(spans):
        if (start, end) == last and out:
            out[-1] = Piece(out[-1].text, out[-1].mark, (*out[-1].also, name))
            continue
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], name))
        at, last = end, (start, end)
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def marked(found: list[Piece]) -> frozenset[str]:
    """Every name some piece marks (so a link to its mark is never a dead one)."""
    return frozenset(n for p in found if p.mark for n in (p.mark, *p.also))


def message_pieces(inv: Invitation) -> list[Piece]:
    """The message with each fact's snippet marked by its field."""
    spans = [
        (f.start, f.end, f.field)
        for f in inv.provenance
        if f.source == "text" and f.start is not None and f.end is not None
    ]
    return pieces(inv.text, spans)


@dataclass(frozen=True)
class FactRow:
    """One field of the invitation as the facts page shows it."""

    field: str
    value: str
    fact: Fact | None
    missing: bool
    candidates: tuple[str, ...]
    problem: str | None


def _value(inv: Invitation, name: str, tz: str) -> str:
    if name in ("start", "end"):
        moment = inv.start if name == "start" else inv.end
        if moment is not None:
            return fixed(moment.astimezone(ZoneInfo(inv.timezone or tz)), "stamp")
        if name == "start" and inv.day is not None:
            at = f" {fixed(inv.time_of_day, 'clock')}" if inv.time_of_day else ""
            return inv.day.isoformat() + at
        return ""
    if name.startswith("contact."):
        return getattr(inv.contact, name.split(".", 1)[1]) or ""
    value = getattr(inv, name)
    return "" if value is None else str(value)


def fact_rows(inv: Invitation, tz: str) -> list[FactRow]:
    """Every field a user can set, with its value, its source, and what is open about it."""
    ambiguous = {a.field: a for a in inv.ambiguous}
    rows = []
    for name in FIELDS:
        amb = ambiguous.get(name)
        rows.append(
            FactRow(
                name,
                _value(inv, name, tz),
                inv.fact(name),
                name in inv.missing,
                amb.candidates if amb else (),
                amb.problem if amb else None,
            )
        )
    return rows


def candidate_value(candidate: str) -> str:
    """What a candidate sets: its first word ("2026-12-14T10:00+07:00 (Senin)" → the time)."""
    return candidate.split(" ", 1)[0]


@dataclass(frozen=True)
class Box:
    """One rectangle of the week view, in the SVG's units, with what it stands for."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # "busy", "interview", "free"
    label: str


#: the week view's grid: hours shown, and the size of a day column and an hour
FIRST_HOUR, LAST_HOUR = 7, 21
DAY_WIDTH, HOUR_HEIGHT, LEFT, TOP = 110.0, 26.0, 44.0, 28.0


def week_days(inv: Invitation, now: datetime, tz: str) -> list[date]:
    """Seven days from the interview's day (or today when it has none)."""
    zone = ZoneInfo(tz)
    first = (
        inv.start.astimezone(zone).date() if inv.start else inv.day or now.astimezone(zone).date()
    )
    return [first + timedelta(days=i) for i in range(7)]


def week_boxes(
    days: list[date], busy: list[Busy], interview: Slot | None, free: list[Slot], tz: str,
    language: str,
) -> list[Box]:  # fmt: skip
    """The boxes of the busy times, the interview and the free slots on the days shown."""
    zone = ZoneInfo(tz)
    out: list[Box] = []

    def add(start: datetime, end: datetime, kind: str, label: str) -> None:
        a, b = start.astimezone(zone), end.astimezone(zone)
        if a.date() not in days:
            return
        column = days.index(a.date())
        top = max(a.hour + a.minute / 60, FIRST_HOUR)
        bottom = min(b.hour + b.minute / 60 if b.date() == a.date() else 24, LAST_HOUR)
        if bottom <= top:
            return
        y = TOP + (top - FIRST_HOUR) * HOUR_HEIGHT
        out.append(
            Box(LEFT + column * DAY_WIDTH + 2, y, DAY_WIDTH - 4, (bottom - top) * HOUR_HEIGHT,
                kind, f"{slot_label(Slot(a, b), language, tz)} {label}".strip())
        )  # fmt: skip

    for item in busy:
        add(item.start, item.end, "busy", item.summary)
    for slot in free:
        add(slot.start, slot.end, "free", "")
    if interview is not None:
        add(interview.start, interview.end, "interview", "")
    return out


def mailto(inv: Invitation, draft: Draft) -> str | None:
    """A mailto: link to the recruiter with the email's subject and text."""
    if not inv.contact.email:
        return None
    query = f"subject={quote(draft.subject or '')}&body={quote(draft.text)}"
    return f"mailto:{quote(inv.contact.email, safe='@')}?{query}"


def whatsapp(inv: Invitation, draft: Draft, profile: Profile) -> str | None:
    """A wa.me link with the WhatsApp text filled in, for a valid mobile number."""
    from sopan.compose.links import whatsapp_link

    return whatsapp_link(inv.contact.phone, draft.text, profile.country)


def tel(inv: Invitation, profile: Profile) -> str | None:
    """A tel: link to the recruiter's number, in international form."""
    from sopan.language.phones import e164

    number = e164(inv.contact.phone, profile.country) if inv.contact.phone else None
    return f"tel:{number}" if number else None


def finding_pieces(text: str, findings: list[Finding]) -> list[Piece]:
    """The draft with each finding's passage marked by its rule."""
    return pieces(text, [(f.start, f.end, f.rule) for f in findings if f.end > f.start])


def day_label(on: date, language: str) -> str:
    """A day in the page's language: "Sen 23 Nov" / "Mon 23 Nov"."""
    return day(on, "day_label", language)


def slot_label(slot: Slot, language: str, tz: str) -> str:
    """A free slot in the user's zone: "Sel 24 Nov 10.00–11.00 WIB" ("Tue 24 Nov 10:00…")."""
    return span_text(slot.start, slot.end, ZoneInfo(tz), language, form="day_label")
