"""Template slots, one concept (`sopan.read.slots`): every written form is found wherever it
stands, blanked with its offsets kept, named by the field it stands for, and never a value."""

from __future__ import annotations

import pytest

from sopan.read import slots

#: each form of slot, as templates write it, in both languages: (slot, the field it stands for)
FORMS: dict[str, list[tuple[str, str | None]]] = {
    "double braces": [
        ("{{ posisi }}", "position"),
        ("{{company_name}}", "company"),
        ("{{ $lamaran->tanggal }}", "start"),
        ("{{ $data['interview_location'] }}", "location"),
        ("{{ config('app.name') }}", None),
        ("{{interviewTime}}", "start"),
    ],
    "dollar braces": [
        ("${jobTitle}", "position"),
        ("${data.companyName}", "company"),
        ("${formatInterviewDate(data.scheduledAt)}", "start"),
        ("${input.interviewLink ? 'Link: ' + input.interviewLink : ''}", "meeting_link"),
        ("${hrEmail}", "contact.email"),
    ],
    "single braces": [
        ("{nama}", None),
        ("{tanggal}", "start"),
        ("{lokasi}", "location"),
        ("{$jadwal}", "start"),
        ("{ form.interviewLocation }", "location"),
        ("{$this->application->jobListing->company_name}", "company"),
        ("{COMPANY_NAME}", "company"),
    ],
    "printf and dollar words": [
        ("%(position)s", "position"),
        ("%s", None),
        ("%TANGGAL%", "start"),
        ("$posisi", "position"),
        ("$alamat_kantor", "location"),
    ],
    "merge tags": [
        ("*|FIRST_NAME|*", None),
        ("*|REQUEST_TITLE|*", "position"),
        ("*|INTERVIEW_ADDRESS|*", "location"),
    ],
    "brackets": [
        ("[Tanggal]", "start"),
        ("[Company Name]", "company"),
        ("[Nama Perusahaan]", "company"),
        ("[Job Title]", "position"),
        ("[Interview Date]", "start"),
        ("[isi jam]", "start"),
        ("[Platform Name or Link]", "meeting_link"),
        ("[Your Name]", None),
        ("[[nama_hrd]]", "contact.name"),
    ],
    "other syntaxes": [
        ("<<tanggal>>", "start"),
        ("«posisi»", "position"),
        ("<?= $t->tgl_lamar ?>", "start"),
        ("<%= job.title %>", "position"),
        ("@dateId($int_date)", "start"),
    ],
    "runs": [
        ("XXXX", None),
        ("xx xx xxxx", None),
        ("xx/xx/xxxx", None),
        ("______", None),
        ("..........", None),
        ("---(1)---", None),
    ],
    "identifiers": [
        ("positionName", "position"),
        ("interviewDate", "start"),
        ("COMPANY_NAME", "company"),
        ("nama_kandidat", None),
        ("config.app_name", None),
        ("data.companyName", "company"),
        ("__LOKASI__", "location"),
    ],
    "instructions": [
        ("(isi alamat lengkap di sini)", "location"),
        ("(Masukkan Link Google Meet Di Sini)", "meeting_link"),
        ("[mention the reason]", None),
        ("<insert date>", "start"),
        ("(tulis nama pewawancara)", "contact.name"),
        ("(nama perusahaan)", "company"),
        ("Masukkan link Zoom di sini", "meeting_link"),
    ],
    "unfilled times and dates": [
        ("00.00", None),
        ("00:00", None),
        ("dd/mm/yyyy", None),
        ("DD-MM-YYYY", None),
        ("hh:mm", None),
    ],
}
CASES = [(kind, slot, field) for kind, items in FORMS.items() for slot, field in items]


@pytest.mark.parametrize(("kind", "slot", "field"), CASES)
def test_each_form_is_found_where_it_stands(kind: str, slot: str, field: str | None) -> None:
    for before, after in (
        ("Tanggal : ", "\n"),  # a label's value
        ("Kami mengundang Anda ", " minggu depan."),  # inside an Indonesian sentence
        ("We invite you on ", ", thank you."),  # inside an English sentence
        ("", ""),  # alone
    ):
        text = before + slot + after
        found = slots.find(text)
        assert [(s.start, s.end) for s in found] == [(len(before), len(before) + len(slot))], (
            kind,
            text,
            found,
        )
        assert found[0].field == field, (kind, slot)
        blank = slots.blank(text)
        assert len(blank) == len(text) and blank.split() == (before + after).split()


@pytest.mark.parametrize(("kind", "slot", "field"), CASES)
def test_a_slot_is_never_a_value(kind: str, slot: str, field: str | None) -> None:
    assert slots.is_slot(slot), (kind, slot)


@pytest.mark.parametrize(
    "value",
    [
        "Job Title",
        "Nama Perusahaan",
        "Your Name",
        "Posisi yang dilamar",
        "Lokasi",
        "Company Name",
        "Interview Location",
        "Nama Pewawancara",
        "Candidate Name",
        "[Office Address] / [City, State, Zip Code]",
        "{{ $tempat }}, {{ $kota }}",
        "isi alamat lengkap di sini",
        "Enter the meeting link",
        "TBD",
    ],
)
def test_a_value_that_repeats_a_label_or_instructs_is_a_slot(value: str) -> None:
    assert slots.is_slot(value)


@pytest.mark.parametrize(
    "value",
    [
        "Staf Gudang",
        "PT Maju Jaya Abadi",
        "Product Manager",
        "Kantor Pusat, Jl. Sudirman No. 5",
        "Ruang 3",
        "Lantai 5",
        "Dewi Lestari",
        "eFishery",
        "iPhone Developer",
        "macOS Engineer",
        "Room 204",
        "Data Analyst",
        "Kasir",
        "Quality Control Engineer",
    ],
)
def test_a_real_value_is_no_slot(value: str) -> None:
    assert not slots.is_slot(value)
    assert slots.find(value) == []


@pytest.mark.parametrize(
    "text",
    [
        "Join: https://zoom.us/j/123?pwd=aBcD_eFgH",  # an identifier inside an address
        "Email: hr_team@maju-jaya.co.id",
        "Link: [https://meet.google.com/abc-defg-hij]",  # a link in brackets
        "Lihat catatan kaki [1].",
        "Passcode (771122) dan ID (812 3456 7890)",
        "pukul 10.00 - 12.00 WIB",
        "Rp 100.000,00",
        "meet.google.com, Jl.Sudirman, e.g. this",
        "Nomor: 045/HRD-REK/XI/2026",
        "Interview · Senin, 30 November 2026 · 10.00 WIB",
        "-----Original Message-----",
    ],
)
def test_what_people_write_is_left_alone(text: str) -> None:
    found = slots.find(text)
    kept = slots.blank(text, found)
    if text.startswith("-----"):
        return  # a separator is blanked, harmlessly: history is split before
    assert found == [], (text, found)
    assert kept == text


def test_a_link_holding_a_slot_is_a_slot_as_a_whole() -> None:
    for link in ("https://zoom.us/j/XXXXXXXXX", "https://meet.google.com/{{ kode }}"):
        text = f"Link: {link} (wajib hadir)"
        found = slots.find(text)
        assert [(s.start, s.end) for s in found] == [(6, 6 + len(link))]
        assert found[0].field == "meeting_link"


def test_a_masked_phone_number_loses_its_digits_run() -> None:
    blank = slots.blank("Nomor lama kami (0812-xxxx-xxxx) tidak aktif.")
    assert "xxxx" not in blank and "0812-" in blank


def test_slots_in_a_whole_template_leave_only_the_prose() -> None:
    text = (
        "Halo {nama_kandidat},\n"
        "Posisi: ${jobTitle}\n"
        "Tanggal: [Tanggal], pukul 00.00 WIB\n"
        "Lokasi: (isi alamat lengkap di sini)\n"
        "Salam, COMPANY_NAME"
    )
    fields = [s.field for s in slots.find(text)]
    assert fields == [None, "position", "start", None, "location", "company"]
    assert slots.blank(text).split() == ["Halo", ",", "Posisi:", "Tanggal:", ",", "pukul", "WIB",
                                         "Lokasi:", "Salam,"]  # fmt: skip


def test_a_long_word_is_searched_in_linear_time() -> None:
    # 50,000 small letters, a capital, a dash: the camelCase pattern once gave the run back a
    # letter at a time (quadratic: minutes); the answer is the same as for a short word
    for word in ("ab" + "c" * 50_000 + "Xy-", "ab" + "c" * 5 + "Xy-"):
        assert slots.find(word) == []
    assert [(s.start, s.end) for s in slots.find("ab" + "c" * 50_000 + "Name")] == [(0, 50_006)]
