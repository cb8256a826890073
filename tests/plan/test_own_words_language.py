"""The person's own words are compared with the drafts' language — the invitation's unless
they chose one — never with the language the plan is shown in (R4)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", timezone="Asia/Jakarta", language="id")
INVITATION = {
    "en": "Hi Rina,\nWe would like to invite you to an interview for the Data Analyst role on "
    "Monday, 30 November 2026 at 10:00 AM WIB.\nBest regards,\nMaria Lopez\nNorthbeam Analytics",
    "id": "Halo Rina,\nKami mengundang Anda wawancara posisi Staf Admin pada Senin, 30 November "
    "2026 pukul 10.00 WIB.\nSalam,\nDewi\nHRD PT Maju Jaya",
}
OWN = {"en": "I just moved to Surabaya last week", "id": "saya baru pindah ke Surabaya minggu lalu"}


def _warned(invitation: str, own: str, shown: str, drafts_in: str | None = None) -> bool:
    inv = read_text(INVITATION[invitation], now=NOW)
    sit = Situation(intent="decline", reason="relocation", interest="no", reason_text=OWN[own])
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=shown, drafts_in=drafts_in)
    said = {"id": "Kata-kata Anda sendiri tertulis dalam", "en": "Your own words are written in"}
    return any(said[shown] in n.text for n in plan.warnings)


@pytest.mark.parametrize("shown", ["id", "en"])
@pytest.mark.parametrize(("invitation", "own"), [("en", "en"), ("id", "id")])
def test_own_words_in_the_drafts_language_are_no_warning_whatever_the_plan_s(
    invitation: str, own: str, shown: str
) -> None:
    assert not _warned(invitation, own, shown)


@pytest.mark.parametrize("shown", ["id", "en"])
@pytest.mark.parametrize(("invitation", "own"), [("en", "id"), ("id", "en")])
def test_own_words_in_another_language_than_the_drafts_are_warned(
    invitation: str, own: str, shown: str
) -> None:
    assert _warned(invitation, own, shown)


def test_drafts_in_a_language_the_person_chose_are_what_counts() -> None:
    assert _warned("en", "en", "id", drafts_in="id")
    assert not _warned("en", "id", "id", drafts_in="id")
