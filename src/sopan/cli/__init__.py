"""The command layer: parse flags, call the stages, print. Nothing here decides anything."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

# Importing the command modules registers their commands on the group.
from sopan.cli import (  # noqa: F401
    calendars,
    drafting,
    linting,
    outbox,
    planning,
    profile,
    reading,
    web,
)
from sopan.cli.base import cli
from sopan.errors import SopanError

if TYPE_CHECKING:
    from sopan.plan_words import Words

__all__ = ["cli", "main"]


def _words() -> Words:
    """The view words in the profile's language; the example's when the config is unreadable."""
    from sopan.config import load_config
    from sopan.plan_words import load_words

    try:
        return load_words(load_config().profile.language, "views")
    except SopanError:
        return load_words("id", "views")


def main() -> None:
    """Entry point: run the CLI and turn every error into one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_words().text("cli", "aborted"), err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except SopanError as exc:
        click.echo(f"sopan: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a person never sees a traceback
        if os.environ.get("SOPAN_DEBUG"):
            raise
        click.echo(f"sopan: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(70)
