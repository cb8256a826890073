"""What sopan remembers: invitations read, decisions, drafts, the outbox, contacts,
follow-ups and an event log, in SQLite (a private file in the user's data folder) or in
PostgreSQL when `SOPAN_DATABASE_URL` names one. The tables are migrated with Alembic.

The outbox is what keeps a message from going twice: a draft gets one outbox row, made
(`claim`) and committed before the first byte goes to the mail server; a second claim of the
same draft fails on the database's unique key, however many processes try at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sopan.errors import SopanError, UserError

#: the environment variable naming another database (postgresql+psycopg://…)
URL_VARIABLE = "SOPAN_DATABASE_URL"
#: how long a write waits for another sopan holding the database before it says so
BUSY_SECONDS = 5.0
#: the newest revision in `migrations/versions` (the suite checks that it is Alembic's head)
HEAD = "0005"


class StoreError(SopanError):
    """The database could not be used: locked, read-only, unreachable or damaged."""

    exit_code = 4


@dataclass(frozen=True)
class StoredDraft:
    """A draft as the store keeps it: what to send, exactly as it was reviewed."""

    id: int
    invitation_id: int
    channel: str
    text: str
    subject: str | None
    message_id: str | None
    recipient: str | None
    file_name: str | None
    file: bytes | None
    lint: dict[str, Any]
    interview_start: datetime | None


@dataclass(frozen=True)
class Claim:
    """The outbox row of a draft: its state before this attempt ("new" when there was none),
    and, for "sending", the process that took it (`host:pid`)."""

    draft_id: int
    state: str
    message_id: str
    owner: str | None = None

    def owner_alive(self) -> bool:
        """Whether the process that took the draft is still running on this machine (then
        it is sending now; a dead one left the outcome unknown)."""
        import socket

        host, _, pid = (self.owner or "").rpartition(":")
        if host != socket.gethostname() or not pid.isdigit():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # alive, another user's
            return True
        return True


def _owner() -> str:
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


def default_url() -> str:
    """`SOPAN_DATABASE_URL`, else a SQLite file in the user's data folder."""
    given = os.environ.get(URL_VARIABLE)
    if given:
        return given
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('sopan')) / 'sopan.db'}"


def _utc(value: datetime | None) -> datetime | None:
    """A time read back: SQLite forgets the zone of what was written in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _event(
    db: Any, kind: str, at: datetime, *, invitation_id: int | None = None,
    draft_id: int | None = None, detail: str | None = None,
) -> None:  # fmt: skip
    """One line of the event log, in the transaction `db`."""
    from sopan.store import schema as t

    db.execute(t.events.insert().values(at=at, kind=kind, invitation_id=invitation_id,
                                        draft_id=draft_id, detail=detail))  # fmt: skip


def _iso(value: datetime | None) -> str:
    """A stored time as ISO 8601 in UTC ("" when there is none)."""
    moment = _utc(value)
    return moment.isoformat() if moment else ""


class Store:
    """The database, migrated to the current schema; every method is one transaction."""

    def __init__(self, url: str | None = None):
        from sqlalchemy import create_engine, event

        self.url = url or default_url()
        kwargs: dict[str, Any] = {}
        if self.url.startswith("sqlite"):
            self._private_file()
            kwargs["connect_args"] = {"timeout": BUSY_SECONDS}
        self.engine = create_engine(self.url, **kwargs)
        if self.url.startswith("sqlite"):
            # SQLAlchemy's recipe for real transactions on SQLite: the driver's own handling
            # is turned off and every transaction is a BEGIN, so a migration (DDL included)
            # is applied whole or not at all
            @event.listens_for(self.engine, "connect")
            def _connect(connection: Any, _record: Any) -> None:
                connection.isolation_level = None
                cursor = connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()

            @event.listens_for(self.engine, "begin")
            def _begin(connection: Any) -> None:
                connection.exec_driver_sql("BEGIN")

        self.migrate()

    def _private_file(self) -> None:
        """The SQLite file and its folder, private before the first byte is written."""
        from sqlalchemy.engine import make_url

        url = make_url(self.url)
        name = url.database
        if not name or name == ":memory:" or url.query.get("uri") == "true":
            return  # in memory, or a URI the driver opens itself (mode=ro): nothing to create
        path = Path(name)
        from sopan._infra.files import private_folder

        private_folder(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """One transaction; a database that cannot be used is one line naming why."""
        from sqlalchemy.exc import OperationalError, SQLAlchemyError

        try:
            with self.engine.begin() as connection:
                yield connection
        except OperationalError as exc:
            why = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            if "locked" in why:
                why = f"another sopan holds it (waited {BUSY_SECONDS:g} s)"
            raise StoreError(f"store: cannot use the database: {why}") from None
        except SQLAlchemyError as exc:
            if type(exc).__name__ == "IntegrityError":
                raise
            raise StoreError(f"store: {type(exc).__name__}: {exc}".splitlines()[0]) from None

    def migrate(self) -> None:
        """Bring the schema to the newest revision. A database already there is told by one
        query, so Alembic (a fifth of a second to import) is loaded only to migrate."""
        if self._revision() == HEAD:
            return
        from importlib import resources

        from alembic import command
        from alembic.config import Config as AlembicConfig

        config = AlembicConfig()
        config.set_main_option(
            "script_location", str(resources.files("sopan.store").joinpath("migrations"))
        )
        with self._tx() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def _revision(self) -> str | None:
        """The revision the database is at, None when it has no Alembic table yet."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as connection:
                found = connection.execute(text("SELECT version_num FROM alembic_version"))
                return str(found.scalar_one_or_none() or "") or None
        except SQLAlchemyError:  # no table yet (a new database), or one that cannot be read
            return None

    # --- writing what happened ----------------------------------------------------------

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

        stamp = now.astimezone(UTC)
        with self._tx() as db:
            start = facts.get("start")
            found = db.execute(
                t.invitations.insert().values(
                    created_at=stamp,
                    source=source,
                    message_id=facts.get("message_id"),
                    subject=subject,
                    company=facts.get("company"),
                    position=facts.get("position"),
                    start=datetime.fromisoformat(start).astimezone(UTC) if start else None,
                    facts=facts,
                )
            )
            invitation_id = int(found.inserted_primary_key[0])
            decision = db.execute(
                t.decisions.insert().values(
                    invitation_id=invitation_id,
                    created_at=stamp,
                    action=action,
                    situation=situation,
                    plan=plan,
                )
            )
            decision_id = int(decision.inserted_primary_key[0])
            for draft in drafts:
                db.execute(
                    t.drafts.insert().values(decision_id=decision_id, created_at=stamp, **draft)
                )
            if any(contact.values()):
                db.execute(t.contacts.insert().values(invitation_id=invitation_id, **contact))
            _event(db, "drafted", stamp, invitation_id=invitation_id)
        return invitation_id

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
            _event(db, kind, now.astimezone(UTC), invitation_id=invitation_id,
                   draft_id=draft_id, detail=detail)  # fmt: skip

    # --- reading -------------------------------------------------------------------------

    def history(self) -> list[dict[str, Any]]:
        """Every invitation, newest first, with what was decided and what was sent (three
        queries, however many invitations are kept)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            rows = (
                db.execute(
                    select(t.invitations).order_by(
                        t.invitations.c.created_at.desc(), t.invitations.c.id.desc()
                    )
                )
                .mappings()
                .all()
            )
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
        out = []
        for row in rows:
            start = _utc(row["start"])
            out.append(
                {
                    "id": row["id"],
                    "created_at": _iso(row["created_at"]),
                    "company": row["company"],
                    "position": row["position"],
                    "start": start.isoformat() if start else None,
                    "action": decided.get(row["id"]),
                    "outbox": sent.get(row["id"], {}),
                }
            )
        return out

    def drafts_of(self, invitation_id: int) -> list[StoredDraft]:
        """The drafts of an invitation's latest decision."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            head = db.execute(
                select(t.invitations.c.start).where(t.invitations.c.id == invitation_id)
            ).first()
            if head is None:
                raise UserError(f"store: no invitation {invitation_id} (see `sopan history`)")
            decision = db.execute(
                select(t.decisions.c.id)
                .where(t.decisions.c.invitation_id == invitation_id)
                .order_by(t.decisions.c.id.desc())
            ).first()
            if decision is None:
                return []
            rows = (
                db.execute(
                    select(t.drafts)
                    .where(t.drafts.c.decision_id == decision[0])
                    .order_by(t.drafts.c.id)
                )
                .mappings()
                .all()
            )
        return [
            StoredDraft(
                r["id"],
                invitation_id,
                r["channel"],
                r["text"],
                r["subject"],
                r["message_id"],
                r["recipient"],
                r["file_name"],
                r["file"],
                r["lint"],
                _utc(head[0]),
            )
            for r in rows
        ]

    def show(self, invitation_id: int) -> dict[str, Any]:
        """An invitation with its facts, drafts, outbox, follow-ups and events."""
        from sqlalchemy import select

        from sopan.store import schema as t

        drafts = self.drafts_of(invitation_id)
        with self._tx() as db:
            facts = db.execute(
                select(t.invitations.c.facts).where(t.invitations.c.id == invitation_id)
            ).scalar_one()
            states = dict(
                db.execute(
                    select(t.outbox.c.draft_id, t.outbox.c.state).where(
                        t.outbox.c.draft_id.in_([d.id for d in drafts])
                    )
                ).all()
            )
            events = db.execute(
                select(t.events.c.at, t.events.c.kind, t.events.c.detail)
                .where(t.events.c.invitation_id == invitation_id)
                .order_by(t.events.c.id)
            ).all()
            follow = (
                db.execute(
                    select(t.follow_ups)
                    .where(t.follow_ups.c.invitation_id == invitation_id)
                    .order_by(t.follow_ups.c.due_at)
                )
                .mappings()
                .all()
            )
        return {
            "id": invitation_id,
            "invitation": facts,
            "drafts": [
                {
                    "id": d.id,
                    "channel": d.channel,
                    "subject": d.subject,
                    "text": d.text,
                    "message_id": d.message_id,
                    "state": states.get(d.id, "draft"),
                }
                for d in drafts
            ],
            "follow_ups": [
                {
                    "kind": f["kind"],
                    "due_at": _iso(f["due_at"]),
                    "text": f["text"],
                    "guideline": f["guideline"],
                    "done": f["done_at"] is not None,
                }
                for f in follow
            ],
            "events": [
                {"at": _iso(at), "kind": kind, "detail": detail} for at, kind, detail in events
            ],
        }

    # --- the outbox ----------------------------------------------------------------------

    def claim(self, draft: StoredDraft, *, now: datetime) -> Claim:
        """Take the draft for sending: its outbox row, committed before anything is sent.

        The state returned is the one before: "new" (this process sends), "failed" (the
        last attempt surely did not go out: this one sends), or "sent", "sending",
        "unknown" (nothing is sent: the caller says why)."""
        from sqlalchemy import select, update
        from sqlalchemy.exc import IntegrityError

        from sopan.store import schema as t

        stamp = now.astimezone(UTC)
        message_id = draft.message_id or ""
        try:
            with self._tx() as db:
                db.execute(
                    t.outbox.insert().values(
                        draft_id=draft.id,
                        state="sending",
                        message_id=message_id,
                        updated_at=stamp,
                        detail=_owner(),
                    )
                )
                _event(db, "sending", stamp, invitation_id=draft.invitation_id, draft_id=draft.id)
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
                    .values(state="sending", updated_at=stamp, detail=_owner())
                ).rowcount
                if taken:
                    _event(
                        db, "sending", stamp, invitation_id=draft.invitation_id, draft_id=draft.id
                    )
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

        stamp = now.astimezone(UTC)
        with self._tx() as db:
            db.execute(
                update(t.outbox)
                .where(t.outbox.c.draft_id == draft.id)
                .values(state=state, updated_at=stamp, detail=detail or None)
            )
            _event(db, state, stamp, invitation_id=draft.invitation_id, draft_id=draft.id,
                   detail=detail or None)  # fmt: skip

    # --- the mailbox scan ------------------------------------------------------------------

    def cursor(self, account: str, folder: str, uidvalidity: int) -> int:
        """The last UID read in this folder; 0 when never read, or when its UIDVALIDITY
        changed (the UIDs mean other messages now: read it again from the start)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        c = t.mailbox_cursors.c
        with self._tx() as db:
            row = db.execute(
                select(c.uidvalidity, c.last_uid).where(c.account == account, c.folder == folder)
            ).first()
        if row is None or int(row[0]) != uidvalidity:
            return 0
        return int(row[1])

    def move_cursor(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Remember how far the folder was read."""
        from sqlalchemy import delete

        from sopan.store import schema as t

        c = t.mailbox_cursors.c
        with self._tx() as db:
            db.execute(delete(t.mailbox_cursors).where(c.account == account, c.folder == folder))
            db.execute(t.mailbox_cursors.insert().values(account=account, folder=folder,
                       uidvalidity=uidvalidity, last_uid=last_uid))  # fmt: skip

    def found(
        self, *, facts: dict[str, Any], source: str, raw: bytes, now: datetime,
        subject: str | None = None,
    ) -> int:  # fmt: skip
        """Keep an invitation a mailbox scan found (no decision yet); its id. Found again
        (the folder read anew after its UIDVALIDITY changed), it is the one kept before."""
        from sqlalchemy import select

        from sopan.store import schema as t

        start = facts.get("start")
        with self._tx() as db:
            known = db.execute(
                select(t.invitations.c.id).where(t.invitations.c.source == source)
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

    def found_in(self, prefix: str) -> list[dict[str, Any]]:
        """The invitations found in one mailbox (their source starts with `prefix`)."""
        from sqlalchemy import select

        from sopan.store import schema as t

        i = t.invitations.c
        with self._tx() as db:
            rows = db.execute(
                select(i.id, i.message_id, i.subject, i.company, i.position, i.start, i.facts)
                .where(i.source.startswith(prefix))
            ).mappings().all()  # fmt: skip
        return [{**dict(r), "start": _utc(r["start"])} for r in rows]

    def raw(self, invitation_id: int) -> bytes:
        """The message an invitation was read from, when a mailbox scan kept it."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            found = db.execute(
                select(t.invitations.c.raw).where(t.invitations.c.id == invitation_id)
            ).first()
        if found is None or found[0] is None:
            raise UserError(f"store:{invitation_id}: no message kept for it (see `sopan inbox`)")
        return bytes(found[0])

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

    def follow_ups(self) -> list[dict[str, Any]]:
        """Every follow-up not done, soonest first, with its invitation."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self._tx() as db:
            rows = (
                db.execute(
                    select(t.follow_ups, t.invitations.c.company, t.invitations.c.position)
                    .join(t.invitations, t.invitations.c.id == t.follow_ups.c.invitation_id)
                    .where(t.follow_ups.c.done_at.is_(None))
                    .order_by(t.follow_ups.c.due_at)
                )
                .mappings()
                .all()
            )
        return [
            {
                "id": r["id"],
                "invitation_id": r["invitation_id"],
                "kind": r["kind"],
                "due_at": _iso(r["due_at"]),
                "text": r["text"],
                "guideline": r["guideline"],
                "company": r["company"],
                "position": r["position"],
            }
            for r in rows
        ]
