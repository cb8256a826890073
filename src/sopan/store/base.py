"""The database under every part of the store: where it is, how it is opened and migrated,
one transaction at a time, and what a database that cannot be used is said as."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sopan.errors import SopanError

#: how long a write waits for another sopan holding the database before it says so
BUSY_SECONDS = 5.0
#: the newest revision in `migrations/versions` (the suite checks that it is Alembic's head)
HEAD = "0009"


class StoreError(SopanError):
    """The database could not be used: locked, read-only, unreachable or damaged."""

    exit_code = 4


@contextmanager
def failures() -> Iterator[None]:
    """A database that cannot be used, said in one line naming why (an IntegrityError is
    left as it is: its caller decides)."""
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    try:
        yield
    except OperationalError as exc:
        why = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
        if "locked" in why:
            why = f"another sopan holds it (waited {BUSY_SECONDS:g} s)"
        raise StoreError(f"store: cannot use the database: {why}") from None
    except SQLAlchemyError as exc:
        if type(exc).__name__ == "IntegrityError":
            raise
        raise StoreError(f"store: {type(exc).__name__}: {exc}".splitlines()[0]) from None


def default_url() -> str:
    """`SOPAN_DATABASE_URL`, else the config file's `[store] url`, else a SQLite file in the
    user's data folder."""
    from sopan.config import load_config

    given = load_config().store_url  # the variable first, then the file (never a password)
    if given:
        return given
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('sopan')) / 'sopan.db'}"


def utc(value: datetime | None) -> datetime | None:
    """A time read back: SQLite forgets the zone of what was written in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stamp(value: datetime) -> datetime:
    """A time read back that the schema never leaves empty."""
    moment = utc(value)
    assert moment is not None
    return moment


def event(
    db: Any, kind: str, at: datetime, *, invitation_id: int | None = None,
    draft_id: int | None = None, detail: str | None = None,
) -> None:  # fmt: skip
    """One line of the event log, in the transaction `db`."""
    from sopan.store import schema as t

    db.execute(t.events.insert().values(at=at, kind=kind, invitation_id=invitation_id,
                                        draft_id=draft_id, detail=detail))  # fmt: skip


class Database:
    """The database, migrated to the current schema; every method of the store's parts is
    one transaction (`_tx`)."""

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
        with failures(), self.engine.begin() as connection:
            yield connection

    def visible(self, table: Any) -> Any:
        """The rows of `table` this store may see: all of them, here; a hosted store
        (`store.scope.ScopedStore`) holds them to its scope."""
        from sqlalchemy import true

        return true()

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
