"""The one date formatter: each named form in each language, and the same forms in both."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sopan.language.dateforms import (
    FIXED,
    clock,
    day,
    fixed,
    forms,
    span_text,
    when_text,
    zone_label,
)

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = date(2026, 11, 23)
AT_TEN = datetime(2026, 11, 23, 10, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("form", "language", "expected"),
    [
        ("date", "id", "Senin, 23 November 2026"),
        ("date", "en", "Monday, 23 November 2026"),
        ("date_short", "id", "Senin, 23 November"),
        ("letter_date", "en", "23 November 2026"),
        ("weekday", "id", "Senin"),
        ("weekday", "en", "Monday"),
        ("month_first", "id", "Senin, November 23, 2026"),
        ("month_first", "en", "Monday, November 23, 2026"),
        ("day_label", "id", "Sen 23 Nov"),
        ("day_label", "en", "Mon 23 Nov"),
        ("list_day", "en", "Mon 23 Nov 2026"),
    ],
)
def test_each_named_form(form: str, language: str, expected: str) -> None:
    assert day(MONDAY, form, language) == expected


def test_both_languages_have_the_same_forms_and_none_is_also_fixed() -> None:
    assert set(forms("id")) == set(forms("en"))
    assert not set(forms("id")) & set(FIXED)


def test_clock_and_the_forms_every_language_shares() -> None:
    assert (clock(AT_TEN, "id"), clock(AT_TEN, "en")) == ("10.00", "10:00")
    assert fixed(AT_TEN, "stamp") == "2026-11-23 10:00"
    assert fixed(AT_TEN, "stamp_zone") == "2026-11-23 10:00 WIB"
    assert fixed(time(9, 5), "clock") == "09:05"


def test_moments_with_their_zone() -> None:
    assert when_text(AT_TEN, "Asia/Jakarta", "id") == "Senin, 23 November 2026 pukul 10.00 WIB"
    assert zone_label(AT_TEN, "en") == "WIB, UTC+7"
    assert zone_label(AT_TEN, "en", plain=True) == "WIB"
    end = datetime(2026, 11, 24, 1, 0, tzinfo=WIB)
    assert span_text(AT_TEN, end, WIB, "id") == (
        "Senin, 23 November 2026 10.00 – Selasa, 24 November 2026 01.00 WIB"
    )


def test_a_span_in_a_named_form_and_a_moment_without_an_end() -> None:
    one_hour = datetime(2026, 11, 23, 11, 0, tzinfo=WIB)
    assert span_text(AT_TEN, one_hour, WIB, "en", form="day_label") == "Mon 23 Nov 10:00–11:00 WIB"
    assert span_text(AT_TEN, None, WIB, "id", form="list_day") == "Sen 23 Nov 2026 10.00 WIB"
    # shown in another zone, the day is that zone's, and so is its label
    assert span_text(AT_TEN, None, ZoneInfo("Asia/Jayapura"), "id", form="list_day") == (
        "Sen 23 Nov 2026 12.00 WIT"
    )
    # a zone with no usual abbreviation is named by its offset
    assert span_text(AT_TEN, None, timezone(timedelta(hours=8)), "en", form="list_day") == (
        "Mon 23 Nov 2026 11:00 UTC+8"
    )


def test_every_abbreviation_written_reads_back_as_its_zone() -> None:
    from sopan.data import load_yaml
    from sopan.language.zones import indonesian, resolve, written_as

    names = list(load_yaml("zones.yaml")["written"])
    for name in names:
        read_back = ZoneInfo(str(resolve(str(written_as(name)))))
        moment = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo(name))
        assert moment.utcoffset() == moment.astimezone(read_back).utcoffset(), name
    # where the time zone database's own name would read as another zone ("PST")
    manila = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Manila"))
    assert zone_label(manila, "id") == "PHT"
    assert indonesian("Asia/Makassar") and not indonesian("Asia/Singapore")


def test_a_database_abbreviation_is_written_only_if_it_reads_back_as_the_same_offset() -> None:
    july = datetime(2026, 7, 7, 10, 0)
    # Phoenix keeps MST in July, which the reader takes for Denver's (then MDT, UTC-6)
    assert zone_label(july.replace(tzinfo=ZoneInfo("America/Phoenix")), "id") == "UTC-7"
    # a name the reader does not know is written as the offset
    assert zone_label(july.replace(tzinfo=ZoneInfo("Pacific/Chatham")), "en") == "UTC+12:45"
    assert zone_label(july.replace(tzinfo=ZoneInfo("Europe/Paris")), "en") == "CEST, UTC+2"
