"""A mode said not to be possible is the opposite one: "tidak dapat diikuti secara online" is on
site, and a plan asked to move it online says what the invitation said (R1.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Invitation, Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text
from sopan.read.fields import mode

NOW = datetime(2026, 12, 8, 9, tzinfo=ZoneInfo("Asia/Jakarta"))

_LETTERS = {
    "id": (
        "Yth. Saudara/i,\n\nKami mengundang Anda mengikuti psikotes untuk posisi Staf Gudang di "
        "PT Maju Sentosa pada Selasa, 15 Desember 2026 pukul 08.00 WIB di Jl. Merdeka No. 5, "
        "Semarang. {rule}\n\nHormat kami,\nRekrutmen PT Maju Sentosa"
    ),
    "en": (
        "Dear candidate,\n\nWe invite you to an assessment for the Warehouse Staff role at "
        "Maju Sentosa on Tuesday, 15 December 2026 at 8:00 AM WIB at Jl. Merdeka No. 5, "
        "Semarang. {rule}\n\nBest regards,\nMaju Sentosa Recruitment"
    ),
}


@pytest.mark.parametrize(
    ("language", "rule"),
    [
        ("id", "Tes dilaksanakan secara luring dan tidak dapat diikuti secara online."),
        ("id", "Wawancara tidak bisa dilakukan secara daring."),
        ("id", "Tidak ada opsi online untuk tes ini."),
        ("en", "The assessment is not available online."),
        ("en", "There is no virtual option for this interview."),
        ("en", "It cannot be attended remotely."),
    ],
)
def test_a_negated_online_mode_is_on_site(language: str, rule: str) -> None:
    assert mode(rule, None) == "onsite"
    inv = read_text(_LETTERS[language].format(rule=rule), now=NOW)
    assert inv.mode == "onsite"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation of something else beside an online word negates nothing of the mode
        ("Mohon tidak terlambat masuk ke Zoom.", "online"),
        ("Please do not be late to join the Zoom call.", "online"),
        # a phone interview that needs no camera stays by phone
        ("This is a phone interview, no video needed.", "phone"),
        ("Wawancara via Zoom.", "online"),
    ],
)
def test_other_negations_leave_the_mode(text: str, expected: str) -> None:
    assert mode(text, None) == expected


def test_a_meeting_link_beside_not_online_is_asked() -> None:
    assert mode("Tes tidak dapat diikuti secara online.", "https://zoom.us/j/123") is None


@pytest.mark.parametrize("language", ["id", "en"])
def test_asking_to_join_online_where_it_cannot_be_is_warned(language: str) -> None:
    rule = {"id": "Tes tidak dapat diikuti secara online.", "en": "It is not available online."}
    inv: Invitation = read_text(_LETTERS[language].format(rule=rule[language]), now=NOW)
    profile = Profile(name="Andi Pratama", city="Bandung")
    sit = Situation(intent="online", reason="too-far", interest="yes")
    plan = make_plan(inv, sit, profile, now=NOW, lang=language)
    # the invitation's words, as written
    quoted = {"id": '"tidak dapat diikuti secara online"', "en": '"not available online"'}[language]
    said = [n for n in plan.warnings if n.guideline == "R1.2" and quoted in n.text]
    assert len(said) == 1, [n.text for n in plan.warnings]
    # nothing asked: the plan never recommends moving it online
    plan = make_plan(inv, replace(sit, intent=None), profile, now=NOW, lang=language)
    assert plan.action != "online"
