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


def _situation_options(func: Any) -> Any:
    from sopan.situation_cli import situation_options

    return situation_options(func)


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@_situation_options
@click.option("--lang", "language", type=click.Choice(["id", "en"]), help="Language of drafts.")
@click.option("--channel", "channels", multiple=True, help="A channel to write, or 'all'.")
@click.option("--variant", type=int, default=0, show_default=True, help="Another wording.")
@click.option("--alternative", "alternatives", multiple=True, help="A time you can offer.")
@click.option("--strength", "strengths", multiple=True, help="What you value about them.")
@click.option("--new-employer", help="Name your new employer (left out unless given).")
@click.option("--attach", "attach", multiple=True, type=click.Path(path_type=str))
@click.option("--linkedin-premium", is_flag=True, help="Allow a 300-character LinkedIn note.")
@click.option("--out", "out_dir", type=click.Path(path_type=str), help="Folder for all files.")
@now_option
def draft(
    file: str,
    language: str | None,
    channels: tuple[str, ...],
    variant: int,
    alternatives: tuple[str, ...],
    strengths: tuple[str, ...],
    new_employer: str | None,
    attach: tuple[str, ...],
    linkedin_premium: bool,
    out_dir: str | None,
    now_text: str | None,
    **flags: Any,
) -> None:
    """Write the reply drafts for an invitation and show them for review (never sends)."""
    from dataclasses import replace
    from pathlib import Path

    from sopan.compose import compose, write_drafts
    from sopan.compose.review import parse_alternatives, review_text
    from sopan.config import load_config
    from sopan.model import CHANNELS
    from sopan.plan import make_plan
    from sopan.plan_words import load_words
    from sopan.read import read_file
    from sopan.situation_cli import situation_from_click

    profile = load_config().profile
    now = parse_now(now_text, profile.timezone)
    questions = dict(load_words(language or profile.language).data["questions"])
    sit = situation_from_click(flags, questions=questions, interactive=sys.stdin.isatty())
    for given in attach:
        if not Path(given).is_file():
            raise UserError(f"--attach: {given} is not a file")
    inv = read_file(Path(file), now=now, user_tz=profile.timezone)
    slots, free = parse_alternatives(alternatives, inv, profile.timezone)
    sit = replace(
        sit,
        strengths=tuple(s.strip() for s in strengths if s.strip()),
        new_employer=new_employer,
        alternatives=slots,
        alternatives_text=free,
        attachments=tuple(Path(a).name for a in attach),
    )
    plan = make_plan(inv, sit, profile, now=now, lang=language)
    if "all" in channels:
        wanted = [c for c in CHANNELS if c != "calendar" or inv.uid]
    elif channels:
        wanted = list(channels)
    elif out_dir:
        wanted = [c for c in CHANNELS if c != "calendar" or inv.uid]
    else:
        wanted = ["email"]
    drafts = compose(
        plan,
        inv,
        sit,
        profile,
        now=now,
        channels=wanted,
        variant=variant,
        linkedin_limit=300 if linkedin_premium else 200,
    )
    paths = write_drafts(
        drafts,
        inv,
        profile,
        Path(out_dir) if out_dir else Path.cwd(),
        attachments=[Path(a) for a in attach],
        now=now,
    )
    click.echo(review_text(drafts, inv, profile))
    click.echo("")
    for path in paths:
        click.echo(f"Written: {path}")
    click.echo("Nothing was sent: review the drafts, then send them yourself.")


@cli.command()
@click.argument("gid", metavar="[ID]", required=False)
@click.option("--lang", "language", type=click.Choice(["id", "en"]), help="Language to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def guide(gid: str | None, language: str | None, as_json: bool) -> None:
    """Show the guideline book, or one guideline by its id (e.g. C0, R2.1)."""
    import textwrap

    from sopan.config import load_config
    from sopan.guidelines import guideline, load_guidelines
    from sopan.plan_words import load_words

    language = language or load_config().profile.language
    items = [guideline(gid, language)] if gid else list(load_guidelines(language).values())
    if as_json:
        rows = [{"id": g.id, "title": g.title, "text": g.text, "why": g.why} for g in items]
        echo_json(rows[0] if gid else rows)
        return
    why = load_words(language).text("view", "why")
    pad = " " * 4
    for g in items:
        click.echo(f"{g.id}  {g.title}")
        for paragraph in (g.text, f"{why}: {g.why}"):
            click.echo(textwrap.fill(paragraph, 88, initial_indent=pad, subsequent_indent=pad))
        click.echo()


@cli.command("plan")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_situation_options
@click.option(
    "--calendar",
    "calendars",
    multiple=True,
    metavar="ICS",
    help="A calendar to check for clashes (repeatable).",
)
@now_option
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option("--lang", "language", type=click.Choice(["id", "en"]), help="Language of the plan.")
def plan_command(
    file: str,
    calendars: tuple[str, ...],
    now_text: str | None,
    as_json: bool,
    language: str | None,
    **flags: Any,
) -> None:
    """Decide what to do about FILE (an invitation), how, and by when."""
    from datetime import timedelta
    from pathlib import Path

    from sopan.config import load_config
    from sopan.plan import make_plan, plan_to_json
    from sopan.plan_view import render_plan
    from sopan.plan_words import load_words
    from sopan.read import read_file
    from sopan.situation_cli import situation_from_click

    config = load_config()
    profile = config.profile
    language = language or profile.language
    now = parse_now(now_text, profile.timezone)
    questions = dict(load_words(language).data["questions"])
    situation = situation_from_click(flags, questions=questions, interactive=sys.stdin.isatty())
    invitation = read_file(Path(file), now=now, user_tz=profile.timezone)
    busy: list[Any] = []
    if calendars and invitation.start is not None:
        from sopan.calendar import load_busy

        end = invitation.end or invitation.start + timedelta(hours=1)
        # A day either side leaves room for the longest travel time the plan can estimate.
        window = timedelta(days=1)
        busy = load_busy(
            list(calendars), start=invitation.start - window, end=end + window, config=config
        )
    plan = make_plan(invitation, situation, profile, now=now, busy=busy, lang=language)
    if as_json:
        echo_json(plan_to_json(plan))
    else:
        click.echo(render_plan(plan, invitation))


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


# --- calendar: busy times and free slots (issue 7) -------------------------------------

calendar_option = click.option(
    "--calendar",
    "calendars",
    multiple=True,
    metavar="SRC",
    help="An .ics file, an https:// ICS address or caldav+https://USER@HOST/PATH "
    "(repeatable; added to [calendar] sources in the config).",
)


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

    config = load_config()
    tz = config.profile.timezone
    start = parse_now(from_text or now_text, tz)
    end = parse_now(to_text, tz) if to_text else start + timedelta(days=10)
    if end <= start:
        raise UserError("--to: the window ends before it starts")
    sources = [*calendar_settings(config).sources, *calendars]
    if not sources:
        raise UserError("busy: no calendar given (--calendar SRC or [calendar] sources)")
    found = load_busy(sources, start=start, end=end, config=config, timeout=timeout, warn=_note)
    if as_json:
        echo_json([busy_json(b, tz) for b in found])
        return
    for entry in found:
        click.echo(busy_line(entry, tz, None, config.profile.language))
    if not found:
        click.echo("Tidak ada jadwal." if config.profile.language == "id" else "Nothing booked.")


def _note(message: str) -> None:
    click.echo(f"sopan: note: {message}", err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
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

    from sopan.calendar import calendar_settings, conflicts, free_slots, load_busy
    from sopan.calendar.views import busy_line, recruiter_zone, slot_json, slot_line
    from sopan.config import load_config
    from sopan.model import Slot

    config = load_config()
    tz, language = config.profile.timezone, config.profile.language
    now = parse_now(now_text, tz)
    invitation = None
    if file is not None:
        import importlib

        try:  # the reader is its own stage; imported by name so this command stands alone
            read_file = importlib.import_module("sopan.read").read_file
        except (ImportError, AttributeError):
            raise UserError("slots: reading invitations is not available; use --at") from None
        from pathlib import Path

        invitation = read_file(Path(file), now=now, user_tz=tz)
    start = parse_now(at_text, tz) if at_text else invitation.start if invitation else None
    end = invitation.end if invitation and not at_text else None
    length = _duration(duration, "--duration") if duration else None
    if length is None:
        length = end - start if start and end and end > start else timedelta(minutes=60)
    span = _duration(within, "--within")
    settings = calendar_settings(config)
    sources = [*settings.sources, *calendars]
    window_end = now + span + timedelta(days=1)
    lo = min(now, start) if start else now
    hi = max(window_end, start + length) if start else window_end
    found = (
        load_busy(sources, start=lo, end=hi, config=config, timeout=timeout, warn=_note)
        if sources
        else []
    )
    preferred = start.astimezone(parse_now(None, tz).tzinfo).time() if start else None
    proposed = free_slots(
        found,
        now=now,
        duration=length,
        count=count,
        within=span,
        prefs=settings.prefs,
        preferred_time=preferred,
        tz=tz,
    )
    if as_json:
        echo_json([slot_json(s, tz) for s in proposed])
        return
    other = recruiter_zone(invitation, tz)
    if start is not None and sources:
        travel = timedelta(minutes=settings.travel_minutes or 0)
        interview = Slot(start, end if end and end > start else start + length)
        clash = conflicts(interview, found, travel=travel)
        if clash:
            click.echo("Bentrok pada jam wawancara:" if language == "id" else "Conflicts:")
        else:
            click.echo("Tidak ada bentrok." if language == "id" else "No conflict.")
        for entry in clash:
            click.echo("  " + busy_line(entry, tz, other, language))
    if not sources:
        _note("no calendar given: slots avoid only working hours, blocked times and holidays")
    for number, slot in enumerate(proposed, 1):
        click.echo(f"{number}. {slot_line(slot, tz, other, language)}")
    if not proposed:
        click.echo("Tidak ada slot kosong." if language == "id" else "No free slot found.")


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
