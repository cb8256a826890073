"""A calendar file's time, in every shape a calendar writes it, reaches the recruiter in a zone
they read (R1): a TZID is kept (the organizer's zone); a time in UTC alone ("…Z") is a storage
form, shown where the invitation's place is, in UTC only when the invitation itself speaks UTC,
else in the contact number's zone or the person's own — named, and shown in the plan as a guess
with where it came from; a floating time is written as the file writes it, with no zone. Both
languages, drafted through the whole pipeline, the plan's header read as the person reads it."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.cli.plan_view import render_plan

from .recruiter import SITUATIONS, Run, run

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))

_TEXT = {
    "id": ("Wawancara - Analis Data (PT Sinar Nusantara)",
           "Wawancara untuk posisi Analis Data di PT Sinar Nusantara."),
    "en": ("Interview - Data Analyst (Northwind Labs)",
           "Interview for the Data Analyst position at Northwind Labs."),
}  # fmt: skip


def _ics(language: str, start: str, *, location: str = "Google Meet", extra: str = "") -> bytes:
    """A calendar invitation as Google or Outlook writes it, `start` a DTSTART line's tail."""
    summary, description = _TEXT[language]
    lines = [
        "BEGIN:VCALENDAR", "PRODID:-//Sopan tests//EN", "VERSION:2.0", "METHOD:REQUEST",
        "BEGIN:VEVENT", f"DTSTART{start}", "DTSTAMP:20261201T040000Z",
        "ORGANIZER;CN=Sari Wulandari:mailto:sari.wulandari@example.com",
        "UID:zone-shapes-1@example.com",
        "ATTENDEE;CN=Budi Santoso;RSVP=TRUE:mailto:budi.santoso@example.com",
        f"SUMMARY:{summary}", f"DESCRIPTION:{description}{extra}", f"LOCATION:{location}",
        "END:VEVENT", "END:VCALENDAR", "",
    ]  # fmt: skip
    return "\r\n".join(lines).encode()


def _run(data: bytes) -> Run:
    done = run(data, "invitation.ics", SITUATIONS[0], NOW)
    assert isinstance(done, Run), done
    return done


def _email(r: Run) -> str:
    return next(d.text for d in r.drafts if d.channel == "email")


def _header(r: Run) -> str:
    return render_plan(r.plan, r.invitation).split("\n\n", 1)[0]


# (DTSTART, location, extra description, the e-mail's time, its zone, the zone's origin)
SHAPES = [
    # Google Calendar: UTC alone, an online meeting: the person's zone, a guess from it
    (":20261210T020000Z", "Google Meet", "", "09", "WIB", "yours"),
    # UTC alone at a venue in Paris: Paris time, a guess from the place
    (":20261210T020000Z", "12 Rue de Rivoli, 75004 Paris, France", "", "03", "CET", "place"),
    # UTC alone at a venue in Makassar: WITA
    (":20261210T020000Z", "Gedung Graha Pena, Makassar", "", "10", "WITA", "place"),
    # UTC alone, a number with its calling code: that country's zone
    (":20261210T020000Z", "Zoom", " Questions: +1 212 555 0147.", "21", "EST", "number"),
    # the invitation itself speaks UTC: UTC, as it writes it
    (":20261210T020000Z", "Zoom", " Start: 02:00 UTC.", "02", "UTC", None),
    # a TZID: the organizer's zone, kept
    (";TZID=America/New_York:20261210T090000", "Zoom", "", "09", "EST", None),
    (";TZID=Asia/Jakarta:20261210T090000", "Google Meet", "", "09", "WIB", None),
]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("start", "location", "extra", "hour", "label", "origin"), SHAPES)
def test_a_calendar_time_is_written_in_a_zone_the_recruiter_reads(
    language: str, start: str, location: str, extra: str, hour: str, label: str, origin: str | None
) -> None:
    r = _run(_ics(language, start, location=location, extra=extra))
    email, head = _email(r), _header(r)
    if language == "en" and label == "EST":
        # to an American recruiter (regions.us of en): the twelve-hour clock and "ET"
        assert re.search(rf"\b{int(hour) % 12 or 12}:00 [AP]M ET\b", email), email
    else:
        assert re.search(rf"\b{hour}[.:]00\b", email), email
        assert re.search(rf"\b{label}\b", email), email
    assert f"{hour}:00 {label}" in head, head
    if label != "UTC":
        # UTC is how the file stores the moment: never said to a recruiter
        assert not re.search(r"\bUTC\b(?![+-])", email)
        assert not re.search(r"\bUTC\b", head)
    guessed = re.search(r"zona ditebak dari|zone guessed from", head)
    assert bool(guessed) is (origin is not None), head
    assert r.plan.zone_origin == (None if origin is None else r.plan.zone_origin)
    if origin is not None:
        assert r.plan.zone_origin is not None and r.plan.zone_origin[0] == origin
        assert "--set timezone=" in " ".join(head.split())  # and how to correct it
    assert r.shortfalls == [], r.shortfalls


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_floating_time_is_written_as_the_file_writes_it(language: str) -> None:
    r = _run(_ics(language, ":20261210T090000"))
    email, head = _email(r), _header(r)
    assert re.search(r"\b09[.:]00\b", email)
    # no zone the file does not give: the recruiter reads it as their own clock
    assert not re.search(r"\b(?:WIB|UTC|GMT)\b", email), email
    assert re.search(r"zona ditebak dari|zone guessed from", head), head
    assert r.shortfalls == [], r.shortfalls


def test_a_zone_set_for_a_utc_time_moves_the_clock_not_the_moment() -> None:
    from dataclasses import replace

    from sopan.model import Correction
    from sopan.read import read_bytes
    from sopan.read.corrections import apply

    inv = read_bytes(
        _ics("id", ":20261210T020000Z"), now=NOW, user_tz="Asia/Jakarta", origin="x.ics"
    )
    fixed = apply(inv, [Correction("timezone", "Asia/Makassar", "Asia/Makassar")],
                  user_tz="Asia/Jakarta")  # fmt: skip
    assert fixed.start == inv.start  # the same moment …
    assert fixed.start is not None and fixed.start.hour == 10  # … at 10.00 WITA
    # a time a message wrote with no zone keeps its clock: 09.00 read in WITA is 09.00 WITA
    text = replace(inv, source="email", timezone="Asia/Jakarta",
                   start=datetime(2026, 12, 10, 9, tzinfo=ZoneInfo("Asia/Jakarta")))  # fmt: skip
    moved = apply(text, [Correction("timezone", "Asia/Makassar", "Asia/Makassar")],
                  user_tz="Asia/Jakarta")  # fmt: skip
    assert moved.start is not None and moved.start.hour == 9
