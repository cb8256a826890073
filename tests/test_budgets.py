"""Every input has a budget: bytes, text, dates, MIME parts and depth, repeating events,
calendar windows, lint characters. Past one, sopan says so in one line (exit 2) within
bounded time; it never hangs, never crashes, never writes half a set of files."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, Run

from sopan import app
from sopan.config import Config
from sopan.errors import SopanError, UserError
from sopan.lint import lint_text
from sopan.model import Profile
from sopan.read import read_bytes, read_file

HOSTILE = sorted((FIXTURES / "hostile").iterdir())
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
NOW_TEXT = "2026-11-20T09:00+07:00"
CHOICES = ["--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed"]
#: What each hostile file must give: a value read (None) or the start of its one-line error.
EXPECTED = {
    "date_header_overflow.eml": None,
    "from_non_ascii_local_part.eml": None,
    "organizer_cn_newline_backslash.ics": None,
    "rrule_count_two_billion.ics": "a repeating event asks for more than 100,000",
    "rrule_interval_zero.ics": "a repeating event has INTERVAL=0",
    "rrule_never_matches.ics": None,
    "rrule_secondly_endless.ics": None,
    "sequence_huge.ics": "the event's SEQUENCE 99999999999999999999999 is out of range",
    "subject_unknown_charset.eml": None,
    "year_0001.ics": "the event's date 0001-01-01 is outside the years 1900–2999",
    "year_9999.ics": "the event's date 9999-12-31 is outside the years 1900–2999",
}


def _within(seconds: float, call):  # type: ignore[no-untyped-def]
    started = time.process_time()
    try:
        return call()
    finally:
        assert time.process_time() - started < seconds


def test_every_hostile_fixture_has_its_expectation() -> None:
    assert {p.name for p in HOSTILE} == set(EXPECTED)


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_read_gives_a_value_or_one_line(path: Path) -> None:
    want = EXPECTED[path.name]
    if want is None:
        inv = _within(5, lambda: read_file(path, now=NOW))
        assert inv.start is None or 1900 <= inv.start.year <= 2999
        return
    with pytest.raises(UserError) as caught:
        _within(5, lambda: read_file(path, now=NOW))
    assert str(caught.value) == f"{path}: {want}" or str(caught.value).startswith(f"{path}: {want}")


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_draft_of_every_channel_never_crashes(path: Path, tmp_path: Path) -> None:
    config = Config(Profile(name="Rina Kartika Sari", email="rina@example.com", city="Jakarta"))
    request = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(str(path), now=NOW, config=config),
            app.Choices("decline", "personal", "no", False),
        ),
        ("all",),
        out_dir=tmp_path / "out",
    )
    try:
        done = _within(10, lambda: app.draft_for(request))
    except UserError as exc:
        assert EXPECTED[path.name] and EXPECTED[path.name] in str(exc)
        assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
        return
    assert EXPECTED[path.name] is None and done.files


@pytest.mark.parametrize("path", [p for p in HOSTILE if p.suffix == ".ics"], ids=lambda p: p.name)
def test_a_hostile_calendar_as_a_busy_source(path: Path) -> None:
    request = app.BusyRequest(
        NOW, NOW.replace(month=12, day=20), calendars=(str(path),), config=Config(Profile("R"))
    )
    try:
        _within(5, lambda: app.busy_for(request))
    except SopanError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)


def test_a_secondly_rule_is_refused_as_a_busy_source() -> None:
    path = FIXTURES / "hostile" / "rrule_secondly_endless.ics"
    request = app.BusyRequest(
        NOW, NOW.replace(day=30), calendars=(str(path),), config=Config(Profile("R"))
    )
    with pytest.raises(UserError, match="occurs about 2,419,200 times in four weeks"):
        _within(5, lambda: app.busy_for(request))


def test_mime_nested_a_thousand_deep_is_one_line() -> None:
    head = "From: a@b.example\nSubject: Interview\nDate: Wed, 18 Nov 2026 09:12:00 +0700\n"
    parts = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(1000)
    )
    data = (head + parts + "Content-Type: text/plain\n\nInterview 30 November 2026.\n").encode()
    with pytest.raises(UserError, match=r"^deep\.eml: the email's parts are nested"):
        _within(5, lambda: read_bytes(data, now=NOW, origin="deep.eml"))


def test_a_from_of_nested_parentheses_is_read() -> None:
    data = (
        "From: " + "(" * 5000 + "x" + ")" * 5000 + " <hr@b.example>\nSubject: Interview\n\n"
        "Interview on Monday, 30 November 2026 at 10:00 WIB.\n"
    ).encode()
    inv = _within(5, lambda: read_bytes(data, now=NOW))
    assert inv.contact.email == "hr@b.example"


def test_a_text_of_thousands_of_dates_is_refused_quickly() -> None:
    data = ("Interview " + "Senin " * 16000).encode()
    with pytest.raises(UserError, match=r"^input: over 300 dates in one message"):
        _within(3, lambda: read_bytes(data, now=NOW))


def test_a_huge_text_is_refused() -> None:
    data = ("Interview 30 November 2026. " + "kata " * 210_000).encode()
    with pytest.raises(UserError, match=r"over 1,000,000 characters of text"):
        _within(5, lambda: read_bytes(data, now=NOW))


def test_a_mailbox_is_streamed_and_an_oversized_message_skipped(tmp_path: Path) -> None:
    from sopan.read.mailbox import mbox_messages

    box = tmp_path / "box.mbox"
    invite = (
        "From: hr@b.example\nSubject: Undangan Interview\nDate: Wed, 18 Nov 2026 09:12:00 +0700"
        "\n\nInterview pada Senin, 30 November 2026 pukul 10.00 WIB.\n"
    )
    with box.open("w") as out:
        out.write("From x@y Mon Nov 16 08:00:00 2026\n" + invite)
        out.write("From x@y Mon Nov 16 08:00:00 2026\nSubject: big\n\n" + "x" * 2_000_000 + "\n")
        out.write("From x@y Mon Nov 16 08:00:00 2026\n>From the desk\n" + invite)
    with box.open("rb") as stream:
        messages = list(mbox_messages(stream, max_bytes=1_000_000))
    assert len(messages) == 2 and b"From the desk" in messages[1]
    found = app.mailbox_for(app.MailboxRequest(box, now=NOW, config=Config(Profile("R"))))
    assert len(found) == 2


def test_lint_has_a_character_budget_and_stays_fast_on_a_long_word() -> None:
    report = _within(3, lambda: lint_text("a" * 100_000))
    assert report.language in ("id", "en")
    with pytest.raises(UserError, match="over 200,000 characters"):
        lint_text("kata " * 50_000)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # the example profile speaks Indonesian: so do its errors
        (["busy", "--from", "0001-01-01"], "sopan: --from: '0001-01-01' di luar tahun 1900–2999"),
        (["busy", "--from", "2026-11-20", "--to", "2029-01-01"], "paling lama 366 hari"),
        (
            ["slots", "--within", "100000d"],
            "sopan: --within: '100000d' lebih lama dari 36600 hari",
        ),
        (["read", "/dev/zero"], "sopan: /dev/zero: too large to be an invitation (over 10 MB)"),
        (
            ["plan", str(FIXTURES / "hostile" / "year_9999.ics"), *CHOICES],
            "outside the years 1900–2999",
        ),
    ],
)
def test_commands_refuse_past_their_budget_in_one_line(
    run_cli: Run, args: list[str], message: str
) -> None:
    calendar = ["--calendar", str(FIXTURES / "calendar" / "recurring_exceptions.ics")]
    done = run_cli(*args, *(calendar if args[0] == "busy" else []), "--now", NOW_TEXT)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], lines


def test_a_password_in_a_calendar_address_is_never_echoed(run_cli: Run) -> None:
    from calendars.servers import free_port

    url = f"https://rina:hunter2@127.0.0.1:{free_port()}/kal.ics"
    done = run_cli("busy", "--calendar", url, "--timeout", "2", "--now", NOW_TEXT)
    assert done.returncode == 3 and "hunter2" not in done.stderr + done.stdout
    assert "127.0.0.1" in done.stderr


def test_deeply_nested_html_is_read_in_linear_time() -> None:
    from sopan.read.html import MAX_TREE_TAGS, html_to_text

    body = "<p>Interview pada Senin, 30 November 2026 pukul 10.00 WIB.</p>" + "<div>x" * 20_000
    text = _within(3, lambda: html_to_text(body))
    assert (
        text.startswith("Interview pada Senin, 30 November 2026")
        and body.count("<") > MAX_TREE_TAGS
    )
    small = html_to_text("<table><tr><td>Tanggal</td><td>30 November 2026</td></tr></table>")
    assert small == "Tanggal : 30 November 2026"  # the tree reading, for ordinary mail


@pytest.mark.parametrize(
    "text",
    [
        "Undangan wawancara " + "dan CV " * 50_000,  # a résumé mention, over and over
        "Undangan wawancara posisi " + "Aa " * 60_000,
        "Interview. Thank you for applying to " + "Aa " * 60_000,
        "Interview\n" + "Tanggal:\n\n" * 30_000,
        "Interview jam " + "sembilan " * 50_000,
        "Interview at the address below\n" + "x\n" * 100_000,
    ],
    ids=["cv", "posisi", "applying", "labels-below", "hour-words", "address-block"],
)
def test_long_runs_of_what_the_reader_looks_for_stay_linear(text: str) -> None:
    inv = _within(3, lambda: read_bytes(text.encode(), now=NOW))
    assert inv.confidence == 1.0
