"""The calendar answer names the user as the invitation knows them, and names the
occurrence of a recurring series it answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.compose.itip import build_itip
from sopan.model import Invitation

from .compose_cases import NOW, PROFILE, invitation, plan, situation

JKT = ZoneInfo("Asia/Jakarta")


def _event(inv: Invitation, action: str = "decline") -> Any:
    (draft,) = compose(
        plan("en", action),
        inv,
        situation("en", action, "schedule-conflict"),
        PROFILE,
        now=NOW,
        channels=["calendar"],
    )
    cal = build_itip(draft, inv, PROFILE, now=NOW)
    return next(iter(cal.walk("VEVENT")))


@pytest.mark.parametrize(
    ("listed", "want"),
    [
        # the profile's own address, listed in another case: the invitation's spelling
        (("Andi Pratama <Andi.Pratama@Example.com>",), "mailto:Andi.Pratama@Example.com"),
        # listed under another address, with the user's name: that address
        (("Rina Wijaya <r@x.example>", "Andi Pratama <andi@kantor.example>"),
         "mailto:andi@kantor.example"),
        # not listed at all: the profile's address
        (("Rina Wijaya <rina@x.example>",), f"mailto:{PROFILE.email}"),
        # two people named like the user: not a guess, the profile's address
        (("Andi Pratama <a1@x.example>", "andi pratama <a2@x.example>"), f"mailto:{PROFILE.email}"),
    ],
)  # fmt: skip
def test_attendee_is_the_address_the_invitation_lists(listed: tuple[str, ...], want: str) -> None:
    event = _event(replace(invitation("en"), attendees=listed))
    assert str(event["ATTENDEE"]) == want


@pytest.mark.parametrize(
    ("listed", "sent_to", "want"),
    [
        # several attendees, none the profile's: the one the e-mail was sent to
        (("Rina Wijaya <rina@x.example>", "Tamu <tamu@x.example>", "A <andi.kerja@kantor.example>"),
         ("andi.kerja@kantor.example",), "mailto:andi.kerja@kantor.example"),
        # sent to several, one of them listed: that one
        (("Rina Wijaya <rina@x.example>", "Budi <b@x.example>", "Andi <andi@rumah.example>"),
         ("tim@x.example", "andi@rumah.example"), "mailto:andi@rumah.example"),
        # not listed at all, sent to one address: that address, never the profile's
        (("Rina Wijaya <rina@x.example>",), ("andi@rumah.example",), "mailto:andi@rumah.example"),
        # the profile's own address listed wins over where the copy was sent
        ((f"Andi <{PROFILE.email}>", "x <andi@rumah.example>"), ("andi@rumah.example",),
         f"mailto:{PROFILE.email}"),
    ],
)  # fmt: skip
def test_attendee_is_the_address_the_invitation_was_sent_to(
    listed: tuple[str, ...], sent_to: tuple[str, ...], want: str
) -> None:
    event = _event(replace(invitation("en"), attendees=listed, recipients=sent_to))
    assert str(event["ATTENDEE"]) == want


def test_an_occurrence_of_a_series_is_named_by_its_recurrence_id() -> None:
    original = datetime(2026, 11, 23, 9, 0, tzinfo=JKT)
    event = _event(replace(invitation("en"), recurrence_id=original))
    assert event["RECURRENCE-ID"].dt == original


def test_a_single_event_has_no_recurrence_id() -> None:
    assert _event(invitation("en")).get("RECURRENCE-ID") is None


def test_an_emailed_calendar_invitation_is_answered_from_the_address_it_was_sent_to() -> None:
    from pathlib import Path

    from sopan.read import read_bytes

    path = Path(__file__).parents[1] / "fixtures" / "recruiter"
    path = path / "en_email_calendar_sent_to_work_address.eml"
    inv = read_bytes(path.read_bytes(), now=NOW, user_tz="Asia/Jakarta", origin=path.name)
    assert inv.recipients == ("budi.s@work-mail.example",)
    # four attendees, none the profile's address, none named as the profile is
    assert str(_event(inv)["ATTENDEE"]) == "mailto:budi.s@work-mail.example"


@pytest.mark.parametrize(
    ("listed", "sent_to", "want"),
    [
        # the profile's own address: the profile's name
        (("Rina <rina@x.example>", f"A. P. <{PROFILE.email}>"), (), PROFILE.name),
        # another address, listed with a name: the name the invitation gives it
        (("Rina Wijaya <rina@x.example>", "Andi P <andi@kantor.example>"),
         ("andi@kantor.example",), "Andi P"),
        # another address listed with no name: no name at all, never the profile's
        (("Rina Wijaya <rina@x.example>", "ben@other.example"), (), None),
        (("Rina Wijaya <rina@x.example>",), ("someone@rumah.example",), None),
    ],
)  # fmt: skip
def test_the_profiles_name_only_on_its_own_address(
    listed: tuple[str, ...], sent_to: tuple[str, ...], want: str | None
) -> None:
    event = _event(replace(invitation("en"), attendees=listed, recipients=sent_to))
    cn = event["ATTENDEE"].params.get("CN")
    assert (str(cn) if cn is not None else None) == want
    if str(event["ATTENDEE"]).lower() != f"mailto:{PROFILE.email}".lower():
        assert cn != PROFILE.name
