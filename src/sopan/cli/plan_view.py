"""The plan as text for a person: ordered steps with the time left, then what to check."""

from __future__ import annotations

import textwrap

from sopan.language.dateforms import fixed
from sopan.language.plan_header import Header, header
from sopan.language.words import Words, load_words
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
    head = header(plan, inv, w)
    lines = [w.text("view", "title", action=w.name("action", plan.action)), _event_line(head, w)]
    if head.region is not None:
        lines.append(_region_line(head, w))
    if plan.urgency.hours_left is not None:
        level = w.name("level", plan.urgency.level)
        hours = w.number(plan.urgency.hours_left)
        lines.append(w.text("view", "time_left", hours=hours, level=level))
    else:
        lines.append(w.text("view", "time_unknown"))
    lines += [head.reply_by] if head.reply_by else []
    if plan.honorific_guess is not None:
        # a title the invitation did not give, guessed from a given name (R3): said as a guess,
        # with the flag that corrects it
        from sopan.cli.base import flag_of

        person, first, other = plan.honorific_guess
        fix = f'{flag_of("contact.name")}="{other}"'
        origin = w.text("view", "honorific_from", first=first)
        lines.append(w.text("view", "honorific_guessed", person=person, origin=origin, fix=fix))
    lines += [head.travel] if head.travel else []
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


def _event_line(head: Header, w: Words) -> str:
    """The interview's line; a guessed zone with where it came from and the flag that
    corrects it."""
    from sopan.cli.base import flag_of

    if head.guessed is None or head.when is None:
        return head.event
    fix = f"{flag_of('timezone')}={w.text('view', 'zone_value')}"
    said = w.text("view", "zone_guessed", when=head.when, origin=head.guessed, fix=fix)
    return w.text("view", "interview", event=head.name, when=said)


def _region_line(head: Header, w: Words) -> str:
    """The drafts' regional variant, with what showed where the recipient is and the setting
    that corrects it."""
    from sopan.cli.base import flag_of

    if head.region_origin is None:
        return w.text("view", "region_set", line=head.region)
    fix = f"{flag_of('country')}={w.text('view', 'region_value')}"
    return w.text("view", "region_guessed", line=head.region, origin=head.region_origin, fix=fix)


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
