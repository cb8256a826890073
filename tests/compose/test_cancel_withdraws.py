"""A cancellation by someone who no longer wants the job says they withdraw, in every channel
that carries the interest — else a recruiter reads "ill, please reschedule" and offers a new
time (C0); one still interested hopes to be rescheduled instead."""

from __future__ import annotations

import pytest

from sopan.compose import compose

from .compose_cases import NOW, PROFILE, invitation, plan, situation

WITHDRAWS = {"id": "dari proses seleksi ini", "en": "withdrawing from the selection process"}


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_cancellation_with_no_interest_withdraws(language: str) -> None:
    drafts = compose(
        plan(language, "cancel"), invitation(language),
        situation(language, "cancel", "health", interest="no"), PROFILE, now=NOW,
        channels=["email", "letter", "whatsapp", "call"],
    )  # fmt: skip
    assert {d.channel for d in drafts} == {"email", "letter", "whatsapp", "call"}
    for d in drafts:
        assert WITHDRAWS[language] in d.text, (d.channel, d.text)
    still = compose(
        plan(language, "cancel"), invitation(language),
        situation(language, "cancel", "health", interest="yes"), PROFILE, now=NOW,
        channels=["email", "whatsapp", "call"],
    )  # fmt: skip
    assert not any(WITHDRAWS[language] in d.text for d in still)
