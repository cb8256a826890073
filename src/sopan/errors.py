"""One exception tree; each interface turns it into exit codes, lines or pages in one place.

An error says what went wrong as a *code* (`"parse.not_a_date"`), the *field* it is about
(`"start"`, `"alternative"`, `"config.calendar.working_hours"`: the name a request value
uses, never a flag) and its *parameters* (`value="…"`). Its words come from the error book
(`data/errors/<lang>.yaml`) in the person's language; the command line names the field as
its flag (`--set start`), a web page as the form's label beside the field.

An error raised with a sentence instead of a code (`UserError("…")`) still works: the
sentence is its text in every language. Such sentences are kept for what a library said
(a server's refusal), never for what sopan says itself.
"""

from __future__ import annotations

from typing import Any


class SopanError(Exception):
    """Base of every error sopan reports to a person."""

    exit_code = 1

    def __init__(self, code: str, /, *, field: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def text(self, language: str = "en") -> str:
        """The error's words in `language`, without the field's name (the edge adds it)."""
        from sopan.language.messages import error_text

        return error_text(self, language)

    def __str__(self) -> str:
        text = self.text("en")
        return f"{self.field}: {text}" if self.field else text


class UserError(SopanError):
    """Bad input: a missing file, a file that is not an invitation, a value that is not one."""

    exit_code = 2


class ExternalError(SopanError):
    """A service outside sopan failed: a calendar server, a mail server."""

    exit_code = 3


class InternalError(SopanError):
    """A bug in sopan itself."""

    exit_code = 70
