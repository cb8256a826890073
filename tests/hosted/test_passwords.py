"""Local passwords: Argon2id with OWASP's first recommended parameters; a hash made with
older ones signs in and is made again with today's; an unknown name costs what a wrong
password costs."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from hosted.conftest import NOW
from sopan.errors import UserError
from sopan.hosted.auth import local_sign_in
from sopan.hosted.passwords import _NOBODY, hash_password, needs_rehash
from sopan.store.scope import NOBODY, SYSTEM, Hosted

PASSWORD = "kata-sandi-lama-123"


def _parameters(hashed: str) -> str:
    return hashed.split("$")[3]


def test_new_hashes_use_owasps_parameters_and_so_does_the_unknown_names() -> None:
    made = hash_password(PASSWORD)
    assert _parameters(made) == "m=19456,t=2,p=1"
    # a wrong name is checked against a hash of the same cost as a real one
    assert _parameters(_NOBODY) == _parameters(made)
    assert not needs_rehash(made) and not needs_rehash(_NOBODY)


def test_an_older_hash_signs_in_and_is_made_again(database: str) -> None:
    hosted = Hosted(database, pool_size=2)
    old = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(PASSWORD)
    assert needs_rehash(old)
    account = hosted.store(SYSTEM).add_account("rina", "student", now=NOW, password_hash=old)
    store = hosted.store(NOBODY)
    # a wrong password changes nothing
    with pytest.raises(UserError) as refused:
        local_sign_in(store, "rina", "salah-sekali-123", address="a", now=NOW, limit=5)
    assert refused.value.code == "login.wrong"
    assert store.account_named("rina")[1] == old  # type: ignore[index]
    assert local_sign_in(store, "rina", PASSWORD, address="a", now=NOW, limit=5).id == account.id
    kept = store.account_named("rina")[1]  # type: ignore[index]
    assert kept != old and _parameters(kept) == "m=19456,t=2,p=1"
    # the same password signs in against the new hash, and only it
    assert local_sign_in(store, "rina", PASSWORD, address="a", now=NOW, limit=5).id == account.id
    assert store.account_named("rina")[1] == kept  # type: ignore[index]
    with pytest.raises(VerifyMismatchError):
        PasswordHasher().verify(kept, "salah-sekali-123")
