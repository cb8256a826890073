"""Where a number is, from how it is written: the one reader of phone numbers (language.phones)
that the plan, the links and the spoken scripts share."""

from __future__ import annotations

import pytest

from sopan.compose.spoken import spoken_number
from sopan.language.phones import calling_code, e164, is_mobile, parse


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),  # an Indonesian mobile, with its leading 0
        ("62 812 3456 7890", "+6281234567890"),  # with the country code, no plus
        ("+62 812-3456-7890", "+6281234567890"),
        ("(021) 5790 1234", "+622157901234"),  # a Jakarta office line
        ("(217) 650-6776", "+12176506776"),  # no 0 and no country code: North American
        ("217-650-6776", "+12176506776"),
        ("+1 (646) 555-0134", "+16465550134"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_a_number_is_read_where_its_writing_puts_it(written: str, expected: str) -> None:
    assert e164(written) == expected


def test_a_number_that_fits_nowhere_is_none() -> None:
    assert parse("12345") is None and e164("(999) 000-0000") is None
    assert is_mobile("0812-3456-7890") and not is_mobile("(021) 5790 1234")


def test_a_voicemail_says_the_candidates_number_with_its_country_code_to_another_country() -> None:
    mine = "0812-3456-7890"
    to_us = spoken_number(mine, "en", "ID", caller="(217) 650-6776")
    assert to_us is not None and to_us.startswith("plus six two, eight one two")
    at_home = spoken_number(mine, "id", "ID", caller="(021) 5790 1234")
    assert at_home is not None and at_home.startswith("nol delapan satu dua")


@pytest.mark.parametrize(
    ("country", "expected"), [("ID", "+62"), ("id", "+62"), ("US", "+1"), ("GB", "+44"), ("", "")]
)
def test_a_countrys_calling_code_is_written_as_numbers_are(country: str, expected: str) -> None:
    assert calling_code(country) == expected
