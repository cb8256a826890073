"""`sopan lint`: check a reply before it goes."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace

from sopan.cli.base import (
    Commands,
    Languages,
    add_json,
    add_many,
    add_now,
    echo,
    echo_json,
    parse_now,
)
from sopan.errors import UserError
from sopan.model.names import DETAILS, INTENTS


def register(commands: Commands) -> None:
    """Add `sopan lint`."""
    commands.add("lint", lint_command, _lint_arguments)


def _channel(value: str) -> str:
    """A channel the registry knows (data/channels/), named as given."""
    from sopan.model.channels import channel_names

    names = channel_names()
    if value not in names:  # not ArgumentTypeError: sopan's own error, in the person's words
        raise UserError("choice.not_one_of", field="channel", value=value, choices=names)
    return value


def _lint_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--invitation",
        dest="invitation_path",
        metavar="INV",
        help="Invitation file to check against.",
    )
    parser.add_argument("--action", choices=INTENTS, help="What the reply does.")
    parser.add_argument(
        "--channel", type=_channel, help="Where the reply goes (default: read as an email)."
    )
    parser.add_argument(
        "--lang", dest="language", choices=Languages(), help="Language (default: detected)."
    )
    parser.add_argument("--detail", choices=DETAILS, help="How much of the reason to share.")
    parser.add_argument(
        "--new-employer", metavar="NAME", help="The employer whose offer you accepted."
    )
    add_many(parser, "--rules", "rule_dirs", "DIR", "Also use the rule files in DIR.")
    add_json(parser, "Print the JSON report.")
    add_now(parser)


def lint_command(args: Namespace) -> None:
    """Check a reply before it goes: moves, tone, letter conventions, spelling."""
    from sopan import app
    from sopan.config import load_config
    from sopan.lint.report import format_report
    from sopan.model import LintOptions

    try:
        config = load_config(allow_example=False)
        profile = config.profile
    except UserError:
        config, profile = load_config(), None
    invitation = None
    if args.invitation_path is not None:
        now = parse_now(args.now_text, config.profile.timezone)
        invitation = app.ReadRequest(args.invitation_path, now=now, config=config)
    options = LintOptions(
        language=args.language,
        action=args.action,
        channel=args.channel,
        detail=args.detail,
        new_employer=args.new_employer,
        profile=profile,
    )
    report = app.lint_for(
        app.LintRequest(
            source=args.file,
            options=options,
            invitation=invitation,
            rule_dirs=tuple(args.rule_dirs),
        )
    )
    if args.as_json:
        echo_json(report.to_json())
    else:
        echo(format_report(report, args.file, config.profile.language))
    if report.has_errors:
        sys.exit(1)
