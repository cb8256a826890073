"""Indexes kept in memory, keyed by content hash, so the same bytes are parsed once.

A small LRU: asking again about the same calendar in one process costs a bisect.
The zone used for floating times is part of the key, since it changes the index.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from datetime import datetime

from sopan.calendar.ics import CalendarIndex, parse_calendar
from sopan.errors import InternalError
from sopan.model import Busy

_MEMORY: OrderedDict[tuple[str, str], CalendarIndex] = OrderedDict()
_MEMORY_SIZE = 16


def content_key(data: bytes, tz: str) -> str:
    """The cache key of a calendar: its content hash and the zone for floating times."""
    return hashlib.sha256(data).hexdigest() + "-" + tz.replace("/", "_")


def cached_index(data: bytes, *, tz: str, source: str) -> CalendarIndex:
    """The index of these bytes, from memory when the same content was seen before."""
    key = (content_key(data, tz), source)
    found = recall(key)
    if found is None:
        found = parse_calendar(data, tz=tz, source=source)
        remember(key, found)
    return found


def remember(key: tuple[str, str], index: CalendarIndex) -> None:
    """Keep an index in the in-memory LRU."""
    _MEMORY[key] = index
    _MEMORY.move_to_end(key)
    while len(_MEMORY) > _MEMORY_SIZE:
        _MEMORY.popitem(last=False)


def recall(key: tuple[str, str]) -> CalendarIndex | None:
    """An index from the in-memory LRU, if present (and then the most recently used)."""
    found = _MEMORY.get(key)
    if found is not None:
        _MEMORY.move_to_end(key)
    return found


def forget_all() -> None:
    """Empty the in-memory cache (as a new process would start)."""
    _MEMORY.clear()


def busy_from_ics(
    data: bytes, *, start: datetime, end: datetime, source: str, tz: str = "Asia/Jakarta"
) -> list[Busy]:
    """Busy entries of an iCalendar document that overlap [start, end), sorted by start.

    Recurrences (with RECURRENCE-ID and EXDATE exceptions) are expanded only over the
    window; transparent, cancelled and Outlook-FREE events are left out; tentative ones
    are kept with `tentative=True`. DATE and floating times are read in X-WR-TIMEZONE
    when the calendar names one, else in `tz` (the user's zone).
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise InternalError(f"{source}: the search window needs time-zone aware datetimes")
    return cached_index(data, tz=tz, source=source).busy_between(start, end)
