"""Wording a recruiter reads closely: an interview missed, an interview with no date, a role
the reader could not tell from the company, a letter with no company to address, a confirmed
interview apologised for as a change, English dates and times in a sentence. Each rule over
several invitations and both languages where it has words."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest

from sopan.compose import compose
from sopan.model import CHANNELS, Contact, Draft, Invitation, Situation, Urgency

from .compose_cases import JKT, NOW, PROFILE, invitation, plan, situation, sparse_invitation

WITHDRAW = re.compile(r"mengundurkan diri|withdraw", re.I)
RESCHEDULE_HOPE = re.compile(r"dijadwalkan ulang|reschedul|another time", re.I)


def drafts(
    inv: Invitation,
    sit: Situation,
    lang: str,
    *,
    level: str = "ok",
    channels: tuple[str, ...] = CHANNELS,
) -> dict[str, Draft]:
    pl = replace(plan(lang, sit.intent or "decline"), urgency=Urgency(72.0, level))  # type: ignore[arg-type]
    made = compose(pl, inv, sit, PROFILE, now=NOW, channels=channels)
    return {d.channel: d for d in made}


def _invitations(lang: str) -> list[Invitation]:
    full = invitation(lang)
    return [
        full,
        replace(full, contact=Contact(None, None, "021-555-0100"), reference=None),
        replace(sparse_invitation(lang), contact=Contact(None, None, "0812-7777-8888")),
    ]


# --- an interview already missed (C0) ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_a_missed_interview_still_wanted_asks_to_reschedule_once_and_never_withdraws(
    lang: str, index: int
) -> None:
    inv = _invitations(lang)[index]
    sit = replace(situation(lang, "cancel", "health"), interest="yes", confirmed=True)
    for channel, d in drafts(inv, sit, lang, level="past").items():
        if channel in ("calendar", "linkedin"):
            continue
        assert not WITHDRAW.search(d.text), (channel, d.text)
        hopes = [s for s in re.split(r"(?<=[.!?])\s+", d.text) if RESCHEDULE_HOPE.search(s)]
        assert len(hopes) == 1, (channel, hopes)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_missed_interview_no_longer_wanted_withdraws_and_asks_nothing(lang: str) -> None:
    sit = replace(situation(lang, "decline", "not-a-fit"), interest="no")
    for inv in _invitations(lang):
        for channel in ("email", "letter", "whatsapp", "call"):
            text = drafts(inv, sit, lang, level="past")[channel].text
            assert WITHDRAW.search(text), (channel, text)
            assert not RESCHEDULE_HOPE.search(text), (channel, text)


# --- an interview with no date ----------------------------------------------------------------


@pytest.mark.parametrize(
    "intent", ["decline", "cancel", "reschedule", "online"], ids=lambda i: str(i)
)
def test_a_chat_or_a_call_names_an_undated_interview_as_the_one_arranged(intent: str) -> None:
    inv = replace(sparse_invitation("id"), contact=Contact(None, None, "0812-7777-8888"))
    out = drafts(inv, situation("id", intent, "personal", slots=False), "id")
    for channel in ("whatsapp", "call", "voicemail"):
        text = out[channel].text
        assert not re.search(r"wawancara[.,]", text), (channel, text)
        if channel != "call" or intent != "online":
            assert "wawancara yang sudah dijadwalkan" in text, (channel, text)


def test_a_dated_interview_is_named_by_its_date_in_a_chat() -> None:
    out = drafts(invitation("id"), situation("id", "cancel", "personal"), "id")
    assert "yang sudah dijadwalkan" not in out["whatsapp"].text
    assert "Senin, 23 November" in out["whatsapp"].text


# --- a role the reader could not tell from the company ----------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("company", ["Syjura Coffee", "PT Maju Bersama", "Bright Star Ltd"])
def test_a_position_that_is_the_companys_name_is_not_written_as_a_role(
    lang: str, company: str
) -> None:
    inv = replace(invitation(lang), company=company, position=company.upper())
    for channel, d in drafts(inv, situation(lang, "decline", "personal"), lang).items():
        assert not re.search(
            rf"(?i)posisi {re.escape(company)}|{re.escape(company)} (role|position)", d.text
        ), channel


# --- a letter with no company -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_letter_with_no_company_leaves_no_gap_in_its_head(lang: str) -> None:
    for inv in (
        sparse_invitation(lang),
        replace(invitation(lang), company=None, contact=Contact()),
    ):
        text = drafts(inv, situation(lang, "cancel", "personal"), lang, channels=("letter",))[
            "letter"
        ].text
        head = text.split("Dengan hormat" if lang == "id" else "Dear")[0]
        assert "\n\n\n" not in head, head
        if lang == "id":
            assert re.search(r"Yth\. [^\n]+\n[^\n]+\n", head), head  # an address or "di tempat"


# --- what a confirmed interview is apologised for ---------------------------------------------


@pytest.mark.parametrize("level", ["ok", "late"])
def test_a_confirmed_interview_is_apologised_for_as_a_change_not_for_confirming(level: str) -> None:
    sit = replace(situation("id", "cancel", "health"), confirmed=True)
    for inv in _invitations("id")[:2]:
        for channel, d in drafts(inv, sit, "id", level=level).items():
            apology = [s for s in re.split(r"(?<=[.!?])\s+", d.text) if "maaf" in s.lower()]
            if channel in ("calendar", "linkedin"):
                continue
            assert len(apology) == 1, (channel, apology)
            # the change apologised for is named as what it is (a cancellation), or is the
            # news the apology opens ("Mohon maaf, meski sudah konfirmasi hadir, saya tidak
            # dapat mengikuti …")
            changed = r"perubahan|pembatalan|tidak dapat mengikuti|membatalkan"
            assert re.search(changed, apology[0]), (channel, apology)
            assert re.search(r"konfirmasi|mengonfirmasi", apology[0]), (channel, apology)


# --- English dates in a sentence --------------------------------------------------------------


def test_an_english_date_and_time_read_as_on_a_day_at_a_time() -> None:
    for hour in (9, 14, 17):
        inv = replace(invitation("en"), start=datetime(2026, 11, 23, hour, 0, tzinfo=JKT))
        email = drafts(inv, situation("en", "decline", "personal"), "en")["email"].text
        assert f"on Monday, 23 November 2026 at {hour:02d}:00 (WIB, UTC+7)" in email
        assert f"2026, {hour:02d}:00" not in email


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("PT. INDONESIA TRANS NETWORK", "PT Indonesia Trans Network"),
        ("PT BANK CENTRAL ASIA TBK", "PT Bank Central Asia Tbk"),
        ("SAFEWAY INC.", "Safeway Inc."),
        ("BCA", "BCA"),
        ("PT Sinar Nusantara", "PT Sinar Nusantara"),
    ],
)
def test_a_company_in_capitals_is_written_as_a_name(written: str, said: str) -> None:
    from sopan.read.casing import as_name

    assert as_name(written) == said
