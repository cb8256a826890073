"""Every fact says where it came from: a header, a calendar property, a span of the text,
worked out, or the user — in the Invitation, in `read --json` and in the human view."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, Run

from sopan.read import read_file

from .cases import ID_EMAIL, NOW

ICS = FIXTURES / "ics" / "outlook_windows_tzid.ics"
TEXT = FIXTURES / "text" / "id_sd_selesai_wita.txt"


def test_an_email_header_is_a_header_fact() -> None:
    inv = read_file(ID_EMAIL, now=NOW)
    fact = inv.fact("contact.email")
    assert fact is not None and fact.source == "header"
    assert fact.text == "From: rekrutmen@nusantaradata.example" and fact.start is None


def test_a_calendar_property_is_a_calendar_fact() -> None:
    inv = read_file(ICS, now=NOW)
    start, location = inv.fact("start"), inv.fact("location")
    assert start is not None and start.source == "calendar" and "DTSTART" in start.text
    assert location is not None and location.source == "calendar"
    assert inv.location is not None and inv.location in location.text
    assert start.confidence > 0.9


@pytest.mark.parametrize("path", [ID_EMAIL, TEXT], ids=["email body", "pasted text"])
def test_a_text_span_points_into_the_text_shown(path) -> None:  # type: ignore[no-untyped-def]
    inv = read_file(path, now=NOW)
    spans = [f for f in inv.provenance if f.source == "text"]
    assert len(spans) >= 3
    for fact in spans:
        assert fact.start is not None and fact.end is not None
        assert inv.text[fact.start : fact.end] == fact.text
    start = inv.fact("start")
    assert start is not None and start.source == "text"
    assert inv.start is not None and f"{inv.start:%H}" in start.text.replace(".", ":")


def test_an_assumed_zone_is_worked_out_with_a_low_confidence() -> None:
    inv = read_file(FIXTURES / "text" / "en_12_hour_range.txt", now=NOW)
    fact = inv.fact("timezone")
    assert "timezone" in inv.missing
    assert fact is not None and fact.source == "computed" and fact.confidence < 0.5


def test_every_known_field_has_a_fact() -> None:
    inv = read_file(ID_EMAIL, now=NOW)
    known = {
        "start": inv.start,
        "end": inv.end,
        "timezone": inv.timezone,
        "company": inv.company,
        "position": inv.position,
        "mode": inv.mode,
        "location": inv.location,
        "reference": inv.reference,
        "contact.name": inv.contact.name,
        "contact.email": inv.contact.email,
        "contact.phone": inv.contact.phone,
    }
    assert {f for f, v in known.items() if v is not None} == {f.field for f in inv.provenance}


def test_read_json_has_the_provenance_object(run_cli: Run) -> None:
    done = run_cli("read", str(ID_EMAIL), "--json", "--now", "2026-11-20T09:00+07:00")
    found = json.loads(done.stdout)
    prov = found["provenance"]
    assert set(prov["start"]) == {"source", "start", "end", "text", "confidence"}
    assert prov["start"]["source"] == "text" and prov["contact.email"]["source"] == "header"
    assert prov["reference"]["text"] == found["reference"]


def test_the_human_view_shows_the_line_each_fact_came_from(run_cli: Run) -> None:
    done = run_cli("read", str(ID_EMAIL), "--now", "2026-11-20T09:00+07:00")
    lines = done.stdout.splitlines()
    when = next(i for i, line in enumerate(lines) if line.startswith("Waktu:"))
    assert "baris" in lines[when + 1] and "23 November 2026" in lines[when + 1]
    assert any("header From:" in line for line in lines)
