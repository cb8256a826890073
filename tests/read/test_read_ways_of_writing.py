"""Each way of writing an invitation's facts, on the project's own short texts.

Every case is a phenomenon (a label style, a time in words, a day range), never one
message: the generated corpus (`tests/read/test_corpus.py`) combines them at scale.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.errors import UserError
from sopan.model import Invitation
from sopan.read import read_bytes, read_file, read_text

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def read(text: str) -> Invitation:
    return read_bytes(text.encode(), now=NOW)


def starts(inv: Invitation) -> tuple[date | None, time | None]:
    return inv.day, inv.time_of_day


def start_ambiguity(inv: Invitation) -> tuple[str, ...] | None:
    return next((a.candidates for a in inv.ambiguous if a.field == "start"), None)


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sep", [" : ", " - ", " – ", " = ", "\t", "\t:\t", " | ", ":\n\n", ":\n", "\n"]
)
def test_a_label_and_its_value_however_separated(sep: str) -> None:
    inv = read(f"Undangan wawancara\n\nTanggal{sep}16 Desember 2026\nWaktu{sep}09.00 WITA\n")
    assert starts(inv) == (date(2026, 12, 16), time(9, 0))
    assert inv.timezone == "Asia/Makassar"


def test_a_blanked_placeholder_after_a_label_is_no_value_and_does_not_take_the_next_line() -> None:
    inv = read("Undangan wawancara\nLokasi: {lokasi}\n\nMohon hadir tepat waktu di lokasi.\n")
    assert inv.location is None


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Friday 18th December 2026",
        "Friday, December 18th, 2026",
        "18th of December 2026",
        "Friday the 18th",
        "Fri 18 Dec 2026",
        "2026-12-18",
        "Jumat tanggal 18",
    ],
)
def test_dates_with_ordinals_and_weekdays(written: str) -> None:
    inv = read(f"We invite you to an interview on {written} at 10:00.")
    assert starts(inv) == (date(2026, 12, 18), time(10, 0))


def test_a_relative_word_beside_a_date_gives_way_to_the_date() -> None:
    inv = read("Dear Sam, we invite you to an interview tomorrow, Friday 18 December 2026 at 9am.")
    assert starts(inv) == (date(2026, 12, 18), time(9, 0))


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("20–25 Januari 2027", 6),
        ("15 - 16 Mei 2027", 2),
        ("22-30 Maret", 9),
        ("May 15-16, 2027", 2),
        ("15 dan 16 Mei 2027", 2),
    ],
)
def test_a_day_range_is_ambiguous_with_its_days_never_one_asserted(written: str, days: int) -> None:
    inv = read(f"Undangan interview tanggal {written} pukul 09.00 WIB.")
    assert inv.start is None and inv.day is None
    found = start_ambiguity(inv)
    assert found is not None and len(found) == days


@pytest.mark.parametrize(
    "written", ["Tuesday, February 31, 2027", "31 Februari 2027", "31/02/2027", "Friday the 31st"]
)
def test_an_impossible_date_is_an_error_never_another_day(written: str) -> None:
    inv = read(f"We invite you to an interview on {written} at 10:00 WIB.")
    assert inv.start is None and inv.day is None
    problem = next(a for a in inv.ambiguous if a.field == "start")
    assert problem.candidates == () and problem.problem
    assert "not a date" in problem.problem.text("en")
    assert "bukan tanggal yang ada di kalender" in problem.problem.text("id")
    assert inv.time_of_day == time(10, 0)  # what was written stays known


def test_a_past_event_in_the_message_is_never_the_interview() -> None:
    inv = read(
        "Terima kasih telah hadir pada job fair 10 November 2026. Kami mengundang Anda "
        "wawancara pada 12 Desember 2026 pukul 10.00 WIB."
    )
    assert inv.day == date(2026, 12, 12)


def test_a_date_before_the_message_is_never_the_interview() -> None:
    inv = read(
        "From: hr@maju.example\nDate: Tue, 1 Dec 2026 08:00:00 +0700\nSubject: Interview\n\n"
        "Wawancara: 28 November 2026 pukul 10.00 WIB (jadwal lama). Jadwal baru 8 Desember "
        "2026 pukul 10.00 WIB.\n"
    )
    assert inv.day == date(2026, 12, 8)


def test_a_notification_stamp_loses_to_the_invitations_sentence() -> None:
    inv = read(
        "Interview · 2 Dec 2026, 08:00\nHi Sam, your interview is scheduled for "
        "14 December 2026 at 10:00."
    )
    assert starts(inv) == (date(2026, 12, 14), time(10, 0))


def test_a_date_without_a_time_keeps_its_day() -> None:
    inv = read("Kami mengundang Anda interview pada Senin, 14 Desember 2026. Jam menyusul.")
    assert starts(inv) == (date(2026, 12, 14), None)
    assert inv.start is None and "start" in inv.missing


def test_a_time_without_a_date_keeps_its_time() -> None:
    inv = read("Undangan wawancara\nTanggal: {{tanggal}}\nWaktu: 10.00 WIB\n")
    assert starts(inv) == (None, time(10, 0))
    assert inv.timezone == "Asia/Jakarta"


# --- times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hm"),
    [
        ("time:9am", (9, 0)),
        ("8am prompt", (8, 0)),
        ("9 a.m. sharp", (9, 0)),
        ("14:30:00", (14, 30)),
        ("eleven in the morning", (11, 0)),
        ("three in the afternoon", (15, 0)),
        ("noon", (12, 0)),
        ("half past ten", (10, 30)),
        ("jam sembilan pagi", (9, 0)),
        ("jam 2 siang", (14, 0)),
        ("pukul dua siang", (14, 0)),
        ("setengah sepuluh", (9, 30)),
        ("pukul 08.00 s/d selesai", (8, 0)),
    ],
)
def test_times_however_written(written: str, hm: tuple[int, int]) -> None:
    inv = read(f"We invite you to an interview on 18 December 2026, {written}.")
    assert starts(inv) == (date(2026, 12, 18), time(*hm))


# --- zones -----------------------------------------------------------------------------------


def test_pt_before_a_name_is_a_company_not_pacific_time() -> None:
    inv = read("Undangan interview di PT Maju pada 14 Desember 2026 pukul 10.00 PT Maju Jaya.")
    assert inv.start == datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.company == "PT Maju"
    assert "timezone" in inv.missing  # nothing says the zone: the user's, as an assumption


@pytest.mark.parametrize("written", ["10:00 PT", "10:00 (PT)", "10:00 AM Pacific Time"])
def test_a_zone_where_a_zone_can_stand(written: str) -> None:
    inv = read(f"We invite you to an interview on 14 December 2026 at {written}.")
    assert inv.timezone == "America/Los_Angeles" and "timezone" not in inv.missing


def test_an_unknown_zone_abbreviation_is_reported_never_replaced() -> None:
    inv = read("We invite you to an interview on 14 December 2026 at 10:00 XST.")
    assert inv.start is None
    assert starts(inv) == (date(2026, 12, 14), time(10, 0))
    problem = next(a for a in inv.ambiguous if a.field == "timezone")
    assert problem.problem and "XST" in problem.problem.text("en")
    assert problem.problem.text("id") == "'XST' bukan zona waktu yang dikenal sopan"


def test_an_unknown_calendar_tzid_is_reported_never_read_as_the_users_zone(tmp_path: Path) -> None:
    ics = tmp_path / "unknown.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//x//x//EN\r\n"
        "BEGIN:VEVENT\r\nUID:u1@x\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Interview\r\n"
        "DTSTART;TZID=Mars/Olympus:20261214T100000\r\nDTEND;TZID=Mars/Olympus:20261214T110000\r\n"
        "ORGANIZER:mailto:hr@acme.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    inv = read_file(ics, now=NOW)
    assert inv.start is None and inv.timezone is None
    assert starts(inv) == (date(2026, 12, 14), time(10, 0))
    said = [a.problem.text("en") for a in inv.ambiguous if a.field == "timezone" and a.problem]
    assert any("Mars/Olympus" in s for s in said), said


# --- company and position --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Thank you for applying to IBM. We invite you to an interview on 14 December.", "IBM"),
        ("We invite you to an interview for the position of analyst in Bluefin.", "Bluefin"),
        ("Terima kasih telah melamar di Tokopedia. Kami mengundang Anda wawancara.", "Tokopedia"),
        ("Kami mengundang Anda wawancara.\n\nSalam,\nSari\nTim Rekrutmen Maju Jaya\n", "Maju Jaya"),
        ("We invite you to interview.\n\nCheers,\nTom\nbluefin analytics\n", "bluefin analytics"),
        ("Mohon bawa CV Anda. Undangan wawancara di CV Sinar Terang.", "CV Sinar Terang"),
        ("Surat lamaran dan CV Pas foto dibawa. Undangan wawancara.", None),
        ("Undangan wawancara di kntr PT Maju Jaya Jl. Melati 5.", "PT Maju Jaya"),
        # who the writer says they write from, with or without their team's name
        ("Selamat siang, kami dari tim rekrutmen Tokopedia. Kakak lolos ke tahap interview.",
         "Tokopedia"),
        ("Kami dari Bank Syariah Indonesia cabang Medan mengundang Bapak untuk wawancara.",
         "Bank Syariah Indonesia"),
        ("Perkenalkan, saya Rina dari Kopi Kenangan. Kami mengundang kamu interview besok.",
         "Kopi Kenangan"),
        ("Hi Budi! This is Sarah from Kopi Kenangan HR team. We'd like to interview you.",
         "Kopi Kenangan"),
        ("Hi, I'm Maya from Grab's talent team. We'd like to invite you to an interview.", "Grab"),
        # a signature line naming the company and its team
        ("Your interview has been scheduled.\n\nShopee Talent Acquisition\n", "Shopee"),
        ("We invite you to an interview.\n\nBest,\nLina\nAcme Robotics HR Team\n",
         "Acme Robotics"),
        # the team "at" its company, and a signature's "HR" before the company's name
        ("Great news: the hiring team at Canva would like to meet you for an interview.",
         "Canva"),
        ("Interview user Senin jam 10.00 via Zoom ya. Thanks! - Nadia, HR Kreasi Nusantara",
         "Kreasi Nusantara"),
        ("We invite you to an interview on Monday.\n\nRegards,\nJoy\nHR ADMINISTRATOR\n", None),
        ("We invite you to an interview on Monday.\n\nRegards,\nJoy\nHR Department\n", None),
        # "from" and "dari" before what is not a company
        ("Saya Rina dari tim HRD. Kami mengundang Anda wawancara hari Senin.", None),
        ("This is Sarah from the recruitment team. We invite you to an interview.", None),
        ("Kami dari Senin sampai Jumat buka pukul 08.00. Undangan wawancara.", None),
        ("We invite you to an interview, from 10:00 to 11:00 on Monday.", None),
        ("Undangan wawancara.\n\nSalam,\nThe Recruitment Team\n", None),
    ],
)  # fmt: skip
def test_company_however_named(text: str, company: str | None) -> None:
    assert read(text).company == company


def test_company_from_the_senders_domain_unless_a_mail_provider() -> None:
    body = "Subject: Interview\n\nWe invite you to an interview on 14 December 2026 at 10:00.\n"
    assert read("From: HR <hr@maju-jaya.co.id>\n" + body).company == "Maju Jaya"
    assert read("From: HR <someone@gmail.com>\n" + body).company is None


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Kami mengundang Anda wawancara sebagai staf gudang di PT Maju.", "staf gudang"),
        ("Undangan wawancara untuk posisi admin keuangan.", "admin keuangan"),
        ("We invite you to interview for the role of data analyst.", "data analyst"),
        (
            "We invite you to interview for the position of sales executive at Acme.",
            "sales executive",
        ),
        ("Kami mengundang Anda menjadi peserta wawancara sebagai berikut:", None),
        ("Undangan wawancara untuk posisi {{posisi}} di PT Maju.", None),
        # the opening a walk-in is for, the role an interview is for
        ("PT Indomaret membuka lowongan Crew Store. Kamu diundang walk in interview.",
         "Crew Store"),
        ("Info Lowongan Kerja sebagai Barista: datang interview besok jam 10.", "Barista"),
        ("Your interview with Shopee for Product Manager has been scheduled.", "Product Manager"),
        ("We'd like to invite you to an interview for the Data Analyst opening.", "Data Analyst"),
        # a day, a company or a word that is no title after "for" or "lowongan"
        ("We'd like to schedule an interview for Monday, 7 December 2026.", None),
        ("We'd like to schedule an interview for PT Maju Jaya next week.", None),
        ("We'd like to schedule an interview for Acme Labs next week.", None),
        # a title that holds a word companies end with is still a title
        ("Thank you for applying for the Software Engineering Intern position at Infosys Ltd. "
         "We invite you to an interview.",
         "Software Engineering Intern"),
        ("Kami membuka lowongan Berikut ini. Interview besok jam 10.", None),
    ],
)  # fmt: skip
def test_position_in_lower_case_after_its_lead_words(text: str, position: str | None) -> None:
    assert read(text).position == position


def test_a_subject_whose_title_slot_is_a_placeholder_gives_no_position() -> None:
    inv = read_text(
        "Subject: Undangan Wawancara - {{job_title}} di {{company}}\n\nHalo, kami mengundang "
        "Anda wawancara.",
        now=NOW,
    )
    assert inv.position is None


# --- mode and place --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode", "location"),
    [
        (
            "Interview on 14 Dec 2026 at 10:00 at our Stockholm office.",
            "onsite",
            "our Stockholm office",
        ),
        # "our office" alone says on site, and is no place to write in a reply
        ("Wawancara 14 Desember 2026 pukul 10.00 di kantor kami.", "onsite", None),
        (
            "Wawancara 14 Desember 2026 pukul 10.00 di Ruang Rapat 3, Gedung Graha Mulia.",
            "onsite",
            "Ruang Rapat 3, Gedung Graha Mulia",
        ),
        ("Interview on 14 December 2026 at 5 Harbor Street at 2 PM.", "onsite", "5 Harbor Street"),
        ("Interview at 2 PM. Please arrive early.", None, None),
        (
            "Please come to the interview at the address below on 14 December 2026.\n"
            "Northwind Analytics\nLevel 3, 12 Harbor Street\nSingapore 049315\n\nThanks",
            "onsite",
            "Northwind Analytics, Level 3, 12 Harbor Street, Singapore 049315",
        ),
        ("Wawancara via Zoom atau datang langsung ke kantor, silakan pilih.", None, None),
    ],
)
def test_mode_follows_the_place(text: str, mode: str | None, location: str | None) -> None:
    inv = read(text)
    assert (inv.mode, inv.location) == (mode, location)


def test_the_mode_nearest_the_interview_wins_over_an_online_test_elsewhere() -> None:
    inv = read(
        "Terima kasih telah mengikuti psikotes online minggu lalu.\n\n\n\n\n\n"
        "Wawancara akan dilaksanakan pada 14 Desember 2026 pukul 10.00 WIB di kantor kami, "
        "Jl. Melati 5, Bandung."
    )
    assert inv.mode == "onsite"


# --- contact ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "phone"),
    [
        ("(021) 5551234", "(021) 5551234"),
        ("022-87654321", "022-87654321"),
        ("0812-3456-7890", "0812-3456-7890"),
        ("0812-xxxx-xxxx", None),
        ("+62 812 **** 7890", None),
    ],
)
def test_phone_numbers_local_and_masked(written: str, phone: str | None) -> None:
    inv = read(f"Undangan wawancara 14 Desember 2026 pukul 10.00. Hubungi Ibu Sari di {written}.")
    assert inv.contact.phone == phone


def test_a_date_and_time_are_never_a_phone() -> None:
    inv = read("Wawancara akan dilaksanakan pada 2027-01-10 09:00 WIB. Hubungi kami.")
    assert inv.contact.phone is None


def test_a_from_line_with_a_name_and_no_address_gives_a_name() -> None:
    inv = read("From: Sari Wulandari\nSubject: Interview\n\nKami mengundang Anda wawancara.\n")
    assert (inv.contact.name, inv.contact.email) == ("Sari Wulandari", None)


def test_an_address_as_the_display_name_never_takes_over() -> None:
    inv = read(
        'From: "hr@maju.co.id" <jobs@portal.example>\nSubject: Interview\n\n'
        "Kami mengundang Anda wawancara.\n"
    )
    assert inv.contact.email == "jobs@portal.example"
    assert inv.contact.name is None and inv.reply_to == "jobs@portal.example"


# --- is it an invitation? --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You have been selected to meet our HR Director on 14 December 2026 at 10:00.",
        "Yth Sdr Rina, sdr dipanggil utk tes wwcr tgl 14/12 jam 10.00 di kntr PT Maju. Trims",
        "Rina, mohon datang Senin 14 Desember 2026 jam 10.00 ke kantor.",
    ],
)
def test_a_message_that_never_says_interview_is_read_with_low_confidence(text: str) -> None:
    inv = read(text)
    assert inv.confidence < 0.8
    assert inv.day == date(2026, 12, 14) and inv.time_of_day == time(10, 0)


def test_a_message_with_no_sign_of_an_invitation_is_still_refused() -> None:
    with pytest.raises(UserError, match="not an interview invitation"):
        read("Diskon besar untuk semua produk minggu ini.")


def test_an_invitation_is_read_with_full_confidence() -> None:
    assert read("Undangan wawancara 14 Desember 2026 pukul 10.00 WIB.").confidence == 1.0


def test_a_zone_written_once_after_two_slots_is_both_slots_zone() -> None:
    inv = read(
        "Could you be available for an interview on May 21st at 10am or May 22nd at 2pm PST?"
    )
    assert inv.timezone == "America/Los_Angeles" and "timezone" not in inv.missing
    found = start_ambiguity(inv)
    assert found is not None and all(c.endswith("-07:00") for c in found)


def test_a_zone_on_the_time_line_stays_when_the_time_is_a_placeholder() -> None:
    inv = read("Undangan wawancara\nTanggal: {tanggal}\nWaktu: {waktu} WIB\n")
    assert inv.timezone == "Asia/Jakarta" and "timezone" not in inv.missing


def test_a_position_after_application_for_the_and_in_the_subject() -> None:
    assert (
        read(
            "We received your application for the Support Intern in our program. Interview."
        ).position
        == "Support Intern"
    )
    inv = read_text("Subject: Jadwal interview untuk posisi Project Manager\n\nHalo.", now=NOW)
    assert inv.position == "Project Manager"


def test_a_buttons_text_is_no_persons_name() -> None:
    inv = read("Interview request for 14 December 2026 at 10:00.\n\nView Application\n")
    assert inv.contact.name is None


def test_come_for_the_interview_is_onsite() -> None:
    assert read("Bisakah kamu datang untuk interview besok jam 2 siang?").mode == "onsite"


def test_labels_in_table_cells() -> None:
    inv = read(
        "From: hr@maju.co.id\r\nSubject: Undangan Interview\r\nContent-Type: text/html; "
        "charset=utf-8\r\n\r\n<p>Kami mengundang Anda interview.</p><table><tr><td>Tanggal</td>"
        "<td>16 Desember 2026</td></tr><tr><td>Waktu</td><td>09.00 WITA</td></tr><tr><td>Posisi"
        "</td><td>staf gudang</td></tr></table>"
    )
    assert starts(inv) == (date(2026, 12, 16), time(9, 0))
    assert (inv.timezone, inv.position) == ("Asia/Makassar", "staf gudang")
