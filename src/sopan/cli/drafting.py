"""`sopan draft`: write every message the plan needs, for review."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace

from sopan.cli.base import (
    Commands,
    Languages,
    add_calendars,
    add_many,
    add_now,
    add_sets,
    corrections_of,
    echo,
    note,
    parse_now,
)
from sopan.cli.situation import add_situation


def register(commands: Commands) -> None:
    """Add `sopan draft`."""
    commands.add("draft", draft, _draft_arguments)


def _draft_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    add_situation(parser)
    parser.add_argument(
        "--lang",
        dest="language",
        choices=Languages(),
        help="Language of the drafts (default: the invitation's).",
    )
    add_many(parser, "--channel", "channels", "CHANNEL", "A channel to write, or 'all'.")
    parser.add_argument(
        "--variant", type=int, default=0, metavar="N", help="Another wording (default: 0)."
    )
    add_many(parser, "--strength", "strengths", "TEXT", "What you value about them.")
    parser.add_argument(
        "--new-employer", metavar="NAME", help="Name your new employer (left out unless given)."
    )
    add_many(parser, "--attach", "attach", "FILE", "A file to attach.")
    parser.add_argument(
        "--linkedin-premium", action="store_true", help="Allow a 300-character LinkedIn note."
    )
    add_calendars(parser)
    add_sets(parser)
    parser.add_argument("--out", dest="out_dir", metavar="DIR", help="Folder for all files.")
    parser.add_argument(
        "--no-store", action="store_true", help="Do not keep the drafts in sopan's history."
    )
    add_now(parser)


def draft(args: Namespace) -> None:
    """Write the drafts the plan needs for FILE and show them for review; never sends.

    Without --channel the plan's channels are written; `--channel all` writes every one that
    can reach them and says why any other is not written.
    A reschedule without --alternative proposes free slots from your calendars (R5).
    """
    from pathlib import Path

    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.cli.plan_view import render_plan
    from sopan.cli.situation import choices_from_args, say_no_profile
    from sopan.compose.review import review_text
    from sopan.config import load_config
    from sopan.language.words import load_words

    config = load_config()
    profile = config.profile
    now = parse_now(args.now_text, profile.timezone)
    interactive = sys.stdin.isatty()
    if interactive:
        say_no_profile(args, config)
    sets = corrections_of(args.sets, now=now, language=profile.language)
    choices = choices_from_args(
        args,
        strengths=tuple(s.strip() for s in args.strengths if s.strip()),
        new_employer=args.new_employer,
        attachments=tuple(args.attach),
    )
    request = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(
                args.file,
                now=now,
                corrections=sets,
                config=config,
            ),
            choices,
            calendars=tuple(args.calendars),
        ),
        channels=tuple(args.channels),
        language=args.language,
        variant=args.variant,
        linkedin_premium=args.linkedin_premium,
        out_dir=Path(args.out_dir) if args.out_dir else Path.cwd(),
        store=not args.no_store,
        before_writing=None if interactive else lambda: say_no_profile(args, config),
    )
    asker = asker_for(interactive, now=now, user_tz=profile.timezone, language=profile.language)
    done = app.draft_for(request, asker)
    planned = done.planned
    for remark in planned.notes:
        note(remark)
    echo(render_plan(planned.plan, planned.invitation))
    echo("")
    echo(review_text(done.drafts, planned.invitation, profile))
    words = load_words(planned.plan.language)
    view = load_words(planned.plan.language, "views")
    echo("")
    echo(words.text("view", "proofread"))
    for draft_, report in zip(done.drafts, done.reports, strict=True):
        errors = sum(f.level == "error" for f in report.findings)
        channel = words.name("channel", draft_.channel)
        echo(
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
            echo(f"    {level} [{f.rule} · {f.guideline}] {f.message}")
    for channel_name, why in done.skipped:
        # `--channel all` says which channels it did not write, and why
        reason = words.text("not_written", why, name=channel_name)
        label = words.name("channel", channel_name)
        echo(words.text("view", "not_written", channel=label, why=reason))
    echo("")
    for path in done.files:
        echo(words.text("view", "written", path=str(path)))
    if done.stored is not None:
        from sopan.model.channels import registry

        # `sopan send` sends an e-mail: said only when one was drafted
        mailed = any(registry().spec(d.channel).format == "eml" for d in done.drafts)
        echo(words.text("view", "stored" if mailed else "stored_no_email", id=done.stored))
    echo(words.text("view", "not_sent"))
