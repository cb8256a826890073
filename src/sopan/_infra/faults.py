"""Crash points for the tests that kill a real `sopan send` at each step: when
`SOPAN_CRASH_AT` names a point, the process kills itself there with SIGKILL, exactly as a
power cut would (no clean-up runs). Unset, a crash point does nothing."""

from __future__ import annotations

import os
import signal

VARIABLE = "SOPAN_CRASH_AT"


def crash_point(name: str) -> None:
    """Die here, at once, when the environment asks for this point."""
    if os.environ.get(VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)
