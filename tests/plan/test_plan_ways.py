"""The plan book's sentences speak to a person, never of flags or codes: how to follow a note
is its `ways` (choices, or a thing to give), which each edge says its own way — the command
line as flags, the web as a link to the field."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from sopan.cli.plan_view import render_plan, ways_text
from sopan.language.choices import options
from sopan.language.words import SECTIONS_WITH_IDS, load_words
from sopan.model import Note, Situation
from sopan.model.decisions import WAY_NAMES
from sopan.plan import make_plan

from .test_plan_table import BASE_INV, BASE_PROFILE, START

FLAG = re.compile(r"(?<![\w-])--[a-z]|`|\bsopan (init|send|draft|plan|read|lint|history|web)\b")
CODE = re.compile(r"\b[RC]\d+(?:\.\d+)?\b")


def _entries(lang: str) -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    data = load_words(lang).data
    return [(section, key, entry) for section in SECTIONS_WITH_IDS
            for key, entry in data[section].items()]  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_sentence_of_the_plan_book_names_a_flag_a_command_or_a_code(lang: str) -> None:
    found = {
        f"{section}.{key}": hit.group(0)
        for section, key, entry in _entries(lang)
        for hit in [FLAG.search(entry["text"]) or CODE.search(entry["text"])]
        if hit
    }
    assert found == {}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_way_is_a_choice_with_a_known_value_or_a_thing_given(lang: str) -> None:
    ways = 0
    for section, key, entry in _entries(lang):
        for way in entry.get("ways", ()):
            ways += 1
            for name, value in way.items():
                assert name in WAY_NAMES, (section, key, name)
                if value:
                    assert value in options(name, lang), (section, key, name, value)
    assert ways >= 10  # the scan sees them


def test_both_languages_give_the_same_ways() -> None:
    en = {(s, k): e.get("ways") for s, k, e in _entries("en")}
    id_ = {(s, k): e.get("ways") for s, k, e in _entries("id")}
    assert en == id_


def test_the_command_line_says_a_way_as_its_flags() -> None:
    note = Note("…", "R1.2", ((("intent", "reschedule"),), (("interest", "no"),)))
    assert ways_text(note) == " (--intent reschedule; --interest no)"
    both = Note("…", "C0", ((("intent", "decline"), ("interest", "no")),))
    assert ways_text(both) == " (--intent decline --interest no)"
    assert ways_text(Note("…", "R1.2", ((("city", ""),),))) == " (sopan init --city …)"
    assert ways_text(Note("…", "R8")) == ""


def test_a_recommendation_reads_without_a_flag_and_the_cli_adds_it() -> None:
    inv = BASE_INV
    plan = make_plan(inv, Situation(intent="cancel"), BASE_PROFILE, now=START - timedelta(days=3))
    advice = next(n for n in plan.warnings if n.guideline == "C0")
    assert advice.ways == ((("intent", "reschedule"),),)
    assert "--" not in advice.text
    shown = render_plan(plan, inv)
    assert "(--intent reschedule)" in shown
