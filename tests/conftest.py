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
