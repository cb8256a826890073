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


@cli.command("lint")
@click.argument("file", metavar="FILE")
@click.option(
    "--invitation", "invitation_path", metavar="INV", help="Invitation file to check against."
)
@click.option(
    "--action",
    type=click.Choice(["decline", "cancel", "reschedule", "online"]),
    help="What the reply does.",
)
@click.option(
    "--channel",
    type=click.Choice(
        ["call", "voicemail", "email", "letter", "sms", "whatsapp", "linkedin", "calendar"]
    ),
    help="Where the reply goes (default: read as an email).",
)
@click.option(
    "--lang", "language", type=click.Choice(["id", "en"]), help="Language (default: detected)."
)
@click.option(
    "--detail", type=click.Choice(["brief", "full"]), help="How much of the reason to share."
)
@click.option("--new-employer", metavar="NAME", help="The employer whose offer you accepted.")
@click.option(
    "--rules", "rule_dirs", multiple=True, metavar="DIR", help="Also use the rule files in DIR."
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report.")
@now_option
def lint_command(
    file: str,
    invitation_path: str | None,
    action: str | None,
    channel: str | None,
    language: str | None,
    detail: str | None,
    new_employer: str | None,
    rule_dirs: tuple[str, ...],
    as_json: bool,
    now_text: str | None,
) -> None:
    """Check a reply before it goes: moves, tone, letter conventions, spelling."""
    from pathlib import Path

    from sopan.config import load_config
    from sopan.lint import builtin_rules, lint_text, load_rules_from
    from sopan.lint.report import format_report, read_reply

    text = read_reply(file)
    rules = None
    if rule_dirs:
        missing = [d for d in rule_dirs if not Path(d).exists()]
        if missing:
            raise UserError(f"lint: --rules {missing[0]}: no such file or folder")
        rules = load_rules_from((Path(d) for d in rule_dirs), base=builtin_rules())
    try:
        profile = load_config(allow_example=False).profile
    except UserError:
        profile = None
    invitation = None
    if invitation_path is not None:
        try:
            from sopan.read import read_file  # type: ignore[import-not-found,attr-defined,unused-ignore]
        except ImportError:
            raise UserError("lint: --invitation needs the invitation reader (sopan.read)") from None

        tz = profile.timezone if profile else "Asia/Jakarta"
        invitation = read_file(invitation_path, now=parse_now(now_text, tz), user_tz=tz)
    report = lint_text(
        text,
        language=language,
        action=action,
        channel=channel,
        invitation=invitation,
        profile=profile,
        detail=detail,
        new_employer=new_employer,
        rules=rules,
    )
    if as_json:
        echo_json(report.to_json())
    else:
        click.echo(format_report(report, file))
    if report.has_errors:
        sys.exit(1)


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
