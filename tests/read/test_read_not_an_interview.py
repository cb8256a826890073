"""A calendar event, an e-mail or a chat that invites to something else than a job interview
(a concert's ticket, a webinar, a dentist, a wedding) is read with the doubt that it is one: no
word of an interview or of recruiting, or only an interview that is no job's (a visa's). The
plan says so first, before any draft answers it as an interview (R1); an invitation to a job
interview, even one that never says "interview" in its calendar's title, is read as sure."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_bytes

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")


def _ics(summary: str, description: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:evt-1@example.com\r\nDTSTAMP:20261201T020000Z\r\n"
        "DTSTART;TZID=Asia/Jakarta:20261219T190000\r\nDTEND;TZID=Asia/Jakarta:20261219T210000\r\n"
        f"SUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n"
        "ORGANIZER;CN=Organizer:mailto:events@example.com\r\n"
        "ATTENDEE;CN=Rina;RSVP=TRUE:mailto:rina@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _mail(subject: str, body: str) -> bytes:
    return (
        f"From: Events <events@example.com>\nTo: rina@example.com\nSubject: {subject}\n"
        "Date: Tue, 8 Dec 2026 09:00:00 +0700\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
    ).encode()


NOT_INTERVIEWS = {
    "concert_ics": _ics(
        "Konser Dewa 19 - Festival Kategori B",
        "E-ticket Anda: 2 tiket. Tunjukkan QR code di pintu masuk. Gate dibuka pukul 17.00.",
    ),
    "dentist_ics": _ics("Dental check-up with Dr. Andi", "Please arrive 10 minutes early."),
    "webinar_mail": _mail(
        "You're invited: Scaling Postgres webinar",
        "Hi Rina,\n\nYou are invited to our webinar 'Scaling Postgres' on Wednesday, 16 December"
        " 2026 at 3:00 PM SGT.\nJoin here: https://zoom.us/j/98765432100\n\nThe CloudConf Team",
    ),
    "wedding_mail": _mail(
        "Undangan pernikahan Dimas & Ayu",
        "Dengan hormat, kami mengundang Anda pada acara pernikahan kami, Sabtu, 19 Desember 2026"
        " pukul 11.00 WIB di Gedung Sasana Kriya, Jakarta.",
    ),
    "visa_mail": _mail(
        "Visa interview appointment",
        "Your visa interview at the Embassy is scheduled for Monday, 14 December 2026 at 9:00 AM"
        " WIB. Bring your passport.",
    ),
}
INTERVIEWS = {
    "interview_ics": _ics("Interview: Data Analyst - Rina", "Panel: Hiring Manager, HR."),
    # the calendar's title names only the step; its description, the job applied for
    "screen_ics": _ics("Phone screen", "Thank you for your application for the Analyst role."),
    "interview_mail": _mail(
        "Undangan wawancara",
        "Kami mengundang Anda untuk wawancara posisi Admin pada Senin, 14 Desember 2026 pukul"
        " 10.00 WIB di kantor kami.",
    ),
    "microteaching_mail": _mail(
        "Undangan microteaching",
        "Kami mengundang Anda untuk microteaching calon guru pada Senin, 14 Desember 2026 pukul"
        " 10.00 WIB melalui Zoom.",
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_INTERVIEWS))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_job_interview_is_doubted_and_the_plan_says_so_first(name: str, lang: str) -> None:
    inv = read_bytes(NOT_INTERVIEWS[name], now=NOW)
    assert inv.confidence < 1.0
    plan = make_plan(inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang)
    first = plan.warnings[0]
    said = {"id": "tidak menyebut wawancara, lamaran", "en": "never mentions an interview"}
    assert first.guideline == "R1" and said[lang] in first.text


@pytest.mark.parametrize("name", sorted(INTERVIEWS))
def test_a_job_interview_is_read_as_sure(name: str) -> None:
    inv = read_bytes(INTERVIEWS[name], now=NOW)
    assert inv.confidence == 1.0
    plan = make_plan(inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang="en")
    assert not any("never mentions an interview" in n.text for n in plan.warnings)
