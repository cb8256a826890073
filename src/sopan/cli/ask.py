"""The terminal side of `sopan.app.Asker`: shows what was read, asks what is open."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sopan.cli.base import echo, prompt

if TYPE_CHECKING:
    from sopan.app import Asker, Question
    from sopan.model import Invitation, Language


class TerminalAsker:
    """Asks on the terminal; an empty answer takes the default, or leaves the question open."""

    def __init__(self, *, now: datetime, user_tz: str, language: Language) -> None:
        self.now, self.user_tz, self.language = now, user_tz, language

    def tell(self, inv: Invitation) -> None:
        """Print what was read, each fact with where it came from."""
        from sopan.read.show import describe

        lines = describe(inv, now=self.now, user_tz=self.user_tz, language=self.language)
        echo("\n".join(lines) + "\n", err=True)

    def ask(self, question: Question) -> str | None:
        """One question; a choice is answered by its number or its text."""
        echo(question.text, err=True)
        for number, choice in enumerate(question.choices, 1):
            echo(f"  {number}. {choice}", err=True)
        answer = prompt(">", default=question.default or "").strip()
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(question.choices):
            return question.choices[int(answer) - 1]
        if question.choices == ("yes", "no") and answer.lower() in (*_YES, *_NO):
            return "yes" if answer.lower() in _YES else "no"
        return answer


#: Short answers to a yes/no question, in both languages.
_YES, _NO = ("y", "ya", "iya"), ("n", "t", "tidak", "tdk")


def asker_for(interactive: bool, *, now: datetime, user_tz: str, language: Language) -> Asker:
    """The terminal asker when there is a terminal, else the one that never asks."""
    from sopan.app import NO_ASKER

    if not interactive:
        return NO_ASKER
    return TerminalAsker(now=now, user_tz=user_tz, language=language)
