"""What the end-to-end tests share: a profile, the real reader's view of a file, JSON runs."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from conftest import Run

NOW = "2026-11-20T09:00:00+07:00"
#: The keys of `sopan read --json`, in the order DESIGN.md gives them.
READ_KEYS = [
    "language", "source", "company", "position", "start", "end", "day", "time", "past",
    "timezone", "mode", "location", "meeting_link", "platform", "access_code", "contact",
    "reference", "reply_by", "message_id", "uid", "confidence", "missing", "placeholders",
    "ambiguous", "provenance", "ocr_text",
]  # fmt: skip


def init_profile(run_cli: Run, city: str = "Bandung") -> None:
    """Write the user's profile (home city `city`, Indonesian, WIB) into the test's config."""
    done = run_cli(
        "init", "--name", "Rina Kartika Sari", "--city", city, "--email", "rina@example.com",
        "--phone", "0812-3456-7890", "--lang", "id", "--timezone", "Asia/Jakarta",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def run_json(run_cli: Run, *args: str, code: int = 0) -> Any:
    """Run a command with --json, check its exit status and that stderr is clean, parse stdout."""
    done = run_cli(*args, "--json")
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def read_json(run_cli: Run, path: str, now: str = NOW) -> dict[str, Any]:
    """What `sopan read --json` says the file is."""
    found = run_json(run_cli, "read", path, "--now", now)
    assert isinstance(found, dict)
    return found


def hours_between(start: str, now: str) -> float:
    """Hours from `now` to `start`, both ISO 8601 with offsets."""
    return (datetime.fromisoformat(start) - datetime.fromisoformat(now)).total_seconds() / 3600
