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
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sopan._infra.faults import crash_point
from sopan.store.reminders import Reminder
from sopan.store.scope import SYSTEM, Hosted

QUEUE = "reminders"
REMIND = "sopan.remind"
#: the consent a reminder needs
PURPOSE = "reminders"
#: a student's mailbox scanned for new invitations
MAIL_QUEUE = "mail"
SCAN = "sopan.scan"
#: the consent a scan needs
SCAN_PURPOSE = "inbox"
#: a student's calendar address fetched again
CALENDAR_QUEUE = "calendars"
REFRESH = "sopan.refresh_calendar"
#: a student's career watch run (R10.1)
CAREER_QUEUE = "career"
WATCH = "sopan.watch"


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


def _defer_once(
    db: Any, queue: str, task: str, lock: str, qlock: str, args: dict[str, Any]
) -> bool:
    """One job in the caller's transaction `db`; False when one with the same queueing lock
    is waiting already (only a savepoint is undone)."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    try:
        with db.begin_nested():
            db.execute(
                text(
                    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, :lock, "
                    ":qlock, CAST(:args AS jsonb), NULL)::procrastinate_job_to_defer_v1])"
                ),
                {"queue": queue, "task": task, "lock": lock, "qlock": qlock,
                 "args": json.dumps(args)},
            )  # fmt: skip
    except IntegrityError:
        return False
    return True


def defer_calendar_refresh(db: Any, calendar: int, owner: int) -> bool:
    """A job fetching one calendar address of `owner` again, in the caller's transaction."""
    return _defer_once(db, CALENDAR_QUEUE, REFRESH, f"student:{owner}:calendar:{calendar}",
                       f"calendar:{calendar}", {"calendar": calendar})  # fmt: skip


def watch_deferrer(owner: int) -> Any:
    """What defers a run of one of `owner`'s watches, in the caller's transaction."""

    def defer(db: Any, watch: int) -> bool:
        return _defer_once(db, CAREER_QUEUE, WATCH, f"student:{owner}:watch:{watch}",
                           f"watch:{watch}", {"watch": watch})  # fmt: skip

    return defer


def defer_scan(db: Any, mailbox: int, owner: int) -> bool:
    """A scan job for one mailbox of `owner`, in the caller's transaction `db`; whether it
    was added (one already waiting for this mailbox is enough: False). Its lock is the
    student's and the mailbox's, so two scans of one mailbox never run at once."""
    return _defer_once(db, MAIL_QUEUE, SCAN, f"student:{owner}:mailbox:{mailbox}",
                       f"scan:{mailbox}", {"mailbox": mailbox})  # fmt: skip


class Scan:
    """The scan job's work: one mailbox of one student read for new invitations by the one
    scan of sopan (`app.outbox.scan_folder`), as that student (their scope: the rows it
    writes are theirs, held by row-level security), with the password opened in this
    process's memory only."""

    def __init__(self, hosted: Hosted, allowed: tuple[str, ...]) -> None:
        #: the mail servers the centre allows now (`[serve] mail_hosts`): a server taken off
        #: the list is no longer connected to, whatever was allowed when it was given
        self.hosted, self.allowed = hosted, allowed

    def __call__(self, mailbox: int) -> str:
        """Scan `mailbox` once from where its last scan stopped; what happened."""
        from sopan.app.outbox import scan_folder
        from sopan.config.servers import ServerSettings
        from sopan.deliver.imap import Mailbox
        from sopan.errors import SopanError
        from sopan.hosted.mailkey import opened
        from sopan.store.scope import Scope

        found = self.hosted.store(SYSTEM).mailbox(mailbox)
        if found is None:
            return "skipped"  # forgotten since, with its student or alone
        student = self.hosted.store(Scope(found.owner, "student"))
        now = datetime.now(UTC)
        if not student.consented(SCAN_PURPOSE):
            student.scanned(mailbox, now=now, looked=None, error="mailbox.no_consent")
            return "skipped"
        if found.host not in self.allowed:
            student.scanned(mailbox, now=now, looked=None, error="mailbox.host_not_allowed")
            return "skipped"
        password = opened(found.secret)
        if password is None:
            student.scanned(mailbox, now=now, looked=None, error="mailbox.password_lost")
            return "failed"
        settings = ServerSettings(found.host, found.port, found.security,  # type: ignore[arg-type]
                                  found.username)  # fmt: skip
        account = student.account(found.owner)
        if account is None:
            return "skipped"
        from sopan.app.centre import config_for

        tz = config_for(account).profile.timezone  # the zone a pasted invitation is read in
        try:
            with Mailbox(settings, password) as box:
                done = scan_folder(box, student, found.account, found.folder, now=now, tz=tz)
        except SopanError as exc:
            student.scanned(mailbox, now=datetime.now(UTC), looked=None, error=exc.code)
            return "failed"
        student.scanned(mailbox, now=datetime.now(UTC), looked=done.looked, error=None)
        return "scanned"


class Refresh:
    """The refresh job's work: a student's calendar address fetched again (checked as when
    it was given), its copy replaced; a failure keeps the copy it had."""

    def __init__(self, hosted: Hosted, inside: tuple[str, ...]) -> None:
        self.hosted, self.inside = hosted, inside

    def __call__(self, calendar: int) -> str:
        """Fetch `calendar` once; what happened."""
        from sopan.app.centre import checked_calendar
        from sopan.errors import SopanError
        from sopan.hosted.fetching import fetch_calendar
        from sopan.store.scope import Scope

        found = self.hosted.store(SYSTEM).calendar(calendar)
        if found is None or found.url is None:
            return "skipped"
        student = self.hosted.store(Scope(found.owner, "student"))
        account = student.account(found.owner)
        if account is None:
            return "skipped"
        now = datetime.now(UTC)
        try:
            data = fetch_calendar(found.url, self.inside)
            checked_calendar(found.name, data, account, now=now)
        except SopanError:
            return "failed"
        student.refreshed_calendar(calendar, data, now=now)
        return "refreshed"


class Watch:
    """The career watch job's work: one watch of one student read once (the one run of
    sopan, `app.career_watch.watch_run_for`), as that student, its source fetched only
    from the public Internet or a board the centre names (`hosted.fetching`), never a file;
    what it finds is kept as the student's."""

    def __init__(self, hosted: Hosted, inside: tuple[str, ...]) -> None:
        self.hosted, self.inside = hosted, inside

    def __call__(self, watch: int) -> str:
        """Run `watch` once; what happened."""
        from sopan.app.career_watch import WatchRunRequest, watch_run_for
        from sopan.errors import SopanError
        from sopan.hosted.fetching import fetch_public
        from sopan.store.career import CareerStore
        from sopan.store.scope import Scope

        found = [w for w in CareerStore(self.hosted.store(SYSTEM)).watches() if w["id"] == watch]
        if not found or found[0]["owner"] is None:
            return "skipped"
        student = self.hosted.store(Scope(int(found[0]["owner"]), "student"))
        accept = ("application/json, application/feed+json, application/rss+xml, "
                  "application/atom+xml, text/html;q=0.9, */*;q=0.5")  # fmt: skip

        def fetch(url: str, timeout: float) -> bytes:
            return fetch_public(url, self.inside, timeout=timeout, accept=accept)

        try:
            watch_run_for(WatchRunRequest(datetime.now(UTC), store=student, only=watch,
                                          fetch=fetch))  # fmt: skip
        except SopanError:
            return "failed"
        return "ran"


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


def _runner(name: str, work: Callable[..., str] | None) -> Callable[..., None]:
    """The one body of every task: its work done once with the job's arguments (named as
    the work's own: `follow_up`, `mailbox`, …), the outcome counted and logged."""

    def run(**job: Any) -> None:
        from sopan.hosted.observe import count_job, log

        assert work is not None, f"a worker holds the work of {name}"
        outcome = work(**job)
        count_job(name, outcome)
        log("job", task=name, outcome=outcome)

    return run


def job_app(
    url: str, work: Remind | None = None, scan: Scan | None = None,
    refresh: Refresh | None = None, watcher: Watch | None = None,
) -> Any:  # fmt: skip
    """The procrastinate app over the centre's database, with its tasks."""
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=libpq_url(url)))
    tasks: tuple[tuple[str, str, Callable[..., str] | None], ...] = (
        (REMIND, QUEUE, work), (SCAN, MAIL_QUEUE, scan), (REFRESH, CALENDAR_QUEUE, refresh),
        (WATCH, CAREER_QUEUE, watcher),
    )  # fmt: skip
    for name, queue, done_by in tasks:
        app.task(name=name, queue=queue, pass_context=False)(_runner(name, done_by))
    return app


async def _retry_stalled(app: Any, after: float) -> int:
    """Put back the jobs of workers whose heartbeat stopped `after` seconds ago."""
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=after))
    for job in stalled:
        await app.job_manager.retry_job(job)
    return len(stalled)


async def work(app: Any, *, concurrency: int, stalled_after: float) -> None:
    """Run a worker until it is stopped: the jobs' queues and the sweeps' (their periodic
    deferrer too, `hosted.sweeps`), and every `stalled_after / 2` seconds the stalled jobs of
    dead workers put back."""
    from sopan.hosted.observe import log
    from sopan.hosted.sweeps import SWEEP_QUEUE

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
                queues=[QUEUE, MAIL_QUEUE, CALENDAR_QUEUE, CAREER_QUEUE, SWEEP_QUEUE],
                concurrency=concurrency,
                delete_jobs="never",
                update_heartbeat_interval=max(stalled_after / 3, 0.5),
                stalled_worker_timeout=stalled_after, install_signal_handlers=True,
            )  # fmt: skip
        finally:
            sweeper.cancel()
