"""`sopan slots FILE` with the real reader: free times the length of the interview."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import pairwise

from conftest import EXAMPLES, FIXTURES, Run

from e2e.helpers import init_profile, read_json, run_json

WIT_INTERVIEW = str(FIXTURES / "ics" / "updated_request_sequence_3.ics")
WIB_INTERVIEW = str(EXAMPLES / "undangan_wawancara_id.eml")
WEEKLY = str(FIXTURES / "calendar" / "recurring_exceptions.ics")
NOW = "2026-12-01T09:00:00+07:00"
SPAN = re.compile(r"(\d\d)\.(\d\d)–(\d\d)\.(\d\d) (\w+)")


def slots(run_cli: Run, path: str, *flags: str) -> list[tuple[datetime, datetime]]:
    found = run_json(run_cli, "slots", path, "--now", NOW, "--calendar", WEEKLY, *flags)
    return [(datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"])) for s in found]


def busy(run_cli: Run, until: str) -> list[tuple[datetime, datetime]]:
    found = run_json(run_cli, "busy", "--calendar", WEEKLY, "--from", NOW, "--to", until)
    return [(datetime.fromisoformat(b["start"]), datetime.fromisoformat(b["end"])) for b in found]


def test_slots_have_the_interviews_length_and_avoid_the_calendar(run_cli: Run) -> None:
    init_profile(run_cli)
    inv = read_json(run_cli, WIT_INTERVIEW, now=NOW)
    length = datetime.fromisoformat(inv["end"]) - datetime.fromisoformat(inv["start"])
    assert length == timedelta(minutes=90)
    proposed = slots(run_cli, WIT_INTERVIEW, "--count", "8")
    assert len(proposed) == 8
    taken = busy(run_cli, "2026-12-20T00:00:00+07:00")
    assert taken, "the weekly meeting falls in the window"
    for start, end in proposed:
        assert end - start == length
        assert start >= datetime.fromisoformat(NOW)
        assert all(end <= b_start or start >= b_end for b_start, b_end in taken), start
    # proposals do not overlap one another either
    ordered = sorted(proposed)
    assert all(a[1] <= b[0] for a, b in pairwise(ordered))


def test_human_view_shows_both_zones_for_a_wit_invitation(run_cli: Run) -> None:
    init_profile(run_cli)
    assert read_json(run_cli, WIT_INTERVIEW, now=NOW)["timezone"] == "Asia/Jayapura"
    proposed = slots(run_cli, WIT_INTERVIEW)
    done = run_cli("slots", WIT_INTERVIEW, "--now", NOW, "--calendar", WEEKLY)
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stdout.splitlines() if re.match(r"\d+\. ", ln)]
    assert len(lines) == len(proposed) == 3
    for line, (start, _end) in zip(lines, proposed, strict=True):
        (mine, theirs) = SPAN.findall(line)
        assert mine[4] == "WIB" and theirs[4] == "WIT"
        assert (int(mine[0]), int(mine[1])) == (start.hour, start.minute)
        # Jayapura is two hours ahead of Jakarta
        assert int(theirs[0]) == int(mine[0]) + 2 and theirs[1] == mine[1]


def test_human_view_has_one_zone_for_a_wib_invitation(run_cli: Run) -> None:
    init_profile(run_cli)
    done = run_cli("slots", WIB_INTERVIEW, "--now", "2026-11-20T09:00", "--calendar", WEEKLY)
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stdout.splitlines() if re.match(r"\d+\. ", ln)]
    assert lines and all(len(SPAN.findall(ln)) == 1 for ln in lines)
    for line in lines:
        (h1, m1, h2, m2, zone) = SPAN.findall(line)[0]
        assert zone == "WIB" and (int(h2) * 60 + int(m2)) - (int(h1) * 60 + int(m1)) == 90
    # the weekly meeting ends at 10:00 as the interview begins: no clash without travel time
    assert "Tidak ada bentrok." in done.stdout
