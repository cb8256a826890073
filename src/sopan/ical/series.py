"""Repeating events before they are expanded: their values checked, what each will cost, and
their start moved forward to where the occurrences are wanted.

`check_event` turns every value icalendar could not read (a broken RRULE, TZOFFSETFROM,
DURATION, a DTSTART that is a PERIOD) into one line naming the file and the property, where
the libraries would raise a dozen kinds of error, some of them much later. `prepared` checks
each rule (`sopan.ical.rules`) and drops one that never occurs. `moved_near` moves a series'
DTSTART forward by whole cycles of its rule, so a rule that began years ago is not stepped
through from then on (every minute since 2015 is millions of steps) to reach this week.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sopan._infra.controls import quote
from sopan._infra.wording import Amount
from sopan.errors import UserError
from sopan.ical.rules import (
    SUB_DAILY,
    WINDOW_SECONDS,
    RuleError,
    frequency,
    never_occurs,
    number,
    per_window,
    problem,
    values,
)

#: The properties that say when an event is: one of them unreadable makes the event unreadable.
_WHEN = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
#: The longest an event may last (a sabbatical is a year; past a century it is no event).
MAX_DURATION = timedelta(days=36_600)


@dataclass(frozen=True)
class Series:
    """What expanding one series costs: from when (UTC seconds, its start as the expansion
    sees it: moved forward or not), until when, at most how many, and how many in the
    busiest four weeks."""

    start: float
    until: float | None
    count: int | None
    per_window: float

    def estimate(self, since: float, hi: float) -> float:
        """About how many occurrences expanding up to `hi` steps through, what was expanded
        before `since` being remembered (recurring-ical-events keeps what it has made)."""
        begin = max(self.start, since)
        end = hi if self.until is None else min(hi, self.until)
        if begin >= end:
            return 0.0
        found = self.per_window * (end - begin) / WINDOW_SECONDS + 1
        return min(found, self.count) if self.count is not None else found


def check_event(component: Any, source: str) -> None:
    """Raise UserError, one line naming `source` and the property, when a value that says when
    the event is could not be read, is a period where a date belongs, or lasts past reason."""
    for name, message in getattr(component, "errors", None) or ():
        if str(name).upper() in _WHEN:
            raise UserError("ical.unreadable_value", source=source, name=name, why=quote(message))
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = component.get(name)
        if prop is not None and not isinstance(getattr(prop, "dt", None), date):
            raise UserError("ical.not_a_date", source=source, name=name)
    duration = component.get("DURATION")
    if duration is not None:
        value = getattr(duration, "dt", None)
        if not isinstance(value, timedelta):
            raise UserError("ical.not_a_duration", source=source)
        if abs(value) > MAX_DURATION:
            raise UserError("ical.too_long", source=source, days=Amount(value.days))


def _rules(component: Any) -> list[Any]:
    found = component.get("RRULE")
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _all_day(component: Any) -> bool:
    start = getattr(component.get("DTSTART"), "dt", None) if hasattr(component, "get") else None
    return isinstance(start, date) and not isinstance(start, datetime)


def check_rules(component: Any, source: str) -> list[Any]:
    """The rules of one event that can occur, each checked (UserError when one is malformed:
    a value out of its range, a rule its DTSTART cannot have)."""
    kept = []
    for rule in _rules(component):
        try:
            problem(rule, all_day=_all_day(component))
            if never_occurs(rule) is None:
                kept.append(rule)
        except RuleError as exc:
            raise UserError(exc.code, source=source, **exc.params) from None
    return kept


def prepared(component: Any, source: str) -> Any:
    """The event checked (`check_event`, `check_rules`), without the rules that never occur:
    the event is then its DTSTART alone, as recurring-ical-events would make it anyway."""
    check_event(component, source)
    rules = _rules(component)
    kept = check_rules(component, source)
    if len(kept) == len(rules):
        return component
    del component["RRULE"]
    for rule in kept:
        component.add("RRULE", rule)
    return component


def _seconds(value: Any, floating: tzinfo) -> float | None:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=floating)
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, tzinfo=floating)
    else:
        return None
    try:
        return moment.timestamp()
    except (OverflowError, ValueError):
        return None


def summary(component: Any, floating: tzinfo) -> Series | None:
    """What expanding this event costs, for the budget; None for an event without a start."""
    start = _seconds(getattr(component.get("DTSTART"), "dt", None), floating)
    if start is None:
        return None
    rules = _rules(component)
    if not rules:  # RDATEs, or an override (RECURRENCE-ID): a few single occurrences
        rdates = component.get("RDATE") or []
        listed = rdates if isinstance(rdates, list) else [rdates]
        extra = sum(len(getattr(p, "dts", [])) for p in listed)
        return Series(start, None, extra + 1, float(extra + 1))
    density = sum(per_window(rule) for rule in rules)
    counts = [number(rule, "COUNT") for rule in rules]
    untils = [_seconds((values(rule, "UNTIL") or [None])[0], floating) for rule in rules]
    count = sum(c for c in counts if c) if all(counts) else None
    until = max(u for u in untils if u is not None) if all(u is not None for u in untils) else None
    return Series(start, until, count, density)


#: Whole cycles a rule may be moved by: days for a rule of days, weeks, or hours and less;
#: years for months and years (moving by months would change a day such as the 31st).
def _cycle(rule: Any) -> tuple[str, int] | None:
    try:
        freq = frequency(rule)
        interval = max(number(rule, "INTERVAL") or 1, 1)
    except RuleError:
        return None
    if number(rule, "COUNT") is not None:
        return None  # counted from its first occurrence: only the whole series says which
    if freq in SUB_DAILY or freq == "DAILY":
        return "days", interval  # whole days are whole intervals of hours, minutes, seconds
    if freq == "WEEKLY":
        return "days", 7 * interval
    if freq == "MONTHLY":
        return "years", math.lcm(interval, 12) // 12
    return "years", interval


def moved_near(event: Any, before: datetime) -> Any:
    """The event (a copy) with its DTSTART, and DTEND, moved forward by whole cycles of its
    rule to the last cycle that ends before `before`: expanding it gives the same occurrences
    from `before` on, without stepping through every one since the series began. The event
    as it is when it cannot be moved (COUNT, a 29 February, several rules, no rule)."""
    rules = _rules(event)
    start_prop = event.get("DTSTART")
    start = getattr(start_prop, "dt", None)
    cycle = _cycle(rules[0]) if len(rules) == 1 else None
    if cycle is None or not isinstance(start, date):
        return event
    end_prop = event.get("DTEND")
    end = getattr(end_prop, "dt", None)
    span = end - start if isinstance(end, type(start)) and end > start else timedelta(0)
    limit = _comparable(before, start) - span - timedelta(days=1)
    shift = _shift(start, limit, cycle)
    if shift is None:
        return event
    try:
        new_start, new_end = shift(start), shift(end) if isinstance(end, date) else None
    except (ValueError, OverflowError):  # past the year 9999, or an end on a 29 February
        return event
    moved = copy.deepcopy(event)
    del moved["DTSTART"]
    moved.add("DTSTART", new_start)
    if new_end is not None:
        del moved["DTEND"]
        moved.add("DTEND", new_end)
    return moved


def _comparable(before: datetime, start: date) -> Any:
    """`before` as a value comparable with `start`: a date, a naive or an aware time."""
    if not isinstance(start, datetime):
        return before.date()
    if start.tzinfo is None:
        return before.replace(tzinfo=None)
    return before.astimezone(start.tzinfo if start.tzinfo else UTC)


def _shift(start: date, limit: Any, cycle: tuple[str, int]) -> Any:
    """A function moving a value by the most whole cycles that keep `start` before `limit`,
    or None when no whole cycle fits."""
    unit, size = cycle
    try:
        if limit <= start:
            return None
    except TypeError:
        return None
    if unit == "days":
        step = timedelta(days=size)
        times = (limit - start) // step
        return (lambda value: value + step * times) if times > 0 else None
    if (start.month, start.day) == (2, 29):
        return None
    years = (limit.year - start.year - 1) // size * size
    return (lambda value: value.replace(year=value.year + years)) if years > 0 else None
