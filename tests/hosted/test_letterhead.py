"""The centre's letterhead: set by an admin on the administration page (a name, address
lines, a logo checked by its bytes), kept in the database, and printed on every letter a
student downloads — the apology letter and the ordinary letter drafts, as PDF and DOCX, read
back here (the text and an image in the PDF, the name, the address and the picture in the
DOCX's header). A refusal names the field and keeps what was typed; the local mode's letters
have no letterhead."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from hosted.conftest import client_for, make_centre

#: a letter (a surat undangan, with no address to write to) is answered by a letter
INVITATION = """PT MAJU JAYA SENTOSA
Jl. Sudirman Kav. 21, Jakarta Selatan

Nomor: 045/HRD/XI/2026
Perihal: Undangan Wawancara

Kepada Yth.
Sdri. Rina Wulandari
di tempat

Dengan hormat,

Menindaklanjuti lamaran Saudari untuk posisi Staf Administrasi, kami mengundang Saudari
untuk mengikuti wawancara pada:

Hari/tanggal: Senin, 23 November 2026
Pukul: 10.00 WIB
Tempat: Kantor PT Maju Jaya Sentosa, Jl. Sudirman Kav. 21, Jakarta Selatan

Demikian surat undangan ini kami sampaikan. Atas perhatiannya kami ucapkan terima kasih.

Hormat kami,
Budi Santoso
Manajer HRD
"""
#: a cancellation inside the cut-off: a letter draft and the letter of apology
CHOICES = {"intent": "cancel", "reason": "accepted-offer", "interest": "no", "confirmed": True}
NAME = "Pusat Karier Universitas Contoh"
ADDRESS = "Jl. Ganesha No. 10\nBandung 40132"


def _image(kind: str, size: tuple[int, int] = (120, 60)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (20, 80, 160)).save(out, kind)
    return out.getvalue()


def _set(admin: Any, *, name: str = NAME, address: str = ADDRESS,
         logo: tuple[str, bytes, str] | None = None, **extra: str) -> Any:  # fmt: skip
    data = {"csrf": admin.headers["X-CSRF-Token"], "letterhead_name": name,
            "address": address, **extra}  # fmt: skip
    files = {"logo": logo} if logo else {"logo": ("", b"", "application/octet-stream")}
    return admin.post("/admin/letterhead", data=data, files=files)


def _pdf(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[0]
    return page.extract_text(), len(page.images)


def _docx_header(data: bytes) -> tuple[str, int]:
    from docx import Document

    header = Document(io.BytesIO(data)).sections[0].header
    text = "\n".join(p.text for p in header.paragraphs)
    pictures = len(header._element.xpath(".//pic:pic"))
    return text, pictures


@pytest.fixture
def centre(cluster: Any) -> Any:
    found, _ids = make_centre(cluster.database())
    return found


def _letters(student: Any) -> tuple[int, list[dict[str, Any]]]:
    case = student.post("/api/cases", json={"text": INVITATION}).json()["id"]
    drafted = student.post(f"/api/cases/{case}/drafts", json=CHOICES)
    assert drafted.status_code == 201, drafted.text
    shown = student.get(f"/api/cases/{case}").json()
    return case, [d for d in shown["drafts"] if d["channel"] == "letter"]


def test_every_letter_a_student_downloads_carries_the_letterhead(centre: Any) -> None:
    adi, rina = client_for(centre, "adi"), client_for(centre, "rina")
    assert _set(adi, logo=("logo.png", _image("PNG"), "image/png")).status_code == 303
    page = adi.get("/admin").text
    assert f'value="{NAME}"' in page and "Bandung 40132</textarea>" in page
    assert 'src="data:image/png;base64,' in page  # the logo kept is shown
    # the form once, in the page's body, and nothing of it in the window's title
    assert page.count('action="/admin/letterhead"') == 1
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "letterhead" not in title
    case, letters = _letters(rina)
    # the ordinary letter draft and the letter of apology
    assert len(letters) == 2
    assert any(d["subject"] == "Permohonan maaf atas pembatalan wawancara" for d in letters)
    for letter in letters:
        pdf = rina.get(f"/cases/{case}/letters/{letter['id']}.pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text, images = _pdf(pdf.content)
        assert NAME in text and "Jl. Ganesha No. 10" in text and "Bandung 40132" in text
        assert images == 1
        # the letter itself follows the letterhead, whole
        assert letter["text"].split("\n")[0] in text
        docx = rina.get(f"/cases/{case}/letters/{letter['id']}.docx")
        assert docx.status_code == 200
        head, pictures = _docx_header(docx.content)
        # the logo's paragraph, then the name and each address line
        assert head == f"\n{NAME}\nJl. Ganesha No. 10\nBandung 40132"
        assert pictures == 1
    # the case's page offers each letter in both formats
    shown = rina.get(f"/cases/{case}").text
    for letter in letters:
        assert f"/cases/{case}/letters/{letter['id']}.pdf" in shown
        assert f"/cases/{case}/letters/{letter['id']}.docx" in shown
    # the change is in the audit log
    audit = client_for(centre, "tono").get("/api/audit").json()
    assert ("letterhead", "centre:letterhead") in [(e["action"], e["target"]) for e in audit]


def test_a_jpeg_logo_is_taken_and_kept_when_only_the_text_changes(centre: Any) -> None:
    adi, rina = client_for(centre, "adi"), client_for(centre, "rina")
    assert _set(adi, logo=("kop.jpg", _image("JPEG"), "image/jpeg")).status_code == 303
    assert _set(adi, name="Pusat Karier Baru", address="Jl. Baru 1").status_code == 303
    case, letters = _letters(rina)
    text, images = _pdf(rina.get(f"/cases/{case}/letters/{letters[0]['id']}.pdf").content)
    assert "Pusat Karier Baru" in text and "Jl. Baru 1" in text and NAME not in text
    assert images == 1
    # removing the logo leaves the name and the address
    assert _set(adi, drop_logo="yes").status_code == 303
    text, images = _pdf(rina.get(f"/cases/{case}/letters/{letters[0]['id']}.pdf").content)
    assert NAME in text and images == 0
    docx = rina.get(f"/cases/{case}/letters/{letters[0]['id']}.docx").content
    head, pictures = _docx_header(docx)
    assert head == f"{NAME}\nJl. Ganesha No. 10\nBandung 40132" and pictures == 0


def test_before_an_admin_sets_one_the_config_names_the_centre(centre: Any) -> None:
    rina = client_for(centre, "rina")
    case, letters = _letters(rina)
    text, images = _pdf(rina.get(f"/cases/{case}/letters/{letters[0]['id']}.pdf").content)
    assert text.startswith("Pusat Karier Uji") and images == 0
    # the apology's text holds no heading of its own: the letterhead is the heading
    apology = next(d for d in letters if d["subject"].startswith("Permohonan maaf"))
    assert not apology["text"].startswith("Pusat Karier Uji")


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"  # noqa: E501


@pytest.mark.parametrize(
    ("logo", "field", "said"),
    [
        # a GIF named as a PNG: judged by its bytes, not its name or its type
        (("logo.png", GIF, "image/png"), "logo", "PNG atau JPEG"),
        (("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png"), "logo",
         "PNG atau JPEG"),
        # a PNG cut short: it begins as one and does not decode
        (("logo.png", _image("PNG", (400, 400))[:200], "image/png"), "logo", "rusak"),
        (("logo.png", _image("PNG", (2100, 2000)), "image/png"), "logo", "2100×2000"),
        (("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024 + 1), "image/png"), "logo",
         "1 MB"),
    ],
)  # fmt: skip
def test_a_logo_that_is_no_png_or_jpeg_or_too_big_is_refused(
    centre: Any, logo: tuple[str, bytes, str], field: str, said: str
) -> None:
    adi = client_for(centre, "adi")
    refused = _set(adi, name="Nama Yang Diketik", logo=logo)
    assert refused.status_code == 400
    assert f'href="#{field}"' in refused.text and said in refused.text
    # what was typed is kept, and nothing was kept in the database
    assert 'value="Nama Yang Diketik"' in refused.text
    assert 'src="data:image' not in adi.get("/admin").text


@pytest.mark.parametrize(
    ("name", "address", "field"),
    [("", ADDRESS, "letterhead_name"), ("x" * 121, ADDRESS, "letterhead_name"),
     (NAME, "1\n2\n3\n4\n5", "address"), (NAME, "y" * 121, "address")],
)  # fmt: skip
def test_a_name_or_address_that_cannot_be_printed_is_refused(
    centre: Any, name: str, address: str, field: str
) -> None:
    adi = client_for(centre, "adi")
    refused = _set(adi, name=name, address=address)
    assert refused.status_code == 400
    assert f'href="#{field}"' in refused.text
    kept = re.search(r'<textarea id="address"[^>]*>(.*?)</textarea>', refused.text, re.S)
    assert kept is not None and kept.group(1) == address


def test_only_an_admin_sets_it_and_only_the_student_downloads_their_letters(
    centre: Any,
) -> None:
    rina, budi = client_for(centre, "rina"), client_for(centre, "budi")
    for name in ("rina", "sari", "tono"):
        assert _set(client_for(centre, name)).status_code == 403
    case, letters = _letters(rina)
    assert budi.get(f"/cases/{case}/letters/{letters[0]['id']}.pdf").status_code == 404
    # a draft that is no letter, or one of another case, is not a letter to download
    shown = rina.get(f"/api/cases/{case}").json()
    email = next(d for d in shown["drafts"] if d["channel"] != "letter")
    assert rina.get(f"/cases/{case}/letters/{email['id']}.pdf").status_code == 404
    other, _ = _letters(budi)
    assert rina.get(f"/cases/{other}/letters/{letters[0]['id']}.pdf").status_code == 404


def test_the_local_mode_letters_have_no_letterhead() -> None:
    from sopan.compose.letter import Letterhead, pdf_bytes

    text = "20 November 2026\n\nHal: Uji\n\nDengan hormat,\n\nIsi surat.\n\nHormat saya,\n\n\nRina"
    plain = pdf_bytes(text, "id")
    headed = pdf_bytes(text, "id", letterhead=Letterhead(NAME, ("Bandung",)))
    assert NAME not in _pdf(plain)[0] and NAME in _pdf(headed)[0]
    assert _pdf(plain)[0].startswith("20 November 2026")
