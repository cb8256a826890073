"""`sopan read`: what an invitation says, each fact with where it came from."""

from __future__ import annotations

from pathlib import Path

import click

from sopan.cli.base import cli, echo_json, now_option, parse_now, set_option
from sopan.errors import UserError


@cli.command("read")
@click.argument("file", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract.")
@click.option(
    "--mailbox", "mailbox", metavar="PATH", help="List the invitations in an .mbox or Maildir."
)
@set_option
@now_option
def read_command(
    file: str | None,
    as_json: bool,
    mailbox: str | None,
    sets: tuple[str, ...],
    now_text: str | None,
) -> None:
    """Show what an invitation says (.eml, .ics, .mbox, pasted text; '-' reads stdin)."""
    from sopan import app
    from sopan.config import load_config
    from sopan.views import invitation_json

    config = load_config()
    profile = config.profile
    now = parse_now(now_text, profile.timezone)
    if mailbox:
        found = app.mailbox_for(app.MailboxRequest(Path(mailbox), now=now, config=config))
        if as_json:
            echo_json([invitation_json(inv) for inv in found])
        else:
            from sopan.plan_words import load_words
            from sopan.read.show import mailbox_line

            for inv in found:
                click.echo(mailbox_line(inv, profile.language))
            words = load_words(profile.language, "views")
            click.echo(words.text("read", "count", count=len(found)))
        return
    if not file:
        raise UserError("read: give a FILE (or --mailbox PATH)")
    inv = app.read_for(app.ReadRequest(file, now=now, corrections=sets, config=config)).invitation
    if as_json:
        echo_json(invitation_json(inv))
    else:
        from sopan.read.show import describe  # the human view (Babel) only when it is shown

        lines = describe(inv, now=now, user_tz=profile.timezone, language=profile.language)
        click.echo("\n".join(lines))
