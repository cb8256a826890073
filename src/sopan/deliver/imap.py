"""The user's mailbox over IMAP (imapclient): a draft put in Drafts once, a sent message put
in Sent only when the provider did not file it already, a Message-ID looked for, and new mail
read from a UID on. A mailbox only read is opened read-only (EXAMINE).

```toml
[imap]
host = "imap.example.com"
port = 993
security = "tls"           # or "starttls", or "none" (only to a loopback host)
username = "rina@example.com"
```
The password comes from `SOPAN_IMAP_PASSWORD` or the OS keyring, never from a file.
"""

from __future__ import annotations

import contextlib
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from sopan.config import Config
from sopan.config.secrets import password
from sopan.config.servers import TIMEOUT, ServerSettings, server_settings
from sopan.errors import ExternalError, UserError
from sopan.model.names import LOOPBACK

if TYPE_CHECKING:
    from sopan.read.mailbox import Glance

PASSWORD_VARIABLE = "SOPAN_IMAP_PASSWORD"
KEYRING_SERVICE = "sopan-imap"
#: the port of each security, when the table names none
PORTS = {"tls": 993, "starttls": 143, "none": 143}
#: messages fetched per command when scanning
BATCH = 200
#: the first look at new mail fetches this much of each message: all of a message up to this
#: size, which costs the server and the client less than its headers, structure and text
#: parts apart. Under `read.mailbox.GLANCE_BYTES`, so that its glance is the one reading it
#: whole takes; a batch held at once is at most BATCH times this.
WHOLE_BYTES = 100_000
#: the first look's items (`Mailbox.likely_invitations`)
FIRST_LOOK = ("RFC822.SIZE", f"BODY.PEEK[]<0.{WHOLE_BYTES}>")


#: the `[imap]` table, checked by the one rule for servers (`config.servers`)
ImapSettings = ServerSettings


def imap_settings(config: Config) -> ImapSettings | None:
    """The config's `[imap]` table, or None when there is none."""
    return config.imap


def settings_from_url(url: str, config: Config) -> ImapSettings:
    """`imaps://USER@HOST[:PORT]` (TLS) or `imap://USER@HOST[:PORT]` (STARTTLS; plain only to
    loopback); the rest from the config's `[imap]` table."""
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
        raise UserError("imap.not_an_address", field="imap", value=url)
    base = imap_settings(config)
    security = "tls" if parts.scheme == "imaps" else "starttls"
    if parts.scheme == "imap" and parts.hostname in LOOPBACK and base and base.security == "none":
        security = "none"
    table = {
        "host": parts.hostname,
        "security": security,
        "username": unquote(parts.username),
        "cafile": base.cafile if base else None,
        "timeout": base.timeout if base else TIMEOUT,
        **({"port": parts.port} if parts.port else {}),
    }
    return server_settings(
        table, "imap", ports=PORTS, security="tls", where=lambda *_: "--imap", need_username=True
    )


def imap_password(settings: ImapSettings) -> str | None:
    """`SOPAN_IMAP_PASSWORD`, else the OS keyring, else none."""
    return password(PASSWORD_VARIABLE, KEYRING_SERVICE, settings.username)


class Mailbox:
    """One connection to the mailbox, logged in; use as a context manager."""

    def __init__(self, settings: ImapSettings, password: str | None):
        self.settings, self.password = settings, password
        self._client: Any = None
        #: a fetch sent ahead and not yet read (`ask_ahead`): its tag, UIDs and items
        self._asked: tuple[bytes, list[int], tuple[str, ...]] | None = None

    @property
    def client(self) -> Any:
        """imapclient's connection, with nothing left to read on it: the answer to a look
        asked ahead (`ask_ahead`) and not taken is read and set aside first."""
        self._set_aside()
        return self._client

    def __enter__(self) -> Mailbox:
        import imapclient  # type: ignore[import-untyped]
        from imapclient.exceptions import LoginError  # type: ignore[import-untyped]

        s = self.settings
        if not self.password:  # asked for before any connection is opened
            raise ExternalError("mail.no_password", user=s.username, variable=PASSWORD_VARIABLE)
        context = ssl.create_default_context()
        if s.cafile:
            context.load_verify_locations(s.cafile)
        try:
            self._client = imapclient.IMAPClient(
                s.host, port=s.port, ssl=s.security == "tls", ssl_context=context,
                timeout=s.timeout,
            )  # fmt: skip
            if s.security == "starttls":
                self.client.starttls(context)
        except (OSError, imapclient.exceptions.IMAPClientError) as exc:
            raise ExternalError(
                "mail.mailbox_unreachable", server=f"{s.host}:{s.port}", why=str(exc)
            ) from None
        try:
            self.client.login(s.username, self.password)
        except LoginError:
            with contextlib.suppress(Exception):
                self.client.shutdown()
            raise ExternalError("mail.refused_password", server=s.host, user=s.username) from None
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:  # fmt: skip
        with contextlib.suppress(Exception):  # the connection may be gone already
            self.client.logout()

    def special(self, use: str) -> str:
        """The folder with this special use (RFC 6154: "Drafts", "Sent"), or its usual name."""
        from imapclient import imapclient as ic

        wanted = {"Drafts": ic.DRAFTS, "Sent": ic.SENT}[use]
        return str(self.client.find_special_folder(wanted) or use)

    def has(self, folder: str, message_id: str) -> bool:
        """Whether a message with this Message-ID is in the folder (opened read-only)."""
        self.client.select_folder(folder, readonly=True)
        found = self.client.search(["HEADER", "Message-ID", message_id])
        self.client.close_folder()  # closing a folder opened read-only removes nothing
        return bool(found)

    def put_once(self, folder: str, message: bytes, message_id: str, *, draft: bool) -> bool:
        """Append the message unless one with its Message-ID is there; whether it was."""
        from imapclient import DRAFT, SEEN

        if self.has(folder, message_id):
            return False
        self.client.append(folder, message, flags=[SEEN, DRAFT] if draft else [SEEN])
        return True

    def state(self, folder: str) -> tuple[int, int]:
        """(UIDVALIDITY, UIDNEXT) of a folder."""
        status = self.client.folder_status(folder, [b"UIDVALIDITY", b"UIDNEXT"])
        return int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])

    def new_messages(self, folder: str, after_uid: int) -> Iterator[tuple[int, bytes]]:
        """(UID, raw message) of each message after `after_uid`, oldest first, in batches;
        the folder is opened read-only and nothing is marked as read."""
        self.client.select_folder(folder, readonly=True)
        uids = sorted(u for u in self.client.search(["UID", f"{after_uid + 1}:*"]) if u > after_uid)
        for i in range(0, len(uids), BATCH):
            batch = uids[i : i + BATCH]
            fetched = self.sections(batch, ["BODY.PEEK[]"])
            for uid in batch:
                raw = fetched.get(uid, {}).get(b"BODY[]")
                if raw:
                    yield uid, raw

    def uids_after(self, folder: str, after_uid: int) -> list[int]:
        """The UIDs after `after_uid`, oldest first; the folder is opened read-only (nothing
        read later is marked as read)."""
        self.client.select_folder(folder, readonly=True)
        return sorted(u for u in self.client.search(["UID", f"{after_uid + 1}:*"]) if u > after_uid)

    def likely_invitations(self, uids: list[int]) -> Iterator[tuple[int, bytes, Glance | None]]:
        """(UID, raw message, its glance) of each of `uids` (in the folder `uids_after`
        opened) that may be an invitation, oldest first. One look at all: each message's size
        and its first `WHOLE_BYTES`, all of most mail, glanced at as reading it whole does
        (`glance`: handed on with the message, so that reading it does not take it again); a
        larger message is looked at again by its structure and its text parts alone, never
        an attachment, and handed on without a glance (None). Only mail worth its text
        (`worth_its_text`) whose words allow an invitation (`worth_reading`) is handed on."""
        from sopan.read.mailbox import glance, head_of, worth_its_look

        if not uids:
            return
        found: dict[int, tuple[bytes, Glance | None]] = {}
        heads: dict[int, bytes] = {}
        # one command, one pass of the server over each message: most mail is smaller than
        # what a look at its headers and then at its text would fetch apart
        for uid, got in self.sections(uids, list(FIRST_LOOK)).items():
            raw = got.get(b"BODY[]<0>", b"")
            size = got.get(b"RFC822.SIZE", b"")
            if not size.isdigit() or int(size) > len(raw):
                heads[uid] = head_of(raw)
                continue
            seen = glance(raw) if raw.strip() else None
            if seen and worth_its_look(seen):
                found[uid] = (raw, seen)
        plain = {uid: _one_text_part(head) for uid, head in heads.items()}
        for uid, raw in self._by_parts(sorted(heads), heads, plain).items():
            found[uid] = (raw, None)
        for uid in sorted(found):
            raw, seen = found[uid]
            yield uid, raw, seen

    def _by_parts(
        self, uids: list[int], heads: dict[int, bytes], plain: dict[int, _Part | None]
    ) -> dict[int, bytes]:
        """Of large messages, the whole of those that may be invitations, found in three
        looks: the MIME structure (of those whose headers do not say one text part); the
        text parts alone of those worth it (`worth_its_text`); the whole message only of
        those whose words allow an invitation (`worth_reading`)."""
        from sopan.read.mailbox import GLANCE_BYTES, glance_of, worth_its_text, worth_reading

        if not uids:
            return {}
        # the structure is fetched only of the messages their headers do not tell: parsing
        # it costs more than fetching the headers, and most mail is one text part
        others = [uid for uid in uids if plain.get(uid) is None]
        structures = self.client.fetch(others, ["BODYSTRUCTURE"]) if others else {}
        wanted: dict[int, tuple[bytes, list[_Part]]] = {}
        for uid in uids:
            head = heads.get(uid, b"")
            one = plain.get(uid)
            parts = [one] if one else _readable(structures.get(uid, {}).get(b"BODYSTRUCTURE"))
            if worth_its_text(head, calendar=any(p.kind == "calendar" for p in parts)):
                wanted[uid] = (head, parts)
        sections = sorted({p.section for _, parts in wanted.values() for p in parts})
        texts: dict[int, dict[bytes, bytes]] = {}
        for section in sections:  # one command per section: most messages share "1"
            holders = [
                u for u, (_, parts) in wanted.items() if any(p.section == section for p in parts)
            ]
            for uid, got in self.sections(
                holders, [f"BODY.PEEK[{section}]<0.{GLANCE_BYTES}>"]
            ).items():
                texts.setdefault(uid, {}).update(got)
        whole: list[int] = []
        for uid, (head, parts) in wanted.items():
            got = texts.get(uid, {})
            pieces = [_piece(p, got.get(f"BODY[{p.section}]<0>".encode(), b"")) for p in parts]
            if worth_reading(glance_of(head, pieces)):
                whole.append(uid)
        found: dict[int, bytes] = {}
        for uid in whole:  # one at a time: only one large message is ever held
            raw = self.sections([uid], ["BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
            if raw:
                found[uid] = raw
        return found

    def ask_ahead(self, uids: list[int]) -> None:
        """Send now the first look at `uids` that `likely_invitations` takes next, so that the
        server prepares its answer while this process reads the batch before: the answer is
        read when that look is taken, or read and set aside before any other command."""
        self._set_aside()
        if uids:
            self._asked = (self._send_fetch(uids, FIRST_LOOK), list(uids), FIRST_LOOK)

    def _set_aside(self) -> None:
        """Read the answer to a look asked ahead and not taken, so the connection is free."""
        if self._asked is not None:
            tag, self._asked = self._asked[0], None
            _fetch_answer(self._client._imap, tag)

    def _send_fetch(self, uids: list[int], items: tuple[str, ...] | list[str]) -> bytes:
        """Send one UID FETCH of `items` over the ranges of `uids`; its tag."""
        imap = self._client._imap  # imapclient's imaplib connection, in the selected folder
        tag: bytes = imap._command("UID", "FETCH", _uid_set(uids), "(" + " ".join(items) + ")")
        return tag

    def sections(self, uids: list[int], items: list[str]) -> dict[int, dict[bytes, bytes]]:
        """UID → {b"BODY[…]<…>": bytes} of each of `uids` for the `BODY.PEEK[…]` `items`,
        in one UID FETCH over their ranges (the one asked ahead, when it is this one). The
        answer is read off imaplib's connection as it comes (`_fetch_answer`: a literal's
        bytes whole, the lines around them) without imapclient's parser, which tokenises
        every byte of every line and takes several times as long as the server does, nor
        imaplib's own reading of each line: a section's value is its literal, or empty when
        the server sends NIL or "". A server's refusal raises as imapclient's own commands
        do (`IMAPClientError`)."""
        if not uids:
            return {}
        asked = self._asked
        if asked is not None and asked[1] == uids and list(asked[2]) == items:
            tag, self._asked = asked[0], None
        else:
            self._set_aside()
            tag = self._send_fetch(uids, items)
        kind, data = _fetch_answer(self._client._imap, tag)
        if kind != "OK":
            from imapclient.exceptions import IMAPClientError

            raise IMAPClientError(f"UID FETCH refused: {data!r}"[:300])
        return _fetched_sections(data)

    def replies_to(self, folder: str, message_ids: list[str]) -> set[str]:
        """Which of these Message-IDs a message in the folder answers (In-Reply-To or
        References)."""
        answered: set[str] = set()
        if not message_ids:
            return answered
        self.client.select_folder(folder, readonly=True)
        for mid in message_ids:
            if self.client.search(
                ["OR", "HEADER", "In-Reply-To", mid, "HEADER", "References", mid]
            ):
                answered.add(mid)
        return answered


def _uid_set(uids: list[int]) -> str:
    """UIDs as an IMAP sequence set of ranges ("1:200,205")."""
    ordered = sorted(set(uids))
    ranges: list[str] = []
    start = prev = ordered[0]
    for uid in ordered[1:]:
        if uid != prev + 1:
            ranges.append(str(start) if start == prev else f"{start}:{prev}")
            start = uid
        prev = uid
    ranges.append(str(start) if start == prev else f"{start}:{prev}")
    return ",".join(ranges)


#: a message's response begins with its sequence number ("12 (UID 40 BODY[] {512}")
_RESPONSE_START = re.compile(rb"^\d+ \(")
_UID = re.compile(rb"\bUID (\d+)", re.IGNORECASE)
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)", re.IGNORECASE)
#: a section whose value follows as a literal, at the end of the text before it
_LITERAL_ITEM = re.compile(rb"((?:BODY|BINARY)\[[^\]]*\](?:<\d+>)?) \{\d+\}$", re.IGNORECASE)
#: a section written in the line itself: NIL or a quoted string
_INLINE_ITEM = re.compile(
    rb'((?:BODY|BINARY)\[[^\]]*\](?:<\d+>)?) (NIL|"(?:[^"\\]|\\.)*")', re.IGNORECASE
)


def _fetch_answer(imap: Any, tag: bytes) -> tuple[str, list[Any]]:
    """The answer to the FETCH command `tag` sent on imaplib's connection `imap`, read as
    imaplib's own `uid` gives it: ("OK", its FETCH data: each message's text up to a literal
    paired with the literal, `(b'3 (UID 9 BODY[] {40}', b'...')`, and the text after the
    last, `b')'`), or the refusal ("NO", [its text]). Each line is read once and looked at
    for a literal at its end; the other answers the server gives meanwhile ("* 12 EXISTS")
    are left with imaplib as its reading leaves them, and a server that says BYE aborts."""
    data: list[Any] = []
    while True:
        line = _answer_line(imap)
        if line.startswith(tag + b" "):
            del imap.tagged_commands[tag]  # answered: imaplib waits for it no more
            kind, _, text = line[len(tag) + 1 :].partition(b" ")
            return kind.decode("ascii", "replace"), data if kind == b"OK" else [text]
        fetch = _UNTAGGED_FETCH.match(line)
        if fetch is None:
            said = _UNTAGGED.match(line)
            if said is None:
                raise imap.abort(f"unexpected answer: {line[:80]!r}")
            name = said.group(2).decode("ascii").upper()
            if name == "BYE":
                raise imap.abort(f"the server closed the connection: {line[:200]!r}")
            # as imaplib keeps it: "* 3 EXISTS" is b"3", "* OK [ALERT] x" is b"[ALERT] x"
            pieces: list[Any] = [b" ".join(g for g in (said.group(1), said.group(3)) if g)]
        else:
            pieces = [fetch.group(1) + b" " + fetch.group(2)]
        # a literal ends its line ("{40}"): its bytes follow whole, then the line goes on
        while pieces[-1].endswith(b"}") and (size := _literal_size(pieces[-1])) is not None:
            literal = imap.read(size)
            pieces[-1] = (pieces[-1], literal)
            pieces.append(_answer_line(imap))
        if fetch is None:
            for piece in pieces:
                imap._append_untagged(name, piece)
            code = _RESPONSE_CODE.match(pieces[-1]) if name in ("OK", "NO", "BAD") else None
            if code:  # "* OK [ALERT] …" is kept as an ALERT too, as imaplib keeps it
                imap._append_untagged(code.group("type").decode("ascii"), code.group("data"))
        else:
            data.extend(pieces)


def _answer_line(imap: Any) -> bytes:
    """One line of the server's answer without its CRLF (an ended connection aborts)."""
    line = bytes(imap.readline())
    if not line.endswith(b"\r\n"):
        raise imap.abort(f"socket error: {'EOF' if not line else 'unterminated line'}")
    return line[:-2]


def _literal_size(text: bytes) -> int | None:
    """The size of the literal that ends a line ("… {40}"), or None."""
    start = text.rfind(b"{")
    digits = text[start + 1 : -1]
    return int(digits) if start >= 0 and digits.isdigit() else None


#: an untagged answer ("* 12 FETCH (…)", "* 3 EXISTS", "* OK …"): its number, name and rest
_UNTAGGED_FETCH = re.compile(rb"\* (\d+) FETCH (.*)", re.IGNORECASE | re.DOTALL)
_UNTAGGED = re.compile(rb"\* (?:(\d+) )?([A-Za-z-]+)(?: (.*))?", re.DOTALL)
#: a bracketed code of an OK, NO or BAD ("[ALERT] …"), as imaplib finds it
_RESPONSE_CODE = re.compile(rb"\[(?P<type>[A-Z-]+)( (?P<data>.*))?\]")


def _fetched_sections(data: list[Any]) -> dict[int, dict[bytes, bytes]]:
    """The sections of imaplib's FETCH answer by UID: its items are a message's text up to
    each literal paired with the literal (`(b'3 (UID 9 BODY[1]<0> {40}', b'...')`), and the
    text after the last one (`b')'`). An unsolicited answer without a UID (new flags) is
    passed over."""
    found: dict[int, dict[bytes, bytes]] = {}
    uid: int | None = None
    got: dict[bytes, bytes] = {}

    def close() -> None:
        if uid is not None:
            found.setdefault(uid, {}).update(got)

    for item in data:
        text, literal = (item[0], item[1]) if isinstance(item, tuple) else (item, None)
        if not isinstance(text, bytes):
            continue
        if _RESPONSE_START.match(text):
            close()
            uid, got = None, {}
        said = _UID.search(text)
        if said:
            uid = int(said.group(1))
        size = _SIZE.search(text)
        if size:
            got[b"RFC822.SIZE"] = size.group(1)
        for name, value in _INLINE_ITEM.findall(text):
            got[name.upper()] = b"" if value.upper() == b"NIL" else _unquoted(value)
        keyed = _LITERAL_ITEM.search(text)
        if keyed and isinstance(literal, bytes):
            got[keyed.group(1).upper()] = literal
    close()
    return found


def _unquoted(value: bytes) -> bytes:
    return re.sub(rb"\\(.)", rb"\1", value[1:-1])


@dataclass(frozen=True)
class _Part:
    """A part of a message worth a look, by its IMAP section ("1", "2.1")."""

    section: str
    kind: str  # "text", "calendar", "message"
    encoding: bytes


def _text(value: Any) -> bytes:
    return bytes(value).lower() if isinstance(value, bytes | bytearray) else b""


def _is_attachment(fields: Any) -> tuple[bool, bool]:
    """(an attachment, named .ics): from a part's disposition (`("attachment", (...))`)."""
    attached = ics = False
    for item in fields:
        if isinstance(item, tuple) and item and _text(item[0]) in (b"attachment", b"inline"):
            attached = attached or _text(item[0]) == b"attachment"
            params = item[1] if len(item) > 1 and isinstance(item[1], tuple) else ()
            ics = ics or any(_text(v).endswith(b".ics") for v in params[1::2])
    return attached, ics


def _readable(structure: Any, prefix: str = "") -> list[_Part]:
    """The parts of a BODYSTRUCTURE a look reads, as `read.mailbox.glance` reads the bytes:
    text parts that are not attachments, calendars, forwarded messages; never the rest."""
    if not isinstance(structure, tuple) or not structure:
        return []
    if getattr(structure, "is_multipart", False) or isinstance(structure[0], list):
        children = structure[0] if isinstance(structure[0], list) else []
        found: list[_Part] = []
        for i, child in enumerate(children[:50], 1):
            found += _readable(child, f"{prefix}{i}.")
        return found
    section = prefix.rstrip(".") or "1"
    kind, sub = _text(structure[0]), _text(structure[1]) if len(structure) > 1 else b""
    encoding = _text(structure[5]) if len(structure) > 5 else b""
    attached, ics = _is_attachment(structure[7:])
    if (kind, sub) in ((b"text", b"calendar"), (b"application", b"ics")) or ics:
        return [_Part(section, "calendar", encoding)]
    if (kind, sub) == (b"message", b"rfc822"):
        return [_Part(section, "message", encoding)]
    if kind == b"text" and not attached:
        return [_Part(section, "text", encoding)]
    return []


def _one_text_part(head: bytes) -> _Part | None:
    """The one part of a message whose headers say it is a single text/plain or text/html
    part not attached (no Content-Type at all is text/plain), as its BODYSTRUCTURE would
    give it (`_readable`); None for any other message, whose structure is then fetched."""
    from sopan.read.mailbox import header_fields

    fields = header_fields(head)
    kind = fields.get(b"content-type", b"text/plain").split(b";")[0].strip().lower()
    disposition = fields.get(b"content-disposition", b"").lower()
    if kind not in (b"text/plain", b"text/html") or disposition.startswith(b"attachment"):
        return None
    if b".ics" in disposition:  # a calendar by its file name: as `_readable` tells it
        return None
    # none written is 7bit (RFC 2045), as the server's structure says it
    encoding = fields.get(b"content-transfer-encoding", b"7bit").strip().lower()
    return _Part("1", "text", encoding)


def _piece(part: _Part, body: bytes) -> Any:
    from sopan.read.mailbox import Piece

    return Piece(part.kind, part.encoding, body)
