"""A hosted centre's store, seen through a scope: the students' cases (each a kept
invitation), what they share and with whom, what counsellors said, consent, and the audit
log. Every query here is held to `self.visible(table)` (`store.scope`), and PostgreSQL's
policies hold it again; a case another account may not see is as absent as one never made.

Reading a student's case as someone else is written in the audit log here, in the same
transaction as the read, so no read escapes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sopan.errors import UserError
from sopan.store.accounts import Accounts
from sopan.store.base import stamp
from sopan.store.centre import CentreStore
from sopan.store.mailboxes import Mailboxes
from sopan.store.reminders import Reminders
from sopan.store.student_calendars import StudentCalendars


@dataclass(frozen=True)
class CaseLine:
    """A case in a list: what it is about and with whom it is shared."""

    id: int
    owner: int
    created_at: datetime
    company: str | None
    position: str | None
    start: datetime | None
    shared_with: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        """The case as `GET /api/cases` lists it."""
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "company": self.company,
            "position": self.position,
            "start": self.start.isoformat() if self.start else None,
            "shared_with": list(self.shared_with),
        }


@dataclass(frozen=True)
class Remark:
    """What a counsellor said on a case."""

    id: int
    author: int
    kind: str
    text: str | None
    at: datetime


class People(Accounts, Reminders, Mailboxes, StudentCalendars, CentreStore):
    """The hosted store: accounts, cases, shares, remarks, consent, audit, export, erasure."""

    # --- cases ---------------------------------------------------------------------------

    def cases(self) -> list[CaseLine]:
        """Every case this scope may see, newest first."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h
        from sopan.store import schema as t

        i, s = t.invitations.c, h.shares.c
        with self._tx() as db:
            rows = db.execute(
                select(i.id, i.owner, i.created_at, i.company, i.position, i.start)
                .where(self.visible(t.invitations))
                .order_by(i.created_at.desc(), i.id.desc())
            ).all()
            shared: dict[int, list[int]] = {}
            ids = [r[0] for r in rows]
            if ids:
                for invitation_id, counsellor in db.execute(
                    select(s.invitation_id, s.counsellor_id).where(
                        s.invitation_id.in_(ids), s.revoked_at.is_(None),
                        self.visible(h.shares),
                    )
                ):  # fmt: skip
                    shared.setdefault(invitation_id, []).append(counsellor)
        lines = []
        for r in rows:
            start = stamp(r[5]) if r[5] else None
            lines.append(CaseLine(r[0], r[1], stamp(r[2]), r[3], r[4], start,
                                  tuple(shared.get(r[0], ()))))  # fmt: skip
        return lines

    def owner_of(self, case_id: int) -> int | None:
        """Whose case `case_id` is, when this scope may see it; None otherwise."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            found = db.execute(
                select(t.invitations.c.owner).where(
                    t.invitations.c.id == case_id, self.visible(t.invitations)
                )
            ).first()
        return None if found is None else int(found[0])

    def message_of(self, case_id: int) -> bytes | None:
        """The message of case `case_id` when this scope may see it (None otherwise): what
        `owner_of` and `raw` find, in one query."""
        from sqlalchemy import select

        from sopan.store import schema as t

        i = t.invitations.c
        with self._tx() as db:
            found = db.execute(
                select(i.raw).where(i.id == case_id, self.visible(t.invitations))
            ).first()
        if found is None:
            return None
        if found[0] is None:
            raise UserError("store.no_message", id=case_id)
        return bytes(found[0])

    def case(self, case_id: int, *, now: datetime) -> dict[str, Any] | None:
        """A case as `sopan show --json` shows an invitation, with the remarks on it; None
        when this scope may not see it. Someone else's read is audited."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        owner = self.owner_of(case_id)
        if owner is None:
            return None
        shown = self.show(case_id).as_json()
        if self.scope.role == "counsellor":  # their view holds no outbox, event or follow-up
            shown = {k: v for k, v in shown.items() if k not in ("follow_ups", "events")}
            for draft in shown["drafts"]:
                draft.pop("state", None)
        r = h.remarks.c
        with self._tx() as db:
            remarks = db.execute(
                select(r.id, r.author_id, r.kind, r.text, r.at)
                .where(r.invitation_id == case_id, self.visible(h.remarks)).order_by(r.id)
            ).all()  # fmt: skip
            if self.scope.account != owner:
                self._audit(db, "read", now=now, subject=owner, target=f"case:{case_id}")
        shown["owner"] = owner
        shown["remarks"] = [
            {"id": i, "author": a, "kind": k, "text": x, "at": stamp(at).isoformat()}
            for i, a, k, x, at in remarks
        ]
        return shown

    def decide(
        self, case_id: int, *, action: str, situation: dict[str, Any], plan: dict[str, Any],
        drafts: list[dict[str, Any]], now: datetime, **_kept: Any,
    ) -> int | None:  # fmt: skip
        """Keep a decision and its drafts (each with its file) for one of this student's
        cases (`app.keeping.kept_values`); its id, None when the case is not theirs."""
        from sqlalchemy import literal, select

        from sopan.store import schema as t

        if self.scope.role != "student" or self.scope.account is None:
            return None
        at = now.astimezone(UTC)
        d, i = t.decisions.c, t.invitations.c
        # the decision is made only from the student's own case: the check and the insert
        # are one statement (one round trip)
        theirs = select(
            i.id, literal(at, d.created_at.type), literal(action, d.action.type),
            literal(situation, d.situation.type), literal(plan, d.plan.type),
        ).where(
            i.id == case_id, i.owner == self.scope.account, self.visible(t.invitations)
        )  # fmt: skip
        with self._tx() as db:
            made = db.execute(
                t.decisions.insert()
                .from_select(["invitation_id", "created_at", "action", "situation", "plan"], theirs)
                .returning(d.id)
            ).first()  # fmt: skip
            if made is None:
                return None
            decision = made[0]
            if drafts:
                rows = [{**d, "decision_id": decision, "created_at": at} for d in drafts]
                db.execute(t.drafts.insert(), rows)
            db.execute(t.events.insert().values(at=at, kind="drafted", invitation_id=case_id))
        return int(decision)

    def delete_case(self, case_id: int, *, now: datetime) -> bool:
        """Delete one of this student's cases with all that hangs on it; whether it was."""
        from sqlalchemy import delete

        from sopan.store import schema as t

        if self.scope.role != "student":
            return False
        with self._tx() as db:
            gone = db.execute(
                delete(t.invitations).where(
                    t.invitations.c.id == case_id, self.visible(t.invitations)
                )
            ).rowcount
            if gone:
                self._audit(db, "delete", now=now, subject=self.scope.account,
                            target=f"case:{case_id}")  # fmt: skip
        return bool(gone)

    # --- shares and remarks ----------------------------------------------------------------

    def share(self, case_id: int, counsellor: int, *, now: datetime) -> bool:
        """Show one of this student's cases to `counsellor` (an enabled counsellor's account);
        whether it is shared now. Without the counselling consent nothing is shared."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        if self.scope.role != "student" or self.owner_of(case_id) is None:
            return False
        if not self.consented("counselling"):
            return False
        a, s = h.accounts.c, h.shares.c
        with self._tx() as db:
            fit = db.execute(
                select(a.id).where(a.id == counsellor, a.role == "counsellor",
                                   a.disabled_at.is_(None))
            ).first()  # fmt: skip
            if fit is None:
                return False
            already = db.execute(
                select(s.id).where(s.invitation_id == case_id, s.counsellor_id == counsellor,
                                   s.revoked_at.is_(None), self.visible(h.shares))
            ).first()  # fmt: skip
            if already is None:
                db.execute(
                    h.shares.insert().values(
                        owner=self.scope.account, invitation_id=case_id,
                        counsellor_id=counsellor, created_at=now.astimezone(UTC),
                    )
                )  # fmt: skip
                self._audit(db, "share", now=now, subject=self.scope.account,
                            target=f"case:{case_id}")  # fmt: skip
        return True

    def unshare(self, case_id: int, *, now: datetime) -> int:
        """Stop showing a case to anyone; how many shares ended."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        s = h.shares.c
        with self._tx() as db:
            ended = db.execute(
                update(h.shares).where(s.invitation_id == case_id, s.revoked_at.is_(None),
                                       s.owner == self.scope.account, self.visible(h.shares))
                .values(revoked_at=now.astimezone(UTC))
            ).rowcount  # fmt: skip
            if ended:
                self._audit(db, "unshare", now=now, subject=self.scope.account,
                            target=f"case:{case_id}")  # fmt: skip
        return int(ended)

    def remark(self, case_id: int, kind: str, text: str | None, *, now: datetime) -> bool:
        """A counsellor's comment, approval or 'seen' on a case shared with them now."""
        from sopan.store import hosted_schema as h

        if self.scope.role != "counsellor":
            return False
        owner = self.owner_of(case_id)
        if owner is None:
            return False
        with self._tx() as db:
            db.execute(
                h.remarks.insert().values(owner=owner, invitation_id=case_id,
                                          author_id=self.scope.account, kind=kind, text=text,
                                          at=now.astimezone(UTC))
            )  # fmt: skip
            self._audit(db, kind, now=now, subject=owner, target=f"case:{case_id}")
        return True

    def remarks_on(self, case_id: int) -> list[Remark]:
        """The remarks on a case this scope may see."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        r = h.remarks.c
        with self._tx() as db:
            rows = db.execute(
                select(r.id, r.author_id, r.kind, r.text, r.at)
                .where(r.invitation_id == case_id, self.visible(h.remarks)).order_by(r.id)
            ).all()  # fmt: skip
        return [Remark(i, a, k, x, stamp(at)) for i, a, k, x, at in rows]
