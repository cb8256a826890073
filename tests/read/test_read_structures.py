"""Ways of writing a field that eval-dev holds few of, each with several cases in both
languages: a label alone above its value (a notification flattened from HTML), an emoji in
place of a label, an agency's client, a signature's organisation under the signer's title, an
institution that signs (never the contact), a WhatsApp link as the phone and the person named
after a number, a meeting's day on the line above its hours, a letter's "Nomor" after a
letterhead's street number, a title introduced by "the post of", "the … opening", "jabatan"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # a label alone on its line, its value on the next
        ("Undangan Wawancara\n\nPosisi\nContent Creator\nTanggal\nKamis, 26 November 2026\n"
         "Waktu\n11:00 WIB", "position", "Content Creator"),
        ("Interview scheduled\n\nPosition\nWarehouse Associate\nDate\nMonday, November 30, 2026\n"
         "Time\n9:00 AM", "position", "Warehouse Associate"),
        ("Jadwal interview kamu\n\nPerusahaan\nToko Kain Nusantara\nLokasi\n"
         "Jl. Gatot Subroto No. 5, Bandung\nTanggal\nSenin, 30 November 2026", "company",
         "Toko Kain Nusantara"),
        ("Your interview\n\nCompany\nBlue Harbor Foods\nLocation\n12 Pier Road, Singapore\n"
         "Date\nTuesday, 1 December 2026", "location", "12 Pier Road, Singapore"),
        # an emoji in place of the label
        ("Walk in interview Operator Produksi:\n🗓️ Sabtu, 5 Desember 2026\n🕗 08.00 WIB\n"
         "🏢 Pabrik Boga Rasa, Jl. Raya Serang Km 24, Tangerang", "location",
         "Pabrik Boga Rasa, Jl. Raya Serang Km 24, Tangerang"),
        ("Interview reminder\n📅 Friday, 4 December 2026\n📍 Level 5, 88 Market Street, Sydney",
         "location", "Level 5, 88 Market Street, Sydney"),
        ("Interview Kamis, 3 Desember 2026 jam 10.00\n💼 Kasir\n📍 Outlet Jl. Merdeka No. 3",
         "position", "Kasir"),
        # an agency writes for its client
        ("Hi Omar, my client, Helix Biotech, would like to invite you to an interview on "
         "Friday 4 December 2026 at 2pm.\n\nBest,\nHannah\nTalentbridge Search", "company",
         "Helix Biotech"),
        ("Our client Northwind Traders is keen to meet you for an interview on Monday "
         "7 December 2026 at 10am.", "company", "Northwind Traders"),
        ("Halo Dimas, klien kami, Sarana Prima Logistik, mengundang kamu interview hari Senin "
         "7 Desember 2026 jam 10.00.\n\nSalam,\nRia\nKarya Staffing", "company",
         "Sarana Prima Logistik"),
        # the organisation under the signer and the signer's title
        ("Hi Carlos, can you come in for an interview on Thursday, December 3, 2026 at 9:30 AM?"
         "\n\nThanks,\nMegan O'Neill\nRegional HR Manager\nSilverline Freight Co.", "company",
         "Silverline Freight Co."),
        ("We would like to invite you to interview on Monday 30 November 2026 at 4pm.\n\n"
         "Cheers,\nGrace Wong\nTalent Partner, Moonfield Games", "company", "Moonfield Games"),
        ("Kami mengundang Anda wawancara pada Senin, 30 November 2026 pukul 13.00 WIB.\n\n"
         "Salam,\nRina Wijaya\nHR Officer | Sinar Laut Abadi", "company", "Sinar Laut Abadi"),
        # "a recruiter at X", "the post of … at X"
        ("I'm Grace, a recruiter at Moonfield Games. Would Monday, 30 November at 4pm work for "
         "an interview?", "company", "Moonfield Games"),
        ("Thank you for your application for the post of Library Assistant at Fenwick College. "
         "I am pleased to invite you to interview on Tuesday 8th December 2026 at 2.30pm.",
         "company", "Fenwick College"),
        # the title after "the post of", "the … opening / job", "jabatan"
        ("Thank you for your application for the post of Library Assistant at Fenwick College. "
         "Interview: Tuesday 8th December 2026 at 2.30pm.", "position", "Library Assistant"),
        ("We'd like to chat about the Senior 3D Artist opening on Monday, 30 November at 4pm.",
         "position", "Senior 3D Artist"),
        ("Can u do a phone interview tmrw at 3pm for the Forklift Operator job?", "position",
         "Forklift Operator"),
        ("Menindaklanjuti lamaran Saudara untuk jabatan Drafter Sipil, kami mengundang Saudara "
         "wawancara pada Kamis, 3 Desember 2026 pukul 10.00 WIB.", "position", "Drafter Sipil"),
        # a place after "at our … centre," and in a room
        ("We'd love to meet you on Thursday, December 3, 2026 at 9:30 AM at our Reno distribution"
         " center, 4400 Longley Lane, Reno, NV 89502.", "location",
         "4400 Longley Lane, Reno, NV 89502"),
        ("The interview is on Monday 7 December 2026 at 11:00 am in Seminar Room 3.05, Block B, "
         "Horizon University.", "location", "Seminar Room 3.05, Block B, Horizon University"),
        ("Jadwal interview besok Senin, 23 November 2026 jam 09.30 WIB di Workshop Daya Prima, "
         "Kawasan Industri Jababeka Blok C2, Cikarang.", "location",
         "Workshop Daya Prima, Kawasan Industri Jababeka Blok C2, Cikarang"),
        ("Interview Sabtu 28/11 jam 2 siang di Outlet Kopi Teduh Cihampelas, Bandung ya kak.",
         "location", "Outlet Kopi Teduh Cihampelas, Bandung"),
        # a letter's number after a letterhead's street number
        ("PT MITRA BANGUN\nJl. Raya Darmo No. 101, Surabaya\n\nNomor : 118/HRD-MBP/XI/2026\n"
         "Perihal : Panggilan Wawancara\n\nDengan hormat,\nwawancara Kamis, 3 Desember 2026 "
         "pukul 10.00 WIB.", "reference", "118/HRD-MBP/XI/2026"),
        ("CV SUMBER ABADI\nJl. Pemuda No. 7, Semarang\n\nNo. : 045/SA/XI/2026\n\nYth. Sdr. Andi,"
         "\nwawancara Senin, 30 November 2026 pukul 09.00 WIB.", "reference", "045/SA/XI/2026"),
    ],
)  # fmt: skip
def test_a_field_written_this_way_is_read(text: str, field: str, value: str) -> None:
    inv = read_text(text, now=NOW)
    assert getattr(inv, field) == value


@pytest.mark.parametrize(
    ("text", "name", "phone", "honorific"),
    [
        # a WhatsApp link is the phone; the person in brackets after it is the contact
        ("Walk in interview Sabtu, 5 Desember 2026 jam 08.00 WIB.\n"
         "Info: wa.me/6281377889900 (Pak Dodi)", "Dodi", "6281377889900", "Bapak"),
        ("Interview Senin 30 November 2026 jam 10.00. Konfirmasi ke "
         "https://api.whatsapp.com/send?phone=6285711112222 (Bu Sari)", "Sari", "6285711112222",
         "Ibu"),
        ("Interview Kamis 3 Desember 2026 jam 13.00. CP 0812-3456-7890 (Kak Rina)", "Rina",
         "0812-3456-7890", "Kak"),
        ("Interview on Monday 30 November 2026 at 10am. Questions: +65 9123 4567 (Ms. Lim)",
         "Lim", "+65 9123 4567", "Ms."),
    ],
)  # fmt: skip
def test_a_number_and_the_person_it_is_for(
    text: str, name: str, phone: str, honorific: str
) -> None:
    inv = read_text(text, now=NOW)
    assert (inv.contact.name, inv.contact.phone, inv.contact.honorific) == (
        name,
        phone,
        honorific,
    )


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        # an institution that relays an employer's interview signs: its team is whom to answer
        ("Interview with Larkspur Consulting on Monday 7 December 2026 at 11:00 am.\n\n"
         "Kind regards,\nCareer Development Office\nHorizon University",
         "Career Development Office"),
        ("Wawancara magang bersama PT Arunika Digital pada Rabu, 2 Desember 2026 pukul 15.00 WIB."
         "\n\nSalam hangat,\nTim Pusat Karir\nUniversitas Nusa Bangsa", "Tim Pusat Karir"),
        ("Wawancara perawat pada Senin, 30 November 2026 pukul 08.00 WIB.\n\nHormat kami,\n"
         "Bagian SDM\nRS Graha Medika", "Bagian SDM"),
        # a sign-off in two languages is a sign-off
        ("Kami mengundang Anda wawancara Kamis, 3 Desember 2026 pukul 10.00 WIB.\n\n"
         "Salam / Regards,\nMelati Kusuma\nTalent Acquisition", "Melati Kusuma"),
        ("Interview on Thursday, 3 December 2026 at 10:00.\n\nHormat kami / Best regards,\n"
         "Yusuf Hakim", "Yusuf Hakim"),
    ],
)  # fmt: skip
def test_who_signs(text: str, contact: str) -> None:
    assert read_text(text, now=NOW).contact.name == contact


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        # a meeting's head: its day on one line, its hours on the next (not a letter's date)
        ("Interview: Junior Data Analyst - Orchard Analytics\nWednesday, December 9, 2026\n"
         "9:00 AM - 10:00 AM (UTC+07:00) Bangkok, Hanoi, Jakarta\n\nJoin the Teams meeting.",
         "2026-12-09", "09:00"),
        ("Wawancara User - Staf Keuangan\nSenin, 7 Desember 2026\n13.00 - 14.00 WIB\n\n"
         "Link menyusul.", "2026-12-07", "13:00"),
        ("Final interview\nFriday 4 December 2026\n2:30 PM - 3:15 PM\n\nOffice, 2nd floor.",
         "2026-12-04", "14:30"),
    ],
)  # fmt: skip
def test_a_meeting_head_gives_the_day(text: str, day: str, clock: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None
    assert (inv.start.date().isoformat(), inv.start.strftime("%H:%M")) == (day, clock)


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        # the date on a line of its own under the sentence that introduces it, its time under
        # its label on the next: no letter's date, though few lines stand above it
        ("Selamat sore Ibu Dewi,\n\nKami mengundang Ibu untuk mengikuti psikotes dan tes "
         "tertulis pada:\n\nSelasa, 15 Desember 2026\nJam 08.00 - 12.00 WIB\nKantor kami, "
         "Jl. Raya Bekasi Km. 21", "2026-12-15", "08:00"),
        ("Dear Mr. Tan,\nWe are pleased to invite you to a panel interview for the Analyst role "
         "with our regional team, which will be held as follows:\n\nWednesday, 16 December "
         "2026\nTime: 2:00 PM SGT\nVenue: 8 Marina View", "2026-12-16", "14:00"),
        ("Halo Kak Sinta,\nJadwal interview kamu:\nKamis, 17 Desember 2026\nPukul: 10.00 WIB",
         "2026-12-17", "10:00"),
    ],
)  # fmt: skip
def test_a_date_under_the_line_that_introduces_it_is_the_interview_s(
    text: str, day: str, clock: str
) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None, inv.ambiguous
    assert (inv.start.date().isoformat(), inv.start.strftime("%H:%M")) == (day, clock)


@pytest.mark.parametrize(
    "text",
    [
        "Jakarta, 18 November 2026\n\nKepada Yth. Sdr. Bima,\nKami mengundang Anda wawancara.",
        "18 November 2026\n\nDear Ms. Chen,\nWe would like to invite you to an interview.",
    ],
)
def test_a_letter_date_is_still_no_interview_date(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is None and inv.day is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # of a subject's two parts, the title is the one with a job's word
        ("Subject: Interview Invitation: Amazon - Software Engineer\n\nWe invite you to a "
         "technical interview on Oct 12 at 2:00 PM.", "position", "Software Engineer"),
        ("Subject: Undangan Wawancara: Kopi Teduh - Staf Admin\n\nKami mengundang Anda wawancara "
         "pada Senin, 30 November 2026 pukul 10.00 WIB.", "position", "Staf Admin"),
        ("Subject: Interview: Data Analyst - Orchard Analytics\n\nSee you on Monday 30 November "
         "2026 at 10am.", "position", "Data Analyst"),
        # a job portal's team signs its template: no company
        ("Kami mengundang Anda wawancara pada Senin, 30 November 2026 pukul 10.00 WIB.\n\n"
         "Salam,\nTeam Recruitment InfoLoker", "company", None),
        ("We invite you to an interview on Monday 30 November 2026 at 10am.\n\nBest,\n"
         "Glints Recruitment Team", "company", None),
        # "our office" alone says on site, not where
        ("Silakan datang ke wawancara besok jam 9 di kantor kami.", "location", None),
        ("Silakan datang wawancara Senin 30 November 2026 jam 9 di kantor kami di Jl. Sudirman "
         "No. 5, Jakarta.", "location", "Jl. Sudirman No. 5, Jakarta"),
        # a city alone may be where the job is: it says nothing of how the interview is held
        ("Company: Bosch\nRole: QA Automation Intern\nLocation: Berlin\nWe would like to invite "
         "you to an interview on 15 December 2026.", "mode", None),
        ("Perusahaan: Sinar Jaya\nPosisi: Staf Gudang\nLokasi: Surabaya\nKami mengundang Anda "
         "interview tanggal 15 Desember 2026.", "mode", None),
        ("Lokasi: Gedung Graha Lt. 3, Jl. Pemuda 12, Surabaya\nInterview tanggal 15 Desember "
         "2026 pukul 10.00.", "mode", "onsite"),
        # no date to measure from: the way of meeting said nearest the interview's mention
        ("Tes Online :\n1. Link dikirim lewat email.\nWawancara :\n1. Bertempat di kantor, "
         "bawa CV.\nPengumuman hasil secara online.", "mode", "onsite"),
        ("Online test first: the link comes by email.\nThe interview will then be in person, "
         "so bring your ID.", "mode", "onsite"),
        ("Psikotes dilaksanakan di kantor pusat.\n\nWawancara user secara online via Zoom.",
         "mode", "online"),
        ("The written assessment is at our office.\n\nThe interview itself is a video call.",
         "mode", "online"),
        # what to do for a virtual interview, if it is one, is no mode
        ("We would like to propose Monday 30 November 2026 at 10am. If none suits you, we can "
         "also arrange a virtual interview.\nFor a virtual interview, please ensure a stable "
         "internet connection.", "mode", None),
    ],
)  # fmt: skip
def test_a_value_only_where_the_message_gives_it(text: str, field: str, value: str | None) -> None:
    assert getattr(read_text(text, now=NOW), field) == value


@pytest.mark.parametrize(
    ("address", "company"),
    [
        ("sarah.amalia@startup.id", None),
        ("rekrutmen@perusahaan.co.id", None),
        ("hr@example.com", None),
        ("careers@nimbusworks.io", "Nimbusworks"),
        ("hrd@maju-jaya.co.id", "Maju Jaya"),
    ],
)
def test_a_common_noun_as_a_domain_names_no_company(address: str, company: str | None) -> None:
    from sopan.read.company import from_domain

    found = from_domain(address)
    assert (found.value if found else None) == company


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # an agenda: ranges on their own lines, each starting where the one before ended
        ("Onsite interview on Wednesday, 9 December 2026.\nAgenda:\n09:30 - 10:00 Welcome\n"
         "10:00 - 11:00 Technical interview\n11:00 - 11:45 Design exercise\n", "09:30", "11:45"),
        ("Jadwal wawancara Senin, 7 Desember 2026:\n08.00 - 09.00 Psikotes\n09.00 - 10.30 "
         "Wawancara user\n10.30 - 11.00 Wawancara HR\n", "08:00", "11:00"),
        # ranges that do not follow on from each other are no agenda
        ("Interview on Monday 7 December 2026.\n09:00 - 10:00 Technical interview\n"
         "14:00 - 15:00 Lunch with the team\n", "09:00", "10:00"),
        ("Wawancara Selasa, 8 Desember 2026 pukul 10.00 - 11.00 WIB. Istirahat 12.00 - 13.00.",
         "10:00", "11:00"),
    ],
)  # fmt: skip
def test_an_agenda_runs_to_its_last_end(text: str, start: str, end: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None and inv.end is not None
    assert (inv.start.strftime("%H:%M"), inv.end.strftime("%H:%M")) == (start, end)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Halo kak, makasih udah apply di Toko Kue Manis Jaya ya. Bisa interview Rabu 25 Nov "
         "jam 10?", "Toko Kue Manis Jaya"),
        ("Terima kasih sudah daftar di Bengkel Sinar Motor. Interview hari Senin jam 9 ya.",
         "Bengkel Sinar Motor"),
        ("Thanks for applying to Harbor Grill! Can you come in for an interview on Thursday?",
         "Harbor Grill"),
    ],
)  # fmt: skip
def test_where_the_candidate_applied(text: str, company: str) -> None:
    assert read_text(text, now=NOW).company == company


def test_a_button_to_chat_is_no_contact() -> None:
    text = ("Jadwal interview kamu sudah ditentukan!\n\nPosisi: Mekanik Motor\nJadwal: Senin, "
            "30 November 2026, 09.00 WIB\n\nLihat Detail\nChat Rekruter\n")  # fmt: skip
    assert read_text(text, now=NOW).contact.name is None
