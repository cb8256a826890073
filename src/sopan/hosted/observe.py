"""Running the hosted app: health and readiness, Prometheus metrics, structured logs that
hold no personal data, and the headers and limits every response and request gets.

A log line is one JSON object per request: time, method, the route's pattern (never the
path with its numbers, never a query), status, milliseconds and the role of whoever asked.
No address, name, e-mail or text a person typed is ever logged.

Metrics (`/metrics`): requests by route and status, their latency, jobs by task and outcome.
With several uvicorn workers, each process writes its figures to `PROMETHEUS_MULTIPROC_DIR`
(set by `sopan serve`) and `/metrics` adds them up."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self' {sso}; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

LOG = logging.getLogger("sopan.hosted")


def configure_logging() -> None:
    """One JSON object a line on standard error, for the journal or a log collector."""
    if LOG.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False


def log(event: str, **fields: Any) -> None:
    """A structured line; callers pass no personal data (numbers, kinds, patterns only)."""
    LOG.info(json.dumps({"t": round(time.time(), 3), "event": event, **fields}))


_MAKING = threading.Lock()


def _metrics() -> Any:
    """The metric families, made once per process (under a lock: two jobs finishing at once
    in a worker's threads would each register them, and the second would fail)."""
    with _MAKING:
        return _families()


@cache
def _families() -> Any:
    from prometheus_client import Counter, Histogram

    class Families:
        requests = Counter("sopan_requests_total", "Requests by route and status",
                           ["route", "method", "status"])  # fmt: skip
        latency = Histogram("sopan_request_seconds", "Request latency by route", ["route"],
                            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))  # fmt: skip
        jobs = Counter("sopan_jobs_total", "Background jobs by task and outcome",
                       ["task", "outcome"])  # fmt: skip

    return Families


def count_job(task: str, outcome: str) -> None:
    """A job done (`outcome`: ok, failed) for the metrics."""
    _metrics().jobs.labels(task, outcome).inc()


def _route_of(scope: Scope) -> str:
    """The route's pattern (`/api/cases/{case_id}`), never the path itself."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if path is None:
        return "static" if str(scope.get("path", "")).startswith("/static/") else "unmatched"
    return str(path)


class Observed:
    """Times every request, counts it, logs it as one line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            took = time.perf_counter() - started
            route = _route_of(scope)
            families = _metrics()
            families.requests.labels(route, scope["method"], str(status[0])).inc()
            families.latency.labels(route).observe(took)
            state = scope.get("state") or {}
            who = state.get("sign_in") if isinstance(state, dict) else None
            log("request", method=scope["method"], route=route, status=status[0],
                ms=round(took * 1000, 1), role=who.account.role if who else None)  # fmt: skip


class Guarded:
    """Every response gets the security headers; a body past the limit is refused before it
    is read; a form from another site is refused (its Origin is not this one's)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            await PlainTextResponse("413", 413)(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and not _same_origin(scope, headers):
            await PlainTextResponse("403", 403)(scope, receive, send)
            return
        centre = scope["app"].state.centre
        oidc = centre.serve.oidc
        csp = CSP.format(sso=oidc.issuer if oidc else "").encode()

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"content-security-policy", csp),
                                      *HEADERS]  # fmt: skip
                if centre.serve.secure_cookies:
                    message["headers"].append(
                        (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
                    )
            await send(message)

        await self.app(scope, receive, sending)


def _same_origin(scope: Scope, headers: dict[bytes, bytes]) -> bool:
    """A state-changing request from this site: its Origin is ours, or the browser says it
    is same-origin; a client that is no browser sends neither (the API's token holds it)."""
    origin = headers.get(b"origin")
    fetch_site = headers.get(b"sec-fetch-site")
    if origin is None:
        return fetch_site in (None, b"same-origin", b"none")
    host = headers.get(b"host", b"").decode("latin-1")
    scheme = scope.get("scheme", "http")
    return origin.decode("latin-1") in (f"{scheme}://{host}", f"https://{host}")


# --- health, readiness, metrics ------------------------------------------------------------


async def health(_request: Request) -> Response:
    """The process answers."""
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> Response:
    """The process can serve: the database answers and is at the schema's head."""
    from starlette.concurrency import run_in_threadpool

    centre = request.app.state.centre

    def check() -> bool:
        from sqlalchemy import text

        from sopan.store import HEAD

        with centre.hosted.engine.connect() as db:
            found = db.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return bool(found == HEAD)

    try:
        fine = await run_in_threadpool(check)
    except Exception:  # any failure of the database is "not ready", never a traceback
        fine = False
    return JSONResponse({"status": "ready" if fine else "not ready"}, 200 if fine else 503)


async def metrics(_request: Request) -> Response:
    """Prometheus' text format; every worker's figures when there are several."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

    _metrics()
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=folder)  # type: ignore[no-untyped-call]
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def routes() -> list[Route]:
    """`/healthz`, `/readyz`, `/metrics`."""
    return [
        Route("/healthz", health),
        Route("/readyz", ready),
        Route("/metrics", metrics),
    ]
