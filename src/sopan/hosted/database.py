"""The centre's database: PostgreSQL named by `SOPAN_DATABASE_URL` (or the config), opened
once per process as a `store.scope.Hosted`."""

from __future__ import annotations

from sopan.errors import UserError
from sopan.store.scope import Hosted


def centre_database(url: str | None = None, *, pool_size: int = 10) -> Hosted:
    """The centre's database, migrated, with the job queue's tables; anything but PostgreSQL
    is refused in one line."""
    from sopan.store import default_url

    url = url or default_url()
    if not url.startswith("postgresql"):
        raise UserError("hosted.needs_postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise UserError("hosted.needs_extra") from None
    from sopan.hosted.jobs import ensure_job_tables

    hosted = Hosted(url, pool_size=pool_size)
    ensure_job_tables(hosted)
    return hosted
