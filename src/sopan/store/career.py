"""What `sopan career` keeps, and only because the person asked: the sources they watch,
the postings seen there (to show only what is new, and to count the skills asked for), a
profile's keywords and the postings they checked (`--keep`), and their own learning to-dos.
It reads the history the rest of sopan keeps: the companies declined or cancelled with, the
recruiters and when they were last written to, an offer accepted.

The tables are on the store's one `metadata` (revisions 0003 and 0009); every method is one
transaction of the `Store` it is given, and every query is held to the store's `visible`
(every row in the local mode; in the hosted mode the student's own, which PostgreSQL's
policies hold again, and which a row written gets as its owner).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from sopan.store.schema import STAMP, metadata

if TYPE_CHECKING:
    from sopan.store import Store

#: a source watched, with its filters (`sopan career watch add`)
career_watches = Table(
    "career_watches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", STAMP, nullable=False),
    Column("source", String(2000), nullable=False),
    Column("keywords", JSON, nullable=False),
    Column("location", String(300)),
    Column("last_run_at", STAMP),
    #: the student's, in the hosted mode (revision 0009); empty in the local mode
    Column("owner", Integer, index=True),
    UniqueConstraint("owner", "source", name="uq_career_watch_source"),
)

#: a posting seen by a watch, once however many sources and runs show it (its key)
career_postings = Table(
    "career_postings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False),
    Column("watch_id", Integer, ForeignKey("career_watches.id", ondelete="SET NULL")),
    Column("first_seen_at", STAMP, nullable=False),
    Column("last_seen_at", STAMP, nullable=False),
    Column("title", Text, nullable=False),
    Column("company", String(300)),
    Column("location", String(300)),
    Column("url", Text),
    #: the known skills it asks for, by key
    Column("skills", JSON, nullable=False),
    Column("owner", Integer, index=True),
    UniqueConstraint("owner", "key", name="uq_career_posting_key"),
)

#: what the person asked to keep: their profile's keywords ("profile", one), a posting they
#: checked ("target")
career_kept = Table(
    "career_kept",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("kept_at", STAMP, nullable=False),
    Column("label", Text, nullable=False),
    Column("terms", JSON, nullable=False),
    Column("owner", Integer, index=True),
)

#: the person's own note of a course or certificate, as a to-do with a date (R10.2)
career_todos = Table(
    "career_todos",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", STAMP, nullable=False),
    Column("due_at", STAMP, nullable=False),
    Column("text", Text, nullable=False),
    Column("guideline", String(10), nullable=False),
    Column("done_at", STAMP),
    Column("owner", Integer, index=True),
)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Seen:
    """A posting a run found, as the store is told of it."""

    key: str
    title: str
    company: str | None
    location: str | None
    url: str | None
    skills: Sequence[str]


class CareerStore:
    """The career tables and the history they read, over one `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _mine(self, table: Table) -> Any:
        """The rows of `table` the store may see (`Database.visible`): the one place the
        career tables are scoped."""
        return self.store.visible(table)

    # --- watches -------------------------------------------------------------------------

    def add_watch(
        self, source: str, keywords: Sequence[str], location: str | None, now: datetime,
        defer: Callable[[Any, int], object] | None = None,
    ) -> tuple[int, bool]:  # fmt: skip
        """The watch of `source`: its id, and whether it was added now (False: it was
        already watched, and is left as it was); with `defer`, its first run's job in the
        same transaction (the hosted mode's)."""
        from sqlalchemy import select

        c = career_watches.c
        with self.store._tx() as db:
            known = db.execute(
                select(c.id).where(c.source == source, self._mine(career_watches))
            ).first()
            if known is not None:
                return int(known[0]), False
            row = db.execute(
                career_watches.insert().values(
                    created_at=now.astimezone(UTC),
                    source=source,
                    keywords=list(keywords),
                    location=location,
                )
            )
            made = int(row.inserted_primary_key[0])
            if defer is not None:
                defer(db, made)
            return made, True

    def queue_watch(self, watch_id: int, defer: Callable[[Any, int], bool]) -> bool | None:
        """A run of one watch this store may see, queued by `defer` in this transaction:
        whether one was added; None when there is no such watch."""
        from sqlalchemy import select

        c = career_watches.c
        with self.store._tx() as db:
            found = db.execute(
                select(c.id).where(c.id == watch_id, self._mine(career_watches))
            ).first()
            return None if found is None else defer(db, watch_id)

    def remove_watch(self, watch_id: int) -> bool:
        """Stop watching one source this store may see; whether there was one. What it found
        stays (its postings lose their watch)."""
        from sqlalchemy import delete

        c = career_watches.c
        with self.store._tx() as db:
            gone = db.execute(
                delete(career_watches).where(c.id == watch_id, self._mine(career_watches))
            )
            return bool(gone.rowcount)

    def postings(self, limit: int = 200) -> list[dict[str, Any]]:
        """The postings the watches found, newest first."""
        from sqlalchemy import select

        c = career_postings.c
        with self.store._tx() as db:
            rows = db.execute(
                select(c.id, c.watch_id, c.title, c.company, c.location, c.url, c.first_seen_at)
                .where(self._mine(career_postings))
                .order_by(c.first_seen_at.desc(), c.id.desc())
                .limit(limit)
            ).mappings().all()  # fmt: skip
        return [{**dict(r), "first_seen_at": _utc(r["first_seen_at"])} for r in rows]

    def watches(self) -> list[dict[str, Any]]:
        """Every watch, oldest first."""
        from sqlalchemy import select

        with self.store._tx() as db:
            rows = (
                db.execute(
                    select(career_watches)
                    .where(self._mine(career_watches))
                    .order_by(career_watches.c.id)
                )
                .mappings()
                .all()
            )
        return [{**dict(r), "last_run_at": _utc(r["last_run_at"])} for r in rows]

    def record_run(self, watch_id: int, found: Sequence[Seen], now: datetime) -> list[str]:
        """Keep what a watch's run found; the keys never seen before, by any watch or run."""
        from sqlalchemy import select, update

        c = career_postings.c
        stamp = now.astimezone(UTC)
        keys = list(dict.fromkeys(s.key for s in found))
        with self.store._tx() as db:
            known: set[str] = set()
            for i in range(0, len(keys), 500):  # a query's parameters are bounded
                chunk = keys[i : i + 500]
                mine = self._mine(career_postings)
                known.update(r[0] for r in db.execute(select(c.key).where(c.key.in_(chunk), mine)))
            new = [k for k in keys if k not in known]
            fresh = {s.key: s for s in found if s.key in set(new)}
            if fresh:
                db.execute(
                    career_postings.insert(),
                    [
                        {
                            "key": s.key,
                            "watch_id": watch_id,
                            "first_seen_at": stamp,
                            "last_seen_at": stamp,
                            "title": s.title[:2000],
                            "company": s.company,
                            "location": (s.location or "")[:300] or None,
                            "url": s.url,
                            "skills": list(s.skills),
                        }
                        for s in fresh.values()
                    ],
                )
            seen = sorted(known)
            for i in range(0, len(seen), 500):
                db.execute(
                    update(career_postings)
                    .where(c.key.in_(seen[i : i + 500]), self._mine(career_postings))
                    .values(last_seen_at=stamp)
                )
            db.execute(
                update(career_watches)
                .where(career_watches.c.id == watch_id, self._mine(career_watches))
                .values(last_run_at=stamp)
            )
        return new

    def posting_skills(self) -> list[tuple[str, list[str]]]:
        """Each posting seen by a watch: "title — company" and its skills' keys."""
        from sqlalchemy import select

        c = career_postings.c
        with self.store._tx() as db:
            rows = db.execute(
                select(c.title, c.company, c.skills)
                .where(self._mine(career_postings))
                .order_by(c.id)
            ).all()
        return [(" — ".join(v for v in (t, co) if v), list(s or [])) for t, co, s in rows]

    # --- what the person kept -----------------------------------------------------------

    def keep(self, kind: str, label: str, keys: Sequence[str], now: datetime) -> None:
        """Keep a profile's keywords (replacing the one kept before) or a checked posting."""
        from sqlalchemy import delete

        with self.store._tx() as db:
            if kind == "profile":
                db.execute(
                    delete(career_kept).where(
                        career_kept.c.kind == "profile", self._mine(career_kept)
                    )
                )
            db.execute(
                career_kept.insert().values(
                    kind=kind, kept_at=now.astimezone(UTC), label=label, terms=list(keys)
                )
            )

    def kept(self, kind: str) -> list[tuple[str, list[str]]]:
        """(label, keys) of what was kept of `kind`, oldest first."""
        from sqlalchemy import select

        c = career_kept.c
        with self.store._tx() as db:
            rows = db.execute(
                select(c.label, c.terms)
                .where(c.kind == kind, self._mine(career_kept))
                .order_by(c.id)
            ).all()
        return [(str(label), list(keys or [])) for label, keys in rows]

    def add_todo(self, text: str, due: datetime, guideline: str, now: datetime) -> int:
        """The person's own note as a to-do with a date; its id."""
        with self.store._tx() as db:
            row = db.execute(
                career_todos.insert().values(
                    created_at=now.astimezone(UTC),
                    due_at=due.astimezone(UTC),
                    text=text,
                    guideline=guideline,
                )
            )
            return int(row.inserted_primary_key[0])

    def todos(self) -> list[dict[str, Any]]:
        """The to-dos not done, soonest first."""
        from sqlalchemy import select

        c = career_todos.c
        with self.store._tx() as db:
            rows = (
                db.execute(
                    select(career_todos)
                    .where(c.done_at.is_(None), self._mine(career_todos))
                    .order_by(c.due_at, c.id)
                )
                .mappings()
                .all()
            )
        return [{**dict(r), "due_at": _utc(r["due_at"])} for r in rows]

    # --- the history the rest of sopan keeps --------------------------------------------

    def declined(self) -> list[tuple[str, str, datetime]]:
        """(company, action, when) of every invitation whose latest decision was to decline
        or cancel."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self.store._tx() as db:
            rows = db.execute(
                select(
                    t.invitations.c.company,
                    t.decisions.c.invitation_id,
                    t.decisions.c.action,
                    t.decisions.c.created_at,
                )
                .join(t.invitations, t.invitations.c.id == t.decisions.c.invitation_id)
                .where(self._mine(t.decisions), self._mine(t.invitations))
                .order_by(t.decisions.c.id)
            ).all()
        latest = {inv: (company, action, at) for company, inv, action, at in rows}
        return [
            (str(c), a, _utc(at) or at)
            for c, a, at in latest.values()
            if c and a in ("decline", "cancel")
        ]

    def accepted_offer(self) -> datetime | None:
        """When the person last told sopan they accepted another offer, if ever."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self.store._tx() as db:
            rows = db.execute(
                select(t.decisions.c.situation, t.decisions.c.created_at).where(
                    self._mine(t.decisions)
                )
            ).all()
        found = [
            _utc(at)
            for s, at in rows
            if isinstance(s, dict) and s.get("reason") == "accepted-offer"
        ]
        return max((f for f in found if f), default=None)

    def recruiters(self) -> list[dict[str, Any]]:
        """The contacts of sopan's invitations (newest first), each with its company, when
        its invitation was kept, and when sopan last sent it something."""
        from sqlalchemy import func, select

        from sopan.store import schema as t

        with self.store._tx() as db:
            people = (
                db.execute(
                    select(
                        t.contacts.c.name,
                        t.contacts.c.email,
                        t.contacts.c.phone,
                        t.contacts.c.linkedin,
                        t.contacts.c.invitation_id,
                        t.invitations.c.company,
                        t.invitations.c.created_at,
                    )
                    .join(t.invitations, t.invitations.c.id == t.contacts.c.invitation_id)
                    .where(self._mine(t.contacts), self._mine(t.invitations))
                    .order_by(t.invitations.c.created_at.desc())
                )
                .mappings()
                .all()
            )
            sent = dict(
                db.execute(
                    select(t.decisions.c.invitation_id, func.max(t.outbox.c.updated_at))
                    .join(t.drafts, t.drafts.c.decision_id == t.decisions.c.id)
                    .join(t.outbox, t.outbox.c.draft_id == t.drafts.c.id)
                    .where(t.outbox.c.state == "sent", self._mine(t.outbox))
                    .group_by(t.decisions.c.invitation_id)
                ).all()
            )
        return [
            {
                **dict(p),
                "created_at": _utc(p["created_at"]),
                "last_written": _utc(sent.get(p["invitation_id"])),
            }
            for p in people
        ]

    def companies(self) -> list[str]:
        """Every company sopan has an invitation from, newest first."""
        from sqlalchemy import select

        from sopan.store import schema as t

        with self.store._tx() as db:
            rows = db.execute(
                select(t.invitations.c.company)
                .where(self._mine(t.invitations))
                .order_by(t.invitations.c.created_at.desc())
            ).all()
        return list(dict.fromkeys(str(r[0]) for r in rows if r[0]))
