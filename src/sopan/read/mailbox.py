"""Mailboxes (.mbox files and Maildir folders): only the interview invitations, newest first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import BinaryIO

from sopan._infra import rx
from sopan.errors import UserError
from sopan.model import Invitation

#: the bytes a look at a message reads: enough for any invitation's words, while a message
#: of megabytes (attachments) is never decoded whole
GLANCE_BYTES = 200_000
_MAX_GLANCE_PARTS = 50
_BOUNDARY = rx.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^;\s]{1,200}))', re.IGNORECASE)
_UNFOLD = rx.compile(rb"\r?\n[ \t]+")
_BLANK = rx.compile(rb"\n\r?\n")


@dataclass(frozen=True)
class Glance:
    """What a cheap look at a message's bytes finds, before any parse: its readable text in
    lower case (headers' subject and the text parts, decoded; attachments skipped), whether
    it carries a calendar, whether it was sent in bulk, and its subject alone (as in `text`)."""

    text: bytes
    calendar: bool
    bulk: bool
    subject: bytes = b""


def _split_head(raw: bytes) -> tuple[bytes, bytes]:
    """A message or part's header block and body (the search stops at the first blank line)."""
    blank = _BLANK.search(raw)
    if blank is None:
        return raw, b""
    return raw[: blank.start()], raw[blank.end() :]


def head_of(raw: bytes) -> bytes:
    """A message's header block, as `glance` takes it (from its first 64 kB)."""
    return _split_head(raw[:65536])[0]


def header_fields(head: bytes) -> dict[bytes, bytes]:
    """A header block's fields: name (lower case) → its first value, unfolded, as written.
    A field is a line that starts with its name (letters, digits and hyphens) and a colon;
    any other line is none."""
    found: dict[bytes, bytes] = {}
    for line in _UNFOLD.sub(b" ", head).split(b"\n"):
        name, colon, value = line.partition(b":")
        # the name's bytes checked by bytes' own (ASCII) tests: a pattern per line cost more
        if colon and name and (name.isalnum() or name.replace(b"-", b"").isalnum() or
                               not name.strip(b"-")):  # fmt: skip
            key = name.lower()
            if key not in found:
                found[key] = value.strip()
    return found


def _decoded(body: bytes, encoding: bytes) -> bytes:
    import binascii

    try:
        if encoding.startswith(b"base64"):
            return binascii.a2b_base64(body)
        if encoding.startswith(b"quoted-printable"):
            return binascii.a2b_qp(body)
    except (binascii.Error, ValueError):
        return b""
    return body


def _heads(head: bytes) -> tuple[dict[bytes, bytes], bytes, bool]:
    """A message's headers, its subject (encoded words decoded, lower case), and whether a
    list header or a bulk precedence says it was sent in bulk."""
    headers = header_fields(head)
    bulk = any(k in headers for k in (b"list-unsubscribe", b"list-id")) or headers.get(
        b"precedence", b""
    ).lower() in (b"bulk", b"list", b"junk")
    subject = headers.get(b"subject", b"")
    if b"=?" in subject:  # encoded words ("=?UTF-8?B?...?="), read as a mail client would
        from sopan.read.email_src import header_text

        subject = (header_text(subject.decode("latin-1")) or "").encode("utf-8")
    return headers, subject.lower(), bulk


def glance(raw: bytes) -> Glance:
    """A look at a message without parsing it: the MIME tree is walked on the bytes, text
    parts decoded from base64 or quoted-printable, attachments passed over unread."""
    texts: list[bytes] = []
    found = {"calendar": False, "parts": 0}
    head = head_of(raw)
    headers, subject, bulk = _heads(head)
    texts.append(subject)

    def walk(part: bytes, depth: int) -> None:
        found["parts"] += 1
        if depth > 20 or found["parts"] > _MAX_GLANCE_PARTS:
            return
        part_head, body = _split_head(part)
        h = header_fields(part_head) if depth else headers
        ctype = h.get(b"content-type", b"text/plain").lower()
        disposition = h.get(b"content-disposition", b"").lower()
        if ctype.startswith(b"multipart/"):
            match = _BOUNDARY.search(part_head if depth else head)
            if match is None:
                return
            delimiter = b"--" + (match.group(1) or match.group(2))
            for child in body.split(delimiter)[1:]:
                if not child.startswith(b"--"):
                    walk(child.lstrip(b"\r\n"), depth + 1)
            return
        if ctype.startswith(b"message/rfc822"):
            walk(body, depth + 1)
            return
        if ctype.startswith((b"text/calendar", b"application/ics")) or b".ics" in disposition:
            found["calendar"] = True  # and its summary and description are read as text
        elif b"attachment" in disposition or not ctype.startswith(b"text/"):
            return
        encoding = h.get(b"content-transfer-encoding", b"").lower()
        texts.append(_decoded(body[:GLANCE_BYTES], encoding).lower())

    walk(raw[:GLANCE_BYTES] if len(raw) <= GLANCE_BYTES else _clip(raw), 0)
    return Glance(b"\n".join(texts), bool(found["calendar"]), bulk, subject)


@dataclass(frozen=True)
class Piece:
    """A part of a message a mail server handed over alone (IMAP's BODY[section]): a text
    part still in its transfer encoding, a calendar, or a whole message forwarded inside."""

    kind: str  # "text", "calendar" or "message"
    encoding: bytes
    body: bytes


def worth_its_text(head: bytes, *, calendar: bool) -> bool:
    """Whether a message is worth fetching its text parts, told from its headers and its
    structure alone: all mail is, but mail sent in bulk (a list, a newsletter) only when it
    carries a calendar or its subject has a word of an invitation or of applying for a job.
    (From a list, an invitation needs both words (`Signs.say_invitation`); a job board's
    notice names the application or the interview in its subject.)"""
    _, subject, bulk = _heads(head)
    return _text_worth(subject, bulk=bulk, calendar=calendar)


def _text_worth(subject: bytes, *, bulk: bool, calendar: bool) -> bool:
    """`worth_its_text` from the subject (lower case) and what the headers and the structure
    tell."""
    if not bulk or calendar:
        return True
    return any(w in subject for w in _needles() + _job_needles())


def worth_its_look(seen: Glance) -> bool:
    """Whether a message glanced at whole (`glance`) may be an invitation: worth its text,
    told from the same headers (`worth_its_text`), and its words allow one
    (`worth_reading`)."""
    worth = _text_worth(seen.subject, bulk=seen.bulk, calendar=seen.calendar)
    return worth and worth_reading(seen)


def glance_of(head: bytes, pieces: list[Piece]) -> Glance:
    """The `Glance` of a message from its headers and the parts fetched alone: the same
    look `glance` takes at the whole message, without its attachments ever being fetched."""
    _, subject, bulk = _heads(head)
    texts, calendar = [subject], False
    for piece in pieces:
        if piece.kind == "message":  # a forwarded message, looked at as a whole
            inner = glance(piece.body)
            texts.append(inner.text)
            calendar = calendar or inner.calendar
            continue
        calendar = calendar or piece.kind == "calendar"
        texts.append(_decoded(piece.body[:GLANCE_BYTES], piece.encoding.lower()).lower())
    return Glance(b"\n".join(texts), calendar, bulk, subject)


def _clip(raw: bytes) -> bytes:
    """A large message keeps its head and every part's head, its attachments' bodies cut, so
    that a calendar part after a big attachment is still seen."""
    return (
        raw[:GLANCE_BYTES]
        + b"\n"
        + b"\n".join(
            raw[m.start() : m.start() + 4096] for m in re.finditer(rb"\n--[^\r\n]{1,200}\r?\n", raw)
        )
    )


class Signs:
    """The words that tell a job interview invitation from the rest of the mail, in a
    message's subject and text (`listed`: its headers say a mailing list). Each sign is
    looked for when it is first asked (`say_invitation` asks in an order that tells most mail
    apart by one or two)."""

    def __init__(self, text: str, listed: bool = False) -> None:
        self.text, self.low, self.listed = text, text.lower(), listed

    def _has(self, key: str, sub: str | None = None) -> bool:
        return _has(self.low, self.text, key, sub)

    @cached_property
    def _said(self) -> list[str]:
        """The interview words said, each as its words in lower case."""
        needles, pattern = _screen("invitation_words", "interview")
        if not any(n in self.low for n in needles):
            return []
        return [" ".join(m.group(0).lower().split()) for m in pattern.finditer(self.text)]

    @cached_property
    def _short(self) -> bool:
        from sopan.read.words import phrases

        return any(w in self.low for w in phrases("interview_shorthand")) and bool(
            _shorthand_re().search(self.text)
        )

    @cached_property
    def interview(self) -> bool:
        """It names the interview or a selection step (in SMS shorthand too)."""
        return bool(self._said) or self._short

    @cached_property
    def invite(self) -> bool:
        """It only asks for something ("undangan", "invitation")."""
        return self._has("invitation_words", "invite")

    @cached_property
    def job(self) -> bool:
        """It says a word of applying for a job."""
        return self._has("job_words")

    @cached_property
    def other(self) -> bool:
        """Another kind of interview (a visa, a podcast), or an event (a webinar)."""
        return self._has("not_job_words")

    @cached_property
    def bulk(self) -> bool:
        """Sent in bulk: a list header, or "unsubscribe" in the text."""
        return self.listed or self._has("bulk_words")

    @cached_property
    def picked(self) -> bool:
        """The reader picked to meet the employer ("you have been selected")."""
        return self._has("picked_words")

    @cached_property
    def hired(self) -> bool:
        """A step after the job is won ("panggilan join", "onboarding")."""
        return self._has("hired_words")

    @cached_property
    def named(self) -> bool:
        """An interview word beyond a selection step ("seleksi")."""
        from sopan.read.words import phrases

        steps = {w.lower() for w in phrases("selection_words")}
        return self._short or any(w not in steps for w in self._said)

    def say_invitation(self) -> bool:
        """Whether the words alone allow a job interview invitation: the interview named (or
        an invitation, or the reader picked, beside a job), not an interview of another kind
        nor an event nor a step after the job is won, and from a mailing list only when it
        names both the interview and a job."""
        if not (self.interview or ((self.invite or self.picked) and self.job)):
            return False
        if (not self.job and self.other) or (self.hired and not self.named):
            return False
        return not self.bulk or (self.job and self.interview)


@cache
def _screen(key: str, sub: str | None = None) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """A word list's regex (`phrase_re`) and the longest word of each of its phrases, which
    the text must hold before the regex is tried: a substring look costs a fraction of a
    search of the alternation, and most text has none."""
    from sopan.read.words import phrase_re, phrases

    longest = {max(p.lower().split(), key=len) for p in phrases(key, sub)}
    return tuple(sorted(longest)), phrase_re(key, sub)


def _has(low: str, text: str, key: str, sub: str | None = None) -> bool:
    """Whether `text` (`low`, in lower case) says a phrase of the list."""
    needles, pattern = _screen(key, sub)
    return any(n in low for n in needles) and pattern.search(text) is not None


def signs(text: str, bulk: bool = False) -> Signs:
    """The `Signs` in a message's subject and text (`bulk`: its headers say a mailing list)."""
    return Signs(text, bulk)


@cache
def _shorthand_re() -> re.Pattern[str]:
    """The interview in SMS shorthand, between letters only: "intervw4" is read, while
    "interval" is not."""
    from sopan.read.words import alternation, phrases

    words = alternation(phrases("interview_shorthand"))
    return rx.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)


@cache
def _asked_re() -> re.Pattern[str]:
    """The reader asked to an interview (`interview_asked`): "mengundang Anda untuk
    interview", "your interview has been scheduled"."""
    from sopan.read.words import alternation, phrases

    interview = alternation(phrases("invitation_words", "interview"))
    before = alternation(phrases("interview_asked", "before"))
    after = alternation(phrases("interview_asked", "after"))
    return rx.compile(
        rf"(?<!\w)(?:(?:{before})\W+(?:[\w/]+\W+){{0,2}}?(?:{interview})"
        rf"|(?:{interview})\s+(?:{after}))(?![\w/])",
        re.IGNORECASE,
    )


def asked_to_interview(text: str) -> bool:
    """Whether a message asks its reader to an interview in so many words, which a short chat
    or a template says without naming a job or a day."""
    return bool(_asked_re().search(text))


@cache
def _needles() -> tuple[bytes, ...]:
    """The words a first substring look seeks, as lower-case bytes: the invitation words, the
    interview in shorthand, and the last word of each phrase of the reader picked."""
    from sopan.read.words import phrases

    picked = {p.split()[-1] for p in phrases("picked_words")}
    words = [*phrases("invitation_words"), *phrases("interview_shorthand"), *picked]
    found = {w.lower().encode("utf-8") for w in words}
    # a word holding another is found by it ("interv" finds "interviews"): one look less
    return tuple(sorted(w for w in found if not any(o != w and o in w for o in found)))


@cache
def _job_needles() -> tuple[bytes, ...]:
    """The words of applying for a job as lower-case bytes."""
    from sopan.read.words import phrases

    return tuple(w.lower().encode("utf-8") for w in phrases("job_words"))


def worth_reading(seen: Glance) -> bool:
    """Whether a glanced message is worth reading whole: its words allow an invitation; the
    rest (newsletters, receipts, meetings) are never parsed."""
    if not any(w in seen.text for w in _needles()):
        return False  # most mail: no invitation word even inside another word
    return signs(seen.text.decode("utf-8", "replace"), seen.bulk).say_invitation()


def _maybe_invitation(raw: bytes) -> Glance | None:
    """The glance of a message worth reading, None for the rest."""
    seen = glance(raw)
    return seen if worth_reading(seen) else None


def is_job_invitation(inv: Invitation, seen: Glance) -> bool:
    """Whether a message read from a mailbox is an invitation to a job interview: its words
    allow one (`Signs.say_invitation`); from a mailing list it says the day; and unless it
    names both the interview and a job, it says when (a template's slot for the day says it
    too: "{{ $date }}"), or is a calendar invitation, or its subject says what it is, or it
    asks its reader to the interview in so many words (a short chat: "kami mengundang Anda
    untuk interview"); one that picks the reader without naming the interview says when."""
    from sopan.read.words import phrase_re

    text = (inv.subject or "") + "\n" + inv.text
    found = signs(text, seen.bulk)
    when = bool(inv.start or inv.day or inv.ambiguous or "start" in inv.placeholders)
    if not found.say_invitation() or (found.bulk and not when):
        return False
    if found.interview and found.job:
        return True
    if not found.interview and not found.invite:  # picked, never saying it: the day decides
        return when
    titled = bool(inv.subject and phrase_re("invitation_words").search(inv.subject))
    return when or bool(inv.uid) or titled or (found.interview and asked_to_interview(text))


def invitation_in(
    raw: bytes, *, now: datetime, user_tz: str, seen: Glance | None = None
) -> Invitation | None:
    """The job interview invitation one message of a mailbox is, or None: most messages are
    passed over after a glance at their bytes, the rest read and judged. `seen`: the glance
    of these very bytes, taken already and found worth reading (`worth_its_look`), which is
    not taken again."""
    from sopan.read import read_bytes

    if seen is None:
        seen = _maybe_invitation(raw) if raw.strip() else None
    if seen is None:
        return None
    try:
        inv = read_bytes(raw, now=now, user_tz=user_tz, origin="message")
    except UserError:
        return None
    return inv if is_job_invitation(inv, seen) else None


def invitations_in(messages: Iterable[bytes], *, now: datetime, user_tz: str) -> list[Invitation]:
    """The job interview invitations among `messages`, newest first."""
    found = [
        inv
        for inv in (invitation_in(raw, now=now, user_tz=user_tz) for raw in messages)
        if inv is not None
    ]
    floor = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda i: i.sent_at or i.start or floor, reverse=True)
    return found


_FROM_QUOTED = rx.compile(rb"^>(>*From )")


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
        raise UserError("read.no_path", source=str(path))
    if path.is_dir():
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            raise UserError("read.not_maildir", source=str(path))

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
                raise UserError("read.not_mbox", source=str(path))
            stream.seek(0)
            return invitations_in(mbox_messages(stream), now=now, user_tz=user_tz)
    except OSError as exc:
        raise UserError("read.unreadable", source=str(path), why=exc.strerror or str(exc)) from None
