"""The email draft as an `.eml` reply in the invitation's thread (RFC 5322, UTF-8 MIME)."""

from __future__ import annotations

import html
import mimetypes
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path

from sopan._infra.controls import one_line
from sopan.errors import UserError
from sopan.language.regions import tag_of
from sopan.model import Draft, Invitation, Profile


def _html(text: str) -> str:
    """A simple HTML alternative: one <p> per paragraph, line breaks kept."""
    paras = [html.escape(p).replace("\n", "<br>\n") for p in text.split("\n\n")]
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
    return f"{head}\n{body}\n</body></html>\n"


def _recipient(inv: Invitation) -> str:
    raw = inv.reply_to or inv.contact.email or inv.organizer or ""
    raw = raw.removeprefix("mailto:").removeprefix("MAILTO:")
    pairs = [(n, a) for n, a in getaddresses([raw]) if a]
    if not pairs:
        return ""
    name, addr = pairs[0]
    if not name and inv.contact.name and addr.lower() == (inv.contact.email or addr).lower():
        name = inv.contact.name  # "To: Rina Wijaya <rina@…>", not a bare address
    if "@" not in addr:
        return addr
    if not addr.isascii():  # an internationalised address (RFC 6532): written as it is
        return f"{name} <{addr}>" if name else addr
    return str(Address(display_name=name, addr_spec=addr))


def _message_id(profile: Profile) -> str:
    # Fresh for every draft made: two drafts are never taken for one message, and a draft's
    # id, fixed here, is what later tells whether it was already sent.
    domain = (profile.email or "sopan.invalid").rpartition("@")[2] or "sopan.invalid"
    return make_msgid(idstring="sopan", domain=domain)


def _one_line(value: str) -> str:
    """A header value with no control character: nothing read can add a header or a line."""
    return one_line(value)


def build_email(
    draft: Draft,
    inv: Invitation,
    profile: Profile,
    *,
    now: datetime,
    attachments: Sequence[Path] = (),
    itip: tuple[str, str] | None = None,
) -> EmailMessage:
    """The reply as a MIME message: text plus HTML, threaded, with any attachments.

    `itip` is a calendar answer (its METHOD, its iCalendar text): it goes in as the iMIP
    part (RFC 6047, `text/calendar; method=…`), so mail clients show a calendar response.
    """
    to = _recipient(inv)
    # an address with a non-ASCII local part (jürgen@…) needs an SMTPUTF8 message
    msg = EmailMessage(policy=SMTP.clone(utf8=True) if not to.isascii() else SMTP)
    if profile.email:
        msg["From"] = str(Address(display_name=profile.name, addr_spec=profile.email))
    if to:
        msg["To"] = _one_line(to)
    msg["Subject"] = _one_line(draft.subject or "")
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = _message_id(profile)
    if inv.message_id:
        msg["In-Reply-To"] = _one_line(inv.message_id)
        refs = [r for r in inv.references if r != inv.message_id]
        msg["References"] = _one_line(" ".join([*refs, inv.message_id]))
    msg.set_content(draft.text + "\n", charset="utf-8")
    msg.add_alternative(_html(draft.text), subtype="html", charset="utf-8")
    if itip is not None:
        method, ical = itip
        msg.add_alternative(ical, subtype="calendar", charset="utf-8", params={"method": method})
    # after the parts are made: set_content moves every Content-* header into its part
    msg["Content-Language"] = tag_of(draft.language, draft.region)
    for path in attachments:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(
                "draft.cannot_read_attachment", field="attach", file=path, why=exc.strerror
            ) from None
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, _, subtype = ctype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return msg
