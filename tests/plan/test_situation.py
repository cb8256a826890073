"""Situation flags: validation and defaults (the pure part shared by plan and draft)."""

from __future__ import annotations

import pytest

from sopan.errors import UserError
from sopan.model import Situation
from sopan.plan.situation import situation_from_flags


def test_nothing_given_is_the_default_situation() -> None:
    assert situation_from_flags() == Situation()


def test_values_are_normalised() -> None:
    sit = situation_from_flags(
        intent=" Cancel ",
        reason="schedule-conflict",
        interest="YES",
        confirmed=True,
        detail="full",
        reason_text="  presentasi klien  ",
        strengths=(" budaya kerja ", " "),
    )
    assert sit == Situation(
        intent="cancel",
        reason="schedule-conflict",
        interest="yes",
        confirmed=True,
        detail="full",
        reason_text="presentasi klien",
        strengths=("budaya kerja",),
    )


@pytest.mark.parametrize(
    ("flag", "value"),
    [("intent", "ghost"), ("reason", "bored"), ("interest", "maybe"), ("detail", "huge")],
)
def test_bad_values_name_the_field(flag: str, value: str) -> None:
    with pytest.raises(UserError, match=f"^{flag}: '{value}' is not one of ") as raised:
        situation_from_flags(**{flag: value})
    assert raised.value.field == flag and raised.value.code == "choice.not_one_of"
    assert raised.value.text("id").startswith(f"'{value}' bukan salah satu dari ")
