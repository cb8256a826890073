"""The store on SQLite and PostgreSQL: migrations (twice is a no-op, and they agree with the
tables), what is kept and listed, the outbox's one claim per draft, and a database that is
locked or read-only told in one line."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import SRC

from sopan.errors import UserError
from sopan.store import Store, StoreError

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
EXAMPLE = SRC.parent / "examples" / "undangan_wawancara_id.eml"


def _keep(store: Store, company: str = "PT Maju") -> int:
    return store.record(
        facts={"company": company, "position": "Analis", "start": "2026-11-23T10:00:00+07:00"},
        source="x.eml", action="decline", situation={"intent": "decline"}, plan={"steps": []},
        drafts=[{"channel": "email", "text": "Yth. Ibu", "subject": "Re: x",
                 "message_id": "<a@b>", "recipient": "hr@maju.example", "file_name": "email.eml",
                 "file": b"From: a\r\n\r\nhi", "lint": {"findings": []}}],
        contact={"name": "Dewi", "email": "hr@maju.example", "phone": None, "company": company,
                 "linkedin": None},
        now=NOW,
    )  # fmt: skip


def test_migrating_twice_changes_nothing(database_url: str) -> None:
    first = Store(database_url)
    _keep(first)
    again = Store(database_url)  # opened again: the migration finds nothing to do
    again.migrate()
    assert [row.company for row in again.history()] == ["PT Maju"]


def test_the_migrations_make_exactly_the_tables_of_the_schema(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sopan.store.schema import metadata

    store = Store(database_url)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_history_newest_first_and_one_claim_per_draft(database_url: str) -> None:
    store = Store(database_url)
    first, second = _keep(store, "PT Satu"), _keep(store, "PT Dua")
    assert [row.id for row in store.history()] == [second, first]
    (draft,) = store.drafts_of(first)
    assert store.claim(draft, now=NOW).state == "new"
    assert store.claim(draft, now=NOW).state == "sending"  # taken already: not again
    store.settle(draft, "failed", now=NOW)
    assert store.claim(draft, now=NOW).state == "failed"  # surely not sent: taken again
    assert store.claim(draft, now=NOW).state == "sending"
    store.settle(draft, "sent", now=NOW)
    assert store.claim(draft, now=NOW).state == "sent"
    kinds = [e.kind for e in store.show(first).events]
    assert kinds == ["drafted", "sending", "failed", "sending", "sent"]
    # each row says its own invitation's decision and outbox, not another's
    listed = {row.id: (row.company, row.action, row.outbox) for row in store.history()}
    assert listed == {first: ("PT Satu", "decline", {"email": "sent"}),
                      second: ("PT Dua", "decline", {})}  # fmt: skip
    with pytest.raises(UserError, match="no invitation"):
        store.drafts_of(999)


def test_the_sqlite_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sopan.db"
    Store(f"sqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_locked_database_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sopan.store.base as store_module

    path = tmp_path / "s.db"
    Store(f"sqlite:///{path}")
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another sopan in the middle of a write
    try:
        with pytest.raises(StoreError, match="another sopan holds it"):
            _keep(Store(f"sqlite:///{path}"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_read_only_database_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    Store(f"sqlite:///{path}")
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")  # opened for reading only
    assert list(here.iterdir()) == []  # a URI is the driver's to open: no folder made of it
    with pytest.raises(StoreError, match="readonly") as caught:
        read_only.log("x", now=NOW)
    assert "\n" not in str(caught.value)


def test_draft_keeps_unless_told_not_to(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": url,
           "SOPAN_CONFIG": str(tmp_path / "none.toml")}  # fmt: skip
    args = [sys.executable, "-m", "sopan", "draft", str(EXAMPLE), "--intent", "decline",
            "--reason", "accepted-offer", "--interest", "no", "--unconfirmed",
            "--now", "2026-11-20T09:00+07:00"]  # fmt: skip

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*args, *extra], env=env, capture_output=True, text=True,
                              cwd=tmp_path, timeout=120)  # fmt: skip

    assert run("--out", "a", "--no-store").returncode == 0
    assert Store(url).history() == []
    kept = run("--out", "b")
    assert "sopan send 1" in kept.stdout
    assert len(Store(url).history()) == 1


def test_the_config_files_store_url_is_the_database_unless_the_variable_names_one(
    tmp_path: Path,
) -> None:
    from_file = tmp_path / "from_file.db"
    config = tmp_path / "config.toml"
    config.write_text('[profile]\nname = "Rina"\nlanguage = "id"\n'
                      f'[store]\nurl = "sqlite:///{from_file}"\n', "utf-8")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "SOPAN_DATABASE_URL"}
    env.update(PYTHONPATH=str(SRC), SOPAN_CONFIG=str(config))
    args = [sys.executable, "-m", "sopan", "draft", str(EXAMPLE), "--intent", "decline",
            "--reason", "accepted-offer", "--interest", "no", "--unconfirmed",
            "--now", "2026-11-20T09:00+07:00", "--out", "a"]  # fmt: skip
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(Store(f"sqlite:///{from_file}").history()) == 1
    # the variable wins over the file
    other = tmp_path / "from_variable.db"
    env["SOPAN_DATABASE_URL"] = f"sqlite:///{other}"
    done = subprocess.run([*args[:-1], "b"], env=env, capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(Store(f"sqlite:///{other}").history()) == 1
    assert len(Store(f"sqlite:///{from_file}").history()) == 1


def test_head_names_the_newest_revision() -> None:
    from importlib import resources

    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    from sopan.store import HEAD

    config = AlembicConfig()
    folder = str(resources.files("sopan.store").joinpath("migrations"))
    config.set_main_option("script_location", folder)
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_database_at_the_head_is_opened_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    Store(url)
    code = f"import sys; from sopan.store import Store; Store({url!r})\n"
    code += "print('alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(SRC)}, timeout=60)  # fmt: skip
    assert done.stdout.strip() == "False", done.stderr
