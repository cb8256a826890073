"""Sending over SMTP: settings from the config's `[smtp]` table, the password from
`SOPAN_SMTP_PASSWORD` or the OS keyring (never from a file), and every failure told apart
by whether the message may have gone.

```toml
[smtp]
host = "smtp.example.com"
port = 587                 # 465 with security = "tls"
security = "starttls"      # or "tls", or "none" (only to a loopback host)
username = "rina@example.com"
```
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from sopan._infra.faults import crash_point
from sopan.config import Config
from sopan.config.secrets import password
from sopan.config.servers import ServerSettings
from sopan.deliver import NotSent, OutcomeUnknown

PASSWORD_VARIABLE = "SOPAN_SMTP_PASSWORD"
KEYRING_SERVICE = "sopan-smtp"
#: the port of each security, when the table names none
PORTS = {"starttls": 587, "tls": 465, "none": 25}
#: the `[smtp]` table, checked by the one rule for servers (`config.servers`)
SmtpSettings = ServerSettings


def smtp_settings(config: Config) -> SmtpSettings:
    """The config's `[smtp]` table; one line naming what is wrong with it."""
    return config.smtp


def smtp_password(settings: SmtpSettings) -> str | None:
    """The password: `SOPAN_SMTP_PASSWORD`, else the OS keyring, else none."""
    return password(PASSWORD_VARIABLE, KEYRING_SERVICE, settings.username)


@dataclass
class SmtpTransport:
    """One message, one connection; what went wrong says whether the message may have gone."""

    settings: SmtpSettings
    password: str | None = None

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.settings.cafile:
            context.load_verify_locations(self.settings.cafile)
        return context

    def send(self, message: bytes, sender: str, recipients: list[str]) -> None:
        """Hand the message to the server; NotSent before DATA is accepted or when it is
        refused, OutcomeUnknown when the connection fails once the message went out."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        try:
            if s.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=self._context()
                )
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        except (OSError, smtplib.SMTPException) as exc:
            raise NotSent("mail.unreachable", server=where, why=_why(exc)) from None
        try:
            self._before_data(client, sender, recipients, where)
            crash_point("before-data")
            try:
                code, answer = client.data(message)
            except smtplib.SMTPDataError as exc:  # the server answered: it did not take it
                said = f"{exc.smtp_code} {_text(exc.smtp_error)}"
                raise NotSent("mail.refused_message", server=where, answer=said) from None
            except (OSError, smtplib.SMTPException) as exc:
                raise OutcomeUnknown("mail.handover_failed", server=where, why=_why(exc)) from None
            if code != 250:
                raise NotSent("mail.answered", server=where, answer=f"{code} {_text(answer)}")
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()

    def _before_data(
        self, client: smtplib.SMTP, sender: str, recipients: list[str], where: str
    ) -> None:
        s = self.settings
        try:
            client.ehlo()
            if s.security == "starttls":
                client.starttls(context=self._context())
                client.ehlo()
            if s.username:
                if not self.password:
                    raise NotSent("mail.no_password", user=s.username, variable=PASSWORD_VARIABLE)
                client.login(s.username, self.password)
            options = ["SMTPUTF8"] if not all(a.isascii() for a in (sender, *recipients)) else []
            code, answer = client.mail(sender, options)
            if code != 250:
                raise NotSent("mail.refused_sender", server=where, answer=f"{code} {_text(answer)}")
            for address in recipients:
                code, answer = client.rcpt(address)
                if code not in (250, 251):
                    said = f"{code} {_text(answer)}"
                    raise NotSent(
                        "mail.refused_recipient", server=where, address=address, answer=said
                    )
        except smtplib.SMTPAuthenticationError:
            raise NotSent("mail.refused_password", server=where, user=s.username) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise NotSent("mail.failed_before", server=where, why=_why(exc)) from None


def _text(answer: bytes | str) -> str:
    text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)
    return " ".join(text.split())[:200]


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
