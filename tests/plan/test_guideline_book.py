"""The guideline book: complete in both languages, every id used anywhere exists, own words."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED, SRC

from sopan.errors import UserError
from sopan.language.guidelines import guideline, load_guidelines
from sopan.language.words import SECTIONS_WITH_IDS, load_words, placeholders

EXPECTED_IDS = [
    "R1", "R1.1", "R1.2", "R2", "R2.1", "R2.2", "R3", "R3.1", "R3.2", "R4", "R4.1", "R4.2",
    "R5", "R5.1", "R6", "R6.1", "R7", "R7.1", "R8", "R8.1", "R9", "R9.1", "R9.2", "R10",
    "R10.1", "R10.2", "R10.3", "C0", "C1", "C2", "C2.1", "C3",
]  # fmt: skip
DATA = SRC / "sopan" / "data"
ID_PATTERN = re.compile(r"(?<![\w.])([RC]\d{1,2}(?:\.\d)?)(?![\w])")
BOOK_DIR = DATA / "guidelines"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _ids_in_data() -> dict[str, set[str]]:
    """Every guideline id named in any YAML or JSON file under data/ (values and free text)."""
    found: dict[str, set[str]] = {}
    paths = [*DATA.rglob("*.yaml"), *DATA.rglob("*.yml"), *DATA.rglob("*.json")]
    for path in sorted(paths):
        if path.parent == BOOK_DIR:
            continue
        text = path.read_text("utf-8")
        loaded = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        for text in _strings(loaded):
            for gid in ID_PATTERN.findall(text):
                found.setdefault(gid, set()).add(str(path.relative_to(SRC)))
    return found


def _ids_in_code() -> dict[str, set[str]]:
    """Every guideline id inside a string literal of the package's Python code."""
    found: dict[str, set[str]] = {}
    for path in sorted((SRC / "sopan").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for gid in ID_PATTERN.findall(node.value):
                    found.setdefault(gid, set()).add(str(path.relative_to(SRC)))
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_has_every_guideline_in_order(lang: str) -> None:
    book = load_guidelines(lang)
    assert list(book) == EXPECTED_IDS
    for g in book.values():
        assert g.title.strip() and g.text.strip() and g.why.strip()
        assert g.language == lang


def test_languages_differ() -> None:
    en, id_ = load_guidelines("en"), load_guidelines("id")
    for gid in EXPECTED_IDS:
        assert en[gid].text != id_[gid].text
        assert en[gid].why != id_[gid].why


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_id_used_anywhere_exists(lang: str) -> None:
    book = load_guidelines(lang)
    used = {**_ids_in_data()}
    for gid, where in _ids_in_code().items():
        used.setdefault(gid, set()).update(where)
    assert "C0" in used and "R1.2" in used  # the scan itself works
    unknown = {gid: sorted(where) for gid, where in used.items() if gid not in book}
    assert not unknown, f"ids not in the guideline book: {unknown}"


def test_plan_words_entries_all_name_a_guideline() -> None:
    for lang in ("id", "en"):
        words = load_words(lang)
        for section in SECTIONS_WITH_IDS:
            for key, entry in words.data[section].items():
                assert entry["guideline"] in EXPECTED_IDS, (lang, section, key)


def test_plan_words_match_across_languages() -> None:
    en, id_ = load_words("en").data, load_words("id").data
    assert en.keys() == id_.keys()
    for section in en:
        assert en[section].keys() == id_[section].keys(), section
        for key, value in en[section].items():
            other = id_[section][key]
            if section in SECTIONS_WITH_IDS:
                assert value["guideline"] == other["guideline"], key
                assert placeholders(value["text"]) == placeholders(other["text"]), key
            elif isinstance(value, str):
                assert placeholders(value) == placeholders(other), key


def test_lookup_is_case_insensitive_and_unknown_ids_are_clear() -> None:
    assert guideline("r2.1", "en").id == "R2.1"
    assert guideline(" c0 ", "id").title == load_guidelines("id")["C0"].title
    with pytest.raises(UserError, match="no guideline 'R99'"):
        guideline("R99", "en")
    with pytest.raises(UserError, match="language"):
        load_guidelines("fr")


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.shared
def test_book_is_in_its_own_words() -> None:
    seeds = set().union(
        *(_shingles(p.read_text("utf-8")) for p in sorted((SHARED / "seeds").glob("*.txt")))
    )
    assert seeds, "the seed articles are needed for this check"
    texts = [
        f"{g.title} {g.text} {g.why}"
        for lang in ("id", "en")
        for g in load_guidelines(lang).values()
    ]
    plan_texts = [t for lang in ("id", "en") for t in _strings(load_words(lang).data)]
    copied = {s for t in [*texts, *plan_texts] for s in _shingles(t) if s in seeds}
    assert not copied, f"six-word runs copied from the seeds: {sorted(copied)[:5]}"


def test_book_files_are_plain_mappings() -> None:
    for path in BOOK_DIR.glob("*.yaml"):
        data = yaml.safe_load(Path(path).read_text("utf-8"))
        assert set(data) == set(EXPECTED_IDS), path.name
