"""The policy: what to do about one invitation, how, and by when (issue: the plan).

Pure functions over values; `now` and the busy times are passed in. Every step,
warning and checklist item names the guideline it serves, and its words come from
`data/plan/<lang>.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from email.utils import parseaddr

from sopan.language.dateforms import fixed
from sopan.language.places import Travel, estimate_travel, find_place, find_place_in
from sopan.language.words import Words, load_words
from sopan.model import (
    Action,
    Busy,
    Channel,
    Invitation,
    Note,
    Plan,
    Profile,
    Situation,
    Step,
    Urgency,
    interview_length,
)

LATE_HOURS = 24.0
SOON_HOURS = 48.0
PRIVATE_REASONS = ("health", "personal")
SETTLED_REASONS = ("accepted-offer", "not-a-fit")


def earliest_start(inv: Invitation, user_tz: str) -> datetime | None:
    """The start, or when only the day is known, the first moment of that day: the time
    left is then counted to the earliest the interview can be, never later."""
    if inv.start is not None or inv.day is None:
        return inv.start
    from zoneinfo import ZoneInfo

    return datetime.combine(inv.day, datetime.min.time(), ZoneInfo(inv.timezone or user_tz))


def urgency_of(start: datetime | None, now: datetime) -> Urgency:
    """Hours left and level: ok ≥ 48 h, soon 24–48 h, late < 24 h, past from the start on."""
    if start is None:
        return Urgency(None, "unknown")
    hours = (start - now).total_seconds() / 3600
    if hours <= 0:
        level = "past"
    elif hours < LATE_HOURS:
        level = "late"
    elif hours < SOON_HOURS:
        level = "soon"
    else:
        level = "ok"
    return Urgency(round(hours, 2), level)  # type: ignore[arg-type]


def recipient_email(inv: Invitation) -> str | None:
    """The address a written reply goes to: the thread's Reply-To, the contact, the organizer."""
    return inv.reply_to or inv.contact.email or inv.organizer or None


def reachable(inv: Invitation) -> frozenset[Channel]:
    """The channels that can reach the recruiter, as each channel's spec says what it needs
    (`reach` in data/channels/): an e-mail address, a mobile number (an office landline takes
    no text message), any phone number, a calendar invitation, or nothing at all (a letter, a
    LinkedIn note). A pasted chat with no number is answered in the chat it came from."""
    from sopan.language.phones import is_mobile
    from sopan.model.channels import registry

    have = {"anyone"}
    if recipient_email(inv):
        have.add("email")
    if inv.contact.phone:
        have.add("phone")
        if is_mobile(inv.contact.phone):
            have.add("mobile")
    if inv.uid:
        have.add("calendar")
    out = {s.name for s in registry().specs if s.reach in have}
    chat = _pasted_chat(inv)
    if chat is not None:
        out.add(chat)
    return frozenset(out)


def _pasted_chat(inv: Invitation) -> Channel | None:
    """The chat a pasted message with no number and no address came in, answered there."""
    if inv.source != "text" or inv.subject or inv.message_id or inv.contact.phone:
        return None
    if recipient_email(inv):
        return None
    return _chat_it_came_by(inv, None)


def _chat_it_came_by(inv: Invitation, reach: frozenset[Channel] | None) -> Channel | None:
    """The chat channel the invitation came through: the one whose words it carries (a
    wa.me link, "Telegram"), else the first chat that replies in plans; only among `reach`
    when given."""
    from sopan.model.channels import registry

    chats = [
        s for s in registry().with_role("reply") if s.kind == "chat"
        and (reach is None or s.name in reach)
    ]  # fmt: skip
    text = inv.text.lower()
    said = [s for s in chats if any(word in text for word in s.came_by)]
    found = said[0] if said else (chats[0] if chats else None)
    return found.name if found else None


def written_medium(
    inv: Invitation, reach: frozenset[Channel] | None = None
) -> tuple[Channel | None, str]:
    """The written channel to answer in (R2.1), and the key of the reason it was chosen.

    Email and calendar invitations are answered by email (in the same thread). Pasted text
    carries no headers, so its medium is inferred: a subject or message id means a copied
    email; otherwise a mobile number means a chat (the one it came by), an email address
    means email, an office landline alone means no written channel (None: phone them), and
    nothing at all means the chat it was pasted from.
    """
    from sopan.model.channels import registry

    reach = reachable(inv) if reach is None else reach
    mail = next((s.name for s in registry().with_role("reply") if s.reach == "email"), None)
    if inv.source in ("email", "ics") and mail is not None:
        return mail, inv.source
    if (inv.subject or inv.message_id) and mail in reach:
        return mail, "email"
    chat = _chat_it_came_by(inv, reach)
    if chat is not None:
        return chat, ("text_phone" if inv.contact.phone else "text_none")
    if mail in reach:
        return mail, "text_email"
    if inv.contact.phone:
        return None, "text_landline"
    return _chat_it_came_by(inv, None), "text_none"


def travel_for(inv: Invitation, profile: Profile) -> tuple[Travel | None, str | None, str]:
    """Travel from home to an on-site interview (R1.2).

    Returns the estimate (or None), and when there is none the key of the warning that
    says why together with the name that was not found.
    """
    if inv.mode in ("online", "phone"):
        return None, None, ""
    destination = None
    if inv.city:
        destination = find_place(inv.city) or find_place_in(inv.city)
        if destination is None:
            return None, "r12_unknown_city", inv.city
    elif inv.location:
        destination = find_place_in(inv.location)
    if destination is None:
        # Say so only when the interview seems to be on site; a bare meeting link means online.
        on_site = inv.mode == "onsite" or (inv.location is not None and not inv.meeting_link)
        return None, ("r12_no_city" if on_site else None), ""
    if not profile.city:
        return None, "r12_no_home", ""
    home = find_place(profile.city) or find_place_in(profile.city)
    if home is None:
        return None, "r12_unknown_city", profile.city
    return estimate_travel(home, destination), None, ""


def may_want_job(sit: Situation) -> bool:
    """Whether the user may still want this job (C0).

    Having taken another offer, or finding the role not a fit, already says "not this job"
    (R4.2): only an explicit --interest yes overrides such a reason.
    """
    if sit.interest == "unsure":
        return sit.reason not in SETTLED_REASONS
    return sit.interest == "yes"


def recommend_action(
    sit: Situation, travel: Travel | None, *, remote: bool = False
) -> tuple[Action, str | None]:
    """What the guidelines recommend, and the key of the note that says why (None: the
    recommendation is the intent itself, or decline when nothing was chosen).

    C0: unless the user is sure they do not want the job, declining or cancelling gives way
    to rescheduling — or, when distance is the obstacle (R1.2) and the interview is not
    already `remote` (online or by phone), to a request to move it online.
    """
    intent: Action = sit.intent or "decline"
    if intent in ("online", "reschedule") or not may_want_job(sit):
        return intent, None
    far = travel is not None and travel.far
    if not remote and (sit.reason == "too-far" or (far and sit.reason != "schedule-conflict")):
        return "online", ("r12_online" if travel is not None else "r12_online_reason")
    return "reschedule", ("c0_interested" if sit.interest == "yes" else "c0_reschedule")


def choose_action(
    sit: Situation, travel: Travel | None, *, remote: bool = False
) -> tuple[Action, Action | None, str | None]:
    """The action, the recommendation when it differs from it, and the key of the note.

    The user's explicit intent is never replaced: the recommendation is shown with its why
    (key + "_advice") and followed only when the user takes it. Without an intent, the
    plan follows the recommendation and says so.
    """
    recommended, key = recommend_action(sit, travel, remote=remote)
    if sit.intent is None:
        return recommended, None, key
    if recommended != sit.intent and key is not None:
        return sit.intent, recommended, key + "_advice"
    return sit.intent, None, None


def find_conflicts(inv: Invitation, busy: Sequence[Busy], travel_minutes: int) -> tuple[Busy, ...]:
    """Busy entries overlapping the interview widened by travel there and back (R1.1)."""
    if inv.start is None:
        return ()
    end = inv.start + interview_length(inv)
    pad = timedelta(minutes=travel_minutes)
    low, high = inv.start - pad, end + pad
    clashes = (
        b
        for b in busy
        # An entry exactly at the interview's own time is the interview itself, already accepted.
        if b.start < high and b.end > low and not (b.start == inv.start and b.end == end)
    )
    return tuple(sorted(clashes, key=lambda b: (b.start, b.end, b.summary)))


def _who(inv: Invitation, w: Words, address: str | None) -> str:
    """The person to reach, by name when known, with the number or address to use."""
    name = inv.contact.name or w.name("the_recruiter")
    if inv.company and not inv.contact.name:
        name = w.text("names", "recruiter_at", company=inv.company)
    return f"{name} ({address})" if address else name


def channel_steps(
    inv: Invitation, sit: Situation, action: Action, urgency: Urgency, w: Words
) -> tuple[Step, ...]:
    """The ordered messages to send (R2, R2.1 vs C1, C2.1, C3, calendar replies); which
    channel plays which part is each channel's `role` in data/channels/."""
    from sopan.model.channels import registry

    known = registry()
    contact = _who(inv, w, inv.contact.phone)
    reach = reachable(inv)  # the phone number is parsed once for every step
    medium, medium_key = written_medium(inv, reach)
    medium_values = {
        "medium": w.name("channel", medium) if medium else "",
        "medium_reason": w.text("medium", medium_key),
    }
    call = next((s for s in known.with_role("call") if s.name in reach), None)
    steps: list[Step] = []
    urgent = sit.confirmed or urgency.level in ("late", "past")
    if call is not None and (urgent or medium is None):
        if urgency.level == "past":
            steps.append(w.step(call.name, "call_past", contact=contact))
        elif urgency.level == "late":
            hours = w.number(urgency.hours_left or 0.0)
            steps.append(w.step(call.name, "call_late", contact=contact, hours=hours))
        elif sit.confirmed:
            steps.append(w.step(call.name, "call_confirmed", contact=contact))
        else:
            steps.append(w.step(call.name, "call_landline", contact=contact))
        if call.unanswered:
            steps.append(w.step(call.unanswered, "voicemail"))
        if medium is not None:
            steps.append(w.step(medium, "written_confirm", **medium_values))
        medium_kind = known.spec(medium).kind if medium else None
        if medium_kind != "chat":  # a chat message already is the text
            for text in known.with_role("text"):
                if text.name in reach:
                    steps.append(w.step(text.name, "sms", medium_text=text.label_in(w.language)))
                    break
    elif medium is not None:
        key = "written_urgent" if urgent else "written_reply"
        steps.append(w.step(medium, key, **medium_values))
        if call is not None:
            steps.append(w.step(call.name, "call_optional"))
    answer = calendar_answer(inv, sit, action)
    if answer is not None:
        steps += [w.step(s.name, answer) for s in known.with_role("calendar") if s.name in reach]
    steps += [w.step(s.name, "linkedin") for s in known.with_role("connect") if s.name in reach]
    return tuple(steps)


def own_address(inv: Invitation, profile: Profile) -> tuple[str, bool]:
    """The address the invitation lists the user under, and whether it is the profile's.

    An organizer matches an answer to its attendees by address, so a reply from another
    address is lost: the profile's when listed, else the one attendee named like the user,
    else the only attendee who is neither the organizer nor the recruiter; the profile's
    address otherwise."""
    mine = (profile.email or "").strip().lower()
    # an attendee longer than a mail header line (998) is no address, and the standard
    # library's parser recurses once per nested comment or quote in it: a broken calendar's
    # 56,000-character ATTENDEE ran out of stack
    listed = [parseaddr(a) for a in inv.attendees if len(a) <= 998]
    for _, address in listed:
        if address.lower() == mine:
            return address, True
    named = [a for n, a in listed if a and n.strip().casefold() == profile.name.casefold()]
    if len(named) == 1:
        return named[0], False
    organizer = (inv.organizer or "").lower().removeprefix("mailto:")
    recruiter = (inv.contact.name or "").casefold()
    others = [
        a for n, a in listed if a and a.lower() != organizer and n.strip().casefold() != recruiter
    ]
    if len(others) == 1:
        return others[0], False
    return profile.email or "", True


def calendar_answer(inv: Invitation, sit: Situation, action: Action) -> str | None:
    """The calendar answer the plan sends, as its step key, or None when there is none: no
    calendar invitation, one that asks no answer (RSVP=FALSE), a reschedule with no concrete
    time to propose (the email carries the request), or a counter it forbids."""
    if not inv.uid or not inv.rsvp:
        return None
    if action in ("decline", "cancel"):
        return "calendar_decline"
    if not inv.counter_allowed or (action == "reschedule" and not sit.alternatives):
        return None
    return "calendar_propose"


def make_checklist(inv: Invitation, sit: Situation, action: Action, w: Words) -> tuple[Note, ...]:
    """What to do after sending (R7, R7.1, R8, R8.1, C3, R9–R10)."""
    contact = _who(inv, w, inv.contact.email or inv.contact.phone)
    items = [w.note("checklist", "r81_review")]
    if inv.reference:
        items.append(w.note("checklist", "r8_reference", reference=inv.reference))
    items.append(w.note("checklist", "r7_record", contact=contact))
    if may_want_job(sit):
        items.append(w.note("checklist", "r71_cv"))
    items.append(w.note("checklist", "c3_linkedin"))
    if action in ("decline", "cancel"):
        items.append(w.note("checklist", "r9_profiles"))
    items.append(w.note("checklist", "r91_linkedin"))
    if action in ("decline", "cancel"):
        for key in ("r92_private", "r10_open", "r101_vacancies", "r102_learning", "r103_network"):
            items.append(w.note("checklist", key))
    return tuple(items)


def _travel_values(travel: Travel, w: Words) -> dict[str, str]:
    return {
        "destination": travel.destination.name,
        "home": travel.origin.name,
        "km": w.number(round(travel.km)),
        "travel": w.duration(travel.minutes),
        "mode": w.name("travel_mode", travel.mode),
    }


def clock_problem(start: datetime | None) -> str | None:
    """ "dst_gap" when the written local time does not exist in its zone (the clocks skip
    it), "dst_fold" when it happens twice (the clocks go back over it), else None."""
    if start is None or start.tzinfo is None:
        return None
    from datetime import UTC

    back = start.astimezone(UTC).astimezone(start.tzinfo)
    if back.replace(tzinfo=None) != start.replace(tzinfo=None):
        return "dst_gap"
    if start.replace(fold=1).utcoffset() != start.replace(fold=0).utcoffset():
        return "dst_fold"
    return None


def make_warnings(
    inv: Invitation,
    sit: Situation,
    *,
    now: datetime,
    action: Action,
    action_key: str | None,
    urgency: Urgency,
    travel: Travel | None,
    travel_issue: tuple[str | None, str],
    busy: Sequence[Busy],
    conflicts: Sequence[Busy],
    w: Words,
) -> tuple[Note, ...]:
    """Everything the user should know before sending, each with its guideline."""
    notes: list[Note] = []
    if urgency.level == "past":
        notes.append(w.note("warnings", "r2_past", hours=w.number(-(urgency.hours_left or 0.0))))
    elif urgency.level == "late":
        notes.append(w.note("warnings", "r2_late", hours=w.number(urgency.hours_left or 0.0)))
    elif urgency.level == "unknown":
        notes.append(w.note("warnings", "r1_missing_date"))
    if inv.reply_by is not None and inv.reply_by < now and urgency.level != "past":
        reply_by = fixed(inv.reply_by, "stamp")
        notes.append(w.note("warnings", "r2_reply_by_past", reply_by=reply_by))
    clock = clock_problem(inv.start)
    if clock is not None:
        # "02.30" on the night the clocks go forward does not exist; on the night they go
        # back it happens twice: the drafts must not write it as if it were plain (R1)
        notes.append(w.note("warnings", f"r1_{clock}", time=fixed(inv.start, "clock")))  # type: ignore[arg-type]
    if inv.start is not None and "timezone" in inv.missing:
        # the reader assumed a zone; the plan's hours left rest on that assumption
        zone = inv.start.tzname() or inv.timezone or ""
        notes.append(
            w.note("warnings", "r1_zone_assumed", time=fixed(inv.start, "clock"), zone=zone)
        )
    if inv.ambiguous:
        fields = ", ".join(a.field for a in inv.ambiguous)
        notes.append(w.note("warnings", "r1_ambiguous", fields=fields))
    if action_key is not None and action_key.startswith("c0_"):
        intent = w.name("action", sit.intent or "decline")
        notes.append(w.note("warnings", action_key, intent=intent))
    elif action_key is not None and action_key.startswith("r12_online") and travel is not None:
        intent = w.name("action", sit.intent or "decline")
        notes.append(w.note("warnings", action_key, intent=intent, **_travel_values(travel, w)))
    elif action_key is not None:
        notes.append(w.note("warnings", action_key))
    if travel is not None and travel.far and action == "reschedule":
        notes.append(w.note("warnings", "r12_far_hint", **_travel_values(travel, w)))
    issue_key, issue_city = travel_issue
    # Travel matters only when the interview will still take place.
    if issue_key is not None and action not in ("decline", "cancel"):
        notes.append(w.note("warnings", issue_key, city=issue_city))
    if conflicts:
        notes.append(w.note("warnings", "r11_conflicts", count=len(conflicts)))
    notes.extend(_reason_warnings(sit, busy, conflicts, w))
    if action == "reschedule" and not (sit.alternatives or sit.alternatives_text):
        notes.append(w.note("warnings", "r5_alternatives"))
    return tuple(notes)


def _reason_warnings(
    sit: Situation, busy: Sequence[Busy], conflicts: Sequence[Busy], w: Words
) -> list[Note]:
    """Honesty and privacy of the reason (R4, R4.1, R4.2, C2)."""
    notes: list[Note] = []
    if sit.reason == "schedule-conflict":
        if busy and not conflicts:
            notes.append(w.note("warnings", "r41_no_clash"))
        if sit.detail == "full" and not sit.reason_text:
            notes.append(w.note("warnings", "r41_context"))
    if sit.reason in PRIVATE_REASONS and sit.detail == "full":
        notes.append(w.note("warnings", "c2_private", reason=w.name("reason", sit.reason)))
    if sit.reason == "other" and not sit.reason_text:
        notes.append(w.note("warnings", "r4_other"))
    if sit.reason == "accepted-offer" and sit.new_employer:
        notes.append(w.note("warnings", "r42_employer", employer=sit.new_employer))
    return notes


def make_plan(
    inv: Invitation,
    sit: Situation,
    profile: Profile,
    *,
    now: datetime,
    busy: Sequence[Busy] = (),
    lang: str | None = None,
) -> Plan:
    """Decide the action, urgency, channel sequence, conflicts, checklist and warnings."""
    w = load_words(lang or profile.language)
    urgency = urgency_of(earliest_start(inv, profile.timezone), now)
    travel, issue_key, issue_city = travel_for(inv, profile)
    action, recommendation, action_key = choose_action(
        sit, travel, remote=inv.mode in ("online", "phone")
    )
    travel_minutes = travel.minutes if travel is not None else 0
    conflicts = find_conflicts(inv, busy, travel_minutes)
    warnings = make_warnings(
        inv,
        sit,
        now=now,
        action=action,
        action_key=action_key,
        urgency=urgency,
        travel=travel,
        travel_issue=(issue_key, issue_city),
        busy=busy,
        conflicts=conflicts,
        w=w,
    )
    if calendar_answer(inv, sit, action) and profile.email and inv.attendees:
        listed, mine = own_address(inv, profile)
        if not mine:
            # an answer from the profile's address would not match any attendee: it goes
            # out as the address the invitation lists for the user
            warnings += (w.note("warnings", "r21_attendee", listed=listed, mine=profile.email),)
    return Plan(
        action=action,
        urgency=urgency,
        steps=channel_steps(inv, sit, action, urgency, w),
        conflicts=conflicts,
        checklist=make_checklist(inv, sit, action, w),
        warnings=warnings,
        language=w.language,
        travel_minutes=travel.minutes if travel is not None else None,
        recommendation=recommendation,
    )
