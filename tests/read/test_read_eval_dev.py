"""The reader against every labelled file in ../shared/eval-dev (read at run time, never copied).

Date and start time must be right or honestly reported (missing / ambiguous): a wrong
date is the one failure that is never acceptable.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Invitation
from sopan.read import read_file
from sopan.read.words import zone_map

EVAL_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval-dev"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
INVITATIONS = sorted((EVAL_DEV / "invitations").glob("*.txt"))
CALENDARS = sorted((EVAL_DEV / "ics").glob("*.ics"))


def _label(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text("utf-8"))


def _norm(value: object) -> str:
    return re.sub(r"[^a-z0-9@]+", " ", str(value).lower()).strip()


def _reported(inv: Invitation) -> bool:
    return "start" in inv.missing or any(a.field == "start" for a in inv.ambiguous)


def test_eval_dev_is_there() -> None:
    assert len(INVITATIONS) >= 20 and len(CALENDARS) >= 3


@pytest.mark.parametrize("path", INVITATIONS, ids=lambda p: p.stem)
def test_date_and_start_time_right_or_honestly_reported(path: Path) -> None:
    label = _label(path)
    inv = read_file(path, now=NOW)
    day = inv.start.date() if inv.start else inv.day
    want = label["date"]
    if want is None:
        assert day is None, f"invented a date: {day}"
    elif day is None:
        assert _reported(inv)
    else:
        got = day.isoformat()
        assert got[4:] == want[1:] if want.startswith("--") else got == want
    if label["start_time"] is None:
        assert inv.start is None
    elif inv.start is not None:
        assert inv.start.strftime("%H:%M") == label["start_time"]
    else:
        assert _reported(inv)
    if label["end_time"] and inv.end is not None:
        assert inv.end.strftime("%H:%M") == label["end_time"]


@pytest.mark.parametrize("path", INVITATIONS, ids=lambda p: p.stem)
def test_time_zone_is_the_written_one_or_reported_missing(path: Path) -> None:
    label = _label(path)
    inv = read_file(path, now=NOW)
    if inv.start is None:
        return
    if label["timezone"]:
        assert inv.timezone == zone_map()[label["timezone"].upper()]
        assert "timezone" not in inv.missing
    else:
        assert "timezone" in inv.missing  # the user's zone was assumed, and it says so


@pytest.mark.parametrize("path", INVITATIONS, ids=lambda p: p.stem)
def test_placeholders_never_become_values(path: Path) -> None:
    label = _label(path)
    inv = read_file(path, now=NOW)
    values = [
        inv.company,
        inv.position,
        inv.location,
        inv.meeting_link,
        inv.contact.name,
        inv.contact.email,
        inv.contact.phone,
        inv.reference,
    ]
    for value in filter(None, values):
        assert not re.search(r"\{|\}|\[|\]|\$\w|<<", value), value
    for field in label.get("placeholders", {}):
        if field in ("company", "position", "location", "meeting_link"):
            assert getattr(inv, field) is None, field


def test_other_fields_mostly_right() -> None:
    """Company, position, mode, place, link, contact and reference: at most one wrong of each."""
    fields = {
        "company": lambda i: i.company,
        "position": lambda i: i.position,
        "location": lambda i: i.location,
        "meeting_link": lambda i: i.meeting_link,
        "contact_email": lambda i: i.contact.email,
        "reference_number": lambda i: i.reference,
    }
    wrong: dict[str, int] = dict.fromkeys([*fields, "mode"], 0)
    for path in INVITATIONS:
        label = _label(path)
        inv = read_file(path, now=NOW)
        for name, get in fields.items():
            got, want = get(inv), label[name]
            if (want is None and got is not None) or (
                want is not None
                and got is not None
                and not (_norm(got) in _norm(want) or _norm(want) in _norm(got))
            ):
                wrong[name] += 1
        if inv.mode is not None and inv.mode != label["mode"]:
            wrong["mode"] += 1
    assert all(n <= 1 for n in wrong.values()), wrong


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: p.stem)
def test_calendar_labels(path: Path) -> None:
    label = _label(path)
    inv = read_file(path, now=NOW)
    want = label["dtstart"]
    if "T" not in want:
        assert inv.day is not None and inv.day.strftime("%Y%m%d") == want
        assert inv.start is None and _reported(inv)
    else:
        assert inv.start is not None
        moment = inv.start.astimezone(ZoneInfo("UTC")) if want.endswith("Z") else inv.start
        assert moment.strftime("%Y%m%dT%H%M%S") == want.rstrip("Z")
    org = re.search(r"<([^>]+)>", label["organizer"])
    assert org and inv.organizer == org.group(1)
    want_att = {re.sub(r".*<|>", "", a).lower() for a in label["attendees"]}
    assert {re.sub(r".*<|>", "", a).lower() for a in inv.attendees} == want_att
    assert inv.sequence == int(label.get("sequence", 0))
    assert inv.uid
    if label.get("tzid") == "Romance Standard Time":
        assert inv.timezone == "Europe/Paris"
