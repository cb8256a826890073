"""A time said aloud as a caller says it (R2.2, C2.1): the twelve-hour clock with the part of
the day, in words — "two-thirty in the afternoon", "pukul setengah tiga siang" — never the
written "14:30"."""

from __future__ import annotations

from datetime import time

import pytest

from sopan.compose.spoken import spoken_clock


@pytest.mark.parametrize(
    ("at", "en", "id_"),
    [
        (time(14, 30), "two-thirty in the afternoon", "pukul setengah tiga siang"),
        (time(10, 0), "ten a.m.", "pukul sepuluh pagi"),
        (time(13, 0), "one p.m.", "pukul satu siang"),
        (time(9, 5), "nine-oh-five in the morning", "pukul sembilan lewat lima menit pagi"),
        (time(8, 15), "eight-fifteen in the morning", "pukul delapan lewat seperempat pagi"),
        (time(15, 45), "three-forty-five in the afternoon", "pukul empat kurang seperempat sore"),
        (time(19, 20), "seven-twenty in the evening", "pukul tujuh lewat dua puluh menit malam"),
        (time(11, 30), "eleven-thirty in the morning", "pukul setengah dua belas siang"),
        (time(12, 0), "twelve noon", "pukul dua belas siang"),
        (time(16, 37), "four-thirty-seven in the afternoon",
         "pukul empat lewat tiga puluh tujuh menit sore"),
    ],
)  # fmt: skip
def test_a_time_is_said_as_a_caller_says_it(at: time, en: str, id_: str) -> None:
    assert spoken_clock(at, "en") == en
    assert spoken_clock(at, "id") == id_


def test_every_minute_of_the_day_is_said_in_words() -> None:
    for hour in range(24):
        for minute in range(60):
            for lang in ("id", "en"):
                said = spoken_clock(time(hour, minute), lang)
                assert said and not any(c.isdigit() for c in said), (hour, minute, said)
