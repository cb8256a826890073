"""Periodic sweeps of `sopan worker`: every mailbox scanned, every career watch run and every
stale calendar address fetched again, each so often (`[serve] scan_every`, `watch_every`,
`calendar_every`, in minutes), without anyone asking.

A sweep is a procrastinate periodic task: each worker's periodic deferrer offers it at every
tick of its period, and the database takes one offer per task and tick (procrastinate's
`procrastinate_periodic_defers`, unique by task and time), so however many workers run, each
sweep is deferred once a period. A sweep only queues the jobs a student's "scan now" would
(one job per source, held by its queueing lock: one already waiting is enough), each in the
student's scope, so a sweep never does a source's work itself and never runs it twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sopan.config.hosted import ServeSettings, period_cron
from sopan.store.scope import SYSTEM, Hosted, Scope

#: the sweeps' queue, and their tasks
SWEEP_QUEUE = "sweeps"
SWEEP_MAILBOXES = "sopan.sweep_mailboxes"
SWEEP_WATCHES = "sopan.sweep_watches"
SWEEP_CALENDARS = "sopan.sweep_calendars"


class Sweep:
    """The sweeps' work: each queues a job per source of every student, as that student."""

    def __init__(self, hosted: Hosted, mail_hosts: tuple[str, ...]) -> None:
        self.hosted, self.mail_hosts = hosted, mail_hosts

    def _student(self, owner: int) -> Any:
        return self.hosted.store(Scope(owner, "student"))

    def mailboxes(self, timestamp: int) -> str:
        """A scan of every mailbox whose student agreed to scans, on a server the centre
        still allows."""
        from sopan.app.centre import scan_now
        from sopan.hosted.jobs import SCAN_PURPOSE

        agreed: dict[int, bool] = {}
        queued = 0
        for box in self.hosted.store(SYSTEM).mailboxes():
            if box.host not in self.mail_hosts:
                continue
            student = self._student(box.owner)
            if box.owner not in agreed:
                agreed[box.owner] = student.consented(SCAN_PURPOSE)
            if agreed[box.owner] and scan_now(student, box.id):
                queued += 1
        return _said(SWEEP_MAILBOXES, queued)

    def watches(self, timestamp: int) -> str:
        """A run of every student's career watch."""
        from sopan.app.centre import queue_watch
        from sopan.store.career import CareerStore

        queued = 0
        for watch in CareerStore(self.hosted.store(SYSTEM)).watches():
            if watch["owner"] is not None and queue_watch(
                self._student(int(watch["owner"])), int(watch["id"])
            ):
                queued += 1
        return _said(SWEEP_WATCHES, queued)

    def calendars(self, timestamp: int) -> str:
        """A fetch of every calendar address whose copy is stale (`app.centre.STALE`)."""
        from sopan.app.centre import STALE, refresh_now

        now = datetime.fromtimestamp(timestamp, UTC)
        queued = 0
        for calendar in self.hosted.store(SYSTEM).calendars():
            fresh = calendar.fetched_at is not None and now - calendar.fetched_at <= STALE
            if calendar.url and not fresh and refresh_now(self._student(calendar.owner),
                                                          calendar.id):  # fmt: skip
                queued += 1
        return _said(SWEEP_CALENDARS, queued)


def _said(task: str, queued: int) -> str:
    from sopan.hosted.observe import log

    log("sweep", task=task, queued=queued)
    return "swept"


def add_sweeps(app: Any, sweep: Sweep, serve: ServeSettings) -> None:
    """The sweeps as periodic tasks of the procrastinate `app`, each at its period from
    `[serve]` (none for a period of 0); a sweep still waiting for a worker is not offered
    again (its queueing lock)."""
    from sopan.hosted.jobs import _runner

    sweeps: tuple[tuple[str, int, Callable[..., str]], ...] = (
        (SWEEP_MAILBOXES, serve.scan_every, sweep.mailboxes),
        (SWEEP_WATCHES, serve.watch_every, sweep.watches),
        (SWEEP_CALENDARS, serve.calendar_every, sweep.calendars),
    )
    for name, minutes, work in sweeps:
        if not minutes:
            continue  # the centre sweeps these itself, or never
        task = app.task(name=name, queue=SWEEP_QUEUE, pass_context=False,
                        queueing_lock=name)(_runner(name, work))  # fmt: skip
        app.periodic(cron=period_cron(minutes), periodic_id=name)(task)
