"""What people type: one parser for every value a person gives sopan.

The command line (`--set`, `--alternative`, `--not-before`, `--now`), the settings
(`[calendar]` working hours, breaks, notice) and every field of the web pages call these
functions, so that a value is accepted or refused the same way wherever it is typed. Dates
and times are found by the reader's one date and time finder (`read.dates`, `read.times`), so
a person may type what an invitation would say: "Senin, 14 Desember 2026 pukul 10.00",
"14/12 jam 2 siang", "besok jam 10", "Monday 2pm", as well as ISO 8601. Every year is
checked (1900–2999), a weekday that does not fit its date is refused, and nothing that was
typed is dropped: a word that is not part of a date makes the whole value a question.

Each function raises `UserError` with the `field` it was given, a code of the error book and
the value as typed, so each edge can name the field its own way and keep what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sopan.errors import UserError
from sopan.model.values import YEARS

if TYPE_CHECKING:
    from sopan.model import Correction
#: Words that may stand around a date or a time without changing it.
_FILLER = frozenset(
    [
        "pukul",
        "pkl",
        "jam",
        "tanggal",
        "tgl",
        "hari",
        "pada",
        "at",
        "on",
        "the",
        "of",
        "tanggalnya",
        "hari",
        "pukulnya",
    ]
)
_SEPARATORS = " \t,.;:/()-–—@"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_BARE_HOUR = re.compile(r"(?:\bat|@)\s*(\d{1,2})\b(?![.:]\d)", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"\b\d{5,}\b|\b\d{4}\b")


@dataclass(frozen=True)
class Span:
    """A moment typed with an optional end ("14/12 10.00-11.00"): `end` None when none."""

    start: datetime | date
    end: datetime | None = None


def _fail(code: str, field: str, value: str, **params: object) -> UserError:
    return UserError(code, field=field, value=value, **params)


def check_year(day: date, field: str, value: str) -> date:
    """`day`, or a `parse.year` error when its year is outside the years sopan handles."""
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise _fail("parse.year", field, value, first=YEARS[0], last=YEARS[1])
    return day


def _order(language: str) -> str:
    from sopan.language.profiles import profile

    return profile(language).date_order


def _local(moment: datetime, zone: str | None) -> datetime:
    """`moment` in `zone` when it has no offset of its own; a wall-clock time when neither."""
    if moment.tzinfo is not None or zone is None:
        return moment
    return moment.replace(tzinfo=ZoneInfo(zone))


def _iso(text: str, field: str, tz: str | None) -> datetime | date | None:
    """An ISO 8601 date or date and time (without an offset: in `tz`), or None when it is
    not one."""
    value = text.strip()
    if not _ISO_DAY.match(value):
        return None
    try:
        if len(value) == 10:
            return check_year(date.fromisoformat(value), field, text)
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    check_year(moment.date(), field, text)
    return _local(moment, tz)


def _leftover(text: str, taken: list[tuple[int, int]]) -> str:
    """What is left of `text` outside the `taken` spans, filler words and separators."""
    kept = list(text)
    for a, b in taken:
        kept[a:b] = " " * (b - a)
    words = "".join(kept).lower()
    for ch in _SEPARATORS:
        words = words.replace(ch, " ")
    return " ".join(w for w in words.split() if w not in _FILLER)


def _zone_word(rest: str) -> tuple[str | None, str]:
    """A zone named on its own in what is left ("WIB", "Asia/Jakarta"), and what remains."""
    from sopan.language.zones import abbreviations

    known = abbreviations()
    left: list[str] = []
    found: str | None = None
    for word in rest.split():
        name = known.get(word.upper())
        if name and found is None:
            found = name
        else:
            left.append(word)
    return found, " ".join(left)


def _weekday_conflict(text: str, day: date, field: str) -> None:
    from sopan.read.words import weekday_map

    named = {n for w, n in weekday_map().items() if re.search(rf"\b{re.escape(w)}\b", text.lower())}
    if named and day.weekday() not in named:
        raise _fail("parse.weekday", field, text, day=day)


def _words_moment(
    text: str, *, field: str, language: str, now: datetime, tz: str | None, end_allowed: bool
) -> Span:
    from sopan.read.dates import find_dates
    from sopan.read.times import find_times

    days = find_dates(text, now.date(), _order(language))  # type: ignore[arg-type]
    taken = [(h.start, h.end) for h in days]
    day: date | None = None
    if len(days) > 1:
        raise _fail("parse.two_dates", field, text)
    if days:
        hit = days[0]
        if hit.kind == "impossible" and hit.year is not None:  # "10 Januari 10000"
            raise _fail("parse.year", field, text, first=YEARS[0], last=YEARS[1])
        if hit.kind in ("range", "impossible"):
            raise _fail("parse.not_a_date", field, text)
        if hit.alternatives:
            raise _fail("parse.ambiguous", field, text, candidates=(hit.day, *hit.alternatives))
        day = hit.day
    else:
        for m in _DAY_MONTH.finditer(text):  # "14/12": a day and month in the language's order
            a, b = int(m.group(1)), int(m.group(2))
            d, mo = (b, a) if _order(language) == "mdy" else (a, b)
            try:
                day = date(now.year, mo, d)
            except ValueError:
                raise _fail("parse.not_a_date", field, text) from None
            if day < now.date() - timedelta(days=1):
                day = day.replace(year=now.year + 1)
            taken.append(m.span())
            break
    times = find_times(text, taken)
    clock: tuple[int, int] | None = None
    end_clock: tuple[int, int] | None = None
    zone: str | None = None
    if len(times) > 1:
        raise _fail("parse.two_times", field, text)
    if times:
        t = times[0]
        if t.unknown_zone:
            raise _fail("parse.zone", field, t.unknown_zone)
        clock, end_clock, zone = (t.hour, t.minute), t.end_hm, t.zone
        taken.append((t.start, t.end))
        if t.zone_text:
            at = text.find(t.zone_text, t.end)
            if at >= 0:
                taken.append((at, at + len(t.zone_text)))
    else:
        bare = _BARE_HOUR.search(text)
        if bare and int(bare.group(1)) < 24:
            clock = (int(bare.group(1)), 0)
            taken.append(bare.span())
    rest = _leftover(text, taken)
    named_zone, rest = _zone_word(rest)
    zone = zone or named_zone
    if rest:
        if _LONG_NUMBER.search(rest) and day is not None:
            raise _fail("parse.year", field, text, first=YEARS[0], last=YEARS[1])
        raise _fail("parse.not_a_date", field, text)
    if day is None:
        if clock is None:
            raise _fail("parse.not_a_date", field, text)
        raise _fail("parse.no_day", field, text)
    check_year(day, field, text)
    _weekday_conflict(text, day, field)
    if end_clock is not None and not end_allowed:
        raise _fail("parse.range_not_allowed", field, text)
    if clock is None:
        return Span(day)
    where = zone or tz
    start = _local(datetime.combine(day, time(*clock)), where)
    end = _local(datetime.combine(day, time(*end_clock)), where) if end_clock else None
    if end is not None and end <= start:
        raise _fail("parse.end_before_start", field, text)
    return Span(start, end)


def span(
    text: str,
    *,
    field: str,
    language: str,
    now: datetime,
    tz: str | None,
    end_allowed: bool = True,
) -> Span:
    """A date, a date and time, or a date with a time range, as typed in either language or
    ISO 8601. A time without a zone is read in `tz` (None: left a wall-clock time, for the
    caller to place); a relative day ("besok") is counted from `now`, when it was typed."""
    value = text.strip()
    if not value:
        raise _fail("parse.empty", field, text)
    if len(value) > 200:
        raise _fail("parse.too_long", field, value[:40] + "…", limit=200)
    found = _iso(value, field, tz)
    if found is not None:
        return Span(found)
    return _words_moment(
        value, field=field, language=language, now=now, tz=tz, end_allowed=end_allowed
    )


def moment(
    text: str, *, field: str, language: str, now: datetime, tz: str | None
) -> datetime | date:
    """A date or a date and time (see `span`); a range is refused."""
    return span(text, field=field, language=language, now=now, tz=tz, end_allowed=False).start


def when(text: str, *, field: str, language: str, now: datetime, tz: str | None) -> datetime:
    """A date and time (a date alone is refused: the time is asked for)."""
    found = moment(text, field=field, language=language, now=now, tz=tz)
    if not isinstance(found, datetime):
        raise _fail("parse.no_time", field, text)
    return found


def day(text: str, *, field: str, language: str, now: datetime, tz: str | None) -> date:
    """A calendar day (a time typed with it is refused)."""
    found = moment(text, field=field, language=language, now=now, tz=tz)
    if isinstance(found, datetime):
        raise _fail("parse.day_only", field, text)
    return found


def now_value(text: str | None, *, field: str, tz: str) -> datetime:
    """The current moment, or the one given in ISO 8601 (tests and replays pin it)."""
    if text is None:
        return datetime.now(ZoneInfo(tz))
    found = _iso(text, field, tz)
    if found is None:
        raise _fail("parse.not_iso_moment", field, text)
    if not isinstance(found, datetime):  # a day alone is its first moment
        found = datetime.combine(found, time())
    return _local(found, tz)


_CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)


def clock(text: str, *, field: str, language: str = "id") -> time:
    """A time of day: "14.30", "14:30", "2 siang", "2pm", "pukul 9"."""
    value = text.strip()
    plain = _CLOCK.fullmatch(value)
    if plain and (plain.group(2) or plain.group(3)):
        hour, minute = int(plain.group(1)), int(plain.group(2) or 0)
        mer = (plain.group(3) or "").lower().replace(".", "")
        if mer and not 1 <= hour <= 12:
            raise _fail("parse.not_a_time", field, text)
        hour = hour % 12 + (12 if mer == "pm" else 0) if mer else hour
        if hour > 23 or minute > 59:
            raise _fail("parse.not_a_time", field, text)
        return time(hour, minute)
    from sopan.read.times import find_times

    hits = find_times(value, [])
    if not hits and value[:1].isdigit():  # "2 siang", "9 pagi": an hour that needs its word
        value = f"jam {value}"
        hits = find_times(value, [])
    if len(hits) != 1 or hits[0].end_hm or _leftover(value, [(hits[0].start, hits[0].end)]):
        raise _fail("parse.not_a_time", field, text)
    return time(hits[0].hour, hits[0].minute)


_RANGE_SPLIT = re.compile(r"\s*(?:-|–|—|s/d|s\.d\.|sampai|hingga|to|until)\s*", re.IGNORECASE)


def clock_range(text: str, *, field: str, language: str = "id") -> tuple[time, time]:
    """A range of times of day ("12.00-13.00", "9:00 - 17:00", "jam 8 pagi s/d 12 siang")."""
    parts = _RANGE_SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise _fail("parse.not_a_range", field, text)
    start = clock(parts[0], field=field, language=language)
    end = clock(parts[1], field=field, language=language)
    if end <= start:
        raise _fail("parse.end_before_start", field, text)
    return start, end


@cache
def _day_names() -> dict[str, int]:
    from sopan.language.profiles import profile
    from sopan.model.names import LANGUAGES
    from sopan.read.words import weekday_map

    names = dict(weekday_map())
    for lang in LANGUAGES:
        names.update({d: i for i, d in enumerate(profile(lang).weekdays_short)})
    return names


def weekdays(text: str, *, field: str) -> frozenset[int]:
    """Weekdays (0 = Monday): "senin-jumat", "mon-fri", "Sen, Rab", "sabtu"."""
    names = _day_names()
    days: set[int] = set()
    for part in re.split(r"\s*(?:,|\bdan\b|\band\b)\s*", text.strip().lower()):
        ends = [e.strip(" .") for e in re.split(r"\s*(?:-|–|—|s/d|sampai|to)\s*", part)]
        if not part or len(ends) > 2 or any(e not in names for e in ends):
            raise _fail("parse.not_weekdays", field, text)
        a, b = names[ends[0]], names[ends[-1]]
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(days)


@dataclass(frozen=True)
class Weekly:
    """Weekdays (0 = Monday) with a range of times and what it is for ("senin-jumat
    12.00-13.00 makan"): the calendar settings' blocked periods, such as lunch."""

    weekdays: frozenset[int]
    start: time
    end: time
    label: str = ""


_WEEKLY = re.compile(
    r"^\s*(?P<days>[^\d]+?)\s+(?:(?:jam|pukul|pkl|from|dari)\s+)?"
    r"(?P<range>\d[\d.:]*\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|s/d|sampai|to)\s*\d[\d.:]*\s*(?:[ap]\.?m\.?)?)"
    r"\s*(?P<label>.*)$",
    re.IGNORECASE,
)


def weekly(text: str, *, field: str) -> Weekly:
    """Days with a time range and an optional label, as typed for breaks and working hours."""
    m = _WEEKLY.match(text)
    if not m:
        raise _fail("parse.not_weekly", field, text)
    start, end = clock_range(m.group("range"), field=field)
    return Weekly(weekdays(m.group("days"), field=field), start, end, m.group("label").strip())


_DURATION = re.compile(
    r"(\d+)\s*(m|min|mins|menit|minutes?|h|hr|hrs|hours?|jam|d|days?|hari)(?![a-z])",
    re.IGNORECASE,
)
#: the longest length typed (a century): what it is added to stays a date sopan handles
_MAX_DAYS = 36_600
_UNITS = {"m": 1, "min": 1, "menit": 1, "h": 60, "hr": 60, "jam": 60, "d": 1440, "hari": 1440}


def duration(text: str, *, field: str) -> timedelta:
    """A length of time: "90m", "2h", "10d", "45 menit", "1 jam 30 menit", "2 days"."""
    value = text.strip()
    total = 0
    pos = 0
    for m in _DURATION.finditer(value):
        if value[pos : m.start()].strip(" ,") not in ("", "dan", "and"):
            raise _fail("parse.not_a_duration", field, text)
        unit = m.group(2).lower()
        key = unit if unit in _UNITS else unit.rstrip("s")[:1] if unit[0] in "mhd" else unit
        total += int(m.group(1)) * _UNITS.get(key, _UNITS.get(unit[:1], 0))
        pos = m.end()
    # a length is bounded (a century) so that what it is added to stays a date; how long a
    # window may be is the caller's rule
    if pos == 0 or value[pos:].strip() or total <= 0:
        raise _fail("parse.not_a_duration", field, text)
    if total > _MAX_DAYS * 1440:
        raise _fail("parse.duration_too_long", field, text, days=_MAX_DAYS)
    return timedelta(minutes=total)


_EMAIL = re.compile(r"[^@\s<>,;\"()\[\]]+@[^@\s<>,;\"()\[\]]+\.[^@\s<>,;\"()\[\].]+")


def email(text: str, *, field: str) -> str:
    """One e-mail address, the rule shared by the .eml, the web's mailto: and sending."""
    value = text.strip()
    if len(value) > 254 or not _EMAIL.fullmatch(value) or ".." in value:
        raise _fail("parse.not_an_email", field, text)
    return value


def phone(text: str, *, field: str, region: str = "ID") -> str:
    """A phone number phonenumbers accepts as valid, written in E.164 (+6281234567890)."""
    from sopan.language.phones import e164

    found = e164(text, region)
    if found is None:
        raise _fail("parse.not_a_phone", field, text)
    return found


def zone(text: str, *, field: str) -> str:
    """A time zone: an IANA name ("Asia/Jakarta") or an abbreviation sopan knows (WIB)."""
    from sopan.language.zones import resolve

    named = resolve(text)
    if named is None:
        raise _fail("parse.zone", field, text)
    return named


def country(text: str, *, field: str) -> str:
    """A country as its ISO 3166 code ("US", "gb"), upper case; one the code list lacks is an
    error."""
    from babel import Locale

    code = text.strip().upper()
    if not (len(code) == 2 and code.isalpha() and code in Locale("en").territories):
        raise _fail("parse.country", field, text)
    return code


_URL = re.compile(r"https?://[^\s<>\"]+")


def fact(
    field: str, text: str, *, language: str, now: datetime, tz: str | None = None
) -> tuple[Correction, ...]:
    """A fact of an invitation as the person typed it → its correction, checked; a start
    typed with a range of times ("14/12 10.00-11.00") gives the end as well."""
    from sopan.model import Correction
    from sopan.model.names import FACT_FIELDS, MODES

    value = text.strip()
    if field not in FACT_FIELDS:
        raise _fail("parse.unknown_field", "set", text, fields=FACT_FIELDS)
    if not value:
        raise _fail("parse.empty", field, text)
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
        raise _fail("parse.control", field, value.encode("unicode_escape").decode("ascii"))
    if field == "start":
        found = span(value, field=field, language=language, now=now, tz=tz)
        end = (Correction("end", found.end, value),) if found.end else ()
        return (Correction(field, found.start, value), *end)
    if field == "end":
        try:
            return (Correction(field, clock(value, field=field, language=language), value),)
        except UserError:
            return (
                Correction(
                    field, when(value, field=field, language=language, now=now, tz=tz), value
                ),
            )
    if field == "timezone":
        return (Correction(field, zone(value, field=field), value),)
    if field == "mode":
        chosen = value.lower()
        if chosen not in MODES:
            raise _fail("parse.not_a_choice", field, text, choices=MODES)
        return (Correction(field, chosen, value),)
    if field == "meeting_link" and not _URL.fullmatch(value):
        raise _fail("parse.not_a_link", field, text)
    if field == "country":
        return (Correction(field, country(value, field=field), value),)
    if field == "contact.email":
        return (Correction(field, email(value, field=field), value),)
    if field == "contact.phone":
        phone(value, field=field)  # checked; kept as typed, the way the person writes it
    if len(value) > 300:
        raise _fail("parse.too_long", field, value[:40] + "…", limit=300)
    return (Correction(field, value, value),)
