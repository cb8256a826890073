"""`sopan busy` and `sopan slots`: the user's calendar."""

from __future__ import annotations

from typing import Any

import click

from sopan.cli.base import calendar_option, cli, echo_json, note, now_option, parse_now
from sopan.errors import UserError


def _duration(text: str, flag: str) -> Any:
    from sopan.calendar.settings import parse_duration

    return parse_duration(text, flag)


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

    from sopan.calendar import calendar_settings, load_busy
    from sopan.calendar.views import busy_json, busy_line
    from sopan.config import load_config
    from sopan.plan_words import load_words

    config = load_config()
    tz = config.profile.timezone
    start = parse_now(from_text or now_text, tz)
    end = parse_now(to_text, tz) if to_text else start + timedelta(days=10)
    if end <= start:
        raise UserError("--to: the window ends before it starts")
    sources = [*calendar_settings(config).sources, *calendars]
    if not sources:
        raise UserError("busy: no calendar given (--calendar SRC or [calendar] sources)")
    found = load_busy(sources, start=start, end=end, config=config, timeout=timeout, warn=note)
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
    at_text: str | None,
    timeout: float,
    now_text: str | None,
    as_json: bool,
) -> None:
    """Propose free slots to move an interview to (FILE: the invitation)."""
    from datetime import timedelta

    from sopan.calendar import calendar_settings, conflicts, load_busy, propose
    from sopan.calendar.views import busy_line, recruiter_zone, slot_json, slot_line
    from sopan.config import load_config
    from sopan.model import DEFAULT_INTERVIEW_LENGTH, Invitation, Slot
    from sopan.plan_words import load_words

    config = load_config()
    tz, language = config.profile.timezone, config.profile.language
    now = parse_now(now_text, tz)
    invitation = None
    if file is not None:
        from pathlib import Path

        from sopan.read import read_file

        invitation = read_file(Path(file), now=now, user_tz=tz)
    start = parse_now(at_text, tz) if at_text else invitation.start if invitation else None
    end = invitation.end if invitation and not at_text else None
    length = _duration(duration, "--duration") if duration else None
    if length is None:
        length = end - start if start and end and end > start else DEFAULT_INTERVIEW_LENGTH
    span = _duration(within, "--within")
    settings = calendar_settings(config)
    sources = [*settings.sources, *calendars]
    window_end = now + span + timedelta(days=1)
    lo = min(now, start) if start else now
    hi = max(window_end, start + length) if start else window_end
    found = (
        load_busy(sources, start=lo, end=hi, config=config, timeout=timeout, warn=note)
        if sources
        else []
    )
    # The interview as asked (--at or the invitation), so its own time is never proposed.
    asked = Invitation(
        language=language, source="text", start=start, end=start + length if start else None
    )
    proposed = propose(asked, found, now=now, config=config, within=span, count=count)
    if as_json:
        echo_json([slot_json(s, tz) for s in proposed])
        return
    other = recruiter_zone(invitation, tz)
    words = load_words(language, "views")
    if start is not None and sources:
        travel = timedelta(minutes=settings.travel_minutes or 0)
        interview = Slot(start, end if end and end > start else start + length)
        clash = conflicts(interview, found, travel=travel)
        if clash:
            click.echo(words.text("calendar", "conflicts"))
        else:
            click.echo(words.text("calendar", "no_conflict"))
        for entry in clash:
            click.echo("  " + busy_line(entry, tz, other, language))
    if not sources:
        note("no calendar given: slots avoid only working hours, blocked times and holidays")
    for number, slot in enumerate(proposed, 1):
        click.echo(f"{number}. {slot_line(slot, tz, other, language)}")
    if not proposed:
        click.echo(words.text("calendar", "no_free_slot"))
