"""Round trips: the files sopan writes open in the tools people use to read them."""

from __future__ import annotations

import email
import subprocess
from dataclasses import replace
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from sopan.compose import compose, reply_subject, write_drafts
from sopan.compose.links import whatsapp_link
from sopan.model import CHANNELS, Draft, Invitation

from .compose_cases import NOW, PROFILE, invitation, plan, situation


def drafts(
    lang: str, action: str, reason: str = "schedule-conflict", inv: Invitation | None = None
) -> list[Draft]:
    return compose(
        plan(lang, action),
        inv or invitation(lang),
        situation(lang, action, reason),
        PROFILE,
        now=NOW,
        channels=CHANNELS,
    )


def written(
    tmp_path: Path, lang: str, action: str, inv: Invitation | None = None, **kw: object
) -> dict[str, Path]:
    inv = inv or invitation(lang)
    made = drafts(lang, action, inv=inv)
    paths = write_drafts(made, inv, PROFILE, tmp_path, now=NOW, **kw)  # type: ignore[arg-type]
    return {p.name: p for p in paths}


def test_all_files_are_written(tmp_path: Path) -> None:
    files = written(tmp_path, "id", "decline")
    assert set(files) == {
        "email.eml",
        "letter.docx",
        "letter.pdf",
        "call.txt",
        "voicemail.txt",
        "sms.txt",
        "whatsapp.txt",
        "linkedin.txt",
        "calendar.ics",
    }
    assert "Perkiraan durasi:" in files["voicemail.txt"].read_text("utf-8")


def test_eml_is_a_threaded_utf8_reply_with_html_and_attachment(tmp_path: Path) -> None:
    cv = tmp_path / "CV Andi Pratama.pdf"
    cv.write_bytes(b"%PDF-1.4 example")
    inv = invitation("id")
    files = written(tmp_path / "out", "id", "decline", attachments=[cv])
    msg = email.message_from_bytes(files["email.eml"].read_bytes(), policy=policy.default)
    assert msg["In-Reply-To"] == inv.message_id
    assert msg["References"].split() == [*inv.references, inv.message_id]
    assert msg["Subject"] == "Re: Undangan Wawancara – Analis Data"
    assert msg["To"].addresses[0].addr_spec == "rekrutmen@sinar-nusantara.example"
    assert msg["From"].addresses[0].addr_spec == PROFILE.email
    plain = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    # "Rina" is a woman's name: "Ibu", guessed from it (data/given_names.yaml)
    assert plain.startswith("Yth. Ibu Rina Wijaya\r\n") and "Bapak/Ibu" not in plain
    assert "Dengan hormat," in plain and "Hormat saya," in plain and "–" in msg["Subject"]
    assert "<p>Dengan hormat,</p>" in html
    names = [part.get_filename() for part in msg.iter_attachments()]
    assert names == ["CV Andi Pratama.pdf"]


def test_reply_subject_never_doubles_re() -> None:
    assert reply_subject("Re: Undangan", "x", "id") == "Re: Undangan"
    assert reply_subject("RE:Undangan", "x", "id") == "RE:Undangan"
    assert reply_subject("Undangan", "x", "en") == "Re: Undangan"
    assert reply_subject(None, "Pembatalan wawancara", "id") == "Pembatalan wawancara"


def test_eml_goes_to_the_contact_when_there_is_no_reply_to(tmp_path: Path) -> None:
    inv = replace(invitation("en"), reply_to=None, references=())
    ds = compose(
        plan("en", "cancel"),
        inv,
        situation("en", "cancel", "health"),
        PROFILE,
        now=NOW,
        channels=["email"],
    )
    path = write_drafts(ds, inv, PROFILE, tmp_path, now=NOW)[0]
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].addr_spec == "rina.wijaya@sinar-nusantara.example"
    assert msg["References"] == inv.message_id
    assert msg.get_body(("plain",)).get_content().startswith("Dear Rina Wijaya,")  # type: ignore[union-attr]


@pytest.mark.parametrize("action", ["decline", "cancel"])
def test_ics_reply_declines_with_the_requests_identity(tmp_path: Path, action: str) -> None:
    inv = invitation("en")
    cal = Calendar.from_ical(written(tmp_path, "en", action)["calendar.ics"].read_bytes())
    assert str(cal["METHOD"]) == "REPLY"
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["UID"]) == inv.uid
    assert int(event["SEQUENCE"]) == inv.sequence
    assert str(event["ORGANIZER"]) == inv.organizer
    attendee = event["ATTENDEE"]
    assert str(attendee) == f"mailto:{PROFILE.email}"
    assert attendee.params["PARTSTAT"] == "DECLINED"
    assert "commitment" in str(event["COMMENT"])


def test_ics_counter_proposes_the_first_alternative(tmp_path: Path) -> None:
    inv = invitation("id")
    sit = situation("id", "reschedule", "schedule-conflict")
    cal = Calendar.from_ical(written(tmp_path, "id", "reschedule")["calendar.ics"].read_bytes())
    assert str(cal["METHOD"]) == "COUNTER"
    event = next(iter(cal.walk("VEVENT")))
    assert event.decoded("DTSTART") == sit.alternatives[0].start
    assert event.decoded("DTEND") == sit.alternatives[0].end
    assert str(event["UID"]) == inv.uid and int(event["SEQUENCE"]) == inv.sequence
    assert str(event["ORGANIZER"]) == inv.organizer
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Jakarta"]


def test_no_calendar_file_for_an_invitation_without_uid(tmp_path: Path) -> None:
    inv = replace(invitation("id"), uid=None)
    paths = write_drafts(drafts("id", "decline"), inv, PROFILE, tmp_path, now=NOW)
    assert "calendar.ics" not in {p.name for p in paths}


def test_docx_has_the_indonesian_letter_layout(tmp_path: Path) -> None:
    from docx import Document

    doc = Document(str(written(tmp_path, "id", "cancel")["letter.docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    for part in (
        "Bandung, 20 November 2026",
        "Lampiran:",
        "Hal: Pembatalan wawancara",
        "Yth. Ibu Rina Wijaya",
        "Dengan hormat,",
        "Hormat saya,",
    ):
        assert part in text
    assert text.index("Yth.") < text.index("Dengan hormat,") < text.index("Hormat saya,")
    # the company's address block from the invitation, under the addressee
    block = text[text.index("Yth.") : text.index("Dengan hormat,")]
    assert invitation("id").location in block and "di tempat" not in block
    # the sender's block under the signed name
    tail = text[text.index("Hormat saya,") :]
    assert tail.split("\n")[-3:] == ["Andi Pratama", PROFILE.email, PROFILE.phone]


def test_a_letter_with_no_address_known_is_addressed_di_tempat(tmp_path: Path) -> None:
    from docx import Document

    inv = replace(invitation("id"), location=None, mode="online")
    doc = Document(str(written(tmp_path, "id", "cancel", inv=inv)["letter.docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    # the company as the invitation names it, no team invented, "di tempat" for its address
    assert "PT Sinar Nusantara Teknologi\ndi tempat" in text and "Tim Rekrutmen" not in text


@pytest.mark.parametrize(("lang", "tag"), [("id", "id-ID"), ("en", "en-GB")])
def test_the_docx_names_its_author_day_language_and_the_pdfs_font(
    tmp_path: Path, lang: str, tag: str
) -> None:
    from docx import Document

    files = written(tmp_path, lang, "decline")
    props = Document(str(files["letter.docx"])).core_properties
    assert props.author == PROFILE.name
    assert props.created is not None and props.created.date() == NOW.date()
    assert props.language == tag
    style = Document(str(files["letter.docx"])).styles["Normal"]
    assert style.font.name == "DejaVu Sans"
    assert b"DejaVuSans" in files["letter.pdf"].read_bytes()


def test_english_letter_is_a_business_letter(tmp_path: Path) -> None:
    from docx import Document

    doc = Document(str(written(tmp_path, "en", "decline")["letter.docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.startswith("Andi Pratama\nBandung")
    assert "Subject: Withdrawal from the selection process" in text
    assert "Dear Rina Wijaya," in text and "Yours sincerely," in text


def test_pdf_renders_to_a_non_blank_png(tmp_path: Path) -> None:
    from PIL import Image

    pdf = written(tmp_path, "id", "decline")["letter.pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        gray = image.convert("L")
        lo, hi = gray.getextrema()
        dark = sum(gray.histogram()[:128])
    assert lo < 100 < hi
    assert dark > 500


def test_pdf_never_splits_a_phone_number_across_lines(tmp_path: Path) -> None:
    pdf = written(tmp_path, "id", "decline")["letter.pdf"]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    ).stdout
    assert any(PROFILE.phone in line.replace("\u00a0", " ") for line in text.splitlines())


def test_files_are_never_overwritten(tmp_path: Path) -> None:
    first = written(tmp_path, "id", "decline")
    before = first["email.eml"].read_bytes()
    second = written(tmp_path, "id", "decline")
    assert "email-2.eml" in second and "letter-2.pdf" in second
    assert first["email.eml"].read_bytes() == before


def test_whatsapp_link_only_for_a_valid_number(tmp_path: Path) -> None:
    link = whatsapp_link("0812-1111-2222", "Halo Bapak/Ibu, saya Andi.", "ID")
    assert link == "https://wa.me/6281211112222?text=Halo%20Bapak%2FIbu%2C%20saya%20Andi."
    assert whatsapp_link("12345", "x", "ID") is None
    # An office landline has no WhatsApp.
    assert whatsapp_link("021-5551234", "x", "ID") is None
    assert whatsapp_link(None, "x", "ID") is None
    text = written(tmp_path, "id", "decline")["whatsapp.txt"].read_text("utf-8")
    assert "https://wa.me/6281211112222?text=Selamat%20pagi%2C%20Bu%20Rina." in text
    inv = replace(invitation("id"), contact=replace(invitation("id").contact, phone="99"))
    out = write_drafts(drafts("id", "decline"), inv, PROFILE, tmp_path / "b", now=NOW)
    assert "wa.me" not in next(p for p in out if p.name == "whatsapp.txt").read_text("utf-8")


def test_dates_are_written_as_people_write_them() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sopan.language.dateforms import when_text

    wib = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert when_text(wib, "Asia/Jakarta", "id") == "Senin, 23 November 2026 pukul 10.00 WIB"
    assert when_text(wib, "Asia/Jakarta", "en") == "Monday, 23 November 2026 at 10:00 (WIB, UTC+7)"
    wita = datetime(2026, 11, 23, 13, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    assert when_text(wita, None, "id") == "Senin, 23 November 2026 pukul 13.30 WITA"
    london = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    # a zone at UTC's offset needs none beside it (UTC is how a file stores a moment)
    assert when_text(london, "Europe/London", "en") == "Monday, 23 November 2026 at 09:00 (GMT)"
    # to an American reader: the month first, the twelve-hour clock, the zone's everyday name
    ny = datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("America/New_York"))
    assert (
        when_text(ny, "America/New_York", "en", region="us")
        == "Monday, November 23, 2026, at 2:00 PM ET"
    )
    assert (
        when_text(ny, "America/New_York", "en") == "Monday, 23 November 2026 at 14:00 (EST, UTC-5)"
    )
    kolkata = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert when_text(kolkata, "Asia/Kolkata", "id").endswith("pukul 09.00 IST")


@pytest.mark.parametrize(
    ("lang", "contact", "greeting"),
    [
        # a name with no honorific: the name alone, never "Bapak/Ibu Rina Wijaya"
        # a name that tells no honorific (borne by women and men alike): the name alone
        ("id", "Andi Wijaya", "Yth. Andi Wijaya\n"),
        # a woman's given name: "Ibu", guessed from it and shown as a guess in the plan
        ("id", "Rina Wijaya", "Yth. Ibu Rina Wijaya\n"),
        ("id", "Ibu Sari Dewi", "Yth. Ibu Sari Dewi"),
        # a message signed by a team is written back to that team, a company to "Bapak/Ibu"
        ("id", "Tim HRD", "Yth. Tim HRD\n"),
        ("id", "PT Sinar Nusantara Teknologi", "Yth. Bapak/Ibu\n"),
        ("id", None, "Yth. Bapak/Ibu\n"),
        ("en", "Able Smith", "Dear Able Smith,"),
        ("en", "HR team", "Dear HR Team,"),
        ("en", "HR", "Dear Hiring Team,"),
        ("en", None, "Dear Hiring Team,"),
    ],
)
def test_address_is_gender_neutral_unless_the_title_is_known(
    lang: str, contact: str | None, greeting: str
) -> None:
    inv = replace(invitation(lang), contact=replace(invitation(lang).contact, name=contact))
    sit = situation(lang, "decline", "personal")
    email_draft = compose(plan(lang, "decline"), inv, sit, PROFILE, now=NOW, channels=["email"])[0]
    assert email_draft.text.startswith(greeting)
