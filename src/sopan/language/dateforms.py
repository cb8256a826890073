"""The one date formatter: every date and time sopan writes, by a named form.

A form that speaks a language is a Babel pattern of the phrase book
(`data/phrases/<lang>/common.yaml`, under `dates:`); a form that does not is fixed here.
Babel is imported only when a language form is written, so reading and linting start
without it.

    day(d, "date", "id")          Senin, 23 November 2026
    day(d, "date_short", "id")    Senin, 23 November
    day(d, "letter_date", "en")   23 November 2026
    day(d, "weekday", "en")       Monday
    day(d, "day_label", "id")     Sen 23 Nov
    day(d, "list_day", "en")      Mon 23 Nov 2026
    day(d, "month_first", "en")   Monday, November 23, 2026
    clock(m, "id")                10.00
    when_text(m, tz, "id")        Senin, 23 November 2026 pukul 10.00 WIB
    span_text(a, b, zone, "en")   Monday, 23 November 2026 10:00–11:00 WIB
    span_text(a, None, zone, "id", form="list_day")   Sen 23 Nov 2026 10.00 WIB
    fixed(m, "stamp")             2026-11-23 10:00
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sopan.data import load_yaml
from sopan.errors import InternalError
from sopan.language.profiles import babel_locale
from sopan.language.zones import abbreviations, implied_in_indonesia, written_as

#: the forms that read the same in every language (strftime patterns)
FIXED = {
    "stamp": "%Y-%m-%d %H:%M",  # 2026-11-23 10:00
    "stamp_zone": "%Y-%m-%d %H:%M %Z",  # 2026-11-23 10:00 WIB
    "clock": "%H:%M",  # 10:00
    "clock_zone": "%H:%M %Z",  # 10:00 WIB
}


@cache
def common(language: str, region: str = "") -> Mapping[str, Any]:
    """The non-move words of a language: fragments, labels, subjects and the date forms
    (kept here, not in `compose`, so that every stage can write a date without it); with a
    regional variant's own words laid over them (`sopan.language.regions`)."""
    data = load_yaml("phrases", language, "common.yaml")
    if not isinstance(data, dict):
        raise InternalError(f"phrases/{language}/common.yaml is empty")
    from sopan.language.regions import laid_over

    return laid_over(data, language, region, "common.yaml")


def forms(language: str, region: str = "") -> Mapping[str, Any]:
    """The language's named forms: Babel patterns and the templates that join them."""
    return common(language, region)["dates"]  # type: ignore[no-any-return]


def day(value: date | datetime, form: str, language: str, region: str = "") -> str:
    """A day written in the language's form `form` ("date", "weekday", "day_label" …)."""
    from babel.dates import format_date

    pattern = forms(language, region)[form]
    return str(format_date(value, pattern, locale=babel_locale(language)))


def clock(moment: datetime | time, language: str, region: str = "") -> str:
    """A time of day in the language's form: "10.00" (id), "10:00" (en), "2:00 PM" (en, US)."""
    from babel.dates import format_time

    pattern = forms(language, region)["time"]
    return str(format_time(moment, pattern, locale=babel_locale(language)))


def fixed(moment: date | datetime | time, form: str) -> str:
    """A date or time in a form that is the same in every language ("stamp", "clock")."""
    return moment.strftime(FIXED[form])


def _offset_text(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def local_zone(moment: datetime, tz_name: str | None) -> tzinfo:
    """The zone to show a time in: the invitation's IANA zone, or one its offset implies
    ("Etc/GMT-7", a bare UTC+7, is shown as WIB, never as "UTC+7")."""
    if tz_name and not tz_name.startswith("Etc/"):
        try:
            return ZoneInfo(tz_name)
        except (KeyError, ValueError):
            pass
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 3600 == 0:
        implied = implied_in_indonesia(int(offset.total_seconds() // 3600))
        if implied:
            return ZoneInfo(implied)
    return moment.tzinfo or ZoneInfo("UTC")


def zone_label(moment: datetime, language: str, *, plain: bool = False, region: str = "") -> str:
    """ "WIB" (id) or "WIB, UTC+7" (en); "UTC+7" when there is no usual abbreviation;
    `plain`: the abbreviation alone in every language (a list of slots); the zone's everyday
    name where the variant gives one ("ET", en US)."""
    pats = forms(language, region)
    offset = _offset_text(moment.utcoffset())
    key = getattr(moment.tzinfo, "key", None)
    everyday = everyday_zone(key, language, region)
    if everyday:
        return everyday
    abbr = written_as(key) if isinstance(key, str) else None
    if abbr is None:
        name = moment.tzname() or ""
        readable = name.isalpha() and not name.startswith("UTC") and _reads_back(name, moment)
        abbr = name if readable else None
    if abbr is None:
        return str(pats["zone_offset"]).format(offset=offset)
    # a zone at UTC's own offset (London's GMT) needs no offset beside it: "(GMT)", never
    # "(GMT, UTC)", as UTC is how a file stores a moment, not a zone a recruiter speaks
    if plain or not moment.utcoffset():
        return str(abbr)
    return str(pats["zone_plain"]).format(abbr=abbr, offset=offset)


def everyday_zone(key: str | None, language: str, region: str = "") -> str | None:
    """The name a variant's readers give zone `key` all year ("ET" for America/New_York, en
    US: `zone_names` of its date forms), else None."""
    names = forms(language, region).get("zone_names") or {}
    found = names.get(key) if key else None
    return str(found) if found else None


def _reads_back(name: str, moment: datetime) -> bool:
    """Whether the reader takes the abbreviation `name` for the offset `moment` has: the
    database's "PST" of Manila would read as Pacific time, "NZDT" not at all."""
    iana = abbreviations().get(name.upper())
    return iana is not None and moment.astimezone(ZoneInfo(iana)).utcoffset() == moment.utcoffset()


def reading_of(text: str, tz: str, language: str) -> tuple[str, str]:
    """One reading the reader offers of an unclear date ("2026-12-14T10:00:00+07:00",
    "2026-12-14 (Monday)"), as (what choosing it sets, how a person reads it: "Senin,
    14 Desember 2026 pukul 10.00 WIB"); a text that is no date, as it stands."""
    value = text.split(" ", 1)[0]
    try:
        if len(value) == 10:
            return value, day(date.fromisoformat(value), "date", language)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return text, text
    if moment.tzinfo is None:
        return value, day(moment, "date", language) + " " + clock(moment, language)
    return value, when_text(moment, getattr(moment.tzinfo, "key", None) or tz, language)


def when_text(
    moment: datetime, tz_name: str | None, language: str, *, short: bool = False, region: str = ""
) -> str:
    """A date and time with its zone, in the language's usual form (its variant's)."""
    local = moment.astimezone(local_zone(moment, tz_name))
    template = str(forms(language, region)["when_short" if short else "when"])
    return template.format(
        date=day(local, "date_short" if short else "date", language, region),
        time=clock(local, language, region),
        zone=zone_label(local, language, region=region),
    )


def span_text(
    start: datetime, end: datetime | None, zone: tzinfo, language: str, *, form: str = "date"
) -> str:
    """ "Selasa, 24 November 2026 10.00–11.00 WIB" in `zone`, each day in the named `form`
    ("day_label": "Sel 24 Nov 10.00–11.00 WIB"); the end's day is written when it differs."""
    a = start.astimezone(zone)
    text = f"{day(a, form, language)} {clock(a, language)}"
    if end is not None:
        b = end.astimezone(zone)
        tail = clock(b, language)
        text += f"–{tail}" if b.date() == a.date() else f" – {day(b, form, language)} {tail}"
    return f"{text} {zone_label(a, language, plain=True)}"


def day_part(moment: datetime, language: str) -> str:
    """ "pagi"/"siang"/… or "morning"/"afternoon"/… for the hour of `moment`."""
    part = ""
    for start, name in common(language)["day_parts"]:
        if moment.hour >= int(start):
            part = str(name)
    return part
