"""`sopan read --json` on every real invitation of eval-dev (read at run time, never copied)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EVAL_DEV, Run

from e2e.helpers import NOW, READ_KEYS

INVITATIONS = sorted((EVAL_DEV / "invitations").glob("*.txt")) + sorted(
    (EVAL_DEV / "ics").glob("*.ics")
)


def test_eval_dev_is_there() -> None:
    assert len(INVITATIONS) >= 20


@pytest.mark.parametrize("path", INVITATIONS, ids=lambda p: p.name)
def test_read_every_invitation(run_cli: Run, path: Path) -> None:
    done = run_cli("read", str(path), "--json", "--now", NOW)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    found = json.loads(done.stdout)
    assert list(found) == READ_KEYS
    assert list(found["contact"]) == ["name", "honorific", "email", "phone"]
    assert found["language"] in ("id", "en")
    # a .txt that starts with mail headers is read as the email it is
    assert found["source"] in (("ics",) if path.suffix == ".ics" else ("text", "email"))
    assert found["mode"] in ("onsite", "online", "phone", None)
    assert all(set(a) == {"field", "candidates", "problem"} for a in found["ambiguous"])
    # the day and time agree with the start when there is one (accuracy is the floor's
    # business, tests/read/test_read_eval_dev.py, and the table is bench/read.py's)
    if found["start"]:
        assert found["day"] == found["start"][:10]
        assert found["time"] == found["start"][11:16]
