"""Settings: the user's profile and per-stage options, kept as TOML in the user config dir.

`SOPAN_CONFIG` names another file (tests and career centres hosting many users use it).
Passwords are never stored here: they come from the environment or the OS keyring.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sopan._infra.files import write_private
from sopan.errors import UserError
from sopan.model import LANGUAGES, Profile

PROFILE_FIELDS = ("name", "email", "phone", "linkedin", "city", "language", "timezone", "country")
_SECRET_KEYS = ("password", "passwd", "secret", "token")


@dataclass(frozen=True)
class Config:
    """A loaded config file: the profile, the other sections as given, and where it came from."""

    profile: Profile
    sections: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None
    is_example: bool = False


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
        raise UserError(f"{origin}: not a valid config file ({exc})") from None


def _profile_from(data: Mapping[str, Any], origin: str) -> Profile:
    raw = data.get("profile")
    if not isinstance(raw, Mapping) or not raw.get("name"):
        raise UserError(f"{origin}: the [profile] table needs at least a name (run `sopan init`)")
    values = {k: str(raw[k]) for k in PROFILE_FIELDS if raw.get(k) not in (None, "")}
    return profile_of(values, origin)


def profile_of(values: Mapping[str, str], origin: str) -> Profile:
    """A Profile from its fields; a language or time zone sopan cannot use is refused here,
    in one line, for a config file and `sopan init` alike (not later as a traceback)."""
    if values.get("language", "id") not in LANGUAGES:
        raise UserError(f"{origin}: profile language must be 'id' or 'en'")
    zone = values.get("timezone")
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
            raise UserError(f"{origin}: unknown time zone '{zone}'") from None
    return Profile(**values)  # type: ignore[arg-type]


def _check_no_secrets(data: Mapping[str, Any], origin: str) -> None:
    for key, value in data.items():
        if isinstance(value, Mapping):
            _check_no_secrets(value, origin)
        elif any(s in key.lower() for s in _SECRET_KEYS):
            raise UserError(
                f"{origin}: '{key}' looks like a password; sopan reads passwords only from "
                "the environment or the OS keyring, never from the config file"
            )


def example_config() -> Config:
    """The bundled example profile used by the demo when no config exists."""
    from sopan.data import data_path, parsed

    text = data_path("example_config.toml").read_text("utf-8")
    # packaged, like the word books: parsed once per machine, not once per command
    data: dict[str, Any] = parsed(text, "toml", lambda t: _parse(t, "example config"))
    return Config(_profile_from(data, "example config"), data, None, True)


def load_config(path: Path | None = None, *, allow_example: bool = True) -> Config:
    """Load the config file; without one, fall back to the example profile if allowed."""
    path = path or config_path()
    if not path.exists():
        if allow_example:
            return example_config()
        raise UserError(f"{path}: no config file yet (run `sopan init`)")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read the config file ({exc})") from None
    data = _parse(text, str(path))
    _check_no_secrets(data, str(path))
    return Config(_profile_from(data, str(path)), data, path, False)


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
