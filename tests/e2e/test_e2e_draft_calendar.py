"""`sopan draft` on calendar invitations: the iTIP answer (calendar.ics) and the email,
through the real CLI, for a bare .ics file and an email carrying one."""

from __future__ import annotations

import email
from datetime import datetime
from email import policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import FIXTURES, Run

from e2e.helpers import NOW, init_profile

ICS = FIXTURES / "ics" / "updated_request_sequence_3.ics"
EML = FIXTURES / "eml" / "en_with_ics_attachment.eml"
WEEKLY = FIXTURES / "ics" / "outlook_weekly_exdate_and_moved_occurrence.ics"
CANCEL = FIXTURES / "ics" / "cancel_method_cancelled_interview.ics"

DECLINE = ("--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed")
RESCHEDULE = (
    "--intent", "reschedule", "--reason", "health", "--interest", "yes", "--unconfirmed",
    "--alternative", "2026-12-02T10:00",
)  # fmt: skip


def _request_event(path: Path) -> Any:
    """The VEVENT of the request as icalendar reads it, from a bare .ics or an email."""
    if path.suffix == ".eml":
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
        raw = part.get_payload(decode=True)
    else:
        raw = path.read_bytes()
    return next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT")))


def draft(run_cli: Run, tmp_path: Path, source: Path, *flags: str) -> tuple[Any, Path]:
    """Run `sopan draft` into a folder of its own; the calendar answer's calendar and folder."""
    init_profile(run_cli)  # the profile's address differs from the one the invitation lists
    out = tmp_path / "out"
    done = run_cli("draft", str(source), "--now", NOW, "--out", str(out), *flags, input="")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes()), out


def _attendee(event: Any) -> Any:
    found = event.get("ATTENDEE")
    assert not isinstance(found, list), "one attendee: the user"
    return found


def _same_conversation(event: Any, request: Any) -> None:
    assert str(event["UID"]) == str(request["UID"])
    assert int(event["SEQUENCE"]) == int(request.get("SEQUENCE", 0))
    assert str(event["ORGANIZER"]).lower() == str(request["ORGANIZER"]).lower()


def _the_user_as_invited(event: Any, request: Any) -> None:
    attendee = _attendee(event)
    listed = request.get("ATTENDEE")
    invited = [str(a).lower() for a in (listed if isinstance(listed, list) else [listed])]
    # the address the organizer knows the user by, so the answer reaches its event
    assert str(attendee).lower() == "mailto:rina.kartika@example.com"
    assert str(attendee).lower() in invited
    assert attendee.params["CN"] == "Rina Kartika Sari"


@pytest.mark.parametrize("source", [ICS, EML], ids=["ics", "eml_with_ics"])
def test_decline_writes_an_itip_reply_and_an_email(
    run_cli: Run, tmp_path: Path, source: Path
) -> None:
    cal, out = draft(run_cli, tmp_path, source, *DECLINE)
    request = _request_event(source)
    assert str(cal["METHOD"]) == "REPLY"
    (event,) = cal.walk("VEVENT")
    _same_conversation(event, request)
    _the_user_as_invited(event, request)
    assert _attendee(event).params["PARTSTAT"] == "DECLINED"
    assert event.get("RECURRENCE-ID") is None  # a single event: no occurrence to name
    assert event["DTSTART"].dt == request["DTSTART"].dt
    mail = email.message_from_bytes((out / "email.eml").read_bytes(), policy=policy.default)
    organizer = str(request["ORGANIZER"]).split(":", 1)[1]
    assert organizer in str(mail["To"])
    assert str(mail["Subject"]).startswith("Re: ")
    if source.suffix == ".eml":
        # the email answers in the invitation's own thread
        assert mail["In-Reply-To"] == "<ics-attach@lautbiru.example>"


@pytest.mark.parametrize("source", [ICS, EML], ids=["ics", "eml_with_ics"])
def test_reschedule_writes_a_counter_with_the_offered_time(
    run_cli: Run, tmp_path: Path, source: Path
) -> None:
    cal, out = draft(run_cli, tmp_path, source, *RESCHEDULE)
    request = _request_event(source)
    assert str(cal["METHOD"]) == "COUNTER"
    (event,) = cal.walk("VEVENT")
    _same_conversation(event, request)
    _the_user_as_invited(event, request)
    # a time the person types without a zone is on their own clock (the profile's, Jakarta),
    # whatever zone the interview is in: the same moment in the counter
    offered = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert event["DTSTART"].dt == offered
    assert event["DTEND"].dt > offered
    assert (out / "email.eml").is_file()


def test_decline_of_a_moved_occurrence_names_that_occurrence(run_cli: Run, tmp_path: Path) -> None:
    cal, _ = draft(run_cli, tmp_path, WEEKLY, *DECLINE)
    assert str(cal["METHOD"]) == "REPLY"
    (event,) = cal.walk("VEVENT")
    # the next occurrence after 20 Nov is 3 Dec, moved from 10.00 to 14.00 by its override
    wib = ZoneInfo("Asia/Jakarta")
    assert event["RECURRENCE-ID"].dt.astimezone(wib) == datetime(2026, 12, 3, 10, 0, tzinfo=wib)
    assert event["DTSTART"].dt.astimezone(wib) == datetime(2026, 12, 3, 14, 0, tzinfo=wib)
    assert int(event["SEQUENCE"]) == 2  # the override's, not the series' 1
    assert str(event["UID"]) == "040000008200E00074C5B7101A82E0080000000012345678"


def test_draft_on_a_cancellation_stops_with_one_line(run_cli: Run, tmp_path: Path) -> None:
    init_profile(run_cli)
    out = tmp_path / "out"
    done = run_cli("draft", str(CANCEL), "--now", NOW, "--out", str(out), *DECLINE, input="")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cancellation of the interview, not an invitation" in lines[0]
    assert not out.exists() or not any(out.iterdir())
