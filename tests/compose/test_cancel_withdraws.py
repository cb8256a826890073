"""A cancellation by someone who no longer wants the job says they withdraw, in every channel
that carries the interest — else a recruiter reads "ill, please reschedule" and offers a new
time (C0); one still interested hopes to be rescheduled instead."""

from __future__ import annotations

import re

import pytest

from sopan.compose import compose

from .compose_cases import NOW, PROFILE, invitation, plan, situation

WITHDRAWS = {
    "id": r"dari proses seleksi ini",
    "en": r"withdraw(?:ing)? from the (?:selection )?process",
}
#: the withdrawal said as a second decision after the cancellation, where one sentence says both
AGAIN = {"id": r"\bjuga (?:mundur|mengundurkan diri)\b", "en": r"\balso withdrawing\b"}


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_cancellation_with_no_interest_withdraws(language: str) -> None:
    drafts = compose(
        plan(language, "cancel"), invitation(language),
        situation(language, "cancel", "health", interest="no"), PROFILE, now=NOW,
        channels=["email", "letter", "whatsapp", "call"],
    )  # fmt: skip
    assert {d.channel for d in drafts} == {"email", "letter", "whatsapp", "call"}
    for d in drafts:
        assert re.search(WITHDRAWS[language], d.text), (d.channel, d.text)
    # said once, in the news ("membatalkan … dan sekaligus mengundurkan diri") in the e-mail,
    # the letter and the call
    for d in drafts:
        if d.channel != "whatsapp":
            assert not re.search(AGAIN[language], d.text), (d.channel, d.text)
    still = compose(
        plan(language, "cancel"), invitation(language),
        situation(language, "cancel", "health", interest="yes"), PROFILE, now=NOW,
        channels=["email", "whatsapp", "call"],
    )  # fmt: skip
    assert not any(re.search(WITHDRAWS[language], d.text) for d in still)
