"""The mailbox scan's memory: how far each folder was read, and the invitations it found.

Every query is held to `visible` (all rows in the local mode, the scope's own in the hosted
one, where PostgreSQL's policies hold it again)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sopan.errors import UserError
from sopan.store.base import Database, utc
from sopan.store.rows import Found


class Inbox(Database):
    """UID cursors per folder and the raw invitations a scan kept."""

    def cursor(self, account: str, folder: str, uidvalidity: int) -> int:
        """The last UID read in this folder; 0 when never read, or when its UIDVALIDITY
        changed (the UIDs mean other messages now: read it again from the start)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        c = t.mailbox_cursors.c
        with self._tx() as db:
            row = db.execute(
                select(c.uidvalidity, c.last_uid).where(
                    c.account == account, c.folder == folder, self.visible(t.mailbox_cursors)
                )
            ).first()
        if row is None or int(row[0]) != uidvalidity:
            return 0
        return int(row[1])

    def move_cursor(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Remember how far the folder was read."""
        self.keep_scanned(account, folder, uidvalidity, last_uid, [], now=None)

    def keep_scanned(
        self, account: str, folder: str, uidvalidity: int, last_uid: int,
        found: list[dict[str, Any]], *, now: datetime | None,
    ) -> list[int]:  # fmt: skip
        """The invitations found in one batch of a folder's mail (each `found`'s keywords)
        and how far the folder was read, in one transaction: a scan cut short anywhere
        resumes after the last batch kept, with nothing lost and nothing kept twice. The
        invitations' ids."""
        from sqlalchemy import delete

        from sopan.store import schema as t

        c = t.mailbox_cursors.c
        with self._tx() as db:
            ids = [self._found(db, now=now or datetime.now(UTC), **f) for f in found]
            db.execute(
                delete(t.mailbox_cursors).where(
                    c.account == account, c.folder == folder, self.visible(t.mailbox_cursors)
                )
            )
            db.execute(t.mailbox_cursors.insert().values(account=account, folder=folder,
                       uidvalidity=uidvalidity, last_uid=last_uid))  # fmt: skip
        return ids

    def found(
        self, *, facts: dict[str, Any], source: str, raw: bytes, now: datetime,
        subject: str | None = None,
    ) -> int:  # fmt: skip
        """Keep an invitation a mailbox scan found (no decision yet); its id. Found again
        (the folder read anew after its UIDVALIDITY changed), it is the one kept before."""
        with self._tx() as db:
            return self._found(db, facts=facts, source=source, raw=raw, now=now, subject=subject)

    def _found(
        self, db: Any, *, facts: dict[str, Any], source: str, raw: bytes, now: datetime,
        subject: str | None = None,
    ) -> int:  # fmt: skip
        from sqlalchemy import select

        from sopan.store import schema as t

        start = facts.get("start")
        known = db.execute(
            select(t.invitations.c.id).where(
                t.invitations.c.source == source, self.visible(t.invitations)
            )
        ).first()
        if known is not None:
            return int(known[0])
        row = db.execute(
            t.invitations.insert().values(
                created_at=now.astimezone(UTC), source=source,
                message_id=facts.get("message_id"), subject=subject,
                company=facts.get("company"), position=facts.get("position"),
                start=datetime.fromisoformat(start).astimezone(UTC) if start else None,
                facts=facts, raw=raw,
            )
        )  # fmt: skip
        return int(row.inserted_primary_key[0])

    def found_in(self, prefix: str) -> list[Found]:
        """The invitations found in one mailbox (their source starts with `prefix`)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        i = t.invitations.c
        with self._tx() as db:
            rows = db.execute(
                select(i.id, i.message_id, i.subject, i.company, i.position, i.start, i.facts)
                .where(i.source.startswith(prefix), self.visible(t.invitations))
            ).all()  # fmt: skip
        return [Found(id_, mid, subject, company, position, utc(start), facts)
                for id_, mid, subject, company, position, start, facts in rows]  # fmt: skip

    def raw(self, invitation_id: int) -> bytes:
        """The message an invitation was read from, when a mailbox scan kept it."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            found = db.execute(
                select(t.invitations.c.raw).where(
                    t.invitations.c.id == invitation_id, self.visible(t.invitations)
                )
            ).first()
        if found is None or found[0] is None:
            raise UserError("store.no_message", id=invitation_id)
        return bytes(found[0])
