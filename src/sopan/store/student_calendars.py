"""A student's calendars in the hosted mode: uploaded .ics files and https addresses, each
kept with its bytes (the upload, or the copy last fetched), so the plan reads them from the
database and never from the server's disk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sopan.store.base import stamp, utc
from sopan.store.scope import ScopedStore


@dataclass(frozen=True)
class StudentCalendar:
    """One of a student's calendars."""

    id: int
    owner: int
    name: str
    url: str | None
    data: bytes
    created_at: datetime
    fetched_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        """The calendar as `GET /api/me/calendars` lists it (not its events)."""
        return {
            "id": self.id, "name": self.name, "url": self.url, "bytes": len(self.data),
            "created_at": self.created_at.isoformat(),
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
        }  # fmt: skip


class StudentCalendars(ScopedStore):
    """A student's calendars."""

    def add_calendar(
        self, *, name: str, data: bytes, now: datetime, url: str | None = None
    ) -> int | None:
        """Keep a calendar of this student (read already by the caller); its id, None for
        anyone but a student."""
        from sopan.store import hosted_schema as h

        if self.scope.role != "student" or self.scope.account is None:
            return None
        at = now.astimezone(UTC)
        with self._tx() as db:
            made = db.execute(
                h.student_calendars.insert().values(
                    owner=self.scope.account, name=name[:200], url=url, data=data,
                    created_at=at, fetched_at=at if url else None,
                ).returning(h.student_calendars.c.id)
            ).scalar_one()  # fmt: skip
        return int(made)

    def calendars(self) -> list[StudentCalendar]:
        """This scope's calendars, oldest first."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        c = h.student_calendars
        with self._tx() as db:
            rows = db.execute(
                select(c).where(self.visible(c)).order_by(c.c.id)
            ).mappings().all()  # fmt: skip
        return [_calendar(r) for r in rows]

    def calendar(self, calendar_id: int) -> StudentCalendar | None:
        """One calendar this scope may see, None otherwise."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        c = h.student_calendars
        with self._tx() as db:
            r = db.execute(
                select(c).where(c.c.id == calendar_id, self.visible(c))
            ).mappings().first()  # fmt: skip
        if r is None:
            return None
        return _calendar(r)

    def refreshed_calendar(self, calendar_id: int, data: bytes, *, now: datetime) -> bool:
        """A new copy of an address's calendar; whether there was such a calendar."""
        from sqlalchemy import update

        from sopan.store import hosted_schema as h

        c = h.student_calendars
        with self._tx() as db:
            return bool(db.execute(
                update(c).where(c.c.id == calendar_id, c.c.url.is_not(None), self.visible(c))
                .values(data=data, fetched_at=now.astimezone(UTC))
            ).rowcount)  # fmt: skip

    def queue_calendar_refresh(self, calendar_id: int, defer: Any) -> bool:
        """A new fetch of one of this student's addresses, queued by `defer` (in this
        transaction); whether one was added."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h

        c = h.student_calendars.c
        with self._tx() as db:
            found = db.execute(
                select(c.id, c.owner).where(c.id == calendar_id, c.url.is_not(None),
                                            self.visible(h.student_calendars))
            ).first()  # fmt: skip
            return found is not None and bool(defer(db, int(found[0]), int(found[1])))

    def remove_calendar(self, calendar_id: int) -> bool:
        """Forget one of this student's calendars; whether it was theirs."""
        from sqlalchemy import delete

        from sopan.store import hosted_schema as h

        if self.scope.role != "student":
            return False
        c = h.student_calendars
        with self._tx() as db:
            return bool(
                db.execute(delete(c).where(c.c.id == calendar_id, self.visible(c))).rowcount
            )


def _calendar(r: Any) -> StudentCalendar:
    return StudentCalendar(int(r["id"]), int(r["owner"]), r["name"], r["url"], bytes(r["data"]),
                           stamp(r["created_at"]), utc(r["fetched_at"]))  # fmt: skip
