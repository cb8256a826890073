"""Email messages (.eml): headers, body parts in any charset and encoding, calendar parts."""

from __future__ import annotations

import re
from email import message_from_bytes
from email.errors import MessageError
from email.header import Header, decode_header, make_header
from email.message import Message
from email.policy import compat32

from sopan._infra import rx
from sopan._infra.controls import one_line
from sopan.errors import UserError
from sopan.read.build import Envelope, parse_date_header
from sopan.read.html import html_to_text
from sopan.read.people import address_header

_HEADER_LINE = rx.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?")
_KNOWN = (
    b"from:",
    b"to:",
    b"subject:",
    b"date:",
    b"message-id:",
    b"content-type:",
    b"mime-version:",
    b"received:",
    b"return-path:",
    b"reply-to:",
    b"delivered-to:",
)


def looks_like_email(data: bytes) -> bool:
    """True when the bytes start with an RFC 5322 header block naming a sender or subject."""
    data = data.lstrip()
    if not _HEADER_LINE.match(data[:64]):
        return False  # pasted text: its first line is no header, so no need to look further
    head = data[:8192].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    lines = [ln for ln in head.splitlines() if ln and not ln[:1].isspace()]
    if not lines or not all(_HEADER_LINE.match(ln) for ln in lines[:3]):
        return False
    known = sum(ln.lower().startswith(_KNOWN) for ln in lines)
    return known >= 2


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text of `data`: UTF-8 when it is valid (mislabelled mail), else the declared charset,
    else Windows-1252, which never fails."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for cs in (charset, "windows-1252"):
        if not cs:
            continue
        try:
            return data.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def raw_header(msg: Message, name: str) -> str | None:
    """A header of `msg` as written, its bytes outside ASCII read as UTF-8 (RFC 6532: a
    sender "Jürgen <jürgen@firma.example>" written as is), else as Windows-1252; never the
    replacement characters, or the `Header` object, that Python's parser gives them."""
    wanted = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == wanted:
            text = str(value)
            if text.isascii():
                return text
            return decode_bytes(text.encode("utf-8", "surrogateescape"))
    return None


def header_text(value: object) -> str | None:
    """A header decoded from RFC 2047 words, or None when absent."""
    if value is None:
        return None
    if isinstance(value, Header):
        # 8-bit bytes in a header (a header block pasted with the mail, "Subject: Undangan
        # Interview – Staf Gudang"): the parser kept them as "unknown-8bit"; they are text,
        # read as the body is (UTF-8 when valid, else the charset named, else Windows-1252)
        value = "".join(
            decode_bytes(part, None if cs == "unknown-8bit" else cs)
            if isinstance(part, bytes)
            else part
            for part, cs in decode_header(value)
        )
    raw = str(value)
    try:
        text = str(make_header(decode_header(raw)))
    except (UnicodeDecodeError, LookupError, ValueError, TypeError, MessageError):
        text = raw  # an unknown charset or a broken encoded word: shown as written
    # control characters (an escape sequence, an encoded CR LF) never reach a terminal or a
    # header sopan writes, nor does half a character (an encoded word cut inside one), which
    # no file or database could hold
    return one_line(_LONE_SURROGATE.sub("\ufffd", text)) or None


_LONE_SURROGATE = rx.compile("[\ud800-\udfff]")


#: How deep multipart parts may nest, and how many parts a message may have.
MAX_DEPTH = 20
MAX_PARTS = 500
_ROUGH_TAG = rx.compile(r"<(?:style|script)\b.*?</(?:style|script)\s*>|<[^>]{0,500}>", re.I | re.S)


def _payload(part: Message) -> str:
    try:
        raw = part.get_payload(decode=True)
    except Exception:
        raw = None
    if not isinstance(raw, bytes):
        body = part.get_payload()
        return body if isinstance(body, str) else ""
    return decode_bytes(raw, part.get_content_charset())


def _is_calendar(part: Message) -> bool:
    ctype = part.get_content_type()
    name = (part.get_filename() or "").lower()
    return ctype in ("text/calendar", "application/ics", "text/x-vcalendar") or name.endswith(
        ".ics"
    )


def _body(msg: Message, depth: int = 0) -> tuple[str, list[str]]:
    """The readable body (plain preferred unless it is a stub of the HTML) and calendar texts."""
    plains: list[str] = []
    htmls: list[str] = []
    calendars: list[str] = []
    forwarded: list[str] = []

    seen = [0]

    def visit(part: Message, depth: int) -> None:
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message) and depth < 5:
                forwarded.append(_forward_block(inner[0], depth + 1))
            return
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                raise UserError("read.email_too_deep", limit=MAX_DEPTH)
            children = part.get_payload()
            for child in children if isinstance(children, list) else []:
                if isinstance(child, Message):
                    seen[0] += 1
                    if seen[0] > MAX_PARTS:
                        raise UserError("read.email_too_many_parts", limit=MAX_PARTS)
                    visit(child, depth + 1)
            return
        if _is_calendar(part):
            calendars.append(_payload(part))
            return
        disposition = str(part.get("Content-Disposition") or "").lower()
        if "attachment" in disposition:
            return
        if ctype == "text/plain":
            plains.append(_payload(part))
        elif ctype == "text/html":
            htmls.append(_payload(part))

    visit(msg, depth)
    plain = "\n\n".join(p for p in plains if p.strip())
    # the HTML is turned into text only when it is the part used: when there is no plain
    # part, or the plain one is a stub ("view this email in a browser") of the HTML's text
    rough = sum(len(_ROUGH_TAG.sub("", h).split()) for h in htmls)
    if plain.strip() and len(plain.split()) >= 0.4 * rough:
        body = plain
    else:
        body = "\n\n".join(t for t in (html_to_text(h) for h in htmls) if t.strip()) or plain
    for block in forwarded:
        body += "\n\n" + block
    return body, calendars


def _forward_block(inner: Message, depth: int) -> str:
    body, _ = _body(inner, depth)
    head = [
        "---------- Forwarded message ---------",
        f"From: {header_text(inner.get('From')) or ''}",
        f"Date: {header_text(inner.get('Date')) or ''}",
        f"Subject: {header_text(inner.get('Subject')) or ''}",
        f"Message-ID: {header_text(inner.get('Message-ID')) or ''}",
        "",
    ]
    return "\n".join(head) + body


def parse_email(data: bytes, origin: str = "input") -> tuple[str, Envelope, list[str], Message]:
    """Body text, envelope (threading headers, sender, date) and raw calendar parts.

    A message nested deeper than `MAX_DEPTH` or with more than `MAX_PARTS` parts is refused
    in one line naming `origin`.
    """
    try:
        msg = message_from_bytes(data, policy=compat32)
        body, calendars = _body(msg)
    except RecursionError:
        deep = UserError("read.email_too_deep", limit=MAX_DEPTH)
        raise UserError("read.in_source", source=origin, error=deep) from None
    except UserError as exc:
        raise UserError("read.in_source", source=origin, error=exc) from None
    name, address = address_header(raw_header(msg, "From"))
    refs = (header_text(raw_header(msg, "References")) or "").split()
    irt = header_text(raw_header(msg, "In-Reply-To"))
    if irt and irt not in refs:
        refs.append(irt)
    reply_name, reply_address = address_header(raw_header(msg, "Reply-To"))
    env = Envelope(
        source="email",
        subject=header_text(raw_header(msg, "Subject")),
        message_id=header_text(raw_header(msg, "Message-ID")),
        references=tuple(refs),
        # a Reply-To (calendar robots, shared mailboxes) names who actually answers
        sender_name=(reply_name if reply_address else name) or None,
        sender_email=reply_address or address,
        sent_at=parse_date_header(header_text(raw_header(msg, "Date"))),
        recipients=_recipients(msg),
    )
    return body, env, calendars, msg


def _recipients(msg: Message) -> tuple[str, ...]:
    """The addresses the message was sent to (To, Cc, Delivered-To), lower case, each once;
    a header line longer than a mail line (998) is no list of addresses."""
    from email.utils import getaddresses

    found: list[str] = []
    for name in ("Delivered-To", "To", "Cc"):
        for key, value in msg.raw_items():
            text = str(value)
            if key.lower() != name.lower() or len(text) > 998:
                continue
            for _, address in getaddresses([re.sub(r"[\r\n]+", " ", text)]):
                address = address.strip().lower()
                if "@" in address and address not in found:
                    found.append(address)
    return tuple(found)
