"""The plan as text for a person: ordered steps with the time left, then what to check."""

from __future__ import annotations

import textwrap
from datetime import datetime

from sopan.language.dateforms import fixed
from sopan.language.words import Words, load_words
from sopan.language.zones import written_label
from sopan.model import Invitation, Note, Plan

#: a way's thing given in words, as the command line takes it (the others are `--NAME VALUE`)
_GIVEN = {
    "city": "sopan init --city …",
    "calendar": "--calendar FILE",
    "reason_text": '--reason-text "…"',
}


def ways_text(note: Note) -> str:
    """The flags that follow a note's advice, after its text: ' (--intent decline --interest
    no)', alternatives joined by ';'. The plan book's sentences never name a flag."""
    from sopan.cli.base import flag_of

    if not note.ways:
        return ""
    said = (
        " ".join(f"{flag_of(name)} {value}" if value else _GIVEN[name] for name, value in way)
        for way in note.ways
    )
    return f" ({'; '.join(said)})"


def render_plan(plan: Plan, inv: Invitation) -> str:
    """A readable plan in the plan's language; every line ends with its guideline id."""
    w = load_words(plan.language)
    lines = [w.text("view", "title", action=w.name("action", plan.action))]
    # the event as the invitation names it ("Tes online: …"), not always "Wawancara"
    event = plan.event or w.text("view", "event_default")
    if inv.start is not None:
        lines.append(w.text("view", "interview", event=event, when=when_text(inv, plan, w)))
    elif inv.day is not None:
        lines.append(w.text("view", "interview_day", event=event, day=inv.day.isoformat()))
    else:
        lines.append(w.text("view", "no_date", event=event))
    if plan.urgency.hours_left is not None:
        level = w.name("level", plan.urgency.level)
        hours = w.number(plan.urgency.hours_left)
        lines.append(w.text("view", "time_left", hours=hours, level=level))
    else:
        lines.append(w.text("view", "time_unknown"))
    if plan.reply_by is not None and plan.reply_by_hours is not None:
        # the reply-by date while it is ahead (R2), in the zone the interview is shown in
        due = "reply_by_today" if plan.reply_by_today else "reply_by"
        hours = w.number(plan.reply_by_hours)
        lines.append(w.text("view", due, when=stamp(plan.reply_by, inv, plan.zone), hours=hours))
    if plan.travel_minutes is not None and plan.action not in ("decline", "cancel"):
        # no trip to a declined or cancelled interview (R1.2): as its warnings say
        lines.append(w.text("view", "travel", travel=w.duration(plan.travel_minutes)))
    lines += ["", w.text("view", "steps")]
    for number, step in enumerate(plan.steps, 1):
        channel = w.name("channel", step.channel)
        lines.append(f"  {number}. {channel}: {step.why} [{step.guideline}]")
    if plan.conflicts:
        lines += ["", w.text("view", "conflicts")]
        for busy in plan.conflicts:
            span = f"{fixed(busy.start, 'stamp')}–{fixed(busy.end, 'clock')}"
            lines.append(f"  - {span} {busy.summary}".rstrip() + " [R1.1]")
    if plan.warnings:
        lines += ["", w.text("view", "warnings")]
        lines += [f"  ! {n.text}{ways_text(n)} [{n.guideline}]" for n in plan.warnings]
    if plan.checklist:
        lines += ["", w.text("view", "checklist")]
        lines += [f"  [ ] {note.text} [{note.guideline}]" for note in plan.checklist]
    return "\n".join(_wrap(line) for line in lines)


def stamp(moment: datetime, inv: Invitation, zone: str | None = None) -> str:
    """A moment in the plan's header: in `zone` when the drafts write one (a calendar file's
    UTC time in the person's own zone), else in the interview's; its zone as the invitation
    wrote it ("EST" stays "EST" in June), else named as people know it (WIB, SGT; never
    "UTC+07:00" or "+08")."""
    from sopan.language.dateforms import local_zone, zone_label

    if zone is None:
        label = written_label(inv.text, inv.timezone) if inv.text and inv.timezone else None
        if label:
            local = moment.astimezone(local_zone(moment, inv.timezone))
            return f"{fixed(local, 'stamp')} {label}"
    local = moment.astimezone(local_zone(moment, zone or inv.timezone))
    return f"{fixed(local, 'stamp')} {zone_label(local, 'en', plain=True)}"


def when_text(inv: Invitation, plan: Plan, w: Words) -> str:
    """The interview's time for the plan's header (R1), as `stamp` writes it; a zone the
    invitation did not write, with where the guess came from and how to correct it."""
    from sopan.cli.base import flag_of

    assert inv.start is not None
    zone = plan.zone
    when = stamp(inv.start, inv, zone)
    if zone is not None or (inv.text and inv.timezone and written_label(inv.text, inv.timezone)):
        return when
    origin = plan.zone_origin
    if origin is None:
        return when
    kind, place = origin
    fix = f"{flag_of('timezone')}={w.text('view', 'zone_value')}"
    said = w.text("view", f"zone_from_{kind}", place=place)
    return w.text("view", "zone_guessed", when=when, origin=said, fix=fix)


def _wrap(line: str, width: int = 96) -> str:
    """Wrap a long item so its continuation lines sit under its text, not its marker."""
    stripped = line.lstrip()
    if len(line) <= width or not stripped:
        return line
    marker = stripped.split(" ", 1)[0]
    if marker == "[":
        marker = "[ ]"
    indent = " " * (len(line) - len(stripped) + len(marker) + 1)
    return textwrap.fill(line, width, subsequent_indent=indent)
