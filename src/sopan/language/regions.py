"""A language's regional variants, as data: which one a reader gets, and its words.

A variant is a row of its language's profile (`regions:` of `data/languages/<code>.yaml`):
the countries whose readers get it, and its books, `phrases/<code>/regions/<row>/…`, each laid
key by key over the language's book of the same path (its date and clock forms, how a zone is
labelled, a few phrasings). Nothing branches on a variant's name: a book that has no file for
it, or a key its file does not list, is the language's own. "" is the language's own books.

The row is chosen by where the recipient is (`sopan.plan.recipient`), never by where the writer
is: an American recruiter reads "Thursday, October 12, at 2:00 PM ET" and a résumé, a reader
anywhere else "Thursday, 12 October at 14:00".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sopan.data import data_roots, read_yaml
from sopan.language.profiles import Region, profile


def region_for(language: str, country: str | None) -> Region | None:
    """The variant of `language` a reader in `country` (ISO 3166) gets; None: its own books."""
    if not country:
        return None
    wanted = country.upper()
    return next((r for r in profile(language).regions if wanted in r.countries), None)


def tag_of(language: str, region: str = "") -> str:
    """The BCP 47 tag a draft is marked with: its variant's, else its language's."""
    found = profile(language).region(region)
    return found.tag if found is not None else profile(language).tag


def laid_over(
    book: Mapping[str, Any], language: str, region: str, *parts: str
) -> Mapping[str, Any]:
    """`book` (the language's `phrases/<language>/<parts…>`) with the variant's own file of the
    same path laid over it; `book` itself for "" or a variant with no such file."""
    if not region:
        return book
    over: Any = None
    for root in data_roots():
        path = root.joinpath("phrases", language, "regions", region, *parts)
        if path.is_file():
            over = read_yaml(path)
            break
    return _merged(book, over) if isinstance(over, Mapping) else book


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `over`'s keys: a mapping in both is merged in turn, anything else replaced."""
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        if isinstance(below, Mapping) and isinstance(value, Mapping):
            out[key] = _merged(below, value)
        else:
            out[key] = value
    return out
