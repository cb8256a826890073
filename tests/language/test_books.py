"""Every book is complete for every language the profiles list, and a book that does not
fit its shape is one line naming its file, line and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sopan.data import data_path, load_yaml
from sopan.data.books import _misfit, book, line_of
from sopan.errors import InternalError
from sopan.language.profiles import profile
from sopan.model.names import LANGUAGES

DATA = data_path()
#: keys whose entries are one language's own words (its honorifics, its registers, its
#: regional variants)
OWN = {"registers", "honorifics", "affixes", "regions"}
#: entries one language's book still lacks, as (book, missing key path): only ever shrinks
KNOWN_GAPS: set[tuple[str, str]] = set()


def _keys(value: Any, at: str = "") -> set[str]:
    """Every key path in a book, down through mappings (a list or a text is a leaf)."""
    if not isinstance(value, dict):
        return set()
    found: set[str] = set()
    for key, item in value.items():
        path = f"{at}.{key}" if at else str(key)
        found.add(path)
        if key not in OWN:
            found |= _keys(item, path)
    return found


def _per_language_books() -> list[tuple[str, dict[str, Path]]]:
    """Each book written once per language: `X/<lang>.yaml`, or a file of `X/<lang>/` that
    every language has."""
    books: list[tuple[str, dict[str, Path]]] = []
    for folder in sorted(p for p in DATA.rglob("*") if p.is_dir()):
        files = {lang: folder / f"{lang}.yaml" for lang in LANGUAGES}
        if all(p.exists() for p in files.values()):
            books.append((str(folder.relative_to(DATA)), files))
        if all((folder / lang).is_dir() for lang in LANGUAGES):
            names = set.intersection(
                *({p.relative_to(folder / lang) for p in (folder / lang).rglob("*.yaml")}
                  for lang in LANGUAGES)
            )  # fmt: skip
            for name in sorted(names):
                books.append((f"{folder.relative_to(DATA)}/*/{name}",
                              {lang: folder / lang / name for lang in LANGUAGES}))  # fmt: skip
    return books


BOOKS = _per_language_books()


def test_the_books_written_per_language_are_found() -> None:
    names = {name for name, _ in BOOKS}
    assert {"plan", "views", "web", "guidelines", "choices", "errors", "languages"} <= names
    assert any(name.startswith("phrases/*/") for name in names)


@pytest.mark.parametrize(("name", "files"), BOOKS, ids=[n for n, _ in BOOKS])
def test_every_language_has_every_entry(name: str, files: dict[str, Path]) -> None:
    trees = {lang: _keys(load_yaml(*path.relative_to(DATA).parts)) for lang, path in files.items()}
    every = set.union(*trees.values())
    gaps = {(name, key) for tree in trees.values() for key in every - tree}
    assert gaps <= KNOWN_GAPS, sorted(gaps - KNOWN_GAPS)


def test_the_known_gaps_are_still_gaps() -> None:
    """A gap filled is taken off the list (the list only shrinks)."""
    trees = {name: files for name, files in BOOKS}
    for name, key in KNOWN_GAPS:
        keys = [_keys(load_yaml(*p.relative_to(DATA).parts)) for p in trees[name].values()]
        assert any(key not in k for k in keys) and any(key in k for k in keys), (name, key)


def test_every_language_has_a_profile_and_a_dictionary() -> None:
    for lang in LANGUAGES:
        found = profile(lang)
        assert found.code == lang and set(found.name) == set(LANGUAGES)
        assert (DATA / "dictionaries" / f"{found.dictionary}.dic").exists()


def test_a_book_that_does_not_fit_names_its_file_line_and_key() -> None:
    text = "steps:\n  one:\n    text: Hai\n    guideline: 3\n"
    assert line_of(text, ("steps", "one", "guideline")) == 4
    assert _misfit({"steps": {"one": {"text": "Hai", "guideline": 3}}},
                   {str: {str: {"text": str, "guideline": str}}}, ()) == (
        ("steps", "one", "guideline"), "must be str, not int")  # fmt: skip
    assert _misfit({"a": 1}, {"a": int, "b?": str}, ()) is None
    assert _misfit({"a": 1, "c": 2}, {"a": int}, ())[1].startswith("unknown key 'c'")  # type: ignore[index]
    with pytest.raises(InternalError, match=r"^data/choices/en.yaml:\d+: intent\.label: must be"):
        book("choices", "en.yaml", shape={str: {"label": int, "options": dict}})
