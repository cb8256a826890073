"""Shared fixtures: run the real CLI in a subprocess with an isolated config."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
EVAL_DEV = SHARED / "eval-dev"
#: Modules whose every test reads ../shared (eval-dev, seeds) at run time.
NEEDS_SHARED_MODULES = (
    "test_read_eval_dev.py",
    "test_e2e_read_eval_dev.py",
    "test_compose_eval_dev.py",
    "test_places_eval_dev.py",
)


def pytest_configure(config: pytest.Config) -> None:
    # Ctrl-C reaches the programs the tests start as it does at a terminal: a run started in
    # the background (as CI may) inherits SIGINT ignored, and a child would inherit that too
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)
    # every sopan the tests start keeps its drafts in a throwaway database, never the user's
    import tempfile

    folder = tempfile.mkdtemp(prefix="sopan-test-store-")
    os.environ["SOPAN_DATABASE_URL"] = f"sqlite:///{folder}/store.db"
    config.addinivalue_line(
        "markers", "shared: reads ../shared (eval-dev, seeds) beside the checkout at run time"
    )
    if os.environ.get("CI") and not SHARED.is_dir():
        # CI always lays shared/ beside the clone: its absence there is an error, not a skip
        raise pytest.UsageError(f"{SHARED} is missing: CI runs the tests that read it")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that read ../shared are skipped, with the reason, in a clone without it; on CI,
    where it is always laid beside the clone, its absence is an error, never a silent skip."""
    needs = [
        item
        for item in items
        if item.get_closest_marker("shared") or item.path.name in NEEDS_SHARED_MODULES
    ]
    if SHARED.is_dir() or not needs:
        return
    skip = pytest.mark.skip(reason=f"needs {SHARED} beside the checkout (eval-dev, seeds)")
    for item in needs:
        item.add_marker(skip)


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(tmp_path: Path) -> Run:
    """Run `python -m sopan ARGS` with a config file of its own under tmp_path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["SOPAN_CONFIG"] = str(tmp_path / "config" / "config.toml")
    env.pop("SOPAN_DEBUG", None)

    def run(
        *args: str, input: str | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sopan", *args],
            capture_output=True,
            text=True,
            env=env,
            input=input,
            cwd=cwd or tmp_path,
            timeout=120,
        )

    return run
