"""Each thing said once, in the order a recruiter reads it (R2.1, R4, R5): own words that state
the decision are the news, not said again before them; a reschedule gives the news, then its
reason, then asks with its times; a confirmed cancellation apologises without a second
"membatalkan"; own words in another language than the draft are flagged by the plan.
Invitations and own words written for this test, both languages."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import Profile, Situation, Slot
from sopan.plan import make_plan
from sopan.read import read_text

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=JKT)
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")
INV = {
    "id": (
        "Yth. Saudari Rina,\nKami mengundang Anda wawancara posisi Analis Data di PT Sinar Makmur "
        "pada Kamis, 10 Desember 2026 pukul 10.00 WIB di Jl. Sudirman 5, Jakarta. Balas email ini "
        "ke dewi@sinarmakmur.example.\nHormat kami,\nDewi Lestari"
    ),
    "en": (
        "Dear Rina,\nWe would like to invite you to an interview for the Data Analyst role at "
        "Bluefin Labs on Thursday, 10 December 2026 at 10:00 AM WIB. Please reply to "
        "hr@bluefin.example.\nBest regards,\nTom Reed"
    ),
}
#: own words that say the decision themselves, and the verb they share with the draft's
OWN = [
    (
        "id",
        "decline",
        "Setelah saya pertimbangkan lagi, saya ingin tetap fokus di bidang data dan tidak "
        "melanjutkan ke posisi ini.",
        "tidak melanjutkan",
    ),
    (
        "id",
        "decline",
        "Saya memutuskan mengundurkan diri karena ingin fokus menyelesaikan kuliah.",
        "mengundurkan diri",
    ),
    (
        "id",
        "cancel",
        "Saya harus membatalkan kehadiran karena ada urusan keluarga mendadak.",
        "membatalkan",
    ),
    (
        "en",
        "decline",
        "After some thought I've decided to withdraw and stay in my current role.",
        "withdraw",
    ),
    ("en", "cancel", "A family matter came up, so I have to cancel.", "cancel"),
]


def _email(lang: str, sit: Situation) -> str:
    inv = read_text(INV[lang], now=NOW)
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    drafts = compose(plan, inv, sit, PROFILE, now=NOW, channels=["email"])
    return next(d.text for d in drafts if d.channel == "email")


@pytest.mark.parametrize(("lang", "intent", "own", "verb"), OWN, ids=lambda v: str(v)[:20])
def test_own_words_that_decide_are_the_news_said_once(
    lang: str, intent: str, own: str, verb: str
) -> None:
    sit = Situation(intent=intent, reason="other", reason_text=own, interest="no")  # type: ignore[arg-type]
    text = _email(lang, sit)
    assert own in text
    assert len(re.findall(rf"(?i)\b{verb}", text)) == 1, text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_reschedule_gives_its_reason_before_it_asks(lang: str) -> None:
    sit = Situation(
        intent="reschedule",
        reason="schedule-conflict",
        alternatives=(
            Slot(
                datetime(2026, 12, 11, 10, 0, tzinfo=JKT), datetime(2026, 12, 11, 11, 0, tzinfo=JKT)
            ),
            Slot(
                datetime(2026, 12, 14, 14, 0, tzinfo=JKT), datetime(2026, 12, 14, 15, 0, tzinfo=JKT)
            ),
        ),
    )
    text = _email(lang, sit)
    reason = {"id": "jadwal lain", "en": "commitment"}[lang]
    asked = text.index("?")
    assert text.index(reason) < asked, text
    # the time is the news's: the reason does not say it again
    assert not re.search(r"(?i)pada waktu yang sama|the time clashes", text), text


def test_a_confirmed_cancellation_says_cancel_once() -> None:
    sit = Situation(intent="cancel", reason="relocation", confirmed=True, interest="no")
    text = _email("id", sit)
    assert len(re.findall(r"membatalkan", text)) == 1, text


@pytest.mark.parametrize(
    ("lang", "own", "flagged"),
    [
        ("id", "I want to stay in data analysis and not move to a business role.", True),
        ("en", "Saya ingin tetap fokus di bidang data dan tidak pindah ke posisi bisnis.", True),
        ("id", "Saya ingin tetap fokus di bidang data.", False),
        ("en", "I want to stay in data.", False),
    ],
)
def test_own_words_in_another_language_are_flagged(lang: str, own: str, flagged: bool) -> None:
    inv = read_text(INV[lang], now=NOW)
    sit = Situation(intent="decline", reason="other", reason_text=own, interest="no")
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    # the warning names the language the words are written in
    named = {"id": "bahasa Inggris", "en": "Indonesian"}[lang]
    assert any(n.guideline == "R4" and named in n.text for n in plan.warnings) is flagged


@pytest.mark.parametrize(
    ("lang", "own", "verb", "withdrawn"),
    [
        ("id", "Saya tidak dapat hadir karena ban motor saya bocor di jalan.", "tidak dapat hadir",
         "mengundurkan diri"),
        ("en", "I was unable to attend because my train was cancelled.", "unable to attend",
         "withdrawing"),
    ],
)  # fmt: skip
def test_a_missed_interview_in_own_words_is_withdrawn_from_without_saying_it_twice(
    lang: str, own: str, verb: str, withdrawn: str
) -> None:
    inv = read_text(INV[lang], now=NOW)
    later = datetime(2026, 12, 10, 15, 0, tzinfo=JKT)  # after the interview
    sit = Situation(intent="cancel", reason="other", reason_text=own, interest="no")
    plan = make_plan(inv, sit, PROFILE, now=later, lang=lang)
    for d in compose(plan, inv, sit, PROFILE, now=later, channels=["email"]):
        assert own in d.text
        assert d.text.count(verb) == 1, d.text
        assert withdrawn in d.text, d.text
