"""`sopan admin`: a career centre's accounts, from the server's own shell.

sopan admin user add NAME --role student|counsellor|admin|auditor --password-stdin
sopan admin user disable NAME
sopan admin user list [--json]
sopan admin migrate
sopan admin retention [--now ISO-8601]
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING

from sopan.cli.base import Commands, add_now, echo
from sopan.errors import UserError

if TYPE_CHECKING:
    from datetime import datetime

    from sopan.store.people import People


def register(commands: Commands) -> None:
    """Add `sopan admin`."""
    commands.add("admin", admin, _arguments)


def _arguments(parser: ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", metavar="user|migrate|retention", required=True)
    user = what.add_parser("user", help="The centre's accounts.")
    verb = user.add_subparsers(dest="verb", metavar="add|disable|list", required=True)
    add = verb.add_parser("add", help="A new local account; its password on standard input.")
    add.add_argument("name")
    add.add_argument("--role", required=True, help="student, counsellor, admin or auditor")
    add.add_argument(
        "--password-stdin", action="store_true", help="Read the password from standard input."
    )
    add.add_argument("--display-name", help="The name shown on pages and letters.")
    add.add_argument("--email", help="Where reminders go.")
    add.add_argument("--lang", help="The pages' language (a code: id, en, …; default: id).")
    disable = verb.add_parser("disable", help="Disable an account and end its sign-ins.")
    disable.add_argument("name")
    listing = verb.add_parser("list", help="Every account.")
    listing.add_argument("--json", action="store_true", help="Print JSON.")
    what.add_parser("migrate", help="Bring the centre's database to the newest schema.")
    retention = what.add_parser(
        "retention", help="Erase the cases past [serve] retention_days (run it daily)."
    )
    add_now(retention)


def admin(args: Namespace) -> None:
    """Manage a career centre's accounts (the hosted mode, `sopan serve`).

    The database is SOPAN_DATABASE_URL's (PostgreSQL). A password is read from standard
    input only (`--password-stdin`), never from a flag, and kept as an argon2 hash.
    """
    from datetime import UTC, datetime

    from sopan.hosted.database import centre_database
    from sopan.store.scope import SYSTEM

    hosted = centre_database(pool_size=1)
    if args.what == "migrate":
        echo("ok")
        return
    store = hosted.store(SYSTEM)
    now = datetime.now(UTC)
    if args.what == "retention":
        _retention(store, args, now)
        return
    if args.verb == "add":
        _add(store, args, now)
    elif args.verb == "disable":
        if store.disable_account(args.name, now=now) is None:
            raise UserError("hosted.no_account", field="name", value=args.name)
        echo(f"{args.name}: disabled")
    else:
        _list(store, args.json)


def _retention(store: People, args: Namespace, now: datetime) -> None:
    """Erase, as sopan itself, every case whose interview (or making, without a date) is
    older than the retention period; each student's count goes to the audit log."""
    from datetime import timedelta

    from sopan.cli.base import parse_now
    from sopan.config import load_config
    from sopan.config.hosted import serve_settings

    config = load_config()
    days = serve_settings(config.sections).retention_days
    if args.now_text:
        now = parse_now(args.now_text, config.profile.timezone)
    gone = store.erase_closed(before=now - timedelta(days=days), now=now)
    echo(f"{gone} cases older than {days} days erased")


def _add(store: People, args: Namespace, now: datetime) -> None:
    from sqlalchemy.exc import IntegrityError

    from sopan.hosted.passwords import hash_password
    from sopan.hosted.words import page_language, page_languages
    from sopan.store.scope import ROLES

    if args.lang is not None and page_language(args.lang) != args.lang:
        raise UserError("config.language", field="lang", value=args.lang,
                        choices=", ".join(page_languages()))  # fmt: skip
    if args.role not in ROLES:
        raise UserError("hosted.not_a_role", field="role", value=args.role, choices=ROLES)
    hashed = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("hosted.no_password", field="password")
        hashed = hash_password(password)
    try:
        account = store.add_account(
            args.name, args.role, now=now, password_hash=hashed,
            display_name=args.display_name, email=args.email,
            language=page_language(args.lang),
        )  # fmt: skip
    except IntegrityError:
        raise UserError("hosted.name_taken", field="name", value=args.name) from None
    echo(f"{account.name}: {account.role} (#{account.id})")


def _list(store: People, as_json: bool) -> None:
    import json

    found = store.accounts()
    if as_json:
        echo(json.dumps([a.as_json() for a in found], ensure_ascii=False, indent=2))
        return
    for a in found:
        state = "disabled" if a.disabled else "active"
        how = "oidc" if a.subject else "password"
        echo(f"{a.id:>5}  {a.name:<24} {a.role:<11} {how:<8} {state}")
