"""Ways of writing an invitation seen in newer messages, each on several of the project's own
short texts in both languages: an IANA zone written out, a range opened by "between"/"antara",
a signature whose role line ends in a comma, a person to ask for in brackets, a table laid out
with tabs, and a chat written without a capital letter."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


# --- an IANA zone written in the text ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "hm"),
    [
        ("Your interview is on Monday, November 23, 2026 at 10:00 (America/New_York) on Zoom.",
         "America/New_York", (10, 0)),
        ("Wawancara online: Senin, 23 November 2026 pukul 10.00 (zona waktu Asia/Jakarta).",
         "Asia/Jakarta", (10, 0)),
        ("Interview: November 23, 2026, 9:30 AM, time zone: Europe/London", "Europe/London",
         (9, 30)),
        ("Interview: Monday, November 23, 2026, 9:30 AM\nTimezone: Asia/Singapore\nVia Zoom",
         "Asia/Singapore", (9, 30)),
        ("Jadwal: Senin, 23 November 2026 pukul 10.00\nZona waktu: Asia/Makassar",
         "Asia/Makassar", (10, 0)),
        ("Interview Monday, November 23, 2026 10:00 America/Los_Angeles time",
         "America/Los_Angeles", (10, 0)),
        ("Wawancara Senin 23/11/2026 jam 14.00 (asia/jayapura)", "Asia/Jayapura", (14, 0)),
    ],
)  # fmt: skip
def test_an_iana_zone_written_in_the_text_is_the_zone(
    text: str, zone: str, hm: tuple[int, int]
) -> None:
    inv = read_text(text, now=NOW)
    assert inv.timezone == zone and "timezone" not in inv.missing
    assert inv.start is not None and (inv.start.hour, inv.start.minute) == hm
    assert inv.start.tzinfo == ZoneInfo(zone)


@pytest.mark.parametrize(
    "text",
    [
        # a web address's path is no zone, nor a zone the system does not know
        "Interview Monday, November 23, 2026 10:00. Calendar: https://cal.example.com/Asia/Tokyo/x",
        "Wawancara Senin, 23 November 2026 pukul 10.00 (Asia/Atlantis)",
    ],
)
def test_a_path_or_an_unknown_name_is_no_zone(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert "timezone" in inv.missing


def test_two_iana_zones_elsewhere_in_the_text_decide_nothing() -> None:
    text = (
        "Interview on Monday, November 23, 2026 at 10:00.\n"
        "Our offices: Europe/Berlin and America/Chicago."
    )
    assert "timezone" in read_text(text, now=NOW).missing


# --- "between … and …" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Please join us on Monday, November 23, 2026 between 10:00 and 11:15 for a short chat.",
         (10, 0), (11, 15)),
        ("Wawancara dilaksanakan Senin, 23 November 2026 antara pukul 10.00 dan 11.15 WIB.",
         (10, 0), (11, 15)),
        ("We can meet Tuesday 24 Nov 2026 between 2pm and 3pm.", (14, 0), (15, 0)),
        ("Interview Selasa 24 November 2026 antara jam 13.00 dan jam 14.30", (13, 0), (14, 30)),
        ("We will call you on Tuesday 24 Nov 2026 between 9:30 am & 11 am (Singapore time).",
         (9, 30), (11, 0)),
        ("Kami akan menelepon Anda hari Selasa, 24 November 2026, antara pukul 09.00 dan "
         "pukul 10.30 WIB.", (9, 0), (10, 30)),
    ],
)  # fmt: skip
def test_a_range_between_two_times_gives_start_and_end(
    text: str, start: tuple[int, int], end: tuple[int, int]
) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None and inv.end is not None
    assert (inv.start.hour, inv.start.minute) == start
    assert (inv.end.hour, inv.end.minute) == end


def test_two_times_joined_by_and_without_between_are_no_range() -> None:
    inv = read_text("Interview slots on 24 November 2026: 10:00 and 14:00.", now=NOW)
    assert inv.end is None


# --- a table laid out with tabs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company", "position", "location"),
    [
        # a header row of labels over a row of values
        ("Jadwal Interview\nPerusahaan\tPosisi\tTanggal\tWaktu\tLokasi\n"
         "PT Sinar Abadi\tAdmin Gudang\tSenin, 23 November 2026\t10.00 WIB\tJl. Merdeka 5, Bandung",
         "PT Sinar Abadi", "Admin Gudang", "Jl. Merdeka 5, Bandung"),
        ("Interview schedule\n\nCompany\tRole\tDate\tTime\tLocation\nNimbus Labs\tData Analyst\t"
         "Tuesday, 24 November 2026\t14:00 - 15:00\tOne Raffles Place, Singapore",
         "Nimbus Labs", "Data Analyst", "One Raffles Place, Singapore"),
        ("Undangan interview:\n| Posisi | Tanggal | Jam | Tempat |\n"
         "| Kasir | Rabu, 25 November 2026 | 09.00 WIB | Toko Maju, Jl. Braga 10 Bandung |",
         None, "Kasir", "Toko Maju, Jl. Braga 10 Bandung"),
        ("Undangan interview\nPosisi\tTanggal\tPukul\nStaf Admin\t25/11/2026\t13.00\n\n"
         "Hormat kami,\nPT Cahaya Timur", "PT Cahaya Timur", "Staf Admin", None),
        # a label and its value in two cells of one row
        ("Interview Details\nCompany\tNimbus Labs\nPosition\tData Analyst\n"
         "Date\tMonday, 23 November 2026\nTime\t10:00 - 11:00 WIB\n"
         "Location\tJl. Sudirman 5, Jakarta",
         "Nimbus Labs", "Data Analyst", "Jl. Sudirman 5, Jakarta"),
        ("Detail wawancara\nPerusahaan\t:\tCV Maju Bersama\nPosisi\t:\tStaf Gudang\n"
         "Hari/Tanggal\t:\tRabu, 25 November 2026\nTempat\t:\tJl. Pemuda 3, Semarang",
         "CV Maju Bersama", "Staf Gudang", "Jl. Pemuda 3, Semarang"),
    ],
)  # fmt: skip
def test_a_table_laid_out_with_tabs(
    text: str, company: str | None, position: str, location: str | None
) -> None:
    inv = read_text(text, now=NOW)
    assert (inv.company, inv.position, inv.location) == (company, position, location)
    assert inv.day is not None
    for field in ("company", "position", "location"):
        fact = inv.fact(field)
        if fact is not None:  # the span of each cell holds its value
            assert inv.text[fact.start : fact.end] == getattr(inv, field)


def test_two_rows_of_labels_are_no_header_over_values() -> None:
    text = "Posisi\tTanggal\nLokasi\tWaktu\n\nInterview Senin, 23 November 2026 pukul 10.00 WIB."
    inv = read_text(text, now=NOW)
    assert inv.position is None and inv.location is None


# --- a signature whose role line ends in a comma ----------------------------------------------


_ID = (
    "Dengan hormat,\n\nKami mengundang Saudara wawancara Senin, 23 November 2026 "
    "pukul 09.00 WIB.\n\n"
)
_EN = "Dear Ms. Lim,\n\nWe invite you to an interview on Monday, 23 November 2026 at 9:00 AM.\n\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the name below the role, a blank line or a "ttd." between them
        (_ID + "Kepala Sekolah,\n\nDrs. Bambang Sutrisno", "Bambang Sutrisno"),
        (_ID + "Bandung, 20 November 2026\nKepala Sekolah,\n\nttd.\n\n"
         "Hj. Siti Rahmawati, S.Pd., M.Pd.", "Siti Rahmawati"),
        (_ID + "Hormat kami,\nKepala Bagian Personalia,\n\nSiti Aminah", "Siti Aminah"),
        (_EN + "Hiring Manager,\n\nDaniel Ortiz", "Daniel Ortiz"),
        (_EN + "Head of People,\n(signed)\nGrace Holloway", "Grace Holloway"),
        # the name above the role
        (_EN + "Daniel Ortiz\nHiring Manager,\nBlue River Foods", "Daniel Ortiz"),
        (_ID + "Agus Salim\nKepala Personalia,\nCV Sumber Rejeki", "Agus Salim"),
        (_ID + "Hormat kami,\n\nDrs. Agus Salim\nKepala Personalia,\nCV Sumber Rejeki",
         "Agus Salim"),
    ],
)  # fmt: skip
def test_the_signer_beside_a_role_line_ending_in_a_comma(text: str, name: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.contact.name == name
    assert inv.company != name  # the signer's name is no organisation's
    assert inv.contact.honorific is None  # a degree ("Drs.", "Hj.") is no title of address


# --- a person to ask for, in brackets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "honorific", "location"),
    [
        ("Please come for an interview on Monday, November 23, 2026 at 10 AM at our front desk "
         "(ask for Mel).", "Mel", None, None),
        ("Halo kak, interview hari Senin 23 November 2026 jam 10.00 WIB di toko kami, "
         "Jl. Braga 10 Bandung (tanya ke Bu Rina).", "Rina", "Ibu",
         "toko kami, Jl. Braga 10 Bandung"),
        ("Interview Senin 23/11/2026 jam 13.00 di Jl. Asia Afrika 8 Bandung (cari Pak Dedi ya)",
         "Dedi", "Bapak", "Jl. Asia Afrika 8 Bandung"),
        ("Please come to our office on Monday, November 23, 2026 at 2 PM (ask for Priya at the "
         "front desk).", "Priya", None, None),
        ("Interview tomorrow at 10am, reception of Tower B (ask for Ms. Chen, HR).", "Chen",
         "Ms.", None),
        ("Lokasi: Gedung Graha Niaga lt. 5 (temui Mbak Sari)\n"
         "Waktu: Senin, 23 November 2026 pukul 10.00 WIB", "Sari", "Mbak",
         "Gedung Graha Niaga lt. 5"),
    ],
)  # fmt: skip
def test_a_person_to_ask_for_in_brackets_is_the_contact(
    text: str, name: str, honorific: str | None, location: str | None
) -> None:
    inv = read_text(text, now=NOW)
    assert (inv.contact.name, inv.contact.honorific) == (name, honorific)
    if location is not None:
        assert inv.location == location


# --- a chat written without a capital letter --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company", "position", "start", "zone"),
    [
        ("halo kak, ini dari hrd pt sinar abadi. kakak lolos ke tahap interview untuk posisi admin "
         "gudang ya. interview nya hari senin 23 november jam 10 pagi di kantor kami jl. merdeka "
         "no 5 bandung. tolong konfirmasi ya kak",
         "PT Sinar Abadi", "Admin Gudang", "2026-11-23T10:00", None),
        ("hi! this is sarah from brightpath logistics. we'd like to invite you to an interview for "
         "the warehouse supervisor role on monday, november 23 at 2pm. it'll be on zoom: "
         "https://zoom.us/j/123456789. let me know if that works!",
         "Brightpath Logistics", "Warehouse Supervisor", "2026-11-23T14:00", None),
        ("selamat siang, kami dari tim rekrutmen kopi kenangan mengundang anda wawancara posisi "
         "barista pada selasa 24/11 pukul 13.00 wib di outlet kopi kenangan blok m. terima kasih",
         "Kopi Kenangan", "Barista", "2026-11-24T13:00", "Asia/Jakarta"),
        ("hey, quick note from the hiring team at nimbus labs: your interview for junior data "
         "analyst is on tuesday 24 november, 10:30am - 11:15am (jakarta time). google meet link "
         "will follow.", "Nimbus Labs", "Junior Data Analyst", "2026-11-24T10:30", "Asia/Jakarta"),
        ("halo, saya dewi dari pt maju jaya. mau ngundang interview posisi kasir hari senin 23/11 "
         "jam 1 siang di toko kami jl. braga no. 10 bandung ya. makasih",
         "PT Maju Jaya", "Kasir", "2026-11-23T13:00", None),
        ("interview invite for the data analyst role at acme analytics, tuesday 24 november 2026, "
         "3pm sgt "
         "via google meet\n\nregards,\npriya nair\ntalent acquisition\nacme analytics",
         "Acme Analytics", "Data Analyst", "2026-11-24T15:00", "Asia/Singapore"),
        ("pagi kak, undangan interview posisi staff admin di cv maju bersama, rabu 25 november "
         "jam 9 di kantor. cp: bu rina 0812-3456-7890",
         "CV Maju Bersama", "Staff Admin", "2026-11-25T09:00", None),
    ],
)  # fmt: skip
def test_a_chat_without_capitals_is_read_as_any_other(
    text: str, company: str, position: str, start: str, zone: str | None
) -> None:
    inv = read_text(text, now=NOW)
    assert (inv.company, inv.position) == (company, position)
    assert inv.start is not None and inv.start.isoformat().startswith(start)
    if zone is not None:
        assert inv.timezone == zone and "timezone" not in inv.missing
    for field in ("company", "position"):
        fact = inv.fact(field)
        assert fact is not None  # the span holds the value as written, in its own case
        assert inv.text[fact.start : fact.end].lower() == getattr(inv, field).lower()
    assert inv.text == text  # what is shown is the message as written


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        ("pagi kak, undangan interview posisi staff admin di cv maju bersama, rabu 25 november "
         "jam 9 di kantor. cp: bu rina 0812-3456-7890", "Rina", "Ibu"),
        ("hi! this is sarah from brightpath logistics. interview on monday, november 23 at 2pm.",
         "Sarah", None),
        ("interview senin 23 november jam 13.00 di jl. asia afrika 8 bandung (cari pak dedi ya)",
         "Dedi", "Bapak"),
        ("interview on monday, november 23 at 10am.\n\ncheers,\njess walker\nnorthwind traders",
         "Jess Walker", None),
    ],
)  # fmt: skip
def test_a_person_in_a_chat_without_capitals(text: str, name: str, honorific: str | None) -> None:
    contact = read_text(text, now=NOW).contact
    assert (contact.name, contact.honorific) == (name, honorific)


def test_a_message_with_capitals_is_read_as_written() -> None:
    text = "Interview for the warehouse supervisor role at our office, Monday 23 November 10:00."
    inv = read_text(text, now=NOW)
    assert inv.position is None or inv.position == inv.position.lower()  # no case made up


# --- text as OCR gives it back -----------------------------------------------------------------


def test_an_agenda_with_blank_lines_between_its_ranges_ends_at_its_last() -> None:
    text = (
        "Your onsite interview is on Wednesday, 9 December 2026.\n\nAgenda:\n\n"
        "09:30 - 10:00 Welcome\n\n10:00 - 11:00 Technical interview\n11:00 - 11:45 Design\n\n"
        "11:45 - 12:15 HR conversation\n"
    )
    inv = read_text(text, now=NOW)
    assert inv.start is not None and inv.end is not None
    assert (inv.start.hour, inv.start.minute, inv.end.hour, inv.end.minute) == (9, 30, 12, 15)


@pytest.mark.parametrize("written", ["(UTC--07:00)", "(GMT+-7)", "UTC -- 5", "(UTC−–07:00)"])
def test_an_offset_that_cannot_be_read_is_never_utc(written: str) -> None:
    inv = read_text(f"Interview on Wednesday, 9 December 2026, 9:00 AM {written}", now=NOW)
    assert inv.timezone not in ("Etc/UTC", "Etc/GMT") or "timezone" in inv.missing
    assert inv.start is None or inv.start.utcoffset() != ZoneInfo("UTC").utcoffset(None)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("You have been selected to interview for Job Reguisition R-20114 Medical Billing "
         "Specialist.", "Medical Billing Specialist"),
        ("You have been selected to interview for Job Requisitlon JR-5521 Store Supervisor.",
         "Store Supervisor"),
    ],
)  # fmt: skip
def test_a_requisition_number_before_the_title_as_ocr_reads_it(text: str, position: str) -> None:
    assert read_text(text + " Friday, December 4, 2026 9:30 AM.", now=NOW).position == position


@pytest.mark.parametrize(
    "text",
    [
        "Jadwal wawancara kamu sudah ditetapkan.\nTanggal\nKamis, 26 November 2026\nPlatform\n\n"
        "Google Meet\n",
        "Your interview is set for Thursday, 26 November 2026 at 10:00.\nPlatform:\n\n"
        "Zoom Meeting\n",
        "Interview Thursday, 26 November 2026 10:00.\n\nMicrosoft Teams\n",
    ],
)
def test_a_meeting_platform_is_no_persons_name(text: str) -> None:
    assert read_text(text, now=NOW).contact.name is None


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Lamaranmu untuk posisi Data Analyst sudah masuk tahap Interview HR.\nJadwal: Rabu, "
         "9 Desember 2026 10.30 WIB\nPertanyaan? Hubungi kami di bantuan@kerjaku.id", None),
        ("Interview on Wednesday, 9 December 2026 at 10:00.\nNeed help? Write to "
         "support@hirewell.example", None),
        ("Interview on Wednesday, 9 December 2026 at 10:00.\nNeed help? Write to "
         "support@hirewell.example or to me, maya.chen@hirewell.example",
         "maya.chen@hirewell.example"),
    ],
)  # fmt: skip
def test_a_help_desks_address_is_not_whom_to_answer(text: str, email: str | None) -> None:
    assert read_text(text, now=NOW).contact.email == email


@pytest.mark.parametrize(
    "text",
    [
        "9.00 WIB di Jl. Ahmad Yani No. 88 Bekasi.\n\nAnda dijadwalkan interview hr Selasa "
        "24/11/26 pkl 0",
        "Interview Selasa 24/11/2026 pukul 0",
        "Wawancara Rabu, 25 November 2026 jam 00 ya",
    ],
)
def test_pukul_0_is_no_time(text: str) -> None:
    """ "pukul 0" is how OCR cuts "pukul 09.00" at a line's end, never an interview's hour."""
    inv = read_text(text, now=NOW)
    assert inv.start is None and inv.time_of_day is None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Undangan Interview\nPewawancara : ((nama pewawancaraj)\n\nHormat kami,\nTim Rekrutmen",
         "contact.name"),
        ("Undangan interview posisi ((posisi)) pada Senin, 30 November 2026 pukul 10.00 WIB.",
         "position"),
        ("Interview for the (( job_title )) role on Monday, 30 November 2026 at 10:00.",
         "position"),
    ],
)  # fmt: skip
def test_a_slot_in_double_brackets_is_no_value(text: str, field: str) -> None:
    """ "((nama))", as some templates write a slot and OCR reads "{{ nama }}"."""
    inv = read_text(text, now=NOW)
    assert field in inv.placeholders
    assert inv.position is None and inv.contact.name is None
