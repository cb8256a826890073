"""`sopan lint`: check a reply before it goes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sopan.cli.base import cli, echo_json, now_option, parse_now
from sopan.errors import UserError
from sopan.model import CHANNELS, INTENTS, LANGUAGES
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

    from sopan.config import load_config
    from sopan.lint import builtin_rules, lint_text, load_rules_from
    from sopan.lint.report import format_report, read_reply

    text = read_reply(file)
    rules = None
    if rule_dirs:
        missing = [d for d in rule_dirs if not Path(d).exists()]
        if missing:
            raise UserError(f"lint: --rules {missing[0]}: no such file or folder")
        rules = load_rules_from((Path(d) for d in rule_dirs), base=builtin_rules())
    try:
        profile = load_config(allow_example=False).profile
    except UserError:
        profile = None
    invitation = None
    if invitation_path is not None:
        from sopan.read import read_file

        tz = profile.timezone if profile else "Asia/Jakarta"
        invitation = read_file(Path(invitation_path), now=parse_now(now_text, tz), user_tz=tz)
    report = lint_text(
        text,
        language=language,
        action=action,
        channel=channel,
        invitation=invitation,
        profile=profile,
        detail=detail,
        new_employer=new_employer,
        rules=rules,
    )
    if as_json:
        echo_json(report.to_json())
    else:
        view_language = (profile or load_config().profile).language
        click.echo(format_report(report, file, view_language))
    if report.has_errors:
        sys.exit(1)


# --- calendar: busy times and free slots (issue 7) -------------------------------------
