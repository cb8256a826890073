"""The person's choices and the invitation's facts in everyday words (`data/choices/<lang>`).

One book for every edge: a web page's options, a terminal's questions and an error that
names two choices that contradict each other all say "Saya sudah menerima tawaran lain",
never `accepted-offer`. Checked on load: every language has the same choices and options.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sopan.errors import InternalError
from sopan.model.names import LANGUAGES


@dataclass(frozen=True)
class Choice:
    """One choice as a value: its field ("reason") and the option taken ("accepted-offer")."""

    field: str
    value: str

    def text(self, language: str) -> str:
        """'Reason “I accepted another offer”' in `language`."""
        entry = book(language)[self.field]
        return f"{entry['label']} “{entry['options'].get(self.value, self.value)}”"


def _load(language: str) -> dict[str, Any]:
    from sopan.data.books import book as load_book

    shape = {str: {"label": str, "options": {str: str}}}
    raw: dict[str, Any] = load_book("choices", f"{language}.yaml", shape=shape)
    for entry in raw.values():
        entry["options"] = {str(k).lower(): v for k, v in entry["options"].items()}
    return raw


@cache
def book(language: str) -> Mapping[str, Mapping[str, Any]]:
    """The choices of `language`, checked against every other language's."""
    books = {lang: _load(lang) for lang in LANGUAGES}
    first = books[LANGUAGES[0]]
    for lang, other in books.items():
        for name in set(first) | set(other):
            if name not in first or name not in other:
                raise InternalError(f"data/choices: '{name}' is not in every language")
            if set(first[name]["options"]) != set(other[name]["options"]):
                raise InternalError(f"data/choices/{lang}.yaml: '{name}' has other options")
    return books[language if language in books else LANGUAGES[0]]


def label(field: str, language: str) -> str:
    """The question or label of a choice ("Reason")."""
    return str(book(language)[field]["label"])


def options(field: str, language: str) -> Mapping[str, str]:
    """Each option of a choice, in the book's order, with its words."""
    found: Mapping[str, str] = book(language)[field]["options"]
    return found
