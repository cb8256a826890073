"""A calendar event as a busy row: when it starts and ends (UTC seconds), what it is called,
and whether it is tentative; None when it does not make the user busy."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any


def aware(value: date | datetime, floating: tzinfo) -> datetime:
    """A DATE or floating DATE-TIME is read in the calendar's (or user's) zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=floating)
    return datetime(value.year, value.month, value.day, tzinfo=floating)


def busy_state(component: Any) -> bool | None:
    """None when the event does not make the user busy, else whether it is tentative."""
    status = str(component.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return None
    if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
        return None
    # Outlook keeps its own free/busy state beside TRANSP.
    ms_state = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    if ms_state == "FREE":
        return None
    return status == "TENTATIVE" or ms_state == "TENTATIVE"


def _span(component: Any, floating: tzinfo) -> tuple[datetime, datetime] | None:
    start = component.get("DTSTART")
    if start is None:
        return None
    end, duration = component.get("DTEND"), component.get("DURATION")
    return span_of(
        start.dt,
        end.dt if end is not None else None,
        duration.dt if duration is not None else None,
        floating,
    )


def span_of(
    raw_start: date | datetime,
    raw_end: date | datetime | None,
    duration: timedelta | None,
    floating: tzinfo,
) -> tuple[datetime, datetime]:
    """Start and end, aware; an all-day event without end lasts a day, an end before the
    start is the start."""
    start = aware(raw_start, floating)
    if raw_end is not None:
        end = aware(raw_end, floating)
    elif duration is not None:
        end = start + duration
    elif not isinstance(raw_start, datetime):
        end = start + timedelta(days=1)  # RFC 5545: an all-day event without end lasts a day
    else:
        end = start
    return start, max(start, end)


#: start, end (UTC seconds), summary, tentative
Row = tuple[float, float, str, bool]


def row(component: Any, start: Any, end: Any, floating: tzinfo) -> Row | None:
    """One busy row, or None when the event does not make the user busy."""
    state = busy_state(component)
    if state is None or start is None:
        return None
    a = aware(start, floating).timestamp()
    b = aware(end, floating).timestamp() if end is not None else a
    return (a, max(a, b), str(component.get("SUMMARY", "")), state)


def component_row(component: Any, floating: tzinfo) -> Row | None:
    if busy_state(component) is None:
        return None
    span = _span(component, floating)
    if span is None:
        return None
    return row(component, span[0], span[1], floating)
