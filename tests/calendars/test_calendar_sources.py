"""load_busy against real sources: files, an HTTP server and a Radicale CalDAV server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.calendar import conflicts, free_slots, load_busy
from sopan.config import Config
from sopan.errors import ExternalError, UserError
from sopan.model import Profile, Slot

from .servers import ics_server, radicale

WIB = ZoneInfo("Asia/Jakarta")
ICS = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
START = datetime(2026, 11, 23, tzinfo=WIB)
END = datetime(2026, 12, 5, tzinfo=WIB)
USER, PASSWORD = "rina", "kata-sandi-uji"


def test_several_files_at_once_sorted_and_named(tmp_path: Path) -> None:
    sources = [str(ICS / "tentative_outlook.ics"), str(ICS / "spans_midnight.ics")]
    found = load_busy(sources + sources[:1], start=START, end=END, cache_dir=tmp_path)
    assert len(found) == 4  # three + one, the repeated source read once
    assert [b.start for b in found] == sorted(b.start for b in found)
    assert {Path(b.source).name for b in found} == {
        "tentative_outlook.ics",
        "spans_midnight.ics",
    }


def test_missing_file_names_the_source(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"nowhere\.ics: no such file"):
        load_busy([str(tmp_path / "nowhere.ics")], start=START, end=END, cache_dir=tmp_path)


def test_large_file_index_is_saved_and_reused(tmp_path: Path) -> None:
    from sopan.calendar.memory import forget_all

    base = (ICS / "recurring_exceptions.ics").read_text("utf-8")
    filler = "".join(
        f"BEGIN:VEVENT\r\nUID:f{i}@x\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:2027{(i % 12) + 1:02d}01T0{i % 8}0000Z\r\nDTEND:2027{(i % 12) + 1:02d}01T0"
        f"{i % 8}3000Z\r\nSUMMARY:Isi {i}\r\nEND:VEVENT\r\n"
        for i in range(700)
    )
    big = tmp_path / "besar.ics"
    big.write_text(base.replace("END:VCALENDAR", filler + "END:VCALENDAR"), "utf-8")
    first = load_busy([str(big)], start=START, end=END, cache_dir=tmp_path / "c")
    saved = sorted(p.name for p in (tmp_path / "c" / "index").glob("*.json"))
    assert len([n for n in saved if ".c" not in n]) == 1  # the index itself
    assert [n for n in saved if ".c" in n]  # and the chunks of recurrences it expanded
    forget_all()  # as in a new process: only the disk index is left
    again = load_busy([str(big)], start=START, end=END, cache_dir=tmp_path / "c")
    assert [(b.start, b.summary) for b in again] == [(b.start, b.summary) for b in first]
    assert len(first) == 2


# --- an ICS address on a real HTTP server ------------------------------------------------


def test_http_source_timeout_and_cache_fallback(tmp_path: Path) -> None:
    notes: list[str] = []
    body = (ICS / "recurring_exceptions.ics").read_bytes()
    with ics_server() as server:
        url = server.url + "/calendar/ical/rina/private-abc123/basic.ics"
        server.delay = 1.5
        with pytest.raises(ExternalError, match=r"did not answer within 0.3 s") as err:
            load_busy([url], start=START, end=END, timeout=0.3, cache_dir=tmp_path)
        assert "private-abc123" not in str(err.value)  # the secret address stays secret
        assert "/calendar/ical/rina/private-…/basic.ics" in str(err.value)

        server.delay, server.body = 0.0, body
        fresh = load_busy([url], start=START, end=END, timeout=2, cache_dir=tmp_path)
        assert [b.summary for b in fresh][:1] == ["Rapat mingguan tim"]

        server.status, server.body = 503, b"down"
        cached = load_busy(
            [url], start=START, end=END, timeout=2, cache_dir=tmp_path, warn=notes.append
        )
        assert cached == fresh
        assert len(notes) == 1 and "HTTP 503" in notes[0] and "using the copy saved" in notes[0]

        server.status, server.body = 200, b"<html>login</html>"
        notes.clear()
        assert load_busy([url], start=START, end=END, cache_dir=tmp_path, warn=notes.append)
        assert "not an iCalendar" in notes[0] or "not a readable" in notes[0]
        assert len(server.hits) == 4


def test_http_source_revalidates_with_etag(tmp_path: Path) -> None:
    with ics_server() as server:
        server.body = (ICS / "tentative_outlook.ics").read_bytes()
        server.etag = '"v1"'
        url = server.url + "/kal.ics"
        first = load_busy([url], start=START, end=END, cache_dir=tmp_path)
        assert server.not_modified == 0
        again = load_busy([url], start=START, end=END, cache_dir=tmp_path)
        assert server.not_modified == 1  # answered 304: the saved copy was used
        assert again == first and len(first) == 3
        server.etag = '"v2"'
        server.body = (ICS / "spans_midnight.ics").read_bytes()
        changed = load_busy([url], start=START, end=END, cache_dir=tmp_path)
        assert [b.summary for b in changed] == ["Shift malam gudang"]


def test_http_source_without_cache_is_a_clear_error(tmp_path: Path) -> None:
    with ics_server() as server:
        server.status = 404
        with pytest.raises(ExternalError, match=r"/kal.ics: the server answered HTTP 404"):
            load_busy([server.url + "/kal.ics"], start=START, end=END, cache_dir=tmp_path)


def test_a_server_that_trickles_is_cut_off_at_the_total_deadline(tmp_path: Path) -> None:
    with ics_server() as server:
        server.body, server.trickle = (ICS / "tentative_outlook.ics").read_bytes(), 0.05
        started = time.monotonic()
        with pytest.raises(ExternalError, match=r"did not send the calendar within 1 s"):
            load_busy(
                [server.url + "/kal.ics"], start=START, end=END, timeout=1, cache_dir=tmp_path
            )
        assert time.monotonic() - started < 2.5  # one deadline, not one per byte


def test_a_server_that_never_stops_sending_is_cut_off_at_the_size_cap(tmp_path: Path) -> None:
    import resource

    with ics_server() as server:
        server.endless = True
        with pytest.raises(ExternalError, match=r"the calendar is over 20 MB"):
            load_busy(
                [server.url + "/kal.ics"], start=START, end=END, timeout=30, cache_dir=tmp_path
            )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 400


def test_refused_connection_is_a_clear_error(tmp_path: Path) -> None:
    from .servers import free_port

    url = f"http://127.0.0.1:{free_port()}/kal.ics"
    with pytest.raises(ExternalError, match="cannot reach the server"):
        load_busy([url], start=START, end=END, timeout=2, cache_dir=tmp_path)


# --- CalDAV on a real Radicale server ----------------------------------------------------

EVENTS = {
    "rapat": ("20261124T100000", "20261124T110000", "Rapat proyek", ""),
    "mungkin": ("20261124T140000", "20261124T150000", "Mungkin: seminar", "STATUS:TENTATIVE\n"),
    "bebas": ("20261125T100000", "20261125T110000", "Catatan", "TRANSP:TRANSPARENT\n"),
    "kursus": ("20261102T160000", "20261102T170000", "Kursus", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH\n"),
}


def _event(uid: str, start: str, end: str, summary: str, extra: str) -> str:
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//sopan tests//EN\nBEGIN:VEVENT\n"
        f"UID:{uid}@sopan.test\nDTSTAMP:20261101T000000Z\n"
        f"DTSTART;TZID=Asia/Jakarta:{start}\nDTEND;TZID=Asia/Jakarta:{end}\n"
        f"SUMMARY:{summary}\n{extra}END:VEVENT\nEND:VCALENDAR\n"
    )


@pytest.fixture(scope="module")
def caldav_calendar(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server with one calendar holding EVENTS; yields the calendar's URL."""
    import caldav

    folder = tmp_path_factory.mktemp("radicale")
    with radicale(folder, USER, PASSWORD) as base:
        client = caldav.DAVClient(url=base, username=USER, password=PASSWORD, require_tls=False)
        calendar = client.principal().make_calendar(name="Kerja", cal_id="kerja")
        for uid, (start, end, summary, extra) in EVENTS.items():
            calendar.save_event(_event(uid, start, end, summary, extra))
        yield str(calendar.url)


def _source(url: str, user: str | None = USER) -> str:
    return "caldav+" + url.replace("http://", f"http://{user}@" if user else "http://")


def test_caldav_busy_and_conflicts(caldav_calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOPAN_CALDAV_PASSWORD", PASSWORD)
    found = load_busy([_source(caldav_calendar)], start=START, end=END, timeout=5)
    summaries = [
        (b.start.astimezone(WIB).strftime("%d %H:%M"), b.summary, b.tentative) for b in found
    ]
    assert ("24 10:00", "Rapat proyek", False) in summaries
    assert ("24 14:00", "Mungkin: seminar", True) in summaries
    assert all(s[1] != "Catatan" for s in summaries)  # transparent
    kursus = [s[0] for s in summaries if s[1] == "Kursus"]
    assert kursus == ["23 16:00", "26 16:00", "30 16:00", "03 16:00"]
    assert "kata-sandi" not in found[0].source and "rina@" not in found[0].source
    interview = Slot(datetime(2026, 11, 24, 9, tzinfo=WIB), datetime(2026, 11, 24, 10, tzinfo=WIB))
    assert conflicts(interview, found) == []
    clash = conflicts(interview, found, travel=timedelta(minutes=30))
    assert [b.summary for b in clash] == ["Rapat proyek"]
    slots = free_slots(
        found,
        now=START,
        duration=timedelta(hours=1),
        count=3,
        preferred_time=datetime(2026, 11, 24, 10).time(),
    )
    assert all(conflicts(s, found) == [] for s in slots)
    assert slots[0].start != datetime(2026, 11, 24, 10, tzinfo=WIB)


def test_caldav_username_from_config(caldav_calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOPAN_CALDAV_PASSWORD", PASSWORD)
    config = Config(Profile(name="Rina"), {"calendar": {"caldav_username": USER}})
    found = load_busy([_source(caldav_calendar, None)], start=START, end=END, config=config)
    assert "Rapat proyek" in [b.summary for b in found]


def test_caldav_account_home_searches_every_calendar(
    caldav_calendar: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOPAN_CALDAV_PASSWORD", PASSWORD)
    home = caldav_calendar.rstrip("/").rsplit("/", 1)[0] + "/"
    found = load_busy([_source(home)], start=START, end=END, timeout=5)
    assert "Rapat proyek" in [b.summary for b in found]


def test_caldav_wrong_password(caldav_calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOPAN_CALDAV_PASSWORD", "salah")
    with pytest.raises(ExternalError, match=r"127\.0\.0\.1:\d+/rina/kerja/: .*refused"):
        load_busy([_source(caldav_calendar)], start=START, end=END, timeout=5)


def test_caldav_no_password_anywhere(caldav_calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOPAN_CALDAV_PASSWORD", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(UserError, match="no CalDAV password"):
        load_busy([_source(caldav_calendar)], start=START, end=END)


def test_caldav_over_plain_http_to_another_host_is_refused() -> None:
    with pytest.raises(UserError, match="needs https"):
        load_busy(["caldav+http://rina@dav.example.com/cal/"], start=START, end=END)


def test_caldav_server_down(monkeypatch: pytest.MonkeyPatch) -> None:
    from .servers import free_port

    monkeypatch.setenv("SOPAN_CALDAV_PASSWORD", PASSWORD)
    source = f"caldav+http://rina@127.0.0.1:{free_port()}/rina/kerja/"
    with pytest.raises(ExternalError, match=r"127\.0\.0\.1:\d+/rina/kerja/: CalDAV request failed"):
        load_busy([source], start=START, end=END, timeout=2)


def test_caldav_password_from_the_os_keyring(
    caldav_calendar: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class SessionKeyring(KeyringBackend):
        """A keyring held in memory: the machine running the tests has no secret service."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.stored: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    monkeypatch.delenv("SOPAN_CALDAV_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(SessionKeyring())
    try:
        keyring.set_password("sopan", "rina@127.0.0.1", PASSWORD)
        found = load_busy([_source(caldav_calendar)], start=START, end=END, timeout=5)
    finally:
        keyring.set_keyring(previous)
    assert "Rapat proyek" in [b.summary for b in found]


def test_old_indexes_are_pruned_when_a_new_one_is_written(tmp_path: Path) -> None:
    import os
    import time

    folder = tmp_path / "index"
    folder.mkdir()
    stale, recent = folder / "old.json", folder / "recent.json"
    for path in (stale, recent):
        path.write_text("{}", "utf-8")
    month_ago = time.time() - 30 * 86400
    os.utime(stale, (month_ago, month_ago))
    big = tmp_path / "besar.ics"
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:p{i}\r\nDTSTART:20261124T0{i % 9}0000Z\r\nSUMMARY:{'x' * 80}\r\n"
        "END:VEVENT\r\n"
        for i in range(600)
    )
    big.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n", "utf-8")
    load_busy([str(big)], start=START, end=END, cache_dir=tmp_path)
    assert not stale.exists() and recent.exists()
    assert len(list(folder.glob("*.json"))) == 2  # the recent one and the new index
