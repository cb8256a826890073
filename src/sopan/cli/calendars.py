"""`sopan busy` and `sopan slots`: the user's calendar."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import Any

from sopan.cli.base import (
    Commands,
    add_calendars,
    add_json,
    add_now,
    add_sets,
    add_timeout,
    corrections_of,
    echo,
    echo_json,
    note,
    parse_now,
)
from sopan.errors import UserError


def _duration(text: str, flag: str) -> Any:
    from sopan.app import duration_of

    return duration_of(text, flag)


def _count(text: str) -> int:
    """How many slots: a whole number from 1 to 20."""
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise UserError("value.not_in_range", field="count", value=text, low=1, high=20)
    return int(text)


def register(commands: Commands) -> None:
    """Add `sopan busy` and `sopan slots`."""
    commands.add("busy", busy, _busy_arguments)
    commands.add("slots", slots, _slots_arguments)


def _busy_arguments(parser: ArgumentParser) -> None:
    add_calendars(parser)
    parser.add_argument(
        "--from", dest="from_text", metavar="ISO-8601", help="Start of the window (default: now)."
    )
    parser.add_argument(
        "--to", dest="to_text", metavar="ISO-8601", help="End of the window (default: +10 days)."
    )
    add_timeout(parser)
    add_now(parser)
    add_json(parser, "Print JSON.")


def _slots_arguments(parser: ArgumentParser) -> None:
    # The reader names a missing file or a folder in one line.
    parser.add_argument("file", metavar="FILE", nargs="?")
    parser.add_argument("--count", type=_count, default=3, help="How many (1–20, default: 3).")
    parser.add_argument("--within", default="10d", help="How far ahead to look (default: 10d).")
    parser.add_argument(
        "--duration", help="Slot length, e.g. 60m (default: the interview's own length)."
    )
    add_calendars(parser)
    add_sets(parser)
    parser.add_argument(
        "--at", dest="at_text", metavar="ISO-8601", help="The interview's time, without FILE."
    )
    add_timeout(parser)
    add_now(parser)
    add_json(parser, "Print [{start, end}, …], best first.")


def busy(args: Namespace) -> None:
    """List busy times from your calendars."""
    from datetime import timedelta

    from sopan import app
    from sopan.calendar.views import busy_json, busy_line
    from sopan.config import load_config
    from sopan.language.words import load_words

    config = load_config()
    tz = config.profile.timezone
    start = parse_now(args.from_text or args.now_text, tz, "--from" if args.from_text else "--now")
    end = parse_now(args.to_text, tz, "--to") if args.to_text else start + timedelta(days=10)
    request = app.BusyRequest(
        start, end, calendars=tuple(args.calendars), timeout=args.timeout, config=config
    )
    found, notes = app.busy_for(request)
    for remark in notes:
        note(remark)
    if args.as_json:
        echo_json([busy_json(b, tz) for b in found])
        return
    for entry in found:
        echo(busy_line(entry, tz, None, config.profile.language))
    if not found:
        echo(load_words(config.profile.language, "views").text("calendar", "nothing_booked"))


def slots(args: Namespace) -> None:
    """Propose free slots to move an interview to (FILE: the invitation)."""
    from sopan import app
    from sopan.calendar.views import busy_line, recruiter_zone, slot_json, slot_line
    from sopan.config import load_config
    from sopan.language.words import load_words

    config = load_config()
    tz, language = config.profile.timezone, config.profile.language
    now = parse_now(args.now_text, tz)
    file = args.file
    request = app.SlotsRequest(
        now,
        read=app.ReadRequest(
            file,
            now=now,
            corrections=corrections_of(args.sets, now=now, language=language),
            config=config,
        )
        if file
        else None,
        at=parse_now(args.at_text, tz, "--at") if args.at_text else None,
        calendars=tuple(args.calendars),
        count=args.count,
        within=_duration(args.within, "--within"),
        duration=_duration(args.duration, "--duration") if args.duration else None,
        timeout=args.timeout,
        config=config,
    )
    found = app.slots_for(request)
    for remark in found.notes:
        note(remark)
    if args.as_json:
        echo_json([slot_json(s, tz) for s in found.slots])
        return
    other = recruiter_zone(found.invitation, tz)
    words = load_words(language, "views")
    if found.conflicts is not None:
        echo(words.text("calendar", "conflicts" if found.conflicts else "no_conflict"))
        for entry in found.conflicts:
            echo("  " + busy_line(entry, tz, other, language))
    for number, slot in enumerate(found.slots, 1):
        echo(f"{number}. {slot_line(slot, tz, other, language)}")
    if not found.slots:
        echo(words.text("calendar", "no_free_slot"))
