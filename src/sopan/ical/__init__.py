"""iCalendar helpers shared by the reader and the calendar: the budget of a recurring event.

A repeating rule is checked before anything expands it, so a hostile or broken one is a
one-line error naming the file and the limit, never a hang: a value out of its range
(`sopan.ical.rules`), an interval of 0 (which repeats the same moment for ever), more than
`MAX_PER_WINDOW` occurrences in four weeks (every second, every minute), a COUNT past
`MAX_COUNT`, more series in one file than `MAX_SERIES`, or more single events than
`MAX_EVENTS`. What all the calendars of one command may expand together is the command's
budget (`sopan.ical.budget`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sopan._infra.wording import Amount
from sopan.errors import UserError
from sopan.ical.rules import RuleError, never_occurs, number, per_window, problem
from sopan.ical.series import check_event

#: Occurrences of one series in four weeks (an hourly meeting has 672).
MAX_PER_WINDOW = 5000
#: Occurrences a COUNT may ask for.
MAX_COUNT = 100_000
#: Repeating series in one calendar file.
MAX_SERIES = 5000
#: Single events in one calendar file (ten years of a full diary is about 30,000).
MAX_EVENTS = 200_000


def check_rule(rule: Any, source: str, *, dense: bool = False, all_day: bool = False) -> None:
    """Raise UserError when one RRULE (an icalendar vRecur or a dict of lists) is malformed
    or over budget.

    `dense` allows a rule that fires more often than `MAX_PER_WINDOW` in four weeks: the
    reader asks only for the next occurrence, never for all of them. `all_day`: the event
    starts on a DATE.
    """
    try:
        problem(rule, all_day=all_day)
        if never_occurs(rule) is not None:
            return  # dropped before expansion: the event is its DTSTART alone
        count = number(rule, "COUNT")
        occurrences = per_window(rule)
    except RuleError as exc:
        raise UserError(exc.code, source=source, **exc.params) from None
    if count is not None and count > MAX_COUNT:
        raise UserError("ical.count_too_large", source=source, limit=Amount(MAX_COUNT))
    if occurrences > MAX_PER_WINDOW and not dense:
        raise UserError(
            "ical.too_dense",
            source=source,
            count=Amount(int(occurrences)),
            limit=Amount(MAX_PER_WINDOW),
        )


def check_events(count: int, source: str) -> None:
    """Raise UserError when one calendar holds more single events than `MAX_EVENTS`."""
    if count > MAX_EVENTS:
        raise UserError("ical.too_many_events", source=source, limit=Amount(MAX_EVENTS))


def check_series(components: Iterable[Any], source: str, *, dense: bool = False) -> None:
    """Check every event that repeats: its values (`check_event`), each RRULE (`check_rule`),
    and how many series there are."""
    series = 0
    for component in components:
        if hasattr(component, "errors"):
            check_event(component, source)
        rules = component.get("RRULE")
        if rules is None:
            continue
        series += 1
        if series > MAX_SERIES:
            raise UserError("ical.too_many_series", source=source, limit=Amount(MAX_SERIES))
        for rule in rules if isinstance(rules, list) else [rules]:
            check_rule(rule, source, dense=dense, all_day=_all_day(component))


def _all_day(component: Any) -> bool:
    from datetime import date, datetime

    start = getattr(component.get("DTSTART"), "dt", None)
    return isinstance(start, date) and not isinstance(start, datetime)


def follow_ups_ics(
    rows: Iterable[dict[str, Any]], kind: str = "follow-up", label: str = "follow-ups"
) -> bytes:
    """Follow-ups (or another `kind` of to-do, such as "learning", named `label`) as a
    calendar of VTODOs, each due on its day with a reminder an hour before, for the user's
    own calendar app."""
    from datetime import UTC, datetime, timedelta

    from icalendar import Alarm, Calendar, Todo

    cal = Calendar()
    cal.add("prodid", "-//sopan//follow-ups//EN")
    cal.add("version", "2.0")
    for row in rows:
        todo = Todo()
        todo.add("uid", f"sopan-{kind}-{row['id']}@sopan.invalid")
        todo.add("dtstamp", datetime.now(UTC))
        todo.add("summary", f"{row.get('company') or 'sopan'}: {row['text']}")
        todo.add("due", datetime.fromisoformat(str(row["due_at"])))
        todo.add("description", f"[{row['guideline']}] sopan {label}")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", row["text"])
        alarm.add("trigger", timedelta(hours=-1))
        todo.add_component(alarm)
        cal.add_component(todo)
    return bytes(cal.to_ical())
