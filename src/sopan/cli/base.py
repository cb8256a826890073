"""The command line's parser and the helpers every command shares.

The parser is the standard library's `argparse`: importing it costs about 2 ms where click
cost 20 ms, a third of what a whole command may spend before it starts reading
(`bench/speed.py`). A command is a function of the parsed arguments, registered with its
options by `Commands.add`; a parse error is one line and exit code 2, like every user error.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn

from sopan.errors import SopanError, UserError

if TYPE_CHECKING:
    from datetime import datetime

    from sopan.model import Correction

Run = Callable[[argparse.Namespace], None]
#: adds a command's arguments to its parser
Arguments = Callable[[argparse.ArgumentParser], None]


class Aborted(SopanError):
    """The person ended a question (end of input): nothing was done."""

    exit_code = 1


#: argparse's messages (Python 3.11–3.13) → the error book's code for each; the field is
#: the option or the argument it names
_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (r"argument (?P<arg>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)",
         "choice.not_one_of"),
        (r"argument (?P<arg>\S+): invalid int value: (?P<value>.*)", "value.not_a_whole_number"),
        (r"argument (?P<arg>\S+): invalid float value: (?P<value>.*)", "value.not_a_number"),
        (r"argument (?P<arg>\S+): expected (?:one|at least one) argument", "cli.needs_value"),
        (r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)", "cli.not_together"),
        (r"the following arguments are required: (?P<arg>[^,\s]+)", "cli.required"),
        (r"one of the arguments (?P<options>.*) is required", "cli.one_required"),
        (r"ambiguous option: (?P<value>\S+) could match (?P<matches>.*)", "cli.ambiguous_option"),
        (r"unrecognized arguments: (?P<given>.*)", "cli.unknown_arguments"),
    )
)  # fmt: skip


def _unquoted(text: str) -> str:
    """A value as argparse quotes it (`'reed'`), without its quotes."""
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == "'" else text


def _field_of(name: str) -> str:
    """The field of an option or argument as argparse names it (`--not-before`, `FILE`)."""
    return name.lstrip("-").replace("-", "_").lower()


class _Parser(argparse.ArgumentParser):
    """An `ArgumentParser` whose errors are one line (`UserError`, exit 2), not its usage:
    argparse's message becomes a code of the error book, so it is said in the profile's
    language and names the flag it is about."""

    def error(self, message: str) -> NoReturn:  # argparse's hook
        for pattern, code in _ARGPARSE:
            found = pattern.fullmatch(message)
            if found is None:
                continue
            parts = found.groupdict()
            field = _field_of(parts.pop("arg")) if "arg" in parts else None
            if code == "choice.not_one_of":
                named = parts["choices"]
                choices = re.findall(r"'([^']*)'", named) or named.split(", ")
                raise UserError(code, field=field, value=_unquoted(parts["value"]), choices=choices)
            if "value" in parts:
                parts["value"] = _unquoted(parts["value"])
            raise UserError(code, field=field, **parts)
        raise UserError("cli.usage", message=message)


class Commands:
    """The `sopan` parser and its commands.

    A command is registered with the function that adds its arguments; only the command that
    runs gets them (about half a millisecond each), the others are listed by name and help.
    """

    def __init__(self, description: str, version: str) -> None:
        self.description, self.version = description, version
        self._commands: dict[str, tuple[Run, Arguments]] = {}

    def add(self, name: str, run: Run, arguments: Arguments) -> None:
        """A command named `name` that calls `run(args)`, its arguments added by `arguments`;
        the first paragraph of `run`'s docstring is its line in `sopan --help`, the whole
        docstring its own help."""
        self._commands[name] = (run, arguments)

    def parser(self, command: str | None = None) -> argparse.ArgumentParser:
        """The parser: every command by name and help, the arguments of `command` only."""
        parser = _Parser(
            prog="sopan",
            description=self.description,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("--version", action="version", version=f"sopan {self.version}")
        sub = parser.add_subparsers(title="commands", metavar="COMMAND")
        for name, (run, arguments) in self._commands.items():
            first, _, rest = (run.__doc__ or "").strip().partition("\n\n")
            summary = " ".join(first.split())
            described = [textwrap.fill(summary, 88), textwrap.dedent(rest)][: 1 + bool(rest)]
            one: argparse.ArgumentParser = sub.add_parser(
                name,
                help=summary,
                description="\n\n".join(described),
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            one.set_defaults(run=run)
            if command == name:
                arguments(one)
        return parser

    def run(self, argv: list[str] | None = None) -> None:
        """Parse `argv` (the process's arguments by default) and run its command."""
        argv = sys.argv[1:] if argv is None else argv
        # the first word that is not an option names the command (`sopan` has no option
        # that takes a value)
        named = next((a for a in argv if not a.startswith("-")), None)
        parser = self.parser(named if named in self._commands else None)
        args = parser.parse_args(argv)
        run: Run | None = getattr(args, "run", None)
        if run is None:  # `sopan` alone: what it can do
            parser.print_help(sys.stderr)
            raise UserError("cli.no_command", field="command")
        if named in SERVES:
            run(args)
            return
        from sopan.ical.budget import command_budget

        with command_budget():  # one budget of calendar work for the whole command
            run(args)


#: Commands that serve many requests, each opening a budget of its own (`sopan web`): the
#: budget of one command is not shared by all of them.
SERVES = frozenset({"web"})


def parse_now(value: str | None, tz: str, flag: str = "--now") -> datetime:
    """`--now` (or the time flag named `flag`) as an aware datetime, in the years sopan
    handles; a naive value is read in the user's time zone."""
    from sopan import parse

    return parse.now_value(value, field=flag.removeprefix("--").replace("-", "_"), tz=tz)


#: The fields a person gives with `--set FIELD=VALUE` (the others are flags of their own).
_SET = "set"
#: the fields given as a command's arguments rather than flags, as its usage names them
_ARGUMENTS = {
    "file": "FILE",
    "command": "COMMAND",
    "invitation_id": "INVITATION_ID",
    "path": "PATH",
    "export": "EXPORT",
    "id": "ID",
    "guideline": "ID",
}


def flag_of(field: str) -> str:
    """The command-line flag that gives `field`: `--set start` for an invitation's fact,
    `--not-before` for `not_before`, the config file's key for a setting."""
    from sopan.model.names import FACT_FIELDS

    if field in FACT_FIELDS:
        return f"--{_SET} {field}"
    if field == "config":
        return "config"
    if field.startswith("config."):
        section, _, key = field.removeprefix("config.").partition(".")
        return f"[{section}] {key}" if key else f"[{section}]"
    if field in _ARGUMENTS:
        return _ARGUMENTS[field]
    return "--" + field.replace("_", "-")


def error_line(exc: SopanError, language: str) -> str:
    """An error as the one line the command prints: the flag it is about, then its words."""
    text = exc.text(language)
    at = exc.params.get("at")  # a setting: the file and the line it is written on
    named = flag_of(exc.field) if exc.field else None
    if at and named == "config":
        named = None
    head = ": ".join(str(part) for part in (at, named) if part)
    return f"sopan: {head}: {text}" if head else f"sopan: {text}"


def corrections_of(sets: list[str], *, now: datetime, language: str) -> tuple[Correction, ...]:
    """`--set FIELD=VALUE` values → the typed facts the use cases take (a later value of a
    field wins); a bad one is an error naming `--set FIELD`."""
    from sopan import parse
    from sopan.model.names import FACT_FIELDS

    found: list[Correction] = []
    for raw in sets:
        name, sep, value = raw.partition("=")
        if not sep or name.strip() not in FACT_FIELDS:
            raise UserError("parse.unknown_field", field=_SET, value=raw, fields=FACT_FIELDS)
        found.extend(parse.fact(name.strip(), value, language=language, now=now))
    return tuple(found)


def add_many(
    parser: argparse.ArgumentParser, flag: str, dest: str, metavar: str, text: str
) -> None:
    """A flag that may be given several times; `args.<dest>` is the list of its values."""
    parser.add_argument(flag, dest=dest, action="append", default=[], metavar=metavar, help=text)


def add_calendars(parser: argparse.ArgumentParser) -> None:
    """`--calendar SRC` (repeatable): every command that looks at the user's calendars."""
    add_many(parser, "--calendar", "calendars", "SRC",
             "An .ics file, an https:// ICS address or caldav+https://USER@HOST/PATH "
             "(repeatable; added to [calendar] sources in the config).")  # fmt: skip


def add_sets(parser: argparse.ArgumentParser) -> None:
    """`--set FIELD=VALUE` (repeatable): every command that reads an invitation."""
    add_many(parser, "--set", "sets", "FIELD=VALUE",
             "Give or correct a fact (repeatable): start, end, timezone, company, position, "
             "mode, location, meeting_link, reference, contact.name, contact.email, "
             "contact.phone, country.")  # fmt: skip


def add_timeout(parser: argparse.ArgumentParser) -> None:
    """`--timeout SECONDS`: how long to wait for a calendar server."""
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="Seconds to wait for a server (default: 10).")  # fmt: skip


class Languages:
    """The languages sopan speaks as argparse's `choices`, read from the data folders when
    first asked (a value checked, a command's help shown): `sopan --help` reads none."""

    def _codes(self) -> tuple[str, ...]:
        from sopan.model.names import LANGUAGES

        return LANGUAGES

    def __contains__(self, value: object) -> bool:
        return value in self._codes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())


def add_now(parser: argparse.ArgumentParser) -> None:
    """`--now ISO-8601`: pretend the current time is this."""
    parser.add_argument(
        "--now", dest="now_text", metavar="ISO-8601", help="Pretend the current time is this."
    )


def add_json(parser: argparse.ArgumentParser, text: str) -> None:
    """`--json`, saying what it prints."""
    parser.add_argument("--json", dest="as_json", action="store_true", help=text)


class OutputClosed(Exception):
    """Standard output was closed by what reads it (`sopan read X --json | head -1`)."""


def echo(text: str = "", *, err: bool = False) -> None:
    """Print a line on stdout (or stderr).

    A closed standard output raises `OutputClosed`, and one that cannot be written (a full
    disk) a UserError; trouble writing to stderr is let go, there being nowhere to say it.
    """
    if err:
        with contextlib.suppress(OSError, ValueError):
            print(text, file=sys.stderr)
        return
    try:
        print(text, file=sys.stdout)
    except OSError as exc:
        raise output_error(exc) from None


def output_error(exc: OSError) -> Exception:
    """What writing standard output failing with `exc` means: `OutputClosed` for a reader
    gone (EPIPE), else one line naming why (ENOSPC: the disk is full)."""
    import errno

    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        return OutputClosed()
    return UserError("output.cannot_write", why=exc.strerror or exc)


def flush_output() -> None:
    """Write out what standard output still holds, with `echo`'s errors."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise output_error(exc) from None


def echo_json(value: Any) -> None:
    """Print one JSON object, UTF-8, keys in the order given; on a stream that cannot write
    every character (a Windows console in cp1252), with `\\u` escapes, so a name is never
    changed in the data."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(value, ensure_ascii=True, indent=2)
    echo(text)


#: what a character a console cannot show is written as (the rest: its letter without the
#: accent, "é" → "e", else "?")
_PLAIN = str.maketrans({"—": "-", "–": "-", "‑": "-", "─": "-", "‘": "'", "’": "'", "‚": "'",
                        "“": '"', "”": '"', "„": '"', "…": "...", "•": "*", "·": "-",
                        "→": "->", "←": "<-", "×": "x", "≈": "~", "\u00a0": " "})  # fmt: skip
_REPLACE = "sopan.replace"


def _replace(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: `error`'s characters as plain ASCII."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    plain = []
    for char in error.object[error.start : error.end].translate(_PLAIN):
        if char.isascii():
            plain.append(char)
            continue
        bare = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        plain.append(bare or "?")
    return "".join(plain), error.end


def tolerant_output() -> None:
    """Let stdout and stderr write what their encoding cannot as plain letters ("—" → "-",
    "é" → "e", else "?"), never a traceback: a Windows console in an old code page, a
    terminal in Latin-1, output piped on a machine whose locale is not UTF-8."""
    import codecs

    codecs.register_error(_REPLACE, _replace)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        try:
            reconfigure(errors=_REPLACE)
        except (ValueError, OSError):  # a closed or detached stream: nothing to print to
            continue


def note(message: str) -> None:
    """A remark on stderr that is not an error: the command goes on."""
    from sopan._infra.controls import one_line

    echo(f"sopan: note: {one_line(message)}", err=True)


def prompt(label: str, default: str = "", *, show_default: bool = False) -> str:
    """Ask on stderr and read one line; an empty answer is `default`. The end of input
    raises `Aborted`."""
    shown = f" [{default}]" if show_default and default else ""
    sys.stderr.write(f"{label}{shown}: " if show_default else f"{label} ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stderr.write("\n")
        raise Aborted("aborted")
    return line.rstrip("\r\n") or default
