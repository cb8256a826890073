"""The I/O edge: read busy times from .ics files, ICS addresses and CalDAV servers.

A source is a string:
- a path to an `.ics` file (`~` is expanded);
- an `https://` (or `http://`, `webcal://`) ICS address, fetched with a timeout and
  kept in the user cache dir, so a server that fails falls back to the last copy;
- `caldav+https://USER@HOST/PATH` for a CalDAV calendar (or a user's whole calendar
  home); the password comes from `SOPAN_CALDAV_PASSWORD` or the OS keyring
  (service "sopan", user "USER@HOST"), never from the config file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time as clock
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from sopan._infra.controls import quote
from sopan._infra.files import write_private
from sopan._infra.inputs import read_input
from sopan._infra.wording import Amount, megabytes
from sopan.calendar.ics import CalendarIndex, chunk_from_json, chunk_to_json, parse_calendar
from sopan.calendar.memory import content_key, recall, remember
from sopan.config import Config, secrets
from sopan.errors import ExternalError, InternalError, SopanError, UserError
from sopan.ical.budget import command_budget, step
from sopan.language.dateforms import fixed
from sopan.model import Busy
from sopan.model.names import LOOPBACK

PASSWORD_ENV = "SOPAN_CALDAV_PASSWORD"
KEYRING_SERVICE = "sopan"
# Years of a busy calendar stay well under this; anything larger is not a calendar.
MAX_CALENDAR_BYTES = 100 * 1024 * 1024
DISK_INDEX_MIN_BYTES = 64 * 1024  # smaller calendars parse faster than a cache lookup pays
Warn = Callable[[str], None]
_log = logging.getLogger(__name__)


def display_name(source: str) -> str:
    """A source as shown in messages: no user, password, query or secret path token."""
    if "://" not in source:
        return source
    parts = urlsplit(source)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    path = "/".join(
        "private-…" if seg.startswith("private-") else seg for seg in parts.path.split("/")
    )
    return urlunsplit((parts.scheme, host, path, "", ""))


def default_cache_dir() -> Path:
    """Where fetched calendars and parsed indexes are kept."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sopan")) / "calendar"


def _write(path: Path, data: bytes) -> None:
    try:
        # the cache holds event text and attendees' addresses: the user's eyes only
        write_private(path, data)
    except OSError as exc:  # a cache that cannot be written only costs speed
        _log.debug("calendar cache not written: %s", exc)


def _index(data: bytes, key: str, *, tz: str, source: str, disk: Path | None) -> CalendarIndex:
    found = recall((key, source))
    if found is not None:
        return found
    if disk is not None and disk.exists():
        try:
            found = CalendarIndex.from_json(disk.read_text("utf-8"), source, tz)
            os.utime(disk)  # in use: keep it from being pruned
            for path in disk.parent.glob(disk.stem + ".c*.json"):
                rows = chunk_from_json(path.read_text("utf-8"))
                number = path.stem.rsplit(".c", 1)[1]
                if found is not None and rows is not None and number.lstrip("-").isdigit():
                    found.chunks[int(number)] = rows
                    found.saved.add(int(number))
        except (OSError, UnicodeDecodeError):
            found = None
    if found is None:
        found = parse_calendar(data, tz=tz, source=source)
        if disk is not None:
            _prune(disk.parent)
            _write(disk, found.to_json().encode("utf-8"))
    remember((key, source), found)
    return found


def _prune(folder: Path, days: int = 14) -> None:
    """Drop indexes of calendar versions not used for `days` (old copies of a changed URL)."""
    limit = clock.time() - days * 86400
    try:
        for path in folder.glob("*.json"):
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
    except OSError as exc:
        _log.debug("calendar cache not pruned: %s", exc)


def _disk_path(data: bytes, key: str, cache_dir: Path | None) -> Path | None:
    if cache_dir is None or len(data) < DISK_INDEX_MIN_BYTES:
        return None
    return cache_dir / "index" / f"{key}.json"


def _busy_of(
    data: bytes, *, tz: str, source: str, cache_dir: Path | None, start: datetime, end: datetime
) -> list[Busy]:
    """Query a calendar's index, then save the chunks of recurrences it expanded."""
    key = content_key(data, tz)
    disk = _disk_path(data, key, cache_dir)
    index = _index(data, key, tz=tz, source=source, disk=disk)
    # only the chunks this question needs are expanded: a later window is expanded when it
    # is asked (expanding ahead doubled the first question's cost for a window that may
    # never come)
    found = index.busy_between(start, end)
    if disk is not None:
        for number in index.chunks.keys() - index.saved:
            path = disk.with_name(f"{disk.stem}.c{number}.json")
            _write(path, chunk_to_json(index.chunks[number]).encode("utf-8"))
            index.saved.add(number)
    return found


def _fetch(
    url: str, timeout: float, validators: dict[str, str], name: str = ""
) -> tuple[bytes | None, dict[str, str]]:
    """GET the address; (None, {}) when the server says the saved copy is still current."""
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    headers = {"User-Agent": "sopan", "Accept": "text/calendar, */*;q=0.5"}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    request = urllib.request.Request(url, headers=headers)
    started = clock.monotonic()
    name = name or display_name(url)
    opener = urllib.request.build_opener(_secure_redirects(name))
    try:
        with opener.open(request, timeout=timeout) as response:
            body = _read_bounded(response, started + timeout, timeout, name)
            fresh = {
                "etag": response.headers.get("ETag") or "",
                "last_modified": response.headers.get("Last-Modified") or "",
            }
            return body, fresh
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and validators:
            return None, {}
        if 300 <= exc.code < 400:  # urllib's own words for a loop run over three lines
            raise ExternalError("calendar.redirect_loop", source=name, status=exc.code) from None
        why = quote(exc.reason)
        raise ExternalError("calendar.http_status", source=name, status=exc.code, why=why) from None
    except (TimeoutError, urllib.error.URLError, HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or clock.monotonic() - started >= timeout:
            seconds = Amount(timeout)
            raise ExternalError("calendar.no_answer", source=name, seconds=seconds) from None
        raise ExternalError("calendar.unreachable", source=name, why=quote(reason)) from None


def _secure_redirects(name: str) -> Any:
    """A redirect handler that follows redirects as urllib does, but never from an https://
    address to a plain http:// one (the calendar, and the secret in its address, would then
    travel unencrypted)."""
    import urllib.request

    class SecureRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(  # type: ignore[no-untyped-def]
            self, req, fp, code, msg, headers, newurl
        ):
            to = str(newurl).lower()
            if req.full_url.lower().startswith("https:") and not to.startswith("https:"):
                raise ExternalError("calendar.insecure_redirect", source=name)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return SecureRedirects()


#: The largest calendar fetched from an address.
MAX_FETCH_BYTES = 20 * 1024 * 1024


def _read_bounded(response: Any, deadline: float, timeout: float, name: str) -> bytes:
    """The body, read in pieces under one total deadline and a size cap: a server that
    trickles bytes or never stops sending is cut off, not waited for."""
    parts: list[bytes] = []
    size = 0
    while True:
        if clock.monotonic() > deadline:
            raise ExternalError("calendar.slow_send", source=name, seconds=Amount(timeout))
        piece = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not piece:
            return b"".join(parts)
        size += len(piece)
        if size > MAX_FETCH_BYTES:
            raise ExternalError("calendar.too_big", source=name, limit=megabytes(MAX_FETCH_BYTES))
        parts.append(piece)


def _validators(meta: Path, saved: Path) -> dict[str, str]:
    if not saved.exists():
        return {}
    try:
        data = json.loads(meta.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(data[k]) for k in ("etag", "last_modified") if data.get(k)}


def _from_url(
    source: str,
    *,
    start: datetime,
    end: datetime,
    timeout: float,
    tz: str,
    cache_dir: Path,
    warn: Warn,
) -> list[Busy]:
    url = "https://" + source[len("webcal://") :] if source.startswith("webcal://") else source
    name = display_name(source)
    stem = hashlib.sha256(url.encode()).hexdigest()
    saved = cache_dir / "fetched" / f"{stem}.ics"
    meta = cache_dir / "fetched" / f"{stem}.json"
    started = clock.monotonic()
    try:
        data, fresh = _fetch(url, timeout, _validators(meta, saved), name)  # its own deadlines
        if data is None:  # 304 Not Modified: the saved copy is the calendar
            data = saved.read_bytes()
        # --timeout covers the whole: reading what came ends by the download's deadline
        with step(name, timeout=timeout, started=started) as budget:
            budget.grant(len(data))
            found = _busy_of(data, tz=tz, source=name, cache_dir=cache_dir, start=start, end=end)
    except SopanError as exc:
        if not saved.exists():
            raise  # every error here names the calendar already
        age = fixed(datetime.fromtimestamp(saved.stat().st_mtime), "stamp")
        warn(f"{exc}; using the copy saved {age}")
        copy = saved.read_bytes()
        with step(name) as budget:
            budget.grant(len(copy))
            return _busy_of(copy, tz=tz, source=name, cache_dir=cache_dir, start=start, end=end)
    if fresh:
        _write(saved, data)
        _write(meta, json.dumps(fresh).encode("utf-8"))
    return found


def _password(username: str, host: str, name: str) -> str:
    found = secrets.password(PASSWORD_ENV, KEYRING_SERVICE, f"{username}@{host}")
    if not found:
        command = f"keyring set {KEYRING_SERVICE} {username}@{host}"
        raise UserError(
            "calendar.caldav_no_password", source=name, variable=PASSWORD_ENV, command=command
        )
    return found


def _calendars_at(client: Any, url: str) -> list[Any]:
    """The calendar at `url`, or every calendar under it when it is an account's home."""
    wanted = url.rstrip("/") + "/"
    try:
        owned = client.principal().calendars()
    except Exception:  # some servers hide the principal; the URL may still be a calendar
        owned = []
    exact = [c for c in owned if str(c.url).rstrip("/") + "/" == wanted]
    below = [c for c in owned if str(c.url).startswith(wanted)]
    return exact or below or [client.calendar(url=url)]


def _from_caldav(
    source: str, *, start: datetime, end: datetime, timeout: float, tz: str, user: str | None
) -> list[Busy]:
    url = source.split("+", 1)[1] if source.startswith("caldav+") else source[len("caldav:") :]
    parts = urlsplit(url)
    name = display_name(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise UserError("calendar.caldav_form", source=source)
    if parts.scheme == "http" and host not in LOOPBACK:
        raise UserError("calendar.caldav_https", source=name)
    username = unquote(parts.username) if parts.username else user
    if not username:
        raise UserError("calendar.caldav_no_user", source=name)
    password = _password(username, host, name)
    clean = urlunsplit(
        (parts.scheme, host + (f":{parts.port}" if parts.port else ""), parts.path, "", "")
    )
    import caldav
    from caldav.lib import error as dav_error

    try:
        client = caldav.DAVClient(  # type: ignore[operator]
            url=clean,
            username=username,
            password=password,
            timeout=max(1, round(timeout)),
            enable_rfc6764=False,
            require_tls=parts.scheme == "https",
        )
        calendars = _calendars_at(client, clean)
        found = [o for c in calendars for o in c.search(start=start, end=end, event=True)]
        texts = [str(o.data).encode("utf-8") for o in found]
    except dav_error.AuthorizationError:
        raise ExternalError("calendar.caldav_refused", source=name, user=username) from None
    except Exception as exc:  # niquests and caldav raise many kinds; all mean "no answer"
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "timed out" in why.lower() or "timeout" in type(exc).__name__.lower():
            seconds = Amount(timeout)
            raise ExternalError("calendar.no_answer", source=name, seconds=seconds) from None
        raise ExternalError("calendar.caldav_failed", source=name, why=quote(why)) from None
    busy: list[Busy] = []
    with step(name) as budget:
        for data in texts:  # server objects are small: parse each, outside the LRU
            budget.grant(len(data))
            busy.extend(parse_calendar(data, tz=tz, source=name).busy_between(start, end))
    return busy


def _from_source(
    source: str,
    *,
    start: datetime,
    end: datetime,
    timeout: float,
    tz: str,
    cache: Path,
    warn: Warn,
    user: str | None,
) -> list[Busy]:
    lowered = source.lower()
    if lowered.startswith(("caldav+", "caldav:")):
        with step(display_name(source), timeout=timeout):  # the requests and the reading
            return _from_caldav(source, start=start, end=end, timeout=timeout, tz=tz, user=user)
    if lowered.startswith(("https://", "http://", "webcal://")):
        return _from_url(
            source, start=start, end=end, timeout=timeout, tz=tz, cache_dir=cache, warn=warn
        )
    data = read_input(source, what="a calendar", max_bytes=MAX_CALENDAR_BYTES)
    with step(source) as budget:
        budget.grant(len(data))
        return _busy_of(data, tz=tz, source=source, cache_dir=cache, start=start, end=end)


def load_busy(
    sources: Sequence[str],
    *,
    start: datetime,
    end: datetime,
    config: Config | None = None,
    timeout: float = 10.0,
    cache_dir: Path | None = None,
    warn: Warn | None = None,
) -> list[Busy]:
    """Busy entries from every source overlapping [start, end), sorted by start.

    Raises UserError (unreadable file, bad calendar, missing password) or
    ExternalError (server failed, no saved copy) naming the source; callers that can
    do without the calendar catch SopanError and go on. `warn` receives notes such as
    "server failed, using the saved copy" (default: the logging module).
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise InternalError("calendar: the search window needs time-zone aware datetimes")
    from sopan.config.calendar import CalendarSettings

    settings = config.calendar if config else CalendarSettings()
    tz = config.profile.timezone if config else "Asia/Jakarta"
    cache = cache_dir or default_cache_dir()
    say = warn or _log.warning
    busy: list[Busy] = []
    with command_budget():  # every source draws on the one budget of the command
        for source in dict.fromkeys(sources):  # the same source named twice is read once
            busy.extend(
                _from_source(
                    source, start=start, end=end, timeout=timeout, tz=tz, cache=cache, warn=say,
                    user=settings.caldav_username,
                )
            )  # fmt: skip
    busy.sort(key=lambda b: (b.start, b.end))
    return busy


def load_busy_data(
    name: str, data: bytes, *, start: datetime, end: datetime, config: Config | None = None
) -> list[Busy]:
    """Busy entries overlapping [start, end) of a calendar given as its bytes (an upload or
    a fetched copy the hosted mode keeps in its database), named `name` in messages. Nothing
    of it is written to the server's disk."""
    if start.tzinfo is None or end.tzinfo is None:
        raise InternalError("calendar: the search window needs time-zone aware datetimes")
    if len(data) > MAX_CALENDAR_BYTES:
        raise UserError("calendar.too_big", source=name, limit=megabytes(MAX_CALENDAR_BYTES))
    tz = config.profile.timezone if config else "Asia/Jakarta"
    with command_budget(), step(name) as budget:
        budget.grant(len(data))
        found = _busy_of(data, tz=tz, source=name, cache_dir=None, start=start, end=end)
    return sorted(found, key=lambda b: (b.start, b.end))
