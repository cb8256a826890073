"""`--set FIELD=VALUE`: every field, good and bad values (typed as people write them, checked
by the one parser), and how a set fact shows."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import Run

from sopan.cli.base import corrections_of, error_line
from sopan.errors import UserError
from sopan.model import Ambiguity, Contact, Invitation
from sopan.read.corrections import FIELDS, apply

from .cases import ID_EMAIL

JKT = ZoneInfo("Asia/Jakarta")
BASE = Invitation(
    language="id",
    source="text",
    company="CV Anda",
    start=datetime(2026, 11, 23, 10, 0, tzinfo=JKT),
    end=datetime(2026, 11, 23, 11, 30, tzinfo=JKT),
    timezone="Asia/Jakarta",
    missing=("position", "mode", "location", "contact"),
    ambiguous=(Ambiguity("start", ("2026-11-23T10:00:00+07:00", "2026-11-24T10:00:00+07:00")),),
)


NOW = datetime(2026, 11, 20, 9, 0, tzinfo=JKT)


def _set(*values: str, inv: Invitation = BASE, language: str = "id") -> Invitation:
    typed = corrections_of(list(values), now=NOW, language=language)
    return apply(inv, typed, user_tz="Asia/Jakarta")


# (field=value, what the invitation then says)
GOOD = [
    ("start=2026-11-30T14:00", lambda i: i.start == datetime(2026, 11, 30, 14, 0, tzinfo=JKT)),
    # a date alone keeps the time already known, and the length
    ("start=2026-11-30", lambda i: (i.start, i.end) == (
        datetime(2026, 11, 30, 10, 0, tzinfo=JKT), datetime(2026, 11, 30, 11, 30, tzinfo=JKT))),
    ("start=2026-11-30T14:00+08:00",
     lambda i: i.start == datetime(2026, 11, 30, 13, 0, tzinfo=JKT)),
    # typed the way an invitation writes it, in the person's language
    ("start=Senin, 30 November 2026 pukul 14.00",
     lambda i: i.start == datetime(2026, 11, 30, 14, 0, tzinfo=JKT)),
    ("start=30/11/2026", lambda i: i.start == datetime(2026, 11, 30, 10, 0, tzinfo=JKT)),
    ("start=30/11 jam 2 siang", lambda i: i.start == datetime(2026, 11, 30, 14, 0, tzinfo=JKT)),
    ("start=besok jam 10", lambda i: i.start == datetime(2026, 11, 21, 10, 0, tzinfo=JKT)),
    ("start=Rabu 2 Desember 2026 10.00 WITA",
     lambda i: i.start == datetime(2026, 12, 2, 9, 0, tzinfo=JKT)),
    ("start=30 Nov 14.00-15.30", lambda i: (i.start, i.end) == (
        datetime(2026, 11, 30, 14, 0, tzinfo=JKT), datetime(2026, 11, 30, 15, 30, tzinfo=JKT))),
    ("end=12:00", lambda i: i.end == datetime(2026, 11, 23, 12, 0, tzinfo=JKT)),
    ("end=2026-11-23T12:15", lambda i: i.end == datetime(2026, 11, 23, 12, 15, tzinfo=JKT)),
    ("timezone=WITA", lambda i: i.timezone == "Asia/Makassar" and i.start is not None
     and i.start.hour == 10 and str(i.start.tzinfo) == "Asia/Makassar"),
    ("timezone=Asia/Jayapura", lambda i: i.timezone == "Asia/Jayapura"),
    ("company=PT Maju Jaya", lambda i: i.company == "PT Maju Jaya"),
    ("position=Analis Data", lambda i: i.position == "Analis Data" and "position" not in i.missing),
    ("mode=online", lambda i: i.mode == "online" and "mode" not in i.missing),
    ("location=Jl. Merdeka 1, Bandung", lambda i: i.location == "Jl. Merdeka 1, Bandung"),
    ("meeting_link=https://meet.example/abc", lambda i: i.meeting_link == "https://meet.example/abc"),
    ("reference=HRD/045/2026", lambda i: i.reference == "HRD/045/2026"),
    ("contact.name=Ibu Dewi Lestari", lambda i: i.contact.name == "Ibu Dewi Lestari"),
    ("contact.email=dewi@maju.example", lambda i: i.contact.email == "dewi@maju.example"
     and i.reply_to == "dewi@maju.example" and "contact" not in i.missing),
    ("contact.phone=0812-3456-7890", lambda i: i.contact.phone == "0812-3456-7890"),
    ("country=us", lambda i: i.country == "US"),
]  # fmt: skip

BAD = [
    ("start=2026-02-31", "--set start: '2026-02-31' is not a date"),
    ("start=9999-12-31T23:30", "--set start: '9999-12-31T23:30' is outside the years 1900–2999"),
    ("start=1 January 10000 10:00", "--set start: '1 January 10000 10:00' is outside the years"),
    # 2999 is within the years: the weekday is what is wrong (31 December 2999 is a Tuesday)
    ("start=Kamis, 31 Desember 2999", "--set start: 'Kamis, 31 Desember 2999': the weekday does"),
    ("start=Selasa, 30 November 2026", "--set start: 'Selasa, 30 November 2026': the weekday"),
    ("start=30 November lalu pagi", "--set start: '30 November lalu pagi' is not a date"),
    ("end=25:00", "--set end: '25:00' is not a date"),
    ("end=09:00", "--set end: '09:00' is not after the start"),
    ("timezone=Mars/Olympus", "--set timezone: 'Mars/Olympus' is not a time zone"),
    ("mode=hybrid", "--set mode: 'hybrid' is not one of onsite, online or phone"),
    ("meeting_link=javascript:alert(1)", "--set meeting_link: 'javascript:alert(1)' is not"),
    ("contact.email=dewi at maju", "--set contact.email: 'dewi at maju' is not an e-mail"),
    ("contact.phone=12", "--set contact.phone: '12' is not a phone number"),
    ("country=Amerika", "--set country: 'Amerika' is not a country's code"),
    ("company=", "--set company: nothing was typed"),
    ("company=PT\x1b[31mX", "--set company: 'PT\\x1b[31mX' holds a control character"),
    ("salary=10", "--set: 'salary=10' is not FIELD=VALUE"),
    ("start", "--set: 'start' is not FIELD=VALUE"),
]


def test_every_field_has_a_good_case() -> None:
    assert {g.split("=", 1)[0] for g, _ in GOOD} == set(FIELDS)
    assert len(set(FIELDS)) == 13
    assert {b.split("=", 1)[0] for b, _ in BAD} >= {"start", "end", "timezone", "mode"}


@pytest.mark.parametrize(("given", "check"), GOOD, ids=[g for g, _ in GOOD])
def test_a_good_value_is_taken_and_marked_as_the_users(given: str, check) -> None:  # type: ignore[no-untyped-def]
    inv = _set(given)
    assert check(inv), inv
    field = given.split("=", 1)[0]
    fact = inv.fact(field)
    assert fact is not None and fact.source == "user" and fact.text == given.split("=", 1)[1]


@pytest.mark.parametrize(("given", "message"), BAD, ids=[b for b, _ in BAD])
def test_a_bad_value_is_one_line_naming_the_field(given: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        _set(given)
    line = error_line(caught.value, "en")
    assert line.startswith(f"sopan: {message}") and "\n" not in line, line
    # the same error in Indonesian names the same flag and no English word of the message
    indonesian = error_line(caught.value, "id")
    assert indonesian.startswith(f"sopan: {message.split(':')[0]}") and " is not " not in indonesian


def test_setting_the_start_decides_its_ambiguity() -> None:
    assert BASE.ambiguous and not _set("start=2026-11-24T10:00").ambiguous


def test_a_date_alone_without_a_known_time_sets_the_day_only() -> None:
    inv = _set("start=2026-11-30", inv=Invitation(language="id", source="text"))
    assert inv.start is None and inv.day == date(2026, 11, 30)


def test_the_zone_is_applied_before_the_time_it_qualifies() -> None:
    inv = _set("start=2026-12-01T09:00", "timezone=WIT", inv=Invitation("id", "text"))
    assert inv.start == datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jayapura"))


def test_a_later_value_of_a_field_wins() -> None:
    assert _set("company=A", "company=B").company == "B"


def test_contact_name_alone_keeps_the_rest() -> None:
    inv = _set(
        "contact.name=Pak Budi", inv=Invitation("id", "text", contact=Contact(email="a@b.id"))
    )
    assert inv.contact == Contact("Pak Budi", "a@b.id", None)


def test_read_shows_a_set_fact_as_yours(run_cli: Run) -> None:
    done = run_cli(
        "read", str(ID_EMAIL), "--set", "company=PT Benar", "--now", "2026-11-20T09:00+07:00"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "PT Benar" in line)
    assert "Anda yang mengisi" in lines[at + 1]


@pytest.mark.parametrize("command", ["read", "plan", "draft", "slots"])
def test_every_command_that_reads_takes_set(run_cli: Run, command: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = {"plan": ["--json"], "draft": ["--out", str(tmp_path / "o")], "slots": ["--json"]}
    choices = ["--intent", "decline", "--reason", "personal", "--interest", "no", "--unconfirmed"]
    args = [command, str(ID_EMAIL), "--now", "2026-11-20T09:00+07:00", *extra.get(command, [])]
    if command in ("plan", "draft"):
        args += choices
    bad = run_cli(*args, "--set", "mode=hybrid")
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "sopan: --set mode: 'hybrid' bukan salah satu dari onsite, online atau phone"
    )
    good = run_cli(*args, "--set", "start=2026-11-24T13:00")
    assert good.returncode == 0, good.stderr
    if command == "read":
        assert "Sel 24 Nov 2026 13.00" in good.stdout
    if command == "slots":
        assert all(s["start"][:10] > "2026-11-24" for s in json.loads(good.stdout))


def test_a_zone_given_reads_the_invitations_days_in_that_zone() -> None:
    """ "Thursday at 3 PM", read on a Wednesday evening in California (already Thursday in
    Jakarta), with the interview's zone given: the recruiter's next Thursday, never the
    person's clock's (a week late, and in the wrong zone)."""
    from sopan.app.reading import ReadRequest, read_for
    from sopan.config import Config
    from sopan.model import Profile

    config = Config(Profile(name="Rina", timezone="Asia/Jakarta"), {}, None, False)
    now = datetime(2026, 12, 9, 19, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    text = b"Hi Rahul, your interview is scheduled for Thursday at 3 PM. Good luck!"
    zone = corrections_of(["timezone=America/Los_Angeles"], now=now, language="en")
    inv = read_for(
        ReadRequest("sms.txt", now, data=text, config=config, corrections=zone)
    ).invitation
    want = datetime(2026, 12, 10, 15, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert inv.start == want or want.isoformat() in inv.ambiguous[0].candidates
    # without it, the day is read on the person's own clock
    inv = read_for(ReadRequest("sms.txt", now, data=text, config=config)).invitation
    assert inv.timezone == "Asia/Jakarta"
