"""What to do later, as the plan's steps say (R7, C2.1, C3), and when it was done."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sopan.store.base import Database, stamp
from sopan.store.rows import FollowUp


class FollowUps(Database):
    """Follow-ups noted after a reply went out."""

    def add_follow_ups(
        self, invitation_id: int, items: Sequence[tuple[str, datetime, str, str]]
    ) -> None:
        """(kind, due, text, guideline) of each thing to do later."""
        from sopan.store import schema as t

        if not items:
            return
        with self._tx() as db:
            db.execute(
                t.follow_ups.insert(),
                [
                    {
                        "invitation_id": invitation_id,
                        "kind": k,
                        "due_at": due.astimezone(UTC),
                        "text": text,
                        "guideline": g,
                    }
                    for k, due, text, g in items
                ],
            )

    def follow_ups(self, invitation_ids: Sequence[int] | None = None) -> list[FollowUp]:
        """Every follow-up not done, soonest first, with its invitation (only those of
        `invitation_ids` when given)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        f = t.follow_ups.c
        query = (
            select(t.follow_ups, t.invitations.c.company, t.invitations.c.position)
            .join(t.invitations, t.invitations.c.id == f.invitation_id)
            .where(f.done_at.is_(None))
            .order_by(f.due_at, f.id)
        )
        if invitation_ids is not None:
            query = query.where(f.invitation_id.in_(list(invitation_ids)))
        with self._tx() as db:
            rows = db.execute(query).mappings().all()
        return [
            FollowUp(r["id"], r["invitation_id"], r["kind"], stamp(r["due_at"]), r["text"],
                     r["guideline"], False, r["company"], r["position"])
            for r in rows
        ]  # fmt: skip

    def follow_up_done(self, follow_up_id: int, invitation_id: int, *, now: datetime) -> bool:
        """Mark one follow-up of this invitation done; whether there was one to mark."""
        from sqlalchemy import update

        from sopan.store import schema as t

        f = t.follow_ups.c
        with self._tx() as db:
            changed = db.execute(
                update(t.follow_ups)
                .where(f.id == follow_up_id, f.invitation_id == invitation_id,
                       f.done_at.is_(None))
                .values(done_at=now.astimezone(UTC))
            ).rowcount  # fmt: skip
        return bool(changed)
