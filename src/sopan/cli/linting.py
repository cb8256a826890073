"""`sopan lint`: check a reply before it goes."""

from __future__ import annotations

import sys

import click

from sopan.cli.base import cli, echo_json, now_option, parse_now
from sopan.names import CHANNELS, INTENTS, LANGUAGES
from sopan.situation import DETAILS


@cli.command("lint")
@click.argument("file", metavar="FILE")
@click.option(
    "--invitation", "invitation_path", metavar="INV", help="Invitation file to check against."
)
@click.option(
    "--action",
    type=click.Choice(INTENTS),
    help="What the reply does.",
)
@click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    help="Where the reply goes (default: read as an email).",
)
@click.option(
    "--lang", "language", type=click.Choice(LANGUAGES), help="Language (default: detected)."
)
@click.option("--detail", type=click.Choice(DETAILS), help="How much of the reason to share.")
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
    from sopan import app
    from sopan.config import load_config
    from sopan.errors import UserError
    from sopan.lint.report import format_report
    from sopan.model import LintOptions

    try:
        config = load_config(allow_example=False)
        profile = config.profile
    except UserError:
        config, profile = load_config(), None
    invitation = None
    if invitation_path is not None:
        now = parse_now(now_text, config.profile.timezone)
        invitation = app.ReadRequest(invitation_path, now=now, config=config)
    report = app.lint_for(
        app.LintRequest(
            source=file,
            options=LintOptions(
                language=language,
                action=action,
                channel=channel,
                detail=detail,
                new_employer=new_employer,
                profile=profile,
            ),
            invitation=invitation,
            rule_dirs=rule_dirs,
        )
    )
    if as_json:
        echo_json(report.to_json())
    else:
        click.echo(format_report(report, file, config.profile.language))
    if report.has_errors:
        sys.exit(1)
