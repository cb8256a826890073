"""The error book: what sopan says when something is wrong, in each language.

`data/errors/<lang>.yaml` maps an error's code to its words, with `{name}` for each of its
parameters; every language has every code and the same parameters (checked on load, with
the file and line of what is wrong). A parameter that is a date or a time is written the
way the language writes it; a list is joined with the language's "or".
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING, Any

from sopan.model.names import LANGUAGES

if TYPE_CHECKING:
    from sopan.errors import SopanError

#: the keys of book entries that are not error codes: how a list ends ("a, b or c"), and
#: what groups a large number's thousands ("200,000", "200.000")
_OR = "_or"
_THOUSANDS = "_thousands"


class Grouped(int):
    """A number an error writes with its thousands grouped as its language does."""

    def text(self, language: str) -> str:
        """The number in `language` ("200.000" in Indonesian, "200,000" in English)."""
        return f"{self:,}".replace(",", book(language).get(_THOUSANDS, ","))


def fields_of(template: str) -> set[str]:
    """The `{name}` parameters a text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache
def book(language: str) -> Mapping[str, str]:
    """The error book of `language`, checked against the others when first loaded."""
    books: dict[str, dict[str, str]] = {lang: _load(lang) for lang in LANGUAGES}
    first = LANGUAGES[0]
    for lang, entries in books.items():
        for code in set(books[first]) ^ set(entries):
            owner = lang if code in entries else first
            raise _bad(owner, code, f"'{code}' is in errors/{owner}.yaml only")
        for code, text in entries.items():
            if fields_of(text) != fields_of(books[first][code]):
                raise _bad(lang, code, f"'{code}' names other parameters than in {first}")
    return books[language]


def _load(language: str) -> dict[str, str]:
    from sopan.data.books import book as load_book

    found: dict[str, str] = load_book("errors", f"{language}.yaml", shape={str: str})
    return found


def _bad(language: str, code: str | None, problem: str) -> Exception:
    from sopan.data import data_path
    from sopan.errors import InternalError

    path = data_path("errors", f"{language}.yaml")
    line = 0
    if code is not None and path.exists():
        lines = path.read_text("utf-8").splitlines()
        line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{code}:")), 0)
    return InternalError(f"{path}:{line}: {problem}")


def _written(value: Any, language: str) -> str:
    from sopan.language import dateforms

    if callable(getattr(value, "text", None)):  # a value that writes itself (a choice, a why)
        return str(value.text(language))
    if isinstance(value, datetime):
        return dateforms.when_text(value, getattr(value.tzinfo, "key", None), language)
    if isinstance(value, date):
        return dateforms.day(value, "date", language)
    if isinstance(value, time):
        return dateforms.clock(value, language)
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = [_written(v, language) for v in value]
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {book(language)[_OR]} {items[-1]}"
    return str(value)


def error_text(error: SopanError, language: str) -> str:
    """The words of `error` in `language` (its code itself when the code is a sentence)."""
    words = book(language if language in LANGUAGES else LANGUAGES[0])
    template = words.get(error.code)
    if template is None:
        return error.code
    values = {k: _written(v, language) for k, v in error.params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        from sopan.errors import InternalError

        raise InternalError(f"error '{error.code}' lacks a parameter of {template!r}") from None
