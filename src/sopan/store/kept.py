"""Invitations kept with the decisions made for them and their drafts; the event log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sopan.errors import UserError
from sopan.store.base import Database, event, stamp, utc
from sopan.store.rows import DraftState, Event, FollowUp, HistoryRow, Record, StoredDraft


def _start(facts: dict[str, Any]) -> datetime | None:
    start = facts.get("start")
    return datetime.fromisoformat(start).astimezone(UTC) if start else None


class Kept(Database):
    """What was read, decided and drafted."""

    def record(
        self,
        *,
        facts: dict[str, Any],
        source: str,
        action: str,
        situation: dict[str, Any],
        plan: dict[str, Any],
        drafts: Sequence[dict[str, Any]],
        contact: dict[str, str | None],
        now: datetime,
        subject: str | None = None,
    ) -> int:
        """Keep an invitation, the decision made for it and its drafts; its id."""
        from sopan.store import schema as t

        at = now.astimezone(UTC)
        with self._tx() as db:
            found = db.execute(
                t.invitations.insert().values(
                    created_at=at, source=source, message_id=facts.get("message_id"),
                    subject=subject, company=facts.get("company"),
                    position=facts.get("position"), start=_start(facts), facts=facts,
                )
            )  # fmt: skip
            invitation_id = int(found.inserted_primary_key[0])
            if any(contact.values()):
                db.execute(t.contacts.insert().values(invitation_id=invitation_id, **contact))
        self.add_decision(invitation_id, action=action, situation=situation, plan=plan,
                    drafts=drafts, now=now)  # fmt: skip
        return invitation_id

    def add_decision(
        self,
        invitation_id: int,
        *,
        action: str,
        situation: dict[str, Any],
        plan: dict[str, Any],
        drafts: Sequence[dict[str, Any]],
        now: datetime,
        facts: dict[str, Any] | None = None,
    ) -> int:
        """A new decision for a kept invitation, with its drafts (the latest decision's are
        the ones sent); `facts`: the invitation as corrected since. The decision's id."""
        from sqlalchemy import update

        from sopan.store import schema as t

        at = now.astimezone(UTC)
        with self._tx() as db:
            if facts is not None:
                db.execute(
                    update(t.invitations).where(t.invitations.c.id == invitation_id).values(
                        facts=facts, company=facts.get("company"),
                        position=facts.get("position"), start=_start(facts),
                    )
                )  # fmt: skip
            decision = db.execute(
                t.decisions.insert().values(invitation_id=invitation_id, created_at=at,
                                            action=action, situation=situation, plan=plan)
            )  # fmt: skip
            decision_id = int(decision.inserted_primary_key[0])
            for draft in drafts:
                db.execute(t.drafts.insert().values(decision_id=decision_id, created_at=at,
                                                    **draft))  # fmt: skip
            event(db, "drafted", at, invitation_id=invitation_id)
        return decision_id

    def log(
        self,
        kind: str,
        *,
        now: datetime,
        invitation_id: int | None = None,
        draft_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        """One line of the event log."""
        with self._tx() as db:
            event(db, kind, now.astimezone(UTC), invitation_id=invitation_id,
                  draft_id=draft_id, detail=detail)  # fmt: skip

    def history(self) -> list[HistoryRow]:
        """Every invitation, newest first, with what was decided and what was sent (three
        queries, however many invitations are kept)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        i = t.invitations.c
        with self._tx() as db:
            rows = db.execute(
                select(i.id, i.created_at, i.company, i.position, i.start)
                .order_by(i.created_at.desc(), i.id.desc())
            ).all()  # fmt: skip
            decided: dict[int, str] = {}  # the latest decision's action, by invitation
            for invitation_id, action in db.execute(
                select(t.decisions.c.invitation_id, t.decisions.c.action).order_by(t.decisions.c.id)
            ):
                decided[invitation_id] = action
            sent: dict[int, dict[str, str]] = {}
            for invitation_id, channel, state in db.execute(
                select(t.decisions.c.invitation_id, t.drafts.c.channel, t.outbox.c.state)
                .join(t.drafts, t.drafts.c.decision_id == t.decisions.c.id)
                .join(t.outbox, t.outbox.c.draft_id == t.drafts.c.id)
                .order_by(t.drafts.c.id)
            ):
                sent.setdefault(invitation_id, {})[channel] = state
        return [
            HistoryRow(id_, stamp(created), company, position, utc(start), decided.get(id_),
                       sent.get(id_, {}))
            for id_, created, company, position, start in rows
        ]  # fmt: skip

    def drafts_of(self, invitation_id: int) -> list[StoredDraft]:
        """The drafts of an invitation's latest decision."""
        with self._tx() as db:
            return self._latest(db, invitation_id)[1]

    def _latest(self, db: Any, invitation_id: int, *also: Any) -> tuple[Any, list[StoredDraft]]:
        """The invitation's row (its start, then the columns `also` names) and the drafts of
        its latest decision, in two queries of the transaction `db`."""
        from sqlalchemy import func, select

        from sopan.store import schema as t

        head = db.execute(
            select(t.invitations.c.start, *also).where(t.invitations.c.id == invitation_id)
        ).first()
        if head is None:
            raise UserError("store.no_invitation", id=invitation_id)
        # the latest decision's drafts in one query (none when nothing was decided)
        latest = (
            select(func.max(t.decisions.c.id))
            .where(t.decisions.c.invitation_id == invitation_id)
            .scalar_subquery()
        )
        rows = (
            db.execute(
                select(t.drafts).where(t.drafts.c.decision_id == latest).order_by(t.drafts.c.id)
            )
            .mappings()
            .all()
        )
        return head, [
            StoredDraft(r["id"], invitation_id, r["channel"], r["text"], r["subject"],
                        r["message_id"], r["recipient"], r["file_name"], r["file"], r["lint"],
                        utc(head[0]))
            for r in rows
        ]  # fmt: skip

    def show(self, invitation_id: int) -> Record:
        """An invitation with its facts, drafts, outbox, follow-ups and events."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            head, drafts = self._latest(db, invitation_id, t.invitations.c.facts)
            facts = head[1]
            states = (
                dict(
                    db.execute(
                        select(t.outbox.c.draft_id, t.outbox.c.state).where(
                            t.outbox.c.draft_id.in_([d.id for d in drafts])
                        )
                    ).all()
                )
                if drafts
                else {}
            )
            events = db.execute(
                select(t.events.c.at, t.events.c.kind, t.events.c.detail, t.events.c.draft_id)
                .where(t.events.c.invitation_id == invitation_id)
                .order_by(t.events.c.id)
            ).all()
            follow = (
                db.execute(
                    select(t.follow_ups)
                    .where(t.follow_ups.c.invitation_id == invitation_id)
                    .order_by(t.follow_ups.c.due_at, t.follow_ups.c.id)
                )
                .mappings()
                .all()
            )
        return Record(
            invitation_id,
            facts,
            tuple(
                DraftState(
                    d.id, d.channel, d.subject, d.text, d.message_id, states.get(d.id, "draft")
                )
                for d in drafts
            ),
            tuple(
                FollowUp(
                    f["id"],
                    invitation_id,
                    f["kind"],
                    stamp(f["due_at"]),
                    f["text"],
                    f["guideline"],
                    f["done_at"] is not None,
                )
                for f in follow
            ),
            tuple(Event(stamp(at), kind, detail, draft) for at, kind, detail, draft in events),
        )
