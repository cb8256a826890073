"""What a call script and its voicemail say of the interview's day ("besok", "hari ini",
"tomorrow", "today"; never "lusa") is said as of when the plan has the call made — the next
working morning when it is outside working hours now — never as of `now`; two days or more
ahead, the date is said in full. Over invitations in both languages, for every part of the
day over four days before the interview; and the recruiter's check finds a day word said
wrong."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.model.channels import registry

from .recruiter import SITUATIONS, Run, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
SICK = next(s for s in SITUATIONS if s.name == "sick_under_24h")


_RELATIVE = re.compile(r"\b(besok|lusa|hari ini|tomorrow|today)\b")


@pytest.mark.parametrize(
    "name", ["id_wa_cahaya.txt", "en_text_northwind.txt", "id_email_graha.txt"]
)
def test_a_script_names_the_day_as_of_when_the_call_is_made(name: str) -> None:
    path = FIXTURES / name
    seen: set[str] = set()
    for hours in range(2, 100, 7):  # over four days before the interview, every part of day
        r = run(path.read_bytes(), name, replace(SICK, hours_before=float(hours)), NOW)
        assert isinstance(r, Run), r
        start = r.invitation.start
        assert start is not None
        said_at = (r.plan.call_at or r.now).astimezone(start.tzinfo)
        days = (start.date() - said_at.date()).days
        for d in r.drafts:
            if not registry().spec(d.channel).spoken:
                continue
            words = set(_RELATIVE.findall(d.text))
            seen |= words
            want = {0: {"hari ini", "today"}, 1: {"besok", "tomorrow"}}.get(days, set())
            assert words <= want, (hours, said_at, days, words)
            if days >= 2:
                assert re.search(rf"\b{start.day}\b", d.text), (hours, d.text)  # said in full
    assert seen & {"besok", "tomorrow"} and seen & {"hari ini", "today"}, seen


def test_the_check_finds_a_day_word_said_as_of_the_wrong_moment() -> None:
    # called on a Monday morning about an interview on the Thursday: "besok" is wrong
    path = FIXTURES / "id_wa_cahaya.txt"
    r = run(path.read_bytes(), path.name, replace(SICK, hours_before=75.0), NOW)
    assert isinstance(r, Run) and r.shortfalls == [], r
    call = next(d for d in r.drafts if d.channel == "call")
    start = r.invitation.start
    assert start is not None and (start - r.now).days >= 2
    day_said = re.compile(r"wawancara (?:\w+, )?\w+, \d+ \w+")
    assert day_said.search(call.text), call.text
    for wrong, rule in (("wawancara besok", "says_tomorrow"), ("wawancara hari ini", "says_today"),
                        ("wawancara lusa", "says_day_after")):  # fmt: skip
        text = day_said.sub(wrong, call.text, count=1)
        drafts = tuple(replace(d, text=text) if d.channel == "call" else d for d in r.drafts)
        found = {s.rule for s in check(replace(r, drafts=drafts, lint={}))}
        assert rule in found, (wrong, found)
