"""A reason the user writes in lower case still opens its own sentence with a capital."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sopan.compose import compose

from .compose_cases import NOW, PROFILE, invitation, plan, situation


@pytest.mark.parametrize(
    ("lang", "written"),
    [("id", "ada urusan keluarga mendadak"), ("en", "a family matter came up")],
)
def test_other_reason_starts_its_sentence_with_a_capital(lang: str, written: str) -> None:
    sit = replace(situation(lang, "cancel", "other"), reason_text=written)
    for channel in ("email", "sms", "whatsapp"):
        draft = compose(
            plan(lang, "cancel"), invitation(lang), sit, PROFILE, now=NOW, channels=[channel]
        )[0]
        assert written[0].upper() + written[1:] + "." in draft.text, draft.text
        assert ". " + written not in draft.text
