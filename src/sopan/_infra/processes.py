"""Whether a process of this machine is still running, on every system sopan runs on.

`os.kill(pid, 0)` asks this on Unix without touching the process; on Windows `os.kill` with any
signal but the console's two ends the process (TerminateProcess), so there the question is put
to the process table through the Win32 API instead.
"""

from __future__ import annotations

import os
import sys

#: GetExitCodeProcess's answer for a process that has not ended
_STILL_ACTIVE = 259
#: PROCESS_QUERY_LIMITED_INFORMATION: the least a handle needs to read the exit code
_QUERY = 0x1000


def alive(pid: int) -> bool:
    """Whether process `pid` is running (another user's counts: it is alive, not ours)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(_QUERY, False, pid)
    if not handle:
        # no such process, or one this user may not open: ERROR_ACCESS_DENIED (5) means alive
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
