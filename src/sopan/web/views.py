"""What the pages show, worked out from the use cases' results: the message cut into pieces
around the facts' snippets, the facts in rows written the way the page's language writes
them, the week drawn as boxes and as a list of days, a guideline's short explanation.
Plain values only; the templates lay them out and escape every text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sopan.language.dateforms import clock, day, reading_of, span_text, when_text
from sopan.language.zones import written_as
from sopan.model import Busy, Fact, Finding, Invitation, Slot
from sopan.model.names import FACT_FIELDS

#: Every field a person can set, named as in the `sopan read --json` contract.
FIELDS: tuple[str, ...] = FACT_FIELDS


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


def moment_words(moment: datetime, tz: str | None, language: str) -> str:
    """A moment as the language writes it: "Senin, 14 Desember 2026 pukul 10.00 WIB"."""
    return when_text(moment, tz, language)


def _zone_words(name: str | None) -> str:
    if not name:
        return ""
    short = written_as(name)
    return short if short else name


@dataclass(frozen=True)
class FactRow:
    """One field of the invitation as the facts page shows it: its value in words, the
    value a picker starts from, its source, and what is open about it."""

    field: str
    value: str
    picker: str
    fact: Fact | None
    missing: bool
    candidates: tuple[tuple[str, str], ...]  # (what choosing it sets, how it is shown)
    problem: str | None


def _value(inv: Invitation, name: str, tz: str, language: str) -> tuple[str, str]:
    """(the value in words, the picker's value: YYYY-MM-DDTHH:MM, or "")."""
    zone = inv.timezone or tz
    if name == "start":
        if inv.start is not None:
            here = inv.start.astimezone(ZoneInfo(zone))
            return moment_words(here, zone, language), here.strftime("%Y-%m-%dT%H:%M")
        if inv.day is not None:
            at = f" {clock(inv.time_of_day, language)}" if inv.time_of_day else ""
            return day(inv.day, "date", language) + at, ""
        return "", ""
    if name == "end":
        if inv.end is None:
            return "", ""
        return clock(inv.end.astimezone(ZoneInfo(zone)), language), ""
    if name == "timezone":
        return _zone_words(inv.timezone), ""
    if name.startswith("contact."):
        return getattr(inv.contact, name.split(".", 1)[1]) or "", ""
    value = getattr(inv, name)
    return ("" if value is None else str(value)), ""


def fact_rows(inv: Invitation, tz: str, language: str) -> list[FactRow]:
    """Every field a person can set, with its value, its source, and what is open about it."""
    ambiguous = {a.field: a for a in inv.ambiguous}
    rows = []
    for name in FIELDS:
        amb = ambiguous.get(name)
        value, picker = _value(inv, name, tz, language)
        choices = tuple(reading_of(c, tz, language) for c in amb.candidates) if amb else ()
        problem = amb.problem.text(language) if amb and amb.problem else None
        rows.append(FactRow(name, value, picker, inv.fact(name), name in inv.missing, choices,
                            problem))  # fmt: skip
    return rows


def is_past(inv: Invitation, now: datetime, tz: str) -> bool:
    """Whether the interview's time (or its whole day, when only the day is known) is over."""
    if inv.start is not None:
        return inv.start <= now
    if inv.day is not None:
        return inv.day < now.astimezone(ZoneInfo(tz)).date()
    return False


def past_words(inv: Invitation, tz: str, language: str) -> str:
    """When the past interview was, in words."""
    if inv.start is not None:
        return moment_words(inv.start, inv.timezone or tz, language)
    return day(inv.day, "date", language) if inv.day else ""


@dataclass(frozen=True)
class Box:
    """One rectangle of the week view, in the SVG's units, with what it stands for."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # "busy", "interview", "free"
    label: str


@dataclass(frozen=True)
class DayEntry:
    """One line of a day in the narrow screen's list of days."""

    kind: str  # "busy", "interview", "free"
    when: str
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


def _entries(
    busy: list[Busy], interview: Slot | None, free: list[Slot]
) -> list[tuple[datetime, datetime, str, str]]:
    out = [(b.start, b.end, "busy", b.summary) for b in busy]
    out += [(s.start, s.end, "free", "") for s in free]
    if interview is not None:
        out.append((interview.start, interview.end, "interview", ""))
    return out


def week_boxes(
    days: list[date], busy: list[Busy], interview: Slot | None, free: list[Slot], tz: str,
    language: str,
) -> list[Box]:  # fmt: skip
    """The boxes of the busy times, the interview and the free slots on the days shown."""
    zone = ZoneInfo(tz)
    out: list[Box] = []
    for start, end, kind, label in _entries(busy, interview, free):
        a, b = start.astimezone(zone), end.astimezone(zone)
        if a.date() not in days:
            continue
        column = days.index(a.date())
        top = max(a.hour + a.minute / 60, FIRST_HOUR)
        bottom = min(b.hour + b.minute / 60 if b.date() == a.date() else 24, LAST_HOUR)
        if bottom <= top:
            continue
        y = TOP + (top - FIRST_HOUR) * HOUR_HEIGHT
        out.append(
            Box(LEFT + column * DAY_WIDTH + 2, y, DAY_WIDTH - 4, (bottom - top) * HOUR_HEIGHT,
                kind, f"{slot_label(Slot(a, b), language, tz)} {label}".strip())
        )  # fmt: skip
    return out


def week_list(
    days: list[date], busy: list[Busy], interview: Slot | None, free: list[Slot], tz: str,
    language: str,
) -> list[tuple[str, list[DayEntry]]]:  # fmt: skip
    """The same week as a list of days (for a narrow screen): each day in words, then its
    entries in time order."""
    zone = ZoneInfo(tz)
    by_day: dict[date, list[tuple[datetime, DayEntry]]] = {d: [] for d in days}
    for start, end, kind, label in _entries(busy, interview, free):
        a = start.astimezone(zone)
        if a.date() in by_day:
            when = f"{clock(a, language)}–{clock(end.astimezone(zone), language)}"
            by_day[a.date()].append((a, DayEntry(kind, when, label)))
    return [(day(d, "date", language), [e for _, e in sorted(by_day[d], key=lambda x: x[0])])
            for d in days]  # fmt: skip


def finding_pieces(text: str, findings: list[Finding]) -> list[Piece]:
    """The draft with each finding's passage marked by its rule."""
    return pieces(text, [(f.start, f.end, f.rule) for f in findings if f.end > f.start])


def day_label(on: date, language: str) -> str:
    """A day in the page's language: "Sen 23 Nov" / "Mon 23 Nov"."""
    return day(on, "day_label", language)


def day_words(on: date | datetime, language: str, tz: str | None = None) -> str:
    """A day in words: "Senin, 23 November 2026" (a moment's day in the zone `tz`)."""
    if isinstance(on, datetime) and tz:
        on = on.astimezone(ZoneInfo(tz))
    return day(on, "date", language)


def slot_label(slot: Slot, language: str, tz: str) -> str:
    """A free slot in the user's zone: "Sel 24 Nov 10.00–11.00 WIB" ("Tue 24 Nov 10:00…")."""
    return span_text(slot.start, slot.end, ZoneInfo(tz), language, form="day_label")


@dataclass(frozen=True)
class Why:
    """A guideline as a short explanation on demand: its title and why it matters."""

    id: str
    title: str
    why: str


def why(guideline_id: str, language: str) -> Why | None:
    """The guideline's short explanation in the page's language (None: not in the book)."""
    from sopan.language.guidelines import load_guidelines

    found = load_guidelines(language).get(guideline_id.strip().upper())
    return Why(found.id, found.title, found.why) if found else None


def options(field: str, language: str) -> dict[str, str]:
    """A choice's options in everyday words (`data/choices/`): the situation's choices and
    how the interview is held, never their codes."""
    from sopan.language.choices import options as book

    return dict(book(field, language))


#: where the person gives what a way names: the situation form's field, or a settings page
_WAY_PAGES = {"calendar": "/calendars", "city": "/profile#city"}


def way_href(way: tuple[tuple[str, str], ...], base: str) -> str:
    """The page, and the field on it, that follows a plan note's way (`model.Note.ways`)."""
    name = way[0][0]
    return _WAY_PAGES.get(name, f"{base}/situation#{name}")


def way_words(way: tuple[tuple[str, str], ...], language: str, book: dict[str, Any]) -> str:
    """A way in the person's words: the choices to make ("Ubah pilihan Anda: Menolak undangan,
    tidak lagi menginginkan pekerjaan ini"), or what to give (`book`: the page book's plan.ways;
    an answer that needs its question is said whole there)."""
    chosen = [
        book["said"].get(name, {}).get(value) or options(name, language)[value]
        for name, value in way
        if value
    ]
    if chosen:
        return str(book["choose"]).format(choices=", ".join(chosen))
    return str(book[way[0][0]])
