"""Local accounts' passwords, hashed with argon2 (argon2-cffi's defaults: Argon2id, 64 MiB,
three passes), never kept or logged in clear."""

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
    return PasswordHasher()


def hash_password(password: str) -> str:
    """The argon2 hash of a new password; one too short is refused."""
    if len(password) < SHORTEST:
        raise UserError("hosted.password_short", field="password", limit=SHORTEST)
    return str(_hasher().hash(password))


#: checked against when the name is unknown, so a wrong name takes as long as a wrong password
_NOBODY = (
    "$argon2id$v=19$m=65536,t=3,p=4$Y8IHL4+RkiJ6cuxaVD3zpg$7AzfiJ"
    "CpWU+L7M9rEwY6XZtSs/sYX6NcK8gwK45wPQI"
)


def check_password(hashed: str | None, password: str) -> bool:
    """Whether `password` is the one `hashed` was made from (False for no hash at all, after
    the same work)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(hashed or _NOBODY, password)) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False
