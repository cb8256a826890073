"""A label in capitals with a dash glued to it ("VENUE- …", "DATE- …") labels its value, as
"Venue - …" and "Venue: …" do; a dash glued to an ordinary word labels nothing."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sopan.read import read_text
from sopan.read.labels import split_line

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_a_capital_label_with_a_glued_dash_labels_its_value() -> None:
    assert split_line("VENUE- 12 Marina Road, Lagos") == ("venue", "12 Marina Road, Lagos")
    assert split_line("TEMPAT– Jl. Sudirman 5, Jakarta") == ("tempat", "Jl. Sudirman 5, Jakarta")
    assert split_line("Follow- up with us soon") is None
    assert split_line("We are a well- known firm") is None


def test_the_venue_so_labelled_gives_the_interviews_zone() -> None:
    inv = read_text(
        "Dear Candidate,\n\nYou are invited for an interview.\n\n"
        "VENUE- 12 Marina Road, Victoria Island, Lagos.\n\nDATE - Friday 11th December 2026\n\n"
        "Time - 9am prompt.\n",
        now=NOW,
    )
    assert inv.location is not None and "Lagos" in inv.location
    assert inv.timezone == "Africa/Lagos"
