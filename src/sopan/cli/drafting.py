"""`sopan draft`: write every message the plan needs, for review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from sopan.cli.base import calendar_option, cli, note, now_option, parse_now, set_option
from sopan.names import LANGUAGES
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
@set_option
@click.option("--out", "out_dir", type=click.Path(path_type=str), help="Folder for all files.")
@click.option("--no-store", is_flag=True, help="Do not keep the drafts in sopan's history.")
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
    no_store: bool,
    now_text: str | None,
    calendars: tuple[str, ...],
    sets: tuple[str, ...],
    **flags: Any,
) -> None:
    """Write the drafts the plan needs for FILE and show them for review; never sends.

    Without --channel the plan's channels are written; `--channel all` writes every one.
    A reschedule without --alternative proposes free slots from your calendars (R5).
    """
    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.compose.review import review_text
    from sopan.config import load_config
    from sopan.plan_view import render_plan
    from sopan.plan_words import load_words
    from sopan.situation_cli import choices_from_click

    config = load_config()
    profile = config.profile
    now = parse_now(now_text, profile.timezone)
    choices = choices_from_click(
        flags,
        strengths=tuple(s.strip() for s in strengths if s.strip()),
        new_employer=new_employer,
        alternatives=alternatives,
        attachments=attach,
    )
    request = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(file, now=now, corrections=sets, config=config),
            choices,
            calendars=calendars,
        ),
        channels=channels,
        language=language,
        variant=variant,
        linkedin_premium=linkedin_premium,
        out_dir=Path(out_dir) if out_dir else Path.cwd(),
        store=not no_store,
    )
    asker = asker_for(
        sys.stdin.isatty(), now=now, user_tz=profile.timezone, language=profile.language
    )
    done = app.draft_for(request, asker)
    planned = done.planned
    for remark in planned.notes:
        note(remark)
    click.echo(render_plan(planned.plan, planned.invitation))
    click.echo("")
    click.echo(review_text(done.drafts, planned.invitation, profile))
    words = load_words(planned.plan.language)
    view = load_words(planned.plan.language, "views")
    click.echo("")
    click.echo(words.text("view", "proofread"))
    for draft_, report in zip(done.drafts, done.reports, strict=True):
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
    for path in done.files:
        click.echo(words.text("view", "written", path=str(path)))
    if done.stored is not None:
        click.echo(words.text("view", "stored", id=done.stored))
    click.echo(words.text("view", "not_sent"))
