"""Passwords for the servers sopan talks to: from an environment variable, else the OS
keyring, never from the config, the database or a log."""

from __future__ import annotations

import os


def password(variable: str, service: str, account: str | None) -> str | None:
    """`variable`'s value, else the keyring's entry `service`/`account`, else None (no
    usable keyring backend counts as no stored password)."""
    given = os.environ.get(variable)
    if given or not account:
        return given or None
    try:
        import keyring

        return keyring.get_password(service, account)
    except Exception:  # no keyring on this machine: the environment is the way
        return None
