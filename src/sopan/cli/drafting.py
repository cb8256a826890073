"""`sopan draft`: write every message the plan needs, for review."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import click

from sopan.cli.base import calendar_option, cli, note, now_option, parse_now
from sopan.errors import UserError
from sopan.model import LANGUAGES
from sopan.situation_cli import situation_options


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@situation_options
@click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    help="Language of the drafts (default: the invitation's).",
)
@click.option("--channel", "channels", multiple=True, help="A channel to write, or 'all'.")
@click.option("--variant", type=int, default=0, show_default=True, help="Another wording.")
@click.option("--alternative", "alternatives", multiple=True, help="A time you can offer.")
@click.option("--strength", "strengths", multiple=True, help="What you value about them.")
@click.option("--new-employer", help="Name your new employer (left out unless given).")
@click.option("--attach", "attach", multiple=True, type=click.Path(path_type=str))
@click.option("--linkedin-premium", is_flag=True, help="Allow a 300-character LinkedIn note.")
@calendar_option
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
    calendars: tuple[str, ...],
    **flags: Any,
) -> None:
    """Write the drafts the plan needs for FILE and show them for review; never sends.

    Without --channel the plan's channels are written; `--channel all` writes every one.
    A reschedule without --alternative proposes free slots from your calendars (R5).
    """
    from dataclasses import replace

    from sopan.calendar import busy_around, propose
    from sopan.compose import compose, write_drafts
    from sopan.compose.review import parse_alternatives, review_text
    from sopan.config import load_config
    from sopan.lint import lint_draft
    from sopan.model import CHANNELS
    from sopan.plan import make_plan
    from sopan.plan_view import render_plan
    from sopan.plan_words import load_words
    from sopan.read import read_file
    from sopan.situation_cli import situation_from_click

    config = load_config()
    profile = config.profile
    now = parse_now(now_text, profile.timezone)
    questions = dict(load_words(profile.language).data["questions"])
    sit = situation_from_click(flags, questions=questions, interactive=sys.stdin.isatty())
    unknown = [c for c in channels if c != "all" and c not in CHANNELS]
    if unknown:
        raise UserError(f"--channel: '{unknown[0]}' is not one of all, {', '.join(CHANNELS)}")
    for given in attach:
        if not Path(given).is_file():
            raise UserError(f"--attach: {given} is not a file")
    inv = read_file(Path(file), now=now, user_tz=profile.timezone)
    within = timedelta(days=10)
    busy = busy_around(inv, calendars, now=now, config=config, within=within, warn=note)
    slots, free = parse_alternatives(alternatives, inv, profile.timezone)
    sit = replace(
        sit,
        strengths=tuple(s.strip() for s in strengths if s.strip()),
        new_employer=new_employer,
        alternatives=slots,
        alternatives_text=free,
        attachments=tuple(Path(a).name for a in attach),
    )
    plan = make_plan(inv, sit, profile, now=now, busy=busy)
    if plan.action == "reschedule" and not (slots or free):
        travel = (
            timedelta(minutes=plan.travel_minutes or 0) if inv.mode == "onsite" else timedelta(0)
        )
        found = propose(inv, busy, now=now, config=config, within=within, travel=travel)
        sit = replace(sit, alternatives=found)
    if "all" in channels:
        wanted = [c for c in CHANNELS if c != "calendar" or inv.uid]
    elif channels:
        wanted = list(dict.fromkeys(channels))
    else:
        wanted = list(dict.fromkeys(step.channel for step in plan.steps))
    if "call" in wanted and "voicemail" not in wanted:
        # The call script sends an unanswered call to the voicemail script (C2.1).
        wanted.insert(wanted.index("call") + 1, "voicemail")
    # The plan speaks the user's language; the drafts answer in the invitation's (R2.1).
    drafts = compose(
        replace(plan, language="en" if (language or inv.language) == "en" else "id"),
        inv,
        sit,
        profile,
        now=now,
        channels=wanted,
        variant=variant,
        linkedin_limit=300 if linkedin_premium else 200,
    )
    # Saved first, shown second: nothing is lost if the terminal closes mid-review.
    paths = write_drafts(
        drafts,
        inv,
        profile,
        Path(out_dir) if out_dir else Path.cwd(),
        attachments=[Path(a) for a in attach],
        now=now,
    )
    click.echo(render_plan(plan, inv))
    click.echo("")
    click.echo(review_text(drafts, inv, profile))
    words = load_words(plan.language)
    view = load_words(plan.language, "views")
    click.echo("")
    click.echo(words.text("view", "proofread"))
    for draft_ in drafts:
        report = lint_draft(
            draft_,
            action=plan.action,
            invitation=inv,
            profile=profile,
            detail=sit.detail,
            new_employer=sit.new_employer,
        )
        errors = sum(f.level == "error" for f in report.findings)
        channel = words.name("channel", draft_.channel)
        click.echo(
            words.text(
                "view",
                "checked",
                channel=channel,
                errors=errors,
                others=len(report.findings) - errors,
            )
        )
        for f in report.findings:
            level = view.name("level", f.level)
            click.echo(f"    {level} [{f.rule} · {f.guideline}] {f.message}")
    click.echo("")
    for path in paths:
        click.echo(words.text("view", "written", path=str(path)))
    click.echo(words.text("view", "not_sent"))
