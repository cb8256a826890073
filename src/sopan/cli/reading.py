"""`sopan read`: what an invitation says, each fact with where it came from."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace

from sopan.cli.base import (
    Commands,
    add_json,
    add_now,
    add_sets,
    corrections_of,
    echo,
    echo_json,
    parse_now,
)
from sopan.errors import UserError


def register(commands: Commands) -> None:
    """Add `sopan read`."""
    commands.add("read", read_command, _read_arguments)


def _read_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE")
    add_json(parser, "Print the JSON contract.")
    parser.add_argument(
        "--mailbox", metavar="PATH", help="List the invitations in an .mbox or Maildir."
    )
    add_sets(parser)
    add_now(parser)


def read_command(args: Namespace) -> None:
    """Show what an invitation says (.eml, .ics, .mbox, pasted text, a PDF or a photo; '-'
    reads stdin)."""
    from sopan import app
    from sopan.config import load_config
    from sopan.model.contracts import invitation_json

    config = load_config()
    profile = config.profile
    now = parse_now(args.now_text, profile.timezone)
    sets = corrections_of(args.sets, now=now, language=profile.language)
    if args.mailbox:
        from pathlib import Path

        found = app.mailbox_for(app.MailboxRequest(Path(args.mailbox), now=now, config=config))
        if args.as_json:
            echo_json([invitation_json(inv) for inv in found])
        else:
            from sopan.language.words import load_words
            from sopan.read.show import mailbox_line

            for inv in found:
                echo(mailbox_line(inv, profile.language))
            words = load_words(profile.language, "views")
            echo(words.text("read", "count", count=len(found)))
        return
    if not args.file:
        raise UserError("cli.read_needs_file", field="file")
    request = app.ReadRequest(
        args.file,
        now=now,
        corrections=sets,
        config=config,
    )
    inv = app.read_for(request).invitation
    if args.as_json:
        echo_json(invitation_json(inv))
    else:
        from sopan.read.show import describe  # the human view (Babel) only when it is shown

        lines = describe(inv, now=now, user_tz=profile.timezone, language=profile.language)
        if inv.source == "ocr":  # what OCR read, for the person to check each fact against
            from sopan.language.words import load_words

            words = load_words(profile.language, "views")
            shown = [f"  {line}".rstrip() for line in inv.text.split("\n")]
            lines += ["", words.text("read", "ocr_text"), *shown]
        echo("\n".join(lines))
