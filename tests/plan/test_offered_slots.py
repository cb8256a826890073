"""Two or more times offered to choose from ("June 10, 11am or June 11, 2pm"): a decline or a
cancellation needs none of them — nothing stops to ask which, the plan counts the time left
to the earliest and says so, and no draft names one as the appointment; a reschedule or an
online interview still needs one (R1). One time read two ways (a weekday that does not match
its date) is no offer and is still asked."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.app.base import NO_ASKER
from sopan.app.reading import need_slot
from sopan.compose import compose
from sopan.errors import UserError
from sopan.language.dateforms import when_text
from sopan.model import Profile, Situation
from sopan.plan import make_plan, offered_starts
from sopan.read import read_text

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

OFFERED = {
    "en_or": "Subject: Interview Invitation - Data Scientist\n\nWe'd like to invite you to a "
    "technical screening for the Data Scientist role. Available: December 10, 11am or "
    "December 11, 2pm.",
    "en_either": "Dear Rina,\nCould you join a video interview for the Analyst role on either "
    "Thursday 10 December 2026 at 10:00 or Friday 11 December 2026 at 14:00?\nBest regards,\nJo",
    "id_atau": "Halo Rina, interview posisi Kasir bisa hari Kamis, 10 Desember 2026 pukul 10.00 "
    "atau Jumat, 11 Desember 2026 pukul 14.00 WIB. Mohon pilih salah satu ya.",
    "id_pilihan_jadwal": "Yth. Saudari Rina,\nPilihan jadwal wawancara: Senin, 14 Desember 2026 "
    "pukul 09.00 atau Selasa, 15 Desember 2026 pukul 13.00.\nHormat kami,\nHRD PT Sinar",
}
_CLOCK = re.compile(r"\b(?:1[0-4][.:]00|9[.:]00|09[.:]00|11 ?am|2 ?pm|1[0-5] (?:Dec|Des))")


@pytest.mark.parametrize("name", sorted(OFFERED))
def test_a_decline_needs_none_of_the_times_offered(name: str) -> None:
    inv = read_text(OFFERED[name], now=NOW)
    assert inv.start is None and any(a.offered for a in inv.ambiguous)
    offered = offered_starts(inv)
    assert len(offered) == 2
    for lang in ("id", "en"):
        for sit in (
            Situation(intent="decline", interest="no", reason="not-a-fit"),
            Situation(intent="cancel", interest="no", confirmed=True, reason="health"),
        ):
            assert need_slot(inv, sit.intent or "", PROFILE, NO_ASKER, strict=True,
                             language=lang, now=NOW) is inv  # fmt: skip
            plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
            assert plan.urgency.hours_left is not None  # to the earliest offered
            said = " ".join(n.text for n in plan.warnings)
            # each time in words, as the person reads a date, never an ISO stamp
            assert when_text(offered[0], inv.timezone, lang, short=True) in said
            assert offered[0].strftime("%Y-%m-%d") not in said
            for d in compose(plan, inv, sit, PROFILE, now=NOW, channels=["email", "whatsapp"]):
                found = _CLOCK.search(d.text)
                assert found is None, (d.channel, found.group(), d.text)


@pytest.mark.parametrize("name", sorted(OFFERED))
def test_a_reschedule_still_needs_one(name: str) -> None:
    inv = read_text(OFFERED[name], now=NOW)
    for action in ("reschedule", "online"):
        with pytest.raises(UserError):
            need_slot(inv, action, PROFILE, NO_ASKER, strict=True, language="id", now=NOW)


@pytest.mark.parametrize(
    "text",
    [
        "Undangan wawancara hari Kamis, 25 September 2026 pukul 10.00 WIB di kantor kami.",
        "Your interview is on Thursday, September 25, 2026 at 10:00 AM at our office.",
    ],
)
def test_one_time_read_two_ways_is_no_offer(text: str) -> None:
    inv = read_text(text, now=datetime(2026, 9, 1, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert inv.ambiguous and not any(a.offered for a in inv.ambiguous)
    assert offered_starts(inv) == ()
