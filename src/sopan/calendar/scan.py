"""A fast first pass over iCalendar text for the common shape of events.

icalendar builds a full object tree (about 0.2 ms an event), which makes the first
read of a calendar with 10,000 events take seconds. Busy times need only a handful
of properties, so this pass reads them straight from the unfolded lines. Time zones
are still resolved by icalendar (one small calendar holding the file's VTIMEZONEs),
and recurring series are handed on as raw text for recurring-ical-events.

Anything this pass does not recognise makes it return None, and the caller parses
the whole file with icalendar instead, so it never guesses.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sopan._infra import rx

_UFOLD = rx.compile(r"\r?\n(?:\r?\n)*[ \t]")
_NAME = rx.compile(r"^([A-Za-z0-9-]+)([;:])")
_STAMP = rx.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$")
_WANTED = frozenset(
    {"DTSTART", "DTEND", "DURATION", "STATUS", "TRANSP", "SUMMARY", "X-MICROSOFT-CDO-BUSYSTATUS"}
)
_SERIES = frozenset({"RRULE", "RDATE", "RECURRENCE-ID"})
_UNESCAPE = rx.compile(r"\\([\\;,nN])")
# one parameter: a name, "=", then values (each quoted or bare) separated by commas
_PARAM = rx.compile(r'([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
Value = date | datetime
Scanned = tuple[list[tuple[dict[str, Any], tzinfo]], list[str], list[str], str | None]


class Unsupported(Exception):
    """The text has something this pass does not read; use icalendar instead."""


def _split(line: str, match: re.Match[str] | None = None) -> tuple[str, dict[str, str], str]:
    """Name, parameters and value of one content line (`match`: its name already matched);
    quoted parameter values (`CN="Doe, Jane"`, a TZID with a colon) are read as RFC 5545
    writes them."""
    match = match or _NAME.match(line)
    if match is None:
        raise Unsupported(line[:40])
    name = match.group(1).upper()
    if match.group(2) == ":":
        return name, {}, line[match.end() :]
    params: dict[str, str] = {}
    pos = match.end() - 1
    if '"' not in line:  # the common case: no quoting, so a plain split says it all
        head, sep, value = line[match.end() :].partition(":")
        if not sep:
            raise Unsupported("no value")
        for part in head.split(";"):
            key, _, val = part.partition("=")
            params[key.upper()] = val
        return name, params, value
    while pos < len(line) and line[pos] == ";":
        param = _PARAM.match(line, pos + 1)
        if param is None:
            raise Unsupported("parameter")
        params[param.group(1).upper()] = param.group(2).strip('"')
        pos = param.end()
    if pos >= len(line) or line[pos] != ":":
        raise Unsupported("no value")
    return name, params, line[pos + 1 :]


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _stamp(params: dict[str, str], value: str, zone: Callable[[str], tzinfo]) -> Value:
    kind = params.get("VALUE", "").upper()
    match = _STAMP.match(value.strip())
    if match is None or kind not in ("", "DATE", "DATE-TIME"):
        raise Unsupported(value[:40])
    y, mo, d, h, mi, s, z = match.groups()
    if h is None:
        if kind == "DATE-TIME":
            raise Unsupported(value)
        return date(int(y), int(mo), int(d))
    if kind == "DATE":
        raise Unsupported(value)
    tz: tzinfo | None = UTC if z else None
    if not z and "TZID" in params:
        tz = zone(params["TZID"])
    try:
        return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=tz)
    except ValueError:
        raise Unsupported(value) from None


def _zones(vtimezones: list[str], tzids: set[str]) -> dict[str, tzinfo]:
    """TZID → tzinfo exactly as icalendar resolves it (IANA, Windows names, VTIMEZONE)."""
    import icalendar

    if not tzids:
        return {}
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{i}\r\nDTSTART;TZID={tzid}:20000101T000000\r\nEND:VEVENT\r\n"
        for i, tzid in enumerate(sorted(tzids))
    )
    text = "BEGIN:VCALENDAR\r\n" + "".join(vtimezones) + events + "END:VCALENDAR\r\n"
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception:  # a VTIMEZONE icalendar cannot read: let it report on the whole file
        raise Unsupported("time zone") from None
    found: dict[str, tzinfo] = {}
    for event, tzid in zip(cal.walk("VEVENT"), sorted(tzids), strict=True):
        tz = event.get("DTSTART").dt.tzinfo
        if tz is None:
            raise Unsupported(tzid)
        found[tzid] = tz
    return found


def scan(data: bytes, user_zone: tzinfo) -> Scanned | None:
    """Read events without building an object tree.

    Returns (single events as property maps with their floating zone, VTIMEZONE blocks,
    series blocks, X-WR-TIMEZONE) or None when icalendar must read the file.
    """
    try:
        return _scan(data, user_zone)
    except (Unsupported, UnicodeDecodeError, ZoneInfoNotFoundError, ValueError):
        return None


def _unfolded(text: str) -> Iterator[str]:
    """The content lines of `text`, unfolded, one at a time (never all kept as a list);
    as icalendar, blank lines are dropped and a fold may follow them."""
    for raw in io.StringIO(_UFOLD.sub("", text)):
        line = raw.rstrip("\r\n")
        if line:
            yield line


def _scan(data: bytes, user_zone: tzinfo) -> Scanned:
    lines = _unfolded(data.decode("utf-8").lstrip("\ufeff"))
    seen = False
    singles: list[tuple[dict[str, tuple[dict[str, str], str]], tzinfo]] = []
    vtimezones: list[str] = []
    series: list[str] = []
    stack: list[str] = []
    block: list[str] = []
    props: dict[str, tuple[dict[str, str], str]] = {}
    is_series = False
    wr_name: str | None = None
    floating = user_zone
    for line in lines:
        seen = True
        upper = line[:6].upper()
        if upper == "BEGIN:":
            name = line[6:].strip().upper()
            if not stack and name != "VCALENDAR":
                raise Unsupported(name)
            if len(stack) == 1 and name in ("VEVENT", "VTIMEZONE"):
                block, props, is_series = [], {}, False
            stack.append(name)
            if len(stack) >= 2:
                block.append(line)
            continue
        if upper[:4] == "END:":
            name = line[4:].strip().upper()
            if not stack or stack[-1] != name:
                raise Unsupported("unbalanced " + name)
            if len(stack) >= 2:
                block.append(line)
            stack.pop()
            if len(stack) == 1 and name == "VTIMEZONE":
                vtimezones.append("\r\n".join(block) + "\r\n")
            elif len(stack) == 1 and name == "VEVENT":
                if is_series:
                    series.append("\r\n".join(block) + "\r\n")
                else:
                    singles.append((props, floating))
            elif not stack:
                floating = user_zone
            continue
        if not stack:
            raise Unsupported("text outside VCALENDAR")
        if len(stack) >= 2:
            block.append(line)
        if len(stack) == 1:
            if upper == "X-WR-T":
                name, _, value = _split(line)
                if name == "X-WR-TIMEZONE" and value.strip():
                    wr_name = value.strip()
                    floating = ZoneInfo(wr_name)
            continue
        if len(stack) == 2 and stack[1] == "VEVENT":
            head = _NAME.match(line)
            if head is None:
                raise Unsupported(line[:40])
            name = head.group(1).upper()
            if name in _SERIES:
                is_series = True
            elif name in _WANTED and name not in props:
                _, params, value = _split(line, head)  # only the lines used are split
                props[name] = (params, value)
    if stack or not seen:
        raise Unsupported("unbalanced")
    return _resolve(singles, vtimezones), vtimezones, series, wr_name


def _resolve(
    singles: list[tuple[dict[str, tuple[dict[str, str], str]], tzinfo]], vtimezones: list[str]
) -> list[tuple[dict[str, Any], tzinfo]]:
    tzids = {
        props[k][0]["TZID"]
        for props, _ in singles
        for k in ("DTSTART", "DTEND")
        if k in props and "TZID" in props[k][0]
    }
    zones = _zones(vtimezones, tzids)
    out: list[tuple[dict[str, Any], tzinfo]] = []
    for props, floating in singles:
        if "DTSTART" not in props:
            continue
        values: dict[str, Any] = {
            k: props[k][1].strip()
            for k in ("STATUS", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS")
            if k in props
        }
        values["SUMMARY"] = _unescape(props["SUMMARY"][1]) if "SUMMARY" in props else ""
        values["DTSTART"] = _stamp(*props["DTSTART"], zones.__getitem__)
        if "DTEND" in props:
            values["DTEND"] = _stamp(*props["DTEND"], zones.__getitem__)
        elif "DURATION" in props:
            values["DURATION"] = _duration(props["DURATION"][1])
        out.append((values, floating))
    return out


def _duration(text: str) -> timedelta:
    from icalendar.prop import vDuration

    try:
        value = vDuration.from_ical(text.strip())  # type: ignore[no-untyped-call]
    except ValueError:
        raise Unsupported(text) from None
    if not isinstance(value, timedelta):
        raise Unsupported(text)
    return value
