"""The web app started for real (`sopan web` in a subprocess, on a free loopback port) and
Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SRC

CHROMIUM = "/usr/bin/chromium"
NOW = "2026-11-20T09:00:00+07:00"
ADDRESS = re.compile(r"^(http://[^/\s]+)/start\?token=(\S+)$")


@dataclass(frozen=True)
class Server:
    """A running `sopan web`: its base address, its start address and its process."""

    base: str
    start: str
    process: subprocess.Popen[str]
    config: Path


def start_server(tmp: Path, *extra: str, env_extra: dict[str, str] | None = None) -> Server:
    """`sopan web --no-browser` with a config and a store of its own (the same ones when
    started again in `tmp`: a restart); waits for its one address line."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_CONFIG": str(tmp / "config.toml")}
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env["SOPAN_DATABASE_URL"] = f"sqlite:///{tmp / 'store.db'}"
    env.update(env_extra or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "sopan", "web", "--no-browser", "--now", NOW, *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    match = ADDRESS.match(line)
    if match is None:
        process.kill()
        raise AssertionError(f"sopan web printed {line!r}; stderr: {process.stderr.read()}")
    return Server(match.group(1), line, process, tmp / "config.toml")


def stop_server(server: Server) -> int:
    """Ctrl-C, as a person would; the exit code."""
    server.process.send_signal(signal.SIGINT)
    try:
        return server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        raise


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("web"))
    yield running
    assert stop_server(running) == 0


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield launched
        launched.close()


def new_page(browser: object, server: Server, **options: object) -> object:
    """A page of a new browser context (a browser of its own: its own cookies) that has
    opened the printed address."""
    context = browser.new_context(accept_downloads=True, **options)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto(server.start)
    return tab


@pytest.fixture
def page(browser: object, server: Server) -> Iterator[object]:
    """A fresh browser page that has opened the printed address (so it holds the cookie)."""
    tab = new_page(browser, server)
    yield tab
    tab.context.close()  # type: ignore[attr-defined]


FIXTURES = ROOT / "tests" / "fixtures"
