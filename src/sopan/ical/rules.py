"""A repeating rule (RRULE) read, checked and measured before anything expands it.

Three questions, each answered without generating one occurrence:

- is every value in its RFC 5545 range (`problem`): BYMONTH 1–12, BYSECOND 0–59, a weekday
  that is one, … and does the rule fit its DTSTART (an all-day event never repeats every
  hour)? A rule that fails is an error of the file, said in one line;
- can it ever occur (`never_occurs`): BYMONTH=2;BYMONTHDAY=30, COUNT=0 or a BYSETPOS past
  what a period holds name no day at all, and a library asked for the next one would search
  until the year 9999; such a rule is dropped and the event is its DTSTART alone, which
  recurring-ical-events counts as its first occurrence anyway;
- how many times does it occur in the busiest four weeks (`per_window`), by RFC 5545's table
  of which BY-parts add occurrences and which only filter them.

A rule is an icalendar `vRecur` or any mapping of its part names to lists of values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

Rule = Mapping[str, Any]

#: The seconds in one period of each frequency (a month at its shortest, a common year).
UNIT_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 28 * 86400,
    "YEARLY": 365 * 86400,
}
SUB_DAILY = ("SECONDLY", "MINUTELY", "HOURLY")
WINDOW_SECONDS = 28 * 86400
#: The values each numeric BY-part may take (0 is never one where a negative is allowed).
_RANGES = {
    "BYSECOND": (0, 59, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY = re.compile(r"([+-]?)(\d{0,2})(MO|TU|WE|TH|FR|SA|SU)")
#: The BY-parts that add occurrences to each frequency's period (RFC 5545, 3.3.10's table);
#: the others only keep some of them.
_EXPANDS = {
    "SECONDLY": (),
    "MINUTELY": ("BYSECOND",),
    "HOURLY": ("BYMINUTE", "BYSECOND"),
    "DAILY": ("BYHOUR", "BYMINUTE", "BYSECOND"),
    "WEEKLY": ("BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND"),
    "MONTHLY": ("BYMONTHDAY", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND"),
    "YEARLY": (
        "BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYHOUR", "BYMINUTE",
        "BYSECOND",
    ),
}  # fmt: skip
#: What share of any four weeks a filtering BY-part keeps, per value (the others may keep
#: all of a busy window: a rule for December only is as dense as ever in December).
_KEEPS = {"BYSECOND": 60, "BYMINUTE": 60, "BYHOUR": 24, "BYDAY": 7}


class RuleError(ValueError):
    """A rule's value out of its range, or a rule its DTSTART cannot have: the code of the
    error book that says so (`ical.rule_outside`) and its values (part="BYMONTH", value=13)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def values(rule: Rule, key: str) -> list[Any]:
    """The values of one part of the rule (an empty list when it is absent)."""
    found = rule.get(key)
    if found is None:
        return []
    return list(found) if isinstance(found, list | tuple) else [found]


def text(value: Any) -> str:
    """A rule value as written, upper case (vFrequency, vWeekday, vMonth are strings)."""
    return str(value).strip().upper()


def number(rule: Rule, key: str) -> int | None:
    """The one whole number of `key` (INTERVAL, COUNT), None when absent; RuleError when it
    is not a number."""
    found = values(rule, key)
    if not found:
        return None
    try:
        return int(text(found[0]))
    except ValueError:
        raise RuleError("ical.rule_not_number", part=key, value=text(found[0])[:20]) from None


def _numbers(rule: Rule, key: str) -> list[int]:
    out = []
    low, high, negative = _RANGES[key]
    for value in values(rule, key):
        try:
            found = int(text(value))
        except ValueError:
            raise RuleError("ical.rule_not_number", part=key, value=text(value)[:20]) from None
        if not (low <= found <= high or (negative and -high <= found <= -low)):
            span = f"{low}–{high}" + (f", -{high}–-{low}" if negative else "")
            raise RuleError("ical.rule_outside", part=key, value=found, span=span)
        out.append(found)
    return out


def _weekdays(rule: Rule) -> list[tuple[int, int]]:
    """BYDAY as (ordinal, weekday), the ordinal 0 when none is written ("MO" vs "-1MO")."""
    out = []
    for value in values(rule, "BYDAY"):
        match = _BYDAY.fullmatch(text(value))
        if match is None:
            raise RuleError("ical.rule_not_weekday", part="BYDAY", value=text(value)[:20])
        ordinal = int(match.group(2) or 0) * (-1 if match.group(1) == "-" else 1)
        if match.group(2) and not 1 <= abs(ordinal) <= 53:
            raise RuleError("ical.rule_outside", part="BYDAY", value=text(value), span="-53–53")
        out.append((ordinal, _WEEKDAYS.index(match.group(3))))
    return out


def frequency(rule: Rule) -> str:
    """FREQ, checked: RuleError when it is missing or no frequency."""
    found = values(rule, "FREQ")
    freq = text(found[0]) if found else ""
    if freq not in UNIT_SECONDS:
        if freq:
            raise RuleError("ical.rule_not_frequency", value=freq[:20])
        raise RuleError("ical.rule_no_frequency")
    return freq


def problem(rule: Rule, *, all_day: bool = False) -> None:
    """Raise RuleError when a value of the rule is outside its range or the rule cannot go with
    its DTSTART (`all_day`: a DATE, which repeats by whole days: RFC 5545 forbids BYHOUR,
    BYMINUTE and BYSECOND there, and every-second, -minute or -hour repeats have no day)."""
    freq = frequency(rule)
    interval = number(rule, "INTERVAL")
    if interval is not None and interval < 1:
        raise RuleError("ical.rule_interval", value=interval)
    number(rule, "COUNT")
    for key in _RANGES:
        _numbers(rule, key)
    _weekdays(rule)
    for wkst in values(rule, "WKST"):
        if text(wkst) not in _WEEKDAYS:
            raise RuleError("ical.rule_not_weekday", part="WKST", value=text(wkst)[:20])
    if all_day and freq in SUB_DAILY:
        raise RuleError("ical.rule_all_day", part=f"FREQ={freq}")
    if all_day:
        timed = [k for k in ("BYHOUR", "BYMINUTE", "BYSECOND") if values(rule, k)]
        if timed:
            raise RuleError("ical.rule_all_day", part=timed[0])


def never_occurs(rule: Rule) -> str | None:
    """Why a well-formed rule names no occurrence at all, or None when it can occur.

    Exact for the months, days of the month and days of the year asked for together (tried
    on a common and a leap year), for week numbers against months, for COUNT and for a
    BYSETPOS past the occurrences a short period holds; the rest is left to the budget.
    """
    count = number(rule, "COUNT")
    if count is not None and count < 1:
        return f"COUNT={count}"
    months = _numbers(rule, "BYMONTH")
    monthdays = _numbers(rule, "BYMONTHDAY")
    yeardays = _numbers(rule, "BYYEARDAY")
    if (monthdays or yeardays) and not _some_day(
        tuple(sorted(set(months))), tuple(sorted(set(monthdays))), tuple(sorted(set(yeardays)))
    ):
        asked = ";".join(
            f"{k}={','.join(map(str, v))}"
            for k, v in (("BYMONTH", months), ("BYMONTHDAY", monthdays), ("BYYEARDAY", yeardays))
            if v
        )
        return f"{asked} names no day of any year"
    weeks = _numbers(rule, "BYWEEKNO")
    if weeks and months and not set(months) & _months_of_weeks(weeks):
        return "BYWEEKNO and BYMONTH share no day"
    positions = _numbers(rule, "BYSETPOS")
    per_period = _per_short_period(rule)
    if positions and per_period is not None and all(abs(p) > per_period for p in positions):
        return f"BYSETPOS asks past the {per_period} occurrence(s) of each period"
    return None


@lru_cache(maxsize=256)
def _some_day(
    months: tuple[int, ...], monthdays: tuple[int, ...], yeardays: tuple[int, ...]
) -> bool:
    """Whether a day of a common or a leap year is in `months`, `monthdays` and `yeardays`
    (each empty: any)."""
    for year in (2025, 2024):
        first = date(year, 1, 1)
        length = 366 if year == 2024 else 365
        for n in range(length):
            day = first + timedelta(days=n)
            if months and day.month not in months:
                continue
            if monthdays:
                last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
                if day.day not in monthdays and day.day - last.day - 1 not in monthdays:
                    continue
            if yeardays and n + 1 not in yeardays and n - length not in yeardays:
                continue
            return True
    return False


def _months_of_weeks(weeks: Sequence[int]) -> set[int]:
    """Every month a week number can fall in (widened by a week either side: the first week
    of a year may begin in December, its last end in January)."""
    found: set[int] = set()
    for week in weeks:
        number_ = week if week > 0 else 53 + week + 1
        first, last = 7 * (number_ - 1) - 7, 7 * number_ + 7
        for n in (*range(first, last, 7), last):
            found.add((date(2025, 1, 1) + timedelta(days=n)).month)
    return found


def _per_short_period(rule: Rule) -> int | None:
    """How many occurrences one period holds, for the frequencies whose periods are all alike
    (every day has as many BYHOUR times); None for months and years."""
    freq = frequency(rule)
    if freq in ("MONTHLY", "YEARLY"):
        return None
    times = 1
    for key in _EXPANDS[freq]:
        times *= len(values(rule, key)) or 1
    return times


def per_window(rule: Rule) -> float:
    """About how many times the rule occurs in the busiest four weeks (never fewer)."""
    freq = frequency(rule)
    interval = max(number(rule, "INTERVAL") or 1, 1)
    expands = _EXPANDS[freq]
    times = 1.0
    for key in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        size = len(values(rule, key))
        if size and key in expands:
            times *= size
        elif size:
            times *= size / _KEEPS[key]
    weekdays = _weekdays(rule)
    if freq in SUB_DAILY or freq == "DAILY":
        keep = len({wd for _, wd in weekdays}) / 7 if weekdays else 1.0
        return WINDOW_SECONDS / (UNIT_SECONDS[freq] * interval) * times * keep
    if freq == "WEEKLY":
        return 4 / interval * (len(weekdays) or 1) * times
    # a month or a year with its BY-parts: what falls in four weeks of it, whatever the interval
    return _days_in_window(rule, weekdays) * times


def _days_in_window(rule: Rule, weekdays: list[tuple[int, int]]) -> float:
    """The days a monthly or yearly rule picks in the busiest four weeks."""
    monthdays = values(rule, "BYMONTHDAY")
    yeardays = values(rule, "BYYEARDAY")
    weeks = values(rule, "BYWEEKNO")
    by_weekday = sum(1 if n else 4 for n, _ in weekdays)
    if yeardays:
        days = float(min(len(yeardays), 28))
    elif monthdays:
        days = float(min(len(monthdays) * 2, 28))
    elif weeks:
        days = float(min(len(weeks), 4) * (len(weekdays) or 1))
    elif weekdays:
        days = float(min(by_weekday * (2 if frequency(rule) == "YEARLY" else 1), 28))
    else:
        days = 1.0
    if weekdays and (yeardays or monthdays):
        days *= len({wd for _, wd in weekdays}) / 7
    return max(days, 1.0)
