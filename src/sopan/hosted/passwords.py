"""Local accounts' passwords, hashed with Argon2id as OWASP's Password Storage Cheat Sheet
first recommends (19 MiB of memory, two passes, one lane), never kept or logged in clear.

A hash made with other parameters (argon2-cffi's defaults before: 64 MiB, three passes,
four lanes) still signs in, and is made again with these at its first sign-in
(`needs_rehash`): a sign-in then costs a web process about 28 ms of CPU, not 250 ms."""

from __future__ import annotations

from functools import cache
from typing import Any

from sopan.errors import UserError

#: the shortest password a local account may have
SHORTEST = 10


@cache
def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError:
        raise UserError("hosted.needs_extra") from None
    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    """The argon2 hash of a new password; one too short is refused."""
    if len(password) < SHORTEST:
        raise UserError("hosted.password_short", field="password", limit=SHORTEST)
    return rehashed(password)


def rehashed(password: str) -> str:
    """The hash of a password already in use, made with the current parameters (no length
    check: the password was accepted when it was set)."""
    return str(_hasher().hash(password))


def needs_rehash(hashed: str) -> bool:
    """Whether a hash was made with other parameters than today's."""
    return bool(_hasher().check_needs_rehash(hashed))


#: checked against when the name is unknown, so a wrong name takes as long as a wrong password
#: (made with the current parameters)
_NOBODY = (
    "$argon2id$v=19$m=19456,t=2,p=1$H1TJhzoVyYMULhH4/egfdg$yvfaA5T4vUQYEuCIDS"
    "CYaLP45maiBk779rrndikprPs"
)


def check_password(hashed: str | None, password: str) -> bool:
    """Whether `password` is the one `hashed` was made from (False for no hash at all, after
    the same work)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(hashed or _NOBODY, password)) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False
