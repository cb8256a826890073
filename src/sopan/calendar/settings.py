"""The `[calendar]` config table → sources, travel time and slot preferences.

```toml
[calendar]
sources = ["~/kalender.ics", "https://calendar.example.com/secret.ics",
           "caldav+https://rina@dav.example.com/calendars/rina/work/"]
caldav_username = "rina"            # when the CalDAV address carries none
working_hours = { mon = "09.00-17.00", fri = "09.00-16.00", sat = "" }
blocked = ["mon-fri 12.00-13.00 lunch", "fri 11.30-13.00 Friday prayers"]
travel_minutes = 60                 # default travel estimate for onsite interviews
country = "ID"                      # public holidays; "" to ignore them
min_notice = "tomorrow"             # or "24h", "2d", "90m"
```
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from sopan._infra import rx
from sopan.calendar.slots import DEFAULT_BLOCKED, Blocked, SlotPrefs, _default_hours
from sopan.config import Config
from sopan.errors import UserError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = rx.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})\s*$")
_DURATION = rx.compile(r"^\s*(\d+)\s*(m|min|h|d)\s*$", re.IGNORECASE)
_ORIGIN = "config [calendar]"


@dataclass(frozen=True)
class CalendarSettings:
    """Everything the `[calendar]` table says, checked."""

    sources: tuple[str, ...] = ()
    caldav_username: str | None = None
    travel_minutes: int | None = None
    prefs: SlotPrefs = field(default_factory=SlotPrefs)


def parse_duration(text: str, origin: str = _ORIGIN) -> timedelta:
    """'90m', '2h', '10d' → timedelta; UserError otherwise."""
    match = _DURATION.match(text)
    if not match:
        raise UserError(f"{origin}: '{text}' is not a duration such as 60m, 2h or 10d")
    n, unit = int(match.group(1)), match.group(2).lower()
    return {"m": timedelta(minutes=n), "min": timedelta(minutes=n), "h": timedelta(hours=n)}.get(
        unit, timedelta(days=n)
    )


def parse_range(text: str, origin: str = _ORIGIN) -> tuple[time, time]:
    """'09.00-17.00' or '9:00 - 17:00' → (start, end) with start before end."""
    match = _RANGE.match(text)
    if not match:
        raise UserError(f"{origin}: '{text}' is not a time range such as 09.00-17.00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    try:
        start, end = time(h1, m1), time(h2, m2)
    except ValueError:
        raise UserError(f"{origin}: '{text}' is not a valid time range") from None
    if start >= end:
        raise UserError(f"{origin}: '{text}' ends before it starts")
    return start, end


def parse_days(text: str, origin: str = _ORIGIN) -> frozenset[int]:
    """'mon-fri', 'fri', 'mon,wed' → weekday numbers (0 = Monday)."""
    days: set[int] = set()
    for part in text.lower().split(","):
        ends = [p.strip()[:3] for p in part.split("-")]
        if any(e not in DAYS for e in ends) or len(ends) > 2:
            raise UserError(f"{origin}: '{text}' is not a list of weekdays such as mon-fri")
        a, b = DAYS.index(ends[0]), DAYS.index(ends[-1])
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(days)


def _blocked(raw: Any) -> tuple[Blocked, ...]:
    if not isinstance(raw, list):
        raise UserError(f"{_ORIGIN}: blocked must be a list such as ['fri 11.30-13.00 prayers']")
    out: list[Blocked] = []
    for item in raw:
        parts = str(item).split(None, 2)
        if len(parts) < 2:
            raise UserError(f"{_ORIGIN}: blocked entry '{item}' needs days and a time range")
        start, end = parse_range(parts[1])
        out.append(Blocked(parse_days(parts[0]), start, end, parts[2] if len(parts) > 2 else ""))
    return tuple(out)


def _hours(raw: Any) -> Mapping[int, tuple[time, time]]:
    if isinstance(raw, str):  # one range for Monday to Friday
        return dict.fromkeys(range(5), parse_range(raw))
    if not isinstance(raw, Mapping):
        raise UserError(f"{_ORIGIN}: working_hours must be a range or a table of weekdays")
    hours = dict(_default_hours())
    for key, value in raw.items():
        for day in parse_days(str(key)):
            if value in ("", None, False):
                hours.pop(day, None)
            else:
                hours[day] = parse_range(str(value))
    return hours


def calendar_settings(config: Config | None) -> CalendarSettings:
    """Read and check the `[calendar]` table; defaults when there is none."""
    raw = (config.sections.get("calendar") if config else None) or {}
    if not isinstance(raw, Mapping):
        raise UserError(f"{_ORIGIN}: must be a table")
    sources = raw.get("sources", [])
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list):
        raise UserError(f"{_ORIGIN}: sources must be a list of files or addresses")
    notice_raw = str(raw.get("min_notice", "tomorrow")).strip().lower()
    notice = None if notice_raw in ("tomorrow", "besok") else parse_duration(notice_raw)
    default_country = config.profile.country if config else "ID"
    country = str(raw.get("country", default_country)).strip() or None
    prefs = SlotPrefs(
        working_hours=_hours(raw["working_hours"]) if "working_hours" in raw else _default_hours(),
        blocked=_blocked(raw["blocked"]) if "blocked" in raw else DEFAULT_BLOCKED,
        min_notice=notice,
        country=country,
    )
    travel = raw.get("travel_minutes")
    if travel is not None and (not isinstance(travel, int) or travel < 0):
        raise UserError(f"{_ORIGIN}: travel_minutes must be a whole number of minutes")
    user = raw.get("caldav_username")
    return CalendarSettings(
        tuple(str(s) for s in sources), str(user) if user else None, travel, prefs
    )
