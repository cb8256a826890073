"""`sopan busy` and `sopan slots`: the user's calendar."""

from __future__ import annotations

from typing import Any

import click

from sopan.cli.base import (
    calendar_option,
    cli,
    echo_json,
    note,
    now_option,
    parse_now,
    set_option,
)


def _duration(text: str, flag: str) -> Any:
    from sopan.app import duration_of

    return duration_of(text, flag)


@cli.command()
@calendar_option
@click.option("--from", "from_text", metavar="ISO-8601", help="Start of the window (default: now).")
@click.option("--to", "to_text", metavar="ISO-8601", help="End of the window (default: +10 days).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds to wait for a server.")
@now_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def busy(
    calendars: tuple[str, ...],
    from_text: str | None,
    to_text: str | None,
    timeout: float,
    now_text: str | None,
    as_json: bool,
) -> None:
    """List busy times from your calendars."""
    from datetime import timedelta

    from sopan import app
    from sopan.calendar.views import busy_json, busy_line
    from sopan.config import load_config
    from sopan.plan_words import load_words

    config = load_config()
    tz = config.profile.timezone
    start = parse_now(from_text or now_text, tz, "--from" if from_text else "--now")
    end = parse_now(to_text, tz, "--to") if to_text else start + timedelta(days=10)
    request = app.BusyRequest(start, end, calendars=calendars, timeout=timeout, config=config)
    found, notes = app.busy_for(request)
    for remark in notes:
        note(remark)
    if as_json:
        echo_json([busy_json(b, tz) for b in found])
        return
    for entry in found:
        click.echo(busy_line(entry, tz, None, config.profile.language))
    if not found:
        click.echo(load_words(config.profile.language, "views").text("calendar", "nothing_booked"))


@cli.command()
# The reader names a missing file or a folder in one line; click's own check would
# print its usage text as well.
@click.argument("file", required=False)
@click.option("--count", default=3, show_default=True, type=click.IntRange(1, 20))
@click.option("--within", default="10d", show_default=True, help="How far ahead to look.")
@click.option("--duration", help="Slot length, e.g. 60m (default: the interview's own length).")
@calendar_option
@set_option
@click.option("--at", "at_text", metavar="ISO-8601", help="The interview's time, without FILE.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds to wait for a server.")
@now_option
@click.option("--json", "as_json", is_flag=True, help="Print [{start, end}, …], best first.")
def slots(
    file: str | None,
    count: int,
    within: str,
    duration: str | None,
    calendars: tuple[str, ...],
    sets: tuple[str, ...],
    at_text: str | None,
    timeout: float,
    now_text: str | None,
    as_json: bool,
) -> None:
    """Propose free slots to move an interview to (FILE: the invitation)."""
    from sopan import app
    from sopan.calendar.views import busy_line, recruiter_zone, slot_json, slot_line
    from sopan.config import load_config
    from sopan.plan_words import load_words

    config = load_config()
    tz, language = config.profile.timezone, config.profile.language
    now = parse_now(now_text, tz)
    request = app.SlotsRequest(
        now,
        read=app.ReadRequest(file, now=now, corrections=sets, config=config) if file else None,
        at=parse_now(at_text, tz, "--at") if at_text else None,
        calendars=calendars,
        count=count,
        within=_duration(within, "--within"),
        duration=_duration(duration, "--duration") if duration else None,
        timeout=timeout,
        config=config,
    )
    found = app.slots_for(request)
    for remark in found.notes:
        note(remark)
    if as_json:
        echo_json([slot_json(s, tz) for s in found.slots])
        return
    other = recruiter_zone(found.invitation, tz)
    words = load_words(language, "views")
    if found.conflicts is not None:
        click.echo(words.text("calendar", "conflicts" if found.conflicts else "no_conflict"))
        for entry in found.conflicts:
            click.echo("  " + busy_line(entry, tz, other, language))
    for number, slot in enumerate(found.slots, 1):
        click.echo(f"{number}. {slot_line(slot, tz, other, language)}")
    if not found.slots:
        click.echo(words.text("calendar", "no_free_slot"))
