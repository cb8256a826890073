"""PDF files: the text layer of each page (pypdf), and for a page without one (a scan), the
images on it, for OCR. Within budgets: pages, and pixels an image, checked from the file's own
dictionaries before an image is decoded."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sopan.errors import UserError
from sopan.read.ocr import BUDGET, Budget, check_pixels

if TYPE_CHECKING:
    from PIL.Image import Image

#: how a PDF begins
PDF_MAGIC = b"%PDF-"
#: a page whose text layer has fewer letters than this is read as a scan
MIN_LETTERS = 20
#: how deep forms inside forms are searched for a page's images
_MAX_DEPTH = 5


def looks_like_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF file."""
    return data.lstrip()[:5] == PDF_MAGIC


@dataclass(frozen=True)
class PdfPage:
    """One page: its text layer, and the images drawn on it (decoded only when asked)."""

    text: str
    page: Any

    @property
    def scanned(self) -> bool:
        """Whether the page has no text layer worth the name (a scan or a photo)."""
        return sum(ch.isalpha() for ch in self.text) < MIN_LETTERS


def pdf_pages(data: bytes, origin: str, budget: Budget = BUDGET) -> list[PdfPage]:
    """Every page of the PDF with its text layer; one line naming `origin` when it is not a
    PDF that can be read, is locked, or has more pages than the budget."""
    from pypdf import PdfReader

    # pypdf tells of every flaw it works around on its logger: one line on stderr each, where
    # sopan says one line in all (its own, naming the file, when the PDF cannot be read)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError("document.locked", file=origin)
        count = len(reader.pages)
        if count > budget.pages:
            raise UserError(
                "document.pdf_pages", file=origin, pages=str(count), limit=str(budget.pages)
            )
        return [PdfPage(page.extract_text() or "", page) for page in reader.pages]
    except UserError:
        raise
    except Exception as exc:  # a broken or hostile PDF raises many kinds
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise UserError("document.bad_pdf", file=origin, why=why) from None


def page_images(page: PdfPage, origin: str, budget: Budget = BUDGET) -> list[Image]:
    """The images drawn on a page, each checked against the pixel budget: first from its
    dictionary (before it is decoded), then as decoded."""
    try:
        _check_sizes(page.page.get("/Resources"), origin, budget, 0, set())
        images = [file.image for file in page.page.images]
    except UserError:
        raise
    except Exception as exc:
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise UserError("document.bad_pdf_image", file=origin, why=why) from None
    for image in images:
        check_pixels(image.width, image.height, origin, budget)
    return [image for image in images if image is not None]


def _check_sizes(resources: Any, origin: str, budget: Budget, depth: int, seen: set[int]) -> None:
    """Every image XObject of `resources` (and of the forms in it) within the pixel budget."""
    if resources is None or depth > _MAX_DEPTH:
        return
    objects = resources.get_object().get("/XObject")
    if objects is None:
        return
    for value in objects.get_object().values():
        ref = getattr(value, "idnum", None)
        if ref is not None:
            if ref in seen:
                continue  # a form that draws itself, or one drawn twice
            seen.add(ref)
        xobject = value.get_object()
        if xobject.get("/Subtype") == "/Image":
            width, height = int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0))
            check_pixels(width, height, origin, budget)
        elif xobject.get("/Subtype") == "/Form":
            _check_sizes(xobject.get("/Resources"), origin, budget, depth + 1, seen)
