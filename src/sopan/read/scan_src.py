"""PDFs and photos as invitations (a "surat panggilan" sent as a file, or photographed with a
phone): a PDF's text layer, or OCR of a scanned page or a photo, then read as pasted text.

What OCR read is for the person to check: the invitation's `source` is "ocr" and its text is
the OCR text (`ocr_text` in the JSON, shown by `sopan read`), and every fact read from it has
its confidence lowered, by Tesseract's mean word confidence and never above OCR_CEILING.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sopan.errors import UserError
from sopan.read import ocr
from sopan.read.pdf_src import looks_like_pdf, page_images, pdf_pages

if TYPE_CHECKING:
    from sopan.model import Invitation

#: the most a fact read by OCR is trusted: a misread digit changes a date
OCR_CEILING = 0.7
#: fewer letters than this in all a document says is no text at all
_MIN_LETTERS = 20


@dataclass(frozen=True)
class DocumentText:
    """The text of a PDF or a photo, where it came from, and how sure OCR was of it."""

    text: str
    source: Literal["pdf", "ocr"]
    confidence: float = 1.0

    def mark(self, inv: Invitation) -> Invitation:
        """The invitation read from this text, with its source and, after OCR, every fact's
        confidence lowered."""
        if self.source == "pdf":
            return replace(inv, source="pdf")
        factor = min(OCR_CEILING, self.confidence)
        lowered = (replace(f, confidence=round(f.confidence * factor, 2)) for f in inv.provenance)
        facts = tuple(lowered)
        return replace(inv, source="ocr", provenance=facts)


def is_document(data: bytes) -> bool:
    """Whether the bytes are a PDF or an image OCR reads."""
    return looks_like_pdf(data) or ocr.image_kind(data) is not None


def document_text(data: bytes, origin: str) -> DocumentText:
    """The text of a PDF (its text layer; OCR for a page that has none) or of a photo (OCR),
    within `ocr.BUDGET`; one line naming `origin` when there is none or a budget is passed."""
    budget = ocr.BUDGET
    deadline = ocr.Deadline(budget.seconds)
    if looks_like_pdf(data):
        parts: list[str] = []
        read: list[ocr.OcrText] = []
        for page in pdf_pages(data, origin, budget):
            if not page.scanned:
                parts.append(page.text)
                continue
            images = page_images(page, origin, budget)
            if images:
                read.append(ocr.recognise(images, origin, deadline))
                parts.append(read[-1].text)
        text = "\n\n".join(part.strip() for part in parts if part.strip())
        _require_text(text, origin, "document.no_text_pdf")
        if not read:
            return DocumentText(text, "pdf")
        words = sum(r.words for r in read)
        sure = sum(r.confidence * r.words for r in read) / words if words else 0.0
        return DocumentText(text, "ocr", sure)
    found = ocr.recognise(ocr.open_image(data, origin, budget), origin, deadline)
    _require_text(found.text, origin, "document.no_text_photo")
    return DocumentText(found.text, "ocr", found.confidence)


def _require_text(text: str, origin: str, code: str) -> None:
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        raise UserError(code, file=origin)
