"""The command layer: parse flags, call the stages, print. Nothing here decides anything."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import click

from sopan.errors import SopanError, UserError


def parse_now(value: str | None, tz: str) -> datetime:
    """`--now` as an aware datetime; a naive value is read in the user's time zone."""
    if value is None:
        return datetime.now(ZoneInfo(tz))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"--now: '{value}' is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


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


@cli.command()
@click.option("--name", help="Your full name, as you sign letters.")
@click.option("--email", help="Your email address.")
@click.option("--phone", help="Your phone number.")
@click.option("--linkedin", help="Your LinkedIn profile address.")
@click.option("--city", help="Your home city (for travel estimates).")
@click.option("--lang", "language", type=click.Choice(["id", "en"]), help="Preferred language.")
@click.option("--timezone", "timezone", help="Your IANA time zone, e.g. Asia/Jakarta.")
def init(**given: str | None) -> None:
    """Write your profile into the config file (asks for what is not given)."""
    from sopan.config import config_path, save_profile
    from sopan.model import Profile

    interactive = sys.stdin.isatty() and not any(given.values())
    prompts = {
        "name": "Full name",
        "email": "Email",
        "phone": "Phone",
        "linkedin": "LinkedIn address",
        "city": "Home city",
        "language": "Language (id/en)",
        "timezone": "Time zone",
    }
    defaults = {"language": "id", "timezone": "Asia/Jakarta"}
    values: dict[str, str] = {}
    for key, label in prompts.items():
        value = given.get(key)
        if value is None and interactive:
            value = click.prompt(label, default=defaults.get(key, ""), show_default=True)
        value = value if value not in (None, "") else defaults.get(key)
        if value is not None:
            values[key] = value.strip()
    if not values.get("name"):
        raise UserError("init: a full name is needed (--name)")
    if values.get("language", "id") not in ("id", "en"):
        raise UserError("init: language must be 'id' or 'en'")
    try:
        ZoneInfo(values.get("timezone", "Asia/Jakarta"))
    except (KeyError, ValueError):
        raise UserError(f"init: unknown time zone '{values['timezone']}'") from None
    path = save_profile(Profile(**values), config_path())  # type: ignore[arg-type]
    click.echo(f"Profile saved to {path}")


@cli.command("read")
@click.argument("file", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract.")
@click.option(
    "--mailbox", "mailbox", metavar="PATH", help="List the invitations in an .mbox or Maildir."
)
@now_option
def read_command(
    file: str | None, as_json: bool, mailbox: str | None, now_text: str | None
) -> None:
    """Show what an invitation says (.eml, .ics, .mbox, pasted text; '-' reads stdin)."""
    from pathlib import Path

    from sopan.config import load_config
    from sopan.read import read_bytes, read_file, read_mailbox, to_json
    from sopan.read.show import describe, mailbox_line

    user_tz = load_config().profile.timezone
    now = parse_now(now_text, user_tz)
    if mailbox:
        found = read_mailbox(Path(mailbox), now=now, user_tz=user_tz)
        if as_json:
            echo_json([to_json(inv) for inv in found])
        else:
            for inv in found:
                click.echo(mailbox_line(inv))
            click.echo(f"{len(found)} invitation(s)")
        return
    if not file:
        raise UserError("read: give a FILE (or --mailbox PATH)")
    if file == "-":
        inv = read_bytes(sys.stdin.buffer.read(), now=now, user_tz=user_tz, origin="stdin")
    else:
        inv = read_file(Path(file), now=now, user_tz=user_tz)
    if as_json:
        echo_json(to_json(inv))
    else:
        click.echo("\n".join(describe(inv, now=now, user_tz=user_tz)))


def main() -> None:
    """Entry point: run the CLI and turn every error into one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except SopanError as exc:
        click.echo(f"sopan: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a person never sees a traceback
        if os.environ.get("SOPAN_DEBUG"):
            raise
        click.echo(f"sopan: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(70)
