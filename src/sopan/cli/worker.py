"""`sopan worker`: the hosted mode's background jobs (reminders by e-mail, mailbox scans)."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace

from sopan.cli.base import Commands
from sopan.errors import UserError


def register(commands: Commands) -> None:
    """Add `sopan worker`."""
    commands.add("worker", worker, _arguments)


def _arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--concurrency", type=int, default=2, help="Jobs at once in this process (default: 2)."
    )
    parser.add_argument(
        "--stalled-after", type=float, default=30.0, metavar="SECONDS",
        help="Retry the jobs of a worker silent this long (default: 30).",
    )  # fmt: skip


def worker(args: Namespace) -> None:
    """Do a career centre's background jobs (the hosted mode): follow-up reminders by e-mail,
    the students' mailboxes scanned for new invitations (their passwords opened with
    SOPAN_MAIL_KEY), their calendar addresses fetched and their career watches run, each
    also swept periodically ([serve] scan_every, watch_every, calendar_every).

    Run as many as needed, on this machine or others, against the same database
    (SOPAN_DATABASE_URL); the mail server is the config file's [smtp] table, its password
    SOPAN_SMTP_PASSWORD. A worker that dies mid-job loses nothing: another one (or this one,
    restarted) takes its jobs up again, and a reminder that may have gone is not sent twice.
    """
    import asyncio
    import contextlib

    from sopan.config import load_config
    from sopan.config.hosted import serve_settings
    from sopan.deliver.smtp import smtp_settings
    from sopan.hosted.database import centre_database
    from sopan.hosted.jobs import Refresh, Remind, Scan, Watch, job_app, work
    from sopan.hosted.observe import configure_logging
    from sopan.hosted.sweeps import Sweep, add_sweeps

    if not 0 < args.concurrency <= 64:
        raise UserError("hosted.not_a_number", field="concurrency", value=str(args.concurrency),
                        most=64)  # fmt: skip
    if not 1 <= args.stalled_after <= 3600:
        raise UserError("hosted.not_a_number", field="stalled-after",
                        value=str(args.stalled_after), most=3600)  # fmt: skip
    config = load_config()
    smtp_settings(config)  # a worker without a mail server says so now, not at its first job
    hosted = centre_database(pool_size=args.concurrency)
    configure_logging()
    serve = serve_settings(config.sections)
    app = job_app(
        hosted.url, Remind(hosted, config), Scan(hosted, serve.mail_hosts),
        Refresh(hosted, serve.calendar_hosts), Watch(hosted, serve.career_hosts),
    )  # fmt: skip
    add_sweeps(app, Sweep(hosted, serve.mail_hosts), serve)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(work(app, concurrency=args.concurrency, stalled_after=args.stalled_after))
