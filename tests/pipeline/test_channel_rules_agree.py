"""The linter's required moves per action × channel are moves the composer's channel data writes.

`data/rules/required_*.yaml` (what a reply must contain) and `data/channels/*.yaml` (what the
composer writes) are two lists of the same thing; this keeps them from drifting apart.
"""

from __future__ import annotations

import pytest

from sopan.compose.bank import channel_spec
from sopan.lint.rules import builtin_rules
from sopan.model import CHANNELS, INTENTS, MOVES


class _NoConditions:
    """A lint context with nothing set: a rule with `when` conditions does not apply to it."""


def _written(channel: str, action: str) -> set[str]:
    """Every move the channel's data lists for the action ("a+b/short" → a, b)."""
    spec = channel_spec(channel)
    return {
        move.split("/")[0]
        for para in spec.paragraphs(action)
        for step in para
        for move in step.split("+")
    }


def _required(channel: str, action: str) -> dict[str, str]:
    """Move → id of the required-move rule that asks for it on this action and channel."""
    found = {}
    for rule in builtin_rules():
        if rule.kind != "required" or rule.move is None:
            continue
        if any(rule.applies(lang, action, channel, _NoConditions()) for lang in ("id", "en")):
            found[rule.move] = rule.id
    return found


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("action", INTENTS)
def test_every_required_move_is_written_by_the_composer(channel: str, action: str) -> None:
    written = _written(channel, action)
    assert written <= set(MOVES), f"{channel}: unknown moves {written - set(MOVES)}"
    missing = {
        rule: move for move, rule in _required(channel, action).items() if move not in written
    }
    assert not missing, (
        f"{channel}/{action}: the linter requires {missing}, the composer omits them"
    )


def test_the_check_sees_a_mismatch() -> None:
    # Voicemail carries no slots (C2.1), and the alternatives rule knows it; an action the
    # rule covers on a channel it covers does ask for them.
    assert "alternatives" not in _written("voicemail", "reschedule")
    assert "alternatives" not in _required("voicemail", "reschedule")
    assert _required("sms", "reschedule")["alternatives"] == "required_alternatives"
    assert "decision" in _required("call", "decline")
