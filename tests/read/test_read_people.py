"""One person from every mention: the contact built from the header, the signature,
"Pewawancara:", "Contact:", "hubungi …", each with its title (`Contact.honorific`); a display
name holding an "@" still gives its address; a machine's address is no one to answer; a header
block pasted with the mail reads as the text it is; a short chat's language is its own."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopan.model.contracts import invitation_json
from sopan.read import read_bytes, read_text
from sopan.read.people import address_header

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _mail(sender: str, body: str, subject: str = "Undangan interview") -> bytes:
    return (
        f"From: {sender}\nTo: kandidat@example.com\nSubject: {subject}\n"
        f"Date: Wed, 18 Nov 2026 09:00:00 +0700\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
    ).encode()


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        # a labelled interviewer with a title, and a role in brackets after the name
        ("Undangan interview Senin 30 November 2026 pukul 10.00 WIB.\n"
         "Pewawancara : Ibu Dewi Lestari (Store Manager)", "Dewi Lestari", "Ibu"),
        # the same person named twice: the full name from one mention, the title from the other
        ("Wawancara Rabu, 2 Desember 2026 pukul 10.00 WIB.\n"
         "Pewawancara: Bapak Hendra Gunawan (Manajer Keuangan)\n"
         "Bila berhalangan hadir, silakan hubungi Bpk. Hendra di 031-8945-123.",
         "Hendra Gunawan", "Bapak"),
        # the signer, and a title for them in the body
        ("Konfirmasi kehadiran melalui telepon dengan Ibu Ratna.\n\nHormat kami,\n"
         "PT BPR Artha Mulia\n\nRatna Kusumawati\nKepala Bagian SDM", "Ratna Kusumawati", "Ibu"),
        # English titles
        ("Interviewer: Mr. Dale Turner\nWhen: Tuesday, December 8, 2026, 11:00 AM EST",
         "Dale Turner", "Mr."),
        ("If the time does not suit you, please contact Ms. Tan at 6123 4567.", "Tan", "Ms."),
        ("The panel will be chaired by you know who.\nContact: Dr. Samuel Okafor", "Samuel Okafor",
         "Dr."),
        # chats: "Pak Yoga", "Kak Rina" as the interviewer
        ("Kak, interview Kamis jam 2 siang ya. Nanti ketemu sama Pak Yoga (owner) di kafe.",
         "Yoga", "Bapak"),
        ("Interview besok jam 10 ya.\nCP: Kak Rina 0812-1111-2222", "Rina", "Kak"),
        # the person the interview is with
        ("Your 30 Minute Phone Screen with Alicia Moreno is scheduled for Wednesday.",
         "Alicia Moreno", None),
        ("When you arrive, ask for Emily Park (Recruiting Coordinator).", "Emily Park", None),
        # no title written: none is invented
        ("Interview Monday 10 am.\n\nBest,\nJessica Wong\nRecruiting Coordinator", "Jessica Wong",
         None),
        ("Interview Senin jam 10.\n\nSalam,\nAyu Pratiwi", "Ayu Pratiwi", None),
    ],
)  # fmt: skip
def test_one_person_with_the_title_any_mention_gives(
    text: str, name: str, honorific: str | None
) -> None:
    contact = read_text(text, now=NOW).contact
    assert (contact.name, contact.honorific) == (name, honorific)


def test_the_header_name_meets_the_title_in_the_body() -> None:
    body = "Kami mengundang Anda interview Senin, 30 November 2026 pukul 10.00 WIB.\n" + (
        "Pewawancara : Ibu Dewi Lestari\n"
    )
    inv = read_bytes(_mail("Dewi Lestari <dewi@majujaya.co.id>", body), now=NOW)
    got = invitation_json(inv)["contact"]
    assert got == {
        "name": "Dewi Lestari",
        "honorific": "Ibu",
        "email": "dewi@majujaya.co.id",
        "phone": None,
    }
    assert inv.fact("contact.name") is not None


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        ("Careers @ Nimbus <careers@nimbus.io>", None, "careers@nimbus.io"),
        ('"jobs@acme.example" <jobs@acme.example>', None, "jobs@acme.example"),
        ("www.acme.example Careers <talent@acme.example>", None, "talent@acme.example"),
        ("Sari Wulandari <sari@maju.example>", "Sari Wulandari", "sari@maju.example"),
    ],
)
def test_a_display_name_holding_an_address_still_gives_the_address(
    header: str, name: str | None, address: str
) -> None:
    assert address_header(header) == (name, address)


_WORD = st.from_regex(r"[A-Za-z0-9]{1,10}", fullmatch=True)
_LOCAL = st.lists(st.from_regex(r"[A-Za-z0-9_%+-]{1,8}", fullmatch=True), min_size=1, max_size=3)
_LABELS = st.lists(st.from_regex(r"[A-Za-z0-9-]{1,8}", fullmatch=True), min_size=2, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=4), _LOCAL, _LABELS, st.integers(0, 2),
       st.integers(0, 2))  # fmt: skip
def test_a_sender_written_plainly_is_read_as_the_parsers_read_it(
    words: list[str], local: list[str], labels: list[str], before: int, after: int
) -> None:
    """Most mail's From is a name of plain words and the address in brackets: told without the
    parsers (`_PLAIN_SENDER`), its name and address are theirs (`_parsed`)."""
    from sopan.read.people import _PLAIN_SENDER, _parsed

    address = ".".join(local) + "@" + ".".join(labels)
    raw = " " * before + " ".join(words) + " " * after + f"<{address}>"
    plain = _PLAIN_SENDER.fullmatch(raw)
    assert plain is not None
    assert _parsed(raw) == (plain.group(2), plain.group(1)) == (address, " ".join(words))


def test_a_machines_address_is_no_one_to_answer() -> None:
    body = (
        "PT Nusantara Beton Perkasa mengundang Anda wawancara Senin, 30 November 2026 "
        "pukul 09.00 WIB.\nPewawancara: Ibu Rina Marlina"
    )
    inv = read_bytes(_mail("JobKarir Indonesia <noreply@jobkarir.co.id>", body), now=NOW)
    assert inv.contact.email is None and inv.contact.name == "Rina Marlina"
    robot = read_bytes(_mail("Calendly <notifications@calendly.com>", "Interview Monday."), now=NOW)
    assert robot.contact.email is None and robot.contact.name is None


def test_a_quoted_candidate_is_never_the_contact() -> None:
    text = (
        "Hi Sam,\n\nThursday works. Let's do Thursday, December 3 at 4:00 PM AEDT over Zoom: "
        "https://zoom.us/j/7788990011\n\nSpeak then,\nHannah Brooks\nSenior Recruiter\n\n"
        "On Wed, Nov 18, 2026 at 9:41 AM Sam Lee <sam.lee@example.com> wrote:\n"
        "> Hi Hannah, I'm free Tuesday or Thursday afternoon.\n> Sam\n"
    )
    inv = read_text(text, now=NOW)
    assert inv.contact.name == "Hannah Brooks" and inv.contact.email is None


@pytest.mark.parametrize(
    ("subject", "want"),
    [
        ("Undangan Interview – Staf Gudang", "Undangan Interview – Staf Gudang"),
        ("Interview Invitation — Backend Engineer (Payments)",
         "Interview Invitation — Backend Engineer (Payments)"),
        ("Undangan wawancara · Kafé Braga", "Undangan wawancara · Kafé Braga"),
    ],
)  # fmt: skip
def test_a_pasted_header_block_reads_as_its_text(subject: str, want: str) -> None:
    pasted = _mail("HR <hr@majujaya.co.id>", "Interview Senin, 30 November 2026 pukul 10.00.")
    pasted = pasted.replace(b"Undangan interview", subject.encode("utf-8"))
    pasted = pasted.replace(b"Content-Type: text/plain; charset=utf-8\n", b"")
    inv = read_bytes(pasted, now=NOW)
    assert inv.subject == want and "\ufffd" not in (inv.subject or "")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Interview besok jam 10", "id"),
        ("Interview bsk pk 9 ya kak, di kantor", "id"),
        ("Kak, wawancara hari ini jam 2 siang", "id"),
        ("Interview tomorrow at 10, see you", "en"),
        ("Interview besok jam 10 di kantor kami, Jl. Veteran No. 3", "id"),
    ],
)
def test_a_short_chat_is_read_in_its_language(text: str, language: str) -> None:
    assert read_text(text, now=NOW).language == language


_WHEN_ID = "Undangan interview Senin, 30 November 2026 pukul 10.00 WIB.\n"
_WHEN_EN = "Interview on Monday, November 30, 2026 at 10:00 AM.\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person named anywhere is the contact, never the team that signs
        (_WHEN_ID + "Bila berhalangan hubungi Ibu Sari Dewi.\n\nHormat kami,\nHRD PT Maju Jaya",
         "Sari Dewi"),
        (_WHEN_EN + "Interviewer: Mr. John Doe\n\nRegards,\nRecruitment Team", "John Doe"),
        (_WHEN_ID + "Pewawancara: Bapak Andi Saputra\n\nSalam,\nTim HRD", "Andi Saputra"),
        (_WHEN_EN + "\nKind regards,\nPriya Raman\nTalent Acquisition Team\nAcme Corp",
         "Priya Raman"),
        # no person named: the team is whom to answer, and it is no person's name (no title)
        (_WHEN_ID + "\nSalam,\nTim HRD", "Tim HRD"),
        (_WHEN_ID + "\nHormat kami,\nTim Rekrutmen\nPT Sinar Abadi", "Tim Rekrutmen"),
        (_WHEN_EN + "\nRegards,\nRecruitment Team", "Recruitment Team"),
        (_WHEN_EN + "\nBest regards,\nTalent Acquisition Team\nAcme Corp",
         "Talent Acquisition Team"),
        (_WHEN_EN + "\nThanks,\nHuman Resources Department", "Human Resources Department"),
    ],
)  # fmt: skip
def test_a_team_that_signs_is_never_taken_for_a_person(text: str, name: str) -> None:
    contact = read_text(text, now=NOW).contact
    assert contact.name == name
    if name.split()[-1] in ("HRD", "Rekrutmen", "Team", "Department"):
        assert contact.honorific is None


@pytest.mark.parametrize(
    "text",
    [
        _WHEN_ID + "Pewawancara: {{ nama_pewawancara }}\n\nSalam,\nTim HRD",
        _WHEN_ID + "👤 HRD: {{ $namaInterviewerHrd }}\n\nHormat kami,\nTim Rekrutmen",
        _WHEN_EN + "Interviewer: [Interviewer Name]\n\nRegards,\nRecruitment Team",
        _WHEN_EN + "\nKind regards,\n{{sender_name}}\nRecruitment Team",
        _WHEN_ID + "Narahubung: ${contact.name}\n\nSalam hangat,\nHR Team",
    ],
)
def test_a_team_does_not_stand_in_for_an_interviewer_left_as_a_slot(text: str) -> None:
    """The template leaves whom to answer unfilled: the team's line under it is no contact."""
    inv = read_text(text, now=NOW)
    assert inv.contact.name is None and "contact.name" in inv.placeholders
