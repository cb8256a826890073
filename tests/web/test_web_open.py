"""`sopan web` opens its address in the person's default browser, and says so in one line
when none can be opened (no graphical session, no browser installed), serving all the same.

Python's `webbrowser` picks the browser: `os.startfile` on Windows, `open` on macOS, the
desktop's choice (xdg-open, or the `BROWSER` variable) on Linux. Here `BROWSER` names a
program of the test's own that writes down the address it is given."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SRC

from sopan.cli.web import graphical_session
from web.conftest import ADDRESS, NOW

BROWSER = """#!/bin/sh
printf '%s' "$1" > "{out}"
"""


def _start(tmp_path: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "SOPAN_DEBUG")}  # fmt: skip
    base.update(PYTHONPATH=str(SRC), SOPAN_CONFIG=str(tmp_path / "config.toml"),
                XDG_CACHE_HOME=str(tmp_path / "cache"), **env)  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "sopan", "web", "--now", NOW],
        env=base, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert ADDRESS.match(line), line
    return process, line


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    _, err = process.communicate(timeout=15)
    return err


def _served(address: str) -> bool:
    base = ADDRESS.match(address)
    assert base is not None
    try:
        with urllib.request.urlopen(base.group(1) + "/", timeout=10):
            return True
    except urllib.error.HTTPError:
        return True  # an answer, if not a page: the server is there


def test_the_address_is_opened_in_the_default_browser(tmp_path: Path) -> None:
    out = tmp_path / "opened.txt"
    program = tmp_path / "browser.sh"
    program.write_text(BROWSER.format(out=out))
    program.chmod(0o755)
    process, address = _start(tmp_path, {"DISPLAY": ":0", "BROWSER": str(program)})
    try:
        deadline = time.monotonic() + 20
        while not (out.exists() and out.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert out.read_text() == address
        assert _served(address)
    finally:
        err = _stop(process)
    assert "peramban" not in err.lower()


@pytest.mark.parametrize(
    "env",
    [
        {},  # a console or SSH: no graphical session, so no text browser in this terminal
        {"DISPLAY": ":0", "PATH": "/nonexistent"},  # a session without any browser installed
    ],
)
def test_without_a_browser_one_line_says_to_open_the_address(
    tmp_path: Path, env: dict[str, str]
) -> None:
    process, address = _start(tmp_path, env)
    try:
        assert _served(address)
    finally:
        err = _stop(process)
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [
        "Peramban tidak dapat dibuka di sini: buka alamat di atas di peramban Anda."
    ], err


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {}, True),
        ("darwin", {}, True),
        ("linux", {}, False),
        ("linux", {"DISPLAY": ":0"}, True),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, True),
        ("freebsd14", {}, False),
    ],
)
def test_a_graphical_session_is_every_windows_and_mac_and_a_display_elsewhere(
    platform: str, env: dict[str, str], expected: bool
) -> None:
    assert graphical_session(platform, env) is expected
