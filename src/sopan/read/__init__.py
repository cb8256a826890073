"""The read stage: a source (.eml, .ics, .mbox, Maildir, pasted text) → `Invitation`.

Public functions: `read_file`, `read_text`, `read_bytes`, `read_mailbox` (the JSON
shape is `sopan.model.contracts.invitation_json`).
`Invitation.city` is named from the one city table, `sopan.language.places` (`find_place_in`), so
the planner's travel estimate finds it again by name.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sopan._infra import rx
from sopan._infra.wording import Amount
from sopan.errors import UserError
from sopan.model import Invitation

MAX_BYTES = 10 * 1024 * 1024
_CONTROL_RE = rx.compile(rb"[\x01-\x08\x0e-\x1f]")

__all__ = [
    "MAX_BYTES",
    "read_bytes",
    "read_file",
    "read_mailbox",
    "read_text",
]


def read_text(text: str, *, now: datetime, user_tz: str = "Asia/Jakarta") -> Invitation:
    """Read pasted text (an email body, a letter, a WhatsApp message) as an invitation.

    A leading "Subject:" line is used as the subject. `now` resolves relative dates
    ("besok", "next Tuesday") and dates written without a year.
    """
    subject = None
    lines = text.lstrip("\ufeff").splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and lines[first].lower().startswith(("subject:", "subjek:", "perihal:")):
        subject = lines[first].split(":", 1)[1].strip() or None
        text = "\n".join(lines[:first] + lines[first + 1 :])
    text = text.replace("\r\n", "\n")
    from sopan.read.build import Envelope, build  # the reader's modules load on first read

    return build(text, Envelope(source="text", subject=subject), now=now, user_tz=user_tz)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(_CONTROL_RE.findall(sample))
    return controls > len(sample) * 0.05


def read_bytes(
    data: bytes, *, now: datetime, user_tz: str = "Asia/Jakarta", origin: str = "input"
) -> Invitation:
    """Read an email (.eml, or Outlook's .msg), a calendar file, a mailbox, plain text, a PDF
    or a photo (PNG, JPEG, HEIC; read by OCR) given as bytes; every error is one line naming
    `origin`."""
    try:
        return _read_bytes(data, now=now, user_tz=user_tz, origin=origin)
    except UserError as exc:
        if "source" in exc.params or "file" in exc.params:
            raise  # it names the input already
        raise UserError("read.in_source", source=origin, error=exc) from None


def _read_bytes(data: bytes, *, now: datetime, user_tz: str, origin: str) -> Invitation:
    from sopan.read.build import Envelope, build
    from sopan.read.email_src import decode_bytes, looks_like_email, parse_email
    from sopan.read.ics_pick import NotAnInvitation
    from sopan.read.ics_src import looks_like_calendar, parse_calendar

    if not data.strip():
        raise UserError("read.empty", source=origin)
    if len(data) > MAX_BYTES:
        raise UserError("read.too_large", source=origin, limit=Amount(MAX_BYTES // 1_000_000, "MB"))
    from sopan.read.msg_src import looks_like_msg, msg_to_email

    if looks_like_msg(data):  # Outlook's .msg: read as the email it holds
        data = msg_to_email(data, origin)
    from sopan.read.scan_src import document_text, is_document

    if is_document(data):  # a PDF, or a photo or scan of the letter: read as its text
        document = document_text(data, origin)
        inv = read_text(document.text, now=now, user_tz=user_tz)
        if not _mentions_invitation(document.text):
            inv = _unsure(inv, document.text, origin, "text")
        return document.mark(inv)
    if _looks_binary(data):
        raise UserError("read.binary", source=origin)
    head = data.lstrip()[:5]
    if (head == b"From " and b"\nFrom " in data) or (
        head == b"From " and looks_like_email(data.lstrip().split(b"\n", 1)[-1])
    ):
        found = _read_mbox_bytes(data, now=now, user_tz=user_tz)
        if not found:
            raise UserError("read.mailbox_none", source=origin)
        return found[0]
    if looks_like_calendar(decode_bytes(data[:64])):
        cal = parse_calendar(decode_bytes(data), user_tz, origin, now=now)
        text = "\n".join(p for p in (cal.summary, cal.text) if p)
        inv = build(
            text,
            Envelope(source="ics", calendar=cal, subject=cal.summary),
            now=now,
            user_tz=user_tz,
        )
        # a calendar event is always an event: a concert's or a dentist's is read, never
        # refused, but with the doubt that it is an interview at all
        return inv if _about_a_job(text) else _doubted(inv, text)
    if looks_like_email(data):
        body, env, calendars, _ = parse_email(data, origin)
        for raw in calendars:
            try:
                env.calendar = parse_calendar(raw, user_tz, origin, now=now)
                break
            except NotAnInvitation:
                raise  # a cancellation or a reply is never read as an invitation
            except UserError:
                continue  # a broken calendar part: the body still says what it says
        whole = (env.subject or "") + "\n" + body
        if env.calendar is not None:
            whole += "\n" + "\n".join(p for p in (env.calendar.summary, env.calendar.text) if p)
        said = env.calendar is not None or _mentions_invitation(whole)
        inv = build(body, env, now=now, user_tz=user_tz)
        if not said:
            return _unsure(inv, whole, origin, "email")
        return inv if _about_a_job(whole) else _doubted(inv, whole)
    text = decode_bytes(data)
    inv = read_text(text, now=now, user_tz=user_tz)
    if not _mentions_invitation(text):
        return _unsure(inv, text, origin, "text")
    return inv if _about_a_job(text) else _doubted(inv, text)


#: how sure sopan is that a message is an invitation when it never says "interview": it asks
#: to meet ("selected to meet our HR Director", "tes wwcr"), or at least gives a day and time
MEETING_CONFIDENCE, DATE_CONFIDENCE = 0.5, 0.3


def _unsure(inv: Invitation, text: str, origin: str, what: str) -> Invitation:
    """A message that never says "interview": read with a low confidence when it asks to meet
    or gives a day and a time (the user confirms it), otherwise refused."""
    from dataclasses import replace

    from sopan.read.words import phrase_re

    if phrase_re("meeting_words").search(text):
        return replace(inv, confidence=MEETING_CONFIDENCE)
    offered = any(a.field == "start" and a.candidates for a in inv.ambiguous)
    if (inv.day or inv.start or offered) and inv.time_of_day:
        return replace(inv, confidence=DATE_CONFIDENCE)
    if what == "email":
        raise UserError("read.email_not_invitation", source=origin)
    raise UserError("read.not_invitation", source=origin)


def _about_a_job(text: str) -> bool:
    from sopan.read.words import about_a_job

    return about_a_job(text)


def _doubted(inv: Invitation, text: str) -> Invitation:
    """An invitation read with the doubt that it is a job interview at all (`words.about_a_job`):
    the confidence `_unsure` gives a message that never says "interview"."""
    from dataclasses import replace

    from sopan.read.words import phrase_re

    sure = MEETING_CONFIDENCE if phrase_re("meeting_words").search(text) else DATE_CONFIDENCE
    return replace(inv, confidence=min(inv.confidence, sure))


def _mentions_invitation(text: str) -> bool:
    from sopan.read.words import phrase_re

    return bool(phrase_re("invitation_words").search(text))


def read_file(path: Path, *, now: datetime, user_tz: str = "Asia/Jakarta") -> Invitation:
    """Read an invitation file (.eml, .ics, .mbox or pasted text), detected by its content;
    "-" reads standard input.

    Raises UserError, with one line naming the file, when it is missing, unreadable,
    empty, too large, binary or not an invitation.
    """
    from sopan._infra.inputs import STDIN, read_input

    if str(path) == STDIN:
        data = read_input(STDIN, what="an invitation", max_bytes=MAX_BYTES)
        return read_bytes(data, now=now, user_tz=user_tz, origin="stdin")
    path = Path(path)
    if path.is_dir():
        found = read_mailbox(path, now=now, user_tz=user_tz)
        if not found:
            raise UserError("read.folder_none", source=str(path))
        return found[0]
    data = read_input(path, what="an invitation", max_bytes=MAX_BYTES)
    return read_bytes(data, now=now, user_tz=user_tz, origin=str(path))


def read_mailbox(path: Path, *, now: datetime, user_tz: str = "Asia/Jakarta") -> list[Invitation]:
    """The interview invitations in an .mbox file or a Maildir folder, newest first."""
    from sopan.read.mailbox import read_mailbox as _impl

    return _impl(Path(path), now=now, user_tz=user_tz)


def _read_mbox_bytes(data: bytes, *, now: datetime, user_tz: str) -> list[Invitation]:
    import io

    from sopan.read.mailbox import invitations_in, mbox_messages

    return invitations_in(mbox_messages(io.BytesIO(data)), now=now, user_tz=user_tz)
