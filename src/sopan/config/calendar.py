"""The `[calendar]` table → sources, travel time and where slots may fall, checked once.

```toml
[calendar]
sources = ["~/kalender.ics", "https://calendar.example.com/secret.ics",
           "caldav+https://rina@dav.example.com/calendars/rina/work/"]
caldav_username = "rina"            # when the CalDAV address carries none
working_hours = { "senin-kamis" = "09.00-17.00", jumat = "09.00-16.00", sabtu = "" }
blocked = ["senin-jumat 12.00-13.00 makan siang", "jumat 11.30-13.00 salat Jumat"]
travel_minutes = 60                 # default travel estimate for onsite interviews
country = "ID"                      # public holidays; "" to ignore them
min_notice = "tomorrow"             # or "besok", "24h", "2 hari", "90 menit"
```

Days, times and lengths are written as people write them (the one parser, `sopan.parse`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from sopan.errors import UserError
from sopan.parse import Weekly

#: where a key is written ("~/.config/sopan/config.toml:12"), for an error to name it
Where = Callable[[str, str | None], str]


#: A period never proposed on the given weekdays, e.g. lunch: what people type, parsed
Blocked = Weekly


def default_hours() -> Mapping[int, tuple[time, time]]:
    """Monday to Friday, 09.00–17.00."""
    return {d: (time(9), time(17)) for d in range(5)}


DEFAULT_BLOCKED: tuple[Blocked, ...] = (
    Blocked(frozenset(range(5)), time(12), time(13), "lunch"),
    Blocked(frozenset({4}), time(11, 30), time(13), "Friday prayers"),
)


@dataclass(frozen=True)
class SlotPrefs:
    """Where slots may fall: working hours per weekday, blocked periods, notice, holidays.

    `min_notice=None` means "not before tomorrow" in the user's zone. `country=None`
    ignores public holidays. `step` is the grid slot starts are aligned to.
    """

    working_hours: Mapping[int, tuple[time, time]] = field(default_factory=default_hours)
    blocked: tuple[Blocked, ...] = DEFAULT_BLOCKED
    min_notice: timedelta | None = None
    country: str | None = "ID"
    step: timedelta = timedelta(minutes=30)


@dataclass(frozen=True)
class CalendarSettings:
    """Everything the `[calendar]` table says, checked."""

    sources: tuple[str, ...] = ()
    caldav_username: str | None = None
    travel_minutes: int | None = None
    prefs: SlotPrefs = field(default_factory=SlotPrefs)


def _field(key: str) -> str:
    return f"config.calendar.{key}"


def _blocked(raw: Any, where: Where) -> tuple[Blocked, ...]:
    """Breaks typed as people write them: "senin-jumat 12.00-13.00 makan siang"."""
    from sopan import parse

    at = where("calendar", "blocked")
    if not isinstance(raw, list):
        example = "jumat 11.30-13.00 salat Jumat"
        raise UserError("config.not_a_list", field=_field("blocked"), at=at, example=example)
    out: list[Blocked] = []
    for item in raw:
        try:
            found = parse.weekly(str(item), field=_field("blocked"))
        except UserError as exc:
            raise UserError(exc.code, field=exc.field, at=at, **exc.params) from None
        out.append(found)
    return tuple(out)


def _hours(raw: Any, where: Where) -> Mapping[int, tuple[time, time]]:
    from sopan import parse

    name, at = _field("working_hours"), where("calendar", "working_hours")
    try:
        if isinstance(raw, str):  # one range for Monday to Friday
            return dict.fromkeys(range(5), parse.clock_range(raw, field=name))
        if not isinstance(raw, Mapping):
            raise UserError("config.not_hours", field=name)
        hours = dict(default_hours())
        for key, value in raw.items():
            for day in parse.weekdays(str(key), field=name):
                if value in ("", None, False):
                    hours.pop(day, None)
                else:
                    hours[day] = parse.clock_range(str(value), field=name)
    except UserError as exc:
        raise UserError(exc.code, field=exc.field, at=at, **exc.params) from None
    return hours


def calendar_section(raw: Any, *, country: str | None, where: Where) -> CalendarSettings:
    """The `[calendar]` table checked (defaults when there is none); `country` is the
    profile's, for the public holidays unless the table names another."""
    from sopan import parse

    raw = raw or {}
    if not isinstance(raw, Mapping):
        raise UserError("config.not_a_table", field="config.calendar", at=where("calendar", None))
    sources = raw.get("sources", [])
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list):
        at = where("calendar", "sources")
        raise UserError("config.not_a_list", field=_field("sources"), at=at, example="~/kal.ics")
    notice_raw = str(raw.get("min_notice", "tomorrow")).strip().lower()
    notice = None
    if notice_raw not in ("tomorrow", "besok"):
        try:
            notice = parse.duration(notice_raw, field=_field("min_notice"))
        except UserError as exc:
            at = where("calendar", "min_notice")
            raise UserError(exc.code, field=exc.field, at=at, **exc.params) from None
    chosen = str(raw.get("country", country or "")).strip() or None
    prefs = SlotPrefs(
        working_hours=_hours(raw["working_hours"], where)
        if "working_hours" in raw
        else default_hours(),
        blocked=_blocked(raw["blocked"], where) if "blocked" in raw else DEFAULT_BLOCKED,
        min_notice=notice,
        country=chosen,
    )
    travel = raw.get("travel_minutes")
    if travel is not None and (
        isinstance(travel, bool) or not isinstance(travel, int) or travel < 0
    ):
        at = where("calendar", "travel_minutes")
        raise UserError("config.not_minutes", field=_field("travel_minutes"), at=at)
    user = raw.get("caldav_username")
    return CalendarSettings(
        tuple(str(s) for s in sources), str(user) if user else None, travel, prefs
    )
