"""The career commands' one network edge: a GET of an address the person named (a feed, a
careers page, a job board's public API), under one total deadline and a size cap, as
calendars are read — a server that trickles bytes or never stops is cut off, not waited
for. Nothing is sent but the request; no cookie, no key."""

from __future__ import annotations

import time as clock
from typing import Any

from sopan.errors import ExternalError

#: the largest answer read (a board with a thousand postings and their texts is ~10 MB)
MAX_BYTES = 20 * 1024 * 1024


def fetch(url: str, timeout: float, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The body at `url`; `ExternalError` (one line) when the server fails, is slow or sends
    too much."""
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    from sopan import __version__

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"sopan/{__version__}",
            "Accept": "application/json, application/feed+json, application/rss+xml, "
            "application/atom+xml, text/html;q=0.9, */*;q=0.5",
        },
    )
    started = clock.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _bounded(response, started + timeout, timeout, max_bytes)
    except urllib.error.HTTPError as exc:
        raise ExternalError("career.http_status", status=f"{exc.code} {exc.reason}") from None
    except (TimeoutError, urllib.error.URLError, HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or clock.monotonic() - started >= timeout:
            raise ExternalError("career.timeout", seconds=f"{timeout:g}") from None
        raise ExternalError("career.unreachable", why=str(reason)) from None


def _bounded(response: Any, deadline: float, timeout: float, max_bytes: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        if clock.monotonic() > deadline:
            raise ExternalError("career.timeout", seconds=f"{timeout:g}")
        piece = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not piece:
            return b"".join(parts)
        size += len(piece)
        if size > max_bytes:
            raise ExternalError("career.too_large", limit=max_bytes // (1024 * 1024))
        parts.append(piece)
