"""A student's reply marked as sent, its follow-ups, and their reminders by e-mail (the jobs
of `sopan worker`).

The follow-ups and the jobs that remind of them are written in one transaction (the caller
adds the jobs with `defer`), so there is never a follow-up without its job nor a job without
its row. A reminder is claimed (a row in state 'sending', committed) before its mail goes and
settled after; a job that finds its reminder still 'sending' belongs to a worker that died
while sending, and marks it 'unknown' instead of sending again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sopan.store.privacy import Privacy

#: adds the jobs for (follow-up id, due) pairs inside the caller's transaction
Defer = Callable[[Any, list[tuple[int, int, datetime]]], None]


@dataclass(frozen=True)
class Reminder:
    """What a reminder's mail says and to whom."""

    follow_up: int
    owner: int
    case: int
    email: str
    name: str
    language: str
    text: str
    company: str | None
    position: str | None
    message_id: str


class Reminders(Privacy):
    """Follow-ups of a sent reply, and their reminders."""

    def mark_replied(
        self, case_id: int, items: Sequence[tuple[str, datetime, str, str]], *, now: datetime,
        defer: Defer | None,
    ) -> list[int] | None:  # fmt: skip
        """The student says the reply of `case_id` went: its follow-ups (kind, due, text,
        guideline) are kept, and with `defer` their reminder jobs in the same transaction.
        The follow-ups' ids; None when the case is not theirs."""
        from sqlalchemy import select

        from sopan.store import schema as t

        if self.scope.role != "student" or self.scope.account is None:
            return None
        me = self.scope.account
        with self._tx() as db:
            i = t.invitations.c
            found = db.execute(
                select(i.id).where(i.id == case_id, self.visible(t.invitations))
            ).scalar_one_or_none()
            if found is None or not items:
                return None if found is None else []
            ids = [
                int(db.execute(t.follow_ups.insert().values(
                    invitation_id=case_id, owner=me, kind=kind, due_at=due.astimezone(UTC),
                    text=text, guideline=guideline,
                ).returning(t.follow_ups.c.id)).scalar_one())
                for kind, due, text, guideline in items
            ]  # fmt: skip
            db.execute(t.events.insert().values(at=now.astimezone(UTC), kind="replied",
                                                invitation_id=case_id, owner=me))  # fmt: skip
            if defer is not None:
                defer(db, [(fid, me, due) for fid, (_, due, _, _) in zip(ids, items, strict=True)])
        return ids

    def claim_reminder(
        self, follow_up: int, *, purpose: str, domain: str, now: datetime
    ) -> Reminder | str:
        """Claim the reminder of `follow_up` (as sopan itself): what to send, or why nothing
        is to be sent ('sent', 'failed', 'skipped', or 'unknown' when an earlier worker died
        while sending: it may have gone, so it is not sent again)."""
        from email.utils import make_msgid

        from sqlalchemy import select, update

        from sopan.store import hosted_schema as h
        from sopan.store import schema as t

        assert self.scope.is_system, "reminders are sent by sopan itself"
        at = now.astimezone(UTC)
        r, f, a, c = h.reminders.c, t.follow_ups.c, h.accounts.c, h.consents.c
        with self._tx() as db:
            state = db.execute(select(r.state).where(r.follow_up_id == follow_up)).scalar()
            if state == "sending":
                db.execute(update(h.reminders).where(r.follow_up_id == follow_up)
                           .values(state="unknown", settled_at=at))  # fmt: skip
                return "unknown"
            if state is not None:
                return str(state)
            row = db.execute(
                select(f.owner, f.invitation_id, f.text, f.done_at, a.email, a.display_name,
                       a.name, a.language, a.disabled_at, t.invitations.c.company,
                       t.invitations.c.position)
                .join(h.accounts, a.id == f.owner)
                .join(t.invitations, t.invitations.c.id == f.invitation_id)
                .where(f.id == follow_up)
            ).one_or_none()  # fmt: skip
            if row is None:
                return "skipped"  # the follow-up, its case or its student is gone
            consented = db.execute(
                select(c.id).where(c.owner == row.owner, c.purpose == purpose,
                                   c.withdrawn_at.is_(None))
            ).first()  # fmt: skip
            message_id = make_msgid("reminder", domain=domain)
            go = consented and row.done_at is None and row.email and row.disabled_at is None
            db.execute(h.reminders.insert().values(
                owner=row.owner, follow_up_id=follow_up, state="sending" if go else "skipped",
                message_id=message_id if go else None, created_at=at,
                settled_at=None if go else at,
            ))  # fmt: skip
        if not go:
            return "skipped"
        return Reminder(
            follow_up, int(row.owner), int(row.invitation_id), str(row.email),
            str(row.display_name or row.name), str(row.language), str(row.text),
            row.company, row.position, message_id,
        )  # fmt: skip

    def settle_reminder(self, reminder: Reminder, state: str, *, now: datetime) -> None:
        """The reminder's outcome; a sent one is in the student's audit trail."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        at = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(update(h.reminders)
                       .where(h.reminders.c.follow_up_id == reminder.follow_up)
                       .values(state=state, settled_at=at))  # fmt: skip
            if state == "sent":
                self._audit(db, "send", now=now, subject=reminder.owner,
                            target=f"reminder:{reminder.follow_up}")  # fmt: skip

    def reminder_states(self) -> dict[int, str]:
        """Each of this scope's follow-ups reminded, and how it went."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        r = h.reminders.c
        with self._tx() as db:
            rows = db.execute(select(r.follow_up_id, r.state).where(self.visible(h.reminders)))
            return {int(i): str(s) for i, s in rows}
