"""iCalendar data → an index of busy intervals, parsed once and queried by window.

Parsing a large calendar with icalendar is the slow part (seconds for 10,000
events), and expanding every recurrence over the whole calendar is slower still.
So a calendar is read once (by the line scanner in `scan`, else by icalendar) into
a `CalendarIndex`:

- single events become a sorted list of intervals, searched with bisect;
- recurring series (RRULE/RDATE masters and their RECURRENCE-ID exceptions) are
  kept as a small sub-calendar and expanded with recurring-ical-events only over
  the four-week chunks a query touches; each expanded chunk is remembered.

Before a chunk is expanded, the command's budget (`sopan.ical.budget`) is asked whether
what the rules would give fits, and each series' start is moved forward to the first chunk
asked (`sopan.ical.series.moved_near`), so the work is that of the weeks asked, not of every
occurrence since a series began.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sopan._infra import rx
from sopan._infra.controls import quote
from sopan.calendar.expand import expand, series_query
from sopan.calendar.rows import Row, busy_state, component_row, span_of
from sopan.calendar.rows import row as busy_row
from sopan.calendar.scan import Scanned, scan
from sopan.errors import SopanError, UserError
from sopan.ical import check_events
from sopan.ical.budget import command_budget
from sopan.ical.series import Series
from sopan.model import Busy

#: Control bytes no text calendar holds (tab, CR, LF and form feed are fine).
_BINARY = rx.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

CHUNK = 28 * 24 * 3600  # seconds; recurrences are expanded and remembered 4 weeks at a time
INDEX_VERSION = 2


def _zone(name: str, origin: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError("calendar.unknown_zone", source=origin, value=quote(name, 60)) from None


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass
class CalendarIndex:
    """One parsed calendar: sorted single events plus lazily expanded recurring series.

    Rows are kept as plain tuples of UTC seconds; `Busy` values are made only for the
    rows a query returns. Expanded chunks of the series are kept in `chunks`; `saved`
    names those already written to the disk cache.
    """

    source: str
    zone: str  # the user's zone: returned times are shown in it
    floating: str  # the zone of DATE and floating times (X-WR-TIMEZONE or the user's)
    rows: list[Row]
    starts: list[float]
    max_span: float
    series_ical: bytes = b""
    chunks: dict[int, list[Row]] = field(default_factory=dict)
    saved: set[int] = field(default_factory=set)
    _query: Any = None
    #: the moment (UTC seconds) the series' starts were moved to, and what each costs
    _anchor: float = 0.0
    _expanded_to: float = -math.inf  # what the query has expanded up to, and remembers
    _series: list[Series] = field(default_factory=list)

    def busy_between(self, start: datetime, end: datetime) -> list[Busy]:
        """Busy entries overlapping [start, end), sorted by start, in the user's zone."""
        a, b = start.timestamp(), end.timestamp()
        lo = bisect_left(self.starts, a - self.max_span)
        hi = bisect_left(self.starts, b)
        found = [r for r in self.rows[lo:hi] if r[1] > a]
        if self.series_ical:
            found.extend(self._series_between(a, b))
        found.sort()
        zone = ZoneInfo(self.zone)
        return [
            Busy(
                datetime.fromtimestamp(r[0], zone),
                datetime.fromtimestamp(r[1], zone),
                r[2],
                r[3],
                self.source,
            )
            for r in found
        ]

    def _series_between(self, a: float, b: float) -> set[Row]:
        return {
            row
            for k in range(int(a // CHUNK), int(b // CHUNK) + 1)
            for row in self._chunk(k)
            if row[0] < b and row[1] > a
        }

    def _chunk(self, k: int) -> list[Row]:
        cached = self.chunks.get(k)
        if cached is not None:
            return cached
        lo = datetime.fromtimestamp(k * CHUNK, UTC)
        hi = datetime.fromtimestamp((k + 1) * CHUNK, UTC)
        with command_budget() as budget:
            try:
                if self._query is None or self._anchor > lo.timestamp():
                    # the starts are moved to the first chunk asked; an earlier one asked
                    # later builds the query again from there
                    self._query, self._series = series_query(
                        self.series_ical, self.source, lo, ZoneInfo(self.floating)
                    )
                    self._anchor, self._expanded_to = lo.timestamp(), -math.inf
                since, until = self._expanded_to, hi.timestamp()
                budget.afford(sum(s.estimate(since, until) for s in self._series), self.source)
                rows = expand(self._query, lo, hi, ZoneInfo(self.floating), budget, self.source)
                self._expanded_to = max(since, until)
            except SopanError:
                self._query = None
                raise
            except Exception as exc:  # the library raises many kinds on a broken rule
                self._query = None
                raise UserError(
                    "calendar.cannot_expand", source=self.source, why=quote(exc)
                ) from None
            except BaseException:  # the budget's timer: the library may be left half way
                self._query = None
                raise
        self.chunks[k] = rows
        return rows

    def to_json(self) -> str:
        """The index as JSON, for the on-disk cache (times as UTC seconds)."""
        return json.dumps(
            {
                "version": INDEX_VERSION,
                "floating": self.floating,
                "rows": self.rows,
                "series": self.series_ical.decode("utf-8"),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, source: str, zone: str) -> CalendarIndex | None:
        """Rebuild an index written by `to_json`; None when it is stale or damaged."""
        try:
            data = json.loads(text)
            if data.get("version") != INDEX_VERSION:
                return None
            rows = [(float(s), float(e), str(t), bool(x)) for s, e, t, x in data["rows"]]
            series = data["series"].encode("utf-8")
            return _build(source, zone, str(data["floating"]), rows, series)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def chunk_to_json(rows: list[Row]) -> str:
    """One expanded chunk of recurrences as JSON, for the disk cache."""
    return json.dumps(rows, ensure_ascii=False)


def chunk_from_json(text: str) -> list[Row] | None:
    """A chunk written by `chunk_to_json`; None when damaged."""
    try:
        return [(float(s), float(e), str(t), bool(x)) for s, e, t, x in json.loads(text)]
    except (ValueError, TypeError):
        return None


def _build(source: str, zone: str, floating: str, rows: list[Row], series: bytes) -> CalendarIndex:
    check_events(len(rows), source)
    rows.sort()
    starts = [r[0] for r in rows]
    max_span = max((r[1] - r[0] for r in rows), default=0.0)
    return CalendarIndex(source, zone, floating, rows, starts, max_span, series)


def _is_series(component: Any) -> bool:
    return any(component.get(k) is not None for k in ("RRULE", "RDATE", "RECURRENCE-ID"))


def parse_calendar(data: bytes, *, tz: str, source: str, fast: bool = True) -> CalendarIndex:
    """Parse iCalendar bytes into a queryable index; raises UserError naming the source.

    `fast` reads the common shape of events with a line scanner first (see `scan`);
    icalendar reads whatever the scanner does not recognise.
    """
    import icalendar

    if _BINARY.search(data, 0, 8192):
        # icalendar's own complaint would quote the binary bytes back at the user
        raise UserError("calendar.binary", source=source)
    user_zone = _zone(tz, source)
    scanned = scan(data, user_zone) if fast else None
    if scanned is not None:
        return _from_scan(scanned, tz=tz, source=source)
    try:
        cals: Iterable[Any] = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, … on broken input
        raise UserError("calendar.unreadable", source=source, why=quote(exc)) from None
    cals = list(cals)
    if not cals or any(c.name != "VCALENDAR" for c in cals):
        raise UserError("calendar.no_vcalendar", source=source)
    singles: list[Row] = []
    series = icalendar.Calendar()
    series.add("PRODID", "-//sopan//calendar index//EN")
    series.add("VERSION", "2.0")
    has_series = False
    floating_name = tz
    for cal in cals:
        wr = str(cal.get("X-WR-TIMEZONE", "")).strip()
        floating = user_zone
        if wr and _known_zone(wr):  # an unknown name is ignored, as calendar apps do
            floating = ZoneInfo(wr)
            floating_name = wr
            series["X-WR-TIMEZONE"] = wr
        for component in cal.subcomponents:
            if component.name == "VTIMEZONE":
                series.add_component(component)
            elif component.name == "VEVENT":
                if _is_series(component):
                    series.add_component(component)
                    has_series = True
                    continue
                try:
                    row = component_row(component, floating)
                except (ValueError, TypeError, AttributeError, OverflowError) as exc:
                    raise UserError("calendar.bad_date", source=source, why=quote(exc)) from None
                if row is not None:
                    singles.append(row)
    return _build(source, tz, floating_name, singles, series.to_ical() if has_series else b"")


def _from_scan(scanned: Scanned, *, tz: str, source: str) -> CalendarIndex:
    events, vtimezones, series, wr = scanned
    rows: list[Row] = []
    for values, floating in events:
        if busy_state(values) is None:
            continue
        try:
            start, end = span_of(
                values["DTSTART"], values.get("DTEND"), values.get("DURATION"), floating
            )
        except (ValueError, TypeError, OverflowError) as exc:
            raise UserError("calendar.bad_date", source=source, why=quote(exc)) from None
        row = busy_row(values, start, end, floating)
        if row is not None:
            rows.append(row)
    series_ical = b""
    if series:
        head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sopan//calendar index//EN\r\n"
        if wr:
            head += f"X-WR-TIMEZONE:{wr}\r\n"
        series_ical = (head + "".join(vtimezones + series) + "END:VCALENDAR\r\n").encode()
    return _build(source, tz, wr or tz, rows, series_ical)
