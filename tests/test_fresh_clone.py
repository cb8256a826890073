"""The suite in a copy of the repository with no ../shared beside it, as anyone who clones
the project has it: collection finds no error, and what needs ../shared is skipped with the
reason, never failed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _copy(tmp_path: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    repo = tmp_path / "clone"
    for name in files:
        source = ROOT / name
        if source.is_file():
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    assert not (repo.parent / "shared").exists()
    return repo


def _pytest(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_XDIST_WORKER")}
    env["PYTHONPATH"] = str(repo / "src")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_collection_in_a_clone_without_shared_finds_no_error(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    done = _pytest(repo, "--collect-only", "-q")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "error" not in done.stdout.lower().splitlines()[-1]
    shared = _pytest(repo, "-q", "-rs", "tests/read/test_read_eval_dev.py",
                     "tests/lint/test_lint_moves.py")  # fmt: skip
    assert shared.returncode == 0, shared.stdout[-3000:]  # pytest exits 1 on any failure
    assert "SKIPPED" in shared.stdout and "shared beside the checkout" in shared.stdout
