"""A reply's subject keeps the invitation subject's real words with its template slots taken
out (and the words that only joined them), so the reply stays in its thread: "Undangan
Wawancara — ${candidate.jobTitle}" → "Re: Undangan Wawancara". Broken characters, or too
little left, give a fresh subject; a slot is never a value."""

from __future__ import annotations

import pytest

from sopan.compose import reply_subject
from sopan.read.slots import find, without_slots

KEPT = [
    ("Undangan Wawancara — ${candidate.jobTitle}", "Undangan Wawancara"),
    ("Undangan Interview PT {{company}} – Posisi {{position}}", "Undangan Interview"),
    ("Panggilan Tes Tertulis untuk {posisi} di {perusahaan}", "Panggilan Tes Tertulis"),
    ("Jadwal Wawancara [Nama Posisi] | [Nama Perusahaan]", "Jadwal Wawancara"),
    ("Interview invitation for {{role}} at {{company}}", "Interview invitation"),
    ("Interview Invitation – [Position] – [Company Name]", "Interview Invitation"),
    ("Your phone screen with *|COMPANY|*", "Your phone screen"),
    ("{{company}}: Technical Interview Scheduled", "Technical Interview Scheduled"),
]


@pytest.mark.parametrize(("subject", "kept"), KEPT)
def test_the_real_words_are_kept_without_the_slot(subject: str, kept: str) -> None:
    assert without_slots(subject) == kept
    for lang in ("id", "en"):
        said = reply_subject(subject, "x", lang, "Analis Data")
        assert said == f"Re: {kept}" and not find(said)


@pytest.mark.parametrize(
    "subject",
    ["${BRAND.name} interview", "{{subject}}", "Undangan \ufffd wawancara {{posisi}}", "[Subject]"],
)
def test_too_little_left_or_broken_is_written_fresh(subject: str) -> None:
    for lang, fresh in (("id", "Wawancara"), ("en", "Interview")):
        said = reply_subject(subject, "x", lang, "Analis Data")
        assert said.startswith(f"Re: {fresh}") and "Analis Data" in said
        assert not find(said) and "\ufffd" not in said


def test_a_subject_without_slots_is_kept_whole() -> None:
    assert without_slots("Undangan  Wawancara — Analis Data") == "Undangan Wawancara — Analis Data"
    assert reply_subject("Undangan Wawancara — Analis Data", "x", "id") == (
        "Re: Undangan Wawancara — Analis Data"
    )
