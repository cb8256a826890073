"""A process's liveness is asked without signalling it (on Windows os.kill would end it)."""

from __future__ import annotations

import os
import subprocess
import sys

from sopan._infra.processes import alive


def test_this_process_is_alive_and_an_ended_one_is_not() -> None:
    assert alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not alive(child.pid)
    assert not alive(0) and not alive(-1)


def test_asking_leaves_the_process_running() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert alive(child.pid) and alive(child.pid)
        assert child.poll() is None  # still running after being asked twice
    finally:
        child.kill()
        child.wait()
