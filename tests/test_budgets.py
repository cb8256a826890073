"""Every input has a budget: bytes, text, dates, MIME parts and depth, repeating events,
calendar windows, lint characters. Past one, sopan says so in one line (exit 2) within
bounded time; it never hangs, never crashes, never writes half a set of files."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, Run
from fuzz_inputs import calendar, expanding_pdf, paragraphs_docx, repeating

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
        (["read", "/dev/zero"], "sopan: /dev/zero: bukan berkas biasa (pipa, perangkat, atau"),
        (
            ["plan", str(FIXTURES / "hostile" / "year_9999.ics"), *CHOICES],
            "tanggal acara 9999-12-31 di luar tahun 1900–2999",
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


# --- the work a calendar asks for: one budget per command, rules checked before expansion ---

ALL_DAY_SECONDLY = calendar(repeating("FREQ=SECONDLY", "DTSTART;VALUE=DATE:20200101", ""))
#: rules that can never occur: each would be searched until the year 9999
NEVER = [
    "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=2",
    "FREQ=MINUTELY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
    "FREQ=DAILY;BYHOUR=9,10;BYSETPOS=3",
    "FREQ=WEEKLY;COUNT=0",
]
#: a value out of its range, or unreadable: (the rule or properties, what the one line says)
MALFORMED = [
    ("FREQ=SECONDLY;BYMONTH=13", "BYMONTH=13, outside 1–12"),
    ("FREQ=MINUTELY;BYSECOND=60", "BYSECOND=60, outside 0–59"),
    ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24, outside 0–23"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0, outside"),
    ("FREQ=YEAR", "RRULE cannot be read (Expected frequency, got: YEAR)"),
    ("FREQ=WEEKLY;BYDAY=XX", "RRULE cannot be read (Expected weekday abbreviation"),
    ("FREQ=WEEKLY;UNTIL=garbage", "RRULE cannot be read (Expected time, got: garbage)"),
    ("FREQ=WEEKLY;COUNT=abc", "RRULE cannot be read (Expected int, got: abc)"),
    ("FREQ=WEEKLY;INTERVAL=99999999999999999999", "RRULE cannot be read (Integer"),
    ("FREQ=WEEKLY\r\nDURATION:P99999999W", "an event lasts 699,999,993 days (DURATION)"),
]


def _busy(data: bytes, tmp_path: Path, days: int = 30) -> list[object]:
    source = tmp_path / "kal.ics"
    source.write_bytes(data)
    request = app.BusyRequest(
        NOW, NOW + timedelta(days=days), calendars=(str(source),), config=Config(Profile("R"))
    )
    return list(app.busy_for(request)[0])


def test_an_all_day_event_repeating_every_second_is_refused_by_read_and_busy(
    tmp_path: Path,
) -> None:
    said = "an all-day start (a DATE) and FREQ=SECONDLY"
    with pytest.raises(UserError, match=re.escape(said)):
        _within(3, lambda: read_bytes(ALL_DAY_SECONDLY, now=NOW, origin="kal.ics"))
    with pytest.raises(UserError, match=re.escape(said)):
        _within(3, lambda: _busy(ALL_DAY_SECONDLY, tmp_path))


@pytest.mark.parametrize("rule", NEVER)
def test_a_rule_that_never_occurs_is_its_start_alone(rule: str, tmp_path: Path) -> None:
    data = calendar(repeating(rule))
    inv = _within(3, lambda: read_bytes(data, now=NOW))
    assert inv.start == datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    found = _within(3, lambda: _busy(data, tmp_path))
    assert [b.start for b in found] == [inv.start]  # type: ignore[attr-defined]


def test_ten_rules_that_never_occur_cost_nothing(tmp_path: Path) -> None:
    data = calendar(*[repeating("FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30")] * 10)
    _within(3, lambda: read_bytes(data, now=NOW))
    assert len(_within(3, lambda: _busy(data, tmp_path))) == 1  # the same start, ten times


@pytest.mark.parametrize(("rule", "said"), MALFORMED, ids=[m[0][:28] for m in MALFORMED])
def test_a_malformed_value_is_one_line_naming_it(rule: str, said: str, tmp_path: Path) -> None:
    data = calendar(repeating(rule))
    for step in (
        lambda: read_bytes(data, now=NOW, origin="kal.ics"),
        lambda: _busy(data, tmp_path),
    ):
        with pytest.raises(UserError) as caught:
            _within(3, step)
        assert "kal.ics: " in str(caught.value) and said in str(caught.value), caught.value
        assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("event", "head", "said"),
    [
        ("DTSTART;VALUE=PERIOD:20261201T100000Z/PT1H\r\n", "", "DTSTART"),
        ("DTSTART;TZID=X:20261201T100000\r\n", "TZOFFSETFROM:+9999", "+9999"),
        ("DTSTART;TZID=X:20261201T100000\r\n", "TZOFFSETFROM:+07", "+07"),
    ],
    ids=["period", "offset-9999", "offset-07"],
)
def test_a_broken_start_or_zone_is_one_line(
    event: str, head: str, said: str, tmp_path: Path
) -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        f"{head}\r\nTZOFFSETTO:+0700\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        if head
        else ""
    )
    data = calendar(event + "RRULE:FREQ=WEEKLY\r\n", head=zone)
    for step in (
        lambda: read_bytes(data, now=NOW, origin="kal.ics"),
        lambda: _busy(data, tmp_path),
    ):
        with pytest.raises(UserError) as caught:
            _within(3, step)
        assert said in str(caught.value) and "\n" not in str(caught.value), caught.value


def test_many_series_share_one_budget(tmp_path: Path) -> None:
    # ten series every ten minutes: 4,032 each in four weeks (under the limit of one), but a
    # year of all ten is 525,000 occurrences
    data = calendar(*[repeating("FREQ=MINUTELY;INTERVAL=10")] * 10)
    with pytest.raises(UserError, match=r"would occur about [\d,]+ times .* limit is 50,000"):
        _within(3, lambda: _busy(data, tmp_path, days=365))
    assert _within(3, lambda: _busy(data, tmp_path, days=12))  # a day of them is fine
    hourly = calendar(*[repeating("FREQ=HOURLY")] * 1000)
    with pytest.raises(UserError, match="limit is 50,000 for the calendars of one command"):
        _within(3, lambda: _busy(hourly, tmp_path, days=1))


def test_two_calendars_of_one_command_draw_on_one_budget(tmp_path: Path) -> None:
    from sopan.ical.budget import MAX_OCCURRENCES, command_budget

    data = calendar(repeating("FREQ=MINUTELY;INTERVAL=15"))  # 2,688 in four weeks
    with command_budget() as budget:
        _busy(data, tmp_path, days=60)
        after_one = budget.occurrences
        _busy(data.replace(b"e0@test", b"e1@test"), tmp_path, days=60)
        assert budget.occurrences < after_one < MAX_OCCURRENCES


def test_a_series_begun_long_ago_is_expanded_from_the_weeks_asked(tmp_path: Path) -> None:
    # every ten minutes since 1990: 1.9 million occurrences before the week asked
    start = "DTSTART:19900101T000500Z"
    data = calendar(repeating("FREQ=MINUTELY;INTERVAL=10", start, "DTEND:19900101T000600Z"))
    found = _within(3, lambda: _busy(data, tmp_path, days=1))
    assert len(found) == 24 * 6
    assert all(b.start.minute % 10 == 5 for b in found)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;BYDAY=MO,TH",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=HOURLY;INTERVAL=5;BYDAY=MO,WE",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=11,12;BYDAY=2TU",
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261224T000000Z",
    ],
)
def test_moving_a_start_forward_keeps_every_occurrence(rule: str) -> None:
    import icalendar
    import recurring_ical_events

    from sopan.ical.series import moved_near

    data = calendar(
        repeating(
            rule,
            "DTSTART;TZID=Europe/Berlin:20150105T093000",
            "DTEND;TZID=Europe/Berlin:20150105T103000",
        )
    )
    lo, hi = datetime(2026, 11, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)
    whole = icalendar.Calendar.from_ical(data)
    want = [e.start for e in recurring_ical_events.of(whole).between(lo, hi)]
    moved = icalendar.Calendar.from_ical(data)
    event = moved.walk("VEVENT")[0]
    near = moved_near(event, lo)
    if "UNTIL" not in rule:
        assert near.get("DTSTART").dt.year >= 2025  # moved: else this test shows nothing
    moved.subcomponents[:] = [near]
    got = [e.start for e in recurring_ical_events.of(moved).between(lo, hi)]
    assert sorted(got) == sorted(want) and want


def test_the_cpu_timer_stops_a_library_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    import recurring_ical_events

    from sopan.ical.budget import command_budget

    def endless(*args: object, **kwargs: object) -> None:
        while True:  # a library searching for an occurrence that never comes
            pass

    monkeypatch.setattr(recurring_ical_events, "of", endless)
    data = calendar(repeating("FREQ=WEEKLY"))
    with command_budget() as budget:
        budget.seconds = 0.3
        with pytest.raises(UserError, match="sopan's limit of CPU time for the calendars"):
            _within(2, lambda: read_bytes(data, now=NOW, origin="kal.ics"))


def test_the_timeout_covers_reading_a_fetched_calendar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from calendars.servers import ics_server

    from sopan.calendar import sources
    from sopan.errors import ExternalError

    original = sources._busy_of

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(5)  # reading what came takes long: the download alone was quick
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "_busy_of", slow)
    with ics_server() as server:
        server.body = calendar(repeating("FREQ=WEEKLY"))
        started = time.monotonic()
        with pytest.raises(ExternalError, match=r"not fetched and read within 0\.5 s"):
            sources.load_busy([server.url + "/kal.ics"], start=NOW, end=NOW + timedelta(days=7),
                              timeout=0.5, cache_dir=tmp_path)  # fmt: skip
        assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("rule", "per_window"),
    [
        ("FREQ=SECONDLY", 2_419_200),
        ("FREQ=MINUTELY;BYHOUR=9;BYMINUTE=0,30", 56),  # filters: two a day, not 80,640
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", 12),
        ("FREQ=DAILY;BYHOUR=9,13", 56),
        ("FREQ=YEARLY", 1),
    ],
)
def test_a_rule_is_measured_by_what_adds_and_what_filters(rule: str, per_window: int) -> None:
    from sopan.ical.rules import per_window as measure

    parts = dict(part.split("=") for part in rule.split(";"))
    assert round(measure({k: v.split(",") for k, v in parts.items()})) == per_window


# --- lint files bounded once unpacked, spelling linear ---


@pytest.mark.parametrize("megabytes", [20, 100])
def test_a_pdf_that_inflates_is_refused_once_unpacked(megabytes: int, tmp_path: Path) -> None:
    from sopan.lint.files import read_reply

    path = tmp_path / "reply.pdf"
    path.write_bytes(expanding_pdf(megabytes))
    assert path.stat().st_size < 300_000
    with pytest.raises(UserError, match="a page unpacks to over 1 MB"):
        _within(3, lambda: read_reply(str(path)))


def test_a_docx_of_400000_paragraphs_is_refused_once_unpacked(tmp_path: Path) -> None:
    from sopan.lint.files import read_reply

    path = tmp_path / "reply.docx"
    path.write_bytes(paragraphs_docx(400_000))
    assert path.stat().st_size < 100_000
    with pytest.raises(UserError, match="over 5 MB of XML"):
        _within(3, lambda: read_reply(str(path)))
    path.write_bytes(paragraphs_docx(6000, "x"))
    with pytest.raises(UserError, match="over 5,000 paragraphs"):
        _within(3, lambda: read_reply(str(path)))
    path.write_bytes(paragraphs_docx(3))
    assert read_reply(str(path)).text.count("Terima kasih.") == 3


@pytest.mark.parametrize(
    "text",
    [
        "memper" * 30_000 + "kanlahnya",
        " ".join(["dipindahtugaskan" * 200] * 50),
    ],
    ids=["one-word", "long-words"],
)
def test_indonesian_affix_stripping_stays_linear(text: str) -> None:
    report = _within(3, lambda: lint_text(text))
    assert report.language == "id"


def test_the_readmes_budgets_are_the_codes() -> None:
    from conftest import ROOT

    from sopan import ical
    from sopan.app.calendars import MAX_WINDOW
    from sopan.calendar.sources import MAX_FETCH_BYTES
    from sopan.cli import CLOSED_OUTPUT
    from sopan.ical import budget
    from sopan.ical.series import MAX_DURATION
    from sopan.lint import files, spelling
    from sopan.lint.engine import MAX_CHARS
    from sopan.read import MAX_BYTES
    from sopan.read.build import MAX_TEXT
    from sopan.read.choose import MAX_DATES
    from sopan.read.email_src import MAX_DEPTH, MAX_PARTS

    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    paragraph = readme[readme.index("**Budgets.**") : readme.index("**You decide;")]
    mb = 2**20
    said = [
        f"{MAX_BYTES // mb} MB a file",
        f"{MAX_TEXT:,} characters and {MAX_DATES} dates of text",
        f"{MAX_DEPTH} levels and {MAX_PARTS} parts of MIME",
        f"Lint: {MAX_CHARS:,} characters",
        f"a PDF page's content at most {files.MAX_PDF_STREAM_BYTES // mb} MB",
        f"all its pages {files.MAX_PDF_SECONDS:g} s of CPU",
        f"a .docx at most {files.MAX_UNPACKED_BYTES // mb} MB unpacked",
        f"{files.MAX_DOCX_XML_BYTES // mb} MB of text and {files.MAX_PARAGRAPHS:,} paragraphs",
        f"a word over {spelling._MAX_BUILT} letters",
        f"a COUNT may not exceed {ical.MAX_COUNT:,}",
        "an event last over a century",
        f"occur more than {ical.MAX_PER_WINDOW:,} times in four weeks",
        f"at most {ical.MAX_SERIES:,} repeating and {ical.MAX_EVENTS:,} single events",
        f"a window of {MAX_WINDOW.days} days",
        f"{budget.MAX_OCCURRENCES:,} occurrences of repeating events",
        f"and {budget.CALENDAR_SECONDS:g} s of CPU, plus {budget.SECONDS_PER_MB:g} s for each MB",
        f"a {MAX_FETCH_BYTES // mb} MB cap",
        f"quietly with exit {CLOSED_OUTPUT}",
    ]
    assert MAX_DURATION.days == 36_600  # "a century"
    missing = [s for s in said if s not in paragraph]
    assert not missing, missing
