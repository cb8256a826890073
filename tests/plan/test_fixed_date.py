"""An invitation that says its date cannot be moved ("kesempatan terakhir", "tidak dapat
dijadwalkan ulang", "no rescheduling") gets no reschedule recommended, with the words that
say why; a reschedule asked for anyway stands, warned (C0)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

FIXED = {
    "id_kesempatan_terakhir": (
        "Yth. Peserta Tes Online Gelombang 3,\nTes dilaksanakan Kamis, 17 Desember 2026 pukul "
        "09.00 WIB melalui Zoom. Pelaksanaan ini merupakan kesempatan terakhir bagi peserta.\n"
        "Hormat kami,\nTim Rekrutmen PT Sehat Sentosa",
        "kesempatan terakhir",
    ),
    "id_tidak_dapat_dijadwalkan_ulang": (
        "Halo Rina, interview posisi Admin di CV Makmur Senin, 14 Desember 2026 pukul 10.00 di "
        "Jl. Riau 8 Bandung. Jadwal tidak dapat dijadwalkan ulang ya.",
        "tidak dapat dijadwalkan ulang",
    ),
    "en_no_rescheduling": (
        "Dear Rina,\nYour assessment day is on Tuesday, 15 December 2026 at 9:00 AM at our "
        "Singapore office. Please note there will be no rescheduling.\nBest regards,\nTalent Team",
        "no rescheduling",
    ),
    "en_cannot_be_rescheduled": (
        "Hi Rina, your panel interview is Wednesday, 16 December 2026 at 2 pm. As the panel "
        "flies in for the day, this slot cannot be rescheduled.\nThanks,\nJo",
        "cannot be rescheduled",
    ),
}
FREE = {
    "id": "Halo Rina, interview posisi Admin di CV Makmur Senin, 14 Desember 2026 pukul 10.00 "
    "di Jl. Riau 8 Bandung. Mohon konfirmasinya ya.",
    "en": "Dear Rina,\nYour interview is on Tuesday, 15 December 2026 at 9:00 AM at our office."
    "\nBest regards,\nTalent Team",
}


def _said(plan) -> str:  # type: ignore[no-untyped-def]
    return " ".join(n.text for n in plan.warnings)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", sorted(FIXED))
def test_no_reschedule_recommended_where_the_date_cannot_move(name: str, lang: str) -> None:
    text, words = FIXED[name]
    inv = read_text(text, now=NOW)
    for sit in (
        Situation(),  # nothing chosen, unsure about the job
        Situation(intent="cancel", interest="yes", confirmed=True, reason="health"),
        Situation(intent="decline", interest="unsure", reason="schedule-conflict"),
    ):
        plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
        assert plan.action != "reschedule" and plan.recommendation is None
        assert words in _said(plan)
    asked = make_plan(inv, Situation(intent="reschedule"), PROFILE, now=NOW, lang=lang)
    assert asked.action == "reschedule"  # the person's choice stands
    assert words in _said(asked)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_date_that_may_move_still_gets_a_reschedule_recommended(lang: str) -> None:
    inv = read_text(FREE[lang], now=NOW)
    plan = make_plan(inv, Situation(), PROFILE, now=NOW, lang=lang)
    assert plan.action == "reschedule"
    cancel = Situation(intent="cancel", interest="yes", confirmed=True, reason="health")
    assert make_plan(inv, cancel, PROFILE, now=NOW, lang=lang).recommendation == "reschedule"
