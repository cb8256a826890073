"""The one parser of what people type: a table of inputs in both languages, and what it
refuses (with the field it was given and the value as typed)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from sopan import parse
from sopan.errors import UserError

JKT = ZoneInfo("Asia/Jakarta")
MKS = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=JKT)  # a Monday


def _at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = JKT) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


# (language, typed, what it means)
MOMENTS = [
    ("id", "Senin, 14 Desember 2026 pukul 10.00", _at(2026, 12, 14, 10)),
    ("id", "14 Desember 2026 jam 10.00 WIB", _at(2026, 12, 14, 10)),
    ("id", "Rabu 16 Desember 2026 14.00 WITA", _at(2026, 12, 16, 14, tz=MKS)),
    ("id", "14/12 jam 2 siang", _at(2026, 12, 14, 14)),
    ("id", "14/12/2026 pukul 09.30", _at(2026, 12, 14, 9, 30)),
    ("id", "besok jam 10", _at(2026, 12, 8, 10)),
    ("id", "Selasa, 15 Des 2026", date(2026, 12, 15)),
    ("id", "tanggal 20 Januari 2027", date(2027, 1, 20)),
    ("id", "2026-12-14", date(2026, 12, 14)),
    ("id", "2026-12-14T10:00", _at(2026, 12, 14, 10)),
    ("id", "2026-12-14T10:00+08:00", _at(2026, 12, 14, 10, tz=ZoneInfo("Asia/Makassar"))),
    ("en", "Monday 2pm", _at(2026, 12, 14, 14)),
    ("en", "tomorrow 9am", _at(2026, 12, 8, 9)),
    ("en", "next Monday at 10", _at(2026, 12, 14, 10)),
    ("en", "December 14, 2026 at 10:30 AM", _at(2026, 12, 14, 10, 30)),
    ("en", "14 December 2026, 15:00", _at(2026, 12, 14, 15)),
    ("en", "Thursday, 17 December 2026", date(2026, 12, 17)),
]


@pytest.mark.parametrize(("language", "typed", "meant"), MOMENTS, ids=[m[1] for m in MOMENTS])
def test_a_moment_is_read_as_people_write_it(language: str, typed: str, meant: object) -> None:
    found = parse.moment(typed, field="start", language=language, now=NOW, tz="Asia/Jakarta")
    assert found == meant and type(found) is type(meant)


# (language, typed, the error's code)
REFUSED = [
    ("id", "", "parse.empty"),
    ("id", "kapan saja", "parse.not_a_date"),
    ("id", "Senin 14 Desember lalu", "parse.not_a_date"),  # a word that is not a date's
    ("id", "14 Desember dan 15 Desember", "parse.two_dates"),
    ("id", "9999-12-31T23:30", "parse.year"),
    ("id", "10 Januari 10000", "parse.year"),
    ("id", "Kamis, 31 Desember 2999", "parse.weekday"),  # within the years: a Tuesday
    ("id", "1899-12-31", "parse.year"),
    ("id", "Selasa, 14 Desember 2026", "parse.weekday"),  # the 14th is a Monday
    ("id", "jam 10", "parse.no_day"),
    ("id", "31 Februari 2027", "parse.not_a_date"),
    ("en", "12/03/2027", "parse.ambiguous"),  # 12 March or December 3
    ("en", "14 December 2026 10:00 XST", "parse.zone"),
    ("id", "14 Des 10.00-11.00", "parse.range_not_allowed"),  # a moment, not a span
]


@pytest.mark.parametrize(
    ("language", "typed", "code"), REFUSED, ids=[r[1] or "empty" for r in REFUSED]
)
def test_what_is_not_a_moment_is_refused_naming_its_field(
    language: str, typed: str, code: str
) -> None:
    with pytest.raises(UserError) as caught:
        parse.moment(typed, field="start", language=language, now=NOW, tz="Asia/Jakarta")
    error = caught.value
    assert (error.code, error.field) == (code, "start")
    assert str(error.params.get("value", "")) in typed  # what was typed, or the part at fault
    for language_ in ("id", "en"):
        words = error.text(language_)
        assert words and "\n" not in words and "--" not in words and "{" not in words


def test_a_span_gives_the_end_and_a_wall_clock_when_no_zone_is_known() -> None:
    found = parse.span("14 Des 10.00-11.30", field="start", language="id", now=NOW, tz=None)
    assert found.start == datetime(2026, 12, 14, 10) and found.end == datetime(2026, 12, 14, 11, 30)
    with pytest.raises(UserError, match="ends before it starts"):
        parse.span("14 Des 11.00-10.00", field="start", language="id", now=NOW, tz=None)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("14.30", time(14, 30)), ("14:30", time(14, 30)), ("2 siang", time(14)), ("2pm", time(14)),
     ("9.15 pagi", time(9, 15)), ("pukul 8 malam", time(20)), ("12.00", time(12))],
)  # fmt: skip
def test_a_clock_time(typed: str, meant: time) -> None:
    assert parse.clock(typed, field="end") == meant


@pytest.mark.parametrize("typed", ["25.00", "14.61", "abc", "13pm", "2 siang sore", ""])
def test_not_a_clock_time(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        parse.clock(typed, field="end")
    assert caught.value.field == "end"


def test_weekdays_and_weekly_breaks_in_both_languages() -> None:
    workdays = frozenset(range(5))
    for typed in ("senin-jumat", "Senin s/d Jumat", "mon-fri", "Monday to Friday", "Sen-Jum"):
        assert parse.weekdays(typed, field="x") == workdays, typed
    assert parse.weekdays("Sen, Rab", field="x") == {0, 2}
    assert parse.weekdays("jumat-senin", field="x") == {4, 5, 6, 0}
    lunch = parse.weekly("senin-jumat 12.00-13.00 makan siang", field="blocked")
    assert (lunch.weekdays, lunch.start, lunch.end, lunch.label) == (
        workdays,
        time(12),
        time(13),
        "makan siang",
    )
    prayers = parse.weekly("Friday 11:30 - 13:00 prayers", field="blocked")
    assert (prayers.weekdays, prayers.start, prayers.end) == ({4}, time(11, 30), time(13))
    for bad in ("funday 09.00-10.00", "senin-jumat", "senin 13.00-12.00"):
        with pytest.raises(UserError):
            parse.weekly(bad, field="blocked")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("90m", timedelta(minutes=90)), ("2h", timedelta(hours=2)), ("10d", timedelta(days=10)),
     ("1h30m", timedelta(minutes=90)), ("45 menit", timedelta(minutes=45)),
     ("1 jam 30 menit", timedelta(minutes=90)), ("2 days", timedelta(days=2)),
     ("3 hari", timedelta(days=3))],
)  # fmt: skip
def test_a_length_of_time(typed: str, meant: timedelta) -> None:
    assert parse.duration(typed, field="within") == meant


@pytest.mark.parametrize("typed", ["soon", "0m", "90", "2 jam lagi", "100000d"])
def test_not_a_length_of_time(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        parse.duration(typed, field="within")
    assert caught.value.field == "within"


def test_e_mail_phone_and_zone() -> None:
    assert parse.email(" dewi@maju.example ", field="e") == "dewi@maju.example"
    assert parse.phone("0812-3456-7890", field="p") == "+6281234567890"
    assert parse.phone("+65 6123 4567", field="p") == "+6561234567"
    assert parse.zone("wita", field="z") == "Asia/Makassar"
    assert parse.zone("Europe/Amsterdam", field="z") == "Europe/Amsterdam"
    for call in (
        lambda: parse.email("dewi at maju", field="e"),
        lambda: parse.email("a@b..c", field="e"),
        lambda: parse.phone("12", field="p"),
        lambda: parse.zone("Mars/Olympus", field="z"),
    ):
        with pytest.raises(UserError):
            call()


def test_a_fact_typed_for_an_invitation_is_typed_by_its_field() -> None:
    (start, end) = parse.fact("start", "14/12 10.00-11.00", language="id", now=NOW)
    assert (start.field, start.value, end.field) == ("start", datetime(2026, 12, 14, 10), "end")
    assert start.typed == "14/12 10.00-11.00"
    (link,) = parse.fact("meeting_link", "https://meet.example/x", language="id", now=NOW)
    assert link.value == "https://meet.example/x"
    with pytest.raises(UserError) as caught:
        parse.fact("salary", "10", language="id", now=NOW)
    assert caught.value.code == "parse.unknown_field"


def test_the_now_of_a_command_is_iso_and_inside_the_years() -> None:
    assert parse.now_value("2026-12-07T09:00", field="now", tz="Asia/Jakarta") == NOW
    assert parse.now_value("2026-12-07", field="from", tz="Asia/Jakarta").hour == 0
    with pytest.raises(UserError, match="outside the years"):
        parse.now_value("0001-01-01T00:00", field="now", tz="Asia/Jakarta")
