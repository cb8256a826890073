"""The click group and the helpers every command shares."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import click

from sopan.errors import UserError


def parse_now(value: str | None, tz: str, flag: str = "--now") -> datetime:
    """`--now` (or the time flag named `flag`) as an aware datetime, in the years sopan
    handles; a naive value is read in the user's time zone."""
    if value is None:
        return datetime.now(ZoneInfo(tz))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"{flag}: '{value}' is not an ISO 8601 date and time") from None
    if not 1900 <= moment.year <= 2999:
        raise UserError(f"{flag}: {moment.date()} is outside the years 1900–2999")
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


#: Every command that looks at the user's calendars takes its sources the same way.
calendar_option = click.option(
    "--calendar",
    "calendars",
    multiple=True,
    metavar="SRC",
    help="An .ics file, an https:// ICS address or caldav+https://USER@HOST/PATH "
    "(repeatable; added to [calendar] sources in the config).",
)

#: Every command that reads an invitation takes the user's corrections the same way.
set_option = click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Give or correct a fact (repeatable): start, end, timezone, company, position, mode, "
    "location, meeting_link, reference, contact.name, contact.email, contact.phone.",
)

now_option = click.option(
    "--now", "now_text", metavar="ISO-8601", help="Pretend the current time is this."
)


def echo_json(value: Any) -> None:
    """Print one JSON object, UTF-8, keys in the order given."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.group()
@click.version_option(package_name="sopan")
def cli() -> None:
    """sopan: decline, cancel or reschedule a job interview courteously."""


def note(message: str) -> None:
    """A remark on stderr that is not an error: the command goes on."""
    click.echo(f"sopan: note: {message}", err=True)
