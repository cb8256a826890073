"""Moves and faults as people write them, and the false alarms that must stay quiet: each a
way of writing, on the project's own short texts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.lint import LintOptions, detect_moves, lint_text
from sopan.lint.spelling import is_known
from sopan.model import Contact, Invitation

INVITATION = Invitation(
    language="id",
    source="email",
    start=datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
    timezone="Asia/Jakarta",
    contact=Contact("Sari Wulandari"),
)


def rules(text: str, **given: object) -> set[str]:
    return {f.rule for f in lint_text(text, LintOptions(**given)).findings}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I am no longer available for this position.", "en"),
        ("I cannot attend due to work.", "en"),
        ("I have a prior commitment that day.", "en"),
        ("I have ultimately chosen another opportunity.", "en"),
        ("Something unexpected has come up.", "en"),
        ("My motorbike broke down on the way.", "en"),
        ("Mohon maaf, saya ada agenda lain.", "id"),
        ("Motor saya mogok di jalan.", "id"),
        ("Saya sudah diterima bekerja di tempat lain.", "id"),
    ],
)
def test_any_stated_cause_is_a_reason(text: str, lang: str) -> None:
    assert detect_moves(text, lang)["reason"]


def test_a_generic_reason_is_a_reason_and_a_vague_reason_warning() -> None:
    text = "Something came up, so I cannot attend the interview on 23 November."
    assert detect_moves(text, "en")["reason"]
    assert "vague_reason" in rules(text, language="en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I need to cancel the interview scheduled with [Company Name] on [Day, Month].", "en"),
        ("I cannot make the scheduled time.", "en"),
        ("Saya tidak dapat hadir pada jadwal yang telah ditentukan.", "id"),
        ("Saya tidak dapat hadir pada {{tanggal_wawancara}}.", "id"),
    ],
)
def test_the_interview_reference_as_people_write_it(text: str, lang: str) -> None:
    assert detect_moves(text, lang)["interview_ref"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Could we do August 15 or 16? I am free any time after 1 p.m.", "en"),
        ("Would the day after work for you?", "en"),
        ("Bisakah dijadwalkan satu hari setelah jadwal semula?", "id"),
        ("K. 3 pm aku tak bisa, coba jadwalkan jam 7 pm untukku", "id"),
        ("Kalau besok sore bagaimana, Bu?", "id"),
    ],
)
def test_alternatives_offered_by_day_time_range_or_relative_day(text: str, lang: str) -> None:
    assert detect_moves(text, lang)["alternatives"]


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Makasih ya kak", "thanks"),
        ("Terimak kasih", "thanks"),
        ("Trims.", "thanks"),
        ("Sori kak, mendadak", "apology"),
        ("Aku gak bisa datang besok", "decision"),
        ("Wawancaranya batal saja ya", "decision"),
    ],
)
def test_colloquial_thanks_apology_and_decision(text: str, move: str) -> None:
    assert detect_moves(text, "id")[move]


@pytest.mark.parametrize(
    "text",
    [
        "Perusahaan Bapak tidak fleksibel, jadi ini bukan salah saya.",
        "Ini terjadi gara-gara kalian.",
        "Tim HRD kurang profesional.",
        "Kalian yang salah, bukan saya.",
    ],
)
def test_indonesian_blame_is_an_error(text: str) -> None:
    assert "blame" in rules(text, language="id")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Aku tak butuh pekerjaan ini.", "id"), ("Thanks for nothing.", "en")],
)
def test_sarcasm_is_an_error(text: str, lang: str) -> None:
    assert "sarcasm" in rules(text, language=lang)


def test_naming_the_new_employer_is_info_unless_the_user_chose_to() -> None:
    text = "I have accepted an offer from Northwind Analytics, so I withdraw."
    found = lint_text(text, LintOptions(language="en")).findings
    assert [f.level for f in found if f.rule == "names_employer"] == ["info"]
    assert "names_employer" not in rules(text, language="en", new_employer="Northwind Analytics")


def test_a_time_in_utc_plus_seven_is_the_same_as_in_wib() -> None:
    same = "Terima kasih atas undangan wawancara pada 23 November 2026 pukul 14.30 UTC+7."
    assert "date_mismatch" not in rules(same, language="id", invitation=INVITATION)
    assert "foreign_zone" in rules(same, language="id", invitation=INVITATION)
    wib = same.replace("UTC+7", "WIB")
    assert {"date_mismatch", "foreign_zone"}.isdisjoint(
        rules(wib, language="id", invitation=INVITATION)
    )


@pytest.mark.parametrize(
    ("text", "lang", "local"),
    [("Saya dapat hadir pukul 07.30 UTC.", "id", "14.30 WIB"),
     ("I can attend at 07:30 UTC.", "en", "14:30 WIB")],
)  # fmt: skip
def test_a_time_in_utc_is_written_as_the_recruiter_reads_it(
    text: str, lang: str, local: str
) -> None:
    found = lint_text(text, LintOptions(language=lang, invitation=INVITATION)).findings
    (zone,) = [f for f in found if f.rule == "foreign_zone"]
    assert local in zone.message


@pytest.mark.parametrize("written", ["24/11/2026", "Tuesday 24th November", "24 Nov 2026"])
def test_a_date_that_contradicts_the_invitation_in_any_form(written: str) -> None:
    text = f"Terima kasih atas undangan wawancara pada {written} pukul 14.30 WIB."
    assert "date_mismatch" in rules(text, language="id", invitation=INVITATION)


@pytest.mark.parametrize(
    "word",
    [
        "dipindahtugaskan",
        "menjadwalkan",
        "penjadwalan",
        "ketidaknyamanan",
        "mempertimbangkan",
        "diinformasikan",
        "pemberitahuannya",
        "sepengetahuan",
        "berhalangan",
        "kira-kira",
    ],
)
def test_indonesian_affixed_words_are_known(word: str) -> None:
    assert is_known(word, "id")


@pytest.mark.parametrize("word", ["wawancra", "terimaksih", "jadwall"])
def test_misspellings_stay_misspellings(word: str) -> None:
    assert not is_known(word, "id")
