"""The terminal side of `sopan.app.Asker`: shows what was read, asks what is open.

A choice is shown in the person's words and answered by its number, its words (or the start
of them) or its name; an answer that is none of them, or that the question's check refuses
(a date the one parser cannot read), is said and asked again: a wrong key never ends the
session and loses the answers given so far. Ctrl-D and Ctrl-C end it, as everywhere."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sopan.cli.base import echo, prompt
from sopan.errors import SopanError

if TYPE_CHECKING:
    from sopan.app import Asker, Question
    from sopan.model import Invitation, Language

#: how often one question is asked before it is left open
TRIES = 5


class TerminalAsker:
    """Asks on the terminal; an empty answer takes the default, or leaves the question open."""

    def __init__(self, *, now: datetime, user_tz: str, language: Language) -> None:
        self.now, self.user_tz, self.language = now, user_tz, language

    def tell(self, inv: Invitation) -> None:
        """Print what was read, each fact with where it came from."""
        from sopan.read.show import describe

        lines = describe(inv, now=self.now, user_tz=self.user_tz, language=self.language)
        echo("\n".join(lines) + "\n", err=True)

    def _again(self) -> str:
        from sopan.language.words import load_words

        return str(load_words(self.language).data["questions"]["again"])

    def ask(self, question: Question) -> str | None:
        """One question, asked again until it has an answer it can take (or none)."""
        echo(question.text, err=True)
        for number, choice in enumerate(question.choices, 1):
            echo(f"  {number}. {question.label(choice)}", err=True)
        default = question.label(question.default) if question.default else ""
        for _ in range(TRIES):
            answer = prompt(">", default=default).strip()
            if not answer:
                return None
            chosen = _choice(question, answer) if question.choices else answer
            if chosen is None and question.choices and not question.check:
                echo(self._again(), err=True)
                continue
            taken = chosen or answer
            if question.check is not None and taken not in question.choices:
                try:
                    question.check(taken)
                except SopanError as exc:  # said, and asked again: nothing typed is lost
                    echo(exc.text(self.language), err=True)
                    continue
            return taken
        return None


#: Short answers to a yes/no question, in both languages.
_YES, _NO = ("y", "ya", "iya", "yes"), ("n", "t", "tidak", "tdk", "no", "belum")


def _choice(question: Question, answer: str) -> str | None:
    """The choice an answer names: its number, its words or their start, or its name."""
    said = answer.casefold()
    if answer.isdigit() and 1 <= int(answer) <= len(question.choices):
        return question.choices[int(answer) - 1]
    if question.choices == ("yes", "no") and said in (*_YES, *_NO):
        return "yes" if said in _YES else "no"
    for choice in question.choices:
        if said in (choice.casefold(), question.label(choice).casefold()):
            return choice
    starts = [c for c in question.choices if question.label(c).casefold().startswith(said)]
    return starts[0] if len(starts) == 1 and len(said) >= 3 else None


def asker_for(interactive: bool, *, now: datetime, user_tz: str, language: Language) -> Asker:
    """The terminal asker when there is a terminal, else the one that never asks."""
    from sopan.app import NO_ASKER

    if not interactive:
        return NO_ASKER
    return TerminalAsker(now=now, user_tz=user_tz, language=language)
