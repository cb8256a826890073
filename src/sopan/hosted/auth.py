"""Sign-in for the hosted mode: sessions, form tokens, local passwords with a rate limit.

- A session is a random token in a cookie (HttpOnly, Secure, SameSite=Lax, `__Host-` when
  secure); the database keeps only its SHA-256, with the account, an expiry and the form
  token of that sign-in. Signing out deletes it: the cookie is worth nothing after.
- Every form carries the form token (CSRF); a form without the right one is refused. Before
  sign-in (the sign-in form itself) the token is a cookie of its own, sent back in the form.
- Failed sign-ins are counted per name and per address over a window, in the database, so
  the limit holds across every web process; the check costs the same for a name that exists
  and one that does not.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response

from sopan.config.hosted import ServeSettings
from sopan.errors import UserError
from sopan.store.accounts import Account, SignIn
from sopan.store.people import People

#: how far back failed sign-ins are counted
WINDOW = timedelta(minutes=15)
#: an address may fail this many times the per-name limit (a campus behind one NAT)
PER_ADDRESS = 10
#: the cookie of a form shown before sign-in
FORM_COOKIE = "sopan_form"


def session_cookie(settings: ServeSettings) -> str:
    """The session cookie's name: `__Host-` (no Domain, Path=/, Secure) over HTTPS."""
    return "__Host-sopan" if settings.secure_cookies else "sopan_session"


@dataclass(frozen=True)
class Opened:
    """A new sign-in: the token for the cookie and the form token."""

    token: str
    csrf: str


def open_session(store: People, account: Account, settings: ServeSettings, now: datetime) -> Opened:
    """Keep a new sign-in of `account`."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    store.open_session(account.id, token, csrf, now=now,
                       lasts=timedelta(hours=settings.session_hours))  # fmt: skip
    return Opened(token, csrf)


def set_session(response: Response, opened: Opened, settings: ServeSettings) -> None:
    """The session cookie on `response`."""
    response.set_cookie(
        session_cookie(settings), opened.token, max_age=settings.session_hours * 3600,
        httponly=True, secure=settings.secure_cookies, samesite="lax", path="/",
    )  # fmt: skip


def clear_session(response: Response, settings: ServeSettings) -> None:
    """The session cookie removed."""
    response.delete_cookie(session_cookie(settings), path="/", secure=settings.secure_cookies,
                           httponly=True, samesite="lax")  # fmt: skip


def token_of(request: Request, settings: ServeSettings) -> str | None:
    """The session token the browser presents."""
    return request.cookies.get(session_cookie(settings)) or None


def form_token(request: Request) -> str:
    """The form token of a page shown before sign-in (the cookie's, or a new one)."""
    return request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(24)


def set_form_token(response: Response, token: str, settings: ServeSettings) -> None:
    """The cookie a sign-in form's token is checked against."""
    response.set_cookie(FORM_COOKIE, token, max_age=3600, httponly=True,
                        secure=settings.secure_cookies, samesite="strict", path="/")  # fmt: skip


def same(given: str | None, expected: str | None) -> bool:
    """Whether a form token is the expected one (compared in constant time)."""
    return bool(given and expected) and hmac.compare_digest(str(given), str(expected))


def check_form(given: str | None, sign_in: SignIn | None, request: Request) -> None:
    """Refuse a form whose token is not this sign-in's (or, before sign-in, the cookie's)."""
    expected = sign_in.csrf if sign_in else request.cookies.get(FORM_COOKIE)
    if not same(given, expected):
        raise UserError("form.expired", field="form")


def local_sign_in(
    store: People, name: str, password: str, *, address: str, now: datetime, limit: int
) -> Account:
    """The account `name` signs in to with `password`; a wrong pair, a disabled account or
    too many failures is a `UserError` (the same words for a wrong name and a wrong
    password)."""
    from sopan.hosted.passwords import check_password, needs_rehash, rehashed

    keys = [f"name:{name.strip().lower()}", f"address:{address}"]
    count = store.failures(keys[:1], since=now - WINDOW)
    by_address = store.failures(keys[1:], since=now - WINDOW)
    if count >= limit or by_address >= limit * PER_ADDRESS:
        raise UserError("login.too_many", field="password",
                        minutes=int(WINDOW.total_seconds() // 60))  # fmt: skip
    found = store.account_named(name.strip())
    account, hashed = found if found else (None, None)
    if not check_password(hashed, password) or account is None:
        store.failed(keys, now=now)
        raise UserError("login.wrong", field="password")
    if account.disabled:
        raise UserError("login.disabled", field="name")
    if hashed is not None and needs_rehash(hashed):
        # made with older parameters: made again with today's, now that the password is known
        store.set_password_hash(account.id, hashed, rehashed(password))
    return account
