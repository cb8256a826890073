"""A field whose text is a template slot is missing and listed in `placeholders`, never a
value; a date more than a few days before `now` is reported as `past`, and asserted only when
the message presents it as the interview's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.model.contracts import invitation_json
from sopan.read import read_bytes, read_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _json(text: str) -> dict[str, object]:
    return invitation_json(read_text(text, now=NOW))


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (  # Blade / Mustache in an Indonesian letter
            "Undangan wawancara\nPosisi : {{ $posisi }}\nHari/Tanggal : {{ $tanggal }}\n"
            "Tempat : {{ $tempat }}\nPewawancara : {{ $pewawancara }}\n",
            ["position", "start", "location", "contact.name"],
        ),
        (  # brackets in an English letter
            "Dear [Candidate Name],\nWe invite you to an interview for the [Job Title] role at "
            "[Company Name] on [Date] at [Time], at [Office Address].\nBest,\n[Your Name]\n",
            ["company", "position", "start", "location"],
        ),
        (  # identifiers an ATS left unfilled
            "Interview invitation\nPosition: positionName\nCompany: COMPANY_NAME\n"
            "Date: interviewDate\nLink: meetingLink\n",
            ["company", "position", "start", "meeting_link"],
        ),
        (  # a value that only repeats its label
            "Undangan interview\nPosisi : Posisi yang dilamar\nPerusahaan : Nama Perusahaan\n"
            "Tanggal : Senin, 30 November 2026 pukul 10.00 WIB\nLokasi : Lokasi Interview\n",
            ["company", "position", "location"],
        ),
        (  # an instruction to whoever fills the template, bare and in brackets
            "Undangan interview tanggal 30 November 2026 pukul 10.00 WIB.\n"
            "Lokasi : isi alamat lengkap di sini\nLink Zoom : (masukkan link zoom)\n",
            ["location", "meeting_link"],
        ),
        (  # a time left as 00.00 by the template
            "Undangan interview\nTanggal : Senin, 30 November 2026\nJam : 00.00 WIB\n",
            ["start"],
        ),
        (  # merge tags
            "Hi *|FIRST_NAME|*, your interview for *|JOB_TITLE|* is on *|DATE|* at "
            "*|START_TIME|* at *|INTERVIEW_ADDRESS|*.",
            ["position", "start", "location"],
        ),
        (  # the mode's line holds a slot: no mode is read from it
            "Undangan interview Senin, 30 November 2026 pukul 10.00 WIB.\n"
            "Metode : {{ metode_interview }}\n",
            ["mode"],
        ),
    ],
)
def test_a_slot_is_listed_and_never_a_value(text: str, held: list[str]) -> None:
    got = _json(text)
    assert got["placeholders"] == held
    for field in held:
        value = got["contact"]["name"] if field == "contact.name" else got[field]  # type: ignore[index]
        assert value is None, (field, value)
        if field in ("company", "position", "start"):
            assert field in got["missing"]


def test_a_field_given_elsewhere_is_no_placeholder() -> None:
    text = (
        "Subject: Undangan Interview - Staf Gudang\n\nPosisi : {{ posisi }}\n"
        "Tanggal : Senin, 30 November 2026 pukul 10.00 WIB\n"
    )
    got = _json(text)
    assert got["position"] == "Staf Gudang" and got["placeholders"] == []


def test_a_filled_invitation_has_no_placeholders() -> None:
    got = _json(
        "Undangan interview posisi Kasir di PT Maju Jaya.\nTanggal : Senin, 30 November 2026\n"
        "Jam : 10.00 WIB\nLokasi : Jl. Merdeka No. 5, Bandung\n"
    )
    assert got["placeholders"] == [] and got["position"] == "Kasir"


@pytest.mark.parametrize(
    "text",
    [
        "Jadwal interview kakak hari Senin, 2 November 2026 jam 13.00 di kantor kami ya kak.",
        "Undangan wawancara\nHari/Tanggal : Senin, 2 November 2026\nPukul : 13.00 WIB\n",
        "We'd like to invite you to an interview on Monday, November 2, 2026 at 1:00 PM.",
        "Interview Date: 2 November 2026\nTime: 13:00\n",
    ],
)
def test_a_past_date_presented_as_the_interviews_is_read_and_reported_past(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.day == date(2026, 11, 2) and inv.past
    assert invitation_json(inv)["past"] is True


@pytest.mark.parametrize(
    "text",
    [
        "The interview will take place at 9:00 am at our head office, the same venue where the "
        "initial test was taken on May 23rd, 2013.",
        "Please come at 10 am to the office. Parking is behind the building, as it was on "
        "3 March 2025.",
    ],
)
def test_a_past_date_nothing_presents_as_the_interviews_is_offered_not_asserted(
    text: str,
) -> None:
    inv = read_text(text, now=NOW)
    assert inv.day is None and inv.start is None and inv.past
    assert [a.field for a in inv.ambiguous] == ["start"]


def test_an_old_message_keeps_its_date_and_is_past() -> None:
    mail = (
        b"From: HR <hr@maju.example>\nSubject: Undangan interview\n"
        b"Date: Mon, 16 Sep 2024 09:00:00 +0700\nContent-Type: text/plain\n\n"
        b"Kami mengundang Anda interview pada Kamis, 19 September 2024 pukul 10.00 WIB.\n"
    )
    inv = read_bytes(mail, now=NOW)
    assert inv.start == datetime(2024, 9, 19, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.past


@pytest.mark.parametrize(
    ("written", "past"),
    [
        ("Rabu, 18 November 2026", False),  # two days ago: not yet "past"
        ("Selasa, 17 November 2026", False),  # three days: still not
        ("Senin, 16 November 2026", True),
        ("Senin, 23 November 2026", False),
    ],
)
def test_past_means_more_than_a_few_days_before_now(written: str, past: bool) -> None:
    inv = read_text(f"Undangan interview {written} pukul 10.00 WIB.", now=NOW)
    assert inv.past is past
