"""The command layer: parse flags, call the stages, print. Nothing here decides anything."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

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
from sopan.cli.base import (
    Aborted,
    Commands,
    OutputClosed,
    echo,
    error_line,
    flush_output,
    note,
    tolerant_output,
)
from sopan.errors import SopanError

if TYPE_CHECKING:
    from sopan.language.words import Words

__all__ = ["commands", "main", "outcome"]


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
    args = sys.argv[1:] if argv is None else argv
    try:
        if "-h" in args or "--help" in args:  # help loads no library: nothing to say for one
            commands().run(argv)
        else:
            from sopan._infra.notes import library_notes

            with library_notes(note):  # the libraries' warnings as sopan's notes
                commands().run(argv)
        flush_output()
    except Aborted:
        echo(_words().text("cli", "aborted"), err=True)
        sys.exit(1)
    except OutputClosed:
        _quiet_exit(CLOSED_OUTPUT)
    except SopanError as exc:
        _fail(error_line(exc, _words().language), exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # printed by a library (argparse's help): the reader went away
        _quiet_exit(CLOSED_OUTPUT)
    except Exception as exc:  # the last line of defence: a person never sees a traceback
        if os.environ.get("SOPAN_DEBUG"):
            raise
        message, code = outcome(exc)
        _fail(_internal_line(exc) if code == 70 else f"sopan: {message}", code)


def _internal_line(exc: Exception) -> str:
    """A fault in sopan as one line in the profile's language; in English when even the words
    cannot be loaded (the fault may be in them)."""
    from sopan.errors import InternalError

    report = InternalError("cli.internal", kind=type(exc).__name__, detail=str(exc))
    try:
        return error_line(report, _words().language)
    except Exception:  # the last line of defence has nothing behind it
        return f"sopan: internal error: {type(exc).__name__}: {exc}"


#: The exit code when what reads standard output closed it (a shell reports the same, 128 +
#: SIGPIPE, for a tool that a closed pipe ends).
CLOSED_OUTPUT = 141


def _fail(line: str, code: int) -> NoReturn:
    """One line on stderr, every control character of the input it quotes removed, then exit."""
    from sopan._infra.controls import quote

    echo(quote(line, 2000), err=True)
    _quiet_exit(code)


def _quiet_exit(code: int) -> NoReturn:
    """Exit with `code`; what standard output still holds is dropped, so a closed or full one
    adds no message of Python's own at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(code)


def outcome(exc: BaseException) -> tuple[str, int]:
    """The one line (without "sopan: ") and the exit code the command line gives for `exc`.

    Exit 70, an internal error, only for what is truly a bug of sopan's: a machine that runs
    out of room or memory, or an input nested past Python's own limit, is said as such.
    """
    if isinstance(exc, SopanError):
        return str(exc), exc.exit_code
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}", 2
    if isinstance(exc, MemoryError):
        return "not enough memory for this input", 2
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read", 2
    return f"internal error: {type(exc).__name__}: {exc}", 70
