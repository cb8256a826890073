"""Writing drafts to files for review (R8.1). Nothing here sends anything.

An existing file is never overwritten: the new one gets a numbered name
(`email-2.eml`), and the caller is told every path it got.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sopan.compose.bank import common
from sopan.compose.core import voicemail_note
from sopan.compose.eml import build_email
from sopan.compose.itip import build_itip
from sopan.compose.letter import write_docx, write_pdf
from sopan.compose.links import whatsapp_link
from sopan.errors import UserError
from sopan.model import Draft, Invitation, Profile


def free_path(path: Path) -> Path:
    """`path`, or `stem-2.ext`, `stem-3.ext`… when it already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def is_calendar_invitation(inv: Invitation) -> bool:
    """A calendar reply makes sense only for an invitation with a calendar UID."""
    return bool(inv.uid)


def whatsapp_file_text(draft: Draft, inv: Invitation, profile: Profile) -> str:
    """The WhatsApp message, then a click-to-chat link when the number is valid."""
    link = whatsapp_link(inv.contact.phone, draft.text, profile.country)
    if link is None:
        return draft.text + "\n"
    return f"{draft.text}\n\n{common(draft.language)['whatsapp_link']}: {link}\n"


def write_drafts(
    drafts: Sequence[Draft],
    inv: Invitation,
    profile: Profile,
    out_dir: Path,
    *,
    attachments: Sequence[Path] = (),
    now: datetime | None = None,
) -> list[Path]:
    """Write each draft in its format into `out_dir`; return the paths written."""
    moment = now or datetime.now().astimezone()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"--out: cannot create {out_dir} ({exc.strerror})") from None
    written: list[Path] = []

    def text_file(name: str, text: str) -> None:
        path = free_path(out_dir / name)
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        written.append(path)

    for draft in drafts:
        if draft.channel == "email":
            msg = build_email(draft, inv, profile, now=moment, attachments=attachments)
            path = free_path(out_dir / "email.eml")
            path.write_bytes(msg.as_bytes())
            written.append(path)
        elif draft.channel == "letter":
            written.append(write_docx(draft.text, free_path(out_dir / "letter.docx")))
            written.append(write_pdf(draft.text, free_path(out_dir / "letter.pdf")))
        elif draft.channel == "voicemail":
            text_file("voicemail.txt", f"{draft.text}\n\n{voicemail_note(draft)}")
        elif draft.channel == "whatsapp":
            text_file("whatsapp.txt", whatsapp_file_text(draft, inv, profile))
        elif draft.channel == "calendar":
            if is_calendar_invitation(inv):
                cal = build_itip(draft, inv, profile, now=moment)
                path = free_path(out_dir / "calendar.ics")
                path.write_bytes(cal.to_ical())
                written.append(path)
        else:
            text_file(f"{draft.channel}.txt", draft.text)
    return written
