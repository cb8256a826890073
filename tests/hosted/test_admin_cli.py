"""`sopan admin user add|disable|list` against a real PostgreSQL: the password only from
standard input, kept as an argon2 hash; errors are one line with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import SRC
from sqlalchemy import create_engine, text


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
                ("user", "add", "y", "--role", "student", "--password-stdin")):  # fmt: skip
        done = _admin(database, *bad, stdin="short\n")
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr


def test_the_hosted_mode_refuses_sqlite(tmp_path: object) -> None:
    done = _admin(f"sqlite:///{tmp_path}/x.db", "user", "list")
    assert done.returncode == 2 and "PostgreSQL" in done.stderr
