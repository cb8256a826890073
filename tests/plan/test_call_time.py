"""When a call is planned (R2.2): within the recruiter's working hours where they are, and
early enough before the interview to be of use; when no such time is left the plan calls no
one and says to send the written message now. Over invitations by a mobile and by an office
line in both languages and several zones (WIB, WAT, SGT, a calendar's UTC), for every hour
of the days before the interview."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Contact, Invitation, Profile, Situation
from sopan.model.channels import registry
from sopan.plan import make_plan
from sopan.plan.steps import CALL_AHEAD
from sopan.read import read_bytes
from sopan.read.words import office_hours

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Budi Santoso", email="budi@example.com", phone="+62 812 3456 7890")
SICK = Situation(intent="cancel", reason="health", interest="yes", confirmed=True)
DECLINE = Situation(intent="decline", reason="accepted-offer", interest="no")
#: invitations with a number to call: a mobile (WhatsApp, a text, an e-mail's signature) and
#: an office line, in Jakarta, Lagos, Singapore and Medan
PHONES = [
    "en_whatsapp_lagos.txt",
    "id_wa_cahaya.txt",
    "en_text_northwind.txt",
    "id_email_graha.txt",
    "en_phone_screen_office_line.txt",
    "id_surat_panggilan_telepon_kantor.txt",
]
CALLS = {s.name for s in registry().with_role("call")}


def _read(name: str) -> Invitation:
    path = FIXTURES / name
    inv = read_bytes(path.read_bytes(), now=NOW, user_tz="Asia/Jakarta", origin=name)
    assert inv.start is not None and inv.contact.phone, name
    return inv


def _at(inv: Invitation, hour: int, minute: int = 0) -> Invitation:
    """The same invitation with the interview at `hour`:`minute` on its own day, where it is."""
    start = inv.start
    assert start is not None
    return replace(inv, start=start.replace(hour=hour, minute=minute))


def _in_hours(moment: datetime, inv: Invitation) -> bool:
    """Within working hours where the recruiter is: the hours the invitation writes ("Mon-Fri,
    9am-6pm"), else 08:00 to 17:00, on a weekday or the interview's own day."""
    assert inv.start is not None
    local = moment.astimezone(inv.start.tzinfo)
    day = local.weekday() < 5 or local.date() == inv.start.date()
    opens, closes = office_hours(inv.text) or (time(8), time(17))
    return day and opens <= local.time() < closes


@pytest.mark.parametrize("name", PHONES)
@pytest.mark.parametrize(("hour", "minute"), [(8, 0), (8, 30), (9, 0), (14, 0)])
def test_a_call_is_planned_in_working_hours_and_early_enough_or_not_at_all(
    name: str, hour: int, minute: int
) -> None:
    inv = _at(_read(name), hour, minute)
    start = inv.start
    assert start is not None
    called = 0
    for hours in range(1, 80, 3):  # every hour of the day, over three days before it
        now = start - timedelta(hours=hours)
        for sit in (SICK, DECLINE):
            plan = make_plan(inv, sit, PROFILE, now=now)
            steps = [s.channel for s in plan.steps]
            if not any(c in CALLS for c in steps):
                continue
            called += 1
            at = plan.call_at or now
            assert _in_hours(at, inv), (now, at, steps)
            written = any(registry().spec(c).role in ("reply", "text") for c in steps)
            if plan.call_at is not None and written:
                # planned for later, with a written way to them: early enough to be of use
                assert plan.call_at <= start - CALL_AHEAD, (now, plan.call_at, steps)
            elif plan.call_at is None:
                assert at < start  # called now, before it begins
    assert called  # a number to call is called at some hour


@pytest.mark.parametrize("name", ["en_whatsapp_lagos.txt", "id_wa_cahaya.txt"])
def test_the_evening_before_an_interview_at_opening_time_the_message_goes_and_no_call(
    name: str,
) -> None:
    # the fault a recruiter in Lagos found: the backup call planned at 08:00, the interview's
    # own start; now the written message goes at once and no call is planned
    inv = _at(_read(name), 8)
    assert inv.start is not None
    now = inv.start - timedelta(hours=13)  # 19:00 the evening before, where they are
    for lang in ("id", "en"):
        plan = make_plan(inv, SICK, PROFILE, now=now, lang=lang)
        steps = [s.channel for s in plan.steps]
        assert not CALLS & set(steps) and plan.call_at is None, steps
        first = plan.steps[0]
        assert registry().spec(first.channel).kind == "chat"
        assert re.search(r"tanpa rencana menelepon|plan no call", first.why), first.why
        assert re.search(r"\b08[.:]00\b", first.why) and first.guideline == "R2.2"
    # two hours later in the morning: there is time for a call first thing, if still unread
    later = make_plan(_at(inv, 10), SICK, PROFILE, now=now, lang="en")
    assert later.call_at is not None and later.call_at.astimezone(inv.start.tzinfo).hour == 8
    assert any(s.channel in CALLS for s in later.steps)


def test_a_saturday_interview_is_a_working_day_for_its_recruiter() -> None:
    # interviews held on a Saturday: the recruiter is at work that morning, not on Monday
    inv = _read("id_wa_cahaya.txt")
    assert inv.start is not None
    saturday = inv.start + timedelta(days=(5 - inv.start.weekday()) % 7)
    inv = replace(inv, start=saturday.replace(hour=10))
    friday_evening = saturday.replace(hour=19) - timedelta(days=1)
    plan = make_plan(inv, SICK, PROFILE, now=friday_evening)
    assert plan.call_at == saturday.replace(hour=8, minute=0)
    # and a weekday interview after a weekend is called about on the Monday, not the Sunday
    monday = saturday + timedelta(days=2)
    plan = make_plan(replace(inv, start=monday.replace(hour=14)), SICK, PROFILE,
                     now=friday_evening)  # fmt: skip
    assert plan.call_at == monday.replace(hour=8, minute=0)


def test_a_calendar_time_in_utc_is_called_in_working_hours_where_the_recruiter_is() -> None:
    # a calendar file stores 02:00 UTC; the venue is in Jakarta, so the recruiter's morning is
    # 09:00 WIB, and an evening there is no time to ring, whatever the clock says in UTC
    utc = ZoneInfo("UTC")
    start = datetime(2026, 12, 3, 3, 0, tzinfo=utc)  # 10:00 WIB
    inv = Invitation(
        source="ics",
        language="id",
        text="Interview di kantor kami, Jl. Sudirman, Jakarta",
        start=start,
        timezone="Etc/UTC",
        location="Jl. Sudirman 1, Jakarta",
        contact=Contact(name="Dewi Lestari", phone="0812-7777-1212"),
        uid="abc@example.com",
    )
    evening = datetime(2026, 12, 2, 12, 0, tzinfo=utc)  # 19:00 in Jakarta, 12:00 in UTC
    plan = make_plan(inv, SICK, PROFILE, now=evening)
    assert plan.call_at is not None, [s.channel for s in plan.steps]
    wib = plan.call_at.astimezone(ZoneInfo("Asia/Jakarta"))
    assert (wib.date(), wib.hour) == (datetime(2026, 12, 3).date(), 8)


@pytest.mark.parametrize(
    ("name", "hours", "opens"),
    [
        ("en_phone_screen_office_line.txt", "", time(9)),
        ("id_surat_panggilan_telepon_kantor.txt", "pada jam kerja (07.30–15.30 WIB)", time(7, 30)),
    ],
)
def test_an_office_that_writes_its_hours_is_called_within_them(
    name: str, hours: str, opens: time
) -> None:
    # "please call our office at +65 6123 4567 (Mon-Fri, 9am-6pm)": at 09:00, never at 08:00
    inv = _at(_read(name), 14)
    if hours:
        inv = replace(inv, text=inv.text.replace("pada jam kerja", hours))
    assert inv.start is not None and office_hours(inv.text) is not None
    evening = inv.start.replace(hour=20) - timedelta(days=1)
    plan = make_plan(inv, SICK, PROFILE, now=evening)
    assert plan.call_at is not None
    assert plan.call_at.astimezone(inv.start.tzinfo).time() == opens, plan.call_at


def test_office_hours_are_read_only_as_a_working_day() -> None:
    assert office_hours("call our office (Mon-Fri, 9am-6pm).") == (time(9), time(18))
    assert office_hours("pada jam kerja (08.00–16.00 WIB)") == (time(8), time(16))
    assert office_hours("jam kerja 07.30 - 15.30") == (time(7, 30), time(15, 30))
    # no range, a range of days, or one that is no working day: none
    for text in ("pada jam kerja", "Tanggal 10-12 Desember, jam kerja", "office hours 10-2"):
        assert office_hours(text) is None, text
