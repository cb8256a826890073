"""The hosted mode's accounts, the browsers signed in with them, and failed sign-ins.

These tables are read before anyone is signed in, so they are not under row-level security;
what they hold is no student's case: a name, a role, an argon2 hash (never a password), the
SHA-256 digest of a sign-in's token (never the token)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sopan.store.scope import ScopedStore


@dataclass(frozen=True)
class Account:
    """An account, without its password hash."""

    id: int
    name: str
    role: str
    display_name: str | None
    email: str | None
    language: str
    issuer: str | None
    subject: str | None
    created_at: datetime
    disabled: bool

    def as_json(self) -> dict[str, Any]:
        """What `sopan admin user list --json` prints."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "display_name": self.display_name,
            "email": self.email,
            "language": self.language,
            "sign_in": "oidc" if self.subject else "password",
            "created_at": self.created_at.isoformat(),
            "disabled": self.disabled,
        }


@dataclass(frozen=True)
class SignIn:
    """A signed-in browser: its account and its form token."""

    account: Account
    csrf: str
    expires_at: datetime


def digest(token: str) -> str:
    """What the table keeps of a token: its SHA-256, so the database holds nothing a browser
    could present."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _account(row: Any) -> Account:
    from sopan.store.base import stamp

    r = row._mapping
    return Account(
        r["id"], r["name"], r["role"], r["display_name"], r["email"], r["language"],
        r["issuer"], r["subject"], stamp(r["created_at"]), r["disabled_at"] is not None,
    )  # fmt: skip


class Accounts(ScopedStore):
    """Accounts, sign-ins and failed sign-ins."""

    def add_account(
        self, name: str, role: str, *, now: datetime, password_hash: str | None = None,
        display_name: str | None = None, email: str | None = None, language: str = "id",
        issuer: str | None = None, subject: str | None = None,
    ) -> Account:  # fmt: skip
        """A new account; a name already taken raises the database's IntegrityError."""
        from sopan.store import hosted_schema as h

        with self._tx() as db:
            new = db.execute(
                h.accounts.insert().values(
                    name=name, role=role, password_hash=password_hash, display_name=display_name,
                    email=email, language=language, issuer=issuer, subject=subject,
                    created_at=now.astimezone(UTC),
                ).returning(h.accounts.c.id)
            ).scalar_one()  # fmt: skip
        found = self.account(int(new))
        assert found is not None
        return found

    def account(self, account_id: int) -> Account | None:
        """The account with this number."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            row = db.execute(select(h.accounts).where(h.accounts.c.id == account_id)).first()
        return _account(row) if row else None

    def account_named(self, name: str) -> tuple[Account, str | None] | None:
        """The account called `name` and its password hash (None: it signs in elsewhere)."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            row = db.execute(select(h.accounts).where(h.accounts.c.name == name)).first()
        return (_account(row), row._mapping["password_hash"]) if row else None

    def set_password_hash(self, account_id: int, old: str, new: str) -> bool:
        """Replace an account's password hash `old` with `new`; whether it was (not when the
        password was changed meanwhile)."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        a = h.accounts.c
        with self._tx() as db:
            done = db.execute(
                update(h.accounts).where(a.id == account_id, a.password_hash == old)
                .values(password_hash=new)
            ).rowcount  # fmt: skip
        return bool(done)

    def account_of(self, issuer: str, subject: str) -> Account | None:
        """The account the provider `issuer` knows as `subject`."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        a = h.accounts.c
        with self._tx() as db:
            row = db.execute(
                select(h.accounts).where(a.issuer == issuer, a.subject == subject)
            ).first()
        return _account(row) if row else None

    def set_role(self, account_id: int, role: str) -> None:
        """The role the provider's claim now gives the account."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            db.execute(update(h.accounts).where(h.accounts.c.id == account_id).values(role=role))

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            rows = db.execute(select(h.accounts).order_by(h.accounts.c.name)).all()
        return [_account(r) for r in rows]

    def disable_account(self, name: str, *, now: datetime) -> Account | None:
        """Disable the account called `name` and end its sign-ins at once; None: no such."""
        from sqlalchemy import delete, update

        from sopan.store import hosted_schema as h

        a = h.accounts.c
        with self._tx() as db:
            changed = db.execute(
                update(h.accounts).where(a.name == name).values(disabled_at=now.astimezone(UTC))
                .returning(a.id)
            ).scalar_one_or_none()  # fmt: skip
            if changed is None:
                return None
            db.execute(delete(h.sessions).where(h.sessions.c.account_id == changed))
        return self.account(int(changed))

    # --- sign-ins ----------------------------------------------------------------------

    def open_session(
        self, account_id: int, token: str, csrf: str, *, now: datetime, lasts: timedelta
    ) -> None:
        """Keep a new sign-in of `account_id`, known by the digest of `token`."""
        from sopan.store import hosted_schema as h

        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(
                h.sessions.insert().values(digest=digest(token), account_id=account_id,
                                           csrf=csrf, created_at=at, expires_at=at + lasts)
            )  # fmt: skip

    def session(self, token: str, *, now: datetime) -> SignIn | None:
        """The sign-in `token` presents, when it has not expired and its account is enabled."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h
        from sopan.store.base import stamp

        s = h.sessions.c
        with self._tx() as db:
            row = db.execute(
                select(h.accounts, s.csrf, s.expires_at)
                .join(h.sessions, s.account_id == h.accounts.c.id)
                .where(s.digest == digest(token), s.expires_at > now.astimezone(UTC),
                       h.accounts.c.disabled_at.is_(None))
            ).first()  # fmt: skip
        if row is None:
            return None
        return SignIn(_account(row), row._mapping["csrf"], stamp(row._mapping["expires_at"]))

    def close_session(self, token: str) -> None:
        """Sign out: the sign-in is forgotten, its cookie is worth nothing any more."""
        from sqlalchemy import delete

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            db.execute(delete(h.sessions).where(h.sessions.c.digest == digest(token)))

    # --- failed sign-ins -----------------------------------------------------------------

    def failures(self, keys: list[str], *, since: datetime) -> int:
        """How many sign-ins failed for any of `keys` since `since` (the oldest forgotten)."""
        from sqlalchemy import delete, func, select

        from sopan.store import hosted_schema as h

        f = h.login_failures.c
        with self._tx() as db:
            db.execute(delete(h.login_failures).where(f.at < since.astimezone(UTC)))
            found = db.execute(
                select(f.key, func.count()).where(f.key.in_(keys)).group_by(f.key)
            ).all()
        return max((int(n) for _, n in found), default=0)

    def failed(self, keys: list[str], *, now: datetime) -> None:
        """A sign-in failed for each of `keys` (the name tried, the address it came from)."""
        from sopan.store import hosted_schema as h

        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(h.login_failures.insert(), [{"key": k, "at": at} for k in keys])
