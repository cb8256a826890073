"""Reading the bytes of a file the user named: the one place that turns I/O trouble into words."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from sopan._infra.wording import Phrase, megabytes
from sopan.errors import UserError

STDIN = "-"
#: what a file should hold, as callers name it, in the error book's words
_WHAT = {
    "an invitation": Phrase("phrase.an_invitation"),
    "a calendar": Phrase("phrase.a_calendar"),
    "a reply": Phrase("phrase.a_reply"),
}


def read_input(path: str | Path, *, what: str, max_bytes: int) -> bytes:
    """The bytes of `path` ("-" reads standard input), at most `max_bytes` of them.

    `what` names what the file should hold, with its article ("an invitation", "a calendar",
    "a reply"). Raises UserError, one line naming the file, when it does not exist, is a
    folder, is no regular file (a named pipe, a device: refused before it is opened), is too
    large or cannot be read. What the bytes mean is the caller's to check.
    """
    name: str | Phrase

    def too_large() -> UserError:
        kind = _WHAT.get(what, what)
        return UserError("file.too_large", source=name, what=kind, limit=megabytes(max_bytes))

    if str(path) == STDIN:
        name = Phrase("phrase.standard_input")
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as exc:
            raise UserError("file.unreadable", source=name, why=exc.strerror or exc) from None
    else:
        file = Path(path).expanduser()
        name = str(path)
        try:
            info = file.stat()
            if stat.S_ISDIR(info.st_mode):
                raise UserError("file.folder", source=name)
            if not stat.S_ISREG(info.st_mode):
                # opening a named pipe waits for a writer that may never come, and a device
                # may never end: only a regular file is read (anything else through "-")
                raise UserError("file.not_regular", source=name)
            # The size first: a huge file is refused without being loaded. The read itself
            # stops one byte past the limit, should the file grow meanwhile.
            if info.st_size > max_bytes:
                raise too_large()
            with file.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise UserError("file.missing", source=name) from None
        except IsADirectoryError:
            raise UserError("file.folder", source=name) from None
        except OSError as exc:
            raise UserError("file.unreadable", source=name, why=exc.strerror or exc) from None
    if len(data) > max_bytes:  # the file grew while read, or standard input ran on
        raise too_large()
    return data
