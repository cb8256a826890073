"""The career centre's cancellation policy: a cut-off before the interview (so many hours,
or so many working days with weekends and Indonesian public holidays and joint leave days not
counted, from `calendar.slots.holidays_between`). A student cancelling inside it is told so,
gets the plan's extra step, and drafts an apology letter to the employer with the career
office in copy (`hosted.apology`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sopan.config.hosted import CentreSettings, Cutoff

#: the zone the centre counts working days in
ZONE = ZoneInfo("Asia/Jakarta")


def working_days_between(first: date, last: date, country: str) -> int:
    """Working days after `first` up to and including `last` (none when `last` is not after
    `first`): Monday to Friday, less the public holidays of `country`."""
    from sopan.calendar.slots import holidays_between

    if last <= first:
        return 0
    off = holidays_between(country, first, last)
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            count += 1
    return count


def inside(start: datetime, now: datetime, cutoff: Cutoff, country: str = "ID") -> bool:
    """Whether cancelling now, for an interview at `start`, falls inside the cut-off (an
    interview already begun is past any policy: it is not 'inside')."""
    if start <= now:
        return False
    if cutoff.unit == "hours":
        return start - now < timedelta(hours=cutoff.amount)
    today, day = now.astimezone(ZONE).date(), start.astimezone(ZONE).date()
    return working_days_between(today, day, country) <= cutoff.amount


def inside_cutoff(case: dict[str, Any], centre: CentreSettings, *, now: datetime) -> bool:
    """Whether the case's interview is inside the centre's cut-off now."""
    start = (case.get("invitation") or {}).get("start")
    if centre.cutoff is None or not start:
        return False
    return inside(datetime.fromisoformat(start), now, centre.cutoff, centre.country)
