"""The one rule for a mail server's table (`[smtp]`, `[imap]`): host, port, security,
user name, a CA file to trust and a timeout, checked the same way for each.

A plain connection (`security = "none"`) goes only to this machine's loopback; a port or a
timeout that is not a number, an unknown security, or a table without a host is one line
naming the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sopan.errors import UserError
from sopan.model.names import LOOPBACK

Security = Literal["tls", "starttls", "none"]
SECURITIES: tuple[Security, ...] = ("tls", "starttls", "none")
#: seconds a step may take before the server counts as gone
TIMEOUT = 30.0


@dataclass(frozen=True)
class ServerSettings:
    """A mail server's table, checked."""

    host: str
    port: int
    security: Security
    username: str | None = None
    #: a CA file to trust besides the system's (a test server's own certificate)
    cafile: str | None = None
    timeout: float = TIMEOUT

    @property
    def account(self) -> str:
        """`user@host:port`: the account on the server (the store names a mailbox by it)."""
        return f"{self.username}@{self.host}:{self.port}" if self.username else self.address

    @property
    def address(self) -> str:
        """`host:port`."""
        return f"{self.host}:{self.port}"


def _number(
    table: Mapping[str, Any], key: str, default: float, bad: Callable[[str], UserError]
) -> float:
    value = table.get(key, default)
    if isinstance(value, bool):
        raise bad(key)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise bad(key) from None


def server_settings(
    table: Any,
    name: str,
    *,
    ports: Mapping[str, int],
    security: Security,
    where: Callable[[str, str | None], str],
    need_username: bool = False,
) -> ServerSettings:
    """The `[name]` table checked by the one rule; `ports` are the defaults per security."""

    def bad(key: str, code: str = "config.not_a_number", **params: Any) -> UserError:
        return UserError(code, field=f"config.{name}.{key}", at=where(name, key), **params)

    if not isinstance(table, Mapping) or not str(table.get("host") or "").strip():
        raise UserError("config.no_host", field=f"config.{name}", at=where(name, None))
    host = str(table["host"]).strip()
    chosen = str(table.get("security", security))
    if chosen not in SECURITIES:
        raise bad("security", "config.not_one_of", value=chosen, choices=SECURITIES)
    if chosen == "none" and host not in LOOPBACK:
        raise bad("security", "config.plain_not_loopback")
    sec: Security = chosen  # narrowed: one of SECURITIES, checked above
    port = _number(table, "port", ports[sec], bad)
    if port != int(port) or not 0 < port < 65536:
        raise bad("port")
    timeout = _number(table, "timeout", TIMEOUT, bad)
    if not 0 < timeout <= 600:
        raise bad("timeout")
    username = str(table["username"]).strip() if table.get("username") else None
    if need_username and not username:
        raise bad("username", "config.needs_username")
    cafile = str(table["cafile"]) if table.get("cafile") else None
    return ServerSettings(host, int(port), sec, username, cafile, timeout)
