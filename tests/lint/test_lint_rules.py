"""Every rule file: well formed, tied to a guideline, and its own examples behave."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopan.lint.rules import KINDS, RuleError, builtin_rules, load_rules_from, parse_rule
from sopan.lint.selftest import example_problems

RULES = builtin_rules()
RULE_DIR = Path(RULES[0].path).parent


def _guideline_ids() -> set[str]:
    """The ids of the packaged guideline book, the one `sopan guide` shows."""
    from sopan.language.guidelines import load_guidelines

    return set(load_guidelines("en"))


def test_the_rule_set_covers_every_kind() -> None:
    assert {r.kind for r in RULES} == set(KINDS)
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples_behave(rule) -> None:
    assert example_problems(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_names_a_real_guideline_and_has_examples(rule) -> None:
    assert rule.guideline in _guideline_ids()
    assert rule.fail and rule.passing
    assert rule.message["id"] and rule.message["en"]
    assert Path(rule.path).stem == rule.id


GOOD = """\
id: demo
kind: existence
level: warning
guideline: R8
message:
  id: "Pesan."
  en: "Message."
patterns:
  - "\\\\bfoo\\\\b"
examples:
  fail: ["a foo here"]
  pass: ["nothing here"]
"""


def test_a_good_rule_file_loads() -> None:
    rule = parse_rule(GOOD, "demo.yaml")
    assert rule.id == "demo" and rule.line == 1 and example_problems(rule) == []
    assert rule.languages == ("id", "en")  # the languages its message is written in


def test_a_rule_without_words_for_a_language_is_not_run_in_it() -> None:
    rule = parse_rule(GOOD.replace('  en: "Message."\n', ""), "demo.yaml")
    assert rule.languages == ("id",)


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("guideline: R8\n", ""), 1, "missing 'guideline'"),
        (("guideline: R8", "guideline: seed"), 4, "not an id"),
        (("kind: existence", "kind: fancy"), 2, "unknown kind"),
        (("level: warning", "level: loud"), 3, "unknown level"),
        (('  - "\\\\bfoo\\\\b"', '  - "(foo"'), 8, "bad regular expression"),
        (('  en: "Message."\n', "languages: [id, en]\n"), 5, "message needs an 'en'"),
        (('  pass: ["nothing here"]\n', ""), 10, "at least one 'pass'"),
        (('  fail: ["a foo here"]', "  fail: [unclosed"), 12, "not valid YAML"),
        (("kind: existence", "kind: existence\ncolour: red"), 3, "unknown key 'colour'"),
        (("level: warning", "level: warning\nkind: check"), 4, "duplicate key 'kind'"),
    ],
)
def test_a_broken_rule_file_is_reported_with_path_and_line(
    tmp_path: Path, change: tuple[str, str], line: int, words: str
) -> None:
    assert change[0] in GOOD
    path = tmp_path / "broken.yaml"
    path.write_text(GOOD.replace(change[0], change[1]), "utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules_from([tmp_path])
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_an_example_that_does_not_behave_is_caught() -> None:
    rule = parse_rule(GOOD.replace('pass: ["nothing here"]', 'pass: ["foo again"]'), "x.yaml")
    problems = example_problems(rule)
    assert len(problems) == 1 and "flagged a pass example" in problems[0]
    rule = parse_rule(GOOD.replace('fail: ["a foo here"]', 'fail: ["no match"]'), "x.yaml")
    assert "did not flag" in example_problems(rule)[0]


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, "utf-8")
    with pytest.raises(RuleError, match="already used"):
        load_rules_from([tmp_path])


def test_builtin_rule_folder_is_the_data_folder() -> None:
    assert RULE_DIR.name == "rules" and RULE_DIR.parent.name == "data"
    assert len(list(RULE_DIR.glob("*.yaml"))) == len(RULES)
