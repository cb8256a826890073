"""What Indonesia's Personal Data Protection Law (UU 27/2022) asks of a centre hosting its
students: consent per purpose, with the version of the text read and when, withdrawable at
once; everything kept about a student, to take away; their account and data erased; closed
cases erased after the retention period; and an append-only audit log, each student's own
part visible to them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sopan.store.base import stamp
from sopan.store.scope import ScopedStore

#: every table holding a student's rows, by the column naming them, children first (the
#: export reads them all, the erasure empties them all)
STUDENT_TABLES: tuple[tuple[str, str], ...] = (
    ("remarks", "owner"),
    ("shares", "owner"),
    ("outbox", "owner"),
    ("drafts", "owner"),
    ("decisions", "owner"),
    ("reminders", "owner"),
    ("follow_ups", "owner"),
    ("contacts", "owner"),
    ("events", "owner"),
    ("invitations", "owner"),
    ("mailbox_cursors", "owner"),
    ("mailboxes", "owner"),
    ("student_calendars", "owner"),
    ("career_postings", "owner"),
    ("career_watches", "owner"),
    ("career_kept", "owner"),
    ("career_todos", "owner"),
    ("consents", "owner"),
    ("sessions", "account_id"),
)


#: what the export leaves out: a mailbox's password, sealed with a key the student never
#: holds, is nothing they could use (they gave it, and give it again to a new service)
UNEXPORTED = {("mailboxes", "secret")}


def _table(name: str) -> Any:
    from sopan.store import career
    from sopan.store import hosted_schema as h
    from sopan.store import schema as t

    for module in (t, h, career):
        if hasattr(module, name):
            return getattr(module, name)
    raise KeyError(name)


def _plain(value: Any) -> Any:
    """A value as JSON holds it (bytes are exported as files, beside it)."""
    if isinstance(value, datetime):
        return stamp(value).isoformat()
    return value


class Privacy(ScopedStore):
    """Consent, the audit log, export, erasure and retention."""

    def _audit(
        self, db: Any, action: str, *, now: datetime, subject: int | None, target: str | None
    ) -> None:
        """One line of the audit log, in the transaction `db` of what it records."""
        from sopan.store import hosted_schema as h

        db.execute(
            h.audit.insert().values(at=now.astimezone(UTC), actor=self.scope.account,
                                    role=self.scope.role, subject=subject, action=action,
                                    target=target)
        )  # fmt: skip

    def audit(
        self, action: str, *, now: datetime, subject: int | None = None, target: str | None = None
    ) -> None:
        """Record an action (an export, a send, a sign-in by an admin) in the audit log."""
        with self._tx() as db:
            self._audit(db, action, now=now, subject=subject, target=target)

    def audit_log(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """The audit log as this scope may read it (an auditor: all of it; a student: what
        was done with their data), newest first."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        a = h.audit.c
        if self.scope.role not in ("auditor", "student"):
            return []
        with self._tx() as db:
            rows = db.execute(
                select(a.id, a.at, a.actor, a.role, a.subject, a.action, a.target)
                .where(self.visible(h.audit)).order_by(a.id.desc()).limit(limit)
            ).all()  # fmt: skip
        keys = ("id", "at", "actor", "role", "subject", "action", "target")
        return [{k: _plain(v) for k, v in zip(keys, r, strict=True)} for r in rows]

    # --- consent ---------------------------------------------------------------------------

    def give_consent(self, purpose: str, version: str, *, now: datetime) -> None:
        """This student consents to `purpose`, having read the text of `version`."""
        from sopan.store import hosted_schema as h

        with self._tx() as db:
            db.execute(
                h.consents.insert().values(owner=self.scope.account, purpose=purpose,
                                           version=version, given_at=now.astimezone(UTC))
            )  # fmt: skip
            self._audit(db, "consent", now=now, subject=self.scope.account, target=purpose)

    def withdraw_consent(self, purpose: str, *, now: datetime) -> None:
        """Withdraw consent to `purpose`; for counselling, every share ends in the same
        transaction, so no counsellor sees a case a moment longer."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        c, s = h.consents.c, h.shares.c
        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(
                update(h.consents).where(c.owner == self.scope.account, c.purpose == purpose,
                                         c.withdrawn_at.is_(None), self.visible(h.consents))
                .values(withdrawn_at=at)
            )  # fmt: skip
            if purpose == "counselling":
                db.execute(
                    update(h.shares).where(s.owner == self.scope.account, s.revoked_at.is_(None),
                                           self.visible(h.shares)).values(revoked_at=at)
                )  # fmt: skip
            self._audit(db, "withdraw", now=now, subject=self.scope.account, target=purpose)

    def consented(self, purpose: str) -> bool:
        """Whether this student's consent to `purpose` stands."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        c = h.consents.c
        with self._tx() as db:
            found = db.execute(
                select(c.id).where(c.owner == self.scope.account, c.purpose == purpose,
                                   c.withdrawn_at.is_(None), self.visible(h.consents))
            ).first()  # fmt: skip
        return found is not None

    def consents(self) -> list[dict[str, Any]]:
        """Every consent this student gave, with its version and times."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        c = h.consents.c
        with self._tx() as db:
            rows = db.execute(
                select(c.purpose, c.version, c.given_at, c.withdrawn_at)
                .where(self.visible(h.consents)).order_by(c.id)
            ).all()  # fmt: skip
        return [
            {"purpose": p, "version": v, "given_at": _plain(g), "withdrawn_at": _plain(w)}
            for p, v, g, w in rows
        ]

    # --- export, erasure, retention ------------------------------------------------------------

    def everything(self) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes]]:
        """Every row sopan keeps about this student, table by table, and the files among
        them (a message as received, a draft's file) by the name the export gives them."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        me = self.scope.account
        tables: dict[str, list[dict[str, Any]]] = {}
        files: dict[str, bytes] = {}
        with self._tx() as db:
            account = db.execute(select(h.accounts).where(h.accounts.c.id == me)).mappings().one()
            tables["account"] = [{k: _plain(v) for k, v in account.items() if k != "password_hash"}]
            for name, column in STUDENT_TABLES:
                table = _table(name)
                if name == "sessions":
                    continue  # a sign-in's digest is nothing of the student's
                rows = db.execute(
                    select(table).where(table.c[column] == me).order_by(table.c.id)
                ).mappings().all()  # fmt: skip
                out = []
                for row in rows:
                    plain: dict[str, Any] = {}
                    for key, value in row.items():
                        if (name, key) in UNEXPORTED:
                            continue
                        if isinstance(value, bytes | memoryview):
                            path = f"files/{name}/{row['id']}-{key}"
                            files[path] = bytes(value)
                            plain[key] = path
                        else:
                            plain[key] = _plain(value)
                    out.append(plain)
                tables[name] = out
            a = h.audit.c
            audit = db.execute(
                select(h.audit).where(a.subject == me).order_by(a.id)
            ).mappings().all()  # fmt: skip
            tables["audit"] = [{k: _plain(v) for k, v in r.items()} for r in audit]
        return tables, files

    def erase_account(self, *, now: datetime) -> None:
        """Delete this student's account and every row of theirs, table by table, in one
        transaction. The audit log keeps that it happened, under the account's number only."""
        from sqlalchemy import delete

        from sopan.store import hosted_schema as h

        me = self.scope.account
        with self._tx() as db:
            for name, column in STUDENT_TABLES:
                table = _table(name)
                db.execute(delete(table).where(table.c[column] == me))
            # what counsellors wrote about the student's cases went with the cases
            db.execute(delete(h.accounts).where(h.accounts.c.id == me))
            self._audit(db, "erase", now=now, subject=me, target=f"account:{me}")

    def erase_closed(self, *, before: datetime, now: datetime) -> int:
        """Erase (as sopan itself) every case whose interview, or making when it has no date,
        is older than `before`: the retention period is over. How many."""
        from sqlalchemy import and_, delete, func, or_, select

        from sopan.store import schema as t

        assert self.scope.is_system, "retention runs as sopan itself"
        i = t.invitations.c
        cutoff = before.astimezone(UTC)
        old = or_(i.start < cutoff, and_(i.start.is_(None), i.created_at < cutoff))
        with self._tx() as db:
            owners = db.execute(
                select(i.owner, func.count()).where(old, i.owner.is_not(None)).group_by(i.owner)
            ).all()
            gone = db.execute(delete(t.invitations).where(old, i.owner.is_not(None))).rowcount
            for owner, count in owners:
                self._audit(db, "retention", now=now, subject=owner, target=f"cases:{count}")
        return int(gone)
