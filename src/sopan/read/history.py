"""Split a message body into its own text and the history it carries.

A reply quotes older messages ("> …", "On … wrote:", "-----Original Message-----");
a forward carries the original under a marker and a small header block. The
newest invitation wins, and a forwarded invitation's original sender is the contact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sopan._infra import rx
from sopan.read.words import phrase_re

_ATTRIBUTION_RE = rx.compile(
    r"^\s*(?:On\s.{4,200}\s(?:wrote|writes)\s*:|Pada\s.{4,200}\smenulis\s*:)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_RE = rx.compile(
    r"^\s*[*]?(From|Dari|Sent|Date|Tanggal|Dikirim|Subject|Subjek|Perihal|To|Kepada|Cc|Reply-To|Message-ID)"
    r"[*]?\s*:\s*(.*)$",
    re.IGNORECASE,
)
_HEADER_KEYS = {
    "from": "from",
    "dari": "from",
    "sent": "date",
    "date": "date",
    "tanggal": "date",
    "dikirim": "date",
    "subject": "subject",
    "subjek": "subject",
    "perihal": "subject",
    "to": "to",
    "kepada": "to",
    "cc": "cc",
    "reply-to": "reply-to",
    "message-id": "message-id",
}


@dataclass
class Segment:
    """One message's own text within a body, newest first, with its inline headers."""

    text: str
    headers: dict[str, str] = field(default_factory=dict)
    forwarded: bool = False
    quoted: bool = False


_HINTS = (
    "forward",
    "original message",
    "pesan asli",
    "pesan yang diteruskan",
    "pesan terusan",
    "wrote",
    "writes",
    "menulis",
    "\nfrom:",
    "\ndari:",
)


def _marker(lines: list[str]) -> tuple[int, str] | None:
    fwd, orig = phrase_re("forwarded"), phrase_re("quoted")
    for i, line in enumerate(lines):
        low = line.strip().lower()
        if not low:
            continue
        if fwd.search(low) and (low.startswith(("-", "begin", "pesan")) or low.endswith("-")):
            return i, "forward"
        if orig.search(low):
            return i, "quote"
        if _ATTRIBUTION_RE.match(line):
            return i, "quote"
        if line.startswith(">") and i > 0:
            return i, "quoted-lines"
        head = _HEADER_RE.match(line)
        if i > 0 and head and _HEADER_KEYS[head.group(1).lower()] == "from":
            # Outlook quotes with a bare header block: From: … / Sent: … / Subject: …
            following = [_HEADER_RE.match(nxt) for nxt in lines[i + 1 : i + 4]]
            if any(f and _HEADER_KEYS[f.group(1).lower()] == "date" for f in following):
                return i, "outlook"
    return None


def _headers(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines):
        m = _HEADER_RE.match(lines[i])
        if not m:
            break
        headers.setdefault(_HEADER_KEYS[m.group(1).lower()], m.group(2).strip())
        i += 1
    return headers, lines[i:]


def split_history(text: str, depth: int = 0) -> list[Segment]:
    """The body's segments, newest first; a forwarded original comes before the forward note."""
    low = text.lower()
    if not (text.startswith(">") or "\n>" in text or any(h in low for h in _HINTS)):
        return [Segment(text)]  # most messages carry no history: skip the line-by-line look
    lines = text.splitlines()
    found = _marker(lines) if depth < 8 else None
    if found is None:
        return [Segment(text)]
    i, kind = found
    top = "\n".join(lines[:i])
    if kind == "quoted-lines":
        rest = [
            re.sub(r"^>\s?", "", ln) for ln in lines[i:] if ln.startswith(">") or not ln.strip()
        ]
        attribution = lines[i - 1] if _ATTRIBUTION_RE.match(lines[i - 1]) else ""
        top = "\n".join(lines[: i - 1] if attribution else lines[:i])
    elif kind == "outlook":
        rest, attribution = lines[i:], ""
    else:
        rest = lines[i + 1 :]
        attribution = lines[i] if kind == "quote" else ""
    headers, body = _headers(rest)
    if attribution and "from" not in headers:
        m = re.search(r"([^,]*<[^>]+@[^>]+>|[\w.+-]+@[\w.-]+)", attribution)
        if m:
            headers["from"] = m.group(1).strip()
    older = split_history("\n".join(body), depth + 1)
    older[0].headers = {**headers, **older[0].headers}
    older[0].forwarded = kind == "forward"
    older[0].quoted = kind != "forward"
    mine = Segment(top)
    if kind == "forward":
        return [*older, mine]
    return [mine, *older]
