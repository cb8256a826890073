"""The formal letter as `.docx` (python-docx) and `.pdf` (reportlab), both in DejaVu Sans.

The fonts are sopan's own package data (`sopan/data/fonts/`, Bitstream Vera licence), so the
PDF looks the same on every machine and nothing is read from the operating system's fonts.

Both are laid out from the letter draft's text, so what the user reviewed is
exactly what is printed: blank lines separate blocks, lines inside a block stay
together, and the subject line ("Hal" / "Subject") is set in bold; the sheet (A4, US Letter)
and those words are the letter's language's, from its phrase book. The .docx names
the user as its author, the day it was made and the letter's language.

A letterhead (`Letterhead`: a logo, a name, address lines) heads every page when one is
given: the hosted mode's career centre sets its own; the local mode gives none.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sopan._infra import rx
from sopan.data import data_path
from sopan.errors import ExternalError
from sopan.language.regions import tag_of

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from reportlab.pdfgen.canvas import Canvas

#: the fonts shipped with sopan
FONT_DIR = data_path("fonts")


@dataclass(frozen=True)
class Sheet:
    """How a letter in one language (and regional variant) is laid on paper, from its phrase
    book's `letter` and `sign_off` words: the paper's size, the subject line's label (set in
    bold) and the sign-offs (room for a handwritten signature is left under them)."""

    width_mm: float
    height_mm: float
    subject_label: str
    sign_offs: frozenset[str]

    def bold(self, line: str) -> bool:
        """Whether `line` is the subject line."""
        return line.startswith(f"{self.subject_label}:")

    def signed_under(self, block: list[str]) -> bool:
        """Whether `block` is the sign-off alone, with the signature to come under it."""
        return len(block) == 1 and block[0].strip() in self.sign_offs


@cache
def sheet(language: str, region: str = "") -> Sheet:
    """The sheet a letter in `language` (for a reader of `region`) is printed on."""
    from sopan.language.dateforms import common

    words = common(language, region)
    width, height = (float(x) for x in words["letter"]["paper"])
    return Sheet(width, height, str(words["letter"]["subject_label"]),
                 frozenset(str(v) for v in words["sign_off"].values()))  # fmt: skip


def _blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.split("\n\n") if block.strip()]


#: one font for both files, so the .docx and the .pdf look the same
FONT_NAME, FONT_SIZE = "DejaVu Sans", 10.5
#: the letter's language as a document records it


@dataclass(frozen=True)
class LetterMeta:
    """What the .docx says about itself: who wrote it, when, in which language."""

    author: str
    created: datetime
    language: str
    #: the language's regional variant ("us"), whose tag the proofing language is
    region: str = ""


@dataclass(frozen=True)
class Letterhead:
    """What heads each page of a letter: a name, address lines, and a logo (PNG or JPEG
    bytes, already checked by whoever took them)."""

    name: str
    lines: tuple[str, ...] = ()
    logo: bytes | None = None


#: the logo's height on the page
_LOGO_CM = 1.6


def _docx_head(doc: DocxDocument, head: Letterhead) -> None:
    """The letterhead in the section's header (Word repeats it on every page): the logo,
    the name in bold, the address lines under it."""
    from docx.shared import Cm, Pt

    header = doc.sections[0].header
    para = header.paragraphs[0]
    if head.logo:
        para.add_run().add_picture(io.BytesIO(head.logo), height=Cm(_LOGO_CM))
        para = header.add_paragraph()
    name = para.add_run(head.name)
    name.bold = True
    name.font.size = Pt(FONT_SIZE + 1.5)
    for line in head.lines:
        para.add_run().add_break()
        para.add_run(line).font.size = Pt(FONT_SIZE - 1.5)


def docx_bytes(text: str, meta: LetterMeta, letterhead: Letterhead | None = None) -> bytes:
    """Write the letter as a Word document: one paragraph per block on its language's sheet
    (`sheet`), DejaVu Sans, the letterhead (when given) in the page header."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt

    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = meta.author
    props.created = props.modified = meta.created.replace(tzinfo=None)
    props.language = tag_of(meta.language, meta.region)
    section = doc.sections[0]
    paper = sheet(meta.language, meta.region)
    section.page_height, section.page_width = Mm(paper.height_mm), Mm(paper.width_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    style = doc.styles["Normal"]
    style.font.name = FONT_NAME
    style.font.size = Pt(FONT_SIZE)
    # the East Asian and complex-script slots too, or Word substitutes its own font there
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)
    from docx.oxml import OxmlElement

    lang = OxmlElement("w:lang")  # the proofing language Word checks the letter in
    lang.set(qn("w:val"), tag_of(meta.language, meta.region))
    style.element.get_or_add_rPr().append(lang)
    if letterhead is not None:
        _docx_head(doc, letterhead)
    for block in _blocks(text):
        para = doc.add_paragraph()
        for i, line in enumerate(block):
            run = para.add_run(line)
            run.bold = paper.bold(line)
            if i < len(block) - 1:
                run.add_break()
        if paper.signed_under(block):
            doc.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


#: a millimetre in points, the margins and the line heights of the PDF
_MM = 72 / 25.4
_MARGIN = 25 * _MM
_LINE, _BLOCK_GAP, _SIGNATURE_GAP = 5.5 * _MM, 4 * _MM, 14 * _MM


@cache
def _register_fonts(font_dir: Path) -> tuple[str, str]:
    """Parse the DejaVu fonts once per process and register them with reportlab (by their
    full paths: reportlab never searches the system's font folders for them)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = font_dir / "DejaVuSans.ttf", font_dir / "DejaVuSans-Bold.ttf"
    if not regular.exists() or not bold.exists():
        raise ExternalError("compose.fonts_missing", folder=str(font_dir))
    pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
    return "DejaVu", "DejaVu-Bold"


def _wrap(line: str, font: str, width: float) -> list[str]:
    """Lines of at most `width` points, broken at plain spaces only (a no-break space, as
    inside a phone number, holds), a word longer than a line cut where it must be."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fits(text: str) -> bool:
        return stringWidth(text, font, FONT_SIZE) <= width

    out: list[str] = []
    current = ""
    for word in line.split(" "):
        trial = f"{current} {word}" if current else word
        if fits(trial):
            current = trial
            continue
        if current:
            out.append(current)
        if not fits(word):  # a link or a long number: cut by characters, in one pass
            piece, used = "", 0.0
            for char in word:
                w = stringWidth(char, font, FONT_SIZE)
                if piece and used + w > width:
                    out.append(piece)
                    piece, used = "", 0.0
                piece, used = piece + char, used + w
            word = piece
        current = word
    out.append(current)
    return out


def _pdf_head(
    pdf: Canvas, page: tuple[float, float], head: Letterhead, regular: str, bold: str
) -> float:
    """Draw the letterhead at the top of the page: the logo, beside it the name and the
    address lines, a rule under them; the height the letter starts below."""
    from reportlab.lib.utils import ImageReader

    page_w, page_h = page
    top = page_h - _MARGIN
    logo_h = _LOGO_CM * 10 * _MM
    x = _MARGIN
    used = 0.0
    if head.logo:
        image = ImageReader(io.BytesIO(head.logo))
        w, h = image.getSize()
        logo_w = min(logo_h * w / h, 45 * _MM)  # a wide logo is held to 45 mm
        pdf.drawImage(image, _MARGIN, top - logo_h, logo_w, logo_h,
                      preserveAspectRatio=True, anchor="sw", mask="auto")  # fmt: skip
        x, used = _MARGIN + logo_w + 5 * _MM, logo_h
    y = top - 4.5 * _MM
    pdf.setFont(bold, FONT_SIZE + 1.5)
    pdf.drawString(x, y, head.name)
    for line in head.lines:
        y -= 4.2 * _MM
        pdf.setFont(regular, FONT_SIZE - 1.5)
        pdf.drawString(x, y, line)
    bottom = min(top - used, y - 2.5 * _MM)
    pdf.setLineWidth(0.6)
    pdf.line(_MARGIN, bottom, page_w - _MARGIN, bottom)
    return bottom - 4 * _MM


def pdf_bytes(
    text: str,
    language: str,
    region: str = "",
    *,
    font_dir: Path = FONT_DIR,
    letterhead: Letterhead | None = None,
) -> bytes:
    """Write the letter as a PDF on its language's sheet (`sheet`: A4, or US Letter for an
    American reader) with the DejaVu fonts embedded (reportlab), the letterhead (when given)
    at the top of every page."""
    regular, bold = _register_fonts(font_dir)
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    # invariant: the same letter gives the same bytes (no creation stamp, no random id)
    paper = sheet(language, region)
    page_w, page_h = paper.width_mm * _MM, paper.height_mm * _MM
    pdf = Canvas(out, pagesize=(page_w, page_h), invariant=True, pageCompression=1)
    width = page_w - 2 * _MARGIN

    def page_top() -> float:
        if letterhead is None:
            return page_h - _MARGIN
        return _pdf_head(pdf, (page_w, page_h), letterhead, regular, bold)

    y = page_top()
    for block in _blocks(text):
        for line in block:
            font = bold if paper.bold(line) else regular
            for piece in _wrap(_keep_numbers_whole(line), font, width):
                if y - _LINE < _MARGIN:
                    pdf.showPage()
                    y = page_top()
                y -= _LINE
                pdf.setFont(font, FONT_SIZE)
                pdf.drawString(_MARGIN, y + 1.5 * _MM, piece)
        y -= _SIGNATURE_GAP if paper.signed_under(block) else _BLOCK_GAP
    pdf.showPage()
    pdf.save()
    return out.getvalue()


_NUMBER = rx.compile(r"\+?\d[\d -]{5,}\d")


def _keep_numbers_whole(line: str) -> str:
    """Phone numbers with no-break spaces, so a line never splits "+62 / 812-…"."""
    return _NUMBER.sub(lambda m: m.group().replace(" ", "\u00a0"), line)
