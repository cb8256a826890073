"""The text a person checks in a reply file: what they wrote, decoded, and nothing else.

`.eml` → the subject and the user's own text part, decoded (quoted history and the other
side's signature below it left out); `.docx` → its paragraphs; `.pdf` → its text layer;
`.ics` → only the COMMENT and DESCRIPTION the user wrote; `.txt` and standard input → as
they are. The lines sopan adds to a draft file for the user (the WhatsApp link, the
voicemail's spoken length) are blanked, so they are not linted as the message. Any other
file is refused in one line. Positions of findings refer to the text returned here.
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sopan._infra import rx
from sopan._infra.controls import blank_controls, quote
from sopan._infra.inputs import STDIN, read_input
from sopan._infra.wording import Amount, Phrase, megabytes
from sopan.errors import UserError
from sopan.lint.engine import MAX_CHARS

# A reply is a message, not a document: ten megabytes hold any real letter with its fonts.
MAX_REPLY_BYTES = 10 * 1024 * 1024
#: the types lint reads, and the format of the channel each implies when none is given (the
#: channel itself is the one whose spec has that format, in data/channels/)
TYPES = {".eml": "eml", ".docx": "letter", ".pdf": "letter", ".ics": "ics", ".txt": None}
#: the first bytes of files that are certainly no text: a zip (.xlsx, .odt), a PDF, an image
_OTHER_MAGIC = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff\xe0")


@dataclass(frozen=True)
class Reply:
    """The text to lint and the channel the file says it is (None: not known)."""

    text: str
    channel: str | None = None


def read_reply(path: str) -> Reply:
    """The reply a file holds ("-" reads standard input); UserError, one line, when unusable."""
    name: str | Phrase = Phrase("phrase.standard_input") if path == STDIN else path
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    raw = read_input(path, what="a reply", max_bytes=MAX_REPLY_BYTES)
    if suffix not in TYPES and (b"\x00" in raw[:8192] or raw[:4] in _OTHER_MAGIC):
        kind = f" ({suffix})" if suffix else ""
        raise UserError("lint.binary", source=name, kind=kind)
    if suffix == ".docx":
        text = _docx_text(raw, name)
    elif suffix == ".pdf":
        text = _pdf_text(raw, name)
    elif suffix == ".ics":
        text = _ics_text(raw, name)
    elif suffix == ".eml":
        text = _eml_text(raw)
    else:
        text = _plain_text(raw, name)
    text = blank_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise UserError("lint.empty", source=name)
    channel = _channel_of_format(TYPES.get(suffix)) or _channel_of(
        Path(path).name if path != STDIN else ""
    )
    return Reply(_blank_added_lines(text), channel)


def _plain_text(raw: bytes, name: str | Phrase) -> str:
    if b"\x00" in raw[:8192]:
        raise UserError("lint.not_text", source=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("lint.not_utf8", source=name) from None


def _eml_text(raw: bytes) -> str:
    """The subject, then the user's own words of the text part (history left out)."""
    import email
    from email import policy

    from sopan.read.history import split_history

    msg = email.message_from_bytes(raw, policy=policy.default)
    part = msg.get_body(preferencelist=("plain", "html"))
    body = ""
    if part is not None:
        try:
            body = str(part.get_content())
        except (LookupError, ValueError, AttributeError):
            body = part.get_payload(decode=True).decode("utf-8", "replace")  # type: ignore[union-attr]
        if part.get_content_type() == "text/html":
            from sopan.read.html import html_to_text

            body = html_to_text(body)
    own = split_history(body.replace("\r\n", "\n"))[0].text
    subject = " ".join(str(msg.get("Subject", "")).split())
    return f"{subject}\n\n{own.strip()}\n" if subject else own


#: What a reply document may hold once unpacked: a letter is a few pages, its .docx parts a few
#: hundred KB of XML; a file that unpacks to more is refused before it is parsed.
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_DOCX_XML_BYTES = 5 * 1024 * 1024
MAX_PARAGRAPHS = 5000
MAX_PDF_PAGES = 20
#: A page's content stream once decompressed, and the decoding work pypdf may do on one.
MAX_PDF_STREAM_BYTES = 1024 * 1024
#: CPU seconds the pages of one PDF may take to read (a letter's page takes milliseconds).
MAX_PDF_SECONDS = 2.0


def _docx_text(raw: bytes, name: str | Phrase) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            # the sizes a zip declares are what it unpacks to: zipfile stops at them
            if sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES or len(parts) > 1000:
                limit = megabytes(MAX_UNPACKED_BYTES)
                raise UserError("lint.unpacks_to", source=name, limit=limit)
            body = next((p for p in parts if p.filename == "word/document.xml"), None)
            if body is not None and body.file_size > MAX_DOCX_XML_BYTES:
                limit = megabytes(MAX_DOCX_XML_BYTES)
                raise UserError("lint.docx_text", source=name, limit=limit)
            xml = archive.read(body) if body is not None else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UserError("lint.not_docx", source=name) from None
    paragraphs = xml.count(b"<w:p>") + xml.count(b"<w:p ") + xml.count(b"<w:p/>")
    if paragraphs > MAX_PARAGRAPHS:
        raise UserError("lint.paragraphs", source=name, limit=Amount(MAX_PARAGRAPHS))
    from docx import Document

    try:
        doc = Document(io.BytesIO(raw))
    except Exception:  # python-docx raises many kinds for a file that is not a .docx
        raise UserError("lint.not_docx", source=name) from None
    return "\n\n".join(p.text for p in doc.paragraphs if p.text.strip())


def _pdf_text(raw: bytes, name: str | Phrase) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    said: list[str] = []  # what pypdf logs on a broken file says why it cannot be read
    catch = _Said(said)
    log = logging.getLogger("pypdf")
    log.addHandler(catch)
    limits: dict[str, Any] = {
        key: MAX_PDF_STREAM_BYTES
        for key in (
            "zlib_maximum_output_length", "lzw_maximum_output_length",
            "run_length_maximum_output_length", "brotli_maximum_output_length",
            "array_based_stream_maximum_output_length", "maximum_declared_stream_length",
            "stream_decoding_work_maximum_length", "xfa_decoding_work_maximum_length",
        )
    }  # fmt: skip
    pages: list[str] = []
    started = time.process_time()
    try:
        with apply_configuration(stream_parsing_work_maximum_count=100_000, **limits):
            reader = PdfReader(io.BytesIO(raw))
            for page in reader.pages[:MAX_PDF_PAGES]:
                pages.append(page.extract_text() or "")
                # the pages together: no more text than lint reads, no more time than a reply
                if sum(map(len, pages)) > MAX_CHARS:
                    raise UserError("lint.characters", source=name, limit=Amount(MAX_CHARS))
                if time.process_time() - started > MAX_PDF_SECONDS:
                    seconds = Amount(MAX_PDF_SECONDS)
                    raise UserError("lint.pdf_slow", source=name, seconds=seconds)
    except LimitReachedError:
        limit = megabytes(MAX_PDF_STREAM_BYTES)
        raise UserError("lint.pdf_page", source=name, limit=limit) from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError):  # fmt: skip
        why = f" ({quote(said[0], 60)})" if said else ""
        raise UserError("lint.not_pdf", source=name, why=why) from None
    finally:
        log.removeHandler(catch)
    text = "\n".join(pages)
    if not text.strip():
        raise UserError("lint.no_text_layer", source=name)
    return text


class _Said(logging.Handler):
    """Keeps what a library logs, to say it in sopan's own error (never printed itself)."""

    def __init__(self, found: list[str]) -> None:
        super().__init__()
        self.found = found

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(record.getMessage())


def _ics_text(raw: bytes, name: str | Phrase) -> str:
    """The words the user wrote in a calendar answer: COMMENT and DESCRIPTION only."""
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(raw.decode("utf-8", "replace"))
    except (ValueError, KeyError, IndexError):
        raise UserError("lint.not_ics", source=name) from None
    found = [
        str(event.get(prop))
        for event in cal.walk("VEVENT")
        for prop in ("COMMENT", "DESCRIPTION")
        if event.get(prop)
    ]
    return "\n\n".join(found)


@cache
def _added_lines() -> re.Pattern[str]:
    """The lines sopan writes into a draft file for the user, in either language."""
    from sopan.data import load_yaml  # the phrase book's words, without loading compose
    from sopan.model.names import LANGUAGES

    heads = []
    for lang in LANGUAGES:
        words = load_yaml("phrases", lang, "common.yaml")
        heads.append(re.escape(str(words["whatsapp_link"])) + r":\s*https://wa\.me/\S*")
        estimate = re.escape(str(words["voicemail_estimate"]))
        heads.append(re.sub(r"\\\{[a-z]+\\\}", r"[\\d.,]+", estimate))
    return rx.compile(rf"^(?:{'|'.join(heads)})[ \t]*$", re.MULTILINE)


def _blank_added_lines(text: str) -> str:
    """The text without the lines sopan added: cut off when they end the file (as sopan
    writes them), blanked to spaces elsewhere (offsets stay)."""
    found = list(_added_lines().finditer(text))
    if not found:
        return text
    rest = _added_lines().sub("", text[found[0].start() :])
    if not rest.strip():
        return text[: found[0].start()].rstrip() + "\n"
    return _added_lines().sub(lambda m: " " * len(m.group(0)), text)


def _channel_of_format(file_format: str | None) -> str | None:
    """The first channel whose drafts are files of this format (an .eml → the e-mail)."""
    from sopan.model.channels import registry

    if file_format is None:
        return None
    return next((s.name for s in registry().specs if s.format == file_format), None)


def _channel_of(file_name: str) -> str | None:
    """The channel a draft file's name says ("sms.txt", "voicemail-2.txt")."""
    from sopan.model.channels import registry

    found = registry().by_file(file_name) if file_name else None
    return found.name if found else None
