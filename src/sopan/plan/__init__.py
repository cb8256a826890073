"""The policy: what to do about one invitation, how, and by when (issue: the plan).

Pure functions over values; `now` and the busy times are passed in. Every step,
warning and checklist item names the guideline it serves, and its words come from
`data/plan/<lang>.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime, timedelta

from sopan.language.dateforms import clock as clock_text
from sopan.language.dateforms import when_text
from sopan.language.places import Place, Travel, estimate_travel, find_place, find_place_in
from sopan.language.words import Words, load_words
from sopan.model import (
    Action,
    Busy,
    Invitation,
    Note,
    Plan,
    Profile,
    Situation,
    Urgency,
    interview_length,
)
from sopan.read.words import about_a_job, no_reschedule, not_online

LATE_HOURS = 24.0
SOON_HOURS = 48.0
PRIVATE_REASONS = ("health", "personal")
#: the reasons distance is part of (R1.2): only for these, or for no reason given, does a
#: long trip turn the plan towards a video interview; being ill or having taken another job
#: is no matter of distance
DISTANCE_REASONS = ("too-far", "relocation", None)


from sopan.plan.owed import is_past  # noqa: E402
from sopan.plan.reach import (  # noqa: E402  (after the constants the modules below read)
    calendar_answer,
    can_call,
    own_address,
    reachable,
    recipient_email,
    written_medium,
)
from sopan.plan.steps import (  # noqa: E402
    SETTLED_REASONS,
    call_time,
    channel_steps,
    make_checklist,
    may_want_job,
    with_event,
)

__all__ = [
    "SETTLED_REASONS",
    "calendar_answer",
    "calendar_zone",
    "call_time",
    "can_call",
    "channel_steps",
    "choose_action",
    "clock_problem",
    "earliest_start",
    "find_conflicts",
    "make_checklist",
    "make_plan",
    "may_want_job",
    "offered_starts",
    "own_address",
    "reachable",
    "recipient_email",
    "recommend_action",
    "reply_due",
    "travel_for",
    "urgency_of",
    "written_medium",
    "zone_origin",
    "zone_plain",
]


def offered_starts(inv: Invitation) -> tuple[datetime, ...]:
    """The times an invitation offers to choose from ("June 10, 11am or June 11, 2pm"),
    earliest first; none when it sets one time."""
    out: list[datetime] = []
    for amb in inv.ambiguous:
        if not amb.offered:
            continue
        for candidate in amb.candidates:
            try:
                moment = datetime.fromisoformat(candidate.split(" ", 1)[0])
            except ValueError:
                continue
            if moment.tzinfo is not None and inv.timezone:
                # in the zone it was read in, by its name ("11:00 WIB", not "UTC+07:00")
                from zoneinfo import ZoneInfo

                with suppress(KeyError, ValueError):
                    moment = moment.astimezone(ZoneInfo(inv.timezone))
            if moment.tzinfo is not None:
                out.append(moment)
    return tuple(sorted(set(out)))


def earliest_start(inv: Invitation, user_tz: str) -> datetime | None:
    """The start, or when only the day is known, the first moment of that day, or the
    earliest of the times offered: the time left is then counted to the earliest the
    interview can be, never later."""
    if inv.start is None and inv.day is None:
        offered = offered_starts(inv)
        return offered[0] if offered else None
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


def recommend_action(
    sit: Situation, travel: Travel | None, *, remote: bool = False, fixed_date: bool = False
) -> tuple[Action, str | None]:
    """What the guidelines recommend, and the key of the note that says why (None: the
    recommendation is the intent itself, or decline when nothing was chosen).

    C0: unless the user is sure they do not want the job, declining or cancelling gives way
    to rescheduling — or, when distance is the obstacle (R1.2) and the interview is not
    already `remote` (online or by phone), to a request to move it online. An invitation that
    says its date cannot be moved (`fixed_date`: "kesempatan terakhir", "no rescheduling")
    gets no reschedule recommended: the intent stands, with the note that says why.
    """
    intent: Action = sit.intent or "decline"
    if intent in ("online", "reschedule") or not may_want_job(sit):
        return intent, None
    far = travel is not None and travel.far and sit.reason in DISTANCE_REASONS
    if not remote and (sit.reason == "too-far" or far):
        return "online", ("r12_online" if travel is not None else "r12_online_reason")
    if fixed_date:
        return intent, "c0_fixed_date"
    return "reschedule", ("c0_interested" if sit.interest == "yes" else "c0_reschedule")


def choose_action(
    sit: Situation, travel: Travel | None, *, remote: bool = False, fixed_date: bool = False
) -> tuple[Action, Action | None, str | None]:
    """The action, the recommendation when it differs from it, and the key of the note.

    The user's explicit intent is never replaced: the recommendation is shown with its why
    (key + "_advice") and followed only when the user takes it. Without an intent, the
    plan follows the recommendation and says so; a note that backs the intent (no reschedule
    where the date cannot be moved) is kept.
    """
    recommended, key = recommend_action(sit, travel, remote=remote, fixed_date=fixed_date)
    if sit.intent is None:
        return recommended, None, key
    if recommended != sit.intent and key is not None:
        return sit.intent, recommended, key + "_advice"
    return sit.intent, None, key


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


def _travel_values(travel: Travel, w: Words) -> dict[str, str]:
    return {
        "destination": travel.destination.name,
        "home": travel.origin.name,
        "km": w.number(round(travel.km)),
        "travel": w.duration(travel.minutes),
        "mode": w.name("travel_mode", travel.mode),
    }


def _lower_first(name: str) -> str:
    """A fact's name as it reads inside a sentence ("Tanggal dan jam wawancara" → "tanggal …")."""
    return name[:1].lower() + name[1:]


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


def zone_plain(inv: Invitation) -> bool:
    """Whether the zone the time was read in, though the invitation wrote none, is plain
    (R1): the place it names lies in that zone (Jakarta, Tangerang: WIB; a venue in Lagos, a
    number with Germany's calling code), or it is written in
    Indonesian, names no place, and was read in an Indonesian zone. Only a zone that is a
    guess is worth a warning."""
    if inv.start is None or inv.start.utcoffset() is None:
        return False
    place = _named_place(inv)
    if place is not None:
        return _same_clock(inv.start, place.tz)
    from sopan.read.abroad import city_zone, number_zone

    there = city_zone(inv.location) or number_zone(inv.contact.phone)
    if there is not None:
        # a venue abroad ("Ikorodu Rd, Lagos"), a number with its calling code (+49 …): read
        # in that place's zone, which is no guess
        return _same_clock(inv.start, there)
    if inv.city or (inv.location and inv.mode != "online"):
        return False  # a place not known to sopan: its zone is a guess
    # read in a zone of where its language is spoken (WIB, WITA, WIT for Indonesian): read where
    # it was written
    from sopan.language.profiles import profile
    from sopan.model.names import LANGUAGES

    home = profile(inv.language).home_zones if inv.language in LANGUAGES else ()
    return any(_same_clock(inv.start, zone) for zone in home)


def zone_origin(inv: Invitation, own: str | None = None) -> tuple[str, str] | None:
    """Where the interview's zone comes from when the invitation writes none (R1): ("place",
    its name) when the place it names lies in that zone, else ("yours", "") — the person's own
    zone, the one a time written with no zone is read in. None when the invitation, its
    calendar or the person gave the zone: it is shown as written. A calendar's time in UTC alone
    is shown in a zone `calendar_zone` chose, and that choice is said the same way (`own`: the
    person's zone)."""
    if inv.start is not None and inv.timezone in _UTC:
        return _utc_shown(inv, own)[1]
    if inv.start is None or "timezone" not in inv.missing:
        return None
    place = _named_place(inv)
    if place is not None and _same_clock(inv.start, place.tz):
        return "place", place.name
    from sopan.read.abroad import city_abroad, number_zone

    abroad = city_abroad(inv.location)
    if abroad is not None and _same_clock(inv.start, abroad[1]):
        return "place", abroad[0]  # a venue abroad: "Lagos"
    if _same_clock(inv.start, number_zone(inv.contact.phone)):
        return "number", inv.contact.phone or ""  # a number with its calling code: "+49 …"
    return "yours", ""


def _named_place(inv: Invitation) -> Place | None:
    """The place the invitation names, known to sopan: its city, else found in its venue."""
    place = None
    if inv.city:
        place = find_place(inv.city) or find_place_in(inv.city)
    if place is None and inv.location:
        place = find_place_in(inv.location)
    return place


def _same_clock(start: datetime, zone: str | None) -> bool:
    """Whether `start` is read in `zone`'s clock."""
    if not zone:
        return False
    from zoneinfo import ZoneInfo

    return start.astimezone(ZoneInfo(zone)).utcoffset() == start.utcoffset()


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
    drafts_in: str | None = None,
) -> tuple[Note, ...]:
    """Everything the user should know before sending, each with its guideline; `drafts_in`
    is the drafts' language (the invitation's unless the person chose one), which may not be
    the plan's own."""
    w = with_event(w, inv)
    notes: list[Note] = []
    if inv.confidence < 1.0 and not about_a_job(f"{inv.subject or ''}\n{inv.text}"):
        # read with the doubt that it is a job interview at all: said first, before any
        # draft answers a concert or a dentist as an interview (R1)
        notes.append(w.note("warnings", "r1_not_interview"))
    if is_past(inv, urgency):
        ago = -(urgency.hours_left or 0.0)
        if ago >= 48 or urgency.hours_left is None:
            # days ago: no call now, only the choice below
            if urgency.hours_left is not None:
                notes.append(w.note("warnings", "r2_past_days", days=w.number(round(ago / 24))))
        else:
            notes.append(w.note("warnings", "r2_past", hours=w.number(ago)))
        notes.append(w.note("warnings", "c0_missed"))
    elif urgency.level == "late":
        hours = w.number(urgency.hours_left or 0.0)
        # the urgency only: which channel goes first, and why, is the first step's to say
        notes.append(w.note("warnings", "r2_late", hours=hours))
    elif urgency.level == "unknown":
        notes.append(w.note("warnings", "r1_missing_date"))
    # a confirmed interview was answered: its reply-by date is behind it, not a late reply
    if (
        inv.reply_by is not None
        and inv.reply_by < now
        and not sit.confirmed
        and not is_past(inv, urgency)
    ):
        reply_by = when_text(inv.reply_by, inv.timezone, w.language)
        notes.append(w.note("warnings", "r2_reply_by_past", reply_by=reply_by))
    clock = clock_problem(inv.start)
    if clock is not None:
        # "02.30" on the night the clocks go forward does not exist; on the night they go
        # back it happens twice: the drafts must not write it as if it were plain (R1)
        said = clock_text(inv.start, w.language)  # type: ignore[arg-type]
        notes.append(w.note("warnings", f"r1_{clock}", time=said))
    if inv.start is not None and "timezone" in inv.missing and not zone_plain(inv):
        # the reader assumed a zone; the plan's hours left rest on that assumption
        from sopan.language.dateforms import local_zone

        # named as people know it (WIB), never as a bare offset ("UTC+07:00")
        zone = inv.start.astimezone(local_zone(inv.start, inv.timezone)).tzname() or ""
        notes.append(
            w.note("warnings", "r1_zone_assumed", time=clock_text(inv.start, w.language), zone=zone)
        )
    offered = offered_starts(inv)
    if offered and action in ("decline", "cancel"):
        # several times offered: the answer needs none of them, and names none as the date
        times = "; ".join(when_text(t, inv.timezone, w.language, short=True) for t in offered)
        notes.append(w.note("warnings", "r1_offered", times=times, action=w.name("action", action)))
    ambiguous = [a for a in inv.ambiguous if not (a.offered and offered)]
    if ambiguous:
        # named in words ("tanggal dan jam wawancara"), never by their keys
        fields = ", ".join(_lower_first(w.name("fact", a.field)) for a in ambiguous)
        notes.append(w.note("warnings", "r1_ambiguous", fields=fields))
    fixed_words = no_reschedule(inv.text or "")
    if action_key is not None and action_key.startswith("c0_"):
        intent = w.name("action", sit.intent or "decline")
        notes.append(w.note("warnings", action_key, intent=intent, said=fixed_words or ""))
    elif action_key is not None and action_key.startswith("r12_online") and travel is not None:
        intent = w.name("action", sit.intent or "decline")
        notes.append(w.note("warnings", action_key, intent=intent, **_travel_values(travel, w)))
    elif action_key is not None:
        notes.append(w.note("warnings", action_key))
    if (
        travel is not None
        and travel.far
        and action == "reschedule"
        and sit.reason in DISTANCE_REASONS
    ):
        notes.append(w.note("warnings", "r12_far_hint", **_travel_values(travel, w)))
    issue_key, issue_city = travel_issue
    # Travel matters only when the interview will still take place.
    if issue_key is not None and action not in ("decline", "cancel"):
        notes.append(w.note("warnings", issue_key, city=issue_city))
    if conflicts:
        notes.append(w.note("warnings", "r11_conflicts", count=len(conflicts)))
    drafts = drafts_in or inv.language or w.language
    notes.extend(_reason_warnings(sit, busy, conflicts, w, drafts))
    if action == "reschedule" and fixed_words is not None:
        # asked for anyway: the choice stands, with what the invitation said (C0)
        notes.append(w.note("warnings", "c0_fixed_date_asked", said=fixed_words))
    onsite_only = not_online(inv.text or "")
    if action == "online" and onsite_only is not None:
        # asked for anyway: the choice stands, with what the invitation said (R1.2)
        notes.append(w.note("warnings", "r12_onsite_only_asked", said=onsite_only))
    if action == "reschedule" and not (sit.alternatives or sit.alternatives_text):
        notes.append(w.note("warnings", "r5_alternatives"))
    return tuple(notes)


def _reason_warnings(
    sit: Situation, busy: Sequence[Busy], conflicts: Sequence[Busy], w: Words, drafts: str
) -> list[Note]:
    """Honesty and privacy of the reason (R4, R4.1, R4.2, C2); `drafts` is the drafts'
    language."""
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
    if sit.reason_text:
        from sopan.language.detect import other_than

        # the person's words go into the drafts as written: in another language they are
        # shown, never pasted into the draft unremarked (R4)
        written = other_than(sit.reason_text, drafts)
        if written:
            notes.append(
                w.note("warnings", "r4_own_words_language", language=w.name("language", written),
                       drafts=w.name("language", drafts))
            )  # fmt: skip
    if sit.reason == "accepted-offer" and sit.new_employer:
        notes.append(w.note("warnings", "r42_employer", employer=sit.new_employer))
    return notes


def _asks_reply_format(inv: Invitation, profile: Profile) -> bool:
    """Whether the invitation asks for its answer in a format ("IYA/TIDAK_NAMA", "reply YES
    or NO"), whatever fills its fields."""
    from sopan.compose.reply_format import reply_line

    filler = {"name": profile.name or "x", "position": inv.position or "x"}
    return bool(reply_line(inv.text or "", "no", filler))


def make_plan(
    inv: Invitation,
    sit: Situation,
    profile: Profile,
    *,
    now: datetime,
    busy: Sequence[Busy] = (),
    lang: str | None = None,
    drafts_in: str | None = None,
) -> Plan:
    """Decide the action, urgency, channel sequence, conflicts, checklist and warnings, in
    `lang`'s words, for drafts in `drafts_in` (the invitation's language when not given)."""
    w = load_words(lang or profile.language)
    urgency = urgency_of(earliest_start(inv, profile.timezone), now)
    travel, issue_key, issue_city = travel_for(inv, profile)
    fixed_words = no_reschedule(inv.text or "")
    action, recommendation, action_key = choose_action(
        sit,
        travel,
        # an interview said not to be held online is never recommended to be moved online
        remote=inv.mode in ("online", "phone") or not_online(inv.text or "") is not None,
        fixed_date=fixed_words is not None,
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
        drafts_in=drafts_in,
    )
    if action not in ("decline", "cancel") and _asks_reply_format(inv, profile):
        # "Balas dengan format IYA_Nama / TIDAK_Nama" answers only yes or no: a request for
        # another time or an online interview is written without it (R2.1)
        warnings += (w.note("warnings", "r21_format_not_fit", action=w.name("action", action)),)
    if calendar_answer(inv, sit, action) and profile.email and inv.attendees:
        listed, mine = own_address(inv, profile)
        if not mine:
            # an answer from the profile's address would not match any attendee: it goes
            # out as the address the invitation lists for the user
            warnings += (w.note("warnings", "r21_attendee", listed=listed, mine=profile.email),)
    steps = channel_steps(inv, sit, action, urgency, w, now, profile.timezone, profile.country)
    due = reply_due(inv, sit, urgency, now)
    return Plan(
        action=action,
        urgency=urgency,
        steps=steps,
        conflicts=conflicts,
        checklist=make_checklist(inv, sit, action, w, steps),
        warnings=warnings,
        language=w.language,
        travel_minutes=travel.minutes if travel is not None else None,
        recommendation=recommendation,
        zone_origin=zone_origin(inv, profile.timezone),
        call_at=call_time(inv, steps, now, profile.timezone),
        zone=calendar_zone(inv, profile.timezone),
        reply_by=due[0] if due else None,
        reply_by_hours=due[1] if due else None,
        reply_by_today=due[2] if due else False,
        event=event_name(inv, w.language),
        honorific_guess=_honorific_guess(inv, w.language),
    )


def _honorific_guess(inv: Invitation, language: str) -> tuple[str, str, str] | None:
    """The honorific the drafts guess from the contact's given name (R3), for the header to
    show with where it came from and how to correct it."""
    from sopan.compose.address import guessed_title

    return guessed_title(inv, language)


def event_name(inv: Invitation, language: str) -> str:
    """The event as the invitation names it ("Tes online", "Psikotes dan wawancara"), in the
    words the drafts use for it, for the plan's header."""
    from sopan.compose.facts import event_facts

    return event_facts(inv.event, language)["event_cap"]


_UTC = ("Etc/UTC", "UTC")
#: UTC named as a zone in the invitation's own words ("10:00 UTC", "(GMT)"), not "GMT+7"
_SAYS_UTC = re.compile(r"(?<![\w/])(?:UTC|GMT)(?![\w/+\-\u2212])")


def calendar_zone(inv: Invitation, own: str | None = None) -> str | None:
    """The zone a time given in UTC alone (a calendar file's "…Z") is shown in, by the plan and
    the drafts alike (R1). UTC is how the file stores the moment, not the recruiter's zone: the
    zone of the place the invitation names (a venue in Paris: Paris time); UTC only when the
    invitation itself speaks it ("10:00 UTC" in its description); the zone of the contact's
    number with its calling code; else `own`, the person's zone, the one a message that names
    no place is read in (an Indonesian Google Meet invitation: WIB) — the plan says it is a
    guess and how to correct it (`zone_origin`). None when the invitation gives its time in a
    zone of its own, or none."""
    if inv.timezone not in _UTC:
        return None
    return _utc_shown(inv, own)[0]


def _utc_shown(inv: Invitation, own: str | None) -> tuple[str, tuple[str, str] | None]:
    """The zone a time in UTC alone is shown in, and where it came from (as `zone_origin`
    says it; None for UTC the invitation speaks, or nothing else known)."""
    from sopan.language.zones import city_zone
    from sopan.read.abroad import number_zone

    where = inv.location if inv.mode != "online" else None
    place = find_place_in(where)
    if place is not None:
        return place.tz, ("place", place.name)
    there = city_zone(where)
    if there is not None:
        return there, ("place", there.rsplit("/", 1)[-1].replace("_", " "))
    if _SAYS_UTC.search(inv.text or ""):
        return "Etc/UTC", None
    number = number_zone(inv.contact.phone)
    if number is not None:
        return number, ("number", inv.contact.phone or "")
    if own:
        return own, ("yours", "")
    return "Etc/UTC", None


def reply_due(
    inv: Invitation, sit: Situation, urgency: Urgency, now: datetime
) -> tuple[datetime, float, bool] | None:
    """The reply-by date while it is still ahead and the invitation unanswered (R2): the date,
    the hours left, and whether it is today where the interview is. None when the invitation
    gives none, it has passed (a warning says so), the interview was confirmed, or is past."""
    if inv.reply_by is None or sit.confirmed or is_past(inv, urgency) or inv.reply_by <= now:
        return None
    from sopan.language.dateforms import local_zone

    zone = local_zone(inv.reply_by, inv.timezone)
    today = inv.reply_by.astimezone(zone).date() == now.astimezone(zone).date()
    return inv.reply_by, round((inv.reply_by - now).total_seconds() / 3600, 2), today
