"""The repeating events of a calendar index, expanded four weeks at a time under the budget.

`series_query` reads the series once (each checked, a rule that never occurs dropped, each
start moved near the weeks asked) into a recurring-ical-events query; `expand` gives the
occurrences of one piece of time as rows, counted against the command's budget.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from sopan.calendar.rows import Row, component_row, row
from sopan.ical import check_series
from sopan.ical.budget import Budget
from sopan.ical.series import Series, moved_near, prepared, summary


def expand(
    query: Any,
    lo: datetime,
    hi: datetime,
    floating: tzinfo,
    budget: Budget,
    source: str,
) -> list[Row]:
    """Occurrences of every series in [lo, hi) as rows, counted against the budget.

    recurring-ical-events spends most of its time copying a component per occurrence;
    its occurrence objects already carry the start, end and source component, so those
    are read directly when this version of the library has them.
    """
    rows: list[Row] = []
    counted = 0
    fast = getattr(query, "_occurrences_between", None)
    if fast is not None:
        for occurrence in fast(lo, hi):
            component = getattr(getattr(occurrence, "_adapter", None), "_component", None)
            if component is None:
                break
            counted += 1
            if counted % _COUNT_EVERY == 0:
                budget.spend(_COUNT_EVERY, source)
            found = row(component, occurrence.start, occurrence.end, floating)
            if found is not None:
                rows.append(found)
        else:
            budget.spend(counted % _COUNT_EVERY, source)
            return rows
        rows = []
    for component in query.between(lo, hi):
        counted += 1
        if counted % _COUNT_EVERY == 0:
            budget.spend(_COUNT_EVERY, source)
        found = component_row(component, floating)
        if found is not None:
            rows.append(found)
    budget.spend(counted % _COUNT_EVERY, source)
    return rows


#: Occurrences counted at once against the budget (and its clock looked at).
_COUNT_EVERY = 256


def series_query(
    series: bytes, source: str, anchor: datetime, floating: tzinfo
) -> tuple[Any, list[Series]]:
    """The query that expands the series, each checked and its start moved near `anchor`,
    and what each costs."""
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]
    import x_wr_timezone  # type: ignore[import-untyped]

    cal = icalendar.Calendar.from_ical(series)
    events = cal.walk("VEVENT")
    check_series(events, source)  # before anything expands a rule
    for event in events:
        prepared(event, source)  # a rule that never occurs is dropped
    if cal.get("X-WR-TIMEZONE"):
        # Google exports recurring events in UTC plus X-WR-TIMEZONE; standardising keeps
        # a weekly 10.00 meeting at 10.00 local time across a daylight-saving change
        # (and comes before moving a start, which keeps its local time)
        cal = x_wr_timezone.to_standard(cal)
    costs = []
    for event in cal.walk("VEVENT"):
        if event.get("RRULE") is not None and event.get("RECURRENCE-ID") is None:
            moved = moved_near(event, anchor)
            if moved is not event:
                _replace(cal, event, moved)
                event = moved  # its cost counts from where its expansion now begins
        cost = summary(event, floating)
        if cost is not None:
            costs.append(cost)
    return recurring_ical_events.of(cal, skip_bad_series=True), costs


def _replace(cal: Any, old: Any, new: Any) -> None:
    cal.subcomponents[:] = [new if c is old else c for c in cal.subcomponents]
