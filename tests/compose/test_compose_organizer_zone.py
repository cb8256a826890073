"""A calendar invitation's time is quoted as the organizer knows it: in its own zone (its
TZID), or, for a time in UTC alone (a storage form), in the zone of the place it names; with
no place known, UTC is not the recruiter's zone: the person's own is written, named."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.language.zones import city_zone

from .compose_cases import NOW, PROFILE, invitation, plan, situation

START = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
#: the hour and the zone as an English draft to an American reader writes them ("6:30 PM ET")
AMERICAN = {"EST": ("6", "PM ET"), "PST": ("3", "PM PT")}


def _email(language: str, **changes: object) -> str:
    inv = replace(invitation(language), source="ics", reference=None, **changes)  # type: ignore[arg-type]
    (draft,) = compose(
        plan(language, "decline"),
        inv,
        situation(language, "decline", "accepted-offer"),
        PROFILE,
        now=NOW,
        channels=["email"],
    )
    return draft.text


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("location", "hour", "label"),
    [
        ("Olympia Hall, 28 Boulevard des Capucines, 75009 Paris, France", "00", "CET"),
        ("10 Downing Street, London", "23", "GMT"),
        ("One World Trade Center, New York, NY 10007", "18", "EST"),
        ("Marina Bay Financial Centre, Singapore", "07", "SGT"),
        ("Menara BCA, Jl. M.H. Thamrin No. 1, Jakarta", "06", "WIB"),
        ("Gedung Graha Pena, Makassar", "07", "WITA"),
        # no place a zone is named for: the person's own zone, named (never UTC)
        ("Building 4, floor 2", "06", "WIB"),
    ],
)
def test_a_time_in_utc_is_written_where_the_place_is(
    language: str, location: str, hour: str, label: str
) -> None:
    text = _email(language, start=START, end=None, timezone="Etc/UTC", location=location)
    if language == "en" and label in AMERICAN:
        # an American reader's clock and the zone's everyday name (regions.us of en)
        hour, label = AMERICAN[label]
    assert f"{hour}:30" in text or f"{hour}.30" in text
    assert label in text
    if label != "WIB":
        assert "WIB" not in text  # never the candidate's own zone


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("zone", "hour", "label"),
    [("Europe/Paris", "00:30", "CET"), ("America/Los_Angeles", "15:30", "PST"),
     ("Asia/Kolkata", "05:00", "IST")],
)  # fmt: skip
def test_a_calendar_zone_is_kept(language: str, zone: str, hour: str, label: str) -> None:
    start = START.astimezone(ZoneInfo(zone))
    text = _email(language, start=start, end=None, timezone=zone, location="Zoom")
    if language == "en" and label in AMERICAN:
        hour, label = AMERICAN[label]
        hour += ":30 PM"
    assert (hour in text or hour.replace(":", ".") in text) and label in text
    assert "WIB" not in text


@pytest.mark.parametrize(
    ("place", "zone"),
    [("Paris, France", "Europe/Paris"), ("New York, NY", "America/New_York"),
     ("Kuala Lumpur", "Asia/Kuala_Lumpur"), ("the paris office", None), ("Zoom", None),
     ("Christmas party, Room 2", None), ("London or Paris", None)],
)  # fmt: skip
def test_the_city_a_place_names(place: str, zone: str | None) -> None:
    assert city_zone(place) == zone
