"""Writing files safely: the one place that opens a file for writing.

Two kinds: a draft written for the user to review (`write_new`: never over an existing file,
never through a symbolic link, a numbered name instead), and a file sopan keeps for the user —
config, caches, the store (`write_private`: 0600 in a 0700 folder, replaced atomically).

Windows has no such modes: there `os.chmod` only sets the read-only flag, and the folders
sopan keeps files in (under `%LOCALAPPDATA%` and `%APPDATA%`, from platformdirs) are already
readable by their user only, so nothing is changed there.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from sopan.errors import UserError

# O_BINARY: on Windows a descriptor opened without it writes every "\n" as "\r\n"
_NEW = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
#: whether the file system has Unix permissions to set (not on Windows: see above)
MODES = os.name != "nt"
#: Numbered names tried before giving up (email-2.eml … email-999.eml).
MAX_NUMBER = 999


def write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to `folder/name`, or `stem-2.ext`, `stem-3.ext`… when that name is taken
    (a file, a folder, or a link, even a dangling one: nothing is written through it)."""
    return write_all(folder, [(name, data)])[0]


def write_all(folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write each (name, bytes) into `folder` as `write_new` does, all or none of them.

    Every file is written whole under a hidden temporary name first; only when all are
    complete is each given its name (a rename, which needs no room on the disk). A disk that
    fills or a folder that refuses leaves no file and no part of one: UserError, one line.
    """
    written: list[tuple[Path, str]] = []
    try:
        for name, data in files:
            written.append((_temporary(folder, name, data), name))
    except OSError as exc:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
        raise UserError("file.cannot_write", source=folder, why=exc.strerror or exc) from None
    except BaseException:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
        raise
    paths: list[Path] = []
    try:
        for tmp, name in written:
            paths.append(_claim(folder, name, tmp))
    except BaseException:
        for path in paths:  # made by this call a moment ago: all or none
            path.unlink(missing_ok=True)
        raise
    finally:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
    return paths


def _temporary(folder: Path, name: str, data: bytes) -> Path:
    """`data` written whole into a new hidden file beside where `name` will be."""
    for n in range(MAX_NUMBER):
        tmp = folder / f".{name}.{os.getpid()}.{n}.tmp"
        try:
            fd = os.open(tmp, _NEW, 0o644)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return tmp
    raise OSError(errno.EEXIST, "too many temporary files", str(folder))


def _claim(folder: Path, name: str, tmp: Path) -> Path:
    """Give the complete file `tmp` the first free name of `name`, `stem-2.ext`, …: the name
    is made as a new empty file (never over one, never through a link), then replaced."""
    base = folder / name
    for n in range(1, MAX_NUMBER + 1):
        path = base if n == 1 else base.with_name(f"{base.stem}-{n}{base.suffix}")
        try:
            os.close(os.open(path, _NEW, 0o644))
        except FileExistsError:
            continue
        except OSError as exc:
            raise UserError("file.cannot_write", source=path, why=exc.strerror or exc) from None
        os.replace(tmp, path)
        return path
    raise UserError("file.names_taken", source=folder, count=MAX_NUMBER, name=name)


def private_folder(folder: Path) -> Path:
    """Create `folder`, and every parent it needs, readable by the user only.

    Only a folder made here is given its mode: one that exists already (~/.cache, a shared
    folder named by SOPAN_DATABASE_URL, /tmp) is left as it is, whoever runs sopan.
    """
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by another process meanwhile: not ours to change
        if MODES:
            os.chmod(path, 0o700)  # mkdir's mode is masked by the umask
    return folder


def write_private(path: Path, data: bytes) -> Path:
    """Replace `path` with `data` atomically, as a 0600 file in a 0700 folder."""
    private_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, _NEW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def cache_dir(part: str) -> Path:
    """The user's cache folder for `part` ("calendar", "data"): what sopan can rebuild."""
    return _cache_root(os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME")) / part


@lru_cache(maxsize=8)
def _cache_root(xdg_cache_home: str | None, home: str | None) -> Path:
    # asked once per environment (a command looks up some fifty cached books); the
    # arguments only key the cache, platformdirs reads the environment itself
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sopan"))
