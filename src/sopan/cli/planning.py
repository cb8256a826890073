"""`sopan guide` and `sopan plan`: the guideline book and the decision."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace

from sopan.cli.base import (
    Commands,
    Languages,
    add_calendars,
    add_json,
    add_now,
    add_sets,
    corrections_of,
    echo,
    echo_json,
    note,
    parse_now,
)
from sopan.cli.situation import add_situation


def register(commands: Commands) -> None:
    """Add `sopan guide` and `sopan plan`."""
    commands.add("guide", guide, _guide_arguments)
    commands.add("plan", plan_command, _plan_arguments)


def _guide_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("gid", metavar="ID", nargs="?")
    parser.add_argument("--lang", dest="language", choices=Languages(), help="Language to show.")
    add_json(parser, "Print JSON instead of text.")


def _plan_arguments(parser: ArgumentParser) -> None:
    # The reader names a missing file or a folder in one line.
    parser.add_argument("file", metavar="FILE")
    add_situation(parser)
    add_calendars(parser)
    add_sets(parser)
    add_now(parser)
    add_json(parser, "Print the plan as JSON.")
    parser.add_argument(
        "--lang", dest="language", choices=Languages(), help="Language of the plan."
    )


def guide(args: Namespace) -> None:
    """Show the guideline book, or one guideline by its id (e.g. C0, R2.1)."""
    import textwrap

    from sopan.config import load_config
    from sopan.language.guidelines import guideline, load_guidelines
    from sopan.language.words import load_words

    gid = args.gid
    language = args.language or load_config().profile.language
    items = [guideline(gid, language)] if gid else list(load_guidelines(language).values())
    if args.as_json:
        rows = [{"id": g.id, "title": g.title, "text": g.text, "why": g.why} for g in items]
        echo_json(rows[0] if gid else rows)
        return
    why = load_words(language).text("view", "why")
    pad = " " * 4
    for g in items:
        echo(f"{g.id}  {g.title}")
        for paragraph in (g.text, f"{why}: {g.why}"):
            echo(textwrap.fill(paragraph, 88, initial_indent=pad, subsequent_indent=pad))
        echo()


def plan_command(args: Namespace) -> None:
    """Decide what to do about FILE (an invitation), how, and by when."""
    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.cli.plan_view import render_plan
    from sopan.cli.situation import choices_from_args, say_no_profile
    from sopan.config import load_config
    from sopan.model.contracts import plan_json

    config = load_config()
    profile = config.profile
    now = parse_now(args.now_text, profile.timezone)
    sets = corrections_of(args.sets, now=now, language=profile.language)
    interactive = sys.stdin.isatty() and not args.as_json
    if interactive:
        say_no_profile(args, config)
    asker = asker_for(
        interactive,
        now=now,
        user_tz=profile.timezone,
        language=profile.language,
    )
    request = app.PlanRequest(
        app.ReadRequest(
            args.file,
            now=now,
            corrections=sets,
            config=config,
        ),
        choices_from_args(args),
        calendars=tuple(args.calendars),
        language=args.language,
    )
    planned = app.plan_for(request, asker)
    if not interactive:
        say_no_profile(args, config)
    for remark in planned.notes:
        note(remark)
    if args.as_json:
        echo_json(plan_json(planned.plan))
    else:
        echo(render_plan(planned.plan, planned.invitation))
