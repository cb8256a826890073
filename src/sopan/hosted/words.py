"""The hosted mode's languages, as data: a language is one its pages speak when
`data/hosted/<code>.yaml` holds their words (packaged, or laid in a folder of
SOPAN_DATA_DIRS); anything else falls back to DEFAULT_LANGUAGE. No module of the hosted
mode branches on a language's name."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def page_languages() -> tuple[str, ...]:
    """The languages the hosted pages have words in, DEFAULT_LANGUAGE first."""
    from sopan.data import data_path
    from sopan.model.names import LANGUAGES

    return tuple(code for code in LANGUAGES if data_path("hosted", f"{code}.yaml").is_file())


def page_language(code: str | None) -> str:
    """`code` (or the language part of a tag: 'en-GB' → 'en') when the pages speak it, else
    DEFAULT_LANGUAGE."""
    from sopan.model.names import DEFAULT_LANGUAGE

    wanted = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return wanted if wanted in page_languages() else DEFAULT_LANGUAGE


def preferred(accept_language: str) -> str:
    """The first language of a browser's Accept-Language the pages speak."""
    for part in accept_language.split(","):
        code = part.split(";")[0].strip()
        if code and page_language(code) == code.lower().split("-")[0]:
            return page_language(code)
    return page_language(None)


@cache
def hosted_words(language: str) -> dict[str, Any]:
    """The hosted pages' words in `language` (one the pages speak)."""
    from sopan.data import load_yaml

    return dict(load_yaml("hosted", f"{page_language(language)}.yaml"))
