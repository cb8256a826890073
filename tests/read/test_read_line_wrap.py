"""A name a plain-text e-mail's line wrap cut short is read whole when the message writes it
whole elsewhere (the signature, the subject), and never guessed across a wrap otherwise: a
company or a job title cut short is a wrong fact in every draft."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))

WRAPPED = [
    # the company, whole in the signature
    ("Dear Budi,\n\nWe are pleased to invite you to an interview for the Operations Analyst "
     "role at Lion Bay\nLogistics on Monday, 7 December 2026 at 3:00 pm.\n\nBest regards,\n"
     "Priya Raman\nTalent Acquisition, Lion Bay Logistics\n", "company", "Lion Bay Logistics"),
    ("Yth. Budi,\n\nKami mengundang Anda wawancara untuk posisi Staf Gudang di PT Sinar\n"
     "Abadi Jaya pada Senin, 7 Desember 2026 pukul 10.00 WIB.\n\nHormat kami,\n"
     "HRD PT Sinar Abadi Jaya\n", "company", "PT Sinar Abadi Jaya"),
    # the title, whole in the subject
    ("Subject: Interview - Backend Engineer\n\nDear Budi,\n\nWe would like to invite you to an "
     "interview for the Backend\nEngineer role at Acme on Monday, 7 December 2026 at 10:00.\n"
     "Regards,\nSari\n", "position", "Backend Engineer"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "field", "want"), WRAPPED)
def test_a_name_cut_by_a_wrap_is_read_whole_where_written_whole(
    text: str, field: str, want: str
) -> None:
    inv = read_text(text, now=NOW)
    assert getattr(inv, field) == want


def test_a_wrap_is_never_guessed_across() -> None:
    """The next line's capitalised words are not the name's when nothing writes them together."""
    inv = read_text(
        "Dear Budi,\n\nYou are invited to an interview for the Data Analyst role at Acme\n"
        "Please confirm by Friday. It is on Monday, 7 December 2026 at 10:00.\n\nRegards,\nSari\n",
        now=NOW,
    )
    assert inv.company == "Acme"
    assert inv.position == "Data Analyst"
