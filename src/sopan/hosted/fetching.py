"""An address a student gives (a calendar, a vacancy source), fetched by the server: https
only, and only from a machine on the public Internet (or one the centre names: `[serve]
calendar_hosts`, `career_hosts`), at every hop of a redirect, so a student cannot make
the server read a machine of the centre's own network (the address is checked by what its
name resolves to, before each request).

A name that resolves to a public address when checked and to a private one a moment later
(DNS rebinding) is the gap left: docs/hosting.md suggests the firewall rule that closes it."""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import Any
from urllib.parse import urlsplit

from sopan.errors import ExternalError, UserError

#: the largest calendar fetched, and how long a fetch may take in all
LIMIT = 20 * 1024 * 1024
TIMEOUT = 10.0


def checked_address(address: str, inside: tuple[str, ...]) -> str:
    """The https:// address to fetch (webcal:// is https), refused in one line when it is
    not one, names a user, or leads to a machine that is not on the public Internet and
    not in `inside`."""
    given = address.strip()
    if given.lower().startswith("webcal://"):
        given = "https://" + given[len("webcal://") :]
    parts = urlsplit(given)
    if parts.scheme.lower() != "https" or not parts.hostname or parts.username or parts.password:
        raise UserError("address.not_https", field="url", value=address.strip()[:200])
    host = parts.hostname.lower()
    if host in inside:
        return given
    try:
        found = {str(info[4][0]) for info in socket.getaddrinfo(host, parts.port or 443)}
    except (OSError, UnicodeError):
        raise UserError("address.unknown_host", field="url", value=host) from None
    for ip in found:
        if not ipaddress.ip_address(ip.split("%")[0]).is_global:
            raise UserError("address.inside", field="url", value=host)
    return given


def fetch_calendar(address: str, inside: tuple[str, ...], *, timeout: float = TIMEOUT) -> bytes:
    """The calendar at `address` (checked by `checked_address`, as is every redirect)."""
    return fetch_public(address, inside, timeout=timeout, accept="text/calendar, */*;q=0.5")


def fetch_public(
    address: str, inside: tuple[str, ...], *, timeout: float = TIMEOUT, accept: str = "*/*"
) -> bytes:
    """The body at `address` (checked by `checked_address`, as is every redirect)."""
    import urllib.error
    import urllib.request

    url = checked_address(address, inside)
    name = f"{urlsplit(url).hostname}"

    class Checked(urllib.request.HTTPRedirectHandler):
        def redirect_request(  # type: ignore[no-untyped-def]
            self, req, fp, code, msg, headers, newurl
        ):
            checked_address(str(newurl), inside)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(Checked())
    headers = {"User-Agent": "sopan", "Accept": accept}
    request = urllib.request.Request(url, headers=headers)
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            return _bounded(response, started + timeout, timeout, name)
    except urllib.error.HTTPError as exc:
        raise ExternalError("calendar.http_status", field="url", source=name, status=exc.code,
                            why=str(exc.reason)[:80]) from None  # fmt: skip
    except (urllib.error.URLError, OSError) as exc:
        why = str(getattr(exc, "reason", exc))[:120]
        raise ExternalError("calendar.unreachable", field="url", source=name, why=why) from None


def _bounded(response: Any, deadline: float, timeout: float, name: str) -> bytes:
    from sopan._infra.wording import Amount, megabytes

    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise ExternalError("calendar.slow_send", field="url", source=name,
                                seconds=Amount(timeout))  # fmt: skip
        piece = response.read1(65536)
        if not piece:
            return b"".join(parts)
        size += len(piece)
        if size > LIMIT:
            raise ExternalError("calendar.too_big", field="url", source=name,
                                limit=megabytes(LIMIT))  # fmt: skip
        parts.append(piece)
