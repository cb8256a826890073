"""A student's mailbox password, sealed before it reaches the database and opened only by
the worker that scans the mailbox (docs/hosting.md says why this way).

The key is `SOPAN_MAIL_KEY`: one Fernet key (AES-128-CBC and HMAC-SHA256), or several
separated by commas to change keys: the first seals, any of them opens. It lives in the
environment of the web and worker processes (a systemd credential or an environment file
only root reads), never in the database or the config file, so a copy of the database — a
backup, a dump, a replica — holds no password anyone can use."""

from __future__ import annotations

import os
from typing import Any

from sopan.errors import UserError

VARIABLE = "SOPAN_MAIL_KEY"


def _keys() -> Any:
    from cryptography.fernet import Fernet, MultiFernet

    given = [k.strip() for k in os.environ.get(VARIABLE, "").split(",") if k.strip()]
    if not given:
        raise UserError("mailbox.no_key", field="password")
    try:
        return MultiFernet([Fernet(k.encode("ascii")) for k in given])
    except (ValueError, UnicodeEncodeError):
        raise UserError("mailbox.bad_key", field="password") from None


def sealed(password: str) -> bytes:
    """The password as the database keeps it."""
    token: bytes = _keys().encrypt(password.encode("utf-8"))
    return token


def opened(secret: bytes) -> str | None:
    """The password back, None when no key of `SOPAN_MAIL_KEY` opens it (the key was
    changed without keeping the old one: the student gives the password again)."""
    from cryptography.fernet import InvalidToken

    try:
        return str(_keys().decrypt(bytes(secret)).decode("utf-8"))
    except InvalidToken:
        return None


def new_key() -> str:
    """A fresh key for `SOPAN_MAIL_KEY`."""
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")
