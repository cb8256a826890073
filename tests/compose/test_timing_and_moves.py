"""When each message goes and what every channel carries, over invitations written for these
rules in both languages (tests/fixtures/recruiter/): working hours on every number, the close
of a script as of the call, the first day the person can attend again in every channel, the
interest in the role in a text message, a voicemail that follows the plan's order, an
Indonesian chat that opens its news with the apology, an English call that greets once and
names a cancellation. And each check of `bench/recruiter.py` for them finds what breaks it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Draft
from sopan.model.channels import registry, size_of

from .recruiter import SITUATIONS, Run, Shortfall, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
#: invitations by a recruiter's mobile, in both languages
MOBILE = [
    "id_wa_cahaya.txt",
    "id_email_graha.txt",
    "en_text_northwind.txt",
    "en_email_harbor.txt",
]
SICK = next(s for s in SITUATIONS if s.name == "sick_under_24h")
FROM_DAY = next(s for s in SITUATIONS if s.name == "reschedule_from_day")


def _run(name: str, situation: object, now: datetime = NOW) -> Run:
    path = FIXTURES / name
    found = run(path.read_bytes(), path.name, situation, now)  # type: ignore[arg-type]
    assert isinstance(found, Run), found
    return found


def _draft(r: Run, channel: str) -> Draft:
    return next(d for d in r.drafts if d.channel == channel)


def _rules(r: Run, channel: str, text: str) -> set[str]:
    drafts = tuple(replace(d, text=text) if d.channel == channel else d for d in r.drafts)
    return {s.rule for s in check(replace(r, drafts=drafts, lint={}))}


def _evening(name: str) -> Run:
    """A confirmed interview cancelled for illness the evening before (19:00 where it is)."""
    from sopan.read import read_bytes

    path = FIXTURES / name
    start = read_bytes(path.read_bytes(), now=NOW, user_tz="Asia/Jakarta", origin=name).start
    assert start is not None
    sick = replace(SICK, hours_before=5.0 + start.hour)  # 19:00 the day before
    found = _run(name, sick)
    assert found.now.hour == 19, found.now
    return found


@pytest.mark.parametrize("name", MOBILE)
def test_a_mobile_is_not_rung_in_the_evening_the_message_goes_and_the_call_waits(
    name: str,
) -> None:
    r = _evening(name)
    steps = [s.channel for s in r.plan.steps]
    calls = {s.name for s in registry().with_role("call")}
    assert steps[0] not in calls, steps  # the written message now
    assert r.plan.call_at is not None and r.plan.call_at.hour == 8
    assert r.plan.call_at.date() == r.invitation.start.date()  # type: ignore[union-attr]
    # the call step says it is made only if the message is still unread
    why = next(s.why for s in r.plan.steps if s.channel in calls)
    assert re.search(r"belum dibaca|still unread", why), why
    # the script is said then: in the morning, of an interview that day
    call = _draft(r, "call").text
    assert re.search(r"\b(?:hari ini|today)\b", call) and not re.search(r"\bbesok\b", call)
    assert "malam" not in call and "evening" not in call
    assert r.shortfalls == [], r.shortfalls


def test_a_script_closes_as_of_the_call_never_a_good_day_in_the_evening() -> None:
    # the zone is written (WIB): greeted and closed as of the call, the next morning
    r = _evening("en_text_northwind.txt")
    call = _draft(r, "call").text
    assert "Good morning" in call and call.count("Have a good morning.") == 1, call
    evening = call.replace("Have a good morning.", "Have a good evening.")
    assert "close_time_of_day" in _rules(r, "call", evening)
    # no zone told, an Indonesian mobile, the call planned for the next morning: greeted and
    # closed as of then ("Good morning"), wherever in Indonesia they are
    path = FIXTURES / "en_text_no_name_no_zone.txt"
    planned = run(path.read_bytes(), path.name, replace(SICK, hours_before=15.0), NOW)
    assert isinstance(planned, Run) and planned.shortfalls == [] and planned.plan.call_at
    morning = _draft(planned, "call").text
    assert "Good morning" in morning and "Have a good morning." in morning, morning
    # no place named either, called at once at 10:30 in Jakarta, 12:30 in Jayapura: the parts
    # of Indonesia disagree, so neither the greeting nor the close names a part of the day
    nowhere = path.read_bytes().replace(b" at our Kemang branch", b"")
    late = run(nowhere, path.name, replace(SICK, hours_before=71.5), NOW)
    assert isinstance(late, Run) and late.shortfalls == [] and late.plan.call_at is None
    assert late.now.hour == 10 and late.now.minute == 30, late.now
    neutral = _draft(late, "call").text
    close = next(ln for ln in neutral.splitlines() if "Close:" in ln)
    assert close.endswith("Thank you for your time."), close
    day = neutral.replace("Thank you for your time.", "Thank you for your time. Have a good day.")
    assert "close_time_of_day" in _rules(late, "call", day)


@pytest.mark.parametrize("name", MOBILE)
def test_a_cancellation_still_wanted_says_so_in_a_text_message_within_two_parts(
    name: str,
) -> None:
    r = _run(name, SICK)
    sms = _draft(r, "sms")
    assert re.search(r"tertarik|berminat|interested", sms.text), sms.text
    spec = registry().spec("sms")
    assert (size_of(sms.text, spec, sms.language) or 0) <= 2
    # the decision, the reason and the apology owed are all still there
    assert re.search(r"tidak dapat|membatalkan|cancel", sms.text)
    assert re.search(r"sakit|unwell", sms.text)
    assert re.search(r"(?i)maaf|sorry", sms.text)
    without = re.sub(r"[^.]*(?:tertarik|berminat|interested)[^.]*\.", "", sms.text)
    assert "interest_everywhere" in _rules(r, "sms", without)


@pytest.mark.parametrize("name", MOBILE)
def test_the_first_day_they_can_attend_is_in_every_channel_that_asks_for_a_time(
    name: str,
) -> None:
    r = _run(name, FROM_DAY)
    first = r.situation.not_before
    assert first is not None and not r.situation.alternatives
    asking = [d for d in r.drafts if d.channel in ("email", "letter", "sms", "whatsapp", "call")]
    assert len(asking) >= 3
    for d in asking:
        assert re.search(rf"\b{first.day}\b", d.text), (d.channel, d.text)
        assert re.search(r"\bmulai\b|\bfrom\b", d.text), (d.channel, d.text)
    # judged the same in every channel: none has a lint error (a call as much as a chat)
    assert all(not findings for findings in r.lint.values()), r.lint
    wa = _draft(r, "whatsapp").text
    dropped = re.sub(rf"[^.\n]*\b{first.day}\b[^.\n]*\.", "", wa)
    assert "first_day_named" in _rules(r, "whatsapp", dropped)


@pytest.mark.parametrize("name", ["id_wa_cahaya.txt", "id_email_graha.txt"])
def test_an_indonesian_chat_to_hr_opens_its_news_with_the_one_apology(name: str) -> None:
    r = _run(name, SICK)
    for channel in ("whatsapp", "sms"):
        text = _draft(r, channel).text
        news = re.search(r"tidak dapat|membatalkan", text)
        sorry = [m.start() for m in re.finditer(r"(?i)\bmaaf\b", text)]
        assert news and len(sorry) == 1 and sorry[0] < news.start(), text
        # of its kind: a confirmed interview called off at short notice
        assert "konfirmasi" in text and "mendadak" in text
    wa = _draft(r, "whatsapp").text
    plain = re.sub(r"Mohon maaf[^:,]*[:,] (?:meski [^,]*, )?s", "S", wa)
    assert plain != wa and "maaf" not in plain.lower()
    later = plain + "\n\nMohon maaf atas kabar ini."
    assert "apology_opens_news" in _rules(r, "whatsapp", later) or "one_apology" in _rules(
        r, "whatsapp", later
    )

    assert "apology_opens_news" in _rules(r, "whatsapp", plain)


def test_an_english_call_greets_once_and_calls_a_cancellation_a_cancellation() -> None:
    path = FIXTURES / "en_text_weekday_only_hr_department.txt"
    r = run(path.read_bytes(), path.name, SICK, NOW)
    assert isinstance(r, Run) and r.shortfalls == []
    call = _draft(r, "call").text
    assert "Hi, this is" not in call and "This is " in call
    assert "sorry to cancel" in call and "to change" not in call
    assert "call_greets_once" in _rules(r, "call", call.replace("This is ", "Hi, this is "))
    assert "cancel_named" in _rules(r, "call", call.replace("sorry to cancel", "sorry to change"))


def test_a_voicemail_says_the_written_message_is_sent_when_the_plan_sends_it_first() -> None:
    # an office line closed now (Sunday evening in Singapore): the e-mail goes first, the
    # call on Monday morning, and its voicemail says the e-mail is already sent
    path = FIXTURES / "en_email_ms_jang_singapore.eml"
    r = run(path.read_bytes(), path.name, SICK, NOW)
    assert isinstance(r, Run) and r.shortfalls == []
    steps = [s.channel for s in r.plan.steps]
    voicemail = next((d for d in r.drafts if d.channel == "voicemail"), None)
    if voicemail is None or "email" not in steps or "call" not in steps:
        pytest.fail(f"no e-mail and office call planned: {steps}")
    assert steps.index("email") < steps.index("call"), steps
    said = voicemail.text
    assert "I've also sent it by email." in said and "I'll" not in said, said
    promised = said.replace("I've also sent it by email.", "I'll follow up by email.")
    assert "voicemail_order" in _rules(r, "voicemail", promised)


def test_a_plan_that_rings_first_outside_working_hours_is_found() -> None:
    r = _evening("id_wa_cahaya.txt")
    calls = [s for s in r.plan.steps if registry().spec(s.channel).role == "call"]
    rung = replace(r.plan, steps=(*calls, *[s for s in r.plan.steps if s not in calls]),
                   call_at=None)  # fmt: skip
    found: list[Shortfall] = check(replace(r, plan=rung, lint={}))
    assert "working_hours" in {s.rule for s in found}


@pytest.mark.parametrize("name", ["id_wa_cahaya.txt", "en_whatsapp_lagos.txt"])
def test_a_call_planned_off_hours_or_too_close_to_the_interview_is_found(name: str) -> None:
    r = _evening(name)  # a call planned at 08:00 for an interview at 10:00: in time
    start = r.invitation.start
    assert r.plan.call_at is not None and start is not None and r.shortfalls == []

    def rules(at: datetime) -> set[str]:
        return {s.rule for s in check(replace(r, plan=replace(r.plan, call_at=at), lint={}))}

    assert "call_before_start" in rules(start)  # at the interview's own start
    assert "call_before_start" in rules(start.replace(hour=9, minute=30))
    assert "call_in_hours" in rules(start.replace(hour=7))  # before the office opens
    assert "call_in_hours" in rules(r.now.replace(hour=20))  # the evening before
    assert not rules(start.replace(hour=9)) & {"call_in_hours", "call_before_start"}


@pytest.mark.parametrize("name", ["id_wa_cahaya.txt", "en_text_northwind.txt"])
def test_a_missed_interview_asked_again_names_the_first_day_too(name: str) -> None:
    missed = _run(name, replace(FROM_DAY, hours_before=-3.0))  # three hours after it began
    first = missed.situation.not_before
    assert first is not None
    for channel in ("whatsapp", "sms"):
        text = _draft(missed, channel).text
        assert re.search(rf"\b{first.day}\b", text) and re.search(r"\bmulai\b|\bfrom\b", text), (
            channel,
            text,
        )
    assert missed.shortfalls == [], missed.shortfalls


def test_an_american_number_is_answered_by_text_message_and_whatsapp_there_is_found() -> None:
    # "Please reply YES/NO … +1 646 555 0142": a text message, the usual way to write to an
    # American mobile (data/plan/chats.yaml), never a WhatsApp nobody asked for
    r = _run("en_text_one_line_est_yes_no.txt", SITUATIONS[0])
    chats = [s.channel for s in r.plan.steps if registry().spec(s.channel).kind == "chat"]
    assert chats == ["sms"] and r.shortfalls == [], (chats, r.shortfalls)
    sms = next(d for d in r.planned_drafts if d.channel == "sms")
    assert sms.text.startswith("NO"), sms.text  # the format it asked for, filled
    wa = tuple(replace(s, channel="whatsapp") if s.channel == "sms" else s for s in r.plan.steps)
    found = {s.rule for s in check(replace(r, plan=replace(r.plan, steps=wa), lint={}))}
    assert "usual_chat" in found
