"""A call and its voicemail greet by the part of the day where the recruiter is whenever the
call's time there is known (C2.1): the invitation's zone, its office line's area code, the place
it names ("Lagos"), the country of a mobile's calling code when its zones agree ("+234": Lagos),
or the plan's own moment for a call it makes later (08:00 where it keeps their working hours).
A neutral "Halo"/"Hello" only when none of these tells. Over invitations in both languages,
called at every part of the day; and the recruiter's check finds a neutral greeting on a call
the plan times."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.language.dateforms import day_part

from .recruiter import SITUATIONS, Run, check, run

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
SICK = next(s for s in SITUATIONS if s.name == "sick_under_24h")
#: invitations whose zone is told by no written zone, each by another sign, and that zone
TOLD = {
    # the venue's city: its time was read in Lagos
    "en_lagos_venue": (
        "We invite you for an interview for the Sales Officer role on Thursday 10th December, "
        "2026.\nTime: 10am\nVenue: 229 Ikorodu Rd, Ilupeju, Lagos.\nKindly confirm on "
        "08035550142.\nACME HR.",
        "Africa/Lagos",
    ),
    # an online interview and a Nigerian mobile: one zone in all of Nigeria
    "en_online_nigerian_mobile": (
        "Good day Budi, you are invited to a Google Meet interview for the Junior Data Engineer "
        "role on Thursday 10 December 2026 at 10:00. Kindly confirm to Tolu on +234 803 555 "
        "0142.",
        "Africa/Lagos",
    ),
    # a Malaysian mobile: Kuala Lumpur and Kuching keep one clock
    "id_ponsel_malaysia": (
        "Halo Budi, wawancara online posisi Staf Admin hari Kamis, 10 Desember 2026 jam 10.00 "
        "lewat Zoom. Mohon konfirmasi ke Encik Faiz di +60 12-345 6789.",
        "Asia/Kuala_Lumpur",
    ),
}


def _said(r: Run, channel: str) -> str:
    text = next(d.text for d in r.drafts if d.channel == channel)
    lines = [ln.split(": ", 1)[1] for ln in text.splitlines() if re.match(r"\d+\. ", ln)]
    return lines[0] if lines else text


@pytest.mark.parametrize("name", list(TOLD))
def test_a_call_greets_by_the_time_of_day_where_the_recruiter_is(name: str) -> None:
    text, zone = TOLD[name]
    data = text.encode()
    greeted: set[str] = set()
    for hours in range(2, 48, 5):  # every part of the day over two days before it
        r = run(data, f"{name}.txt", replace(SICK, hours_before=float(hours)), NOW)
        assert isinstance(r, Run), r
        assert r.invitation.start is not None
        assert (
            r.invitation.start.utcoffset()
            == r.invitation.start.astimezone(ZoneInfo(zone)).utcoffset()
        )
        at = (r.plan.call_at or r.now).astimezone(ZoneInfo(zone))
        part = day_part(at, r.drafts[0].language)
        for channel in ("call", "voicemail"):
            if not any(d.channel == channel for d in r.drafts):
                continue
            said = _said(r, channel)
            assert re.match(rf"(?:Selamat|Good) {part}\b", said), (hours, at, said)
            greeted.add(part)
        assert r.shortfalls == [], r.shortfalls
    assert len(greeted) >= 2, greeted  # more than one part of the day, each as it is there


def test_a_call_the_plan_makes_later_is_greeted_as_of_then_and_the_check_finds_hello() -> None:
    # no zone, no place, no number written ("call this number"): the plan keeps working hours
    # in the zone it read the time in, and greets its 08:00 call by it
    text = (
        "Hi! We'd like to invite you to an interview for the Barista role at Bean & Leaf on "
        "Monday, 30 November 2026 at 10:00. If you cannot make it, please call this number."
    )
    start = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    for hours in (15.0, 40.0):  # Sunday evening: the call on Monday at 08:00
        r = run(text.encode(), "chat.txt", replace(SICK, hours_before=hours), NOW)
        assert isinstance(r, Run), r
        assert r.invitation.start == start
        assert r.plan.call_at is not None and r.plan.call_at.hour == 8, r.plan.call_at
        call = _said(r, "call")
        assert call.startswith("Good morning"), call
        neutral = next(d for d in r.drafts if d.channel == "call")
        hello = neutral.text.replace("Good morning", "Hello", 1)
        drafts = tuple(replace(d, text=hello) if d is neutral else d for d in r.drafts)
        found = {s.rule for s in check(replace(r, drafts=drafts, lint={}))}
        assert "greeting_planned_call" in found
    # called at once, on the Friday before: nothing tells the part of the day where they are
    now = run(text.encode(), "chat.txt", replace(SICK, hours_before=72.0), NOW)
    assert isinstance(now, Run) and now.plan.call_at is None
    assert re.match(r"(?:Hello|Hi)\b", _said(now, "call")), _said(now, "call")
