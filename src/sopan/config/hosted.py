"""The hosted mode's tables of the config file: `[serve]` (how the server is reached and
who signs in how) and `[centre]` (the career centre itself: its name and letterhead, its
career office, its cancellation policy). Each is checked in one place, here; a value that
cannot be used is one line naming the table and the key.

Secrets are never here: the session key is `SOPAN_SECRET_KEY`, the provider's client secret
`SOPAN_OIDC_CLIENT_SECRET` (the config file refuses a key that looks like a password).

```toml
[serve]
public_url = "https://karier.kampus.ac.id"   # the address people open (sign-in returns here)
allowed_hosts = ["karier.kampus.ac.id"]
trusted_proxies = ["127.0.0.1"]               # the reverse proxy, whose X-Forwarded-* count
session_hours = 12
retention_days = 730                          # closed cases are erased after this
login_attempts = 5                            # failed sign-ins per name, per 15 minutes
mail_hosts = ["imap.kampus.ac.id", "imap.gmail.com"]  # the IMAP servers students may connect
calendar_hosts = ["jadwal.kampus.ac.id"]      # calendar servers inside the centre's network
career_hosts = ["karir.kampus.ac.id"]         # vacancy boards inside the centre's network
scan_every = 30                               # minutes between sweeps: every mailbox scanned,
watch_every = 360                             # every career watch run,
calendar_every = 60                           # every stale calendar address fetched again (0: off)

[serve.oidc]
issuer = "https://sso.kampus.ac.id/realms/kampus"
client_id = "sopan"
roles_claim = "groups"
roles = { mahasiswa = "student", konselor = "counsellor", "it-admin" = "admin" }

[centre]
name = "Pusat Karier Universitas Contoh"
address = "Jl. Ganesha 10, Bandung"
email = "karier@kampus.ac.id"                 # the career office, in copy of an apology
cancellation_cutoff = "2 working days"        # or "48 hours"
```
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sopan.errors import UserError

ROLES = ("student", "counsellor", "admin", "auditor")


@dataclass(frozen=True)
class OidcSettings:
    """The campus identity provider."""

    issuer: str
    client_id: str
    scopes: str = "openid profile email"
    #: the claim whose values name roles (a list of groups, or one role)
    roles_claim: str = "groups"
    #: a value of that claim → sopan's role; the first that matches wins, in ROLES' order
    roles: Mapping[str, str] = field(default_factory=dict)
    #: the button's name on the sign-in page
    label: str = "SSO"


@dataclass(frozen=True)
class ServeSettings:
    """How the hosted server is reached, and its limits."""

    public_url: str | None = None
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)
    session_hours: int = 12
    retention_days: int = 730
    login_attempts: int = 5
    #: cookies only over HTTPS (off only for a test on loopback)
    secure_cookies: bool = True
    oidc: OidcSettings | None = None
    #: the IMAP servers a student may give for their mailbox (none: no mailbox scans); the
    #: workers connect only to these, never to an address inside the centre's network
    mail_hosts: tuple[str, ...] = ()
    #: calendar servers of the centre's own network a student's address may name (any other
    #: address must lead to the public Internet)
    calendar_hosts: tuple[str, ...] = ()
    #: vacancy boards of the centre's own network a student's watch may name
    career_hosts: tuple[str, ...] = ()
    #: how often, in minutes, the workers scan every mailbox, run every career watch and
    #: fetch every stale calendar address again (`hosted.sweeps`); 0: never by themselves
    scan_every: int = 30
    watch_every: int = 360
    calendar_every: int = 60


@dataclass(frozen=True)
class Cutoff:
    """The cancellation policy's cut-off: so many hours, or so many working days (Indonesian
    public holidays and weekends not counted) before the interview."""

    amount: int
    unit: Literal["hours", "working_days"]


@dataclass(frozen=True)
class CentreSettings:
    """The career centre: its letterhead, its office, its cancellation policy."""

    name: str = ""
    address: str = ""
    email: str | None = None
    phone: str | None = None
    cutoff: Cutoff | None = None
    country: str = "ID"


def _where(table: str, key: str) -> str:
    return f"config.{table}.{key}"


def _text(table: Mapping[str, Any], key: str, name: str, default: str | None = None) -> str | None:
    value = table.get(key, default)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UserError("hosted.not_text", field=_where(name, key), value=str(value))
    return value.strip() or default


def _whole(table: Mapping[str, Any], key: str, name: str, default: int, most: int) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= most:
        raise UserError("hosted.not_a_number", field=_where(name, key), value=str(value),
                        most=most)  # fmt: skip
    return value


def _names(
    table: Mapping[str, Any], key: str, name: str, default: tuple[str, ...]
) -> tuple[str, ...]:
    value = table.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise UserError("hosted.not_a_list", field=_where(name, key), value=str(value))
    return tuple(value)


def _https(value: str | None, name: str, key: str, *, loopback_ok: bool = True) -> str | None:
    if value is None:
        return None
    plain_ok = loopback_ok and re.match(
        r"http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$)", value
    )
    if not (value.startswith("https://") or plain_ok):
        raise UserError("hosted.not_an_address", field=_where(name, key), value=value)
    return value.rstrip("/")


def serve_settings(sections: Mapping[str, Any]) -> ServeSettings:
    """`[serve]` checked; defaults for what it does not say (a server on loopback)."""
    table = sections.get("serve") or {}
    if not isinstance(table, Mapping):
        raise UserError("hosted.not_a_table", field="config.serve")
    oidc = None
    raw = table.get("oidc")
    if raw is not None:
        if not isinstance(raw, Mapping):
            raise UserError("hosted.not_a_table", field="config.serve.oidc")
        issuer = _https(_text(raw, "issuer", "serve.oidc"), "serve.oidc", "issuer")
        client = _text(raw, "client_id", "serve.oidc")
        if not issuer or not client:
            raise UserError("hosted.oidc_incomplete", field="config.serve.oidc")
        roles = raw.get("roles", {})
        if not isinstance(roles, Mapping) or any(r not in ROLES for r in roles.values()):
            bad = next((str(r) for r in dict(roles).values() if r not in ROLES), str(roles))
            raise UserError("hosted.not_a_role", field="config.serve.oidc.roles", value=bad,
                            choices=ROLES)  # fmt: skip
        oidc = OidcSettings(
            issuer, client, _text(raw, "scopes", "serve.oidc", "openid profile email") or "",
            _text(raw, "roles_claim", "serve.oidc", "groups") or "groups",
            {str(k): str(v) for k, v in roles.items()},
            _text(raw, "label", "serve.oidc", "SSO") or "SSO",
        )  # fmt: skip
    periods = {key: _period(table, key, getattr(ServeSettings, key))
               for key in ("scan_every", "watch_every", "calendar_every")}  # fmt: skip
    secure = table.get("secure_cookies", True)
    if not isinstance(secure, bool):
        raise UserError("hosted.not_a_switch", field=_where("serve", "secure_cookies"))
    return ServeSettings(
        public_url=_https(_text(table, "public_url", "serve"), "serve", "public_url"),
        allowed_hosts=_names(table, "allowed_hosts", "serve", ServeSettings.allowed_hosts),
        trusted_proxies=_names(table, "trusted_proxies", "serve", ServeSettings.trusted_proxies),
        session_hours=_whole(table, "session_hours", "serve", 12, 24 * 30),
        retention_days=_whole(table, "retention_days", "serve", 730, 3650),
        login_attempts=_whole(table, "login_attempts", "serve", 5, 100),
        secure_cookies=secure,
        oidc=oidc,
        mail_hosts=tuple(h.lower() for h in _names(table, "mail_hosts", "serve", ())),
        calendar_hosts=tuple(h.lower() for h in _names(table, "calendar_hosts", "serve", ())),
        career_hosts=tuple(h.lower() for h in _names(table, "career_hosts", "serve", ())),
        **periods,
    )


def period_cron(minutes: int) -> str:
    """A period as the cron line that keeps it from the top of the hour or the day: 15 →
    '*/15 * * * *', 120 → '0 */2 * * *', 1440 → '0 0 * * *'. Only a period that divides an
    hour or a day evenly has one (every run then falls on the same clock times)."""
    if 0 < minutes < 60 and 60 % minutes == 0:
        return f"*/{minutes} * * * *"
    if minutes % 60 == 0 and 0 < minutes <= 1440 and 1440 % minutes == 0:
        hours = minutes // 60
        return "0 0 * * *" if hours == 24 else f"0 */{hours} * * *"
    raise ValueError(minutes)


def _period(table: Mapping[str, Any], key: str, default: int) -> int:
    """A sweep's period in minutes: one that divides an hour or a day (5, 15, 30, 60, 120,
    360, 1440…), or 0 for no sweep."""
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("hosted.period", field=_where("serve", key), value=str(value))
    if value == 0:
        return 0
    try:
        period_cron(value)
    except ValueError:
        raise UserError("hosted.period", field=_where("serve", key), value=str(value)) from None
    return value


_CUTOFF = re.compile(
    r"^\s*(\d{1,3})\s*(hours?|jam|working\s+days?|hari\s+kerja)\s*$", re.IGNORECASE
)


def cutoff_of(text: str, field_name: str = "config.centre.cancellation_cutoff") -> Cutoff:
    """'48 hours', '48 jam', '2 working days', '2 hari kerja' as a `Cutoff`."""
    found = _CUTOFF.match(text)
    if found is None or int(found.group(1)) == 0:
        raise UserError("hosted.cutoff", field=field_name, value=text)
    unit = found.group(2).lower()
    kind: Literal["hours", "working_days"] = (
        "hours" if unit.startswith(("hour", "jam")) else ("working_days")
    )
    return Cutoff(int(found.group(1)), kind)


def centre_settings(sections: Mapping[str, Any]) -> CentreSettings:
    """`[centre]` checked."""
    table = sections.get("centre") or {}
    if not isinstance(table, Mapping):
        raise UserError("hosted.not_a_table", field="config.centre")
    given = _text(table, "cancellation_cutoff", "centre")
    email = _text(table, "email", "centre")
    if email is not None:
        from sopan.parse import email as parse_email

        email = parse_email(email, field="config.centre.email")
    return CentreSettings(
        name=_text(table, "name", "centre", "") or "",
        address=_text(table, "address", "centre", "") or "",
        email=email,
        phone=_text(table, "phone", "centre"),
        cutoff=cutoff_of(given) if given else None,
        country=_text(table, "country", "centre", "ID") or "ID",
    )
