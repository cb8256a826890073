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

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from sopan.calendar.slots import DEFAULT_BLOCKED, Blocked, SlotPrefs, _default_hours
from sopan.config import Config
from sopan.errors import UserError


@dataclass(frozen=True)
class CalendarSettings:
    """Everything the `[calendar]` table says, checked."""

    sources: tuple[str, ...] = ()
    caldav_username: str | None = None
    travel_minutes: int | None = None
    prefs: SlotPrefs = field(default_factory=SlotPrefs)


#: the field of each setting, as an error names it
_BLOCKED, _HOURS, _NOTICE = (
    "config.calendar.blocked",
    "config.calendar.working_hours",
    ("config.calendar.min_notice"),
)


def _blocked(raw: Any) -> tuple[Blocked, ...]:
    """Breaks typed as people write them: "senin-jumat 12.00-13.00 makan siang"."""
    from sopan import parse

    if not isinstance(raw, list):
        raise UserError("config.not_a_list", field=_BLOCKED, example="fri 11.30-13.00 prayers")
    out: list[Blocked] = []
    for item in raw:
        found = parse.weekly(str(item), field=_BLOCKED)
        out.append(Blocked(found.days, found.start, found.end, found.label))
    return tuple(out)


def _hours(raw: Any) -> Mapping[int, tuple[time, time]]:
    from sopan import parse

    if isinstance(raw, str):  # one range for Monday to Friday
        return dict.fromkeys(range(5), parse.clock_range(raw, field=_HOURS))
    if not isinstance(raw, Mapping):
        raise UserError("config.not_hours", field=_HOURS)
    hours = dict(_default_hours())
    for key, value in raw.items():
        for day in parse.weekdays(str(key), field=_HOURS):
            if value in ("", None, False):
                hours.pop(day, None)
            else:
                hours[day] = parse.clock_range(str(value), field=_HOURS)
    return hours


def calendar_settings(config: Config | None) -> CalendarSettings:
    """Read and check the `[calendar]` table; defaults when there is none."""
    raw = (config.sections.get("calendar") if config else None) or {}
    if not isinstance(raw, Mapping):
        raise UserError("config.not_a_table", field="config.calendar")
    sources = raw.get("sources", [])
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list):
        raise UserError(
            "config.not_a_list", field="config.calendar.sources", example="~/kalender.ics"
        )
    notice_raw = str(raw.get("min_notice", "tomorrow")).strip().lower()
    notice = None
    if notice_raw not in ("tomorrow", "besok"):
        from sopan.parse import duration

        notice = duration(notice_raw, field=_NOTICE)
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
        raise UserError("config.not_minutes", field="config.calendar.travel_minutes")
    user = raw.get("caldav_username")
    return CalendarSettings(
        tuple(str(s) for s in sources), str(user) if user else None, travel, prefs
    )
