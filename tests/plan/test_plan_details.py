"""What the plan says, not only what it decides: overrides, numbers, the JSON shape."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from sopan.model import Busy, Contact, Situation
from sopan.model.contracts import plan_json
from sopan.plan import (
    find_conflicts,
    make_plan,
    urgency_of,
    written_medium,
)

from .test_plan_table import BASE_INV, BASE_PROFILE, END, START


@pytest.mark.parametrize("lang", ["id", "en"])
def test_c0_advice_keeps_the_choice_and_says_how_to_take_it(lang: str) -> None:
    plan = make_plan(
        BASE_INV, Situation(intent="cancel"), BASE_PROFILE, now=START - timedelta(days=3), lang=lang
    )
    assert plan.action == "cancel" and plan.recommendation == "reschedule"
    c0 = [n for n in plan.warnings if n.guideline == "C0"]
    assert len(c0) == 1 and c0[0].ways == ((("intent", "reschedule"),),)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_c0_followed_without_an_intent_says_how_to_decline(lang: str) -> None:
    plan = make_plan(BASE_INV, Situation(), BASE_PROFILE, now=START - timedelta(days=3), lang=lang)
    assert plan.action == "reschedule" and plan.recommendation is None
    c0 = [n for n in plan.warnings if n.guideline == "C0"]
    assert len(c0) == 1 and c0[0].ways == ((("intent", "decline"), ("interest", "no")),)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_c0_warning_differs_when_the_user_wants_the_job(lang: str) -> None:
    now = START - timedelta(days=3)
    unsure = make_plan(BASE_INV, Situation(), BASE_PROFILE, now=now, lang=lang)
    keen = make_plan(BASE_INV, Situation(interest="yes"), BASE_PROFILE, now=now, lang=lang)
    unsure_c0 = next(n.text for n in unsure.warnings if n.guideline == "C0")
    keen_c0 = next(n.text for n in keen.warnings if n.guideline == "C0")
    assert unsure_c0 != keen_c0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_late_call_says_hours_left_once(lang: str) -> None:
    # the warning says how little time is left; the first step says whom to call and why a
    # call, not the hours again (R2)
    now = START - timedelta(hours=5, minutes=30)
    plan = make_plan(BASE_INV, Situation(interest="no"), BASE_PROFILE, now=now, lang=lang)
    assert plan.urgency.hours_left == 5.5
    expected = "5,5" if lang == "id" else "5.5"
    late = [n.text for n in plan.warnings if n.guideline == "R2"]
    assert len(late) == 1 and expected in late[0]
    assert expected not in plan.steps[0].why
    assert "Ibu Sari" in plan.steps[0].why and plan.steps[0].channel == "call"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_far_warning_gives_distance_and_cities(lang: str) -> None:
    inv = replace(BASE_INV, location="Jl. Sudirman 1, Jakarta")
    profile = replace(BASE_PROFILE, city="Surabaya")
    now = START - timedelta(days=3)
    plan = make_plan(inv, Situation(interest="yes"), profile, now=now, lang=lang)
    text = next(n.text for n in plan.warnings if n.guideline == "R1.2")
    assert "Jakarta" in text and "Surabaya" in text and "km" in text
    assert plan.travel_minutes is not None and plan.travel_minutes > 180


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_city_is_named(lang: str) -> None:
    inv = replace(BASE_INV, city="Atlantis")
    sit = Situation(intent="reschedule")
    plan = make_plan(inv, sit, BASE_PROFILE, now=START, lang=lang)
    assert any("Atlantis" in n.text and n.guideline == "R1.2" for n in plan.warnings)
    assert plan.travel_minutes is None


def test_urgency_boundaries() -> None:
    assert urgency_of(None, START).level == "unknown"
    assert urgency_of(START, START).level == "past"
    assert urgency_of(START, START - timedelta(hours=24)).level == "soon"
    assert urgency_of(START, START - timedelta(hours=24) + timedelta(seconds=1)).level == "late"
    assert urgency_of(START, START - timedelta(hours=48)).level == "ok"
    assert urgency_of(START, START - timedelta(hours=48) + timedelta(seconds=1)).level == "soon"
    assert urgency_of(START, START + timedelta(hours=3)).hours_left == -3


def test_written_medium_explains_its_choice() -> None:
    assert written_medium(BASE_INV) == ("email", "email")
    assert written_medium(replace(BASE_INV, source="ics")) == ("email", "ics")
    pasted = replace(BASE_INV, source="text", message_id=None, subject=None, reply_to=None)
    mobile = replace(pasted, contact=Contact(phone="0812 1111 2222"))
    assert written_medium(mobile) == ("whatsapp", "text_phone")
    assert written_medium(replace(pasted, contact=Contact(email="a@b.example"))) == (
        "email",
        "text_email",
    )
    # an office landline takes no chat: with an address, email; without one, phone them
    assert written_medium(pasted) == ("email", "text_email")
    landline = replace(pasted, contact=Contact(phone="+62 22 555 0101"))
    assert written_medium(landline) == (None, "text_landline")
    assert written_medium(replace(pasted, contact=Contact())) == ("whatsapp", "text_none")
    assert written_medium(replace(pasted, subject="Undangan Interview")) == ("email", "email")


def test_conflicts_widened_by_travel_and_sorted() -> None:
    before = Busy(START - timedelta(hours=2), START - timedelta(hours=1), "Rapat pagi")
    after = Busy(END + timedelta(minutes=30), END + timedelta(hours=1), "Makan siang")
    far_after = Busy(END + timedelta(hours=5), END + timedelta(hours=6), "Les")
    entries = [after, far_after, before]
    assert find_conflicts(BASE_INV, entries, 0) == ()
    assert find_conflicts(BASE_INV, entries, 90) == (before, after)
    assert find_conflicts(replace(BASE_INV, start=None), entries, 90) == ()
    no_end = replace(BASE_INV, end=None)  # an hour is assumed
    assert find_conflicts(no_end, [Busy(START + timedelta(minutes=50), END)], 0) != ()


def test_plan_json_has_exactly_the_contract_shape() -> None:
    clash = Busy(START, START + timedelta(minutes=30), "Presentasi", True, "kerja.ics")
    plan = make_plan(
        BASE_INV,
        Situation(intent="cancel", confirmed=True),
        BASE_PROFILE,
        now=START - timedelta(hours=30),
        busy=[clash],
    )
    data = json.loads(json.dumps(plan_json(plan)))
    assert list(data) == [
        "action", "urgency", "steps", "conflicts", "checklist", "warnings", "recommendation"
    ]  # fmt: skip
    assert data["action"] == "cancel" and data["recommendation"] == "reschedule"
    assert data["urgency"] == {"hours_left": 30.0, "level": "soon"}
    assert all(set(s) == {"channel", "why", "guideline"} for s in data["steps"])
    assert data["conflicts"] == [
        {
            "start": START.isoformat(),
            "end": (START + timedelta(minutes=30)).isoformat(),
            "summary": "Presentasi",
            "tentative": True,
            "source": "kerja.ics",
        }
    ]
    assert all(set(n) == {"item", "guideline"} for n in data["checklist"])
    assert all(set(n) == {"text", "guideline", "ways"} for n in data["warnings"])
    advice = next(n for n in data["warnings"] if n["guideline"] == "C0")
    assert advice["ways"] == [{"intent": "reschedule"}]  # the way to follow it, as a choice
