"""The contradiction table, rule by rule in both languages, and how sopan refuses."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Run

from sopan.language.choices import Choice
from sopan.model import Invitation, Situation
from sopan.plan.coherence import contradictions, rules

from .cases import EN_EMAIL, ID_EMAIL

RULES = rules()
#: At least the combinations the issue names.
NAMED = {
    "offer-but-interested",
    "reschedule-not-a-fit",
    "online-already-online",
    "far-but-online",
    "online-for-a-clash",
    "reschedule-not-interested",
    "clash-after-the-fact",
    "decline-confirmed",
}


def _found(example: dict[str, Any]) -> list[str]:
    sit_keys = {"intent", "reason", "interest", "confirmed"}
    sit = Situation(**{k: v for k, v in example.items() if k in sit_keys})
    inv = Invitation("id", "text", mode=example.get("mode"))
    given = frozenset(k for k in example if k in sit_keys)
    found = contradictions(sit, inv, urgency=example.get("urgency"), given=given)
    return [c.rule for c in found]


def test_the_table_holds_every_named_contradiction() -> None:
    assert {r.id for r in RULES} >= NAMED
    assert all(r.guideline and r.first and r.second for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_trips_on_its_example_and_not_on_its_fix(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id in _found(dict(rule.example["trips"]))
    assert rule.id not in _found(dict(rule.example["passes"]))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_explains_itself_in_both_languages(rule) -> None:  # type: ignore[no-untyped-def]
    example = dict(rule.example["trips"])
    sit_keys = {"intent", "reason", "interest", "confirmed"}
    sit = Situation(**{k: v for k, v in example.items() if k in sit_keys})
    inv = Invitation("id", "text", mode=example.get("mode"))
    given = frozenset(example) & sit_keys
    texts = {}
    hit = next(
        c
        for c in contradictions(sit, inv, urgency=example.get("urgency"), given=given)
        if c.rule == rule.id
    )
    for language in ("id", "en"):
        message = hit.message(language)
        first, second = hit.first.text(language), hit.second.text(language)
        assert first in message and second in message and rule.guideline in message
        # the choices are named in words, never as the command line's flags or codes
        assert "{" not in message and "\n" not in message and "--" not in message
        texts[language] = message
    assert texts["id"] != texts["en"]


def test_a_confirmed_interview_is_not_declined_only_when_the_user_says_so() -> None:
    # confirmed left unknown: nothing to contradict
    assert _found({"intent": "decline"}) == []


@pytest.mark.parametrize(
    ("path", "args", "named"),
    [
        (ID_EMAIL, ["--intent", "cancel", "--reason", "accepted-offer", "--interest", "yes"],
         (Choice("reason", "accepted-offer"), Choice("interest", "yes"))),
        (ID_EMAIL, ["--intent", "reschedule", "--reason", "not-a-fit"],
         (Choice("intent", "reschedule"), Choice("reason", "not-a-fit"))),
        (EN_EMAIL, ["--intent", "online", "--reason", "personal"], (Choice("intent", "online"),)),
        (EN_EMAIL, ["--intent", "decline", "--reason", "too-far"], (Choice("reason", "too-far"),)),
        (ID_EMAIL, ["--intent", "online", "--reason", "schedule-conflict"],
         (Choice("intent", "online"), Choice("reason", "schedule-conflict"))),
    ],
)  # fmt: skip
def test_the_cli_refuses_with_one_line_naming_both(
    run_cli: Run, path, args: list[str], named: tuple[Choice, ...], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    for command in ("plan", "draft"):
        done = run_cli(
            command, str(path), *args, "--now", "2026-11-20T09:00+07:00", "--out", str(tmp_path)
        ) if command == "draft" else run_cli(
            command, str(path), *args, "--now", "2026-11-20T09:00+07:00"
        )  # fmt: skip
        assert done.returncode == 2, done.stdout
        lines = done.stderr.strip().splitlines()
        # the profile speaks Indonesian: both choices in its words, the flag to change first
        assert len(lines) == 1 and all(n.text("id") in lines[0] for n in named), lines
        assert lines[0].startswith("sopan: --"), lines
        assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []  # nothing was written
