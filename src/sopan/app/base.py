"""What every use case shares: how the person is asked (`Asker`), the config, the questions,
the first moment a slot may start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from sopan.config import Config
    from sopan.model import Invitation, Situation
    from sopan.store import Store


#: How far ahead free slots are looked for, unless the request says otherwise.
SLOT_WINDOW = timedelta(days=10)


@dataclass(frozen=True)
class Question:
    """Something only the person can decide. `choices` empty: a free answer.

    `labels` are the choices in the person's words (shown instead of the choices, answered
    by number or by those words); `check` reads a free answer the way the use case will (the
    one parser): an answer it refuses is said and asked again, never the end of the session.
    """

    key: str
    text: str
    choices: tuple[str, ...] = ()
    default: str | None = None
    labels: tuple[str, ...] = ()
    check: Callable[[str], object] | None = None

    def label(self, choice: str) -> str:
        """A choice in the person's words (the choice itself when there are none)."""
        if self.labels and choice in self.choices:
            return self.labels[self.choices.index(choice)]
        return choice


def choice_question(
    key: str, text: str, options: tuple[str, ...], language: str, default: str | None = None
) -> Question:
    """A question whose options are one of the person's choices (intent, reason, interest,
    detail, confirmed), each labelled in everyday words from the choices book; a yes/no
    question is labelled with the questions' own yes and no."""
    from sopan.language.choices import book

    if options == ("yes", "no"):
        q = questions(language)
        return Question(key, text, options, default, (q["yes"], q["no"]))
    words = book(language).get(key, {}).get("options", {})
    return Question(key, text, options, default, tuple(str(words.get(o, o)) for o in options))


class Asker(Protocol):
    """How a use case reaches the person: shown what was read, asked what is open."""

    def tell(self, inv: Invitation) -> None:
        """Show what was read, before any question about it."""

    def ask(self, question: Question) -> str | None:
        """The person's answer, or None when there is nobody to ask (or no answer)."""


class _NoAsker:
    def tell(self, inv: Invitation) -> None:
        return None

    def ask(self, question: Question) -> str | None:
        return None


#: Without a terminal: nothing is shown, nothing is asked.
NO_ASKER: Asker = _NoAsker()


def config_of(given: Config | None) -> Config:
    """The config given, or the one on disk (the example's when there is none)."""
    from sopan.config import load_config

    return given if given is not None else load_config()


def questions(language: str) -> dict[str, str]:
    """The questions a use case may ask, in `language`."""
    from sopan.language.words import load_words

    return {str(k): str(v) for k, v in load_words(language).data["questions"].items()}


def first_free_moment(inv: Invitation, sit: Situation, now: datetime, tz: str) -> datetime:
    """Slots start after the interview's own day, and not before the user can attend again."""
    here = ZoneInfo(tz)
    day = inv.start.astimezone(here).date() if inv.start else inv.day
    floor = now
    if day is not None:
        floor = max(floor, datetime.combine(day + timedelta(days=1), time(0), here))
    if sit.not_before is not None:
        floor = max(floor, datetime.combine(sit.not_before, time(0), here))
    return floor


_STORES: dict[str, Store] = {}


def the_store() -> Store:
    """The store `SOPAN_DATABASE_URL` names (or the default one), opened once per process:
    a server's pages share its engine instead of opening and checking the database on
    every call."""
    from sopan.store import Store, default_url

    url = default_url()
    found = _STORES.get(url)
    if found is None:
        found = _STORES[url] = Store(url)
    return found
