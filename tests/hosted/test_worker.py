"""`sopan worker` on a real PostgreSQL and a real SMTP server (aiosmtpd, STARTTLS and AUTH):
a student who sent a reply and agreed to reminders gets their follow-up by e-mail; the job is
written in the same transaction as the follow-up; workers killed mid-job (before the claim,
and after the mail went but before it was settled) lose nothing and repeat nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SRC
from sqlalchemy import create_engine, text
from store.servers import PASSWORD, USER, SmtpServer, start_smtp

from hosted.conftest import NOW, client_for, make_centre
from sopan.store.scope import Scope

INVITATION = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    server = start_smtp(tmp_path)
    yield server
    server.stop()


def _until(check: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


def test_reminders_are_sent_once_even_when_workers_are_killed_mid_job(
    cluster: Any, smtp: SmtpServer, tmp_path: Path
) -> None:
    database = cluster.database()
    centre, ids = make_centre(database)
    rina, budi = client_for(centre, "rina"), client_for(centre, "budi")
    assert rina.post("/api/me/consent", json={"purpose": "reminders"}).status_code == 200
    cases = [rina.post("/api/cases", json={"text": INVITATION}).json()["id"] for _ in range(2)]
    first = rina.post(f"/api/cases/{cases[0]}/replied").json()["follow_ups"]
    # budi did not agree to reminders: his follow-up is kept, no job is made for it
    his = budi.post("/api/cases", json={"text": INVITATION}).json()["id"]
    assert len(budi.post(f"/api/cases/{his}/replied").json()["follow_ups"]) == 1
    plain = create_engine(database)

    def jobs() -> list[Any]:
        with plain.connect() as db:
            return db.execute(text(
                "SELECT args->>'follow_up', lock, status, scheduled_at FROM procrastinate_jobs "
                "ORDER BY id")).all()  # fmt: skip

    def states() -> dict[int, str]:
        with plain.connect() as db:
            rows = db.execute(text("SELECT follow_up_id, state FROM reminders")).all()
        return {int(f): str(s) for f, s in rows}

    made = jobs()
    assert [(int(j[0]), j[1], j[2]) for j in made] == [(first[0], f"student:{ids['rina']}", "todo")]
    # three working days after Friday 20 November: Wednesday the 25th, at the same time
    assert made[0][3] == NOW.replace(day=25)
    config = tmp_path / "config.toml"
    config.write_text(
        # no periodic sweep (tests/hosted/test_sweeps.py): the jobs counted are those queued here
        '[profile]\nname = "Pusat Karier Uji"\n\n[serve]\npublic_url = "https://karier.example"\n'
        "scan_every = 0\nwatch_every = 0\ncalendar_every = 0\n\n"
        '[centre]\nname = "Pusat Karier Uji"\nemail = "karier@kampus.ac.id"\n\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "starttls"\n'
        f'username = "{USER}"\ncafile = "{smtp.cert}"\n',
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": database,
           "SOPAN_CONFIG": str(config), "SOPAN_SMTP_PASSWORD": PASSWORD}  # fmt: skip
    env.pop("SOPAN_CRASH_AT", None)

    def worker(crash: str | None = None) -> subprocess.Popen[bytes]:
        extra = {"SOPAN_CRASH_AT": crash} if crash else {}
        return subprocess.Popen(
            [sys.executable, "-m", "sopan", "worker", "--stalled-after", "2"],
            env={**env, **extra}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip

    # 1. killed after the mail went, before it was settled
    dying = worker("reminder-after-send")
    assert dying.wait(timeout=90) == -9, dying.stderr.read() if dying.stderr else ""
    assert len(smtp.handler.received) == 1
    assert states() == {first[0]: "sending"}
    # 2. another reply; a worker killed before it claims anything
    second = rina.post(f"/api/cases/{cases[1]}/replied").json()["follow_ups"]
    dying = worker("reminder-before-claim")
    assert dying.wait(timeout=90) == -9
    assert len(smtp.handler.received) == 1
    # 3. a worker that lives takes both jobs up again: the first may have gone, so it is
    # not sent again; the second goes, once
    living = worker()
    try:
        _until(lambda: states() == {first[0]: "unknown", second[0]: "sent"}, "the reminders")
        _until(lambda: {j[2] for j in jobs()} == {"succeeded"}, "the jobs to finish")
    finally:
        living.terminate()
        living.wait(timeout=30)
    assert len(smtp.handler.received) == 2
    mail = message_from_bytes(smtp.handler.received[1], policy=default)
    assert mail["To"] == "rina@kampus.ac.id" and mail["From"] == "karier@kampus.ac.id"
    assert str(mail["Subject"]).startswith("Pengingat: ")
    body = mail.get_body().get_content()  # type: ignore[union-attr]
    assert f"https://karier.example/cases/{cases[1]}" in body
    assert "Data Analyst" in body and "PT Nusantara Data Teknologi" in body
    # the student sees the reminder's send in her audit trail, and only hers
    trail = [(e["action"], e["target"]) for e in rina.get("/api/audit").json()]
    assert ("send", f"reminder:{second[0]}") in trail
    assert ("send", f"reminder:{first[0]}") not in trail
    assert centre.hosted.store(Scope(ids["budi"], "student")).reminder_states() == {}


def test_the_job_and_its_follow_up_are_one_transaction(cluster: Any) -> None:
    database = cluster.database()
    centre, ids = make_centre(database)
    rina = client_for(centre, "rina")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    store = centre.hosted.store(Scope(ids["rina"], "student"))

    def broken(db: Any, jobs: list[Any]) -> None:
        raise RuntimeError("the queue is unreachable")

    with pytest.raises(RuntimeError):
        store.mark_replied(case, [("check_answer", NOW, "Cek balasan", "R7")], now=NOW,
                           defer=broken)  # fmt: skip
    with create_engine(database).connect() as db:
        assert db.execute(text("SELECT count(*) FROM follow_ups")).scalar() == 0
    # another student's case takes no follow-up
    assert client_for(centre, "budi").post(f"/api/cases/{case}/replied").status_code == 404
