"""The non-time fields, one phrasing at a time."""

from __future__ import annotations

import pytest

from sopan.language.detect import detect
from sopan.language.places import find_place_in
from sopan.read import company, fields, people
from sopan.read.found import Found


def value(found: Found | None, text: str | None = None) -> str | None:
    """The value found; with `text`, also checks that the span found holds it."""
    if found is None:
        return None
    if text is not None and found.source == "text":
        held = " ".join(text[found.start : found.end].split()).lower()
        assert " ".join(found.value.split()).lower() in held, (found, held)
    return found.value


def contact(text: str, sender: str | None = None) -> str | None:
    got = people.contact([text], [0], sender, set())
    if got is None:
        return None
    title = f"{got.honorific} " if got.honorific else ""
    return title + value(got.found, text if got.found.source == "text" else None)  # type: ignore[operator]


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
    assert value(fields.reference(text), text) == want


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
    assert value(fields.meeting_link(text), text) == link
    assert value(fields.access_code(text), text) == code


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
        ("Pewawancara : Ibu Dewi Lestari (Store Manager)", None, "Ibu Dewi Lestari"),
        ("Halo", "Dewi Lestari - HRD PT Nusantara", "Dewi Lestari"),
        ("Salam,\nAyu Pratiwi", "HRD PT Sinar", "Ayu Pratiwi"),
        # the person the message asks to get in touch with
        ("Bila berhalangan hadir harap menghubungi Bpk. Andri di 021-3925.", "HRD", "Bapak Andri"),
        ("If the time does not suit you, please contact Ms. Tan at 6123 4567.", None, "Ms. Tan"),
        ("When you arrive, ask for Emily Park (Recruiting Coordinator).", None, "Emily Park"),
        # a chat signed after a dash at its end; a range's "- Selesai" is no signature
        ("Let me know if another time suits you. — Amanda Lee, Talent Partner, Xendit", None,
         "Amanda Lee"),
        ("Interview besok ya.\n- Budi", None, "Budi"),
        # a labelled role is not a person: the sender is kept
        ("Interviewer: Engineering Manager QA", "Rina Wulandari", "Rina Wulandari"),
    ],
)  # fmt: skip
def test_contact_name(text: str, sender: str | None, want: str | None) -> None:
    assert contact(text, sender) == want


def test_a_dash_signature_names_the_company_it_ends_with() -> None:
    signed = "Interview next Wednesday at 4:30pm? — Amanda Lee, Talent Partner, Xendit"
    assert value(company.company(signed, None, None), signed) == "Xendit"
    assert company.company("Interview besok. — Amanda, Recruiter", None, None) is None
    ranged = "Interview Senin pukul 10.00 - Selesai"
    assert contact(ranged) is None
    assert company.company(ranged, None, None) is None


def test_a_labelled_role_is_not_a_contact() -> None:
    assert contact("Interviewer: Engineering Manager QA") is None
    assert contact("Contact: Karen Liu, HR Coordinator") == "Karen Liu"


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
    assert value(fields.position(text, None), text) == want


def test_position_and_company_from_subject() -> None:
    subject = "Interview invitation: Product Designer at BrightPath Labs"
    assert value(fields.position("", subject)) == "Product Designer"
    assert value(fields.position("", "Interview Invitation | Senior QA Engineer | Bukalapak")) == (
        "Senior QA Engineer"
    )
    found = company.company("", subject, None)
    assert value(found) == "BrightPath Labs" and found is not None and found.source == "subject"
    assert subject[found.start : found.end] == "BrightPath Labs"
    text = "Terima kasih, PT Sinar Logistik Nusantara. Kami"
    assert value(company.company(text, None, None), text) == "PT Sinar Logistik Nusantara"


def test_phone_skips_urls_dates_and_references() -> None:
    text = "https://zoom.us/j/98765432101 call 0812-7777-1234"
    assert value(people.phone(text), text) == "0812-7777-1234"
    assert people.phone("Tanggal 03.03.2026") is None
    assert value(people.phone("Telp. (022) 4201 555"), "Telp. (022) 4201 555") == "(022) 4201 555"
    assert people.phone("Alicia will call you at +1 415-555-0142") is None


def test_city_from_a_location() -> None:
    city = find_place_in("Jl. Raya Bekasi Km 21, Cakung, Jakarta Timur")
    assert city is not None and city.name == "Jakarta" and city.tz == "Asia/Jakarta"
    bali = find_place_in("Jl. Pantai Kuta, Denpasar")
    assert bali is not None and bali.tz == "Asia/Makassar"
    assert find_place_in("Level 9, 1 Raffles Place, Singapore") is None


@pytest.mark.parametrize(
    "text, want",
    [
        ("Kami mengundang Anda untuk wawancara pada hari Senin", "id"),
        ("We would like to invite you to an interview on Monday", "en"),
        # a short chat: its chat words decide, "interview" is both languages'
        ("Interview besok jam 10", "id"),
        ("interview bsk pk 9 ya kak", "id"),
        ("Interview tomorrow at 10", "en"),
        ("Zoom interview", "id"),  # nothing tells: Indonesian first
    ],
)
def test_language(text: str, want: str) -> None:
    assert detect(text) == want


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
    assert value(fields.location(text), text) == want
