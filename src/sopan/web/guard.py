"""What every request to the local server must pass, as for any server a web page can reach.

- Host allow-list: only the address the server was started on (a DNS-rebinding page
  arrives with its own host name and is refused).
- A start token: the address printed at start carries it once; opening it sets a session
  cookie (HttpOnly, SameSite=Strict) and every other request needs that cookie. Tokens and
  cookies are compared as bytes in constant time, whatever characters they hold.
- A browser identity: opening the printed address also gives a browser that has none a
  long-lived random identity (`BROWSER`, HttpOnly, SameSite=Strict); its cases belong to it,
  so the browser finds them again after the server restarts with a new token.
- State-changing requests (POST) must come from this origin: the Origin header, or, when a
  browser sends none, Sec-Fetch-Site: same-origin (cross-site form posts are refused).
- A body over the upload limit is refused before it is read.
- Every response: a strict Content-Security-Policy (nothing inline, nothing from another
  origin), no sniffing, no framing, no referrer to another site, no caching.
- Anything that fails inside is one line on the console, never a traceback (the page
  itself says so in the person's words).
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "sopan_session"
#: the browser's own identity: its cases are kept for it (see `sopan.app.cases`)
BROWSER = "sopan_browser"
#: how long a browser keeps its identity (the most a browser accepts: 400 days)
BROWSER_SECONDS = 400 * 24 * 3600
START_PATH = "/start"
#: the one line for a request without the session (a page says it when there is one)
NO_SESSION = "sopan: open the address sopan printed when it started"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


@dataclass
class Keys:
    """The secrets of one server start: the token printed, the session the cookie holds."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(24))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def cookie(scope: Scope, name: str) -> str | None:
    """The value of the cookie `name` the request carries, or None."""
    raw = _header(scope, b"cookie") or ""
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def same(given: str, expected: str) -> bool:
    """Whether a token or cookie is the expected one, in constant time, as bytes: a value of
    any characters (a non-ASCII one included) is simply not it."""
    return secrets.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )


def valid_identity(value: str | None) -> bool:
    """Whether a browser identity is one this server could have made (43 URL-safe
    characters: 32 random bytes)."""
    import re

    return value is not None and re.fullmatch(r"[A-Za-z0-9_-]{43}", value) is not None


class Guard:
    """ASGI middleware: refuses what fails the checks above, adds the headers to the rest."""

    def __init__(
        self, app: ASGIApp, *, hosts: frozenset[str], keys: Keys, max_body: int,
        too_big: ASGIApp | None = None, no_session: ASGIApp | None = None,
    ) -> None:  # fmt: skip
        """`too_big`: answers a body over `max_body` (without reading it) with a page in
        the person's words; `no_session`: a request without the session (an old tab after a
        restart, a wrong token) with a page saying to open the printed address; without
        them, one line."""
        self.app, self.hosts, self.keys, self.max_body = app, hosts, keys, max_body
        self.too_big, self.no_session = too_big, no_session
        self.origins = frozenset(f"http://{h}" for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None and refusal[0] == 413 and self.too_big is not None:
            await self.too_big(scope, _nothing, _with_headers(send))  # the body is never read
            return
        if refusal is not None and refusal[1] == NO_SESSION and self.no_session is not None:
            await self.no_session(scope, _nothing, _with_headers(send))
            return
        if refusal is not None:
            await _plain(send, *refusal)
            return
        if scope["path"] == START_PATH:
            await _start(send, self.keys.session, cookie(scope, BROWSER))
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:  # the page already said so; the console gets one line
            print(f"sopan web: internal error: {type(exc).__name__}: {exc}".splitlines()[0],
                  file=sys.stderr)  # fmt: skip
            if not started:
                await _plain(send, 500, "sopan: an internal error; please report it")

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, one line) when the request must not reach the app, else None."""
        if (_header(scope, b"host") or "") not in self.hosts:
            return 421, "sopan: this server answers only at the address it printed"
        if scope["path"] == START_PATH:
            token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])
            if same(token[0], self.keys.token):
                return None
            return 403, NO_SESSION
        if not same(cookie(scope, COOKIE) or "", self.keys.session):
            return 403, NO_SESSION
        if scope["method"] not in ("GET", "HEAD"):
            origin = _header(scope, b"origin")
            site = _header(scope, b"sec-fetch-site")
            # a browser names the page's origin, or (when it hides it: "null") says that the
            # request comes from this same origin; anything else comes from another site
            if origin not in self.origins and not (
                origin in (None, "null") and site == "same-origin"
            ):
                return 403, "sopan: a request from another site was refused"
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return 413, f"sopan: at most {self.max_body // (1024 * 1024)} MB may be sent"
        return None


async def _nothing() -> Message:
    """The body of a request that is refused unread: none."""
    return {"type": "http.request", "body": b"", "more_body": False}


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *HEADERS]
        await send(message)

    return sending


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _start(send: Send, session: str, browser: str | None) -> None:
    """The printed address: the session cookie is set (and a browser identity, for a
    browser that has none), and the token leaves the address bar."""
    given = f"{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/"
    headers = [(b"location", b"/"), (b"set-cookie", given.encode())]
    if not valid_identity(browser):
        from sopan.app.cases import new_identity

        made = f"{BROWSER}={new_identity()}; HttpOnly; SameSite=Strict; Path=/; "
        headers.append((b"set-cookie", f"{made}Max-Age={BROWSER_SECONDS}".encode()))
    headers += HEADERS
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
