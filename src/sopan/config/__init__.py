"""Settings: the user's profile and per-stage options, kept as TOML in the user config dir.

`SOPAN_CONFIG` names another file (tests and career centres hosting many users use it).
Passwords are never stored here: they come from the environment or the OS keyring.

The file is read once into a `Config`; each table becomes a typed value the first time a
command asks for it (`config.calendar`, `config.smtp`, `config.imap`, `config.store_url`),
checked in one place, and an error names the file, the line and the key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sopan._infra.files import write_private
from sopan.errors import UserError
from sopan.model import DEFAULT_LANGUAGE, LANGUAGES, Profile

if TYPE_CHECKING:
    from sopan.config.calendar import CalendarSettings
    from sopan.config.servers import ServerSettings

PROFILE_FIELDS = ("name", "email", "phone", "linkedin", "city", "language", "timezone", "country")
_SECRET_KEYS = ("password", "passwd", "secret", "token")


#: the environment variable that names the database (it may hold a password: never written)
DATABASE_VARIABLE = "SOPAN_DATABASE_URL"


@dataclass(frozen=True)
class Config:
    """A loaded config file: the profile, the other tables as written (`sections`, kept for
    saving), and where it came from; each table typed when first asked for."""

    profile: Profile
    sections: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None
    is_example: bool = False
    #: the file's text, to name the line of a key an error is about
    text: str = ""

    def at(self, section: str, key: str | None = None) -> str:
        """Where `[section] key` is written: "PATH:LINE" (the table's line when the key is
        not written, the file alone when neither is)."""
        origin = str(self.path) if self.path else "example config"
        table_line = key_line = 0
        inside = False
        for number, raw in enumerate(self.text.splitlines(), 1):
            line = raw.strip()
            if line.startswith("["):
                inside = line.strip("[] ").split("]")[0].strip() == section
                if inside:
                    table_line = number
            elif inside and key and line.split("=", 1)[0].strip().strip('"') == key:
                key_line = number
                break
        line_number = key_line or table_line
        return f"{origin}:{line_number}" if line_number else origin

    @cached_property
    def calendar(self) -> CalendarSettings:
        """The `[calendar]` table, checked (defaults when there is none)."""
        from sopan.config.calendar import calendar_section

        return calendar_section(
            self.sections.get("calendar"), country=self.profile.country, where=self.at
        )

    @cached_property
    def smtp(self) -> ServerSettings:
        """The `[smtp]` table, checked; an error when there is none (sending needs it)."""
        from sopan.config.servers import server_settings
        from sopan.deliver.smtp import PORTS as ports

        return server_settings(
            self.sections.get("smtp"), "smtp", ports=ports, security="starttls", where=self.at
        )

    @cached_property
    def imap(self) -> ServerSettings | None:
        """The `[imap]` table, checked, or None when there is none."""
        from sopan.config.servers import server_settings

        table = self.sections.get("imap")
        if not isinstance(table, Mapping) or not table.get("host"):
            return None
        from sopan.deliver.imap import PORTS as ports

        return server_settings(
            table, "imap", ports=ports, security="tls", where=self.at, need_username=True
        )

    @cached_property
    def store_url(self) -> str | None:
        """The database: `SOPAN_DATABASE_URL`, else `[store] url` (which may not hold a
        password), else None for the default SQLite file."""
        given = os.environ.get(DATABASE_VARIABLE)
        if given:
            return given
        table = self.sections.get("store")
        url = table.get("url") if isinstance(table, Mapping) else None
        if not url:
            return None
        from urllib.parse import urlsplit

        if urlsplit(str(url)).password:
            raise UserError(
                "config.url_password", field="config.store.url", at=self.at("store", "url")
            )
        return str(url)


def config_path() -> Path:
    """Where the config file lives (it may not exist yet)."""
    override = os.environ.get("SOPAN_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("sopan")) / "config.toml"


def _parse(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError("config.unreadable", field="config", at=origin, why=str(exc)) from None


def _profile_from(data: Mapping[str, Any], origin: str) -> Profile:
    raw = data.get("profile")
    if not isinstance(raw, Mapping) or not raw.get("name"):
        raise UserError("config.no_profile", field="config.profile", at=origin)
    values = {k: str(raw[k]) for k in PROFILE_FIELDS if raw.get(k) not in (None, "")}
    return profile_of(values, origin, prefix="config.profile.")


def profile_of(values: Mapping[str, str], origin: str, *, prefix: str = "") -> Profile:
    """A Profile from its fields; a language or time zone sopan cannot use is refused here,
    in one line, for a config file (`prefix` "config.profile.": the error names the file's
    key) and `sopan init` or a form alike (not later as a traceback)."""
    at = {"at": origin} if prefix else {}
    language = values.get("language", DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        raise UserError(
            "config.language", field=f"{prefix}language", value=language, choices=LANGUAGES, **at
        )
    zone = values.get("timezone")
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
            raise UserError("config.zone", field=f"{prefix}timezone", value=zone, **at) from None
    return Profile(**values)


def _check_no_secrets(data: Mapping[str, Any], origin: str, section: str = "") -> None:
    for key, value in data.items():
        if isinstance(value, Mapping):
            _check_no_secrets(value, origin, key)
        elif any(s in key.lower() for s in _SECRET_KEYS):
            where = f"config.{section}.{key}" if section else f"config.{key}"
            raise UserError("config.password", field=where, at=origin, key=key)


def example_config() -> Config:
    """The bundled example profile used by the demo when no config exists."""
    from sopan.data import data_path, parsed

    text = data_path("example_config.toml").read_text("utf-8")
    # packaged, like the word books: parsed once per machine, not once per command
    data: dict[str, Any] = parsed(text, "toml", lambda t: _parse(t, "example config"))
    return Config(_profile_from(data, "example config"), data, None, True, text)


def load_config(path: Path | None = None, *, allow_example: bool = True) -> Config:
    """Load the config file; without one, fall back to the example profile if allowed."""
    path = path or config_path()
    if not path.exists():
        if allow_example:
            return example_config()
        raise UserError("config.no_file", field="config", at=str(path))
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError("config.unreadable", field="config", at=str(path), why=str(exc)) from None
    data = _parse(text, str(path))
    _check_no_secrets(data, str(path))
    return Config(_profile_from(data, str(path)), data, path, False, text)


def save_profile(profile: Profile, path: Path | None = None) -> Path:
    """Write the profile into the config file, keeping its other sections."""
    import tomli_w

    path = path or config_path()
    data: dict[str, Any] = {}
    if path.exists():
        data = _parse(path.read_text("utf-8"), str(path))
    data["profile"] = {k: v for k, v in asdict(profile).items() if v is not None}
    # name, email and phone: a file for the user's eyes only (0600 in a 0700 folder)
    return write_private(path, tomli_w.dumps(data).encode("utf-8"))


def save_section(name: str, table: Mapping[str, Any], path: Path | None = None) -> Path:
    """Replace one table of the config file (`[calendar]`), keeping the others; checked by
    whoever reads it, and refused here when it holds what looks like a password."""
    import tomli_w

    path = path or config_path()
    _check_no_secrets(table, str(path))
    data: dict[str, Any] = {}
    if path.exists():
        data = _parse(path.read_text("utf-8"), str(path))
    data[name] = dict(table)
    return write_private(path, tomli_w.dumps(data).encode("utf-8"))
