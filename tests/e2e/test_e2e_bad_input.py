"""Bad input across commands: exit 2, one line on stderr naming the file, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, Run

from e2e.helpers import NOW

INVITATION = str(EXAMPLES / "undangan_wawancara_id.eml")
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


CALENDAR_COMMANDS = {
    "slots": lambda c: ("slots", INVITATION, "--now", NOW, "--calendar", c),
    "busy": lambda c: ("busy", "--from", NOW, "--calendar", c),
}


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "folder"])
@pytest.mark.parametrize("command", sorted(CALENDAR_COMMANDS))
def test_bad_calendar_is_one_clean_line_and_exit_2(
    run_cli: Run, tmp_path: Path, command: str, kind: str
) -> None:
    path = bad_file(tmp_path, kind)
    done = run_cli(*CALENDAR_COMMANDS[command](str(path)))
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sopan: ") and str(path) in lines[0]
    # the message is words, not the file's bytes echoed back
    assert lines[0].isprintable() and "\ufffd" not in lines[0]


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "folder"])
def test_plan_goes_on_without_a_bad_calendar_and_names_it(
    run_cli: Run, tmp_path: Path, kind: str
) -> None:
    path = bad_file(tmp_path, kind)
    # the example profile on purpose: the calendar's note is the only one
    done = run_cli("plan", INVITATION, "--now", NOW, "--calendar", str(path), "--json", *PLAN,
                   "--profile-example")  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sopan: note: ") and str(path) in lines[0]
    assert lines[0].isprintable() and "\ufffd" not in lines[0]
    assert json.loads(done.stdout)["conflicts"] == []
