"""A chat or e-mail headed in capitals names its company there ("*UNDANGAN INTERVIEW PT KIRANA
FOOD INTERNATIONAL*"): the company is read from the heading, as a sentence writes it ("PT
Kirana Food International"), its form kept ("PT", "CV", "Tbk"); a heading is no button,
though "undangan" is a button's word too. Messages written for this test, both languages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text
from sopan.read.casing import as_name

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
BODY_ID = (
    "\n\nHalo {{ nama }},\nKami mengundang Anda untuk mengikuti interview pada Senin, 30 November "
    "2026 pukul 10.00 WIB.\nMohon konfirmasi kehadiran dengan membalas pesan ini.\n"
    "Terima kasih.\nHRD"
)
BODY_EN = (
    "\n\nHi {{ name }},\nWe would like to invite you to an interview on Monday, 30 November 2026 "
    "at 10:00 AM WIB.\nPlease confirm by replying to this message.\nThanks,\nHR"
)


@pytest.mark.parametrize(
    ("heading", "body", "company"),
    [
        (
            "*UNDANGAN INTERVIEW PT KIRANA FOOD INTERNATIONAL*",
            BODY_ID,
            "PT Kirana Food International",
        ),
        ("_PANGGILAN WAWANCARA CV MAJU JAYA ABADI_", BODY_ID, "CV Maju Jaya Abadi"),
        ("UNDANGAN PSIKOTES PT BANK SINAR HARAPAN TBK", BODY_ID, "PT Bank Sinar Harapan Tbk"),
        ("*UNDANGAN WAWANCARA PT SUMBER DAN MAKMUR*", BODY_ID, "PT Sumber dan Makmur"),
        ("*INTERVIEW INVITATION PT GLOBAL DATA NUSANTARA*", BODY_EN, "PT Global Data Nusantara"),
        ("UNDANGAN INTERVIEW – PT. ARTHA BUANA SEJAHTERA", BODY_ID, "PT Artha Buana Sejahtera"),
    ],
)
def test_the_company_is_read_from_a_heading_in_capitals(
    heading: str, body: str, company: str
) -> None:
    inv = read_text(heading + body, now=NOW)
    assert inv.company == company


def test_a_button_is_still_no_company() -> None:
    inv = read_text("TERIMA UNDANGAN\n" + BODY_ID, now=NOW)
    assert inv.company is None


@pytest.mark.parametrize(
    ("shouted", "written"),
    [
        ("PT. INDONESIA TRANS NETWORK", "PT Indonesia Trans Network"),
        ("HARBORVIEW MEDICAL GROUP", "Harborview Medical Group"),
        ("PT BANK BRI TBK", "PT Bank BRI Tbk"),
        ("PT Maju Jaya", "PT Maju Jaya"),  # written with small letters: as it is
        ("BCA", "BCA"),
    ],
)
def test_a_name_in_capitals_is_written_as_a_sentence_writes_it(shouted: str, written: str) -> None:
    assert as_name(shouted) == written
