"""What the libraries sopan calls would print by themselves, said as sopan's own notes.

A library warning (icalendar guessing a Thunderbird zone) is printed by Python as two lines
with a path into the library; a library's log record (pypdf's "EOF marker not found") as a
bare line before sopan's own error. Within `library_notes`, each warning becomes one note in
sopan's words, once however often it comes, and library log records stay off the terminal:
what matters in them is in sopan's own error (`SOPAN_DEBUG` lets them through as notes).
sopan's own log records (`sopan.*`) are notes as well.
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sopan._infra.controls import quote

Say = Callable[[str], None]
_QUOTED = re.compile(r"'([^']*)'")


def note_of(message: Warning | str, category: type[Warning]) -> str:
    """A warning as one line in sopan's words: the ones sopan knows said plainly, any other
    as the library's first sentence."""
    text = str(message)
    if category.__name__ == "GloballyUniqueTZIDGuessed":
        names = _QUOTED.findall(text)
        if len(names) >= 2:
            return (
                f"a calendar names its time zone '{quote(names[0], 60)}'; it is read as "
                f"{quote(names[1], 40)}"
            )
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return quote(first, 160)


class _Notes(logging.Handler):
    """sopan's own log records said as notes; a library's only with `SOPAN_DEBUG`."""

    def __init__(self, say: Say) -> None:
        super().__init__(logging.WARNING)
        self.say = say
        self.debug = bool(os.environ.get("SOPAN_DEBUG"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "sopan" or record.name.startswith("sopan."):
            self.say(quote(record.getMessage(), 200))
        elif self.debug:
            self.say(f"{record.name}: {quote(record.getMessage(), 200)}")


@contextmanager
def library_notes(say: Say) -> Iterator[None]:
    """Within: every warning said once through `say` as a note; library log records quiet,
    sopan's own said through `say` too."""
    seen: set[str] = set()

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: object = None,
        line: str | None = None,
    ) -> None:
        text = note_of(message, category)
        if text and text not in seen:
            seen.add(text)
            say(text)

    root = logging.getLogger()
    handler = _Notes(say)
    with warnings.catch_warnings():
        warnings.showwarning = show
        # a handler on the root: Python's own last resort, which prints a library's warning
        # as a bare line, is no longer used
        root.addHandler(handler)
        try:
            yield
        finally:
            root.removeHandler(handler)
