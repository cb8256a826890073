"""Whose rows a hosted transaction may touch: the one place every query of `sopan serve` and
`sopan worker` is scoped.

A `Scope` is the account a request (or a job) acts for and its role. `ScopedStore` is the
store seen through one: every transaction first tells PostgreSQL the account and the role
(`set_config`, local to the transaction), so the row-level security of revision 0004 holds
every query to them as a second wall, and a row written gets its owner from it; and the
hosted queries (`store.people`) add `visible(table)`, the same rule in SQL, as the first.

Roles: a student sees their own rows; a counsellor the cases shared with them now (the
invitation, its decisions and drafts, and the remarks on it), never the outbox, contacts,
follow-ups or mailbox; an admin and an auditor no student's row (the auditor reads the audit
log); `system` is sopan itself (the retention job), which sees every row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sopan.store import Store
from sopan.store.base import failures

if TYPE_CHECKING:
    from sopan.store.people import People

Role = Literal["student", "counsellor", "admin", "auditor"]
ROLES: tuple[Role, ...] = ("student", "counsellor", "admin", "auditor")


@dataclass(frozen=True)
class Scope:
    """The account a transaction acts for (None: sopan itself) and its role."""

    account: int | None
    role: str  # a Role, or "system"

    @property
    def is_system(self) -> bool:
        """Whether this is sopan itself, which sees every row."""
        return self.role == "system"


#: sopan itself: migrations' data, the retention job
SYSTEM = Scope(None, "system")
#: before anyone signed in: no student's row
NOBODY = Scope(None, "nobody")


def visible(table: Any, scope: Scope) -> Any:
    """The rows of `table` that `scope` may see, as a SQLAlchemy condition: the first wall,
    the same rule as revision 0004's policies."""
    from sqlalchemy import and_, false, select, true

    from sopan.store import hosted_schema as h
    from sopan.store import schema as t

    if scope.is_system:
        return true()
    me = scope.account
    if me is None:
        return false()
    if table is h.audit:
        return true() if scope.role == "auditor" else table.c.subject == me
    if scope.role == "student":
        return table.c.owner == me
    if scope.role != "counsellor":
        return false()
    s = h.shares.c
    shared = select(s.invitation_id).where(s.counsellor_id == me, s.revoked_at.is_(None))
    if table is h.shares:
        return s.counsellor_id == me
    if table is t.invitations:
        return table.c.id.in_(shared)
    if table in (t.decisions, h.remarks):
        return table.c.invitation_id.in_(shared)
    if table is t.drafts:
        d = t.decisions.c
        return table.c.decision_id.in_(select(d.id).where(d.invitation_id.in_(shared)))
    return and_(false())


def _tell(db: Any, scope: Scope) -> None:
    """Tell PostgreSQL whom the transaction acts for (local to it: its end forgets it)."""
    from sqlalchemy import text

    account = "" if scope.account is None else str(scope.account)
    db.execute(
        text("SELECT set_config('sopan.account', :a, true), set_config('sopan.role', :r, true)"),
        {"a": account, "r": scope.role},
    )


class Unit:
    """One transaction shared by every store made with it: a request's work, from finding
    who asks to the answer, done in one connection of the pool and committed once (or not at
    all, when it fails). The connection is taken at the first query and the scope told to
    PostgreSQL only when it changes (the sign-in is found as nobody, which a transaction
    starts as; the rest as its account).

    Used by one thread at a time. A statement that fails spoils the whole unit: its caller
    does not go on inside it."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.connection: Any = None
        self.told: Scope | None = None

    def db(self, scope: Scope) -> Any:
        """The unit's connection, in its transaction, scoped to `scope`."""
        if self.connection is None:
            self.connection = self.engine.connect()
            self.connection.begin()
            # a new transaction acts for nobody until told otherwise: the account and the
            # role are only ever set local to a transaction (never for the connection), so
            # both start unset, which every policy reads as NOBODY's '' (no account, no
            # role); the sign-in is found with one round trip less
            self.told = NOBODY
        if scope != self.told and self.engine.dialect.name == "postgresql":
            _tell(self.connection, scope)
        self.told = scope
        return self.connection

    def end(self, *, commit: bool) -> None:
        """Commit (or undo) what the unit did and give its connection back."""
        connection, self.connection, self.told = self.connection, None, None
        if connection is None:
            return
        try:
            with failures():
                if commit:
                    connection.commit()
                else:
                    connection.rollback()
        finally:
            connection.close()


class ScopedStore(Store):
    """The store seen through one scope: sharing the engine of a `Hosted`, each
    transaction scoped as the module says; made with a `Unit`, every transaction is the
    unit's one."""

    scope: Scope
    unit: Unit | None = None

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        if self.unit is not None:
            with failures():
                yield self.unit.db(self.scope)
            return
        with super()._tx() as db:
            if self.engine.dialect.name == "postgresql":
                _tell(db, self.scope)
            yield db

    def visible(self, table: Any) -> Any:
        """The rows of `table` this store's scope may see (`scope.visible`)."""
        return visible(table, self.scope)


class Hosted:
    """The database of a hosted centre: migrated once, then one engine (a pool of
    connections, each marked hosted) shared by every scope."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        from sqlalchemy import create_engine, event

        Store(url).engine.dispose()  # migrated to the head, through a connection of its own
        self.url = url
        postgresql = url.startswith("postgresql")
        kwargs: dict[str, Any] = (
            {"pool_size": pool_size, "max_overflow": pool_size, "pool_pre_ping": True}
            if postgresql
            else {}
        )
        self.engine = create_engine(url, **kwargs)
        #: the most connections the pool opens at once (`unit` holds one for a request)
        self.connections = 2 * pool_size if postgresql else pool_size
        if postgresql:

            @event.listens_for(self.engine, "connect")
            def _hosted(connection: Any, _record: Any) -> None:
                # every connection of the hosted mode is held by the policies; one that never
                # set an account sees no student's row
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('sopan.hosted', 'on', false)")
                connection.commit()

    def store(self, scope: Scope, unit: Unit | None = None) -> People:
        """The store as `scope` sees it (no connection is opened until it is used); with
        `unit`, its transactions are the unit's one."""
        from sopan.store.people import People

        view = People.__new__(People)
        view.url, view.engine, view.scope, view.unit = self.url, self.engine, scope, unit
        return view

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """A unit of work (`Unit`): committed when the block ends, undone when it raises."""
        unit = Unit(self.engine)
        try:
            yield unit
        except BaseException:
            unit.end(commit=False)
            raise
        unit.end(commit=True)
