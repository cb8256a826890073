"""Fixtures for the store and send tests: the SMTP server, the database (every store test
runs on SQLite and on PostgreSQL), and `sopan` run for real with a config of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import SRC

from store.servers import PASSWORD, USER, Postgres, SmtpServer, start_postgres, start_smtp

EXAMPLE = SRC.parent / "examples" / "undangan_wawancara_id.eml"
NOW = "2026-11-20T09:00:00+07:00"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    cluster = start_postgres(Path(tempfile.mkdtemp(prefix="sopan-pg-")) / "data")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    cluster: Postgres = request.getfixturevalue("postgres")
    return cluster.create("t" + os.urandom(6).hex())


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    server = start_smtp(tmp_path)
    yield server
    server.stop()


Sopan = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sopan(tmp_path: Path, smtp: SmtpServer, database_url: str) -> Sopan:
    """`python -m sopan ARGS` with a profile, an [smtp] table for the test server, its
    password in the environment and the test database."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[profile]\nname = "Rina Kartika Sari"\nemail = "rina@example.com"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "starttls"\n'
        f'username = "{USER}"\ncafile = "{smtp.cert}"\ntimeout = 3\n',
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_CONFIG": str(config),
           "SOPAN_DATABASE_URL": database_url, "SOPAN_SMTP_PASSWORD": PASSWORD}  # fmt: skip
    env.pop("SOPAN_CRASH_AT", None)

    def run(*args: str, crash: str | None = None, extra: dict[str, str] | None = None,
            background: bool = False) -> subprocess.CompletedProcess[str]:  # fmt: skip
        here = {**env, **(extra or {})}
        if crash:
            here["SOPAN_CRASH_AT"] = crash
        return subprocess.run([sys.executable, "-m", "sopan", *args], env=here, text=True,
                              capture_output=True, cwd=tmp_path, timeout=120)  # fmt: skip

    run.env = env  # type: ignore[attr-defined]
    return run


#: the choices every drafted example is declined with
DECLINE = ("--intent", "decline", "--reason", "accepted-offer", "--interest", "no", "--unconfirmed")


def drafted(sopan: Sopan, source: str = str(EXAMPLE), out: str = "out") -> int:
    """An invitation drafted (declined) and kept; the example's id in a fresh store."""
    done = sopan("draft", source, *DECLINE, "--now", NOW, "--out", out)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return 1
