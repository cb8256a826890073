"""The guideline book: every rule sopan follows, in the product's own words, id and en.

The texts live in `data/guidelines/<lang>.yaml`; this module only loads and looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sopan.errors import UserError
from sopan.model import LANGUAGES


@dataclass(frozen=True)
class Guideline:
    """One guideline: its id, a short title, what to do, and why."""

    id: str
    title: str
    text: str
    why: str
    language: str


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UserError("choice.not_one_of", field="language", value=lang, choices=LANGUAGES)
    return lang


@cache
def _load(lang: str) -> dict[str, Guideline]:
    from sopan.data.books import book as load_book

    shape = {str: {"title": str, "text": str, "why": str}}
    raw: Any = load_book("guidelines", f"{lang}.yaml", shape=shape)
    return {
        str(gid): Guideline(str(gid), entry["title"], entry["text"], entry["why"], lang)
        for gid, entry in raw.items()
    }


def load_guidelines(lang: str) -> dict[str, Guideline]:
    """All guidelines in one language, keyed by id, in book order (R1 … C3)."""
    return dict(_load(_check_lang(lang)))


def guideline(gid: str, lang: str) -> Guideline:
    """One guideline by id (case-insensitive); a clear error names the known ids."""
    book = _load(_check_lang(lang))
    key = gid.strip().upper()
    if key not in book:
        raise UserError("guideline.unknown", field="guideline", value=gid, known=", ".join(book))
    return book[key]
