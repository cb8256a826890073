"""A student's mailboxes in the hosted mode: the IMAP settings a scan job reads, the
password only sealed (`hosted.mailkey`). A mailbox and the first job that scans it are
written in one transaction (the caller's `defer`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sopan.store.base import utc
from sopan.store.scope import ScopedStore

#: adds the scan job of (mailbox id, owner) inside the caller's transaction; whether it did
DeferScan = Callable[[Any, int, int], bool]


@dataclass(frozen=True)
class MailboxRow:
    """A student's mailbox, as the student and the scan job see it."""

    id: int
    owner: int
    host: str
    port: int
    security: str
    username: str
    folder: str
    secret: bytes
    scanned_at: datetime | None
    looked: int | None
    error: str | None

    @property
    def account(self) -> str:
        """How the store names this mailbox's cursor and its invitations' sources: by its
        number, so two students naming the same server account never meet."""
        return f"mailbox-{self.id}"

    def as_json(self) -> dict[str, Any]:
        """The mailbox as `GET /api/me/mailboxes` lists it (never its secret)."""
        return {
            "id": self.id, "host": self.host, "port": self.port, "security": self.security,
            "username": self.username, "folder": self.folder,
            "scanned_at": self.scanned_at.isoformat() if self.scanned_at else None,
            "looked": self.looked, "error": self.error,
        }  # fmt: skip


class Mailboxes(ScopedStore):
    """A student's mailboxes."""

    def add_mailbox(
        self, *, host: str, port: int, security: str, username: str, folder: str,
        secret: bytes, now: datetime, defer: DeferScan | None,
    ) -> int | None:  # fmt: skip
        """Keep a mailbox of this student (the same server account and folder again: its
        settings and password replaced) and, with `defer`, its first scan's job, in one
        transaction. Its id; None for anyone but a student."""
        from sqlalchemy import select, update

        from sopan.store import hosted_schema as h

        if self.scope.role != "student" or self.scope.account is None:
            return None
        m = h.mailboxes.c
        with self._tx() as db:
            known = db.execute(
                select(m.id).where(m.host == host, m.username == username, m.folder == folder,
                                   self.visible(h.mailboxes))
            ).scalar()  # fmt: skip
            values = {"port": port, "security": security, "secret": secret, "error": None}
            if known is None:
                known = db.execute(
                    h.mailboxes.insert().values(
                        owner=self.scope.account, host=host, username=username, folder=folder,
                        created_at=now.astimezone(UTC), **values,
                    ).returning(m.id)
                ).scalar_one()  # fmt: skip
            else:
                db.execute(update(h.mailboxes).where(m.id == known).values(**values))
            if defer is not None:
                defer(db, int(known), self.scope.account)
        return int(known)

    def mailboxes(self) -> list[MailboxRow]:
        """This scope's mailboxes (every student's, for sopan itself)."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            rows = db.execute(
                select(h.mailboxes).where(self.visible(h.mailboxes)).order_by(h.mailboxes.c.id)
            ).mappings().all()  # fmt: skip
        return [_row(r) for r in rows]

    def mailbox(self, mailbox_id: int) -> MailboxRow | None:
        """One mailbox this scope may see, None otherwise."""
        return next((m for m in self.mailboxes() if m.id == mailbox_id), None)

    def queue_scan(self, mailbox_id: int, defer: DeferScan) -> bool | None:
        """A scan of one of this student's mailboxes, queued: whether `defer` added one;
        None when the mailbox is not theirs."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        m = h.mailboxes.c
        with self._tx() as db:
            found = db.execute(
                select(m.id, m.owner).where(m.id == mailbox_id, self.visible(h.mailboxes))
            ).first()
            if found is None or self.scope.role != "student":
                return None
            return defer(db, int(found[0]), int(found[1]))

    def remove_mailbox(self, mailbox_id: int) -> bool:
        """Forget one of this student's mailboxes, its sealed password with it (what its
        scans found stays, as the student's cases); whether it was theirs."""
        from sqlalchemy import delete

        from sopan.store import hosted_schema as h
        from sopan.store import schema as t

        if self.scope.role != "student":
            return False
        with self._tx() as db:
            gone = db.execute(
                delete(h.mailboxes).where(h.mailboxes.c.id == mailbox_id,
                                          self.visible(h.mailboxes))
            ).rowcount  # fmt: skip
            if gone:
                c = t.mailbox_cursors.c
                db.execute(
                    delete(t.mailbox_cursors).where(
                        c.account == f"mailbox-{mailbox_id}", self.visible(t.mailbox_cursors)
                    )
                )
        return bool(gone)

    def scanned(
        self, mailbox_id: int, *, now: datetime, looked: int | None, error: str | None
    ) -> None:
        """How the last scan of a mailbox went."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        with self._tx() as db:
            db.execute(
                update(h.mailboxes)
                .where(h.mailboxes.c.id == mailbox_id, self.visible(h.mailboxes))
                .values(scanned_at=now.astimezone(UTC), looked=looked, error=error)
            )


def _row(r: Any) -> MailboxRow:
    return MailboxRow(
        int(r["id"]), int(r["owner"]), r["host"], int(r["port"]), r["security"], r["username"],
        r["folder"], bytes(r["secret"]), utc(r["scanned_at"]), r["looked"], r["error"],
    )  # fmt: skip
