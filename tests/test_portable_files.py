"""Files sopan keeps, on a system without Unix permissions (Windows): written all the same,
byte for byte, and no mode is set (the user's profile folder is already private there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sopan._infra import files


def test_without_modes_nothing_is_chmodded_and_the_bytes_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("chmod on a system without modes")

    monkeypatch.setattr(files, "MODES", False)
    monkeypatch.setattr(os, "chmod", refuse)
    data = b"line one\nline two\r\n\x00binary\n"
    path = files.write_private(tmp_path / "a" / "b" / "memo.marshal", data)
    assert path.read_bytes() == data
    again = files.write_private(path, data[::-1])  # replaced, as before
    assert again.read_bytes() == data[::-1]
    assert files.private_folder(tmp_path / "a") == tmp_path / "a"
