"""Control characters, removed from what sopan reads, shows and writes: an escape sequence
never reaches a terminal, an encoded CR LF never adds a header or a line."""

from __future__ import annotations

import re

# two character classes, compiled in microseconds: the pattern cache (sopan._infra.rx) is not
# opened for them, so a command that reads nothing (`sopan --help`) never loads it
#: every control character (C0, DEL, C1): none belongs in a one-line value (a header, a name)
ANY = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: the control characters of a text, all but the tab and the line ends
IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def one_line(value: str) -> str:
    """A value on one line: every control character a space, runs of spaces one."""
    return " ".join(ANY.sub(" ", value).split())


def blank_controls(text: str) -> str:
    """The text with each control character but tab and line ends replaced by a space, so
    its length, and every offset into it, stays the same."""
    return IN_TEXT.sub(" ", text)


def quote(value: object, limit: int = 80) -> str:
    """A piece of input (or a library's message quoting it) fit to echo: on one line, no
    control character, at most `limit` characters (a long one ends in "…")."""
    shown = one_line(str(value))
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"
