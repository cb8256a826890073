"""Company names compared as people write them: "PT Maju Jaya Tbk" is "Maju Jaya", "Bank
Central Asia (BCA)" is "PT Bank Central Asia Tbk", "Tokopdia" is "Tokopedia", but "Bank
Mandiri" is not "Bank Jago". The legal forms and generic words are data
(`data/career/companies.yaml`, with its examples, checked on load); closeness is rapidfuzz's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from sopan.errors import InternalError

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TOKENS = re.compile(r"[^\W_]+(?:[.'&][^\W_]+)*")


@dataclass(frozen=True)
class _Book:
    legal: frozenset[str]
    generic: frozenset[str]
    droppable: frozenset[str]
    same_at: float


@cache
def _book() -> _Book:
    from sopan.data import load_yaml

    raw = load_yaml("career", "companies.yaml")
    book = _Book(
        frozenset(str(w).strip("().").lower() for w in raw["legal_forms"]),
        frozenset(str(w).lower() for w in raw["generic"]),
        frozenset(str(w).lower() for w in raw["droppable"]),
        float(raw["same_at"]),
    )
    for a, b in raw["examples"]["same"]:
        if not _same(book, a, b):
            raise InternalError(f"career/companies.yaml: '{a}' and '{b}' should be one company")
    for a, b in raw["examples"]["different"]:
        if _same(book, a, b):
            raise InternalError(f"career/companies.yaml: '{a}' and '{b}' should differ")
    return book


def _core(book: _Book, name: str) -> str:
    words = _TOKENS.findall(_BRACKETS.sub(" ", name).lower())
    return " ".join(w for w in words if w.strip(".") not in book.legal)


def core(name: str) -> str:
    """The name without its legal form or what is in brackets, lower case: "maju jaya"."""
    return _core(_book(), name)


def _same(book: _Book, a: str, b: str) -> bool:
    ca, cb = _core(book, a), _core(book, b)
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    da = " ".join(w for w in ca.split() if w not in book.generic)
    db = " ".join(w for w in cb.split() if w not in book.generic)
    if not da or not db:  # only generic words on one side: the whole names must agree
        return False
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(da, db) >= book.same_at


@lru_cache(maxsize=4096)
def same_company(a: str, b: str) -> bool:
    """Whether two names are one company (legal forms, brackets and case aside; a typo
    allowed; generic words alone never enough)."""
    return _same(_book(), a, b)


def variants(name_core: str) -> list[str]:
    """How a post may name a company whose core is `name_core`: the core, then without the
    words a name may leave off at its end ("sentosa digital indonesia" → "sentosa digital"),
    never down to a generic word alone or fewer than three letters."""
    book = _book()
    words = name_core.split()
    found = [name_core] if len(name_core) >= 3 else []
    while len(words) > 1 and words[-1] in book.droppable:
        words = words[:-1]
        shorter = " ".join(words)
        if len(shorter) < 3 or (len(words) == 1 and shorter in book.generic):
            break
        found.append(shorter)
    return found
