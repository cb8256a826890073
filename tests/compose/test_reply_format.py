"""The reply format an invitation asks for is found and filled, in both languages, and nothing
is taken for one that is not (a template, an example, an attendance-only format)."""

from __future__ import annotations

import pytest

from sopan.compose.reply_format import reply_line

FACTS = {"name": "Budi Santoso", "position": "Kasir"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mohon konfirmasi dengan format berikut:\nIYA/TIDAK_NAMA", "TIDAK_Budi Santoso"),
        ("Balas dengan format HADIR/TIDAK_NAMA_POSISI ya.", "TIDAK_Budi Santoso_Kasir"),
        ("Ketik: YA/TIDAK#NAMA#POSISI lalu kirim", "TIDAK#Budi Santoso#Kasir"),
        ("Konfirmasi kehadiran dengan format NAMA_HADIR/TIDAK", "Budi Santoso_TIDAK"),
        ("Mohon balas YA jika bersedia hadir atau TIDAK jika berhalangan.", "TIDAK"),
        ("Please reply YES/NO to confirm.", "NO"),
        ("Reply with YES/NO - FULLNAME", "NO-Budi Santoso"),
        ("Kindly reply YES to confirm or NO to decline.", "NO"),
        ("Text Y/N to this number.", "N"),
    ],
)
def test_a_format_asked_for_is_filled_with_the_answer(text: str, want: str) -> None:
    assert reply_line(text, "no", FACTS) == want


@pytest.mark.parametrize(
    "text",
    [
        # an attendance-only format offers no way to say no
        "Ketik: HADIR#NAMA#POSISI",
        "Dengan format konfirmasi sebagai berikut:\n[nama-kandidat] - Gelombang 3 / 09.00 WIB",
        # capitals that are no reply format: a company, a zone, a place
        "Interview at PT ABC/XYZ_HQ on Monday 10.00 WIB. Reply to HR.",
        "Format display name di zoom: P_Nama_BidangStudi.",
        # choice words with no cue to answer them
        "Status: YA/TIDAK_NAMA",
        # a field that cannot be filled: no format is half-written
        "Balas dengan format IYA/TIDAK_NAMA_NIK",
    ],
)
def test_nothing_is_taken_for_a_format_that_is_not_one(text: str) -> None:
    assert reply_line(text, "no", FACTS) == ""


def test_a_field_with_no_value_leaves_no_format() -> None:
    assert reply_line("Balas format TIDAK/HADIR_POSISI", "no", {"name": "Budi"}) == ""
