"""The user's calendar: busy times from .ics files, ICS addresses and CalDAV, conflicts
with an interview, and free slots worth proposing instead.

`load_busy` is the I/O edge; `busy_from_ics`, `conflicts` and `free_slots` are pure.
"""

from __future__ import annotations

from sopan.calendar.context import busy_around, propose
from sopan.calendar.memory import busy_from_ics
from sopan.calendar.slots import conflicts, free_slots, holidays_between
from sopan.calendar.sources import load_busy

__all__ = [
    "busy_around",
    "busy_from_ics",
    "conflicts",
    "free_slots",
    "holidays_between",
    "load_busy",
    "propose",
]
