"""The guideline book: every rule sopan follows, in the product's own words, id and en.

The texts live in `data/guidelines/<lang>.yaml`; this module only loads and looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sopan.errors import InternalError, UserError

LANGUAGES: tuple[str, ...] = ("id", "en")


# The C loader parses the book several times faster; both are safe loaders.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        raise UserError(f"language must be 'id' or 'en', not '{lang}'")
    return lang


@cache
def _load(lang: str) -> dict[str, Guideline]:
    raw_text = resources.files("sopan.data.guidelines").joinpath(f"{lang}.yaml").read_text("utf-8")
    raw: Any = yaml.load(raw_text, Loader=_LOADER)
    if not isinstance(raw, dict):
        raise InternalError(f"guideline book '{lang}' is not a mapping")
    book: dict[str, Guideline] = {}
    for gid, entry in raw.items():
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("title", "text", "why")
        ):
            raise InternalError(f"guideline {gid} ({lang}) needs title, text and why")
        book[str(gid)] = Guideline(str(gid), entry["title"], entry["text"], entry["why"], lang)
    return book


def load_guidelines(lang: str) -> dict[str, Guideline]:
    """All guidelines in one language, keyed by id, in book order (R1 … C3)."""
    return dict(_load(_check_lang(lang)))


def guideline(gid: str, lang: str) -> Guideline:
    """One guideline by id (case-insensitive); a clear error names the known ids."""
    book = _load(_check_lang(lang))
    key = gid.strip().upper()
    if key not in book:
        raise UserError(f"no guideline '{gid}' (known: {', '.join(book)})")
    return book[key]
