"""Which event of a calendar file an invitation is about, and which of its occurrences.

A file may hold one event, a recurring series (RRULE/RDATE/EXDATE with RECURRENCE-ID
overrides), or several unrelated events. The invitation is about the series that names
an interview, and about its next occurrence at or after `now`: a weekly series that began
last month is not about last month's date.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sopan.errors import UserError
from sopan.ical import check_series
from sopan.ical.budget import command_budget
from sopan.ical.series import check_event, moved_near, prepared
from sopan.read.words import phrase_re, words

#: Events read from one file; a real invitation has one series and a few overrides.
MAX_EVENTS = 50
#: Growing windows to look for the next occurrence in: a rule firing every second is found
#: in the first minute, a yearly one within a few years, and nothing runs without end.
_WINDOWS = tuple(timedelta(minutes=16**k) for k in range(7))  # 1 min … about 32 years
_BUDGET_SECONDS = 0.5


class NotAnInvitation(UserError):
    """The calendar file is a cancellation, a reply or a counter-proposal."""


@dataclass
class Pick:
    """The chosen component (an occurrence of a series, or a single event) and its rivals."""

    event: Any
    master: Any
    #: the component written in the file that the occurrence comes from: its override
    #: (RECURRENCE-ID) when it has one, else the series; its SEQUENCE is the one to answer
    written: Any = None
    #: other series in the file that could equally be the interview: (start, summary)
    rivals: tuple[tuple[str, str], ...] = ()
    #: the chosen occurrence's original start, when the event is part of a series
    recurrence_id: date | None = None


def first_events_only(raw: str) -> str:
    """The file up to its MAX_EVENTS-th event: a huge file stays cheap to parse."""
    end = -1
    for _ in range(MAX_EVENTS):
        found = raw.find("END:VEVENT", end + 1)
        if found < 0:
            return raw
        end = found
    return raw[: end + len("END:VEVENT")] + "\r\nEND:VCALENDAR\r\n"


def refuse_non_invitation(cal: Any, origin: str) -> None:
    """A UserError when the file is a cancellation, a reply or a counter-proposal."""
    method = str(cal.get("METHOD") or "").strip().upper()
    said = words()["calendar_not_invitation"]
    if method in said:
        raise NotAnInvitation(f"{origin}: {said[method]}")


def _cancelled(event: Any) -> bool:
    return str(event.get("STATUS") or "").strip().upper() == "CANCELLED"


def _groups(events: list[Any]) -> list[list[Any]]:
    """Events sharing a UID are one series (its master and its overrides), in file order."""
    by_uid: dict[str, list[Any]] = {}
    out: list[list[Any]] = []
    for event in events:
        uid = str(event.get("UID") or "").strip()
        if uid and uid in by_uid:
            by_uid[uid].append(event)
            continue
        group = [event]
        out.append(group)
        if uid:
            by_uid[uid] = group
    return out


def _master(group: list[Any]) -> Any:
    return next((e for e in group if e.get("RECURRENCE-ID") is None), group[0])


def _aware(value: object, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=zone)
    return None


def _start_of(event: Any, zone: ZoneInfo) -> datetime | None:
    prop = event.get("DTSTART")
    try:
        return _aware(prop.dt, zone) if prop is not None else None
    except Exception:  # a malformed DTSTART: no start
        return None


def _earliest(group: list[Any], zone: ZoneInfo) -> datetime | None:
    """The earliest moment any occurrence can start: a DTSTART or an RDATE."""
    starts = [s for s in (_start_of(e, zone) for e in group) if s]
    for event in group:
        rdates = event.get("RDATE") or []
        for prop in rdates if isinstance(rdates, list) else [rdates]:
            for item in getattr(prop, "dts", []):
                moment = _aware(getattr(item, "dt", None), zone)
                if moment:
                    starts.append(moment)
    return min(starts) if starts else None


def _recurs(group: list[Any]) -> bool:
    return len(group) > 1 or any(e.get("RRULE") or e.get("RDATE") for e in group)


def _next_occurrence(
    cal: Any, group: list[Any], now: datetime, zone: ZoneInfo, origin: str
) -> Any | None:
    """The first occurrence starting at or after `now` that is not cancelled, or None."""
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]

    earliest = _earliest(group, zone)
    if earliest is None:
        return None
    # a rule over budget is refused before it is expanded, one that never occurs dropped; a
    # series is moved near `now` below, since only its next occurrence is wanted
    check_series(group, origin, dense=True)
    for event in group:
        prepared(event, origin)
    sub = icalendar.Calendar()
    for tz in cal.walk("VTIMEZONE"):
        sub.add_component(tz)
    master = _master(group)
    for event in group:
        sub.add_component(moved_near(event, now) if event is master else event)
    try:
        query = recurring_ical_events.of(sub, skip_bad_series=True)
    except Exception:  # a rule the library cannot read: the series' own DTSTART stands
        return None
    low = max(now, earliest)
    deadline = time.perf_counter() + _BUDGET_SECONDS
    with command_budget() as budget:
        for width in _WINDOWS:
            try:
                found = query.between(low, low + width)
            except Exception:
                return None
            budget.spend(len(found), origin)  # the command's budget: the reader's share
            upcoming = [
                (s, e)
                for e in found
                if (s := _start_of(e, zone)) is not None and s >= now and not _cancelled(e)
            ]
            if upcoming:
                return min(upcoming, key=lambda pair: pair[0])[1]
            if time.perf_counter() > deadline:
                break
    return None


def _about_interview(event: Any) -> bool:
    text = " ".join(str(event.get(k) or "") for k in ("SUMMARY", "DESCRIPTION"))
    return bool(phrase_re("invitation_words").search(text))


def pick_event(cal: Any, *, now: datetime, zone: ZoneInfo, origin: str) -> Pick:
    """The event the invitation is about: its series' next occurrence at or after `now`.

    Raises UserError for a cancellation (METHOD:CANCEL, or every event STATUS:CANCELLED),
    a reply or a counter-proposal, and for a file without events. When several unrelated
    series could each be the interview, the first is chosen and the others are rivals.
    Of a series whose occurrences have all passed, its first (DTSTART) is kept.
    """
    refuse_non_invitation(cal, origin)
    events = list(cal.walk("VEVENT"))
    if not events:
        raise UserError("read.no_event", source=origin)
    for event in events:
        check_event(event, origin)  # a value that says when, unreadable: one line naming it
    groups = _groups(events)
    live = [g for g in groups if not _cancelled(_master(g))]
    if not live:
        raise NotAnInvitation(f"{origin}: {words()['calendar_not_invitation']['CANCEL']}")
    named = [g for g in live if _about_interview(_master(g))]
    candidates = named or live
    chosen: list[tuple[list[Any], Any]] = []
    for group in candidates[: 1 if len(candidates) == 1 else 5]:
        event = _next_occurrence(cal, group, now, zone, origin) if _recurs(group) else None
        chosen.append((group, event if event is not None else _master(group)))
    if len(chosen) > 1:
        # the soonest upcoming first: a past event among them is the least likely one
        def rank(pair: tuple[list[Any], Any]) -> tuple[bool, datetime]:
            start = _start_of(pair[1], zone) or datetime.max.replace(tzinfo=zone)
            return start < now, start

        chosen.sort(key=rank)
    rivals = tuple(
        (
            (_start_of(e, zone) or datetime.min).astimezone(zone).isoformat(),
            str(e.get("SUMMARY") or "").strip(),
        )
        for _, e in chosen
    )
    group, event = chosen[0]
    rid = event.get("RECURRENCE-ID") if _recurs(group) else None
    return Pick(
        event=event,
        master=_master(group),
        written=_written(group, event, zone),
        rivals=rivals if len(chosen) > 1 else (),
        recurrence_id=_recurrence_id(rid),
    )


def _recurrence_id(prop: Any) -> date | None:
    value = getattr(prop, "dt", None)
    return value if isinstance(value, date) else None


def _written(group: list[Any], event: Any, zone: ZoneInfo) -> Any:
    """The override in the file for this occurrence, or the series' master."""
    rid = event.get("RECURRENCE-ID")
    moment = _aware(getattr(rid, "dt", None), zone) if rid is not None else None
    for member in group:
        own = member.get("RECURRENCE-ID")
        if moment and own is not None and _aware(getattr(own, "dt", None), zone) == moment:
            return member
    return _master(group)
