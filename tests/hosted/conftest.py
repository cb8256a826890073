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


# --- the app over a real database ----------------------------------------------------------

PASSWORD = "kata-sandi-uji-123"
#: the centre's people: name → role
PEOPLE = {
    "rina": "student",
    "budi": "student",
    "sari": "counsellor",
    "dewi": "counsellor",
    "adi": "admin",
    "tono": "auditor",
}
SECRET = "k" * 48


def make_centre(database: str, *, sections: dict | None = None) -> tuple[object, dict[str, int]]:
    """A centre over `database` with PEOPLE as local accounts; (its Centre, their ids)."""
    from sopan.config import Config
    from sopan.config.hosted import centre_settings, serve_settings
    from sopan.hosted.passwords import hash_password
    from sopan.hosted.site import Centre
    from sopan.model import Profile
    from sopan.store.scope import SYSTEM, Hosted

    sections = sections or {
        "serve": {"allowed_hosts": ["testserver", "127.0.0.1"], "secure_cookies": False},
        "centre": {"name": "Pusat Karier Uji", "cancellation_cutoff": "2 working days",
                   "email": "karier@kampus.ac.id"},
    }  # fmt: skip
    from sopan.hosted.jobs import ensure_job_tables

    hosted = Hosted(database, pool_size=4)
    ensure_job_tables(hosted)
    hashed = hash_password(PASSWORD)
    system = hosted.store(SYSTEM)
    ids = {
        name: system.add_account(
            name, role, now=NOW, password_hash=hashed, email=f"{name}@kampus.ac.id"
        ).id
        for name, role in PEOPLE.items()
    }
    config = Config(Profile("Pusat Karier"), sections, None, False)
    centre = Centre(hosted, serve_settings(sections), centre_settings(sections), secret=SECRET,
                    now=NOW, config=config)  # fmt: skip
    return centre, ids


def client_for(centre: object, name: str | None = None) -> object:
    """A test client of the app, signed in as `name` (None: signed out); its form token is
    sent with every request (`X-CSRF-Token`)."""
    from starlette.testclient import TestClient

    from sopan.hosted.site import build

    client = TestClient(build(centre), follow_redirects=False)  # type: ignore[arg-type]
    if name is not None:
        answer = client.post("/api/login", json={"username": name, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        client.headers["X-CSRF-Token"] = answer.json()["csrf"]
    return client


# an HTTPS server on loopback (the addresses a student gives are https only)
from hosted.https import https  # noqa: E402, F401
