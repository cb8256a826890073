"""The formal letter as `.docx` (python-docx) and `.pdf` (fpdf2), both in DejaVu Sans.

Both are laid out from the letter draft's text, so what the user reviewed is
exactly what is printed: blank lines separate blocks, lines inside a block stay
together, and the subject line ("Hal" / "Subject") is set in bold. The .docx names
the user as its author, the day it was made and the letter's language.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sopan.errors import ExternalError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_BOLD_LINE = re.compile(r"^(Hal|Subject)\s*:")
# A sign-off line is followed by room for a handwritten signature.
_SIGN_OFF = re.compile(
    r"^(Hormat saya|Salam hormat|Yours sincerely|Yours faithfully|Kind regards),$"
)


def _blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.split("\n\n") if block.strip()]


#: one font for both files, so the .docx and the .pdf look the same
FONT_NAME, FONT_SIZE = "DejaVu Sans", 10.5
#: the letter's language as a document records it
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}


@dataclass(frozen=True)
class LetterMeta:
    """What the .docx says about itself: who wrote it, when, in which language."""

    author: str
    created: datetime
    language: str


def docx_bytes(text: str, meta: LetterMeta) -> bytes:
    """Write the letter as a Word document: one paragraph per block, A4, DejaVu Sans."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = meta.author
    props.created = props.modified = meta.created.replace(tzinfo=None)
    props.language = LANGUAGE_TAGS.get(meta.language, meta.language)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
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
    lang.set(qn("w:val"), LANGUAGE_TAGS.get(meta.language, meta.language))
    style.element.get_or_add_rPr().append(lang)
    for block in _blocks(text):
        para = doc.add_paragraph()
        for i, line in enumerate(block):
            run = para.add_run(line)
            run.bold = bool(_BOLD_LINE.match(line))
            if i < len(block) - 1:
                run.add_break()
        if len(block) == 1 and _SIGN_OFF.match(block[0]):
            doc.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pdf_bytes(text: str, *, font_dir: Path = FONT_DIR) -> bytes:
    """Write the letter as an A4 PDF with an embedded DejaVu font."""
    from fpdf import FPDF

    regular, bold = font_dir / "DejaVuSans.ttf", font_dir / "DejaVuSans-Bold.ttf"
    if not regular.exists() or not bold.exists():
        raise ExternalError(
            f"the DejaVu fonts are missing from {font_dir} (install fonts-dejavu-core)"
        )
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    for block in _blocks(text):
        for line in block:
            pdf.set_font("DejaVu", "B" if _BOLD_LINE.match(line) else "", FONT_SIZE)
            pdf.multi_cell(
                0, 5.5, _keep_numbers_whole(line), align="L", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.ln(14 if len(block) == 1 and _SIGN_OFF.match(block[0]) else 4)
    return bytes(pdf.output())


_NUMBER = re.compile(r"\+?\d[\d -]{5,}\d")


def _keep_numbers_whole(line: str) -> str:
    """Phone numbers with no-break spaces, so a line never splits "+62 / 812-…"."""
    return _NUMBER.sub(lambda m: m.group().replace(" ", "\u00a0"), line)
