"""The parts of a message (`sopan.read.layout`) and the fields each part may carry: a company
or a position is never a greeting's word, a button, a footer's copyright line or a time; a
position is never the signer's job title; the candidate the greeting names is never the
contact."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text
from sopan.read.layout import Kind, layout

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def kinds_of(text: str) -> dict[str, Kind]:
    """Each non-blank line (stripped) → the kind of the part its first letter is in."""
    parts = layout(text)
    out: dict[str, Kind] = {}
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            pos = at + line.index(stripped[0])
            out[stripped] = next(p.kind for p in parts if p.start <= pos < p.end)
        at += len(line) + 1
    return out


@pytest.mark.parametrize(
    ("text", "line", "kind"),
    [
        ("Dear Ms. Chen,\n\nWe invite you to an interview.", "Dear Ms. Chen,", "greeting"),
        ("Halo kak Nadia 👋\nInterview besok jam 10 ya.", "Halo kak Nadia 👋", "greeting"),
        ("Yth. Bapak Yusuf Maulana,\n\nAnda lolos.", "Yth. Bapak Yusuf Maulana,", "greeting"),
        ("Selamat pagi Mas Bayu.\nJadwal interview berubah.", "Selamat pagi Mas Bayu.", "greeting"),
        ("Hi Sam,\nThanks for applying.", "Hi Sam,", "greeting"),
        ("Assalamualaikum Kak Fajar,\nKami dari Yayasan.", "Assalamualaikum Kak Fajar,",
         "greeting"),
        # buttons and links of a notification
        ("Hi Maya,\nWe'd like to interview you.\n\nView application\n\nThanks", "View application",
         "chrome"),
        ("Halo Kevin,\nKamu diundang interview.\n\nLihat Lamaran\nKonfirmasi Kehadiran\n",
         "Lihat Lamaran", "chrome"),
        ("Halo Rizky,\nInterview Kamis.\nTerima Undangan\nTolak\n", "Tolak", "chrome"),
        # a footer, and its paragraph
        ("Hi Maya,\nInterview on Monday.\nBest,\nTom\n\n© 2026 Hirewell Inc. All rights reserved.",
         "© 2026 Hirewell Inc. All rights reserved.", "footer"),
        ("Halo,\nInterview Senin.\nSalam,\nHRD\n\nAnda menerima email ini karena Anda melamar.\n"
         "Berhenti berlangganan", "Berhenti berlangganan", "footer"),
        ("Halo Kevin,\nInterview Rabu.\n\nPertanyaan? Hubungi kami di bantuan@kerjaku.id\n"
         "Kerjaku · Jl. Kuningan Barat No. 26\nAtur notifikasi email",
         "Pertanyaan? Hubungi kami di bantuan@kerjaku.id", "footer"),
        ("Hello,\nYour interview is on Friday.\nRegards,\nHR\n\nPlease do not reply to this "
         "automated message.\nValecrest Health, 1 Main St", "Valecrest Health, 1 Main St",
         "footer"),
        # a sign-off and the signature under it
        ("Dear Arif,\nInterview Monday.\n\nWarm regards,\nGrace Tan\nTalent Acquisition Partner",
         "Talent Acquisition Partner", "signature"),
        ("Yth. Saudara,\nInterview Senin.\n\nHormat kami,\nRatna Kusumawati\nKepala Bagian SDM",
         "Hormat kami,", "signoff"),
        # a letter: its letterhead, and the addressee's own name and address
        ("PT MAJU JAYA\nJl. Merdeka 5, Bandung\n\nKepada Yth.\nSdr. Bima Aditya\ndi Tempat\n\n"
         "Dengan hormat,\nKami mengundang Saudara.", "PT MAJU JAYA", "head"),
        ("PT MAJU JAYA\n\nKepada Yth.\nSdr. Bima Aditya\ndi Tempat\n\nDengan hormat,\nKami "
         "mengundang Saudara.", "Sdr. Bima Aditya", "addressee"),
        ("HARBORVIEW MEDICAL GROUP\n\nMs. Olivia Chen\n44 Pine Street\nIrvine, CA 92614\n\n"
         "Dear Ms. Chen,\n\nWe invite you.", "44 Pine Street", "addressee"),
        ("HARBORVIEW MEDICAL GROUP\n\nMs. Olivia Chen\n44 Pine Street\n\nDear Ms. Chen,\n\n"
         "We invite you.", "HARBORVIEW MEDICAL GROUP", "head"),
        # what stays the body
        ("Dear Arif,\nPlease bring a photo ID.\nThanks", "Please bring a photo ID.", "body"),
        ("Halo kak,\nInterview via Zoom:\nhttps://zoom.us/j/123\n", "https://zoom.us/j/123",
         "body"),
    ],
)  # fmt: skip
def test_each_part_is_told(text: str, line: str, kind: Kind) -> None:
    assert kinds_of(text)[line] == kind


def test_the_parts_cover_the_text_in_order() -> None:
    text = "Hi Maya,\nInterview Monday.\n\nView application\n\nBest,\nTom\n\n© 2026 X Inc."
    parts = layout(text)
    assert parts[0].start == 0 and parts[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(parts))


@pytest.mark.parametrize(
    ("text", "company", "position"),
    [
        # the footer's copyright line names the portal
        ("Hi Maya,\nWe would like to interview you for the Platform Engineer role.\n\n"
         "View application\n\nYou are receiving this email because you applied.\n"
         "© 2026 Hirewell Inc. All rights reserved.", None, "Platform Engineer"),
        ("Halo Kevin,\nKamu diundang interview untuk posisi Data Analyst.\n\nLihat Lamaran\n\n"
         "Email ini dikirim otomatis oleh Kariro.\n© 2026 PT Kariro Digital. Hak cipta dilindungi.",
         None, "Data Analyst"),
        # a button is no company and no position
        ("Hello Jordan,\nYour interview is scheduled.\n\nJoin Microsoft Teams Meeting: "
         "https://teams.microsoft.com/l/meetup-join/1\n\nView Job Posting", None, None),
        # the signer's job title is no position
        ("Dear Arif,\nWe invite you to a technical interview on Monday.\n\nWarm regards,\n"
         "Grace Tan\nTalent Acquisition Partner\nMeridianPay Pte. Ltd.", "MeridianPay Pte. Ltd",
         None),
        # a greeting's words are no company
        ("Selamat Pagi Indonesia,\nInterview Senin jam 10.", None, None),
        # a position that only names the interview, or the company, is none
        ("Anda telah diundang sebagai untuk melakukan interview Senin jam 10.", None, None),
        ("Subject: Undangan Wawancara Kerja - Syjura Coffee\n\nAnda diundang wawancara.\n\n"
         "Terima kasih,\nTim HRD Syjura Coffee", "Syjura Coffee", None),
    ],
)  # fmt: skip
def test_company_and_position_come_only_from_parts_that_carry_them(
    text: str, company: str | None, position: str | None
) -> None:
    inv = read_text(text, now=NOW)
    assert (inv.company, inv.position) == (company, position)


@pytest.mark.parametrize(
    "text",
    [
        "Undangan interview\nPosisi : 00 AM\nTanggal : Senin, 30 November 2026 pukul 10.00 WIB",
        "Interview: 10:00 AM\nPosition: 10.00\nCompany: 09:30 WIB",
        "Interview invitation for Monday at 10:00 AM - 12:00 PM",
    ],
)
def test_no_company_or_position_is_a_time(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.position is None and inv.company is None


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("Dear Ms. Chen,\n\nWe invite you to an interview on Monday.\n\nYours sincerely,\n\n"
         "Linda Alvarez\nTalent Acquisition Manager", "Linda Alvarez"),
        ("Kepada Yth.\nSdr. Bima Aditya\ndi Tempat\n\nDengan hormat,\nKami mengundang Saudara "
         "wawancara Senin.\n\nHormat kami,\nRatna Kusumawati", "Ratna Kusumawati"),
        ("Halo kak Nadia,\ninterview besok jam 10 ya kak.\n\nSalam,\nNadia", None),
    ],
)  # fmt: skip
def test_the_candidate_the_greeting_names_is_never_the_contact(
    text: str, contact: str | None
) -> None:
    assert read_text(text, now=NOW).contact.name == contact


def test_a_portal_footer_gives_no_contact_email_or_place() -> None:
    text = (
        "Halo Kevin,\nLamaranmu untuk posisi Data Analyst sudah masuk tahap Interview.\n"
        "Rabu, 9 Desember 2026 · 10.30 WIB\n\nKonfirmasi Kehadiran\n\n"
        "Pertanyaan? Hubungi kami di bantuan@kerjaku.id\n"
        "Alamat: Jl. Kuningan Barat No. 26, Jakarta 12710\nAtur notifikasi email"
    )
    inv = read_text(text, now=NOW)
    assert inv.contact.email is None and inv.location is None
