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

#: the outbox states of an email that was handed to the mail server (or may have been)
ANSWERED = ("sending", "sent", "unknown")


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

    def cases_of(
        self, owner: str, now: datetime, limit: int | None = None
    ) -> tuple[list[CaseSummary], int]:
        """`owner`'s cases, the most urgent first, with what their kept drafts became (each
        channel's outbox state, the channels marked done, the first follow-up still to do),
        and how many there are. The order: a follow-up that is due (soonest first), then the
        interviews still to come and not yet answered (soonest first), then the rest (newest
        first); a closed case is never urgent. Ordered and cut to `limit` in the database, so
        only the cases shown are read (five queries, however many cases)."""
        from sqlalchemy import and_, case, exists, func, not_, or_, select

        from sopan.store import schema as t

        c, f, e, o = t.cases.c, t.follow_ups.c, t.events.c, t.outbox.c
        at = now.astimezone(UTC)
        due = (
            select(func.min(f.due_at))
            .where(f.invitation_id == c.invitation_id, f.done_at.is_(None))
            .scalar_subquery()
        )
        handed = (
            exists()
            .where(t.decisions.c.invitation_id == c.invitation_id)
            .where(t.drafts.c.decision_id == t.decisions.c.id, o.draft_id == t.drafts.c.id)
            .where(o.state.in_(ANSWERED))
        )
        marked = exists().where(e.invitation_id == c.invitation_id, e.kind == "done")
        closed = c.state["closed"].as_string()
        # a case with no drafts kept is decided on its own row (most are: nothing to look up)
        group = case(
            (closed.is_not(None), 2),
            (c.invitation_id.is_(None), case((c.start > at, 1), else_=2)),
            (due <= at, 0),
            (and_(c.start > at, not_(or_(handed, marked))), 1),
            else_=2,
        )
        soonest = case((group == 0, due), (group == 1, c.start), else_=None)
        query = (
            select(c.key, c.created_at, c.updated_at, c.source, c.company, c.position,
                   c.start, c.invitation_id, closed)
            .where(c.owner == owner)
            .order_by(group, soonest, c.created_at.desc(), c.id.desc())
            .limit(limit)
        )  # fmt: skip
        with self._tx() as db:
            total = db.execute(
                select(func.count()).select_from(t.cases).where(c.owner == owner)
            ).scalar_one()
            rows = [tuple(r) for r in db.execute(query).all()]  # a Row looks its names up
            kept = [r[7] for r in rows if r[7] is not None]
            sent: dict[int, dict[str, str]] = {}
            done: dict[int, set[str]] = {}
            first: dict[int, datetime] = {}
            if kept:
                for invitation_id, channel, state in db.execute(
                    select(t.decisions.c.invitation_id, t.drafts.c.channel, o.state)
                    .join(t.drafts, t.drafts.c.decision_id == t.decisions.c.id)
                    .join(t.outbox, o.draft_id == t.drafts.c.id)
                    .where(t.decisions.c.invitation_id.in_(kept))
                    .order_by(t.drafts.c.id)
                ):
                    sent.setdefault(invitation_id, {})[channel] = state
                for invitation_id, channel in db.execute(
                    select(e.invitation_id, e.detail)
                    .where(e.invitation_id.in_(kept), e.kind == "done")
                ):  # fmt: skip
                    done.setdefault(invitation_id, set()).add(str(channel))
                for invitation_id, soon in db.execute(
                    select(f.invitation_id, func.min(f.due_at))
                    .where(f.invitation_id.in_(kept), f.done_at.is_(None))
                    .group_by(f.invitation_id)
                ):  # fmt: skip
                    first[invitation_id] = stamp(soon)
        out = []
        for key, created, updated, source, company, position, start, kept_id, closed in rows:
            out.append(
                CaseSummary(
                    key, stamp(created), stamp(updated), source, company, position, utc(start),
                    kept_id, sent.get(kept_id, {}) if kept_id else {},
                    frozenset(done.get(kept_id, ())) if kept_id else frozenset(),
                    first.get(kept_id) if kept_id else None, closed or None,
                )
            )  # fmt: skip
        return out, total
