"""The address a calendar answer goes from, whatever a broken calendar lists as attendees."""

from __future__ import annotations

from sopan.model import Invitation, Profile
from sopan.plan import own_address

PROFILE = Profile(name="Rina Kartika Sari", email="rina@example.com")


def test_the_listed_address_is_the_profiles() -> None:
    inv = Invitation(language="id", source="ics", attendees=("Rina <RINA@example.com>",))
    assert own_address(inv, PROFILE) == ("RINA@example.com", True)


def test_an_attendee_no_header_could_hold_is_passed_over() -> None:
    # nested comments make the standard library's parser recurse once each
    broken = "(" * 30_000 + "x@example.com" + ")" * 30_000
    inv = Invitation(language="id", source="ics", attendees=(broken,))
    assert own_address(inv, PROFILE) == ("rina@example.com", True)
