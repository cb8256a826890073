"""PDFs and photos as invitations: the tests render their own letters (tests/scans.py) as phone
photos, screenshots, HEIC pictures, scanned PDFs and PDFs with a text layer, and read them for
real, through Tesseract with its Indonesian and English models."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from scans import LETTERS, encoded, photographed, render, scanned_pdf, text_pdf

from sopan.errors import UserError
from sopan.model import Invitation
from sopan.read import ocr, read_bytes
from sopan.read.scan_src import OCR_CEILING

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
ARGS = ("--now", "2026-11-20T09:00:00+07:00")


def fields(inv: Invitation) -> dict[str, str | None]:
    return {
        "day": inv.day.isoformat() if inv.day else None,
        "time": inv.time_of_day.strftime("%H:%M") if inv.time_of_day else None,
        "company": inv.company,
        "position": inv.position,
    }


def assert_fields(inv: Invitation, expected: dict[str, str]) -> None:
    got = fields(inv)
    assert got["day"] == expected["day"]
    assert got["time"] == expected["time"]
    for name in ("company", "position"):
        assert got[name] is not None and expected[name].lower() in got[name].lower(), (name, got)


def _photo_jpeg(name: str) -> bytes:
    return encoded(photographed(render(LETTERS[name].text)), "JPEG", quality=70)


def _screenshot_png(name: str) -> bytes:
    return encoded(render(LETTERS[name].text, font="DejaVuSans-Bold.ttf", size=28), "PNG")


def _photo_heic(name: str) -> bytes:
    return encoded(photographed(render(LETTERS[name].text), angle=-0.8), "HEIF")


def _scanned_pdf(name: str) -> bytes:
    return scanned_pdf([render(LETTERS[name].text)])


def _photographed_scan_pdf(name: str) -> bytes:
    return scanned_pdf([photographed(render(LETTERS[name].text, size=24))])


#: each letter once, each in a form it arrives in (OCR takes seconds a page)
OCR_CASES = [
    ("id_surat_panggilan_formal", _photo_jpeg),
    ("id_undangan_interview_email", _screenshot_png),
    ("id_panggilan_tes_pabrik", _scanned_pdf),
    ("en_interview_invitation_letter", _photo_heic),
    ("en_interview_schedule_notice", _photographed_scan_pdf),
]


@pytest.mark.parametrize(
    ("name", "make"), OCR_CASES, ids=[f"{n}-{m.__name__[1:]}" for n, m in OCR_CASES]
)
def test_photo_or_scan_is_read_by_ocr_with_its_fields(name: str, make: object) -> None:
    letter = LETTERS[name]
    inv = read_bytes(make(name), now=NOW, origin=name)  # type: ignore[operator]
    assert inv.source == "ocr" and inv.language == letter.language
    assert_fields(inv, letter.expected)
    # every fact read by OCR is trusted less, and its provenance points into the OCR text
    assert inv.provenance and all(f.confidence <= OCR_CEILING for f in inv.provenance)
    company = inv.fact("company")
    assert company is not None and company.start is not None and company.end is not None
    assert inv.text[company.start : company.end] == company.text


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_pdf_with_a_text_layer_is_read_as_its_text(name: str) -> None:
    letter = LETTERS[name]
    inv = read_bytes(text_pdf([letter.text]), now=NOW, origin=f"{name}.pdf")
    assert inv.source == "pdf"
    assert_fields(inv, letter.expected)
    assert max(f.confidence for f in inv.provenance) > OCR_CEILING  # not lowered: no OCR


def test_a_scan_after_a_typed_page_is_read_in_page_order() -> None:
    cover = "Lampiran: surat undangan wawancara PT Sinar Jaya Abadi, halaman berikut."
    letter = LETTERS["id_surat_panggilan_formal"]
    pdf = _two_kinds_of_page(cover, render(letter.text))
    inv = read_bytes(pdf, now=NOW, origin="surat.pdf")
    assert inv.source == "ocr" and inv.text.index("Lampiran") < inv.text.index("Staf Administrasi")
    assert_fields(inv, letter.expected)


def _two_kinds_of_page(text: str, scan: Image.Image) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(50, A4[1] - 60, text)
    canvas.showPage()
    canvas.drawImage(ImageReader(scan.convert("RGB")), 0, 0, *A4)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_read_shows_the_ocr_text_and_the_json_carries_it(run_cli, tmp_path: Path) -> None:
    photo = tmp_path / "undangan.png"
    photo.write_bytes(_screenshot_png("id_undangan_interview_email"))
    human = run_cli("read", str(photo), *ARGS)
    assert human.returncode == 0, human.stderr
    out = human.stdout
    assert "OCR" in out and "periksa setiap fakta" in out
    assert "  Pukul : 13.30 - 15.00 WIB" in out or "  Pukul: 13.30 - 15.00 WIB" in out
    as_json = run_cli("read", str(photo), "--json", *ARGS)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["source"] == "ocr" and "Analis Data" in data["ocr_text"]
    assert data["start"] == "2026-12-02T13:30:00+07:00"
    assert all(fact["confidence"] <= OCR_CEILING for fact in data["provenance"].values())
    plain = tmp_path / "undangan.txt"
    plain.write_text(LETTERS["id_undangan_interview_email"].text, encoding="utf-8")
    typed = json.loads(run_cli("read", str(plain), "--json", *ARGS).stdout)
    assert typed["ocr_text"] is None and typed["source"] == "text"


def _one_line_exit_2(run_cli, path: Path, *words: str) -> str:
    """The error of `sopan read PATH`: exit 2, one line, with `words` in it (the example
    profile is Indonesian, so sopan's own words are)."""
    result = run_cli("read", str(path), *ARGS)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_30_page_pdf_is_one_line(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "tebal.pdf"
    path.write_bytes(text_pdf([f"Undangan wawancara, halaman {i}" for i in range(30)]))
    _one_line_exit_2(run_cli, path, "tebal.pdf: PDF sebanyak 30 halaman", "paling banyak 10")


def test_a_100_megapixel_image_is_one_line(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "besar.png"
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000), 1).save(out, format="PNG")
    path.write_bytes(out.getvalue())
    _one_line_exit_2(run_cli, path, "10000×10000 piksel (100 megapiksel)", "paling besar 50")


def test_a_pdf_image_too_large_is_refused_before_it_is_decoded(run_cli, tmp_path: Path) -> None:
    # the image dictionary claims 20,000 × 20,000 pixels over a few bytes of data: decoding it
    # would take 400 MB, so it is refused from the dictionary alone
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    image = StreamObject()
    image.set_data(b"\x00" * 64)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(20_000),
            NameObject("/Height"): NumberObject(20_000),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    objects = DictionaryObject({NameObject("/Im0"): writer._add_object(image)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): objects})
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(out.getvalue())
    _one_line_exit_2(run_cli, path, "20000×20000 piksel (400 megapiksel)")


def test_a_tiff_of_many_pages_is_one_line(run_cli, tmp_path: Path) -> None:
    frames = [Image.new("L", (200, 200), 255) for _ in range(12)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    path = tmp_path / "faks.tiff"
    path.write_bytes(out.getvalue())
    _one_line_exit_2(run_cli, path, "faks.tiff: gambar sebanyak 12 halaman", "paling banyak 10")


def test_ocr_past_its_seconds_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "BUDGET", ocr.Budget(seconds=0.05))
    page = _photo_jpeg("id_surat_panggilan_formal")
    with pytest.raises(UserError, match=r"^foto\.jpg: reading the text .* over 0\.05 seconds"):
        read_bytes(page, now=NOW, origin="foto.jpg")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("acak.bin", bytes(range(256)) * 12, ("berkas biner", "PDF, atau foto")),
        ("arsip.zip", b"PK\x03\x04" + bytes(range(256)) * 4, ("berkas biner",)),
        ("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x01junk" * 40, ("gambar PNG yang tidak",)),
        ("rusak.pdf", b"%PDF-1.7\n" + b"\x00\xff not a pdf at all" * 20, ("PDF yang tidak dapat",)),
    ],
)
def test_a_file_that_is_no_document_is_one_line(
    run_cli, tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _one_line_exit_2(run_cli, path, *words)


def test_a_blank_photo_or_an_empty_pdf_has_no_text(run_cli, tmp_path: Path) -> None:
    blank = tmp_path / "kosong.jpg"
    blank.write_bytes(encoded(Image.new("L", (800, 600), 250), "JPEG"))
    _one_line_exit_2(run_cli, blank, "tidak ada teks di foto ini")
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(text_pdf([""]))
    _one_line_exit_2(run_cli, empty, "tidak ada teks di PDF ini")


def test_a_locked_pdf_is_one_line(run_cli, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf([LETTERS["id_panggilan_tes_pabrik"].text]))))
    writer.encrypt("rahasia")
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "terkunci.pdf"
    path.write_bytes(out.getvalue())
    _one_line_exit_2(run_cli, path, "dikunci dengan kata sandi")


@pytest.fixture
def fresh_engine() -> object:
    ocr.tesseract.cache_clear()
    yield
    ocr.tesseract.cache_clear()


@pytest.mark.usefixtures("fresh_engine")
def test_without_ocr_installed_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # as if it were not installed
    with pytest.raises(UserError) as caught:
        read_bytes(_screenshot_png("id_undangan_interview_email"), now=NOW, origin="a.png")
    for language in ("en", "id"):
        message = caught.value.text(language)
        assert "\n" not in message and message.startswith("a.png: ")
        assert "pip install 'sopan[ocr]'" in message and "tesseract-ocr-ind" in message


@pytest.mark.usefixtures("fresh_engine")
def test_without_tesseract_or_its_model_one_line_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(UserError, match=r"^a\.png: reading a photo or a scanned PDF needs "):
        read_bytes(_screenshot_png("id_undangan_interview_email"), now=NOW, origin="a.png")
    monkeypatch.undo()
    ocr.tesseract.cache_clear()
    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    with pytest.raises(UserError, match=r"needs Tesseract's ind model \(Debian: apt install"):
        read_bytes(_screenshot_png("id_undangan_interview_email"), now=NOW, origin="a.png")


# --- what OCR may have misread is left out, never reported wrong ------------------------------

_MEETING = (
    "Interview on Wednesday, 9 December 2026, 10:00 WIB, online.\nJoin: {link}\n"
    "Questions: {email}\n"
)


def _marked(link: str, email: str, doubtful: frozenset[str] = frozenset()) -> Invitation:
    from sopan.read import read_text
    from sopan.read.scan_src import DocumentText

    text = _MEETING.format(link=link, email=email)
    document = DocumentText(text, "ocr", 0.9, doubtful)
    return document.mark(read_text(text, now=datetime(2026, 12, 2, 9, tzinfo=ZoneInfo("UTC"))))


@pytest.mark.parametrize(
    "link",
    [
        "https://teams.microsoft.com/I/meetup-join/19%3ameeting_VC2026%40thread.v2/0",
        "https://teams.microsoft.com/1/meetup-join/19%3ameeting_VC2026%40thread.v2/0",
        "https://us06web.zoom.us/j/84512345678?pwd-ArunikaMagang",
        "https://zoom.us/j/8451234S678",
        "https://meet.google.com/qlx-intv-1fh",
        "https://meet.google.com/qlxintvlfh",
        # a Meet code with a "g" or a "q", which OCR reads for each other even when sure
        "https://meet.google.com/ksn-brst-gwe",
        "https://meet.google.com/qlx-intv-lfh",
    ],
)
def test_a_meeting_link_not_of_its_platforms_shape_is_left_out(link: str) -> None:
    inv = _marked(link, "nadia@orchard.example")
    assert inv.meeting_link is None and "meeting_link" in inv.missing
    assert inv.fact("meeting_link") is None
    assert inv.contact.email == "nadia@orchard.example"


@pytest.mark.parametrize(
    "link",
    [
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_VC2026%40thread.v2/0",
        "https://us06web.zoom.us/j/84512345678?pwd=ArunikaMagang",
        "https://zoom.us/j/8451234567",
        "https://meet.google.com/kst-bkdv-fhr",
        "https://whereby.com/orchard-interviews",
    ],
)
def test_a_whole_link_ocr_was_sure_of_is_kept(link: str) -> None:
    assert _marked(link, "nadia@orchard.example").meeting_link == link


def test_a_link_or_an_address_ocr_was_unsure_of_is_left_out() -> None:
    link, email = "https://meet.google.com/klx-intv-lfh", "nadia@orchard.example"
    inv = _marked(link, email, frozenset({link, "word"}))
    assert inv.meeting_link is None and inv.contact.email == email
    inv = _marked(link, email, frozenset({f"<{email}>"}))
    assert inv.meeting_link == link and inv.contact.email is None
    assert inv.fact("contact.email") is None


def test_the_same_text_pasted_keeps_its_link() -> None:
    """Only OCR is doubted: a pasted link of another shape is the message's own."""
    from sopan.read import read_text

    text = _MEETING.format(link="https://zoom.us/j/8451234S678", email="nadia@orchard.example")
    inv = read_text(text, now=datetime(2026, 12, 2, 9, tzinfo=ZoneInfo("UTC")))
    assert inv.meeting_link == "https://zoom.us/j/8451234S678"
