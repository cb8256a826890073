"""Handing a message to a mail server. One method per outside service, and an in-memory twin
with the same method for fast tests (the shape of httpx's transports):

    Transport.send(message, sender, recipients)   SMTP (`SmtpTransport`), memory (`MemoryTransport`)

The errors say what a person needs to know about the message, not about the protocol:

    ExternalError
     ├── NotSent          the server surely did not take it (refused, unreachable, 4xx/5xx)
     └── OutcomeUnknown   the connection failed after the message went out: it may have arrived
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sopan.errors import ExternalError


class NotSent(ExternalError):
    """The message surely did not go: it may be sent again."""


class OutcomeUnknown(ExternalError):
    """The message may have arrived: it is never sent again without the user's word."""


class Transport(Protocol):
    """Something that takes a message for delivery."""

    def send(self, message: bytes, sender: str, recipients: list[str]) -> None:
        """Hand the message over; NotSent or OutcomeUnknown when it cannot say it took it."""


@dataclass
class MemoryTransport:
    """Keeps what it is given (and can be told to fail), for tests of what sends."""

    sent: list[tuple[bytes, str, list[str]]] = field(default_factory=list)
    fail: ExternalError | None = None

    def send(self, message: bytes, sender: str, recipients: list[str]) -> None:
        """Keep the message, or raise the failure it was given."""
        if self.fail is not None:
            raise self.fail
        self.sent.append((message, sender, list(recipients)))
