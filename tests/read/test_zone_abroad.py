"""A time written without a zone is read in the zone of where it happens (R1): a venue's city
abroad ("Ikorodu Rd, Lagos", "Location: Berlin") or a contact number with another country's
calling code, never the reader's own zone; the time left is counted there, and the plan shows
no guess. Where no place decides, the zone read is shown as a guess."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

ABROAD = {
    "en_lagos_venue": (
        "We invite you for an aptitude test on Thursday 10th December, 2026.\nTime: 8am\n"
        "Venue: 229 Ikorodu Rd, Ilupeju, Lagos.\nPlease come with your CV.\nACME HR.",
        "Africa/Lagos",
    ),
    "en_location_berlin_day_only": (
        "Subject: Interview invitation for Data Intern\n\nCompany: Nordlicht GmbH\n"
        "Location: Berlin\nWe would like to invite you to an interview on 11 December 2026.",
        "Europe/Berlin",
    ),
    "en_us_city_address": (
        "Dear Rina,\nWe'd like to invite you to an on-site interview on Friday, December 11, "
        "2026 at 10:00 AM.\nAddress: 233 S Wacker Dr, Chicago, IL 60606\nBest regards,\nJane",
        "America/Chicago",
    ),
    "en_phone_calling_code": (
        "Hi Rina, thanks for applying to Kestrel Labs. Your video interview is on Thursday, "
        "10 December 2026 at 15:00. Questions? Call me on +49 30 1234 5678.\nThanks,\nMia",
        "Europe/Berlin",
    ),
    "id_tempat_singapura": (
        "Yth. Saudari Rina,\nKami mengundang Anda wawancara posisi Analis pada Kamis, "
        "10 Desember 2026 pukul 10.00.\nTempat: Marina Bay Financial Centre Tower 2, Singapore\n"
        "Hormat kami,\nHRD PT Lintas Samudra",
        "Asia/Singapore",
    ),
    "id_nomor_malaysia": (
        "Halo Rina, wawancara online posisi Staf Admin hari Kamis, 10 Desember 2026 jam 14.00 "
        "lewat Zoom. Info hubungi Encik Faiz +60 3-2141 8888.",
        "Asia/Kuala_Lumpur",
    ),
    # the venue in the running text, after "our office,": no label, no "Jl."
    "id_kantor_kami_koma": (
        "Yth. Rina,\nKami mengundang Anda wawancara posisi Analis pada Kamis, 10 Desember 2026 "
        "pukul 10.00 di kantor pusat kami, 1 Raffles Place, Singapura.\nHormat kami,\nHRD",
        "Asia/Singapore",
    ),
    "en_our_office_comma": (
        "Dear Rina,\nPlease join us for an interview on Thursday, 10 December 2026 at 10:00 at "
        "our office, 88 Market Street, Singapore.\nKind regards,\nMei Ling",
        "Asia/Singapore",
    ),
}
HOME = {
    "id_nomor_indonesia": (
        "Halo Rina, wawancara online posisi Staf Admin hari Kamis, 10 Desember 2026 jam 14.00 "
        "lewat Zoom. Info hubungi Ibu Sari +62 812 1111 2222.",
        "Asia/Jakarta",
    ),
    "id_jakarta": (
        "Undangan interview Kamis, 10 Desember 2026 pukul 10.00 di Jl. Sudirman 5, Jakarta.",
        "Asia/Jakarta",
    ),
}


def _plan(inv, lang: str):  # type: ignore[no-untyped-def]
    sit = Situation(intent="decline", interest="no")
    return make_plan(inv, sit, PROFILE, now=NOW, lang=lang)


@pytest.mark.parametrize("name", sorted(ABROAD) + sorted(HOME))
def test_a_time_is_read_where_it_happens(name: str) -> None:
    text, zone = {**ABROAD, **HOME}[name]
    inv = read_text(text, now=NOW)
    assert inv.timezone is not None
    that_day = datetime(2026, 12, 10, 12, 0)
    # the zone itself or one with its clock (a Malaysian number: Kuching or Kuala Lumpur)
    want = that_day.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    assert that_day.replace(tzinfo=ZoneInfo(inv.timezone)).utcoffset() == want
    if inv.start is not None:
        assert inv.start.utcoffset() == want
        assert (inv.start.hour, inv.start.minute) != (0, 0)  # the written hour, kept
    for lang in ("id", "en"):
        said = " ".join(n.text for n in _plan(inv, lang).warnings)
        # a place that decides the zone is no guess
        assert "tebakan" not in said and "guess" not in said, said


def test_the_time_left_is_counted_in_that_zone() -> None:
    inv = read_text(ABROAD["en_lagos_venue"][0], now=NOW)
    assert inv.start == datetime(2026, 12, 10, 8, 0, tzinfo=ZoneInfo("Africa/Lagos"))
    plan = _plan(inv, "en")
    # from 10:00 WIB on the 7th (04:00 in Lagos) to 08:00 in Lagos on the 10th: 76 hours
    assert plan.urgency.hours_left == 76
    day_only = read_text(ABROAD["en_location_berlin_day_only"][0], now=NOW)
    # counted to midnight in Berlin (06:00 WIB on the 11th), never to midnight WIB
    assert _plan(day_only, "en").urgency.hours_left == 92


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Technical screening\n\nWe'd like to invite you to a technical screening on "
        "Thursday, 10 December 2026 at 11am.",
        "Hi Rina, your interview is on Thursday, 10 December 2026 at 2 pm. See you!",
    ],
)
def test_where_no_place_decides_the_zone_is_shown_as_a_guess(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.timezone == "Asia/Jakarta" and "timezone" in inv.missing
    for lang, words in (("id", "tebakan"), ("en", "guess")):
        said = " ".join(n.text for n in _plan(inv, lang).warnings)
        assert words in said


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        (
            "We invite you for an interview at our office, Kungsbron 2, Stockholm.\nYour "
            "interview is scheduled for Friday 3 December 2026, at 2 p.m.",
            "Europe/Stockholm",
        ),
        (
            "Kami mengundang Anda wawancara hari Kamis, 5 Desember 2026 pukul 10.00.\n"
            "Tempat: Marina Bay Financial Centre, Singapore",
            "Asia/Singapore",
        ),
    ],
)
def test_the_times_it_may_be_are_read_there_too(text: str, zone: str) -> None:
    """A weekday that does not match its date leaves the day open: each candidate is the
    written hour in the place's zone, as the start is."""
    inv = read_text(text, now=NOW)
    assert inv.timezone == zone
    doubt = next(a for a in inv.ambiguous if a.field == "start")
    for candidate in doubt.candidates:
        at = datetime.fromisoformat(candidate.split(" ", 1)[0])
        assert at.utcoffset() == at.replace(tzinfo=ZoneInfo(zone)).utcoffset()


@pytest.mark.parametrize(
    ("name", "kind"), [("en_lagos_venue", "place"), ("id_nomor_malaysia", "number")]
)
def test_the_header_names_the_place_or_number_the_zone_came_from(name: str, kind: str) -> None:
    from sopan.plan import zone_origin

    inv = read_text(ABROAD[name][0], now=NOW)
    origin = zone_origin(inv)
    assert origin is not None and origin[0] == kind and origin[1]
