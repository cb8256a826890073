"""Writing drafts to files for review (R8.1). Nothing here sends anything.

An existing file is never overwritten and a link is never written through: the new one gets a
numbered name (`email-2.eml`, by `sopan._infra.files.write_all`), and the caller is told every path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sopan._infra.files import write_all
from sopan.compose.core import duration_note
from sopan.compose.eml import build_email
from sopan.compose.itip import build_itip
from sopan.compose.letter import Letterhead, LetterMeta, docx_bytes, pdf_bytes
from sopan.compose.links import whatsapp_link
from sopan.errors import UserError
from sopan.language.dateforms import common
from sopan.model import Draft, Invitation, Profile
from sopan.model.channels import registry


def open_link(draft: Draft, inv: Invitation, profile: Profile) -> str | None:
    """The link that opens a chat draft in its app, ready to send (WhatsApp's click-to-chat),
    or None: the channel has none, or the number is not a mobile one."""
    spec = registry().spec(draft.channel)
    if spec.link == "whatsapp":
        return whatsapp_link(inv.contact.phone, draft.text, profile.country)
    return None


def file_text(draft: Draft, inv: Invitation, profile: Profile) -> str:
    """A text draft as its file holds it: the text, then the link that opens it, or the
    estimate of how long a timed script takes to say."""
    text = draft.text
    link = open_link(draft, inv, profile)
    if link is not None:
        text = f"{text}\n\n{common(draft.language)['whatsapp_link']}: {link}"
    note = duration_note(draft)
    if note:
        text = f"{text}\n\n{note}"
    return text + "\n"


def whatsapp_file_text(draft: Draft, inv: Invitation, profile: Profile) -> str:
    """The WhatsApp message, then a click-to-chat link when the number is valid."""
    return file_text(draft, inv, profile)


def draft_files(
    drafts: Sequence[Draft],
    inv: Invitation,
    profile: Profile,
    *,
    attachments: Sequence[Path] = (),
    now: datetime | None = None,
    letterhead: Letterhead | None = None,
) -> list[tuple[str, bytes]]:
    """Each draft in its format, as (file name, bytes): built whole before anything is
    written or downloaded, so a draft that cannot be built leaves nothing half done. A
    letter carries `letterhead` when one is given (a career centre's, in the hosted mode).

    An e-mail reply to a calendar invitation carries the calendar answer as its iMIP part
    whichever channels were asked for: the organiser's calendar learns the answer from the
    e-mail alone."""
    moment = now or datetime.now().astimezone()
    files: list[tuple[str, bytes]] = []
    known = registry()
    answer = next((d for d in drafts if known.spec(d.channel).format == "ics"), None)
    itip = build_itip(answer, inv, profile, now=moment) if answer and inv.uid else None
    for draft in drafts:
        spec = known.spec(draft.channel)
        if spec.format == "eml":
            part = (str(itip["METHOD"]), itip.to_ical().decode("utf-8")) if itip else None
            msg = build_email(draft, inv, profile, now=moment, attachments=attachments, itip=part)
            files.append((spec.file, msg.as_bytes()))
        elif spec.format == "letter":
            meta = LetterMeta(profile.name, moment, draft.language, draft.region)
            docx, pdf = spec.file_names
            files.append((docx, docx_bytes(draft.text, meta, letterhead)))
            files.append(
                (pdf, pdf_bytes(draft.text, draft.language, draft.region, letterhead=letterhead))
            )
        elif spec.format == "ics":
            if itip is not None:
                files.append((spec.file, itip.to_ical()))
        else:
            files.append((spec.file, file_text(draft, inv, profile).encode("utf-8")))
    return files


def write_files(out_dir: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write (name, bytes) into `out_dir`, never over a file; the paths written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            "draft.cannot_create_folder", field="out", folder=out_dir, why=exc.strerror
        ) from None
    return write_all(out_dir, files)  # all or none: a full disk leaves no part of the set


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
