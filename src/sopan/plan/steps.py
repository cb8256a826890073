"""The plan's steps — the messages to send, in order — and its checklist (R2, R2.1 vs C1,
C2.1, C3, R7–R10)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from sopan.language.dateforms import when_text
from sopan.language.words import Words
from sopan.model import Action, Channel, Invitation, Note, Situation, Step, Urgency
from sopan.plan.owed import is_past
from sopan.plan.reach import (
    calendar_answer,
    leaves_voicemail,
    reachable,
    recipient_email,
    written_medium,
)
from sopan.read.words import asks_for_portfolio, asks_portal, portal_link
from sopan.read.words import office_hours as stated_hours

if TYPE_CHECKING:
    from sopan.model.channels import Registry

#: the step that answers on the portal an invitation asks to confirm on: no message is drafted
#: for it (the portal takes the answer), so it is no channel of data/channels/
PORTAL = "portal"

#: reasons that already say "not this job" (R4.2)
SETTLED_REASONS = ("accepted-offer", "not-a-fit")


def may_want_job(sit: Situation) -> bool:
    """Whether the user may still want this job (C0).

    Having taken another offer, or finding the role not a fit, already says "not this job"
    (R4.2): only an explicit --interest yes overrides such a reason.
    """
    if sit.interest == "unsure":
        return sit.reason not in SETTLED_REASONS
    return sit.interest == "yes"


def _who(inv: Invitation, w: Words, address: str | None) -> str:
    """The person to reach, with the number or address to use: named as the written drafts
    name them, with the honorific they give or guess ("Ibu Dewi Lestari", R3), else the
    recruiter at the company."""
    from sopan.compose.address import addressing
    from sopan.model.names import LANGUAGES

    # the drafts are written in the invitation's language, whatever the plan's
    found = addressing(inv, inv.language if inv.language in LANGUAGES else w.language)
    name = found.block if found.person and found.block else inv.contact.name
    name = name or w.name("the_recruiter")
    if inv.company and not inv.contact.name:
        name = w.text("names", "recruiter_at", company=inv.company)
    return f"{name} ({address})" if address else name


#: working hours where the recruiter is: Monday to Friday, 08:00 to 17:00 unless the invitation
#: writes its own (`office_hours`), and the interview's own day (a recruiter who holds
#: interviews on a Saturday is at work that Saturday). An office line called outside them rings
#: in an empty room; a recruiter's mobile rung in the evening or at the weekend reaches a person
#: off work — the written message goes then, and the call waits for the next working morning
#: (R2.2)
OFFICE_OPENS, OFFICE_CLOSES = time(8, 0), time(17, 0)
WORKDAYS = 5
#: a call to say one will not come is of use only this long before the interview at the latest:
#: later the recruiter is already preparing for it or on their way, and a call planned for
#: then (the office's opening at the interview's own start) is no longer worth waiting for —
#: the written message goes now instead (R2.2)
CALL_AHEAD = timedelta(hours=1)


def mobile_line(inv: Invitation) -> bool:
    """Whether the number to call is a mobile a person carries (the one written, or the one a
    chat came from), not an office line."""
    from sopan.language.phones import is_mobile
    from sopan.plan.reach import asks_call_here

    if inv.contact.phone:
        return is_mobile(inv.contact.phone)
    return asks_call_here(inv)


def recruiter_zone(inv: Invitation, own: str | None = None) -> tzinfo | None:
    """The zone the recruiter keeps their working hours in: the interview's (as the plan shows
    it: a calendar's time in UTC alone in the zone `calendar_zone` chose, `own` being the
    person's zone); None when it is unknown."""
    from zoneinfo import ZoneInfo

    from sopan.plan import calendar_zone

    shown = calendar_zone(inv, own)
    if shown is not None and shown not in ("UTC", "Etc/UTC"):
        return ZoneInfo(shown)
    if inv.start is not None and inv.start.tzinfo is not None:
        return inv.start.tzinfo
    if inv.timezone:
        try:
            return ZoneInfo(inv.timezone)
        except (KeyError, ValueError):
            return None
    return None


def _interview_day(inv: Invitation, zone: tzinfo) -> date | None:
    """The interview's calendar day where the recruiter is, when known."""
    if inv.start is not None:
        return inv.start.astimezone(zone).date()
    return inv.day


def office_hours(inv: Invitation) -> tuple[time, time]:
    """When the recruiter's office opens and closes: as the invitation writes it ("Mon-Fri,
    9am-6pm", "jam kerja 07.30–15.30"), else 08:00 to 17:00 (R2.2)."""
    return stated_hours(inv.text or "") or (OFFICE_OPENS, OFFICE_CLOSES)


def working(moment: datetime, inv: Invitation) -> bool:
    """Whether `moment` (in the recruiter's zone) is within their working hours: a weekday, or
    the interview's own day, between opening and closing (R2.2)."""
    working_day = moment.weekday() < WORKDAYS or moment.date() == _interview_day(
        inv, moment.tzinfo or UTC
    )
    opens, closes = office_hours(inv)
    return working_day and opens <= moment.time() < closes


def office_opens(inv: Invitation, now: datetime | None, own: str | None = None) -> datetime | None:
    """When the recruiter's number is next answered within working hours, if `now` is outside
    them (a weekend or an evening where the recruiter is: the interview's zone), for an office
    line and a mobile alike; None when it is within them, when there is no number, or when
    their zone is unknown."""
    from sopan.plan.reach import can_call

    if now is None or not can_call(inv):
        return None
    zone = recruiter_zone(inv, own)
    if zone is None:
        return None
    local = now.astimezone(zone)
    if working(local, inv):
        return None
    opens = office_hours(inv)[0]
    day = local.date() if local.time() < opens else local.date() + timedelta(days=1)
    interview = _interview_day(inv, zone)
    while day.weekday() >= WORKDAYS and day != interview:
        day += timedelta(days=1)
    return datetime.combine(day, opens, zone)


def call_deadline(inv: Invitation, own: str | None = None) -> datetime | None:
    """The last moment a call to say one will not come is still of use: `CALL_AHEAD` before
    the interview starts (before its day's opening when only its day is known: it may start
    then). None when neither is known."""
    zone = recruiter_zone(inv, own)
    if inv.start is not None:
        return inv.start - CALL_AHEAD
    if inv.day is not None and zone is not None:
        return datetime.combine(inv.day, office_hours(inv)[0], zone) - CALL_AHEAD
    return None


def too_late_to_call(inv: Invitation, opens: datetime | None, own: str | None = None) -> bool:
    """Whether the next working hours (`opens`) begin too close to the interview, or after it
    has begun, for a call to be of use: the written message goes now instead (R2.2)."""
    deadline = call_deadline(inv, own)
    return opens is not None and deadline is not None and opens > deadline


def call_time(
    inv: Invitation, steps: tuple[Step, ...], now: datetime, own: str | None = None
) -> datetime | None:
    """When the plan's call is made, if not at once: a number outside working hours `now` is
    called when they begin (R2.2), and what is said on it (the greeting, "today" or
    "tomorrow") is said then. None when the plan has no call, or the call is made now."""
    from sopan.model.channels import registry

    calls = {s.name for s in registry().with_role("call")}
    if not any(step.channel in calls for step in steps):
        return None
    return office_opens(inv, now, own)


def with_event(w: Words, inv: Invitation) -> Words:
    """The plan's words with the event at hand as the drafts name it, so a step or a warning
    speaks of a "tes tertulis dan wawancara", not of an interview: `event` in a sentence,
    `event_own` named once more ("wawancaranya")."""
    from sopan.compose.facts import event_facts

    facts = event_facts(inv.event, w.language)
    return w.with_values(event=facts["event"], event_own=facts["event_own"])


def channel_steps(
    inv: Invitation,
    sit: Situation,
    action: Action,
    urgency: Urgency,
    w: Words,
    now: datetime | None = None,
    own: str | None = None,
    home: str = "",
) -> tuple[Step, ...]:
    """The ordered messages to send (R2, R2.1 vs C1, C2.1, C3, calendar replies); which
    channel plays which part is each channel's `role` in data/channels/. No number is called
    first outside working hours: the written message goes first, and the call waits for the
    next working morning (to a mobile, only if the message is still unread) — unless that
    morning comes too close to the interview, or after it began: then no call is planned and
    the written message is how they hear it (`own`: the person's zone, R2.2). A chat is the
    one usual where the recruiter is (`home`: the person's country, `usual_chat`)."""
    from sopan.model.channels import registry

    w = with_event(w, inv)

    known = registry()
    opens = office_opens(inv, now, own)
    contact = _who(inv, w, inv.contact.phone)
    reach = reachable(inv, home)  # the phone number is parsed once for every step
    medium, medium_key = written_medium(inv, reach, home)
    medium_values = {
        "medium": w.name("channel", medium) if medium else "",
        "medium_reason": w.text("medium", medium_key, address=recipient_email(inv) or ""),
    }
    call = next((s for s in known.with_role("call") if s.name in reach), None)
    steps: list[Step] = []
    past = is_past(inv, urgency)
    # a day after the interview a call no longer comes first: a written apology does (C0)
    long_past = past and (urgency.hours_left is None or urgency.hours_left <= -24)
    urgent = sit.confirmed or urgency.level in ("late", "past")
    portal = asks_portal(inv.text) and not past
    # the next working hours begin too close to the interview for a call to be of use
    no_call_time = not past and too_late_to_call(inv, opens, own)
    if portal:
        # "silahkan login ke web untuk melakukan konfirmasi": the answer the recruiter's system
        # records is given there, first; the written reply below says it in words (R2.1)
        portal_at = portal_link(inv.text)
        where = w.text("portal", "at", link=portal_at) if portal_at else ""
        said = w.text("portal", action)
        steps.append(w.step(PORTAL, "portal", where=where, answer=said))
    if long_past and medium is not None:
        steps.append(w.step(medium, "written_missed", **medium_values))
        if call is not None:
            steps.append(w.step(call.name, "call_optional"))
    elif call is not None and opens is not None and (urgent or medium is None):
        # the office is closed: write now (when a written channel reaches them), call when
        # it opens, never "call first" into an empty office
        # its zone named as people know it ("SGT", never "+08")
        when = when_text(opens, getattr(opens.tzinfo, "key", None), w.language, short=True)
        mobile = mobile_line(inv)
        if medium is not None and no_call_time:
            # working hours begin again only at the interview, or just before it: the written
            # message goes now, and no call is planned for a time it would be of no use (R2.2)
            steps.append(w.step(medium, "written_no_call_time", when=when, **medium_values))
            steps += _text_step(known, reach, medium, w, medium_values)
        else:
            if medium is not None:
                closed = "written_after_hours" if mobile else "written_office_closed"
                key = closed if urgent else "written_reply"
                steps.append(w.step(medium, key, **medium_values))
            # a mobile is rung next morning only if the message is unread; an office line is
            # called when it opens (with no written way to them, the call is the only one)
            again = "call_unread_morning" if mobile and medium is not None else "call_office_opens"
            steps.append(w.step(call.name, again, contact=contact, when=when))
            if call.unanswered and leaves_voicemail(inv):
                steps.append(w.step(call.unanswered, "voicemail"))
    elif call is not None and (urgent or medium is None or past):
        if past:
            steps.append(w.step(call.name, "call_past", contact=contact))
        elif urgency.level == "late":
            steps.append(w.step(call.name, "call_late", contact=contact))
        elif sit.confirmed:
            steps.append(w.step(call.name, "call_confirmed", contact=contact))
        else:
            steps.append(w.step(call.name, "call_landline", contact=contact))
        if call.unanswered and leaves_voicemail(inv):
            steps.append(w.step(call.unanswered, "voicemail"))
        elif medium is not None or any(t.name in reach for t in known.with_role("text")):
            # an Indonesian mobile rarely has voicemail: the written message follows at once
            steps.append(w.step(call.name, "call_unanswered_text"))
        if medium is not None:
            steps.append(w.step(medium, "written_confirm", **medium_values))
        steps += _text_step(known, reach, medium, w, medium_values)
    elif medium is not None:
        key = "written_urgent" if urgent else ("written_portal" if portal else "written_reply")
        steps.append(w.step(medium, key, **medium_values))
        if call is not None and not no_call_time:
            steps.append(w.step(call.name, "call_optional"))
    # an interview already past has no calendar answer: the apology carries the news
    answer = None if past else calendar_answer(inv, sit, action)
    if answer is not None:
        steps += [w.step(s.name, answer) for s in known.with_role("calendar") if s.name in reach]
    steps += [w.step(s.name, "linkedin") for s in known.with_role("connect") if s.name in reach]
    return tuple(steps)


def _text_step(
    known: Registry,
    reach: frozenset[Channel],
    medium: Channel | None,
    w: Words,
    medium_values: dict[str, str],
) -> list[Step]:
    """A short text message beside a written reply that is no chat (an e-mail), so the news
    reaches a mobile before the e-mail is read (C2.1); none when the reply is a chat already."""
    medium_kind = known.spec(medium).kind if medium else None
    if medium_kind == "chat":  # a chat message already is the text
        return []
    for text in known.with_role("text"):
        if text.name in reach:
            label = text.label_in(w.language)
            return [w.step(text.name, "sms", medium_text=label, **medium_values)]
    return []


def make_checklist(
    inv: Invitation,
    sit: Situation,
    action: Action,
    w: Words,
    steps: tuple[Step, ...] = (),
) -> tuple[Note, ...]:
    """What to do after sending (R7, R7.1, R8, R8.1, C3, R9–R10), each line only where it
    fits and never a step again: a reminder to follow up only while an answer is awaited; the
    CV only when one is attached, a portfolio only when the invitation asks for one; the LinkedIn
    request only when no step sends it; no job-search line (R9, R10) after the person took
    another offer, nor while they still hope to be rescheduled for this role (a cancellation
    they remain interested in does not end the candidacy); hiding posts while a candidacy goes
    on (the recruiter will look them up); a course when the role was not a fit."""
    contact = _who(inv, w, inv.contact.email or inv.contact.phone)
    items = [w.note("checklist", "r81_review")]
    if inv.reference:
        items.append(w.note("checklist", "r8_reference", reference=inv.reference))
    # a reminder to follow up only while an answer is awaited (a new time, an online interview,
    # a cancelled interview set again); after a decline or a withdrawal there is none to await
    awaits = action in ("reschedule", "online") or (action == "cancel" and sit.interest == "yes")
    items.append(w.note("checklist", "r7_follow_up" if awaits else "r7_record", contact=contact))
    if sit.attachments:
        # the CV line only when the reply carries one (--attach), as the drafts do
        portfolio = asks_for_portfolio(inv.text or "")
        items.append(w.note("checklist", "r71_cv_portfolio" if portfolio else "r71_cv"))
    # a step that already sends the connection note makes the checklist line redundant (C3)
    from sopan.model.channels import registry

    connects = {c.name for c in registry().with_role("connect")}
    if not any(s.channel in connects for s in steps):
        items.append(w.note("checklist", "c3_linkedin"))
    searching = sit.reason != "accepted-offer"  # after accepting another offer it is over
    # a cancellation by someone who still wants the job hopes for a new date: not over (C0)
    ends = action in ("decline", "cancel") and sit.interest != "yes"
    if searching and ends:
        items.append(w.note("checklist", "r9_profiles"))
    if searching:
        items.append(w.note("checklist", "r91_linkedin"))
    if searching and not ends:
        items.append(w.note("checklist", "r92_private"))
    if searching and ends:
        # no "it is only one interview" consolation: declining is the person's own choice
        items.append(w.note("checklist", "r101_vacancies"))
        if sit.reason == "not-a-fit":
            items.append(w.note("checklist", "r102_learning"))
        items.append(w.note("checklist", "r103_network"))
    return tuple(items)
