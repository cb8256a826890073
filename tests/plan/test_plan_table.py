"""The plan policy over a table of situations, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from sopan.model import Ambiguity, Busy, Contact, Invitation, Plan, Profile, Situation
from sopan.plan import make_plan

WIB = timezone(timedelta(hours=7))
# a Thursday afternoon: every "now" the table counts back to falls in office hours, where
# calling the office line first is the plan (an office called after hours is its own test)
START = datetime(2026, 12, 3, 14, 0, tzinfo=WIB)
END = START + timedelta(hours=1)

BASE_INV = Invitation(
    language="id",
    source="email",
    company="PT Sinar Harapan Teknologi",
    position="Analis Data",
    start=START,
    end=END,
    mode="onsite",
    location="Jl. Asia Afrika No. 8, Bandung",
    contact=Contact(name="Ibu Sari", email="hr@sinar.example", phone="+62 22 555 0101"),
    message_id="<inv-1@sinar.example>",
)
BASE_PROFILE = Profile(name="Rina Kartika Sari", city="Bandung")


@dataclass(frozen=True)
class Case:
    name: str
    hours: float | None  # hours from now until the interview starts; None: no start
    sit: dict[str, Any]
    action: str
    first: str
    ids: frozenset[str]
    inv: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)
    busy: tuple[Busy, ...] = ()
    absent: frozenset[str] = frozenset()
    level: str | None = None
    channels: tuple[str, ...] | None = None
    recommendation: str | None = None


def ids(*names: str) -> frozenset[str]:
    return frozenset(names)


def busy(start_h: float, end_h: float, summary: str = "Rapat") -> Busy:
    return Busy(START + timedelta(hours=start_h), START + timedelta(hours=end_h), summary)


NO = {"intent": "decline", "interest": "no"}
RS = {"intent": "reschedule", "interest": "yes"}
# fmt: off
CASES = [
    Case("decline_not_interested_unconfirmed", 72, NO, "decline", "email",
         ids("R2.1", "R2.2", "C3", "R7", "R8.1", "R9", "R9.1", "R10.1", "R10.3"),
         # no posts to hide once the candidacy ends; a course only when the role was no fit;
         # no "only one interview" consolation for a choice the person made (R10)
         absent=ids("C0", "R7.1", "R9.2", "R10", "R10.2"), level="ok",
         channels=("email", "call", "linkedin")),
    Case("decline_not_a_fit_suggests_a_course", 72,
         {"intent": "decline", "interest": "no", "reason": "not-a-fit"}, "decline", "email",
         ids("R9", "R10.1", "R10.2")),
    # a candidacy that goes on: the recruiter will look them up, so the posts matter
    Case("reschedule_keeps_posts_in_check", 72, RS, "reschedule", "email",
         ids("R9.1", "R9.2"), absent=ids("R7.1", "R10", "R10.2")),
    # no intent chosen: the plan follows its recommendation (C0) and says why
    Case("unsure_without_intent_reschedules", 72, {}, "reschedule", "email",
         ids("C0", "R5"), absent=ids("R10")),
    # an explicit intent is never replaced: the recommendation is shown with its why
    Case("decline_unsure_stays_decline_with_advice", 72, {"intent": "decline"}, "decline",
         "email", ids("C0"), recommendation="reschedule"),
    Case("accepted_offer_decline_stays_decline", 72,
         {"intent": "decline", "reason": "accepted-offer"}, "decline", "email",
         ids("R2.1"),  # the search is over: no job-search line
         absent=ids("C0", "R7.1", "R9", "R9.1", "R9.2", "R10", "R10.1", "R10.2", "R10.3")),
    Case("not_a_fit_cancel_stays_cancel", 72,
         {"intent": "cancel", "reason": "not-a-fit", "confirmed": True}, "cancel", "call",
         ids("C1", "C2.1"), absent=ids("C0")),
    Case("accepted_offer_interested_without_intent_reschedules", 72,
         {"reason": "accepted-offer", "interest": "yes"}, "reschedule", "email", ids("C0", "R5")),
    Case("cancel_interested_confirmed_keeps_cancel", 72,
         {"intent": "cancel", "interest": "yes", "confirmed": True}, "cancel", "call",
         ids("C0", "C1", "C2.1", "R2.1"), recommendation="reschedule"),
    # the contact's number is an office landline: a call, never a text message to it
    Case("cancel_not_interested_confirmed", 72,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "call",
         ids("C1", "C2.1", "R2.1", "C3"), absent=ids("C0"),
         channels=("call", "voicemail", "email", "linkedin")),
    Case("confirmed_cancel_texts_a_mobile", 72,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "call",
         ids("C1", "C2.1", "R2.1", "C3"),
         inv={"contact": Contact(name="Ibu Sari", email="hr@x.example", phone="0812 1111 2222")},
         # an Indonesian mobile rarely has voicemail: the written messages follow the call
         channels=("call", "call", "email", "sms", "linkedin")),
    Case("confirmed_cancel_leaves_voicemail_abroad", 72,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "call",
         ids("C1", "C2.1", "R2.1", "C3"),
         inv={"contact": Contact(name="Sam Lee", email="hr@x.example", phone="+44 7911 123456")},
         channels=("call", "voicemail", "email", "sms", "linkedin")),
    Case("confirmed_with_no_number_writes_at_once", 72,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "email",
         ids("R2", "C3"),
         inv={"contact": Contact(name="Ibu Sari", email="hr@x.example")},
         channels=("email", "linkedin")),
    Case("exactly_48h_is_ok", 48, NO, "decline", "email", ids("R2.1"), level="ok",
         absent=ids("R2")),
    Case("just_under_48h_is_soon", 47.99, NO, "decline", "email", ids("R2.1"), level="soon"),
    Case("exactly_24h_is_soon_not_late", 24, NO, "decline", "email", ids("R2.1"), level="soon",
         absent=ids("R2")),
    Case("one_minute_under_24h_is_late", 24 - 1 / 60, NO, "decline", "call",
         ids("R2", "C2.1", "R2.1"), level="late"),
    Case("late_and_confirmed_calls_for_lateness", 5,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "call",
         ids("R2", "C2.1"), level="late"),
    Case("exactly_at_start_is_past", 0, NO, "decline", "call", ids("R2"), level="past"),
    Case("after_start_is_past", -2, {"intent": "cancel", "interest": "no"}, "cancel", "call",
         ids("R2", "C2.1"), level="past"),
    Case("no_start_is_unknown", None, NO, "decline", "email", ids("R1", "R2.1"),
         level="unknown"),
    Case("reply_deadline_passed", 72, NO, "decline", "email", ids("R2"),
         inv={"reply_by": START - timedelta(hours=80)}),
    Case("ics_decline_gets_calendar_reply", 72, NO, "decline", "email", ids("R2.1"),
         inv={"source": "ics", "uid": "abc-123@calendar", "message_id": None},
         channels=("email", "call", "calendar", "linkedin")),
    # a reschedule with no concrete time has no calendar answer: the email asks (never a
    # DECLINED reply to a reschedule)
    Case("ics_reschedule_without_a_time_has_no_calendar_answer", 72,
         {"intent": "reschedule", "interest": "yes"}, "reschedule", "email", ids("R2.1", "R5"),
         inv={"source": "ics", "uid": "abc-123@calendar"},
         channels=("email", "call", "linkedin")),
    Case("ics_that_asks_no_answer_gets_none", 72, NO, "decline", "email", ids("R2.1"),
         inv={"source": "ics", "uid": "abc-123@calendar", "rsvp": False},
         channels=("email", "call", "linkedin")),
    Case("uid_without_ics_source_still_calendar", 72, NO, "decline", "email", ids("R2.1"),
         inv={"uid": "evt-9@hr.example"}, channels=("email", "call", "calendar", "linkedin")),
    Case("pasted_chat_with_phone_replies_in_whatsapp", 72, NO, "decline", "whatsapp",
         ids("R2.1"),
         inv={"source": "text", "message_id": None, "contact": Contact(phone="0812 1111 2222")}),
    Case("confirmed_chat_cancel_needs_no_extra_sms", 72,
         {"intent": "cancel", "interest": "no", "confirmed": True}, "cancel", "call",
         ids("C1", "C2.1"),
         inv={"source": "text", "message_id": None, "contact": Contact(phone="0812 1111 2222")},
         channels=("call", "call", "whatsapp")),  # no person named: no LinkedIn note
    Case("pasted_text_with_only_email", 72, NO, "decline", "email", ids("R2.1"),
         inv={"source": "text", "message_id": None, "contact": Contact(email="hr@x.example")}),
    Case("far_interview_interested_asks_online", 72, {"interest": "yes"},
         "online", "email", ids("R1.2"), absent=ids("C0"),
         inv={"location": "Gedung Cyber 2, Jl. Rasuna Said, Jakarta Selatan"},
         profile={"city": "Surabaya"}),
    Case("far_interview_decline_gets_online_advice", 72, {"intent": "decline", "interest": "yes"},
         "decline", "email", ids("R1.2"), absent=ids("C0"), recommendation="online",
         inv={"location": "Gedung Cyber 2, Jl. Rasuna Said, Jakarta Selatan"},
         profile={"city": "Surabaya"}),
    Case("far_interview_not_interested_declines", 72, NO, "decline", "email", ids("R2.1"),
         absent=ids("R1.2"), inv={"location": "Jl. Sudirman 1, Jakarta"},
         profile={"city": "Surabaya"}),
    Case("far_interview_reschedule_hints_online", 72,
         {"intent": "reschedule", "interest": "yes"}, "reschedule", "email", ids("R1.2", "R5"),
         inv={"city": "Makassar"}, profile={"city": "Bandung"}),
    Case("too_far_reason_without_distance_asks_online", 72,
         {"reason": "too-far"}, "online", "email", ids("R1.2"),
         inv={"mode": None, "location": None}),
    Case("unknown_interview_city_says_so", 72, RS, "reschedule", "email",
         ids("R1.2"), inv={"city": "Atlantis"}),
    Case("unknown_location_on_site_says_so", 72, RS, "reschedule", "email",
         ids("R1.2"), inv={"location": "Gedung Menara Biru lantai 5"}),
    Case("no_home_city_says_so", 72, RS, "reschedule", "email", ids("R1.2"),
         profile={"city": None}),
    Case("declining_needs_no_travel_estimate", 72, NO, "decline", "email", ids("R2.1"),
         absent=ids("R1.2"), inv={"city": "Atlantis"}),
    Case("online_interview_needs_no_travel", 72, {}, "reschedule", "email",
         ids("C0"), absent=ids("R1.2"),
         inv={"mode": "online", "location": None, "meeting_link": "https://meet.example/x"}),
    Case("calendar_clash", 72, NO, "decline", "email", ids("R1.1"),
         busy=(busy(0.5, 2, "Presentasi klien"),)),
    Case("clash_only_through_travel", 72, NO, "decline", "email", ids("R1.1"),
         inv={"location": "Jl. Thamrin 10, Jakarta Pusat"}, busy=(busy(-2.5, -1.5),)),
    Case("interview_itself_in_calendar_is_no_clash", 72, NO, "decline", "email", ids("R2.1"),
         absent=ids("R1.1"), busy=(busy(0, 1, "Interview"),)),
    Case("schedule_conflict_reason_but_no_clash", 72,
         {**NO, "reason": "schedule-conflict"}, "decline", "email", ids("R4.1"),
         busy=(busy(30, 31),)),
    Case("schedule_conflict_full_detail_needs_context", 72,
         {**NO, "reason": "schedule-conflict", "detail": "full"}, "decline", "email",
         ids("R4.1")),
    Case("health_full_detail_is_private", 72, {**NO, "reason": "health", "detail": "full"},
         "decline", "email", ids("C2")),
    Case("health_brief_is_fine", 72, {**NO, "reason": "health", "detail": "brief"},
         "decline", "email", ids("R2.1"), absent=ids("C2")),
    Case("other_reason_without_text", 72, {**NO, "reason": "other"}, "decline", "email",
         ids("R4")),
    Case("other_reason_with_text", 72, {**NO, "reason": "other", "reason_text": "Pindah studi"},
         "decline", "email", ids("R2.1"), absent=ids("R4")),
    Case("accepted_offer_naming_employer", 72,
         {**NO, "reason": "accepted-offer", "new_employer": "PT Lain"}, "decline", "email",
         ids("R4.2")),
    Case("reference_number_in_checklist", 72, NO, "decline", "email", ids("R8"),
         inv={"reference": "HRD/2026/117"}),
    Case("reschedule_with_alternatives_needs_no_slot_hint", 72,
         {"intent": "reschedule", "interest": "yes", "alternatives_text": ("Kamis pagi",)},
         "reschedule", "email", ids("R7"), absent=ids("R5", "C0")),
    # the CV line only when one is attached (R7.1): the reply carries it
    Case("reschedule_with_a_cv_attached", 72,
         {"intent": "reschedule", "interest": "yes", "attachments": ("cv.pdf",)},
         "reschedule", "email", ids("R7.1"), absent=ids("C0")),
    Case("too_far_but_already_online_reschedules", 72,
         {"reason": "too-far"}, "reschedule", "email", ids("C0"),
         absent=ids("R1.2"), inv={"mode": "online", "location": None}),
    Case("intent_online_kept", 72, {"intent": "online", "interest": "yes"}, "online", "email",
         ids("R7"), absent=ids("C0", "R7.1")),
    Case("ambiguous_fields_warned", 72, NO, "decline", "email", ids("R1"),
         inv={"ambiguous": (Ambiguity("start", ("2026-12-01T09:00", "2026-01-12T09:00")),)}),
]
# fmt: on


def run(case: Case, lang: str) -> Plan:
    inv = replace(BASE_INV, **case.inv)
    if case.hours is None:
        inv = replace(inv, start=None, end=None)
    now = START - timedelta(hours=case.hours if case.hours is not None else 100)
    profile = replace(BASE_PROFILE, **case.profile)
    return make_plan(inv, Situation(**case.sit), profile, now=now, busy=case.busy, lang=lang)


def used_ids(plan: Plan) -> set[str]:
    return {x.guideline for x in (*plan.steps, *plan.checklist, *plan.warnings)}


def test_table_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_plan_table(case: Case, lang: str) -> None:
    plan = run(case, lang)
    assert plan.action == case.action
    assert plan.recommendation == case.recommendation
    assert plan.steps[0].channel == case.first
    assert case.ids <= used_ids(plan), f"missing {case.ids - used_ids(plan)}"
    assert not (case.absent & used_ids(plan)), f"unexpected {case.absent & used_ids(plan)}"
    if case.level is not None:
        assert plan.urgency.level == case.level
    if case.channels is not None:
        assert tuple(s.channel for s in plan.steps) == case.channels
    assert plan.language == lang
    assert all(s.why and s.guideline for s in plan.steps)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_both_languages_decide_alike(case: Case) -> None:
    a, b = run(case, "id"), run(case, "en")
    assert (a.action, a.urgency, a.conflicts) == (b.action, b.urgency, b.conflicts)
    assert [(s.channel, s.guideline) for s in a.steps] == [
        (s.channel, s.guideline) for s in b.steps
    ]
    assert [n.guideline for n in a.warnings] == [n.guideline for n in b.warnings]
    assert [n.guideline for n in a.checklist] == [n.guideline for n in b.checklist]
    assert [s.why for s in a.steps] != [s.why for s in b.steps]


def test_table_covers_every_guideline_the_plan_serves() -> None:
    covered = set().union(*(c.ids for c in CASES))
    needed = {"R1", "R1.1", "R1.2", "R2", "R2.1", "R2.2", "C0", "C1", "C2", "C2.1", "C3", "R4",
              "R4.1", "R4.2", "R5", "R7", "R7.1", "R8", "R8.1", "R9", "R9.1", "R9.2",
              "R10.1", "R10.2", "R10.3"}  # fmt: skip
    assert needed <= covered, needed - covered
