"""The outbox: what keeps a message from going twice. A draft gets one outbox row, made
(`claim`) and committed before the first byte goes to the mail server; a second claim of the
same draft fails on the database's unique key, however many processes try at once."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sopan.store.base import Database, event
from sopan.store.rows import Claim, StoredDraft


def _owner() -> str:
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


class Outbox(Database):
    """Taking a draft to send, and what became of it."""

    def claim(self, draft: StoredDraft, *, now: datetime) -> Claim:
        """Take the draft for sending: its outbox row, committed before anything is sent.

        The state returned is the one before: "new" (this process sends), "failed" (the
        last attempt surely did not go out: this one sends), or "sent", "sending",
        "unknown" (nothing is sent: the caller says why)."""
        from sqlalchemy import select, update
        from sqlalchemy.exc import IntegrityError

        from sopan.store import schema as t

        at = now.astimezone(UTC)
        message_id = draft.message_id or ""
        try:
            with self._tx() as db:
                db.execute(
                    t.outbox.insert().values(draft_id=draft.id, state="sending",
                                             message_id=message_id, updated_at=at,
                                             detail=_owner())
                )  # fmt: skip
                event(db, "sending", at, invitation_id=draft.invitation_id, draft_id=draft.id)
            return Claim(draft.id, "new", message_id)
        except IntegrityError:
            pass
        with self._tx() as db:
            state, detail = db.execute(
                select(t.outbox.c.state, t.outbox.c.detail).where(t.outbox.c.draft_id == draft.id)
            ).one()
            if state == "failed":  # taken again, by one process only (compare and set)
                taken = db.execute(
                    update(t.outbox)
                    .where(t.outbox.c.draft_id == draft.id, t.outbox.c.state == "failed")
                    .values(state="sending", updated_at=at, detail=_owner())
                ).rowcount
                if taken:
                    event(db, "sending", at, invitation_id=draft.invitation_id, draft_id=draft.id)
                return Claim(draft.id, "failed" if taken else "sending", message_id)
        return Claim(draft.id, str(state), message_id, detail if state == "sending" else None)

    def outbox_state(self, draft_id: int) -> str:
        """The draft's outbox state, "draft" when it was never taken for sending."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            found = db.execute(
                select(t.outbox.c.state).where(t.outbox.c.draft_id == draft_id)
            ).scalar()
        return str(found) if found else "draft"

    def settle(self, draft: StoredDraft, state: str, *, now: datetime, detail: str = "") -> None:
        """The outcome of an attempt: "sent", "failed" (surely not sent) or "unknown"."""
        from sqlalchemy import update

        from sopan.store import schema as t

        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(
                update(t.outbox)
                .where(t.outbox.c.draft_id == draft.id)
                .values(state=state, updated_at=at, detail=detail or None)
            )
            event(db, state, at, invitation_id=draft.invitation_id, draft_id=draft.id,
                  detail=detail or None)  # fmt: skip

    def sent_replies(self, message_ids: list[str]) -> set[str]:
        """Which invitations (by Message-ID) have a reply sent by sopan."""
        from sqlalchemy import select

        from sopan.store import schema as t

        if not message_ids:
            return set()
        with self._tx() as db:
            rows = db.execute(
                select(t.invitations.c.message_id)
                .join(t.decisions, t.decisions.c.invitation_id == t.invitations.c.id)
                .join(t.drafts, t.drafts.c.decision_id == t.decisions.c.id)
                .join(t.outbox, t.outbox.c.draft_id == t.drafts.c.id)
                .where(t.outbox.c.state == "sent", t.invitations.c.message_id.in_(message_ids))
            ).all()  # fmt: skip
        return {str(r[0]) for r in rows}
