"""Writing drafts to files for review (R8.1). Nothing here sends anything.

An existing file is never overwritten and a link is never written through: the new one gets a
numbered name (`email-2.eml`, by `sopan._infra.files.write_new`), and the caller is told every path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sopan._infra.files import write_new
from sopan.compose.core import voicemail_note
from sopan.compose.eml import build_email
from sopan.compose.itip import build_itip
from sopan.compose.letter import LetterMeta, docx_bytes, pdf_bytes
from sopan.compose.links import whatsapp_link
from sopan.errors import UserError
from sopan.language.dateforms import common
from sopan.model import Draft, Invitation, Profile


def whatsapp_file_text(draft: Draft, inv: Invitation, profile: Profile) -> str:
    """The WhatsApp message, then a click-to-chat link when the number is valid."""
    link = whatsapp_link(inv.contact.phone, draft.text, profile.country)
    if link is None:
        return draft.text + "\n"
    return f"{draft.text}\n\n{common(draft.language)['whatsapp_link']}: {link}\n"


def draft_files(
    drafts: Sequence[Draft],
    inv: Invitation,
    profile: Profile,
    *,
    attachments: Sequence[Path] = (),
    now: datetime | None = None,
) -> list[tuple[str, bytes]]:
    """Each draft in its format, as (file name, bytes): built whole before anything is
    written or downloaded, so a draft that cannot be built leaves nothing half done."""
    moment = now or datetime.now().astimezone()
    files: list[tuple[str, bytes]] = []

    def text_file(name: str, text: str) -> None:
        files.append((name, (text if text.endswith("\n") else text + "\n").encode("utf-8")))

    answer = next((d for d in drafts if d.channel == "calendar"), None)
    itip = build_itip(answer, inv, profile, now=moment) if answer and inv.uid else None
    for draft in drafts:
        if draft.channel == "email":
            part = (str(itip["METHOD"]), itip.to_ical().decode("utf-8")) if itip else None
            msg = build_email(draft, inv, profile, now=moment, attachments=attachments, itip=part)
            files.append(("email.eml", msg.as_bytes()))
        elif draft.channel == "letter":
            meta = LetterMeta(profile.name, moment, draft.language)
            files.append(("letter.docx", docx_bytes(draft.text, meta)))
            files.append(("letter.pdf", pdf_bytes(draft.text)))
        elif draft.channel == "voicemail":
            text_file("voicemail.txt", f"{draft.text}\n\n{voicemail_note(draft)}")
        elif draft.channel == "whatsapp":
            text_file("whatsapp.txt", whatsapp_file_text(draft, inv, profile))
        elif draft.channel == "calendar":
            if itip is not None:
                files.append(("calendar.ics", itip.to_ical()))
        else:
            text_file(f"{draft.channel}.txt", draft.text)
    return files


def write_files(out_dir: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write (name, bytes) into `out_dir`, never over a file; the paths written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"--out: cannot create {out_dir} ({exc.strerror})") from None
    return [write_new(out_dir, name, data) for name, data in files]


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
    if not out_dir.exists():
        write_files(out_dir, [])  # a folder that cannot be made fails before any building
    files = draft_files(drafts, inv, profile, attachments=attachments, now=now)
    return write_files(out_dir, files)
