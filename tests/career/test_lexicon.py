"""The social scan's rules as data: each with its guideline and examples in both languages,
run when the rules load; a rule whose examples fail, or that has none, stops the load."""

from __future__ import annotations

from typing import Any

import pytest

from sopan.career.lexicon import build, example_problems, load_lexicon, normalise, tokens
from sopan.errors import InternalError
from sopan.language.guidelines import load_guidelines

BOOK = frozenset(load_guidelines("en"))


def test_every_rule_serves_a_guideline_and_its_examples_hold_in_both_languages() -> None:
    rules = load_lexicon().rules
    assert {r.reason for r in rules} == {"insult", "sara", "complaint", "employer", "personal"}
    for rule in rules:
        assert rule.guideline in BOOK
        for lang in ("id", "en"):
            assert any(e.language == lang for e in rule.must), (rule.id, lang)
            assert any(e.language == lang for e in rule.must_not), (rule.id, lang)
        assert example_problems(rule) == []


def _rule(**raw: Any) -> dict[str, Any]:
    base = {
        "id": "probe",
        "reason": "insult",
        "guideline": "R9.2",
        "kind": "words",
        "words": ["kampret"],
        "examples": {
            "id": {"match": ["dasar kampret"], "no_match": ["kampung"]},
            "en": {"match": ["kampret!"], "no_match": ["campaign"]},
        },
    }
    return {**base, **raw}


def test_a_rule_that_breaks_its_examples_is_caught() -> None:
    good = build(_rule(), "probe.yaml", BOOK)
    assert example_problems(good) == []
    wrong = build(_rule(words=["kampung"]), "probe.yaml", BOOK)
    problems = example_problems(wrong)
    assert any("did not match: 'dasar kampret'" in p for p in problems)
    assert any("matched 'kampung'" in p for p in problems)


def test_a_rule_needs_examples_in_both_languages_and_a_known_guideline() -> None:
    one_language = _rule(examples={"id": {"match": ["kampret"], "no_match": ["kampung"]}})
    assert any("'en'" in p for p in example_problems(build(one_language, "p.yaml", BOOK)))
    with pytest.raises(InternalError, match="no guideline 'R99'"):
        build(_rule(guideline="R99"), "p.yaml", BOOK)
    with pytest.raises(InternalError, match="reason must be"):
        build(_rule(reason="rude"), "p.yaml", BOOK)
    with pytest.raises(InternalError, match="not a pattern"):
        build(_rule(kind="patterns", patterns=["(unclosed"]), "p.yaml", BOOK)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("B4NGS4T", "bangsat"),
        ("4nj1ng", "anjing"),
        ("a$$hole", "asshole"),
        ("Rp 1.250.000 di 2026", "rp 1.250.000 di 2026"),
        ("@majujaya", "@majujaya"),
    ],
)
def test_chat_spellings_are_read_as_letters_and_numbers_stay_numbers(
    text: str, normal: str
) -> None:
    assert normalise(text) == normal
    assert len(normalise(text)) == len(text)


def test_held_letters_and_masks_pass_a_words_gate() -> None:
    insult = next(r for r in load_lexicon().rules if r.id == "insult")
    for text in ("anjiiiing", "f*ck this", "fuuuuck", "goblokkk", "bangsaaat lu"):
        normal = normalise(text)
        assert insult.passes(normal, tokens(normal)), text
    assert not insult.passes("selamat pagi", tokens("selamat pagi"))
