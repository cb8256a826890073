"""`sopan read`: what an invitation says, and what it leaves unknown."""

from __future__ import annotations

from pathlib import Path

import click

from sopan.cli.base import cli, echo_json, now_option, parse_now
from sopan.errors import UserError


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

    from sopan.config import load_config
    from sopan.plan_words import load_words
    from sopan.read import read_file, read_mailbox, to_json
    from sopan.read.show import describe, mailbox_line

    profile = load_config().profile
    user_tz, language = profile.timezone, profile.language
    now = parse_now(now_text, user_tz)
    if mailbox:
        found = read_mailbox(Path(mailbox), now=now, user_tz=user_tz)
        if as_json:
            echo_json([to_json(inv) for inv in found])
        else:
            for inv in found:
                click.echo(mailbox_line(inv, language))
            words = load_words(language, "views")
            click.echo(words.text("read", "count", count=len(found)))
        return
    if not file:
        raise UserError("read: give a FILE (or --mailbox PATH)")
    inv = read_file(Path(file), now=now, user_tz=user_tz)
    if as_json:
        echo_json(to_json(inv))
    else:
        click.echo("\n".join(describe(inv, now=now, user_tz=user_tz, language=language)))
