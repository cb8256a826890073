"""The human view of an Invitation: every field, the time in the user's own zone, time left.

Its words come from the "views" book (`data/views/<lang>.yaml`), in the language asked for.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from sopan.language.dateforms import clock, day, reading_of, span_text
from sopan.language.profiles import babel_locale
from sopan.language.words import Words, load_words
from sopan.model import Ambiguity, Fact, Invitation, Language

# Labels line up in one column; the widest label of the language sets it.
_LABELS = (
    "source",
    "subject",
    "company",
    "position",
    "when",
    "your_time",
    "time_left",
    "mode",
    "location",
    "city",
    "meeting_link",
    "platform",
    "access_code",
    "contact",
    "reference",
    "reply_by",
    "organizer",
    "uid",
    "missing",
    "ambiguous",
    "confidence",
)
#: below this, the view says the message may not be an invitation at all
_SURE = 0.8


def _day(on: date, language: Language) -> str:
    return day(on, "list_day", language)  # "Mon 30 Nov 2026" / "Sen 30 Nov 2026"


def _when(start: datetime, end: datetime | None, language: Language) -> str:
    """The interview's span in the zone `start` is in."""
    zone = start.tzinfo or ZoneInfo("UTC")
    return span_text(start, end, zone, language, form="list_day")


def _ambiguity(a: Ambiguity, w: Words, tz: str, language: Language) -> str:
    """An unclear fact, named in words, with what is wrong and every reading it could have."""
    listed = " | ".join(reading_of(c, tz, language)[1] for c in a.candidates)
    problem = a.problem.text(language) if a.problem else ""
    said = f"{problem}: {listed}" if problem and listed else problem or listed
    return f"{w.name('fact', a.field)}: {said}"


def hours_left(inv: Invitation, now: datetime) -> float | None:
    """Hours from `now` until the interview starts (negative when it is past)."""
    if inv.start is None:
        return None
    return (inv.start - now).total_seconds() / 3600


def _time_left(left: float, w: Words) -> str:
    hours = format_decimal(abs(left), format="0.0", locale=babel_locale(w.language))
    return w.text("read", "hours_left" if left >= 0 else "started_ago", hours=hours)


#: The provenance shown under each row: the field of the JSON contract it came from.
_ROW_FACT = {
    "company": "company",
    "position": "position",
    "when": "start",
    "mode": "mode",
    "location": "location",
    "meeting_link": "meeting_link",
    "platform": "platform",
    "contact": "contact.name",
    "reference": "reference",
}


def _one_line(text: str, width: int = 72) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def source_line(fact: Fact, inv: Invitation, language: Language) -> str:
    """Where a fact came from, in one line: the text line it was read on, the header, the
    calendar property, how it was worked out, or the user."""
    w = load_words(language, "views")
    if fact.source == "text" and fact.start is not None:
        line = inv.text.count("\n", 0, fact.start) + 1
        return w.text("read", "from_text", line=line, snippet=f"«{_one_line(fact.text)}»")
    return w.text("read", f"from_{fact.source}", snippet=_one_line(fact.text))


def describe(inv: Invitation, *, now: datetime, user_tz: str, language: Language) -> list[str]:
    """Lines for the terminal in `language`: every field with where it came from, and what is
    missing or ambiguous."""
    w = load_words(language, "views")
    rows: list[tuple[str, str | None]] = [
        ("source", f"{inv.source} ({w.name('language', inv.language)})"),
        ("subject", inv.subject),
        ("company", inv.company),
        ("position", inv.position),
    ]
    if inv.start:
        zone = f" [{inv.timezone}]" if inv.timezone else ""
        assumed = ""
        if "timezone" in inv.missing:
            whose = (
                w.text("read", "your_zone")
                if inv.timezone == user_tz
                else w.text("read", "city_time", city=inv.city)
                if inv.city
                else w.text("read", "local_time")
            )
            assumed = " " + w.text("read", "zone_assumed", whose=whose)
        rows.append(("when", _when(inv.start, inv.end, language) + zone + assumed))
        mine = ZoneInfo(user_tz)
        if inv.start.utcoffset() != inv.start.astimezone(mine).utcoffset():
            end = inv.end.astimezone(mine) if inv.end else None
            mine_text = _when(inv.start.astimezone(mine), end, language)
            rows.append(("your_time", f"{mine_text} [{user_tz}]"))
        left = hours_left(inv, now)
        if left is not None:
            rows.append(("time_left", _time_left(left, w)))
    elif inv.day:
        at = clock(inv.time_of_day, language) if inv.time_of_day else None
        rows.append(("when", f"{_day(inv.day, language)} {at or w.text('read', 'no_time_given')}"))
    elif inv.time_of_day:
        unknown = w.text("read", "date_unknown")
        rows.append(("when", f"{clock(inv.time_of_day, language)} ({unknown})"))
    else:
        rows.append(("when", None))
    contact = inv.contact
    who = ", ".join(x for x in (contact.name, contact.email, contact.phone) if x) or None
    reply_by = inv.reply_by
    rows += [
        ("mode", w.name("mode", inv.mode) if inv.mode else None),
        ("location", inv.location),
        ("city", inv.city),
        ("meeting_link", inv.meeting_link),
        ("platform", inv.platform),
        ("access_code", inv.access_code),
        ("contact", who),
        ("reference", inv.reference),
        ("reply_by", _when(reply_by, None, language) if reply_by else None),
        ("organizer", inv.organizer),
        ("uid", inv.uid),
    ]
    if inv.missing:
        rows.append(("missing", ", ".join(w.name("fact", f) for f in inv.missing)))
    rows += [("ambiguous", _ambiguity(a, w, user_tz, language)) for a in inv.ambiguous]
    if inv.confidence < _SURE:
        sure = format_decimal(inv.confidence, format="0.0", locale=babel_locale(language))
        rows.append(("confidence", w.text("read", "low_confidence", value=sure)))
    labels = {key: w.text("read", key) + ":" for key in _LABELS}
    width = max(len(label) for label in labels.values()) + 1
    lines: list[str] = []
    for key, value in rows:
        if not value:
            continue
        lines.append(f"{labels[key]:<{width}}{value}")
        name = _ROW_FACT.get(key)
        fact = inv.fact(name) if name else None
        if key == "contact" and fact is None:
            fact = inv.fact("contact.email") or inv.fact("contact.phone")
        if fact is not None:
            lines.append(" " * width + source_line(fact, inv, language))
    return lines


def mailbox_line(inv: Invitation, language: Language) -> str:
    """One line per invitation in a mailbox listing."""
    w = load_words(language, "views")
    if inv.start:
        when = _when(inv.start, inv.end, language)
    elif inv.day:
        when = f"{inv.day.isoformat()} {w.text('read', 'no_time')}"
    else:
        when = w.text("read", "date_unknown")
    what = " · ".join(x for x in (inv.company, inv.position) if x) or (inv.subject or "")
    return f"{when:<32}  {what}"
