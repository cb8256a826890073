"""Vacancies from what a source answers: the public job-board APIs that need no key
(Greenhouse, Lever, Ashby), RSS/Atom/JSON Feed (feedparser), and a careers page carrying
schema.org `JobPosting` JSON-LD. Each reader takes the bytes and returns `Posting`s; a
body that is not what its kind says is one line naming the source."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sopan.career.posting import Posting, html_text, postings_in_html
from sopan.errors import ExternalError


def _json(body: bytes, source: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExternalError("career.answer_not_json") from None


def greenhouse(body: bytes, source: str, board: str) -> list[Posting]:
    """`GET boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true`: {"jobs": [{"id",
    "title", "location": {"name"}, "absolute_url", "content" (escaped HTML), "updated_at",
    "company_name"}]}."""
    data = _json(body, source)
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, list):
        raise ExternalError("career.not_board", kind="Greenhouse")
    found = []
    for job in jobs:
        if not isinstance(job, dict) or not job.get("title"):
            continue
        place: dict[str, Any] = job["location"] if isinstance(job.get("location"), dict) else {}
        found.append(
            Posting(
                title=str(job["title"]),
                company=str(job.get("company_name") or board),
                location=str(place.get("name") or "") or None,
                description=html_text(html.unescape(str(job.get("content") or ""))),
                url=str(job.get("absolute_url") or "") or None,
                posted=str(job.get("first_published") or job.get("updated_at") or "") or None,
                ref=f"greenhouse:{board}:{job.get('id')}",
            )
        )
    return found


def lever(body: bytes, source: str, site: str) -> list[Posting]:
    """`GET api.lever.co/v0/postings/{site}?mode=json`: [{"id", "text", "categories":
    {"location", "allLocations", "team"}, "descriptionPlain", "lists": [{"text", "content"}],
    "additionalPlain", "hostedUrl", "createdAt" (ms)}]."""
    data = _json(body, source)
    if not isinstance(data, list):
        raise ExternalError("career.not_board", kind="Lever")
    found = []
    for job in data:
        if not isinstance(job, dict) or not job.get("text"):
            continue
        cats: dict[str, Any] = job["categories"] if isinstance(job.get("categories"), dict) else {}
        places = cats.get("allLocations") or [cats.get("location")]
        lists = "\n".join(
            f"{item.get('text', '')}\n{html_text(str(item.get('content', '')))}"
            for item in job.get("lists") or []
            if isinstance(item, dict)
        )
        text = job.get("descriptionPlain") or html_text(str(job.get("description") or ""))
        created = job.get("createdAt")
        posted = (
            datetime.fromtimestamp(created / 1000, UTC).date().isoformat()
            if isinstance(created, int | float) and created > 0
            else None
        )
        found.append(
            Posting(
                title=str(job["text"]),
                company=site,
                location=", ".join(str(p) for p in places if p) or None,
                description="\n".join(
                    t for t in (str(text), str(job.get("additionalPlain") or "")) if t
                ),
                skills=lists,
                url=str(job.get("hostedUrl") or "") or None,
                posted=posted,
                ref=f"lever:{site}:{job.get('id')}",
            )
        )
    return found


def ashby(body: bytes, source: str, org: str) -> list[Posting]:
    """`GET api.ashbyhq.com/posting-api/job-board/{org}`: {"jobs": [{"id", "title",
    "location", "secondaryLocations": [{"location"}], "isRemote", "descriptionPlain",
    "descriptionHtml", "jobUrl", "publishedAt", "isListed"}]}."""
    data = _json(body, source)
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, list):
        raise ExternalError("career.not_board", kind="Ashby")
    found = []
    for job in jobs:
        if not isinstance(job, dict) or not job.get("title") or job.get("isListed") is False:
            continue
        places = [job.get("location")] + [
            s.get("location") for s in job.get("secondaryLocations") or [] if isinstance(s, dict)
        ]
        if job.get("isRemote"):
            places.append("Remote")
        text = job.get("descriptionPlain") or html_text(str(job.get("descriptionHtml") or ""))
        found.append(
            Posting(
                title=str(job["title"]),
                company=org,
                location=", ".join(dict.fromkeys(str(p) for p in places if p)) or None,
                description=str(text),
                url=str(job.get("jobUrl") or "") or None,
                posted=str(job.get("publishedAt") or "")[:10] or None,
                ref=f"ashby:{org}:{job.get('id')}",
            )
        )
    return found


def json_feed(body: bytes, source: str) -> list[Posting]:
    """JSON Feed 1.0/1.1 (jsonfeed.org), which feedparser 6.0 does not read: each item's
    title, url, content, date, and its author as the company."""
    data = _json(body, source)
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ExternalError("career.not_feed")
    found = []
    for item in items:
        if not isinstance(item, dict) or not item.get("title"):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        who = next(
            (str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")), None
        )
        text = item.get("content_text") or html_text(str(item.get("content_html") or ""))
        found.append(
            Posting(
                title=str(item["title"]),
                company=who,
                location=None,
                description=str(text or item.get("summary") or ""),
                url=str(item.get("url") or "") or None,
                posted=str(item.get("date_published") or "")[:10] or None,
                ref=str(item.get("id") or item.get("url") or "") or None,
            )
        )
    return found


def feed(body: bytes, source: str, _: str = "") -> list[Posting]:
    """RSS, Atom (feedparser) or JSON Feed: each entry's title, link, summary, date, and its
    author as the company when the feed gives one (a board's feed names the employer there)."""
    if body.lstrip()[:1] == b"{":
        return json_feed(body, source)
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(body)
    if not parsed.entries and parsed.get("bozo"):
        raise ExternalError("career.not_feed")
    found = []
    for entry in parsed.entries:
        title = str(entry.get("title") or "").strip()
        if not title:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        content = entry.get("content") or []
        text = entry.get("summary") or (content[0].get("value") if content else "") or ""
        found.append(
            Posting(
                title=html_text(title),
                company=str(entry.get("author") or "").strip() or None,
                location=str(entry.get("location") or "").strip() or None,
                description=html_text(str(text)),
                url=str(entry.get("link") or "") or None,
                posted=datetime(*when[:3]).date().isoformat() if when else None,
                ref=str(entry.get("id") or entry.get("link") or "") or None,
            )
        )
    return found


def careers_page(body: bytes, source: str, _: str = "") -> list[Posting]:
    """A careers page: the JobPostings in its JSON-LD (a page with none is one line)."""
    from sopan.career.tables import decode

    found = postings_in_html(decode(body, source))
    if not found:
        raise ExternalError("career.page_no_posting")
    return found


Reader = Callable[[bytes, str, str], list[Posting]]
READERS: dict[str, Reader] = {
    "greenhouse": greenhouse,
    "lever": lever,
    "ashby": ashby,
    "feed": feed,
    "page": careers_page,
}


def sniff(body: bytes) -> str:
    """What an address answered, when the address alone did not say: "feed" (XML or a JSON
    Feed) or "page" (HTML)."""
    head = body[:2048].lstrip().lower()
    if head.startswith(b"{") and b"jsonfeed.org" in body[:4096]:
        return "feed"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    return "page"
