"""The centre's own settings kept in the database by an admin, one row per name in
`centre_settings`: its letterhead (a name, address lines, and a logo's bytes), printed on every
letter a student downloads. Anyone signed in reads them (a letterhead is no one's personal
data); only an admin (or sopan itself) writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sopan.store.privacy import Privacy

#: the row holding the letterhead
LETTERHEAD = "letterhead"


@dataclass(frozen=True)
class KeptLetterhead:
    """The letterhead as an admin set it."""

    name: str
    lines: tuple[str, ...]
    logo: bytes | None
    #: the logo's kind: "PNG" or "JPEG"
    logo_kind: str | None
    updated_at: datetime


class CentreStore(Privacy):
    """The centre's settings."""

    def letterhead(self) -> KeptLetterhead | None:
        """The letterhead an admin set, or None."""
        from sqlalchemy import select

        from sopan.store import hosted_schema as h
        from sopan.store.base import stamp

        c = h.centre_settings.c
        with self._tx() as db:
            row = db.execute(
                select(c.value, c.file, c.updated_at).where(c.name == LETTERHEAD)
            ).first()
        if row is None:
            return None
        value = dict(row[0] or {})
        lines = tuple(str(line) for line in value.get("lines") or ())
        kind = value.get("logo_kind")
        return KeptLetterhead(str(value.get("name") or ""), lines, row[1],
                              str(kind) if kind else None, stamp(row[2]))  # fmt: skip

    def set_letterhead(
        self, name: str, lines: tuple[str, ...], *, logo: bytes | None, logo_kind: str | None,
        keep_logo: bool, now: datetime,
    ) -> bool:  # fmt: skip
        """Set the letterhead (checked by the caller): with `keep_logo` and no new logo, the
        logo kept before stays. Audited; False for anyone but an admin or sopan itself."""
        from sqlalchemy import delete, select

        from sopan.store import hosted_schema as h

        if self.scope.role not in ("admin", "system"):
            return False
        c = h.centre_settings.c
        with self._tx() as db:
            if logo is None and keep_logo:
                before = db.execute(select(c.value, c.file).where(c.name == LETTERHEAD)).first()
                if before is not None and before[1] is not None:
                    logo, logo_kind = before[1], (before[0] or {}).get("logo_kind")
            db.execute(delete(h.centre_settings).where(c.name == LETTERHEAD))
            value = {"name": name, "lines": list(lines), "logo_kind": logo_kind if logo else None}
            db.execute(
                h.centre_settings.insert().values(name=LETTERHEAD, value=value, file=logo,
                                                  updated_at=now.astimezone(UTC))
            )  # fmt: skip
            self._audit(db, "letterhead", now=now, subject=None, target="centre:letterhead")
        return True
