"""Bad input across commands: exit 2, one line on stderr naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Run

from e2e.helpers import NOW

REPLY = str(FIXTURES / "replies_e2e" / "id_email_decline_matches_example_invitation.txt")
PLAN = ("--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed")


def bad_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.eml"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        # the start of a PNG image, then bytes no text encoding would produce
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    elif kind == "folder":
        path.mkdir()
    return path


COMMANDS = {
    "plan": lambda f: ("plan", f, "--now", NOW, *PLAN),
    "plan-json": lambda f: ("plan", f, "--now", NOW, "--json", *PLAN),
    "lint": lambda f: ("lint", REPLY, "--invitation", f, "--json"),
    "slots": lambda f: ("slots", f, "--now", NOW),
    "read": lambda f: ("read", f, "--json"),
}


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "folder"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_bad_input_is_one_line_and_exit_2(
    run_cli: Run, tmp_path: Path, command: str, kind: str
) -> None:
    path = bad_file(tmp_path, kind)
    done = run_cli(*COMMANDS[command](str(path)))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("sopan: ") and str(path) in lines[0]
    assert done.stdout == ""
