"""Reading the bytes of a file the user named: the one place that turns I/O trouble into words."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from sopan.errors import UserError

STDIN = "-"


def _size_text(max_bytes: int) -> str:
    mega = max_bytes / (1024 * 1024)
    return f"{mega:g} MB" if mega >= 1 else f"{max_bytes} bytes"


def read_input(path: str | Path, *, what: str, max_bytes: int) -> bytes:
    """The bytes of `path` ("-" reads standard input), at most `max_bytes` of them.

    `what` names what the file should hold, with its article ("an invitation", "a calendar",
    "a reply"). Raises UserError, one line naming the file, when it does not exist, is a
    folder, is no regular file (a named pipe, a device: refused before it is opened), is too
    large or cannot be read. What the bytes mean is the caller's to check.
    """
    if str(path) == STDIN:
        name = "standard input"
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as exc:
            raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from None
    else:
        file = Path(path).expanduser()
        name = str(path)
        try:
            info = file.stat()
            if stat.S_ISDIR(info.st_mode):
                raise UserError(f"{name}: is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                # opening a named pipe waits for a writer that may never come, and a device
                # may never end: only a regular file is read (anything else through "-")
                raise UserError(f"{name}: not a regular file (a pipe, a device or a socket)")
            # The size first: a huge file is refused without being loaded. The read itself
            # stops one byte past the limit, should the file grow meanwhile.
            if info.st_size > max_bytes:
                raise UserError(f"{name}: too large to be {what} (over {_size_text(max_bytes)})")
            with file.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise UserError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise UserError(f"{name}: is a folder, not a file") from None
        except OSError as exc:
            raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # the file grew while read, or standard input ran on
        raise UserError(f"{name}: too large to be {what} (over {_size_text(max_bytes)})")
    return data
