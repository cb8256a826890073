"""The person's settings as the web app changes them: the profile, and the calendars with
the working hours and breaks slots are found in. A calendar is checked when it is given:
one that cannot be read is said so and not kept; an uploaded one is kept beside the config
file, private, and named on the page by the file name it was uploaded as."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopan.errors import SopanError, UserError

if TYPE_CHECKING:
    from sopan.config import Config

#: how far ahead a calendar given is read to check it
CHECK_WINDOW = timedelta(days=60)
#: the folder beside the config file where uploaded calendars are kept
UPLOADS = "calendars"


def config_for(path: Path | None = None) -> Config:
    """The config as it is now (the example profile's when there is none)."""
    from sopan.config import load_config

    return load_config(path)


def config_file_for(path: Path | None = None) -> Path:
    """The config file the settings are saved to."""
    from sopan.config import config_path

    return path or config_path()


def save_profile_for(values: Mapping[str, str], path: Path | None = None) -> None:
    """Keep the profile (a name at least); a language or zone sopan cannot use is refused."""
    from sopan.config import PROFILE_FIELDS, profile_of, save_profile

    given = {k: v.strip() for k, v in values.items() if k in PROFILE_FIELDS and v.strip()}
    if not given.get("name"):
        raise UserError("parse.empty", field="name")
    save_profile(profile_of(given, "profile"), config_file_for(path))


@dataclass(frozen=True)
class Source:
    """One calendar source as the page lists it: how it is named, and an id that stands
    for it in a form (so no path or address goes into the page)."""

    source: str
    name: str
    uploaded: bool

    @property
    def id(self) -> str:
        """A digest of the source."""
        return hashlib.sha256(self.source.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _uploads(path: Path | None) -> Path:
    return config_file_for(path).parent / UPLOADS


def sources_for(config: Config, path: Path | None = None) -> list[Source]:
    """The calendar sources, each named without a server path or a secret: an uploaded
    file by the name it was uploaded as, another file by its name, an address without its
    user, password, query or private token."""
    from sopan.calendar.sources import display_name

    folder = _uploads(path)
    out = []
    for source in config.calendar.sources:
        if "://" in source:
            out.append(Source(source, display_name(source), False))
            continue
        file = Path(source).expanduser()
        uploaded = file.parent == folder
        name = file.name.split("-", 1)[1] if uploaded and "-" in file.name else file.name
        out.append(Source(source, name, uploaded))
    return out


def _checked(config: Config, source: str, now: datetime) -> int:
    """Read one calendar source as the plan would; the number of busy times it has in the
    weeks ahead. One that cannot be read raises, saying why."""
    from sopan.app.calendars import BusyRequest, busy_for
    from sopan.config import Config as ConfigType

    table = dict(config.sections.get("calendar", {}))
    table["sources"] = []
    alone = ConfigType(config.profile, {**config.sections, "calendar": table}, config.path)
    found, _notes = busy_for(BusyRequest(start=now, end=now + CHECK_WINDOW, calendars=(source,),
                                         config=alone))  # fmt: skip
    return len(found)


def _save_sources(config: Config, sources: list[str], path: Path | None) -> None:
    from sopan.config import save_section

    if config.is_example:
        raise UserError("settings.details_first")
    table = dict(config.sections.get("calendar", {}))
    table["sources"] = list(dict.fromkeys(sources))
    save_section("calendar", table, config_file_for(path))


def add_address_for(config: Config, address: str, now: datetime, path: Path | None = None) -> int:
    """Add a calendar address (https://, webcal:// or caldav+https://) once it was read;
    the busy times it has ahead. Unreachable or not a calendar: refused, not kept."""

    given = address.strip()
    if not re.match(r"(?i)(https|webcal|caldav\+https)://\S+$", given):
        raise UserError("settings.not_a_calendar_address", field="address", value=given)
    if config.is_example:
        raise UserError("settings.details_first")
    count = _checked(config, given, now)
    _save_sources(config, [*config.calendar.sources, given], path)
    return count


def add_upload_for(
    config: Config, name: str, data: bytes, now: datetime, path: Path | None = None
) -> int:
    """Keep an uploaded .ics file beside the config file (private) once it was read; the
    busy times it has ahead. One that cannot be read is refused and not kept."""
    from sopan._infra.files import write_private

    if config.is_example:
        raise UserError("settings.details_first")
    if not data.strip():
        raise UserError("settings.empty_file", field="file")
    plain = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "kalender.ics").name)[-80:]
    digest = hashlib.sha256(data).hexdigest()[:12]
    target = _uploads(path) / f"{digest}-{plain or 'kalender.ics'}"
    write_private(target, data)
    try:
        count = _checked(config, str(target), now)
    except SopanError as exc:
        target.unlink(missing_ok=True)
        # the file as the person named it, never where the server put it
        if exc.params.get("source") == str(target):
            exc.params["source"] = Path(name or plain).name or plain
        raise
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    _save_sources(config, [*config.calendar.sources, str(target)], path)
    return count


def remove_sources_for(config: Config, removed: set[str], path: Path | None = None) -> None:
    """Stop using the sources of these ids (`Source.id`); an uploaded file among them is
    deleted."""

    folder = _uploads(path)
    kept = []
    for source in config.calendar.sources:
        if Source(source, "", False).id not in removed:
            kept.append(source)
            continue
        file = Path(source).expanduser()
        if file.parent == folder:
            file.unlink(missing_ok=True)
    _save_sources(config, kept, path)


def hours_for(config: Config) -> tuple[str, list[str]]:
    """The working hours and the breaks as the config holds them, for the page's fields."""
    table: Mapping[str, Any] = config.sections.get("calendar", {})
    hours = table.get("working_hours", {})
    shown = (
        hours
        if isinstance(hours, str)
        else hours.get("mon", "")
        if isinstance(hours, Mapping)
        else ""
    )
    return str(shown), [str(b) for b in table.get("blocked", [])]


def save_hours_for(
    config: Config, hours: str, blocked: list[str], path: Path | None = None
) -> None:
    """Keep the working hours (Monday to Friday) and the breaks, once they read."""
    from sopan.config import Config as ConfigType
    from sopan.config import save_section

    if config.is_example:
        raise UserError("settings.details_first")
    table = dict(config.sections.get("calendar", {}))
    table["blocked"] = [b.strip() for b in blocked if b.strip()]
    if hours.strip():
        table["working_hours"] = dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), hours.strip())
    _ = ConfigType(config.profile, {**config.sections, "calendar": table}).calendar  # checked
    save_section("calendar", table, config_file_for(path))
