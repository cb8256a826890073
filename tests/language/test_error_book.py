"""The error book: every code in every language, the same parameters, words a person reads
(no flag, no code, no English sentence on the Indonesian side), and every code the source
raises is in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sopan.errors import UserError
from sopan.language.messages import book, fields_of
from sopan.model.names import LANGUAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "sopan"
#: words of English that Indonesian text never needs (outside a quoted example)
ENGLISH = re.compile(r"\b(?:the|is|not|of|and|with|must|give|should|than|before|after)\b")
#: errors still raised with a sentence rather than a code; only ever goes down
LEGACY_ALLOWED = 0


CODE = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")
#: the last part of a file name, which looks like a code ("calendar.yaml")
FILE_KINDS = {"yaml", "yml", "json", "txt", "csv", "py", "toml", "ics", "eml", "html"}


def _raised_codes() -> tuple[set[str], list[str]]:
    """Codes raised in the source (`UserError("code", …)`, or a code handed to a helper that
    raises it, such as parse's `_fail("parse.year", …)`), and the sentences still raised."""
    codes: set[str] = set()
    sentences: list[str] = []
    prefixes = {code.split(".")[0] for code in book("en") if "." in code}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            value = first.value if isinstance(first, ast.Constant) else None
            if isinstance(value, str) and CODE.fullmatch(value):
                if value.split(".")[0] in prefixes and value.split(".")[-1] not in FILE_KINDS:
                    codes.add(value)
                continue
            passed_on = (
                isinstance(first, ast.Attribute) and first.attr == "code"
            )  # a code re-raised
            if (
                getattr(node.func, "id", "") == "UserError"
                and not isinstance(first, ast.Name)
                and not passed_on
            ):
                sentences.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return codes, sentences


def test_every_language_has_every_code_with_the_same_parameters() -> None:
    books = {lang: book(lang) for lang in LANGUAGES}
    first = books[LANGUAGES[0]]
    for lang, entries in books.items():
        assert set(entries) == set(first), lang
        for code, text in entries.items():
            assert fields_of(text) == fields_of(first[code]), (lang, code)


def test_the_words_are_for_people() -> None:
    for lang in LANGUAGES:
        for code, text in book(lang).items():
            plain = re.sub(r"'[^']*'|\([^)]*\)|\{[^}]*\}", "", text)  # examples and slots
            assert "--" not in text, (lang, code)
            assert "\n" not in text, (lang, code)
            if lang == "id":
                assert not ENGLISH.search(plain), (code, text)


def test_every_code_raised_is_in_the_book_and_sentences_only_go_down() -> None:
    codes, sentences = _raised_codes()
    assert codes and codes <= set(book("en")), sorted(codes - set(book("en")))
    assert len(sentences) <= LEGACY_ALLOWED, sentences


def test_an_error_is_written_in_the_language_asked_with_its_values() -> None:
    error = UserError("parse.not_a_date", field="start", value="kapan saja")
    assert error.text("id").startswith("'kapan saja' bukan tanggal")
    assert error.text("en").startswith("'kapan saja' is not a date")
    assert str(error).startswith("start: 'kapan saja' is not a date")
    # a sentence raised without a code stays what it says, in every language
    assert UserError("a server said no").text("id") == "a server said no"
