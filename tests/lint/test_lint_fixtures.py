"""Indonesian replies written for this project: each raises exactly the rules it is named for."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from lint.cases import CASES
from sopan.lint import LintOptions, builtin_rules, lint_text

REPLIES = FIXTURES / "replies"


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_raises_exactly_its_rules(name: str) -> None:
    context, expected = CASES[name]
    text = (REPLIES / f"{name}.txt").read_text("utf-8")
    report = lint_text(text, LintOptions(**context))
    assert report.language == "id"
    assert {f.rule for f in report.findings} == expected
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


def test_fixtures_cover_every_rule() -> None:
    covered = set().union(*(rules for _, rules in CASES.values()))
    assert covered == {r.id for r in builtin_rules()}


def test_every_fixture_file_has_a_case() -> None:
    assert {p.stem for p in REPLIES.glob("id_*.txt")} == set(CASES)
