"""The situation from the user's choices, checked for contradictions; alternatives; the plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sopan.app.base import (
    NO_ASKER,
    SLOT_WINDOW,
    Asker,
    Question,
    choice_question,
    first_free_moment,
    questions,
)
from sopan.app.reading import ReadRequest, confirm_facts, need_slot, read_for
from sopan.errors import UserError
from sopan.model import (
    DEFAULT_LANGUAGE,
    INTENTS,
    LANGUAGES,
    REASONS,
    Busy,
    Invitation,
    Language,
    Plan,
    Profile,
    Situation,
    Slot,
)
from sopan.model.names import ASKED, INTERESTS
from sopan.plan.situation import situation_from_flags

if TYPE_CHECKING:
    from sopan.config import Config


#: How often a contradiction is explained and asked again before it is refused.
_MAX_ASKS = 3


@dataclass(frozen=True)
class Choices:
    """The user's answers as given; None is "not given" (asked in a terminal)."""

    intent: str | None = None
    reason: str | None = None
    interest: str | None = None
    confirmed: bool | None = None
    detail: str | None = None
    reason_text: str | None = None
    strengths: tuple[str, ...] = ()
    new_employer: str | None = None
    alternatives: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    not_before: str | None = None


@dataclass(frozen=True)
class PlanRequest:
    """What to plan for: the read request, the user's choices, calendars, the plan language."""

    read: ReadRequest
    choices: Choices = field(default_factory=Choices)
    calendars: tuple[str, ...] = ()
    language: str | None = None
    within: timedelta = SLOT_WINDOW
    #: calendars given as (name, bytes), never as a path: the hosted mode's, from its database
    held: tuple[tuple[str, bytes], ...] = ()
    #: a draft needs every fact decided; a plan only shows what is open
    strict: bool = False


@dataclass(frozen=True)
class PlanResult:
    """Everything the plan rests on, and the plan made after the slots were known."""

    invitation: Invitation
    profile: Profile
    situation: Situation
    plan: Plan
    busy: tuple[Busy, ...]
    #: free slots found in the user's calendars (already in `situation.alternatives`)
    proposed: tuple[Slot, ...]
    #: calendars that could not be read, and other remarks that do not stop the work
    notes: tuple[str, ...]
    config: Config


def _situation(choices: Choices, asker: Asker, language: str) -> tuple[Situation, frozenset[str]]:
    """The Situation from the user's choices, asking for the open ones; also which were
    given by the user (explicitly or as an answer), for the contradiction table."""
    q = questions(language)
    values: dict[str, object] = {
        "intent": choices.intent,
        "reason": choices.reason,
        "interest": choices.interest,
        "confirmed": choices.confirmed,
    }
    options = {"intent": INTENTS, "reason": REASONS, "interest": INTERESTS}
    for name in ASKED:
        if values[name] is not None:
            continue
        if name == "confirmed":
            answer = asker.ask(choice_question(name, q[name], ("yes", "no"), language, "no"))
            values[name] = None if answer is None else answer == "yes"
        else:
            values[name] = asker.ask(choice_question(name, q[name], options[name], language))
    reason_text = choices.reason_text
    if values["reason"] == "other" and not (reason_text and reason_text.strip()):
        reason_text = asker.ask(Question("reason_text", q["other_text"]))
        if not (reason_text and reason_text.strip()):
            raise UserError("reason.other_needs_words", field="reason_text")
    given = frozenset(k for k, v in values.items() if v is not None)
    sit = situation_from_flags(
        intent=values["intent"],  # type: ignore[arg-type]
        reason=values["reason"],  # type: ignore[arg-type]
        interest=values["interest"],  # type: ignore[arg-type]
        confirmed=values["confirmed"],  # type: ignore[arg-type]
        detail=choices.detail,
        reason_text=reason_text,
        strengths=choices.strengths,
        new_employer=choices.new_employer,
    )
    return replace(sit, attachments=tuple(Path(a).name for a in choices.attachments)), given


def _coherent(
    sit: Situation,
    given: frozenset[str],
    inv: Invitation,
    *,
    now: datetime,
    asker: Asker,
    language: str,
) -> tuple[Situation, frozenset[str]]:
    """Refuse (or, in a terminal, explain and ask again) a situation that contradicts itself."""
    from sopan.plan import urgency_of
    from sopan.plan.coherence import contradictions

    level = urgency_of(inv.start, now).level
    q = questions(language)
    options = {
        "intent": INTENTS,
        "reason": REASONS,
        "interest": INTERESTS,
        "confirmed": ("yes", "no"),
    }
    for _ in range(_MAX_ASKS):
        found = contradictions(sit, inv, urgency=level, given=given)
        if not found:
            return sit, given
        first = found[0]
        name = first.ask_again
        if name is None:
            raise first.error()
        from sopan.language.choices import label

        text = q["contradiction"].format(message=first.message(language),
                                         field=label(name, language))  # fmt: skip
        # the way out the rule names is offered first, and taken with Enter
        out = first.way_out.value if first.way_out is not None else None
        if name == "confirmed":
            out = {"true": "yes", "false": "no"}.get(out or "", out)
        ordered = (*(o for o in options[name] if o == out), *(o for o in options[name] if o != out))
        asked = choice_question(name, text, ordered, language, out)
        if out is not None:
            asked = replace(asked, text=f"{text}\n{q['way_out'].format(option=asked.label(out))}")
        answer = asker.ask(asked)
        if answer is None:
            raise first.error()
        if answer not in options[name]:
            raise UserError("choice.not_one_of", field=name, value=answer, choices=options[name])
        value: object = answer == "yes" if name == "confirmed" else answer
        sit = replace(sit, **{name: value})  # type: ignore[arg-type]
        given = given | {name}
    raise contradictions(sit, inv, urgency=level, given=given)[0].error()


def _take_advice(sit: Situation, plan: Plan, asker: Asker, language: str) -> Situation:
    """In a terminal, offer the recommendation (C0, R1.2) the plan shows; the user decides."""
    if plan.recommendation is None:
        return sit
    advice = next(
        (n.text for n in plan.warnings if n.guideline in ("C0", "R1.2")), plan.recommendation
    )
    from sopan.language.choices import options as choice_words

    q = questions(language)
    action = choice_words("intent", language).get(plan.recommendation, plan.recommendation)
    answer = asker.ask(
        choice_question(
            "recommendation", q["recommend"].format(advice=advice, action=action),
            ("yes", "no"), language, "no",
        )
    )  # fmt: skip
    return replace(sit, intent=plan.recommendation) if answer == "yes" else sit


def _first_day(text: str, language: str, now: datetime) -> date:
    """The first day the person can attend again, as they typed it."""
    from sopan import parse

    return parse.day(text, field="not_before", language=language, now=now, tz=None)


#: what a typed alternative may be besides a date and time: the person's own words, kept as
#: written ("any morning next week"); a date that is wrong is an error, never words
_WORDS_NOT_A_DATE = ("parse.not_a_date", "parse.no_day", "parse.two_dates", "parse.two_times")


def _typed_alternatives(
    texts: Sequence[str], inv: Invitation, *, tz: str, language: str, now: datetime
) -> tuple[tuple[Slot, ...], tuple[str, ...]]:
    """Typed alternatives: a date and time (a range gives its end) becomes a slot as long as
    the interview, in the person's own zone `tz` when they named none (they type the time on
    their own clock, wherever the recruiter is); other words stay as the person wrote them."""
    from zoneinfo import ZoneInfo

    from sopan import parse
    from sopan.model import interview_length

    slots: list[Slot] = []
    words: list[str] = []
    for text in (t.strip() for t in texts):
        if not text:
            continue
        try:
            # a time the person types is in their own zone unless they name one
            found = parse.span(text, field="alternative", language=language, now=now, tz=tz)
        except UserError as exc:
            if exc.code not in _WORDS_NOT_A_DATE:
                raise
            words.append(text)
            continue
        if not isinstance(found.start, datetime):
            words.append(text)  # a day alone: the recruiter reads the person's own words
            continue
        start = found.start if found.start.tzinfo else found.start.replace(tzinfo=ZoneInfo(tz))
        end = found.end.replace(tzinfo=start.tzinfo) if found.end and not found.end.tzinfo else None
        slots.append(Slot(start, end or found.end or start + interview_length(inv)))
    return tuple(slots), tuple(words)


def _alternatives(
    inv: Invitation,
    sit: Situation,
    plan: Plan,
    *,
    busy: Sequence[Busy],
    sources: Sequence[str],
    req: PlanRequest,
    config: Config,
    asker: Asker,
    language: str,
) -> tuple[Situation, tuple[Slot, ...]]:
    """Alternatives come only from the user: their flags, or free slots in their own calendars
    after the interview's day (and after a health reason allows); else a terminal asks, and
    without an answer the drafts ask the recruiter to propose a time."""
    from sopan.calendar import propose

    if plan.action != "reschedule" or sit.alternatives or sit.alternatives_text:
        return sit, ()
    q = questions(language)
    tz = config.profile.timezone
    now = req.read.now
    if sit.reason == "health" and sit.not_before is None:

        def day_of(text: str) -> date:
            return _first_day(text, language, now)

        answer = asker.ask(Question("not_before", q["not_before"], check=day_of))
        if not answer:
            return sit, ()  # they propose: nothing earlier than the user can attend is offered
        sit = replace(sit, not_before=day_of(answer))
    if sources:
        travel = (
            timedelta(minutes=plan.travel_minutes or 0) if inv.mode == "onsite" else timedelta(0)
        )
        floor = first_free_moment(inv, sit, req.read.now, tz)
        found = propose(
            inv,
            busy,
            now=req.read.now,
            config=config,
            within=req.within,
            travel=travel,
            not_before=floor,
        )
        if found:
            return replace(sit, alternatives=found), found
    answer = asker.ask(Question("alternatives", q["alternatives"]))
    if answer:
        slots, free = _typed_alternatives(
            answer.split(";"), inv, tz=tz, language=language, now=req.read.now
        )
        return replace(sit, alternatives=slots, alternatives_text=free), ()
    return sit, ()


def drafts_language(chosen: str | None, inv: Invitation) -> Language:
    """The drafts' language: the one the person chose, else the invitation's (R2.1), else
    sopan's first when the invitation's is not one sopan writes."""
    asked = chosen or inv.language
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def plan_for(req: PlanRequest, asker: Asker = NO_ASKER) -> PlanResult:
    """Read, confirm, settle the situation, look at the calendars, find alternatives when
    rescheduling, and only then make the plan (so it knows the slots it offers)."""
    from sopan.calendar import busy_around
    from sopan.plan import make_plan

    read = read_for(req.read)
    config, profile = read.config, read.profile
    language = req.language or profile.language
    now = req.read.now
    inv = confirm_facts(
        read.invitation, profile, asker, strict=req.strict, language=language, now=now,
        intent=req.choices.intent,
    )  # fmt: skip
    # the drafts are in the invitation's language unless the person chose one (R2.1)
    drafts_in = drafts_language(req.language, inv)
    sit, given = _situation(req.choices, asker, language)
    sit, given = _coherent(sit, given, inv, now=now, asker=asker, language=language)
    slots, free = _typed_alternatives(
        req.choices.alternatives, inv, tz=profile.timezone, language=language, now=now
    )
    not_before = (
        _first_day(req.choices.not_before, language, now) if req.choices.not_before else None
    )
    sit = replace(sit, alternatives=slots, alternatives_text=free, not_before=not_before)
    notes: list[str] = []
    sources = tuple(
        dict.fromkeys([*config.calendar.sources, *req.calendars, *(n for n, _ in req.held)])
    )
    # the calendars are read as far as slots may be looked for: from the first free day on
    first_free = first_free_moment(inv, sit, now, profile.timezone)
    ahead = req.within + max(timedelta(0), first_free - now)
    busy = busy_around(inv, req.calendars, now=now, config=config, within=ahead, warn=notes.append,
                       held=req.held)  # fmt: skip
    plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language, drafts_in=drafts_in)
    taken = _take_advice(sit, plan, asker, language)
    if taken != sit:
        sit, given = _coherent(
            taken, given | {"intent"}, inv, now=now, asker=asker, language=language
        )
        plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language, drafts_in=drafts_in)
    # several times offered: a decline needs none of them, a reschedule one (R1)
    picked = need_slot(
        inv, plan.action, profile, asker, strict=req.strict, language=language, now=now
    )
    if picked is not inv:
        inv = picked
        plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language, drafts_in=drafts_in)
    planned = sit
    sit, proposed = _alternatives(
        inv, sit, plan, busy=busy, sources=sources, req=req, config=config, asker=asker,
        language=language,
    )  # fmt: skip
    if sit is not planned:  # alternatives found or asked for: the plan offers them
        plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language, drafts_in=drafts_in)
    return PlanResult(inv, profile, sit, plan, tuple(busy), proposed, tuple(notes), config)
