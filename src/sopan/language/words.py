"""Words for people, from `data/<book>/<lang>.yaml`: no sentence a person reads lives in code.

Two books: "plan" (the plan, its view, the questions) and "views" (what the other commands
print for people: `read`, `busy`, `slots`, `lint`, `init`). Both load the same way.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sopan.errors import InternalError, UserError
from sopan.language.profiles import babel_locale
from sopan.model import LANGUAGES, Channel

if TYPE_CHECKING:
    from sopan.model import Note, Step

SECTIONS_WITH_IDS: tuple[str, ...] = ("steps", "warnings", "checklist")


def placeholders(template: str) -> set[str]:
    """The `{name}` fields a template expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Words:
    """One language's texts of one book, with helpers that fill them in."""

    language: str
    data: Mapping[str, Any]
    book: str = "plan"
    #: values every text of this book may use, bound once (the event as the invitation names it)
    given: Mapping[str, object] = field(default_factory=dict)

    def with_values(self, **values: object) -> Words:
        """These words with `values` at hand for every text they fill in."""
        return replace(self, given={**self.given, **values})

    def _get(self, section: str, key: str) -> Any:
        try:
            return self.data[section][key]
        except KeyError:
            raise InternalError(
                f"{self.book} words: no {section}.{key} in '{self.language}'"
            ) from None

    def _entry(self, section: str, key: str) -> Mapping[str, str]:
        entry: Mapping[str, str] = self._get(section, key)
        return entry

    def _fill(self, template: str, values: Mapping[str, object]) -> str:
        try:
            return template.format_map({**self.given, **values})
        except KeyError as exc:
            raise InternalError(
                f"{self.book} words: missing value {exc} for '{template}'"
            ) from None

    def note(self, section: str, key: str, **values: object) -> Note:
        """A warning or checklist item, filled in, with its guideline id."""
        entry = self._entry(section, key)
        from sopan.model.decisions import Note  # the plan's values only when a plan is made

        given: Any = entry.get("ways", ())  # a list of mappings: the choices taken together
        ways = tuple(tuple((str(name), str(value)) for name, value in way.items()) for way in given)
        return Note(self._fill(entry["text"], values), entry["guideline"], ways)

    def step(self, channel: Channel, key: str, **values: object) -> Step:
        """A plan step on `channel`, its why filled in, with its guideline id."""
        entry = self._entry("steps", key)
        from sopan.model.decisions import Step

        return Step(channel, self._fill(entry["text"], values), entry["guideline"])

    def name(self, kind: str, key: str = "") -> str:
        """The display name of `key` among `kind` (action, level, channel, …), or a plain name.
        A channel is named by its spec (data/channels/), in this book's language."""
        if kind == "channel":
            from sopan.model.channels import registry

            found = registry().get(key)
            return found.label_in(self.language) if found else key
        table = self.data["names"].get(kind)
        if isinstance(table, Mapping):
            return str(table.get(key, key))
        return str(table) if table is not None else key

    def text(self, section: str, key: str, **values: object) -> str:
        """A plain text (view labels, questions, medium reasons), filled in."""
        return self._fill(str(self._get(section, key)), values)

    def number(self, value: float) -> str:
        """A number with at most one decimal, written the way the language writes it."""
        from babel.numbers import format_decimal  # Babel only when a number is written

        return format_decimal(round(value, 1), format="#,##0.#", locale=babel_locale(self.language))

    def duration(self, minutes: int) -> str:
        """A travel time such as "3 h 15 min", rounded to a quarter hour."""
        rounded = max(15, round(minutes / 15) * 15)
        h, m = divmod(rounded, 60)
        if h == 0:
            return self.text("names", "duration_min", m=m)
        if m == 0:
            return self.text("names", "duration_h", h=h)
        return self.text("names", "duration", h=h, m=m)


BOOKS: tuple[str, ...] = ("plan", "views")


#: each book: sections of texts (a text, a table of names, or an entry with its guideline)
_SHAPE = {str: {str: (str, {str: Any})}}


@cache
def _load(book: str, lang: str) -> Words:
    from sopan.data.books import book as load_book

    return Words(lang, load_book(book, f"{lang}.yaml", shape=_SHAPE), book)


def load_words(lang: str, book: str = "plan") -> Words:
    """The texts of `book` ("plan" or "views", see the module) in `lang` ("id" or "en")."""
    if lang not in LANGUAGES:
        raise UserError("choice.not_one_of", field="language", value=lang, choices=LANGUAGES)
    if book not in BOOKS:
        raise InternalError(f"no words book '{book}'")
    return _load(book, lang)
