"""An export read in place: a ZIP archive (a file or bytes held in memory) or a folder it was
unpacked into, with its budgets checked before a single member is read.

A ZIP is judged by its central directory first — how many members, how much they unpack to
in all, how deep its folders go, how much each member swells, whether two members share
bytes (the overlapping-entries bomb), whether a name climbs out with `..` or starts at the
root — and refused in one line (`UserError`, exit 2) when any is over. Reading a member is
bounded again by its own cap, counted as it unpacks, so a header that lies gains nothing.
An archive inside the archive is opened only when it is the whole export (the export zipped
once more), and never deeper than `Budgets.nesting`. Nothing is written to disk.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path, PurePosixPath
from typing import IO, Any

from sopan.errors import UserError

_MB = 1024 * 1024


@dataclass(frozen=True)
class Budgets:
    """What an export may hold. An X archive with years of photos and videos is a few GB;
    the files sopan reads in it are text, each far under `member_bytes`."""

    #: what every member unpacks to, in all, as the central directory says
    total_bytes: int = 16 * 1024 * _MB
    #: members (files and folders)
    members: int = 200_000
    #: folder levels of a member's name
    depth: int = 16
    #: archives inside archives (1: the export itself; 2: the export zipped once more)
    nesting: int = 2
    #: how many times larger than its compressed bytes a member may unpack (past 1 MB)
    ratio: int = 100
    #: the most read of one member (a tweets.js of 200,000 posts is about 150 MB)
    member_bytes: int = 256 * _MB


BUDGETS = Budgets()


def _refuse(name: str, code: str, **params: Any) -> UserError:
    """An archive refused before anything was read: the error `code`, naming the archive."""
    return UserError(code, name=name, **params)


def _bad_name(member: str) -> bool:
    """A name that climbs out of the archive or starts at a root (`/x`, `C:x`, `\\\\host`)."""
    name = member.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return True
    return any(part == ".." for part in name.split("/"))


def _depth(member: str) -> int:
    return len([p for p in member.replace("\\", "/").split("/") if p]) - 1


def check_zip(infos: list[zipfile.ZipInfo], name: str, budgets: Budgets = BUDGETS) -> None:
    """Refuse the archive, before anything is unpacked, when its directory breaks a budget."""
    if len(infos) > budgets.members:
        raise _refuse(name, "career.zip_members", limit=f"{budgets.members:,}")
    total = 0
    for info in infos:
        if _bad_name(info.filename):
            raise _refuse(name, "career.zip_path", member=info.filename)
        if _depth(info.filename) > budgets.depth:
            raise _refuse(name, "career.zip_depth", limit=budgets.depth)
        total += info.file_size
        if total > budgets.total_bytes:
            raise _refuse(name, "career.zip_total", limit=f"{budgets.total_bytes // _MB:,}")
        if info.file_size > _MB and info.file_size > budgets.ratio * max(info.compress_size, 1):
            raise _refuse(name, "career.zip_ratio", member=info.filename, limit=budgets.ratio)
    # members that share compressed bytes (each unpacks the same bomb again)
    ordered = sorted((i for i in infos if not i.is_dir()), key=lambda i: i.header_offset)
    for before, after in pairwise(ordered):
        if before.header_offset + before.compress_size > after.header_offset:
            raise _refuse(name, "career.zip_shared")


class Archive:
    """The members of an export, by name, read on demand."""

    def __init__(self, name: str) -> None:
        self.name = name

    def names(self) -> list[str]:
        """Every file's name, with "/" between folders."""
        raise NotImplementedError

    def read(self, member: str) -> bytes:
        """A member's bytes, at most `member_bytes` of them (more is one line, exit 2)."""
        raise NotImplementedError

    def find(self, *basenames: str) -> list[str]:
        """The members whose file name (case aside) is one of `basenames`, the shallowest
        first: an export keeps its CSV files at the top, a re-zipped one a folder down."""
        wanted = {b.casefold() for b in basenames}
        found = [n for n in self.names() if PurePosixPath(n).name.casefold() in wanted]
        return sorted(found, key=lambda n: (_depth(n), n))

    def first(self, *basenames: str) -> str | None:
        """The shallowest member named one of `basenames`, None when there is none."""
        found = self.find(*basenames)
        return found[0] if found else None


class ZipArchive(Archive):
    """A ZIP read in place; its directory checked by `check_zip` when opened."""

    def __init__(self, source: Path | IO[bytes], name: str, budgets: Budgets = BUDGETS) -> None:
        super().__init__(name)
        self.budgets = budgets
        try:
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise _refuse(name, "career.not_zip") from None
        check_zip(infos, name, budgets)
        self._infos = {i.filename.replace("\\", "/"): i for i in infos if not i.is_dir()}

    def names(self) -> list[str]:
        """Every file's name."""
        return list(self._infos)

    def read(self, member: str) -> bytes:
        """A member's bytes, counted as they unpack."""
        info = self._infos[member]
        if info.flag_bits & 0x1:
            raise _refuse(self.name, "career.encrypted", member=member)
        cap = self.budgets.member_bytes
        if info.file_size > cap:
            raise _refuse(self.name, "career.member_too_big", member=member, limit=cap // _MB)
        parts: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as handle:
                while piece := handle.read(1 << 20):
                    size += len(piece)
                    if size > cap:  # the header lied about the size
                        raise _refuse(
                            self.name, "career.member_too_big", member=member, limit=cap // _MB
                        )
                    parts.append(piece)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
            raise _refuse(self.name, "career.cannot_unpack", member=member) from None
        return b"".join(parts)


class FolderArchive(Archive):
    """An export already unpacked into a folder: its files walked without following links,
    the same budgets applied."""

    def __init__(self, root: Path, budgets: Budgets = BUDGETS) -> None:
        super().__init__(str(root))
        self.root, self.budgets = root, budgets
        self._files: dict[str, int] = {}
        total = 0
        for path, size in _walk(root):
            rel = path.relative_to(root).as_posix()
            if _depth(rel) > budgets.depth:
                raise _refuse(self.name, "career.zip_depth", limit=budgets.depth)
            self._files[rel] = size
            total += size
            if len(self._files) > budgets.members:
                raise _refuse(self.name, "career.zip_members", limit=f"{budgets.members:,}")
            if total > budgets.total_bytes:
                raise _refuse(
                    self.name, "career.zip_total", limit=f"{budgets.total_bytes // _MB:,}"
                )

    def names(self) -> list[str]:
        """Every regular file's name, relative to the folder."""
        return list(self._files)

    def read(self, member: str) -> bytes:
        """A file's bytes, at most `member_bytes`."""
        cap = self.budgets.member_bytes
        try:
            with (self.root / member).open("rb") as handle:
                data = handle.read(cap + 1)
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise _refuse(str(self.root / member), "career.cannot_read", why=why) from None
        if len(data) > cap:
            raise _refuse(self.name, "career.member_too_big", member=member, limit=cap // _MB)
        return data


class SingleFile(Archive):
    """One file given alone (a `tweets.js`, a `Connections.csv`): an archive of one member."""

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(name)
        self._member, self._data = PurePosixPath(name.replace("\\", "/")).name, data

    def names(self) -> list[str]:
        """The one file's name."""
        return [self._member]

    def read(self, member: str) -> bytes:
        """Its bytes."""
        return self._data


def _walk(root: Path) -> Iterator[tuple[Path, int]]:
    """Every regular file under `root` with its size; links are never followed."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                yield path, info.st_size


def open_zip(data: bytes | Path, name: str, budgets: Budgets = BUDGETS) -> Archive:
    """The export in a ZIP (bytes in memory, or a file read in place). When the archive
    holds nothing but one more ZIP (the export zipped again), that one is opened instead,
    down to `budgets.nesting` levels."""
    source: Path | IO[bytes] = io.BytesIO(data) if isinstance(data, bytes) else data
    archive: Archive = ZipArchive(source, name, budgets)
    for level in range(1, budgets.nesting + 1):
        inner = [n for n in archive.names() if not _is_noise(n)]
        if len(inner) != 1 or not inner[0].lower().endswith(".zip"):
            return archive
        if level == budgets.nesting:
            raise _refuse(name, "career.zip_nesting", limit=budgets.nesting)
        archive = ZipArchive(io.BytesIO(archive.read(inner[0])), f"{name}:{inner[0]}", budgets)
    return archive


def _is_noise(member: str) -> bool:
    """What a Mac adds when it zips a folder."""
    return member.startswith("__MACOSX/") or PurePosixPath(member).name == ".DS_Store"


def open_archive(path: Path, budgets: Budgets = BUDGETS) -> Archive:
    """An export on disk: a ZIP file (read in place), a folder, or one file alone."""
    from sopan._infra.inputs import read_input

    shown = str(path)
    try:
        if path.is_dir():
            return FolderArchive(path, budgets)
        if not path.exists():
            raise _refuse(shown, "career.no_such_file")
        if zipfile.is_zipfile(path):
            return open_zip(path, shown, budgets)
    except OSError as exc:
        raise _refuse(shown, "career.cannot_read", why=exc.strerror or str(exc)) from None
    return SingleFile(shown, read_input(path, what="an export", max_bytes=budgets.member_bytes))


def open_upload(data: bytes, name: str, budgets: Budgets = BUDGETS) -> Archive:
    """An export uploaded to the web app, held in memory: a ZIP, or one file alone."""
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return open_zip(data, name, budgets)
    if len(data) > budgets.member_bytes:
        raise _refuse(name, "career.member_too_big", member=name, limit=budgets.member_bytes // _MB)
    return SingleFile(name, data)
