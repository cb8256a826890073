"""Fixtures of the hosted mode's tests: one throwaway PostgreSQL cluster for the session, in
which each test gets a fresh database owned by `centre`, a role that is no superuser (a
superuser passes every row-level policy: the hosted mode must never connect as one)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from store.servers import PG_BIN, Postgres, _as_postgres, start_postgres

NOW = datetime.fromisoformat("2026-11-20T09:00:00+07:00")
#: the role the centre's sopan connects as: it owns the tables, and is held by their policies
ROLE = "centre"


class Cluster:
    """The session's cluster, with the non-superuser role made once."""

    def __init__(self, postgres: Postgres) -> None:
        self.postgres = postgres
        self.psql("postgres", f"CREATE ROLE {ROLE} LOGIN")

    def psql(self, database: str, sql: str) -> str:
        """Run `sql` as the superuser; what psql printed."""
        done = subprocess.run(
            [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.postgres.port), "-U",
             "sopan", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(done.stderr)
        return done.stdout

    def database(self) -> str:
        """A fresh database owned by the centre's role; its URL as that role."""
        name = "h" + os.urandom(6).hex()
        self.psql("postgres", f"CREATE DATABASE {name} OWNER {ROLE}")
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.postgres.port}/{name}"


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    postgres = start_postgres(Path(tempfile.mkdtemp(prefix="sopan-hosted-pg-")) / "data")
    yield Cluster(postgres)
    postgres.stop()


@pytest.fixture
def database(cluster: Cluster) -> str:
    """A fresh, empty database for one test."""
    return cluster.database()


__all__ = ["NOW", "ROLE", "Cluster", "_as_postgres"]
