"""PDFs and photos as invitations (a "surat panggilan" sent as a file, or photographed with a
phone): a PDF's text layer, or OCR of a scanned page or a photo, then read as pasted text.

What OCR read is for the person to check: the invitation's `source` is "ocr" and its text is
the OCR text (`ocr_text` in the JSON, shown by `sopan read`), and every fact read from it has
its confidence lowered, by Tesseract's mean word confidence and never above OCR_CEILING. A
link or an address OCR may have misread — one Tesseract was unsure of, a meeting link not of
its platform's shape ("teams.microsoft.com/I/…", "zoom.us/j/845…?pwd-…"), a Meet code with a
"g" or a "q" — is left out, as missing, rather than reported wrong: one misread character
sends the person elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sopan._infra import rx
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
    #: the words of links and addresses OCR was unsure of (`ocr.OcrText.doubtful`)
    doubtful: frozenset[str] = frozenset()

    def mark(self, inv: Invitation) -> Invitation:
        """The invitation read from this text, with its source and, after OCR, every fact's
        confidence lowered and a link or an address that may be misread left out."""
        if self.source == "pdf":
            return replace(inv, source="pdf")
        inv = self._without_doubt(inv)
        factor = min(OCR_CEILING, self.confidence)
        lowered = (replace(f, confidence=round(f.confidence * factor, 2)) for f in inv.provenance)
        facts = tuple(lowered)
        return replace(inv, source="ocr", provenance=facts)

    def _doubted(self, value: str) -> bool:
        """Whether OCR was unsure of a word of `value` (a link or an address)."""
        for word in self.doubtful:
            bare = word.strip("()<>[]{}.,;:'\"")
            if value in word or (len(bare) >= 6 and bare in value):
                return True
        return False

    def _without_doubt(self, inv: Invitation) -> Invitation:
        """`inv` without the meeting link or the contact's address OCR may have misread."""
        drop = set()
        link = inv.meeting_link
        if link and (self._doubted(link) or not whole_link(link) or _CONFUSED.search(link)):
            drop.add("meeting_link")
        if inv.contact.email and self._doubted(inv.contact.email):
            drop.add("contact.email")
        if not drop:
            return inv
        missing = list(inv.missing)
        contact = inv.contact
        if "contact.email" in drop:
            contact = replace(contact, email=None)
            if not (contact.name or contact.phone) and "contact" not in missing:
                missing.append("contact")
        link = None if "meeting_link" in drop else link
        if link is None and inv.mode == "online" and "meeting_link" not in missing:
            missing.append("meeting_link")
        facts = tuple(f for f in inv.provenance if f.field not in drop)
        return replace(
            inv, meeting_link=link, contact=contact, missing=tuple(missing), provenance=facts
        )


#: the shapes of the meeting links whose form is known (host, then the path it must have)
_LINK_SHAPES = (
    (
        rx.compile(r"(?:[\w-]+\.)?zoom\.us"),
        rx.compile(r"/(?:j|w|s)/\d{9,11}(?:\?pwd=[\w.-]+)?|/my/[\w.-]+"),
    ),
    (rx.compile(r"meet\.google\.com"), rx.compile(r"/[a-z]{3}-[a-z]{4}-[a-z]{3}")),
    (rx.compile(r"teams\.microsoft\.com"), rx.compile(r"/l/meetup-join/\S+")),
)
#: a Google Meet code holding a letter OCR reads for another even when sure of it ("qlx" read
#: "glx" at 90 of 100): a code is random letters, so nothing tells which was written
_CONFUSED = rx.compile(r"(?i)meet\.google\.com/[a-z-]*[gq]")
_HOST = rx.compile(r"(?i)^(?:https?://)?([^/?#\s]+)(.*)$")


def whole_link(url: str) -> bool:
    """Whether a meeting link has its platform's shape (a Zoom meeting's number, a Google
    Meet code, a Teams meeting's "/l/meetup-join/"); a link of another platform is taken as
    it is."""
    m = _HOST.match(url)
    if m is None:
        return False
    host, rest = m.group(1).lower(), m.group(2)
    for known, path in _LINK_SHAPES:
        if known.fullmatch(host):
            return bool(path.fullmatch(rest.rstrip("/")))
    return True


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
        return DocumentText(text, "ocr", sure, frozenset().union(*(r.doubtful for r in read)))
    found = ocr.recognise(ocr.open_image(data, origin, budget), origin, deadline)
    _require_text(found.text, origin, "document.no_text_photo")
    return DocumentText(found.text, "ocr", found.confidence, found.doubtful)


def _require_text(text: str, origin: str, code: str) -> None:
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        raise UserError(code, file=origin)
