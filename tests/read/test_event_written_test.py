"""A written test and an interview invited to together are read as both, however the
invitation writes it (R8: the reply names what it answers): "tes tulis dan Wawancara",
"ujian tertulis & interview", "a written test followed by an interview", "Psikotes dan
wawancara akan dilaksanakan pada", in either order, as a heading of the place or time, after
an invitation or a label; a test named in passing, or a heading word followed by something
else, names nothing. Phrasings written for this test, both languages."""

from __future__ import annotations

import pytest

from sopan.compose.facts import event_facts
from sopan.read.event import event_of

BOTH = ("written_test", "interview")


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Lokasi tes tulis dan Wawancara berada pada:\nTempat : Aula", BOTH),
        ("LOKASI TES TERTULIS DAN WAWANCARA\nGedung B lantai 3", BOTH),
        ("Jadwal pelaksanaan ujian tulis dan wawancara: Senin, 3 Maret", BOTH),
        ("Tempat pelaksanaan seleksi tertulis & interview: Kantor Pusat", BOTH),
        ("Waktu tes tertulis dan wawancara: 08.00 WIB - selesai", BOTH),
        ("Dengan ini kami mengundang Saudara untuk mengikuti ujian tertulis dan wawancara", BOTH),
        ("Undangan Tes Tertulis & Interview", BOTH),
        ("Agenda : Tes Tulis / Interview User", BOTH),
        ("Tes tertulis dan wawancara akan dilaksanakan pada hari Senin", BOTH),
        ("Test tulis dilanjutkan dengan wawancara akan diadakan pada:", BOTH),
        (
            "Kami mengundang Anda untuk mengikuti wawancara dilanjutkan dengan tes tertulis",
            ("interview", "written_test"),
        ),
        (
            "Agenda: tes tertulis, psikotes, dan wawancara",
            ("written_test", "psikotes", "interview"),
        ),
        ("Psikotes & interview akan dilaksanakan pada:", ("psikotes", "interview")),
        ("We are pleased to invite you to a written test and interview on Monday", BOTH),
        ("You are invited to a written test followed by an interview at our office", BOTH),
        ("Venue for the written test and interview: Hall B", BOTH),
        ("The written exam and interview will be held on 4 March at 9 AM.", BOTH),
        ("Schedule of the written assessment and interview: Tuesday", BOTH),
        (
            "We would like to invite you for an interview and a written test",
            ("interview", "written_test"),
        ),
        # named in passing, or not right after the heading word: the event is an interview
        ("Jadwal Anda untuk wawancara: Senin. Bawa alat tulis untuk tes tertulis.", ()),
        ("Kami mengundang Anda untuk wawancara. Hasil tes tertulis sudah diumumkan.", ()),
        ("Lokasi kantor kami dekat stasiun. Tes tertulis lalu sudah selesai.", ()),
        ("Thanks for completing the written test. We invite you to an interview.", ()),
        ("Your interview is scheduled for Monday.", ()),
    ],
)
def test_a_written_test_and_interview_is_read_in_any_wording(
    text: str, keys: tuple[str, ...]
) -> None:
    assert event_of(text) == keys


@pytest.mark.parametrize(
    ("language", "said"),
    [("id", "tes tertulis dan wawancara"), ("en", "written test and interview")],
)
def test_the_two_are_named_together_in_the_drafts_words(language: str, said: str) -> None:
    assert event_facts(BOTH, language)["event"] == said
