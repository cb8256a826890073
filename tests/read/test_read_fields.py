"""The non-time fields, one phrasing at a time."""

from __future__ import annotations

import pytest

from sopan.language.places import find_place_in
from sopan.read import fields, people


@pytest.mark.parametrize(
    "text, want",
    [
        ("Nomor: 045/HRD-REK/XI/2026", "045/HRD-REK/XI/2026"),
        ("No: 112/SLN-HR/XI/2026\n", "112/SLN-HR/XI/2026"),
        ("Ref. ID 8821", "8821"),
        ("Reference: REQ-2026-0042", "REQ-2026-0042"),
        ("No 4, Ogungbeye Estate", None),
        ("Jl. Asia Afrika No. 8, Bandung", None),
    ],
)
def test_reference(text: str, want: str | None) -> None:
    assert fields.reference(text) == want


@pytest.mark.parametrize(
    "text, link, code",
    [
        (
            "Join Zoom https://us02web.zoom.us/j/987?pwd=abc\nPasscode: 556677",
            "https://us02web.zoom.us/j/987?pwd=abc",
            "556677",
        ),
        ("Link: meet.google.com/xyz-abcd-efg", "meet.google.com/xyz-abcd-efg", None),
        # the address's "pwd=" is a token, not the passcode written beside it
        (
            "Zoom: https://us02web.zoom.us/j/888?pwd=abc123 Meeting ID: 888 Passcode: rg2026",
            "https://us02web.zoom.us/j/888?pwd=abc123",
            "rg2026",
        ),
        ("Zoom: https://zoom.us/j/888?pwd=Xy7Kq2", "https://zoom.us/j/888?pwd=Xy7Kq2", None),
        (
            "Teams: https://teams.microsoft.com/l/meetup-join/19%3a1\nKode akses: 7Hk2pQ",
            "https://teams.microsoft.com/l/meetup-join/19%3a1",
            "7Hk2pQ",
        ),
        ("Portal: https://karir.example.id/login", None, None),
        ("Join by phone (US) +1 318-555-0123 PIN: 123 456 789#", None, None),
    ],
)
def test_meeting_link_and_code(text: str, link: str | None, code: str | None) -> None:
    assert fields.meeting_link(text) == link
    assert fields.access_code(text) == code


@pytest.mark.parametrize(
    "text, want",
    [
        ("Wawancara via Zoom", "online"),
        ("interview secara online", "online"),
        ("We will call you for a phone interview", "phone"),
        ("Tempat: Kantor kami, Jl. Sudirman 1", "onsite"),
        ("Thank you for your online application. Please come to our office.", "onsite"),
        ("Interview scheduled.", None),
    ],
)
def test_mode(text: str, want: str | None) -> None:
    assert fields.mode(text, None) == want


@pytest.mark.parametrize(
    "text, sender, want",
    [
        ("Perkenalkan, saya Sofie dari Tim HRD PT Maju.", None, "Sofie"),
        ("Thanks!\n\nBest regards,\nMaya Hartono\nPeople Team", None, "Maya Hartono"),
        ("See you.\n\nAble Smith", None, "Able Smith"),
        ("Hormat kami,\nTim HRD", None, "Tim HRD"),
        ("CP: Ibu Rina (0812-3456-7890)", None, "Ibu Rina"),
        ("Halo", "Dewi Lestari - HRD PT Nusantara", "Dewi Lestari"),
        ("Salam,\nAyu Pratiwi", "HRD PT Sinar", "Ayu Pratiwi"),
        # the person the message asks to get in touch with
        ("Bila berhalangan hadir harap menghubungi Bpk. Andri di 021-3925.", "HRD", "Bpk. Andri"),
        ("If the time does not suit you, please contact Ms. Tan at 6123 4567.", None, "Ms. Tan"),
        # a chat signed after a dash at its end; a range's "- Selesai" is no signature
        ("Let me know if another time suits you. — Amanda Lee, Talent Partner, Xendit", None,
         "Amanda Lee"),
        ("Interview besok ya.\n- Budi", None, "Budi"),
        # a labelled role is not a person: the sender is kept
        ("Interviewer: Engineering Manager QA", "Rina Wulandari", "Rina Wulandari"),
    ],
)  # fmt: skip
def test_contact_name(text: str, sender: str | None, want: str | None) -> None:
    assert people.contact_name(text, sender) == want


def test_a_dash_signature_names_the_company_it_ends_with() -> None:
    signed = "Interview next Wednesday at 4:30pm? — Amanda Lee, Talent Partner, Xendit"
    assert fields.company(signed, None, None) == "Xendit"
    assert fields.company("Interview besok. — Amanda, Recruiter", None, None) is None
    ranged = "Interview Senin pukul 10.00 - Selesai"
    assert people.contact_name(ranged, None) is None
    assert fields.company(ranged, None, None) is None


def test_a_labelled_role_is_not_a_contact() -> None:
    assert people.contact_name("Interviewer: Engineering Manager QA", None) is None
    assert (
        people.contact_name("Contact: Karen Liu, HR Coordinator", None)
        == "Karen Liu, HR Coordinator"
    )


@pytest.mark.parametrize(
    "text, want",
    [
        ("untuk posisi Data Analyst di PT X", "Data Analyst"),
        ("for the Backend Engineer position at Kopi", "Backend Engineer"),
        ("position of a marketing assistant with Safeway", "marketing assistant"),
        ("Posisi : Staf Gudang", "Staf Gudang"),
    ],
)
def test_position(text: str, want: str) -> None:
    assert fields.position(text, None) == want


def test_position_and_company_from_subject() -> None:
    subject = "Interview invitation: Product Designer at BrightPath Labs"
    assert fields.position("", subject) == "Product Designer"
    assert fields.position("", "Interview Invitation | Senior QA Engineer | Bukalapak") == (
        "Senior QA Engineer"
    )
    assert fields.company("", subject, None) == "BrightPath Labs"
    assert fields.company("Terima kasih, PT Sinar Logistik Nusantara. Kami", None, None) == (
        "PT Sinar Logistik Nusantara"
    )


def test_phone_skips_urls_dates_and_references() -> None:
    assert people.phone("https://zoom.us/j/98765432101 call 0812-7777-1234") == "0812-7777-1234"
    assert people.phone("Tanggal 03.03.2026") is None
    assert people.phone("Telp. (022) 4201 555") == "(022) 4201 555"


def test_city_from_a_location() -> None:
    city = find_place_in("Jl. Raya Bekasi Km 21, Cakung, Jakarta Timur")
    assert city is not None and city.name == "Jakarta" and city.tz == "Asia/Jakarta"
    bali = find_place_in("Jl. Pantai Kuta, Denpasar")
    assert bali is not None and bali.tz == "Asia/Makassar"
    assert find_place_in("Level 9, 1 Raffles Place, Singapore") is None


def test_language() -> None:
    assert fields.language("Kami mengundang Anda untuk wawancara pada hari Senin") == "id"
    assert fields.language("We would like to invite you to an interview on Monday") == "en"


@pytest.mark.parametrize(
    "text, want",
    [
        ("Walk in interview jam 8 pagi di Hotel Santika Bogor. Bawa CV.", "Hotel Santika Bogor"),
        ("Interview will be held at Plaza Senayan, Tower 2, Level 5.",
         "Plaza Senayan, Tower 2, Level 5"),
        ("Silakan datang ke wawancara di Kampus UI Depok pukul 09.00.", "Kampus UI Depok"),
        ("Kami tunggu di Gedung Graha Sinar Lt. 5 pada hari Senin.", "Gedung Graha Sinar Lt. 5"),
        # a venue word in lower case, or a time after "di", is no venue
        ("Interview di hotel pilihan Anda.", None),
        ("Interview di 10.00 WIB.", None),
    ],
)  # fmt: skip
def test_a_venue_named_after_at_or_di(text: str, want: str | None) -> None:
    assert fields.location(text) == want
