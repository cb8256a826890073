"""Vacancy watches (R10.1): what a source the person names is, which postings pass their
filters, the key that knows one posting from two sources or two runs, and whether it is
from a company they declined or cancelled with — politely, so the door stayed open (R5.1, R7).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sopan.career.posting import Posting
from sopan.errors import UserError
from sopan.model.names import LOOPBACK

#: the boards' public APIs, by the kind a source names
API = {
    "greenhouse": "https://boards-api.greenhouse.io/v1/boards/{}/jobs?content=true",
    "lever": "https://api.lever.co/v0/postings/{}?mode=json",
    "ashby": "https://api.ashbyhq.com/posting-api/job-board/{}",
}
#: a board's own page → its kind (the name is the first part of the path)
_PAGES = {
    "boards.greenhouse.io": "greenhouse",
    "job-boards.greenhouse.io": "greenhouse",
    "jobs.lever.co": "lever",
    "jobs.ashbyhq.com": "ashby",
}
#: an API address on any host (a mirror, or the tests' loopback server) → its kind and name
_PATHS = (
    (re.compile(r"/v1/boards/([\w.\-]+)/jobs/?$"), "greenhouse"),
    (re.compile(r"/v0/postings/([\w.\-]+)/?$"), "lever"),
    (re.compile(r"/posting-api/job-board/([\w.\-]+)/?$"), "ashby"),
)
_NAME = re.compile(r"^[\w.\-]{1,100}$")


@dataclass(frozen=True)
class Source:
    """A source as the person named it, and how it is read."""

    spec: str
    kind: str  # greenhouse, lever, ashby, feed, page, auto (feed or page, by what it answers)
    address: str  # an http(s) address, or a file's path for kind "file"
    name: str = ""  # the board's name (the company, for a board)


def names_a_file(spec: str) -> bool:
    """Whether `spec` would be read as a saved file (neither an address nor a board)."""
    text = spec.strip()
    kind, _, name = text.partition(":")
    return not (kind.lower() in API and not name.startswith("//")) and "://" not in text


def parse_source(spec: str) -> Source:
    """A source from what the person typed: `greenhouse:BOARD`, `lever:SITE`, `ashby:ORG`, a
    board's page or API address, any https:// feed or careers page, or a saved file; one line
    (exit 2) for anything else."""
    text = spec.strip()
    kind, _, name = text.partition(":")
    if kind.lower() in API and not name.startswith("//"):
        if not _NAME.match(name):
            raise UserError("career.source_board_name", value=text)
        return Source(text, kind.lower(), API[kind.lower()].format(name), name)
    if "://" not in text:
        from pathlib import Path

        if not Path(text).expanduser().is_file():
            raise UserError("career.source_unknown", value=text)
        return Source(text, "file", str(Path(text).expanduser()))
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise UserError("career.source_https", value=text)
    if parts.scheme == "http" and host not in LOOPBACK:
        raise UserError("career.source_https", value=text)
    first = parts.path.strip("/").split("/")[0]
    if host in _PAGES and first:
        kind = _PAGES[host]
        return Source(text, kind, API[kind].format(first), first)
    for pattern, kind in _PATHS:
        if found := pattern.search(parts.path):
            return Source(text, kind, text, found[1])
    return Source(text, "auto", text)


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"[^\W_]+", (text or "").casefold()))


def posting_key(posting: Posting) -> str:
    """The same vacancy has one key from every source and in every run: its company (legal
    form aside), title and city; a posting without a company is known by its address."""
    from sopan.career.companies import core

    if posting.company:
        # the place by its first part: a board's "Bandung" is a page's "Bandung, Jawa Barat, ID"
        place = _norm(re.split(r"[,;/]", posting.location or "")[0])
        basis = f"{core(posting.company)}|{_norm(posting.title)}|{place}"
    else:
        basis = f"@{posting.url or posting.ref or _norm(posting.title + posting.description[:200])}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def passes(posting: Posting, keywords: Sequence[str], location: str | None) -> bool:
    """Whether a posting is one the watch asked for: any keyword in its title, skills or
    description (affixes and synonyms as for profiles), and the place in its location (or,
    when it gives none, in its text)."""
    text = f"{posting.title}\n{posting.skills}\n{posting.description}"
    if keywords:
        from sopan.career.terms import keys

        have = keys(text)
        folded = _norm(text)
        if not any(
            ((want := keys(k)) and want <= have) or (_norm(k) and f" {_norm(k)} " in f" {folded} ")
            for k in keywords
        ):
            return False
    if location:
        where = _norm(posting.location) if posting.location else _norm(text)
        return f" {_norm(location)} " in f" {where} "
    return True


@dataclass(frozen=True)
class Declined:
    """A company the person declined or cancelled an interview with (sopan's history)."""

    company: str
    action: str  # decline, cancel
    at: datetime


def declined_by(posting: Posting, declined: Iterable[Declined]) -> Declined | None:
    """The latest declined interview at the posting's company (its name, or the company
    named in its title: "Data Analyst at PT Maju Jaya"), None when there is none."""
    from sopan.career.companies import core, same_company, variants

    title = f" {_norm(posting.title)} "
    found = None
    for d in declined:
        named = any(f" {_norm(v)} " in title for v in variants(core(d.company)))
        same = bool(posting.company and same_company(posting.company, d.company))
        if (same or named) and (found is None or d.at > found.at):
            found = d
    return found
