"""Work in the background: jobs on procrastinate, in the centre's own PostgreSQL (no other
service to run), done by `sopan worker` processes that may run on other machines against the
same database.

A job is written in the same transaction as the row it serves (`defer_reminders`, called by
the store inside it); jobs of one student hold one lock (`student:<id>`), so they run one at
a time and in order. A worker that dies leaves its jobs 'doing' with a heartbeat that stops;
every worker retries such stalled jobs, and each job is written so that running it again
repeats nothing that was sent (`store.reminders`: claimed before the mail goes)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

from sopan._infra.faults import crash_point
from sopan.store.reminders import Reminder
from sopan.store.scope import SYSTEM, Hosted

QUEUE = "reminders"
REMIND = "sopan.remind"
#: the consent a reminder needs
PURPOSE = "reminders"


def libpq_url(url: str) -> str:
    """SQLAlchemy's `postgresql+psycopg://…` as libpq writes it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def ensure_job_tables(hosted: Hosted) -> None:
    """procrastinate's tables, made once (under a lock, so workers starting together do not
    race) when the database has none yet."""
    connection = hosted.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT pg_advisory_lock(72021)")
        try:
            cursor.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")
            row = cursor.fetchone()
            if not (row and row[0]):
                from procrastinate.schema import SchemaManager

                cursor.execute(SchemaManager.get_schema())
            connection.commit()
        finally:
            cursor.execute("SELECT pg_advisory_unlock(72021)")
            connection.commit()
    finally:
        connection.close()


def defer_reminders(db: Any, jobs: list[tuple[int, int, datetime]]) -> None:
    """A reminder job for each (follow-up, student, due), in the caller's transaction `db`."""
    from sqlalchemy import text

    for follow_up, owner, due in jobs:
        db.execute(
            text(
                "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, :lock, :qlock, "
                "CAST(:args AS jsonb), :at)::procrastinate_job_to_defer_v1])"
            ),
            {"queue": QUEUE, "task": REMIND, "lock": f"student:{owner}",
             "qlock": f"reminder:{follow_up}", "args": json.dumps({"follow_up": follow_up}),
             "at": due.astimezone(UTC)},
        )  # fmt: skip


def _words(language: str) -> dict[str, Any]:
    from sopan.hosted.words import hosted_words

    found: dict[str, Any] = hosted_words(language)["reminder"]
    return found


def reminder_mail(reminder: Reminder, *, sender: str, link: str | None) -> bytes:
    """The reminder's e-mail to the student, in their language."""
    from email.message import EmailMessage
    from email.utils import formatdate

    w = _words(reminder.language)
    about = w["about"].format(
        for_position=w["for_position"].format(position=reminder.position)
        if reminder.position else "",
        at_company=w["at_company"].format(company=reminder.company) if reminder.company else "",
    )  # fmt: skip
    lines = [w["greeting"].format(name=reminder.name), "", about, reminder.text]
    if link:
        lines += ["", w["open"].format(link=link)]
    lines += ["", w["why"]]
    message = EmailMessage()
    message["From"], message["To"] = sender, reminder.email
    message["Subject"] = w["subject"].format(text=reminder.text)
    message["Date"], message["Message-ID"] = formatdate(localtime=False), reminder.message_id
    message.set_content("\n".join(lines) + "\n")
    return bytes(message)


class Remind:
    """The reminder job's work, with what a worker process holds: the database, the
    config, the mail server."""

    def __init__(self, hosted: Hosted, config: Any) -> None:
        self.hosted, self.config = hosted, config

    def __call__(self, follow_up: int) -> str:
        """Send the reminder of `follow_up` once; what happened."""
        from sopan.config.hosted import centre_settings, serve_settings
        from sopan.deliver import NotSent, OutcomeUnknown
        from sopan.deliver.smtp import SmtpTransport, smtp_password, smtp_settings

        store = self.hosted.store(SYSTEM)
        centre = centre_settings(self.config.sections)
        smtp = smtp_settings(self.config)
        sender = centre.email or smtp.username or "sopan@localhost"
        crash_point("reminder-before-claim")
        claimed = store.claim_reminder(follow_up, purpose=PURPOSE, now=datetime.now(UTC),
                                       domain=sender.rpartition("@")[2] or "localhost")  # fmt: skip
        if isinstance(claimed, str):
            return claimed
        public = serve_settings(self.config.sections).public_url
        link = f"{public}/cases/{claimed.case}" if public else None
        mail = reminder_mail(claimed, sender=sender, link=link)
        try:
            SmtpTransport(smtp, smtp_password(smtp)).send(mail, sender, [claimed.email])
        except NotSent:
            store.settle_reminder(claimed, "failed", now=datetime.now(UTC))
            return "failed"
        except OutcomeUnknown:
            store.settle_reminder(claimed, "unknown", now=datetime.now(UTC))
            return "unknown"
        crash_point("reminder-after-send")
        store.settle_reminder(claimed, "sent", now=datetime.now(UTC))
        return "sent"


def job_app(url: str, work: Remind | None = None) -> Any:
    """The procrastinate app over the centre's database, with the reminder task."""
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=libpq_url(url)))

    @app.task(name=REMIND, queue=QUEUE, pass_context=False)
    def remind(follow_up: int) -> None:
        from sopan.hosted.observe import count_job, log

        assert work is not None, "a worker holds the reminder's work"
        outcome = work(follow_up)
        count_job(REMIND, outcome)
        log("job", task=REMIND, outcome=outcome)

    return app


async def _retry_stalled(app: Any, after: float) -> int:
    """Put back the jobs of workers whose heartbeat stopped `after` seconds ago."""
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=after))
    for job in stalled:
        await app.job_manager.retry_job(job)
    return len(stalled)


async def work(app: Any, *, concurrency: int, stalled_after: float) -> None:
    """Run a worker until it is stopped: the reminders' queue, and every `stalled_after / 2`
    seconds the stalled jobs of dead workers put back."""
    from sopan.hosted.observe import log

    async with app.open_async():

        async def sweep() -> None:
            while True:
                retried = await _retry_stalled(app, stalled_after)
                if retried:
                    log("stalled", retried=retried)
                await asyncio.sleep(stalled_after / 2)

        sweeper = asyncio.create_task(sweep())
        try:
            await app.run_worker_async(
                queues=[QUEUE], concurrency=concurrency, delete_jobs="never",
                update_heartbeat_interval=max(stalled_after / 3, 0.5),
                stalled_worker_timeout=stalled_after, install_signal_handlers=True,
            )  # fmt: skip
        finally:
            sweeper.cancel()
