"""The user's calendars: busy times in a window, free slots around an interview."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sopan.app.base import SLOT_WINDOW, config_of, first_free_moment
from sopan.app.reading import ReadRequest, read_for
from sopan.errors import UserError
from sopan.model import DEFAULT_INTERVIEW_LENGTH as DEFAULT_LENGTH
from sopan.model import Busy, Invitation, Situation, Slot

if TYPE_CHECKING:
    from sopan.config import Config


#: The longest calendar window read at once: past it, a request is refused in one line
#: instead of expanding months of repeating events.
MAX_WINDOW = timedelta(days=366)


@dataclass(frozen=True)
class SlotsRequest:
    """Free slots around an interview: from an invitation (`read`) or a time alone (`at`)."""

    now: datetime
    read: ReadRequest | None = None
    at: datetime | None = None
    calendars: tuple[str, ...] = ()
    count: int = 3
    within: timedelta = SLOT_WINDOW
    duration: timedelta | None = None
    timeout: float = 10.0
    config: Config | None = None


@dataclass(frozen=True)
class SlotsResult:
    """The interview asked about, its conflicts (None without a calendar) and free slots."""

    invitation: Invitation | None
    interview: Slot | None
    conflicts: tuple[Busy, ...] | None
    slots: tuple[Slot, ...]
    notes: tuple[str, ...]
    config: Config


@dataclass(frozen=True)
class BusyRequest:
    """Busy times in a window from the configured and the given calendars."""

    start: datetime
    end: datetime
    calendars: tuple[str, ...] = ()
    timeout: float = 10.0
    config: Config | None = None


def _check_window(start: datetime, end: datetime, field: str) -> None:
    from sopan.parse import check_year

    for moment in (start, end):
        check_year(moment.date(), field, moment.date().isoformat())
    if end - start > MAX_WINDOW:
        raise UserError("calendar.window_too_long", field=field, days=MAX_WINDOW.days)


def busy_for(req: BusyRequest) -> tuple[list[Busy], tuple[str, ...]]:
    """Busy entries in the window, from the configured calendars and the given ones."""
    from sopan.calendar import load_busy

    config = config_of(req.config)
    if req.end <= req.start:
        raise UserError("calendar.window_backwards", field="to")
    _check_window(req.start, req.end, "to")
    sources = [*config.calendar.sources, *req.calendars]
    if not sources:
        raise UserError("calendar.none_given", field="calendar")
    notes: list[str] = []
    found = load_busy(
        sources, start=req.start, end=req.end, config=config, timeout=req.timeout, warn=notes.append
    )
    return found, tuple(notes)


def slots_for(req: SlotsRequest) -> SlotsResult:
    """Free slots to move an interview to (never its own day or earlier), and its conflicts."""
    from sopan.calendar import conflicts, load_busy, propose

    config = config_of(req.config)
    tz = config.profile.timezone
    if req.within > MAX_WINDOW:
        raise UserError("calendar.window_too_long", field="within", days=MAX_WINDOW.days)
    inv = read_for(replace(req.read, config=config)).invitation if req.read else None
    start = req.at or (inv.start if inv else None)
    end = inv.end if inv and not req.at else None
    length = req.duration or (end - start if start and end and end > start else DEFAULT_LENGTH)
    asked = Invitation(
        language=config.profile.language,
        source="text",
        start=start,
        end=start + length if start else None,
        day=inv.day if inv else None,
    )
    floor = first_free_moment(asked, Situation(), req.now, tz)
    settings = config.calendar
    sources = [*settings.sources, *req.calendars]
    window_end = floor + req.within + timedelta(days=1)
    lo = min(req.now, start) if start else req.now
    hi = max(window_end, start + length) if start else window_end
    notes: list[str] = []
    found = (
        load_busy(sources, start=lo, end=hi, config=config, timeout=req.timeout, warn=notes.append)
        if sources
        else []
    )
    if not sources:
        notes.append(
            "no calendar given: slots avoid only working hours, blocked times and holidays"
        )
    proposed = propose(
        asked,
        found,
        now=req.now,
        config=config,
        within=req.within,
        count=req.count,
        not_before=floor,
    )
    interview = Slot(start, start + length) if start else None
    clash = None
    if interview is not None and sources:
        travel = timedelta(minutes=settings.travel_minutes or 0)
        clash = tuple(conflicts(interview, found, travel=travel))
    return SlotsResult(inv, interview, clash, tuple(proposed), tuple(notes), config)


def duration_of(text: str, flag: str) -> timedelta:
    """A length such as "60m", "10d", "1h30m" or "45 menit"; a bad one is an error naming
    `flag` (the field it was typed in)."""
    from sopan.parse import duration

    return duration(text, field=flag.removeprefix("--"))
