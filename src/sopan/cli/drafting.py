"""`sopan draft`: write every message the plan needs, for review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from sopan.cli.base import cli, now_option, parse_now
from sopan.errors import UserError
from sopan.situation_cli import situation_options


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@situation_options
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
