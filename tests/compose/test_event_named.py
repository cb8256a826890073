"""The event is named as the invitation names it (R8, R2.1; `data/events.yaml`, the phrase books'
`events`): an invitation to a "Tes Online Tahap 2" is answered about a "tes online", to
"Psikotes dan Interview" about "psikotes dan wawancara", to a "recruiter screen" about a
recruiter screen — in every channel — and one that names none, or names a test only in
passing ("Hasil psikotes Anda …", "The interview includes a short written test"), about an
interview. Invitations written for this test, both languages, several ways in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.compose.facts import event_facts
from sopan.read import read_bytes
from sopan.read.event import event_of

from .recruiter import SITUATIONS, Run, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))

#: what each invitation invites to, as the reply must name it
NAMED = {
    "id_email_tes_online": "tes online",
    "id_wa_psikotes_dan_interview": "psikotes dan wawancara",
    "id_surat_agenda_tes_tertulis": "tes tertulis dan wawancara",
    "id_email_fgd": "FGD",
    "id_wa_medical_checkup": "pemeriksaan kesehatan",
    "id_email_seleksi_tahap_selanjutnya": "seleksi tahap selanjutnya",
    "id_email_asesmen": "asesmen",
    "id_email_wawancara_setelah_psikotes": "wawancara",
    "en_email_online_test": "online test",
    "en_email_aptitude_test_interview": "aptitude test and interview",
    "en_email_coding_challenge": "coding challenge",
    "en_email_recruiter_screen": "recruiter screen",
    "en_text_assessment_centre": "assessment",
    "en_email_technical_test": "technical test",
    "en_email_interview_with_test_in_it": "interview",
    # a school's or a trainer's: a lesson taught, a talk given, a skill shown
    "id_email_microteaching_zoom": "microteaching",
    "id_wa_demo_mengajar": "microteaching",
    "id_email_tes_praktik": "tes praktik",
    "en_email_teaching_demo": "microteaching session",
    "en_email_presentation": "presentation",
}
FILES = sorted(FIXTURES.iterdir())


def test_every_invitation_written_for_this_is_listed() -> None:
    assert sorted(p.stem for p in FILES) == sorted(NAMED)
    assert sum(n.startswith("id_") for n in NAMED) >= 7
    assert sum(n.startswith("en_") for n in NAMED) >= 7


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_reader_names_the_event_as_written(path: Path) -> None:
    inv = read_bytes(path.read_bytes(), now=NOW, origin=path.name)
    assert event_facts(inv.event, inv.language)["event"] == NAMED[path.stem]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Kami mengundang Anda untuk mengikuti Tes Online Gelombang 3 pada Senin",
            ("online_test",),
        ),
        ("Agenda : Psikotes dan Interview (sistem gugur)", ("psikotes", "interview")),
        (
            "We invite you for aptitude test/interview on Monday 26th March",
            ("aptitude_test", "interview"),
        ),
        ("Anda diundang untuk mengikuti kegiatan seleksi tahap selanjutnya pada:", ("next_stage",)),
        (
            "You have been shortlisted for an interview/Assessment at our office",
            ("interview", "assessment"),
        ),
        ("Acara: FGD & wawancara user", ("fgd", "interview")),
        ("We'd like to invite you to a coding challenge next week", ("coding_challenge",)),
        ("Kami mengundang Anda untuk wawancara. Hasil psikotes akan diumumkan.", ()),
        ("Thanks for completing the online test last week. We invite you to an interview", ()),
        ("Please bring a pen for the written test.", ()),  # named in passing, not invited to
        ("Undangan interview posisi Admin", ()),
        (
            "mengundang Anda untuk mengikuti Seleksi Tes Wawancara dan Microteaching/Praktik",
            ("interview", "microteaching"),
        ),
        ("Kami mengundang Anda untuk mengikuti demo mengajar pada Sabtu", ("microteaching",)),
        ("We would like to invite you to a teaching demonstration on Friday", ("microteaching",)),
        ("Agenda : Presentasi dan wawancara user", ("presentation", "interview")),
        ("You are invited for a practical test at our workshop", ("practical_test",)),
    ],
)
def test_the_event_is_read_where_the_invitation_says_what_it_invites_to(
    text: str, keys: tuple[str, ...]
) -> None:
    assert event_of(text) == keys


def test_a_subject_names_it_before_the_text() -> None:
    assert event_of("invite you to a technical screening", "Interview Invitation") == ()
    assert event_of("Dengan hormat, kami mengundang Anda.", "Undangan Psikotes") == ("psikotes",)


@pytest.mark.parametrize("situation", SITUATIONS[:3], ids=lambda s: s.name)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_channel_names_the_event_as_the_invitation_does(
    path: Path, situation: object
) -> None:
    result = run(path.read_bytes(), path.name, situation, NOW)  # type: ignore[arg-type]
    assert isinstance(result, Run), result
    named = NAMED[path.stem].lower()
    found = [s for s in result.shortfalls if s.rule == "event_named"]
    assert found == [], "\n".join(f"{s.channel}: {s.detail}" for s in found)
    for d in result.drafts:
        if d.channel not in ("calendar", "linkedin"):
            assert named in d.text.lower(), f"{d.channel}: {d.text[:200]}"
