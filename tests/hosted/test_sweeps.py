"""The workers' periodic sweeps on a real PostgreSQL: every mailbox scanned (its student
agreeing, its server still allowed), every career watch run and every stale calendar address
fetched again, each so often ([serve] scan_every, watch_every, calendar_every); two workers
offering the same tick defer each sweep once (procrastinate's periodic defers, unique by task
and time), and a sweep never queues a source's job twice while one is waiting."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from hosted.conftest import NOW, client_for, make_centre
from sopan.config.hosted import period_cron, serve_settings
from sopan.errors import UserError

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//EN\r\nBEGIN:VEVENT\r\nUID:1@uji\r\n"
    "DTSTART:20261124T020000Z\r\nDTEND:20261124T030000Z\r\nSUMMARY:Kuliah\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
MAILBOX = {"port": 1, "security": "none", "password": "sandi"}


@pytest.mark.parametrize(
    ("minutes", "cron"),
    [(5, "*/5 * * * *"), (30, "*/30 * * * *"), (60, "0 */1 * * *"), (360, "0 */6 * * *"),
     (1440, "0 0 * * *")],
)  # fmt: skip
def test_a_period_is_a_cron_line_on_the_clock(minutes: int, cron: str) -> None:
    assert period_cron(minutes) == cron


def test_the_periods_are_read_from_serve_with_defaults() -> None:
    found = serve_settings({"serve": {"scan_every": 15, "calendar_every": 0}})
    assert (found.scan_every, found.watch_every, found.calendar_every) == (15, 360, 0)
    for bad in (7, 90, 2880, -5, "30", True):
        with pytest.raises(UserError) as caught:
            serve_settings({"serve": {"watch_every": bad}})
        assert caught.value.field == "config.serve.watch_every"


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.begin() as db:
            done = db.execute(text(sql))
            return [tuple(r) for r in done] if done.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture
def centre(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """rina agreed to scans (a mailbox on an allowed server, one on a server taken off the
    list since), budi withdrew his agreement; each has a watch; rina has a stale address, a
    fresh one and an upload. Every job their adding queued is done already."""
    from sopan.hosted.mailkey import VARIABLE, new_key
    from sopan.store.scope import Scope

    monkeypatch.setenv(VARIABLE, new_key())
    database = cluster.database()
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
                  "mail_hosts": ["127.0.0.1", "localhost"]},
        "centre": {"name": "Pusat Karier Uji"},
    }  # fmt: skip
    made, ids = make_centre(database, sections=sections)
    rina, budi = client_for(made, "rina"), client_for(made, "budi")
    boxes = {}
    for name, student, host in (("rina", rina, "127.0.0.1"), ("rina-old", rina, "localhost"),
                                ("budi", budi, "127.0.0.1")):  # fmt: skip
        student.post("/api/me/consent", json={"purpose": "inbox"})
        given = {**MAILBOX, "host": host, "username": f"{name}@x.id"}
        answer = student.post("/api/me/mailboxes", json=given)
        assert answer.status_code == 201, answer.text
        boxes[name] = answer.json()["id"]
    budi.request("DELETE", "/api/me/consent", json={"purpose": "inbox"})
    watches = {name: c.post("/api/me/watches", json={"source": f"lever:{name}"}).json()["id"]
               for name, c in (("rina", rina), ("budi", budi))}  # fmt: skip
    store = made.hosted.store(Scope(ids["rina"], "student"))
    stale = store.add_calendar(name="lama", data=CALENDAR.encode(), url="https://a.example/k.ics",
                               now=NOW - timedelta(days=1))  # fmt: skip
    fresh = store.add_calendar(name="baru", data=CALENDAR.encode(), url="https://b.example/k.ics",
                               now=NOW)  # fmt: skip
    store.add_calendar(name="unggahan.ics", data=CALENDAR.encode(), now=NOW - timedelta(days=9))
    _rows(database, "UPDATE procrastinate_jobs SET status = 'succeeded'")
    return {"centre": made, "database": database, "boxes": boxes, "watches": watches,
            "stale": stale, "fresh": fresh}  # fmt: skip


def _app(centre: dict[str, Any], **periods: int) -> Any:
    from sopan.hosted.jobs import job_app
    from sopan.hosted.sweeps import Sweep, add_sweeps

    made = centre["centre"]
    serve = serve_settings({"serve": {"mail_hosts": ["127.0.0.1"], **periods}})
    app = job_app(centre["database"])
    add_sweeps(app, Sweep(made.hosted, serve.mail_hosts), serve)
    return app


async def _offer(apps: list[Any], at: datetime) -> None:
    """Each app's periodic deferrer (one per worker) offers what is due at `at`, at once."""
    from procrastinate.periodic import PeriodicDeferrer

    async def one(app: Any) -> None:
        async with app.open_async():
            deferrer = PeriodicDeferrer(app.periodic_registry)
            await deferrer.defer_jobs(deferrer.get_previous_tasks(at=at.timestamp()))

    await asyncio.gather(*(one(app) for app in apps))


async def _sweep(app: Any) -> None:
    """A worker doing the sweeps waiting, then stopping; without its own periodic deferrer,
    which would offer the ticks of the wall clock's time, not the test's."""
    from sopan.hosted.sweeps import SWEEP_QUEUE

    app.periodic_registry.periodic_tasks.clear()
    async with app.open_async():
        await app.run_worker_async(queues=[SWEEP_QUEUE], wait=False, install_signal_handlers=False)


def _jobs(database: str, *, status: str = "todo") -> list[tuple[Any, ...]]:
    return _rows(database, "SELECT task_name, args::text FROM procrastinate_jobs "
                           f"WHERE status = '{status}' ORDER BY task_name, id")  # fmt: skip


def test_two_workers_defer_each_sweep_once_a_period_and_it_queues_each_source_once(
    centre: dict[str, Any],
) -> None:
    database = centre["database"]
    workers = [_app(centre), _app(centre)]
    tick = datetime(2026, 11, 20, 0, 0, 10, tzinfo=UTC)  # ten seconds past midnight UTC
    asyncio.run(_offer(workers, tick))
    # one of each sweep for the tick, however many workers offered it; offered again, none
    swept = [("sopan.sweep_calendars",), ("sopan.sweep_mailboxes",), ("sopan.sweep_watches",)]
    assert [row[:1] for row in _jobs(database)] == swept
    asyncio.run(_offer(workers, tick + timedelta(seconds=20)))
    assert [row[:1] for row in _jobs(database)] == swept
    asyncio.run(_sweep(_app(centre)))
    assert [r[0] for r in _jobs(database, status="succeeded") if r[0].startswith("sopan.sweep")] \
        == [r[0] for r in swept]  # fmt: skip
    # the sources' jobs: rina's mailbox (not the one on a server taken off the list, not
    # budi's, whose agreement was withdrawn), both watches, only the stale address
    queued = _jobs(database)
    assert queued == sorted([
        ("sopan.refresh_calendar", f'{{"calendar": {centre["stale"]}}}'),
        ("sopan.scan", f'{{"mailbox": {centre["boxes"]["rina"]}}}'),
        *(("sopan.watch", f'{{"watch": {w}}}') for w in sorted(centre["watches"].values())),
    ])  # fmt: skip
    # the next tick of each period: half an hour on, only the mailboxes' sweep is due again
    # (watches every 6 hours, calendars every hour); its scan is still waiting, so it is not
    # queued a second time
    asyncio.run(_offer(workers, tick + timedelta(minutes=30)))
    assert [r[0] for r in _jobs(database) if r[0].startswith("sopan.sweep")] == [
        "sopan.sweep_mailboxes"]  # fmt: skip
    asyncio.run(_sweep(_app(centre)))
    assert _jobs(database) == queued
    # in all, each sweep ran once a tick of its period
    ran = _rows(database, "SELECT task_name, count(*) FROM procrastinate_jobs WHERE task_name "
                          "LIKE 'sopan.sweep%' GROUP BY task_name ORDER BY task_name")  # fmt: skip
    assert ran == [("sopan.sweep_calendars", 1), ("sopan.sweep_mailboxes", 2),
                   ("sopan.sweep_watches", 1)]  # fmt: skip


def test_a_period_of_zero_is_no_sweep(centre: dict[str, Any]) -> None:
    app = _app(centre, scan_every=0, watch_every=0)
    tasks = {name for name, _ in app.periodic_registry.periodic_tasks}
    assert tasks == {"sopan.sweep_calendars"}
    asyncio.run(_offer([app], datetime(2026, 11, 20, 3, 0, 10, tzinfo=UTC)))
    assert [row[0] for row in _jobs(centre["database"])] == ["sopan.sweep_calendars"]


def test_two_real_workers_sweep_once_a_tick(centre: dict[str, Any], tmp_path: Any) -> None:
    """Two `sopan worker` processes with a five-minute period: each offers the tick before
    it started (within procrastinate's ten minutes) and any tick passing while it runs; each
    tick's sweeps run once, and queue rina's scan, both watches and the stale address."""
    import os
    import subprocess
    import sys
    import time

    from conftest import SRC

    from sopan.hosted.mailkey import VARIABLE

    database = centre["database"]
    config = tmp_path / "config.toml"
    config.write_text(
        '[profile]\nname = "Pusat Karier Uji"\n\n[serve]\nmail_hosts = ["127.0.0.1"]\n'
        "scan_every = 5\nwatch_every = 5\ncalendar_every = 5\n\n"
        '[smtp]\nhost = "127.0.0.1"\nport = 2525\nsecurity = "none"\n', "utf-8",
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": database,
           "SOPAN_CONFIG": str(config), VARIABLE: os.environ[VARIABLE]}  # fmt: skip
    if 300 - time.time() % 300 < 30:  # not across a tick while starting: wait it out
        time.sleep(300 - time.time() % 300 + 1)
    started = time.time()
    workers = [
        subprocess.Popen([sys.executable, "-m", "sopan", "worker"], env=env,
                         stdout=subprocess.DEVNULL, stderr=(tmp_path / f"w{n}.log").open("wb"))
        for n in range(2)
    ]  # fmt: skip

    def swept() -> list[tuple[Any, ...]]:
        return _rows(database, "SELECT task_name, count(*) FROM procrastinate_jobs WHERE "
                               "task_name LIKE 'sopan.sweep%' AND status = 'succeeded' "
                               "GROUP BY task_name ORDER BY task_name")  # fmt: skip

    def expected() -> list[tuple[Any, ...]]:
        # the ticks of five minutes from the one before the first start to now: usually one
        ticks = len(range(int(started // 300) * 300, int(time.time()) + 1, 300))
        names = ("sopan.sweep_calendars", "sopan.sweep_mailboxes", "sopan.sweep_watches")
        return [(name, ticks) for name in names]

    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and swept() != expected():
            assert all(w.poll() is None for w in workers)
            time.sleep(0.3)
        # the second worker's offer of the same tick, had it been taken, would be in by now
        time.sleep(3)
        logs = "".join((tmp_path / f"w{n}.log").read_text() for n in range(2))
        assert swept() == expected(), logs[-6000:]
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=30)
    sources = _rows(database, "SELECT task_name, args::text FROM procrastinate_jobs WHERE "
                              "task_name NOT LIKE 'sopan.sweep%' AND status <> 'succeeded' "
                              "OR task_name NOT LIKE 'sopan.sweep%' AND id > (SELECT min(id) "
                              "FROM procrastinate_jobs WHERE task_name LIKE 'sopan.sweep%') "
                              "ORDER BY task_name, id")  # fmt: skip
    assert {row[0] for row in sources} == {"sopan.scan", "sopan.watch", "sopan.refresh_calendar"}
    assert ("sopan.scan", f'{{"mailbox": {centre["boxes"]["budi"]}}}') not in sources
