"""The command layer: parse flags, call the stages, print. Nothing here decides anything."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from sopan import __version__
from sopan.cli import (
    admin,
    calendars,
    career,
    drafting,
    linting,
    outbox,
    planning,
    profile,
    reading,
    serve,
    web,
    worker,
)
from sopan.cli.base import Aborted, Commands, echo, error_line, tolerant_output
from sopan.errors import SopanError

if TYPE_CHECKING:
    from sopan.language.words import Words

__all__ = ["commands", "main"]


def commands() -> Commands:
    """The `sopan` command line, every command registered."""
    found = Commands(
        "sopan: decline, cancel or reschedule a job interview courteously.", __version__
    )
    # in the order a person meets them: read, plan, draft, check, then the rest
    for module in (
        reading, planning, drafting, linting, calendars, outbox, profile, career, web, serve,
        worker, admin,
    ):  # fmt: skip
        module.register(found)
    return found


def _words() -> Words:
    """The view words in the profile's language; the example's when the config is unreadable."""
    from sopan.config import load_config
    from sopan.language.words import load_words

    try:
        return load_words(load_config().profile.language, "views")
    except SopanError:
        return load_words("id", "views")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every error into one line and an exit code."""
    tolerant_output()
    try:
        commands().run(argv)
    except Aborted:
        echo(_words().text("cli", "aborted"), err=True)
        sys.exit(1)
    except SopanError as exc:
        echo(error_line(exc, _words().language), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a person never sees a traceback
        if os.environ.get("SOPAN_DEBUG"):
            raise
        echo(_internal_line(exc), err=True)
        sys.exit(70)


def _internal_line(exc: Exception) -> str:
    """A fault in sopan as one line in the profile's language; in English when even the words
    cannot be loaded (the fault may be in them)."""
    from sopan.errors import InternalError

    report = InternalError("cli.internal", kind=type(exc).__name__, detail=str(exc))
    try:
        return error_line(report, _words().language)
    except Exception:  # the last line of defence has nothing behind it
        return f"sopan: internal error: {type(exc).__name__}: {exc}"
