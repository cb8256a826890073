"""Invitations as people receive them on paper or on a phone: each written here as text, then
rendered by the tests themselves as a photo (PNG, JPEG, HEIC), a scanned PDF (the page an
image, no text layer) or a PDF with a text layer. Shared by the OCR tests and bench/ocr.py.

Each invitation carries the fields a reader must find in it: the date, the time, the company
and the position at least.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from sopan.data import data_path

#: the DejaVu fonts sopan ships for its letters
FONTS = str(data_path("fonts")) + "/"
#: an A4 page at 150 dpi, as a scanner or a phone held over a letter gives it
PAGE = (1240, 1754)


@dataclass(frozen=True)
class Letter:
    """An invitation's text, its language, and the fields it states."""

    text: str
    language: str
    expected: dict[str, str] = field(default_factory=dict)


LETTERS: dict[str, Letter] = {
    "id_surat_panggilan_formal": Letter(
        """PT SINAR JAYA ABADI
Jl. Jend. Sudirman No. 10, Jakarta Pusat

Nomor   : 045/HRD/XI/2026
Perihal : Undangan Wawancara

Kepada Yth.
Sdr. Rina Kusuma
di tempat

Dengan hormat,
Berdasarkan lamaran Saudara untuk posisi Staf Administrasi, kami mengundang
Saudara untuk mengikuti wawancara yang akan dilaksanakan pada:

Hari/Tanggal : Senin, 23 November 2026
Waktu        : 10.00 WIB
Tempat       : Kantor PT Sinar Jaya Abadi, Lantai 3

Mohon membawa KTP dan CV terbaru. Atas perhatiannya kami ucapkan terima kasih.

Hormat kami,
Dewi Lestari
HRD PT Sinar Jaya Abadi""",
        "id",
        {
            "day": "2026-11-23",
            "time": "10:00",
            "company": "Sinar Jaya Abadi",
            "position": "Staf Administrasi",
        },
    ),
    "id_undangan_interview_email": Letter(
        """Undangan Interview - Analis Data

Halo Budi Santoso,

Terima kasih telah melamar di PT Nusantara Data Teknologi. Kami mengundang Anda
untuk mengikuti interview posisi Analis Data pada:

Tanggal : Rabu, 2 Desember 2026
Pukul   : 13.30 - 15.00 WIB
Lokasi  : Gedung Graha Niaga Lt. 5, Jl. Jend. Sudirman Kav. 58, Jakarta

Mohon konfirmasi kehadiran dengan membalas email ini.

Salam,
Tim Rekrutmen PT Nusantara Data Teknologi""",
        "id",
        {
            "day": "2026-12-02",
            "time": "13:30",
            "company": "Nusantara Data Teknologi",
            "position": "Analis Data",
        },
    ),
    "id_panggilan_tes_pabrik": Letter(
        """SURAT PANGGILAN WAWANCARA

Yth. Sdri. Maya Anggraini

Dengan hormat, sehubungan dengan lamaran kerja Saudari, kami dari
PT Maju Bersama Sentosa mengundang Saudari untuk wawancara posisi
Operator Produksi, yang akan diadakan pada:

Hari, tanggal : Kamis, 10 Desember 2026
Jam           : 08.30 WIB s.d. selesai
Tempat        : Kawasan Industri Jababeka, Cikarang

Harap datang 15 menit sebelum acara dimulai.

Bagian Personalia
PT Maju Bersama Sentosa""",
        "id",
        {
            "day": "2026-12-10",
            "time": "08:30",
            "company": "Maju Bersama Sentosa",
            "position": "Operator Produksi",
        },
    ),
    "en_interview_invitation_letter": Letter(
        """Northwind Analytics Pte Ltd
80 Robinson Road, Singapore

Dear Ms. Tan,

Interview Invitation - Business Analyst

Thank you for applying to Northwind Analytics. We are pleased to invite you to an
interview for the Business Analyst position.

Date: Tuesday, December 8, 2026
Time: 2:00 PM - 3:00 PM (Asia/Singapore)
Location: 80 Robinson Road, Level 12, Singapore

Please reply to confirm your attendance.

Kind regards,
Sarah Lim
Talent Acquisition, Northwind Analytics""",
        "en",
        {
            "day": "2026-12-08",
            "time": "14:00",
            "company": "Northwind Analytics",
            "position": "Business Analyst",
        },
    ),
    "en_interview_schedule_notice": Letter(
        """Interview Schedule

Hello Daniel,

Your application for the Software Engineer role at Contoso Digital has moved
to the next stage. Your interview is scheduled as follows:

Date: Friday, 11 December 2026
Time: 09:30 WIB
Place: Contoso Digital office, Jl. Asia Afrika No. 8, Bandung

If this time does not suit you, please let us know.

Best regards,
Recruitment Team
Contoso Digital""",
        "en",
        {
            "day": "2026-12-11",
            "time": "09:30",
            "company": "Contoso Digital",
            "position": "Software Engineer",
        },
    ),
}


def render(
    text: str,
    *,
    font: str = "DejaVuSans.ttf",
    size: int = 26,
    page: tuple[int, int] = PAGE,
    margin: int = 90,
) -> Image.Image:
    """The text typed on a white page, in black, line by line."""
    image = Image.new("L", page, 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(FONTS + font, size)
    y = margin
    for line in text.split("\n"):
        draw.text((margin, y), line, fill=0, font=face)
        y += int(size * 1.45)
    return image


def photographed(image: Image.Image, *, angle: float = 1.2, seed: int = 7) -> Image.Image:
    """The page as a phone photo of it: a little turned, greyish paper, uneven light, soft."""
    rng = random.Random(seed)
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235)
    # the grain from the seeded generator (Image.effect_noise has its own, unseeded), so the
    # same page always makes the same photo and bench/read.py's OCR table is the same each run
    width, height = turned.size
    grain = Image.frombytes("L", turned.size, rng.randbytes(width * height))
    noise = grain.point(lambda v: 97 + v * 62 // 255).point(lambda v: v - 128)
    paper = Image.eval(turned, lambda v: 40 + v * 0.78)
    shaded = Image.blend(paper, Image.linear_gradient("L").resize(turned.size), 0.08)
    noisy = Image.eval(Image.blend(shaded, noise.convert("L"), 0.05), lambda v: v)
    return noisy.filter(ImageFilter.GaussianBlur(0.6 + rng.random() * 0.2)).convert("RGB")


def encoded(image: Image.Image, kind: str, quality: int = 80) -> bytes:
    """The image as a file's bytes: "PNG", "JPEG" or "HEIF"."""
    if kind == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    out = io.BytesIO()
    if kind == "PNG":
        image.save(out, format="PNG")
    else:
        image.convert("RGB").save(out, format=kind, quality=quality)
    return out.getvalue()


def scanned_pdf(pages: list[Image.Image]) -> bytes:
    """A PDF whose every page is an image (a scan): no text layer at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for image in pages:
        canvas.drawImage(ImageReader(image.convert("RGB")), 0, 0, *A4)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def text_pdf(pages: list[str]) -> bytes:
    """A PDF with a text layer (as a letter written on a computer and saved as PDF)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONTS + "DejaVuSans.ttf"))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for text in pages:
        canvas.setFont("DejaVuSans", 11)
        y = A4[1] - 60
        for line in text.split("\n"):
            canvas.drawString(50, y, line)
            y -= 15
        canvas.showPage()
    canvas.save()
    return out.getvalue()
