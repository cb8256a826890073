"""The words of `sopan career` for people (`data/career/words/<lang>.yaml`): the findings'
suggestions, the reasons a post is flagged, the lines the CLI and the web show."""

from __future__ import annotations

from functools import cache
from typing import Any

from sopan.errors import InternalError
from sopan.language.words import Words


@cache
def career_words(language: str) -> Words:
    """The career texts in `language`; a key missing in one language is an internal error."""
    from sopan.data import load_yaml
    from sopan.model.names import LANGUAGES

    books = {lang: load_yaml("career", "words", f"{lang}.yaml") for lang in LANGUAGES}

    def keys_of(node: Any, prefix: str = "") -> set[str]:
        if not isinstance(node, dict):
            return {prefix}
        return {k for key, v in node.items() for k in keys_of(v, f"{prefix}.{key}")}

    first, *others = LANGUAGES
    for other in others:
        if keys_of(books[first]) != keys_of(books[other]):
            odd = sorted(keys_of(books[first]) ^ keys_of(books[other]))
            raise InternalError(f"career/words: {first}.yaml and {other}.yaml differ at {odd[0]}")
    return Words(language, books[language], "career")
