"""The offer to send the CV is made only where it serves (R7.1, `data/offers.yaml`): a
reschedule, a cancellation by someone still interested and not ill; never a decline, a
cancellation for illness or a request to go online, and at most once. The check
(tests/compose/recruiter.py, run by bench/recruiter.py on eval-dev) finds an offer where none
belongs, over the project's own invitations in both languages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.compose.core import offers_cv
from sopan.data import load_yaml
from sopan.model import Situation

from .recruiter import SITUATIONS, Run, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
OFFER = re.compile(r"(?i)\b(?:send|mengirimkan)\b[^.\n]*\bCV\b")


def _situation(example: dict[str, str]) -> tuple[str, Situation]:
    return example["intent"], Situation(reason=example["reason"], interest=example["interest"])  # type: ignore[arg-type]


def test_the_table_decides_as_its_examples_say() -> None:
    examples = load_yaml("offers.yaml")["cv_offer"]["examples"]
    for example in examples["offered"]:
        assert offers_cv(*_situation(example)), example
    for example in examples["not_offered"]:
        assert not offers_cv(*_situation(example)), example


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.name)
@pytest.mark.parametrize(
    "name",
    ["recruiter/id_email_pewawancara_ibu.eml", "recruiter/en_email_ms_jang_singapore.eml",
     "events/id_email_tes_online.txt", "events/en_email_technical_test.txt"],
)  # fmt: skip
def test_a_cv_is_offered_only_where_it_serves(name: str, situation: object) -> None:
    path = FIXTURES / name
    result = run(path.read_bytes(), path.name, situation, NOW)  # type: ignore[arg-type]
    if isinstance(result, str):
        assert result.startswith("n/a"), result
        return
    sit = result.situation
    serves = offers_cv(result.plan.action, sit)
    assert serves == (
        result.plan.action == "reschedule"
        or (result.plan.action == "cancel" and sit.interest == "yes" and sit.reason != "health")
    )
    for d in result.drafts:
        offers = OFFER.findall(d.text)
        assert len(offers) <= 1, d.channel
        if not serves:
            assert offers == [], f"{d.channel}: {offers}"
    assert [s for s in result.shortfalls if s.rule == "cv_offer"] == []


def test_the_check_finds_an_offer_in_a_sick_cancellation() -> None:
    path = FIXTURES / "recruiter" / "en_email_ms_jang_singapore.eml"
    sick = run(path.read_bytes(), path.name, SITUATIONS[1], NOW)
    assert isinstance(sick, Run)
    email = next(d for d in sick.drafts if d.channel == "email")
    offered = email.text + "\n\nI would be happy to send my current CV if that is helpful."
    drafts = tuple(replace(d, text=offered) if d is email else d for d in sick.drafts)
    found = check(replace(sick, drafts=drafts, lint={}))
    assert "cv_offer" in {s.rule for s in found}
