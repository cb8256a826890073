"""The web app's cases: one per invitation a person brought, kept for the browser that made
it. A case holds the invitation as given and what the person typed and chose; its drafts,
once kept for sending, are an invitation of `Kept` (`invitation_id`), so the outbox, the
follow-ups and `sopan history` see them as they see the command line's.

`owner` is a digest of the browser's own identity (a cookie), never the identity itself:
the database holds nothing a browser could present."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sopan.store.base import Database, stamp, utc
from sopan.store.rows import CaseRow, CaseSummary


class Cases(Database):
    """A browser's cases: made, read, changed, listed."""

    def new_case(
        self, *, owner: str, key: str, source: str, data: bytes, now: datetime,
        state: dict[str, Any] | None = None,
    ) -> CaseRow:  # fmt: skip
        """Keep a new case for `owner` under the address `key`."""
        from sopan.store import schema as t

        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(
                t.cases.insert().values(key=key, owner=owner, created_at=at, updated_at=at,
                                        source=source, data=data, state=state or {})
            )  # fmt: skip
        found = self.browser_case(owner, key)
        assert found is not None
        return found

    def browser_case(self, owner: str, key: str) -> CaseRow | None:
        """The case at `key` when it is `owner`'s; None otherwise (another browser's case is
        as absent as one that never was)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        c = t.cases.c
        with self._tx() as db:
            row = db.execute(select(t.cases).where(c.key == key, c.owner == owner)).first()
        if row is None:
            return None
        r = row._mapping
        return CaseRow(
            r["id"], r["key"], stamp(r["created_at"]), stamp(r["updated_at"]), r["source"],
            bytes(r["data"]), dict(r["state"] or {}), r["company"], r["position"],
            utc(r["start"]), r["invitation_id"],
        )  # fmt: skip

    def save_case(
        self, owner: str, key: str, *, now: datetime, state: dict[str, Any] | None = None,
        summary: tuple[str | None, str | None, datetime | None] | None = None,
        invitation_id: int | None = None,
    ) -> bool:  # fmt: skip
        """Change a case of `owner`: what the person typed and chose (`state`), the company,
        position and start it was last read with (`summary`), its kept invitation. Whether
        there was such a case."""
        from sqlalchemy import update

        from sopan.store import schema as t

        values: dict[str, Any] = {"updated_at": now.astimezone(UTC)}
        if state is not None:
            values["state"] = state
        if summary is not None:
            company, position, start = summary
            values.update(company=(company or "")[:300] or None,
                          position=(position or "")[:300] or None,
                          start=start.astimezone(UTC) if start else None)  # fmt: skip
        if invitation_id is not None:
            values["invitation_id"] = invitation_id
        c = t.cases.c
        with self._tx() as db:
            changed = db.execute(
                update(t.cases).where(c.key == key, c.owner == owner).values(**values)
            ).rowcount
        return bool(changed)

    def forget_case(self, owner: str, key: str) -> bool:
        """Delete a case of `owner` (what was sent stays in the history); whether it was."""
        from sqlalchemy import delete

        from sopan.store import schema as t

        c = t.cases.c
        with self._tx() as db:
            return bool(db.execute(delete(t.cases).where(c.key == key, c.owner == owner)).rowcount)

    def cases_of(self, owner: str, now: datetime) -> list[CaseSummary]:
        """Every case of `owner`, with what its kept drafts became: each channel's outbox
        state, the channels marked done, and its first follow-up still to do (four
        queries, however many cases; of what the person typed, only whether they closed it,
        read inside the database: the list never decodes a thousand states)."""
        from sqlalchemy import func, select

        from sopan.store import schema as t

        c = t.cases.c
        with self._tx() as db:
            rows = db.execute(
                select(c.key, c.created_at, c.updated_at, c.source, c.company, c.position,
                       c.start, c.invitation_id, c.state["closed"].as_string())
                .where(c.owner == owner)
            ).all()  # fmt: skip
            rows = [tuple(r) for r in rows]  # plain tuples: a Row looks its names up
            kept = [r[7] for r in rows if r[7] is not None]
            sent: dict[int, dict[str, str]] = {}
            done: dict[int, set[str]] = {}
            due: dict[int, datetime] = {}
            if kept:
                for invitation_id, channel, state in db.execute(
                    select(t.decisions.c.invitation_id, t.drafts.c.channel, t.outbox.c.state)
                    .join(t.drafts, t.drafts.c.decision_id == t.decisions.c.id)
                    .join(t.outbox, t.outbox.c.draft_id == t.drafts.c.id)
                    .where(t.decisions.c.invitation_id.in_(kept))
                    .order_by(t.drafts.c.id)
                ):
                    sent.setdefault(invitation_id, {})[channel] = state
                e = t.events.c
                for invitation_id, channel in db.execute(
                    select(e.invitation_id, e.detail)
                    .where(e.invitation_id.in_(kept), e.kind == "done")
                ):  # fmt: skip
                    done.setdefault(invitation_id, set()).add(str(channel))
                f = t.follow_ups.c
                for invitation_id, first in db.execute(
                    select(f.invitation_id, func.min(f.due_at))
                    .where(f.invitation_id.in_(kept), f.done_at.is_(None))
                    .group_by(f.invitation_id)
                ):  # fmt: skip
                    due[invitation_id] = stamp(first)
        out = []
        for key, created, updated, source, company, position, start, kept_id, closed in rows:
            out.append(
                CaseSummary(
                    key, stamp(created), stamp(updated), source, company, position, utc(start),
                    kept_id, sent.get(kept_id, {}) if kept_id else {},
                    frozenset(done.get(kept_id, ())) if kept_id else frozenset(),
                    due.get(kept_id) if kept_id else None, closed or None,
                )
            )  # fmt: skip
        return out
