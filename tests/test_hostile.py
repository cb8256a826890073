"""Hostile input that must not redirect a reply, reach a terminal, write through a link, or
leave the user's files readable by others."""

from __future__ import annotations

import email
import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import SRC, Run

from sopan._infra.files import write_new, write_private
from sopan.read.people import address_header

NOW = "2026-11-20T09:00+07:00"
BODY = "\n\nWe invite you to an interview on Monday, 30 November 2026 at 10:00 WIB.\nBest, Sarah\n"
CHOICES = ["--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed"]


def _invitation(tmp_path: Path, from_header: str, subject: str = "Interview invitation") -> Path:
    path = tmp_path / "invite.eml"
    path.write_text(
        f"From: {from_header}\nTo: rina@example.com\nSubject: {subject}\n"
        f"Date: Wed, 18 Nov 2026 09:12:00 +0700\nMessage-ID: <m1@brightpath.example>" + BODY,
        "utf-8",
    )
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    """The environment `run_cli` gives a sopan, for the tests that start one themselves."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["SOPAN_CONFIG"] = str(tmp_path / "config" / "config.toml")
    env.pop("SOPAN_DEBUG", None)
    return env


def test_an_encoded_name_never_becomes_the_address() -> None:
    cases = {
        "=?utf-8?q?Sarah_<evil@attacker.example>?= <talent@brightpath.example>": "Sarah",
        "=?utf-8?q?Sarah=0D=0ABcc:_evil@x.example?= <talent@brightpath.example>": None,
        "=?utf-8?b?U2FyYWggPGV2aWxAYXR0YWNrZXIuZXhhbXBsZT4=?= <talent@brightpath.example>": (
            "Sarah"
        ),
        "Sarah Mitchell <talent@brightpath.example>": "Sarah Mitchell",
    }
    for header, name in cases.items():
        assert address_header(header) == (name, "talent@brightpath.example"), header


def test_a_draft_replies_to_the_real_sender(run_cli: Run, tmp_path: Path) -> None:
    source = _invitation(
        tmp_path, "=?utf-8?q?Sarah_<evil@attacker.example>?= <talent@brightpath.example>"
    )
    out = tmp_path / "out"
    done = run_cli("draft", str(source), *CHOICES, "--channel", "email", "--now", NOW,
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    msg = email.message_from_bytes((out / "email.eml").read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in msg["To"].addresses] == ["talent@brightpath.example"]
    assert "attacker" not in (out / "email.eml").read_text("utf-8")


def test_control_characters_reach_neither_the_terminal_nor_the_headers(
    run_cli: Run, tmp_path: Path
) -> None:
    source = _invitation(
        tmp_path, "Sarah <talent@brightpath.example>", "=?utf-8?q?Interview=1B]0;pwned=07_now?="
    )
    shown = run_cli("read", str(source), "--now", NOW)
    assert shown.returncode == 0 and "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    out = tmp_path / "out"
    done = run_cli("draft", str(source), *CHOICES, "--channel", "email", "--now", NOW,
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    raw = (out / "email.eml").read_bytes()
    assert b"\x1b" not in raw and b"\x07" not in raw


def test_a_dangling_link_in_the_output_folder_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "secret.txt"
    out = tmp_path / "out"
    out.mkdir()
    (out / "email.eml").symlink_to(target)
    written = write_new(out, "email.eml", b"draft")
    assert written.name == "email-2.eml" and written.read_bytes() == b"draft"
    assert not target.exists() and (out / "email.eml").is_symlink()


def test_an_existing_draft_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "sms.txt").write_text("mine")
    assert write_new(tmp_path, "sms.txt", b"new").name == "sms-2.txt"
    assert (tmp_path / "sms.txt").read_text() == "mine"


def test_files_kept_for_the_user_are_private(tmp_path: Path) -> None:
    path = write_private(tmp_path / "a" / "b" / "cache.json", b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_the_config_file_is_private(run_cli: Run, tmp_path: Path) -> None:
    done = run_cli("init", "--name", "Rina Kartika Sari", "--email", "rina@example.com",
                   "--lang", "id")  # fmt: skip
    assert done.returncode == 0, done.stderr
    config = tmp_path / "config" / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700


def test_the_calendar_cache_is_private(tmp_path: Path) -> None:
    from sopan.calendar.sources import _write

    path = tmp_path / "cache" / "calendar" / "index" / "k.json"
    _write(path, b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_device_or_a_named_pipe_is_refused_at_once(run_cli: Run, tmp_path: Path) -> None:
    import time

    fifo = tmp_path / "invite.eml"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    for path in ("/dev/zero", str(fifo)):
        started = time.monotonic()
        done = run_cli("read", path, "--now", NOW)
        assert time.monotonic() - started < 10
        assert done.returncode == 2
        # the example profile speaks Indonesian: so do its errors
        assert done.stderr == f"sopan: {path}: bukan berkas biasa (pipa, perangkat, atau soket)\n"
    piped = run_cli("read", "-", "--now", NOW, input="x" * (11 * 1024 * 1024))
    assert piped.returncode == 2 and "lebih dari 10 MB" in piped.stderr  # "-": to its limit


def test_a_fetched_calendar_and_its_index_are_private(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from calendars.servers import ics_server

    from sopan.calendar import load_busy

    zone = ZoneInfo("Asia/Jakarta")
    body = (
        Path(__file__).parent / "fixtures" / "calendar" / "recurring_exceptions.ics"
    ).read_bytes()
    with ics_server() as server:
        server.body = body
        load_busy(
            [server.url + "/private.ics"],
            start=datetime(2026, 11, 20, tzinfo=zone),
            end=datetime(2026, 12, 20, tzinfo=zone),
            cache_dir=tmp_path / "cache",
        )
    kept = [p for p in (tmp_path / "cache").rglob("*")]
    assert any(p.suffix == ".ics" for p in kept)
    for path in kept:
        want = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == want, path


def test_series_and_events_have_a_budget_per_calendar() -> None:
    from sopan.errors import UserError
    from sopan.ical import MAX_EVENTS, MAX_SERIES, check_events, check_series

    daily = {"RRULE": {"FREQ": ["DAILY"]}}
    check_series([daily] * MAX_SERIES, "kal.ics")
    with pytest.raises(UserError, match=f"kal.ics: more than {MAX_SERIES:,} repeating events"):
        check_series([daily] * (MAX_SERIES + 1), "kal.ics")
    check_events(MAX_EVENTS, "kal.ics")
    with pytest.raises(UserError, match=f"kal.ics: more than {MAX_EVENTS:,} events"):
        check_events(MAX_EVENTS + 1, "kal.ics")
    # a rule's density counts its BY-parts: every minute of every hour is too many
    dense = {"FREQ": ["DAILY"], "BYHOUR": list(range(24)), "BYMINUTE": list(range(60))}
    with pytest.raises(UserError, match="occurs about 40,320 times in four weeks"):
        check_series([{"RRULE": dense}], "kal.ics")


# --- no internal error: every input a value or one documented line ---


def _draft(run_cli: Run, source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("draft", str(source), *CHOICES, "--channel", "all", "--now", NOW,
                   "--out", str(out), *extra)  # fmt: skip


@pytest.mark.parametrize(
    "reply_to",
    [
        "=?utf-8?q?unfinished",
        "=?utf-8?Q?=E2=80?= <hr@brightpath.example>",  # half a character, encoded
        "=?utf-8?q?Sarah <hr@brightpath.example>",
        "=?utf-8?b?",
        "hr@brightpath.example =?utf-8?q?",
    ],
)
def test_an_unfinished_encoded_word_in_reply_to_is_no_internal_error(
    tmp_path: Path, reply_to: str
) -> None:
    source = tmp_path / "invite.eml"
    source.write_text(
        f"From: Sarah <talent@brightpath.example>\nReply-To: {reply_to}\nSubject: Interview\n"
        "Date: Wed, 18 Nov 2026 09:12:00 +0700\nMessage-ID: <m1@brightpath.example>" + BODY,
        "utf-8",
    )
    from sopan import app
    from sopan.config import Config
    from sopan.model import Profile

    config = Config(Profile(name="Rina Kartika Sari", email="rina@example.com", city="Jakarta"))
    now = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    request = app.DraftRequest(
        app.PlanRequest(app.ReadRequest(str(source), now=now, config=config),
                        app.Choices("decline", "personal", "no", False)),
        ("email",), out_dir=tmp_path / "out",
    )  # fmt: skip
    app.draft_for(request)  # anything but a value here is an internal error
    (tmp_path / "out" / "email.eml").read_bytes().decode("utf-8")  # no half a character in it


def test_a_date_header_of_the_year_9999_east_of_utc() -> None:
    from sopan.read import read_bytes

    data = (
        "From: hr@b.example\nSubject: Interview\nDate: Fri, 31 Dec 9999 23:00:00 +0000" + BODY
    ).encode()
    inv = read_bytes(data, now=datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta")),
                     user_tz="Asia/Jakarta")  # fmt: skip
    assert inv.start is not None and inv.start.year == 2026


def test_a_closed_standard_output_ends_quietly(tmp_path: Path) -> None:
    source = _invitation(tmp_path, "Sarah <talent@brightpath.example>")
    read_end, write_end = os.pipe()
    os.close(read_end)  # what reads the output is gone (`| head -1` after its line)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sopan", "read", str(source), "--json", "--now", NOW],
            stdout=write_end, stderr=subprocess.PIPE, text=True, env=_env(tmp_path),
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (141, "")


def test_a_full_standard_output_is_one_line(tmp_path: Path) -> None:
    source = _invitation(tmp_path, "Sarah <talent@brightpath.example>")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sopan", "read", str(source), "--json", "--now", NOW],
            stdout=full, stderr=subprocess.PIPE, text=True, env=_env(tmp_path),
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "sopan: keluaran standar: tidak dapat ditulis (No space left on device)\n"


def test_a_full_disk_under_out_leaves_no_part_of_the_set(tmp_path: Path) -> None:
    import resource
    import signal

    source = _invitation(tmp_path, "Sarah <talent@brightpath.example>")
    out = tmp_path / "out"
    out.mkdir()

    def small_disk() -> (
        None
    ):  # every file past 1.5 KB (the e-mail is about 2) fails as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_500, 1_500))

    done = subprocess.run(
        [sys.executable, "-m", "sopan", "draft", str(source), *CHOICES, "--channel", "all",
         "--now", NOW, "--out", str(out), "--no-store"],
        capture_output=True, text=True, env=_env(tmp_path), preexec_fn=small_disk,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    said = "tidak dapat ditulis (File too large); tidak ada yang ditulis"  # nothing was written
    assert done.stderr.strip().endswith(said)
    assert list(out.iterdir()) == []  # no truncated letter.docx, no part of the set


def test_a_set_written_whole_is_all_there(tmp_path: Path) -> None:
    from sopan._infra.files import write_all

    (tmp_path / "sms.txt").write_text("mine")
    paths = write_all(tmp_path, [("email.eml", b"e"), ("sms.txt", b"s")])
    assert [p.name for p in paths] == ["email.eml", "sms-2.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["email.eml", "sms-2.txt", "sms.txt"]


# --- headers written in UTF-8 (RFC 6532) ---


def test_a_sender_written_in_utf8_is_read_whole_and_kept_as_text(
    run_cli: Run, tmp_path: Path
) -> None:
    source = tmp_path / "invite.eml"
    source.write_bytes(
        "From: Jürgen Weiß <jürgen@firma.example>\nTo: rina@example.com\nSubject: Einladung "
        "zum Interview – Jürgen\nDate: Wed, 18 Nov 2026 09:12:00 +0700\n"
        "Message-ID: <m1@firma.example>".encode()
        + BODY.encode()
    )
    read = run_cli("read", str(source), "--json", "--now", NOW)
    facts = json.loads(read.stdout)
    assert facts["contact"]["email"] == "jürgen@firma.example", facts["contact"]
    assert facts["contact"]["name"] == "Jürgen Weiß"
    done = _draft(run_cli, source, tmp_path / "out")  # the store is on
    assert done.returncode == 0, done.stderr
    kept = json.loads(run_cli("history", "--json").stdout)[0]["id"]
    from sopan.store import Store  # the database the sopan above kept its drafts in

    email = next(d for d in Store().drafts_of(kept) if d.channel == "email")
    assert email.recipient == "Jürgen Weiß <jürgen@firma.example>"


# --- a folder sopan did not make keeps its mode ---


def test_permissions_are_set_only_on_folders_sopan_makes(tmp_path: Path) -> None:
    from sopan._infra.files import private_folder
    from sopan.store import Store

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # as /tmp
    write_private(shared / "config.toml", b"")
    Store(f"sqlite:///{shared / 'sopan.db'}").history()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "sopan.db").stat().st_mode) == 0o600
    made = private_folder(shared / "new" / "deeper")
    assert stat.S_IMODE(made.stat().st_mode) == stat.S_IMODE(made.parent.stat().st_mode) == 0o700


# --- a date the input never gave ---


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Interview on January 1, 10000 at 10:00 WIB.", "the year 10000 is outside the years"),
        ("Undangan interview: 1 Januari 3000 pukul 10.00 WIB.", "the year 3000 is outside"),
        (
            "Undangan interview pada Kamis, 31 Desember 2999 pukul 10.00 WIB.",
            "the date falls on Tuesday, 31 December 2999",
        ),
    ],
)
def test_a_year_out_of_range_or_a_wrong_weekday_is_reported_never_replaced(
    run_cli: Run, tmp_path: Path, text: str, problem: str
) -> None:
    source = tmp_path / "invite.txt"
    source.write_text(text, "utf-8")
    facts = json.loads(run_cli("read", str(source), "--json", "--now", NOW).stdout)
    assert facts["start"] in (None, "2999-12-31T10:00:00+07:00"), facts["start"]
    assert any(problem in (a["problem"] or "") for a in facts["ambiguous"]), facts["ambiguous"]
    done = _draft(run_cli, source, tmp_path / "out", "--no-store")
    assert done.returncode == 2 and "2026" not in done.stderr, done.stderr


# --- one clean line: library warnings, control characters, redirects ---


def test_a_library_warning_is_one_note_in_sopans_words(run_cli: Run, tmp_path: Path) -> None:
    from fuzz_inputs import calendar

    zone = "/mozilla.org/20070129_1/Asia/Jakarta"
    source = tmp_path / "invite.ics"
    source.write_bytes(calendar(f"DTSTART;TZID={zone}:20261201T100000\r\n"
                                f"DTEND;TZID={zone}:20261201T110000\r\n"))  # fmt: skip
    done = run_cli("read", str(source), "--now", NOW)
    assert done.returncode == 0
    assert done.stderr == (
        f"sopan: note: a calendar names its time zone '{zone}'; it is read as Asia/Jakarta\n"
    )
    busy = run_cli("busy", "--calendar", str(source), "--now", NOW)
    assert busy.returncode == 0 and len(busy.stderr.splitlines()) == 1


def test_a_broken_pdf_is_one_line_with_its_reason(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "reply.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n")
    done = run_cli("lint", str(path))
    assert done.returncode == 2
    said = "bukan PDF yang teksnya dapat dibaca (EOF marker not found)"  # not a PDF whose …
    assert done.stderr == f"sopan: {path}: {said}\n"


def test_control_characters_of_a_calendar_never_reach_the_error(
    run_cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "kal.ics"
    path.write_bytes("BEGINX\rsopan: OK, no problem found\x85\x9b31m\r\n".encode())
    done = run_cli("busy", "--calendar", str(path), "--now", NOW)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("sopan: ")
    assert not any(c in done.stderr for c in "\r\x85\x9b\x1b")


def test_a_redirect_loop_is_one_line(tmp_path: Path) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    from sopan.calendar import load_busy
    from sopan.errors import ExternalError

    class Loop(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", self.path)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Loop)
    Thread(target=server.serve_forever, daemon=True).start()
    moment = datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Jakarta"))
    try:
        with pytest.raises(ExternalError) as caught:
            load_busy([f"http://127.0.0.1:{server.server_address[1]}/kal.ics"], start=moment,
                      end=moment + timedelta(days=7), cache_dir=tmp_path)  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert str(caught.value).endswith("/kal.ics: the server redirected too often (HTTP 302)")


def test_an_https_calendar_is_never_followed_to_plain_http() -> None:
    import urllib.request

    from sopan.calendar.sources import _secure_redirects
    from sopan.errors import ExternalError

    handler = _secure_redirects("cal.example")
    secure = urllib.request.Request("https://cal.example/private-abc/kal.ics")
    with pytest.raises(ExternalError, match="redirected to a plain http:// address"):
        handler.redirect_request(secure, None, 302, "Found", {}, "http://cal.example/kal.ics")
    kept = handler.redirect_request(secure, None, 302, "Found", {}, "https://cdn.example/k.ics")
    assert kept is not None and kept.full_url == "https://cdn.example/k.ics"


# --- the outbox: after the server took the e-mail ---


def test_a_store_that_fails_after_the_server_accepted_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sopan import app
    from sopan.config import Config
    from sopan.deliver import MemoryTransport
    from sopan.model import Profile
    from sopan.store import Store, StoreError

    monkeypatch.setenv("SOPAN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    now = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    config = Config(Profile("Rina Kartika Sari", email="rina@example.com"))
    example = Path(__file__).resolve().parent.parent / "examples" / "undangan_wawancara_id.eml"
    kept = app.draft_for(app.DraftRequest(
        app.PlanRequest(app.ReadRequest(str(example), now=now, config=config),
                        app.Choices("decline", "accepted-offer", "no", False)),
        store=True,
    )).stored  # fmt: skip
    assert kept is not None
    settle = Store.settle

    def locked(self: Store, draft: object, state: str, **kw: object) -> None:
        if state == "sent":
            raise StoreError("store: cannot use the database: another sopan holds it")
        settle(self, draft, state, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "settle", locked)
    wire = MemoryTransport()
    with pytest.raises(StoreError) as caught:
        app.send_for(app.SendRequest(kept, now, config=config, yes=True), app.NO_ASKER, wire)
    said = str(caught.value)
    assert len(wire.sent) == 1 and "\n" not in said
    assert said.startswith("the e-mail was handed to the mail server")
    assert "another sopan holds it" in said and f"sopan send {kept} --resolve sent" in said
    monkeypatch.setattr(Store, "settle", settle)  # the store is usable again: record it
    done = app.send_for(app.SendRequest(kept, now, config=config, resolve="sent"), app.NO_ASKER,
                        wire)  # fmt: skip
    assert done.state == "resolved" and len(wire.sent) == 1
