"""An invitation that asks to confirm on a portal or through a link gets that as the plan's
first step (decline or cancel there), then the written reply; no draft is written for the
portal itself (R2.1). Sentences that only send a confirmation by e-mail, or show a map behind
"click here", ask for no portal."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text
from sopan.read.words import asks_portal, portal_link

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

PORTAL = {
    "id_login_ke_web": (
        "Kepada Yth.\nSaudari Rina\nDi tempat.\n\nKami dari PT Sinar Abadi mengundang Saudari "
        "wawancara kerja pada Senin, 14 Desember 2026 pukul 09.00 WIB.\n\nDemikian surat "
        "panggilan ini dibuat.\n\n# Undangan ini membutuhkan konfirmasi, silahkan login ke web "
        "untuk melakukan konfirmasi.",
        None,
    ),
    "id_akun_dengan_cara": (
        "Halo Rina, selamat! Anda diundang interview posisi Staf Keuangan di PT Maju Jaya pada "
        "Selasa, 15 Desember 2026 pukul 10.00 WIB.\nMohon konfirmasi kehadiran H-1 dengan cara:\n"
        "1. Login ke dalam akun Anda di https://karir.majujaya.co.id\n2. Pilih menu Jadwal.",
        "https://karir.majujaya.co.id",
    ),
    "id_klik_link_slot": (
        "Hallo {{ $name }}, kamu diundang wawancara pada Rabu, 16 Desember 2026 pukul 13.00. "
        "Silahkan klik link disini <{{ $link }}> untuk melakukan konfirmasi kehadiran.",
        None,
    ),
    "en_candidate_portal": (
        "Dear Rina,\n\nWe would like to invite you to an interview for the Analyst role on "
        "Thursday, 17 December 2026 at 10:00 AM.\nPlease confirm your attendance through the "
        "candidate portal.\n\nBest regards,\nTalent Team\nNorthwind",
        None,
    ),
    "en_log_in_accept_decline": (
        "Hi Rina, your interview for Data Analyst at Lumen is set for Friday, 18 December 2026 "
        "at 2 pm. Log in to your account to accept or decline: https://jobs.lumen.io/i/8812.",
        "https://jobs.lumen.io/i/8812",
    ),
}

NO_PORTAL = [
    "Kindly send your confirmation for the interview at hr@escalon.example.\n"
    "Contact number: 0172 464 3839\nClick here for the map.",
    "Please confirm by replying to this email.",
    "Mohon konfirmasi kehadiran dengan membalas pesan ini. Info lowongan lain: klik link di bio.",
    "Visit our website to learn more about us. We look forward to meeting you.",
]


@pytest.mark.parametrize("name", sorted(PORTAL))
def test_a_portal_confirmation_is_the_first_step(name: str) -> None:
    text, link = PORTAL[name]
    assert asks_portal(text) and portal_link(text) == link
    inv = read_text(text, now=NOW)
    for lang in ("id", "en"):
        for sit in (
            Situation(intent="decline", interest="no"),
            Situation(intent="cancel", interest="no", confirmed=True, reason="health"),
        ):
            plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
            first = plan.steps[0]
            assert first.channel == "portal" and first.guideline == "R2.1"
            if link is not None:
                assert link in first.why
            assert "{{" not in first.why and "$link" not in first.why
            assert len(plan.steps) > 1  # the written reply (or the call) follows
            drafts = compose(plan, inv, sit, PROFILE, now=NOW)
            assert drafts and all(d.channel != "portal" for d in drafts)


@pytest.mark.parametrize("text", NO_PORTAL)
def test_a_confirmation_elsewhere_asks_for_no_portal(text: str) -> None:
    assert not asks_portal(text)


def test_the_written_reply_after_the_portal_is_not_called_the_first_step() -> None:
    inv = read_text(PORTAL["id_login_ke_web"][0], now=NOW)
    plan = make_plan(inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang="id")
    assert "langkah pertama" not in plan.steps[1].why
    plan = make_plan(inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang="en")
    assert "first step" not in plan.steps[1].why
