"""Mailboxes (.mbox files and Maildir folders): only the interview invitations, newest first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sopan.errors import UserError
from sopan.model import Invitation
from sopan.read.words import phrase_re

_CAL_RE = re.compile(rb"text/calendar|application/ics|\.ics\b|BEGIN:VCALENDAR", re.IGNORECASE)


def _maybe_invitation(raw: bytes) -> bool:
    """A cheap first look, so that newsletters and receipts are skipped without parsing."""
    if _CAL_RE.search(raw):
        return True
    from sopan.read.email_src import decode_bytes

    head = decode_bytes(raw[:20000])
    return bool(phrase_re("invitation_words").search(head))


def invitations_in(messages: Iterable[bytes], *, now: datetime, user_tz: str) -> list[Invitation]:
    """Read each message that may be an invitation; keep those that are; newest first."""
    from sopan.read import read_bytes

    found: list[Invitation] = []
    for raw in messages:
        if not raw.strip() or not _maybe_invitation(raw):
            continue
        try:
            inv = read_bytes(raw, now=now, user_tz=user_tz, origin="message")
        except UserError:
            continue
        # an invitation says when, or at least says what it is in its subject line
        titled = bool(inv.subject and phrase_re("invitation_words").search(inv.subject))
        if inv.start or inv.day or inv.ambiguous or inv.uid or titled:
            found.append(inv)
    floor = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda i: i.sent_at or i.start or floor, reverse=True)
    return found


_FROM_QUOTED = re.compile(rb"^>(>*From )")


def mbox_messages(stream: BinaryIO, max_bytes: int | None = None) -> Iterator[bytes]:
    """The messages of an mbox, one at a time as they are read (the file is never held whole);
    a message over `max_bytes` is skipped, not kept."""
    from sopan.read import MAX_BYTES

    limit = MAX_BYTES if max_bytes is None else max_bytes
    lines: list[bytes] = []
    size, skipping = 0, False

    def done() -> bytes | None:
        message = b"".join(lines)
        return message if message.strip() and not skipping else None

    for line in stream:
        if line.startswith(b"From "):
            message = done()
            if message is not None:
                yield message
            lines, size, skipping = [], 0, False
            continue
        if skipping:
            continue
        size += len(line)
        if size > limit:
            skipping, lines = True, []
            continue
        lines.append(_FROM_QUOTED.sub(rb"\1", line) if line.startswith(b">") else line)
    message = done()
    if message is not None:
        yield message


def _maildir_files(path: Path) -> list[Path]:
    files: list[Path] = []
    for sub in ("cur", "new"):
        folder = path / sub
        if folder.is_dir():
            files.extend(p for p in folder.iterdir() if p.is_file())
    return files


def read_mailbox(path: Path, *, now: datetime, user_tz: str) -> list[Invitation]:
    """The invitations in an .mbox file or a Maildir folder, newest first."""
    from sopan.read import MAX_BYTES

    if not path.exists():
        raise UserError(f"{path}: no such file or folder")
    if path.is_dir():
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            raise UserError(f"{path}: not a Maildir folder (no cur/ or new/ inside)")

        def raws() -> Iterable[bytes]:
            for f in _maildir_files(path):
                try:
                    if f.stat().st_size <= MAX_BYTES:
                        yield f.read_bytes()
                except OSError:
                    continue

        return invitations_in(raws(), now=now, user_tz=user_tz)
    try:
        with path.open("rb") as stream:
            head = stream.read(4096).lstrip()
            if not head.startswith(b"From "):
                raise UserError(f"{path}: not an mbox file (it does not start with a 'From ' line)")
            stream.seek(0)
            return invitations_in(mbox_messages(stream), now=now, user_tz=user_tz)
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
