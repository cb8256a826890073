"""A job board, feeds and a careers page on loopback, answering with the real shapes of
Greenhouse's, Lever's and Ashby's public board APIs, RSS 2.0, Atom, JSON Feed 1.1 and a page
carrying schema.org JobPosting JSON-LD. Routes can be changed while it runs (a board that
adds a posting between two runs), and some fail on purpose."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Board:
    """What each path answers: (status, content type, body); `hits` counts requests."""

    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def json(self, path: str, value: Any) -> None:
        self.routes[path] = (200, "application/json", json.dumps(value).encode())

    def text(self, path: str, body: str, kind: str) -> None:
        self.routes[path] = (200, kind, body.encode("utf-8"))


@contextmanager
def serve(board: Board) -> Iterator[Board]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            board.hits[path] = board.hits.get(path, 0) + 1
            if path.startswith("/slow"):
                time.sleep(3)
            if path.startswith("/endless"):
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                try:
                    for _ in range(100_000):
                        self.wfile.write(b"<item>" + b"x" * 1024 + b"</item>")
                except OSError:
                    pass
                return
            status, kind, body = board.routes.get(path, (404, "text/plain", b"not here"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up (a timeout under test)
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    board.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield board
    finally:
        server.shutdown()
        server.server_close()


def greenhouse_jobs(*jobs: tuple[int, str, str, str]) -> dict[str, Any]:
    """GET /v1/boards/{board}/jobs?content=true: (id, title, location, HTML content)."""
    return {
        "jobs": [
            {
                "absolute_url": f"https://job-boards.greenhouse.io/majujaya/jobs/{jid}",
                "data_compliance": [],
                "internal_job_id": jid + 1,
                "location": {"name": place},
                "metadata": None,
                "id": jid,
                "updated_at": "2026-11-30T10:00:00-05:00",
                "requisition_id": f"R-{jid}",
                "title": title,
                "company_name": "PT Maju Jaya Tbk",
                "first_published": "2026-11-29T09:00:00-05:00",
                "language": "en",
                "content": content.replace("<", "&lt;").replace(">", "&gt;"),
                "departments": [{"id": 1, "name": "Data", "child_ids": [], "parent_id": None}],
                "offices": [
                    {"id": 2, "name": place, "location": place, "child_ids": [], "parent_id": None}
                ],
            }
            for jid, title, place, content in jobs
        ],
        "meta": {"total": len(jobs)},
    }


def lever_postings(*jobs: tuple[str, str, str, str]) -> list[dict[str, Any]]:
    """GET /v0/postings/{site}?mode=json: (id, title, location, plain description)."""
    return [
        {
            "id": jid,
            "text": title,
            "country": "ID",
            "workplaceType": "onsite",
            "categories": {
                "commitment": "Full-time",
                "department": "Engineering",
                "location": place,
                "team": "Data",
                "allLocations": [place],
            },
            "createdAt": 1796000000000,
            "descriptionPlain": text,
            "description": f"<div>{text}</div>",
            "lists": [{"text": "Requirements", "content": "<li>SQL</li><li>Python</li>"}],
            "additional": "",
            "additionalPlain": "",
            "hostedUrl": f"https://jobs.lever.co/sentosa/{jid}",
            "applyUrl": f"https://jobs.lever.co/sentosa/{jid}/apply",
        }
        for jid, title, place, text in jobs
    ]


def ashby_board(*jobs: tuple[str, str, str, str]) -> dict[str, Any]:
    """GET /posting-api/job-board/{org}: (id, title, location, plain description)."""
    return {
        "apiVersion": "1",
        "jobs": [
            {
                "id": jid,
                "title": title,
                "department": "Data",
                "team": "Analytics",
                "employmentType": "FullTime",
                "location": place,
                "secondaryLocations": [],
                "publishedAt": "2026-11-28T03:00:00.000+00:00",
                "isListed": True,
                "isRemote": False,
                "address": {
                    "postalAddress": {"addressLocality": place, "addressCountry": "Indonesia"}
                },
                "jobUrl": f"https://jobs.ashbyhq.com/nusadata/{jid}",
                "applyUrl": f"https://jobs.ashbyhq.com/nusadata/{jid}/application",
                "descriptionHtml": f"<p>{text}</p>",
                "descriptionPlain": text,
            }
            for jid, title, place, text in jobs
        ],
    }


def rss(*items: tuple[str, str, str, str]) -> str:
    """RSS 2.0: (title, link, employer as dc:creator, description)."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><dc:creator>{who}</dc:creator>"
        f"<description><![CDATA[{text}]]></description><guid>{link}</guid>"
        "<pubDate>Mon, 30 Nov 2026 08:00:00 +0700</pubDate></item>"
        for t, link, who, text in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Lowongan</title>'
        f"<link>https://loker.example</link><description>x</description>{body}</channel></rss>"
    )


def atom(*entries: tuple[str, str, str]) -> str:
    """Atom 1.0: (title, link, summary)."""
    body = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>2026-11-30T08:00:00Z</updated><summary>{text}</summary></entry>"
        for t, link, text in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Jobs</title><id>urn:x</id><updated>2026-11-30T08:00:00Z</updated>{body}</feed>"
    )


def json_feed(*items: tuple[str, str, str, str]) -> dict[str, Any]:
    """JSON Feed 1.1: (id, title, url, content_text)."""
    return {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Jobs",
        "items": [
            {
                "id": i,
                "title": t,
                "url": u,
                "content_text": c,
                "date_published": "2026-11-30T08:00:00+07:00",
                "authors": [{"name": "PT Nusa Data"}],
            }
            for i, t, u, c in items
        ],
    }


def careers_page(*postings: dict[str, Any]) -> str:
    """A company's careers page with its postings as JSON-LD, one script each."""
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(p)}</script>' for p in postings
    )
    return (
        f"<!doctype html><html><head><title>Karier</title>{scripts}</head>"
        "<body><h1>Karier di PT Maju Jaya</h1></body></html>"
    )


def job_ld(title: str, company: str, city: str, text: str) -> dict[str, Any]:
    """A schema.org JobPosting."""
    return {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": title,
        "description": f"<p>{text}</p>",
        "datePosted": "2026-11-30",
        "hiringOrganization": {"@type": "Organization", "name": company},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city,
                "addressRegion": "Jawa Barat",
                "addressCountry": "ID",
            },
        },
    }
