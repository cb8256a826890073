"""One exception tree; each interface turns it into exit codes or JSON in one place."""

from __future__ import annotations


class SopanError(Exception):
    """Base of every error sopan reports to a person."""

    exit_code = 1


class UserError(SopanError):
    """Bad input: a missing file, a file that is not an invitation, a bad flag value."""

    exit_code = 2


class ExternalError(SopanError):
    """A service outside sopan failed: a calendar server, a mail server."""

    exit_code = 3


class InternalError(SopanError):
    """A bug in sopan itself."""

    exit_code = 70
