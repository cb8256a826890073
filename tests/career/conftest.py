"""The career tests' fixtures: a database of their own for every test (SQLite, and
PostgreSQL where a test asks for `database_url`), the loopback job board."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store.conftest import database_url, postgres  # noqa: F401 - fixtures, by name

from career.servers import Board, serve


@pytest.fixture(autouse=True)
def own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test (and every sopan it starts) keeps what it keeps in its own SQLite file."""
    url = f"sqlite:///{tmp_path / 'career.db'}"
    monkeypatch.setenv("SOPAN_DATABASE_URL", url)
    return url


@pytest.fixture
def board() -> Iterator[Board]:
    with serve(Board()) as running:
        yield running
