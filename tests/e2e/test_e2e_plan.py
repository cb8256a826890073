"""`sopan plan FILE --json` with the real reader: the stages run together through the CLI."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, FIXTURES, Run

from e2e.helpers import NOW, hours_between, init_profile, read_json, run_json

ID_EMAIL = str(EXAMPLES / "undangan_wawancara_id.eml")
EN_EMAIL = str(EXAMPLES / "interview_invitation_en.eml")
ICS = str(FIXTURES / "ics" / "zoom_request_passcode_jakarta.ics")
WHATSAPP = str(FIXTURES / "text" / "id_whatsapp_lusa_no_subject.txt")
MEDAN = str(FIXTURES / "eml" / "id_relative_besok.eml")
WEEKLY = str(FIXTURES / "calendar" / "recurring_exceptions.ics")

RESCHEDULE = ("--intent", "reschedule", "--reason", "health", "--interest", "yes")


def plan(run_cli: Run, path: str, *flags: str, now: str = NOW) -> dict:  # type: ignore[type-arg]
    found = run_json(run_cli, "plan", path, "--now", now, *flags)
    assert set(found) == {
        "action", "urgency", "steps", "conflicts", "checklist", "warnings", "recommendation"
    }  # fmt: skip
    return found  # type: ignore[no-any-return]


def channels(found: dict) -> list[str]:  # type: ignore[type-arg]
    return [step["channel"] for step in found["steps"]]


def guidelines(found: dict) -> list[str]:  # type: ignore[type-arg]
    return [note["guideline"] for note in found["warnings"]]


def test_indonesian_email(run_cli: Run) -> None:
    init_profile(run_cli)
    inv = read_json(run_cli, ID_EMAIL)
    found = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--unconfirmed")
    assert found["action"] == "reschedule"
    assert found["urgency"]["hours_left"] == pytest.approx(hours_between(inv["start"], NOW))
    # an email is answered by email, in its own thread
    assert channels(found)[0] == "email"
    # the reference the reader found is what the checklist asks to quote
    assert any(inv["reference"] in note["item"] for note in found["checklist"])
    # R1.2 from the reader's city (Jakarta) and the profile's (Bandung): about 3 h by road,
    # said when distance is part of the reason (never for being ill)
    assert not [n for n in found["warnings"] if n["guideline"] == "R1.2"]
    far = plan(run_cli, ID_EMAIL, "--intent", "reschedule", "--reason", "too-far", "--interest",
               "yes", "--unconfirmed")  # fmt: skip
    travel = [n["text"] for n in far["warnings"] if n["guideline"] == "R1.2"]
    assert travel and "Jakarta" in travel[0] and "Bandung" in travel[0]


def test_english_email(run_cli: Run) -> None:
    init_profile(run_cli)
    inv = read_json(run_cli, EN_EMAIL)
    assert inv["language"] == "en" and inv["mode"] == "online"
    found = plan(run_cli, EN_EMAIL, *RESCHEDULE, "--unconfirmed", "--lang", "en")
    assert found["action"] == "reschedule"
    assert channels(found)[0] == "email"
    assert found["urgency"]["hours_left"] == pytest.approx(hours_between(inv["start"], NOW))
    # an online interview needs no travel estimate
    assert "R1.2" not in guidelines(found)
    assert any(inv["contact"]["email"] in note["item"] for note in found["checklist"])


def test_calendar_invitation_has_a_calendar_step(run_cli: Run) -> None:
    init_profile(run_cli)
    assert read_json(run_cli, ICS)["source"] == "ics"
    found = plan(run_cli, ICS, "--intent", "cancel", "--reason", "health", "--unconfirmed")
    assert "calendar" in channels(found)
    assert channels(found)[0] == "email"


def test_whatsapp_text_is_answered_on_whatsapp(run_cli: Run) -> None:
    init_profile(run_cli)
    inv = read_json(run_cli, WHATSAPP)
    assert inv["source"] == "text" and inv["contact"]["email"] is None
    found = plan(run_cli, WHATSAPP, *RESCHEDULE, "--unconfirmed")
    assert channels(found)[0] == "whatsapp"
    assert "email" not in channels(found)
    # "lusa" is two days after --now: offered, not asserted (the chat has no date of its own)
    assert inv["start"] is None
    assert inv["ambiguous"][0]["candidates"][0].startswith("2026-11-22T10:00")


@pytest.mark.parametrize(
    ("now", "level"),
    [("2026-11-20T09:00:00+07:00", "ok"), ("2026-11-22T20:00:00+07:00", "late"),
     ("2026-11-23T12:00:00+07:00", "past")],
)  # fmt: skip
def test_urgency_follows_now(run_cli: Run, now: str, level: str) -> None:
    init_profile(run_cli)
    start = read_json(run_cli, ID_EMAIL, now=now)["start"]
    hours = hours_between(start, now)
    assert (hours > 48) == (level == "ok") and (hours <= 0) == (level == "past")
    found = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--confirmed", now=now)
    assert found["urgency"] == {"hours_left": pytest.approx(hours), "level": level}
    # once confirmed, a change is said by voice (C1): first, unless the office is closed then
    # (Sunday 20:00), when the written reply goes first and the call waits for it to open
    assert channels(found)[0] == ("email" if level == "late" else "call")
    assert "call" in channels(found)
    assert ("R2" in guidelines(found)) == (level != "ok")


def test_late_and_confirmed_calls_first_unconfirmed_writes_first(run_cli: Run) -> None:
    init_profile(run_cli)
    late = "2026-11-22T20:00:00+07:00"
    confirmed = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--confirmed", now=late)
    # Sunday 20:00: the office is closed, so the written reply goes first and then the call
    assert confirmed["urgency"]["level"] == "late" and channels(confirmed)[:2] == ["email", "call"]
    ok = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--unconfirmed")
    assert ok["urgency"]["level"] == "ok" and channels(ok)[0] == "email"


def test_calendar_clash_within_travel_time(run_cli: Run) -> None:
    # The weekly meeting ends at 10:00, when the interview starts in Jakarta: with about
    # three hours on the road from Bandung, it clashes (R1.1).
    init_profile(run_cli)
    found = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--unconfirmed", "--calendar", WEEKLY)
    assert [c["summary"] for c in found["conflicts"]] == ["Rapat mingguan tim"]
    assert found["conflicts"][0]["start"] == "2026-11-23T09:00:00+07:00"
    assert "R1.1" in guidelines(found)
    # The same calendar next to the online interview of 30 November: that Monday's meeting
    # was moved to the afternoon (an exception in the series), so nothing clashes.
    online = plan(run_cli, EN_EMAIL, *RESCHEDULE, "--unconfirmed", "--calendar", WEEKLY)
    assert online["conflicts"] == [] and "R1.1" not in guidelines(online)


def test_far_interview_suggests_online(run_cli: Run) -> None:
    init_profile(run_cli, city="Bandung")
    inv = read_json(run_cli, MEDAN)
    assert inv["mode"] == "onsite" and "Medan" in inv["location"]
    decline = ("--intent", "decline", "--reason", "relocation", "--interest", "unsure")
    found = plan(run_cli, MEDAN, *decline, "--unconfirmed")
    # the explicit choice stands; moving online is recommended, with the distance as why
    assert found["action"] == "decline" and found["recommendation"] == "online"
    assert any("Medan" in n["text"] for n in found["warnings"] if n["guideline"] == "R1.2")
    unchosen = plan(run_cli, MEDAN, *decline[2:], "--unconfirmed")
    assert unchosen["action"] == "online" and unchosen["recommendation"] is None


def test_same_city_interview_is_not_moved_online(run_cli: Run) -> None:
    # The travel estimate uses the city the reader named: from Medan itself it is near.
    init_profile(run_cli, city="Medan")
    unsure = ("--reason", "personal", "--interest", "unsure")
    found = plan(run_cli, MEDAN, *unsure, "--unconfirmed")
    assert found["action"] == "reschedule"
    assert "R1.2" not in guidelines(found)


def test_c0_cancel_while_interested_is_advised_not_replaced(run_cli: Run) -> None:
    init_profile(run_cli)
    cancel = ("--intent", "cancel", "--reason", "personal", "--interest", "yes")
    found = plan(run_cli, EN_EMAIL, *cancel, "--unconfirmed")
    assert found["action"] == "cancel" and found["recommendation"] == "reschedule"
    assert "C0" in guidelines(found)
    # only a user sure they do not want the job cancels
    sure = plan(run_cli, EN_EMAIL, *cancel[:4], "--interest", "no", "--unconfirmed")
    assert sure["action"] == "cancel" and "C0" not in guidelines(sure)


def test_onsite_time_without_zone_is_the_citys_local_time(run_cli: Run) -> None:
    # "pukul 09.00" at an office in Makassar is 09.00 WITA, 08.00 in the user's WIB.
    init_profile(run_cli)
    path = str(FIXTURES / "text" / "id_onsite_makassar_no_zone.txt")
    inv = read_json(run_cli, path)
    assert inv["start"] == "2026-11-30T09:00:00+08:00" and "timezone" in inv["missing"]
    far = ("--intent", "reschedule", "--reason", "too-far", "--interest", "yes")
    found = plan(run_cli, path, *far, "--unconfirmed")
    assert found["urgency"]["hours_left"] == pytest.approx(239.0)
    travel = [n["text"] for n in found["warnings"] if n["guideline"] == "R1.2"]
    assert travel and "Makassar" in travel[0]


def test_an_assumed_zone_is_a_warning_a_written_one_is_not(run_cli: Run) -> None:
    init_profile(run_cli)
    path = str(FIXTURES / "text" / "id_onsite_makassar_no_zone.txt")
    found = plan(run_cli, path, *RESCHEDULE, "--unconfirmed")
    # the office's city decides the zone (Makassar: WITA): no warning of a guess
    assumed = [n["text"] for n in found["warnings"] if "09:00 WITA" in n["text"]]
    assert assumed == []
    written = plan(run_cli, str(FIXTURES / "text" / "id_sd_selesai_wita.txt"), *RESCHEDULE)
    assert not any("08:00 WITA" in n["text"] for n in written["warnings"])


def test_the_plan_takes_the_times_the_person_offers_as_the_drafts_do(run_cli: Run) -> None:
    """`--alternative` is a choice of the plan's as of the drafts': with a time of their own,
    the plan no longer asks the person to offer times (R5)."""
    init_profile(run_cli)
    asked = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--unconfirmed")
    offered = plan(run_cli, ID_EMAIL, *RESCHEDULE, "--unconfirmed", "--alternative",
                   "2026-11-27 10:00")  # fmt: skip
    assert "R5" in guidelines(asked) and "R5" not in guidelines(offered)
