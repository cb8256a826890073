"""Outlook's .msg files (an OLE compound file of MAPI properties), read with extract-msg
and handed on as the email they are: the transport headers when Outlook kept them (sender,
date, Message-ID for threading), the plain or HTML body, and any calendar attachment."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import Any

from sopan.errors import UserError

#: how every OLE compound file begins
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KEPT = ("from", "to", "cc", "reply-to", "subject", "date", "message-id", "in-reply-to",
         "references")  # fmt: skip


def looks_like_msg(data: bytes) -> bool:
    """Whether the bytes are an OLE compound file (what an Outlook .msg is)."""
    return data.startswith(OLE_MAGIC)


def msg_to_email(data: bytes, origin: str) -> bytes:
    """The .msg as the bytes of an RFC 5322 message; one line naming `origin` when it is
    not an Outlook message sopan can read."""
    try:
        import extract_msg
    except ImportError:  # the `outlook` extra: its red-black-tree-mod has no wheel
        raise UserError("read.msg_needs_outlook", file=origin) from None
    try:
        msg = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # a broken or hostile compound file raises many kinds
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise UserError("read.msg_unreadable", source=origin, why=why) from None
    try:
        return _as_email(msg).as_bytes()
    except Exception as exc:
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise UserError("read.msg_unreadable", source=origin, why=why) from None
    finally:
        msg.close()


def _as_email(msg: Any) -> EmailMessage:
    """The message of an extract-msg `Message`: its headers, body and calendar part."""
    out = EmailMessage(policy=SMTP)
    header = getattr(msg, "header", None)
    for name in _KEPT:
        value = header.get(name) if header is not None else None
        if value:
            out[name] = " ".join(str(value).split())
    if "from" not in out and getattr(msg, "sender", None):
        out["From"] = str(msg.sender)
    if "subject" not in out and getattr(msg, "subject", None):
        out["Subject"] = " ".join(str(msg.subject).split())
    date = getattr(msg, "date", None)
    if "date" not in out and date is not None:
        out["Date"] = format_datetime(date)
    body = getattr(msg, "body", None)
    html = getattr(msg, "htmlBody", None)
    if body:
        out.set_content(str(body))
    elif html:
        text = html.decode("utf-8", "replace") if isinstance(html, bytes) else str(html)
        out.set_content(text, subtype="html")
    else:
        out.set_content("")
    for attachment in getattr(msg, "attachments", ()):
        name = str(
            getattr(attachment, "longFilename", None) or getattr(attachment, "name", "") or ""
        )
        content = getattr(attachment, "data", None)
        if name.lower().endswith(".ics") and isinstance(content, bytes):
            out.add_attachment(content, maintype="text", subtype="calendar", filename=name)
    return out
