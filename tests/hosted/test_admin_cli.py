"""`sopan admin user add|disable|list` against a real PostgreSQL: the password only from
standard input, kept as an argon2 hash; errors are one line with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from conftest import SRC
from sqlalchemy import create_engine, text

from sopan.store.scope import SYSTEM

#: a centre's config file names the centre in [profile] (the students' profiles are their own)
PROFILE = '[profile]\nname = "Pusat Karier Uji"\n\n'


def _admin(database: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": database}
    return subprocess.run([sys.executable, "-m", "sopan", "admin", *args], input=stdin,
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip


def test_accounts_are_added_listed_and_disabled(database: str) -> None:
    done = _admin(database, "user", "add", "rina", "--role", "student", "--password-stdin",
                  stdin="kata-sandi-rina\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _admin(database, "user", "add", "sari", "--role", "counsellor").returncode == 0
    listed = json.loads(_admin(database, "user", "list", "--json").stdout)
    assert [(a["name"], a["role"], a["disabled"]) for a in listed] == [
        ("rina", "student", False), ("sari", "counsellor", False)]  # fmt: skip
    with create_engine(database).connect() as db:
        hashed = db.execute(text("SELECT password_hash FROM accounts WHERE name='rina'")).scalar()
    assert hashed.startswith("$argon2id$") and "kata-sandi-rina" not in hashed
    assert _admin(database, "user", "disable", "rina").returncode == 0
    listed = json.loads(_admin(database, "user", "list", "--json").stdout)
    assert listed[0]["disabled"] is True
    taken = _admin(database, "user", "add", "rina", "--role", "student")
    assert taken.returncode == 2 and taken.stderr.count("\n") == 1 and "rina" in taken.stderr
    for bad in (("user", "add", "x", "--role", "boss"), ("user", "disable", "nobody"),
                ("user", "add", "y", "--role", "student", "--password-stdin"),
                ("user", "add", "z", "--role", "student", "--lang", "xx")):  # fmt: skip
        done = _admin(database, *bad, stdin="short\n")
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr


def test_the_hosted_mode_refuses_sqlite(tmp_path: object) -> None:
    done = _admin(f"sqlite:///{tmp_path}/x.db", "user", "list")
    assert done.returncode == 2 and "PostgreSQL" in done.stderr


def test_retention_erases_the_cases_past_the_centres_period(database: str, tmp_path: Any) -> None:
    from hosted.conftest import NOW
    from sopan.store.scope import Hosted, Scope

    hosted = Hosted(database, pool_size=1)
    rina = hosted.store(SYSTEM).add_account("rina", "student", now=NOW)
    store = hosted.store(Scope(rina.id, "student"))
    facts = {"company": "PT Maju Jaya", "start": "2026-01-05T10:00:00+07:00"}
    store.found(facts=facts, source="paste:old", raw=b"x", now=NOW)
    kept = store.found(facts={**facts, "start": "2026-11-30T10:00:00+07:00"}, source="paste:new",
                       raw=b"y", now=NOW)  # fmt: skip
    config = tmp_path / "config.toml"
    config.write_text(PROFILE + "[serve]\nretention_days = 180\n", "utf-8")
    done = _admin_env(database, config, "retention", "--now", NOW.isoformat())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 cases older than 180 days erased"
    assert [c.id for c in store.cases()] == [kept]
    assert [e["action"] for e in store.audit_log()] == ["retention"]
    config.write_text(PROFILE + "[serve]\nretention_days = 0\n", "utf-8")
    bad = _admin_env(database, config, "retention")
    assert bad.returncode == 2 and "retention_days" in bad.stderr and "Traceback" not in bad.stderr


def _admin_env(database: str, config: Any, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": database,
           "SOPAN_CONFIG": str(config)}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "sopan", "admin", *args], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
