"""The one reader of user files: every failure is one line that names the file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sopan._infra.inputs import read_input
from sopan.errors import UserError


def test_reads_the_bytes_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_bytes(b"Yth. Ibu Sari\r\n")
    assert read_input(path, what="a reply", max_bytes=100) == b"Yth. Ibu Sari\r\n"
    assert read_input(str(path), what="a reply", max_bytes=100) == b"Yth. Ibu Sari\r\n"


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.eml"
    with pytest.raises(UserError, match=r"nope\.eml: no such file$"):
        read_input(path, what="an invitation", max_bytes=100)


def test_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=rf"{tmp_path.name}: is a folder, not a file$"):
        read_input(tmp_path, what="a calendar", max_bytes=100)


def test_too_large_says_what_it_should_have_been(tmp_path: Path) -> None:
    path = tmp_path / "big.ics"
    path.write_bytes(b"x" * 101)
    with pytest.raises(UserError, match=r"big\.ics: too large to be a calendar \(over 100 bytes\)"):
        read_input(path, what="a calendar", max_bytes=100)
    path.write_bytes(b"x" * (2 * 1024 * 1024 + 1))
    with pytest.raises(UserError, match=r"over 2 MB"):
        read_input(path, what="a calendar", max_bytes=2 * 1024 * 1024)
    # exactly the limit is still read
    assert len(read_input(path, what="a calendar", max_bytes=2 * 1024 * 1024 + 1)) > 0


def test_unreadable_path_gives_the_system_reason(tmp_path: Path) -> None:
    # a file used as a folder: the system refuses it with its own reason
    (tmp_path / "notes.txt").write_bytes(b"hello")
    path = tmp_path / "notes.txt" / "reply.txt"
    with pytest.raises(UserError, match=r"reply\.txt: cannot read \(Not a directory\)$"):
        read_input(path, what="a reply", max_bytes=100)


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"Undangan interview"))
    assert read_input("-", what="an invitation", max_bytes=100) == b"Undangan interview"
    monkeypatch.setattr(sys, "stdin", _Stdin(b"y" * 101))
    with pytest.raises(UserError, match=r"standard input: too large to be an invitation"):
        read_input("-", what="an invitation", max_bytes=100)
