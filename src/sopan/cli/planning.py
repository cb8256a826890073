"""`sopan guide` and `sopan plan`: the guideline book and the decision."""

from __future__ import annotations

import sys
from typing import Any

import click

from sopan.cli.base import calendar_option, cli, echo_json, note, now_option, parse_now, set_option
from sopan.names import LANGUAGES
from sopan.situation_cli import situation_options


@cli.command()
@click.argument("gid", metavar="[ID]", required=False)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), help="Language to show.")
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
# The reader names a missing file or a folder in one line; click's own check would
# print its usage text as well.
@click.argument("file")
@situation_options
@calendar_option
@set_option
@now_option
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), help="Language of the plan.")
def plan_command(
    file: str,
    calendars: tuple[str, ...],
    sets: tuple[str, ...],
    now_text: str | None,
    as_json: bool,
    language: str | None,
    **flags: Any,
) -> None:
    """Decide what to do about FILE (an invitation), how, and by when."""
    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.config import load_config
    from sopan.plan_view import render_plan
    from sopan.situation_cli import choices_from_click
    from sopan.views import plan_json

    config = load_config()
    profile = config.profile
    now = parse_now(now_text, profile.timezone)
    asker = asker_for(
        sys.stdin.isatty() and not as_json,
        now=now,
        user_tz=profile.timezone,
        language=profile.language,
    )
    request = app.PlanRequest(
        app.ReadRequest(file, now=now, corrections=sets, config=config),
        choices_from_click(flags),
        calendars=calendars,
        language=language,
    )
    planned = app.plan_for(request, asker)
    for remark in planned.notes:
        note(remark)
    if as_json:
        echo_json(plan_json(planned.plan))
    else:
        click.echo(render_plan(planned.plan, planned.invitation))
