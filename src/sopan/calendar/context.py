"""The calendar as the plan and the drafts need it: busy times around an interview, and
slots to propose instead of it (R1.1, R5).

`busy_around` is an I/O edge that never stops the caller: a calendar that cannot be read
is reported through `warn` and left out, so sopan still works without it. `propose` is pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sopan.calendar.slots import free_slots
from sopan.calendar.sources import load_busy, load_busy_data
from sopan.config import Config
from sopan.errors import SopanError
from sopan.model import Busy, Invitation, Slot, interview_length

#: A day either side of the interview leaves room for the longest travel the plan estimates.
MARGIN = timedelta(days=1)


def busy_around(
    inv: Invitation,
    extra_sources: Sequence[str],
    *,
    now: datetime,
    config: Config,
    within: timedelta,
    warn: Callable[[str], None],
    timeout: float = 10.0,
    held: Sequence[tuple[str, bytes]] = (),
) -> list[Busy]:
    """Busy times from the configured and extra calendars, and the calendars `held` as
    (name, bytes), from now to `within` ahead and around the interview; each calendar that
    fails is named through `warn` and skipped."""
    sources = list(dict.fromkeys([*config.calendar.sources, *extra_sources]))
    lo, hi = now, now + within + MARGIN
    if inv.start is not None:
        lo = min(lo, inv.start - MARGIN)
        hi = max(hi, inv.start + interview_length(inv) + MARGIN)
    busy: list[Busy] = []
    for source in sources:
        try:
            busy += load_busy([source], start=lo, end=hi, config=config, timeout=timeout, warn=warn)
        except SopanError as exc:
            warn(f"{exc} (going on without this calendar)")
    for name, data in held:
        try:
            busy += load_busy_data(name, data, start=lo, end=hi, config=config)
        except SopanError as exc:
            warn(f"{exc} (going on without this calendar)")
    return sorted(busy, key=lambda b: b.start)


def propose(
    inv: Invitation,
    busy: Sequence[Busy],
    *,
    now: datetime,
    config: Config,
    within: timedelta,
    travel: timedelta = timedelta(0),
    count: int = 3,
    not_before: datetime | None = None,
) -> tuple[Slot, ...]:
    """Free slots as long as the interview, at its time of day where possible, best first.

    The interview's own time is never proposed, and for an onsite interview every busy
    entry is widened by the travel time, so the way there and back is free as well.
    """
    tz = config.profile.timezone
    taken = list(busy)
    if inv.start is not None:
        taken.append(Busy(inv.start, inv.start + interview_length(inv), "interview"))
    if travel > timedelta(0):
        taken = [replace(b, start=b.start - travel, end=b.end + travel) for b in taken]
    preferred = inv.start.astimezone(ZoneInfo(tz)).time() if inv.start else None
    return tuple(
        free_slots(
            taken,
            now=now,
            duration=interview_length(inv),
            count=count,
            within=within,
            prefs=config.calendar.prefs,
            preferred_time=preferred,
            tz=tz,
            not_before=not_before,
        )
    )
