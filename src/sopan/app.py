"""The use cases: the one place that sequences the stages. CLI and web call these and nothing
else, each with one request value, and print or render the one result value they get back.

    read_for   source + corrections                → the invitation, every fact with its source
    plan_for   read + the user's choices + calendars → situation, busy times, slots, plan
    draft_for  plan + channels                       → drafts, their lint reports, files written
    slots_for  invitation or a time + calendars      → conflicts and free slots
    busy_for   calendars + a window                  → busy times
    lint_for   a reply (+ its invitation)            → the lint report

Nothing here prints. What a person must decide goes through an `Asker`: in a terminal it
asks, elsewhere (`NO_ASKER`) it answers nothing, and then a missing fact is written around,
while an ambiguous date, a contradiction or an 'other' reason without words is a one-line
`UserError` (exit 2). `now` always comes in with the request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from sopan.errors import UserError
from sopan.model import (
    CHANNELS,
    INTENTS,
    REASONS,
    Busy,
    Draft,
    Invitation,
    Language,
    LintOptions,
    Plan,
    Profile,
    Situation,
    Slot,
)
from sopan.model import (
    DEFAULT_INTERVIEW_LENGTH as DEFAULT_LENGTH,
)
from sopan.situation import ASKED, INTERESTS, situation_from_flags

if TYPE_CHECKING:
    from sopan.config import Config
    from sopan.deliver import Transport
    from sopan.deliver.imap import Mailbox
    from sopan.lint import LintReport
    from sopan.store import Store, StoredDraft

__all__ = [
    "NO_ASKER",
    "Asker",
    "BusyRequest",
    "Choices",
    "DraftRequest",
    "DraftResult",
    "LintRequest",
    "MailboxRequest",
    "Measure",
    "PlanRequest",
    "PlanResult",
    "Question",
    "ReadRequest",
    "ReadResult",
    "Reviewed",
    "SlotsRequest",
    "SlotsResult",
    "busy_for",
    "draft_for",
    "duration_of",
    "export_for",
    "lint_for",
    "mailbox_for",
    "plan_for",
    "read_for",
    "review_for",
    "slots_for",
]

#: How far ahead free slots are looked for, unless the request says otherwise.
SLOT_WINDOW = timedelta(days=10)
#: The longest calendar window read at once, and the years a window may lie in: past these,
#: a request is refused in one line instead of expanding centuries of repeating events.
MAX_WINDOW = timedelta(days=366)
YEARS = (1900, 2999)
#: Facts the drafts use; when missing, a terminal asks for them (else they are written around).
DRAFT_FACTS = ("start", "company", "position")
_MAX_ASKS = 3


@dataclass(frozen=True)
class Question:
    """Something only the user can decide. `choices` empty: a free answer."""

    key: str
    text: str
    choices: tuple[str, ...] = ()
    default: str | None = None


class Asker(Protocol):
    """How a use case reaches the person: shown what was read, asked what is open."""

    def tell(self, inv: Invitation) -> None:
        """Show what was read, before any question about it."""

    def ask(self, question: Question) -> str | None:
        """The person's answer, or None when there is nobody to ask (or no answer)."""


class _NoAsker:
    def tell(self, inv: Invitation) -> None:
        return None

    def ask(self, question: Question) -> str | None:
        return None


#: Without a terminal: nothing is shown, nothing is asked.
NO_ASKER: Asker = _NoAsker()


@dataclass(frozen=True)
class ReadRequest:
    """An invitation to read: a path ("-": standard input) or its bytes, and corrections."""

    source: str
    now: datetime
    corrections: tuple[str, ...] = ()
    data: bytes | None = None
    config: Config | None = None


@dataclass(frozen=True)
class ReadResult:
    """The invitation with its provenance, and the profile it was read for."""

    invitation: Invitation
    profile: Profile
    config: Config


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


@dataclass(frozen=True)
class DraftRequest:
    """Drafts to write: the plan request, which channels, and where the files go."""

    plan: PlanRequest
    channels: tuple[str, ...] = ()
    language: str | None = None
    variant: int = 0
    linkedin_premium: bool = False
    #: None: compose and lint only, write nothing
    out_dir: Path | None = None
    #: keep the invitation, the decision and the drafts in the store (`sopan history`)
    store: bool = False


@dataclass(frozen=True)
class DraftResult:
    """The plan, every draft with its lint report, and the files written (saved first)."""

    planned: PlanResult
    drafts: tuple[Draft, ...]
    reports: tuple[LintReport, ...]
    files: tuple[Path, ...]
    #: the store's id of the invitation, when it was recorded (`sopan send ID`)
    stored: int | None = None


@dataclass(frozen=True)
class SlotsRequest:
    """Free slots around an interview: from an invitation (`read`) or a time alone (`at`)."""

    now: datetime
    read: ReadRequest | None = None
    at: datetime | None = None
    calendars: tuple[str, ...] = ()
    count: int = 3
    within: timedelta = SLOT_WINDOW
    duration: timedelta | None = None
    timeout: float = 10.0
    config: Config | None = None


@dataclass(frozen=True)
class SlotsResult:
    """The interview asked about, its conflicts (None without a calendar) and free slots."""

    invitation: Invitation | None
    interview: Slot | None
    conflicts: tuple[Busy, ...] | None
    slots: tuple[Slot, ...]
    notes: tuple[str, ...]
    config: Config


@dataclass(frozen=True)
class BusyRequest:
    """Busy times in a window from the configured and the given calendars."""

    start: datetime
    end: datetime
    calendars: tuple[str, ...] = ()
    timeout: float = 10.0
    config: Config | None = None


@dataclass(frozen=True)
class LintRequest:
    """A reply to check (`text`, or the file `source` names; "-": standard input), and what
    it answers. `rule_dirs` add the user's own rule files to the built-in ones."""

    text: str | None = None
    source: str | None = None
    #: what is known of the reply (its `invitation` is read from `invitation` below)
    options: LintOptions = field(default_factory=LintOptions)
    invitation: ReadRequest | None = None
    rule_dirs: tuple[str, ...] = ()


def _config(given: Config | None) -> Config:
    from sopan.config import load_config

    return given if given is not None else load_config()


# --- read ----------------------------------------------------------------------------------


def read_for(req: ReadRequest) -> ReadResult:
    """Read the invitation and apply the user's corrections (`FIELD=VALUE`), which win."""
    from sopan.corrections import apply, parse_sets
    from sopan.read import read_bytes, read_file

    config = _config(req.config)
    profile = config.profile
    corrections = parse_sets(req.corrections)  # a bad --set fails before anything is read
    if req.data is None and req.source.startswith("store:"):
        # an invitation a mailbox scan kept: `sopan draft store:ID`
        from sopan.store import Store

        number = req.source.removeprefix("store:")
        if not number.isdigit():
            raise UserError(f"{req.source}: not store:ID (an id from `sopan inbox`)")
        req = replace(req, data=Store().raw(int(number)))
    if req.data is not None:
        inv = read_bytes(req.data, now=req.now, user_tz=profile.timezone, origin=req.source)
    else:
        inv = read_file(Path(req.source), now=req.now, user_tz=profile.timezone)
    if corrections:
        inv = apply(inv, corrections, user_tz=profile.timezone)
    return ReadResult(inv, profile, config)


@dataclass(frozen=True)
class MailboxRequest:
    """A mailbox (.mbox file or Maildir folder) to list the invitations of."""

    path: Path
    now: datetime
    config: Config | None = None


def mailbox_for(req: MailboxRequest) -> list[Invitation]:
    """The interview invitations in a mailbox, newest first."""
    from sopan.read import read_mailbox

    tz = _config(req.config).profile.timezone
    return read_mailbox(req.path, now=req.now, user_tz=tz)


def _words(language: str) -> dict[str, str]:
    from sopan.plan_words import load_words

    return {str(k): str(v) for k, v in load_words(language).data["questions"].items()}


def _confirm_facts(
    inv: Invitation, profile: Profile, asker: Asker, *, strict: bool, language: str
) -> Invitation:
    """Ask about every open fact the drafts need; without an answer, an ambiguous date is an
    error when `strict` (a draft), and a missing fact is left to be written around."""
    from sopan.corrections import FIELDS, apply, parse_sets

    asker.tell(inv)
    q = _words(language)
    for amb in [a for a in inv.ambiguous if a.field in FIELDS]:
        asked = q["ambiguous"] if amb.candidates else f"{amb.problem}. {q['fact']}"
        answer = asker.ask(Question(amb.field, asked.format(field=amb.field), amb.candidates))
        if answer:
            value = answer.split(" ", 1)[0] if answer in amb.candidates else answer
            inv = apply(inv, parse_sets([f"{amb.field}={value}"]), user_tz=profile.timezone)
    for name in DRAFT_FACTS:
        known = inv.start if name == "start" else getattr(inv, name)
        if known is None and not any(a.field == name for a in inv.ambiguous):
            answer = asker.ask(Question(name, q["fact"].format(field=name)))
            if answer:
                inv = apply(inv, parse_sets([f"{name}={answer}"]), user_tz=profile.timezone)
    open_dates = [a for a in inv.ambiguous if a.field in ("start", "end", "timezone")]
    if strict and open_dates:
        amb = open_dates[0]
        raise UserError(
            f"{amb.field} is ambiguous: {amb.summary()} (decide it with --set {amb.field}=VALUE)"
        )
    return inv


# --- situation -----------------------------------------------------------------------------


def _situation(choices: Choices, asker: Asker, language: str) -> tuple[Situation, frozenset[str]]:
    """The Situation from the user's choices, asking for the open ones; also which were
    given by the user (explicitly or as an answer), for the contradiction table."""
    q = _words(language)
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
            answer = asker.ask(Question(name, q[name], ("yes", "no"), "no"))
            values[name] = None if answer is None else answer == "yes"
        else:
            values[name] = asker.ask(Question(name, q[name], options[name]))
    reason_text = choices.reason_text
    if values["reason"] == "other" and not (reason_text and reason_text.strip()):
        reason_text = asker.ask(Question("reason_text", q["other_text"]))
        if not (reason_text and reason_text.strip()):
            raise UserError(
                "--reason other: say it in your own words with --reason-text "
                "(sopan never invents a reason)"
            )
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
    from sopan.coherence import contradictions
    from sopan.plan import urgency_of

    level = urgency_of(inv.start, now).level
    q = _words(language)
    options = {
        "intent": INTENTS,
        "reason": REASONS,
        "interest": INTERESTS,
        "confirmed": ("yes", "no"),
    }
    for _ in range(_MAX_ASKS):
        found = contradictions(sit, inv, urgency=level, given=given, language=language)
        if not found:
            return sit, given
        first = found[0]
        name = first.ask_again
        if name is None:
            raise UserError(first.message())
        text = q["contradiction"].format(message=first.message(), field=name)
        answer = asker.ask(Question(name, text, options[name]))
        if answer is None:
            raise UserError(first.message())
        if answer not in options[name]:
            raise UserError(f"{name}: '{answer}' is not one of {', '.join(options[name])}")
        value: object = answer == "yes" if name == "confirmed" else answer
        sit = replace(sit, **{name: value})  # type: ignore[arg-type]
        given = given | {name}
    raise UserError(
        contradictions(sit, inv, urgency=level, given=given, language=language)[0].message()
    )


def _take_advice(sit: Situation, plan: Plan, asker: Asker, language: str) -> Situation:
    """In a terminal, offer the recommendation (C0, R1.2) the plan shows; the user decides."""
    if plan.recommendation is None:
        return sit
    advice = next(
        (n.text for n in plan.warnings if n.guideline in ("C0", "R1.2")), plan.recommendation
    )
    q = _words(language)
    answer = asker.ask(
        Question(
            "recommendation",
            q["recommend"].format(advice=advice, action=plan.recommendation),
            ("yes", "no"),
            "no",
        )
    )
    return replace(sit, intent=plan.recommendation) if answer == "yes" else sit


# --- alternatives --------------------------------------------------------------------------


def _first_free_moment(inv: Invitation, sit: Situation, now: datetime, tz: str) -> datetime:
    """Slots start after the interview's own day, and not before the user can attend again."""
    here = ZoneInfo(tz)
    day = inv.start.astimezone(here).date() if inv.start else inv.day
    floor = now
    if day is not None:
        floor = max(floor, datetime.combine(day + timedelta(days=1), time(0), here))
    if sit.not_before is not None:
        floor = max(floor, datetime.combine(sit.not_before, time(0), here))
    return floor


def _parse_day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{flag}: '{text}' is not a date (YYYY-MM-DD)") from None


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
    from sopan.compose.review import parse_alternatives

    if plan.action != "reschedule" or sit.alternatives or sit.alternatives_text:
        return sit, ()
    q = _words(language)
    tz = config.profile.timezone
    if sit.reason == "health" and sit.not_before is None:
        answer = asker.ask(Question("not_before", q["not_before"]))
        if not answer:
            return sit, ()  # they propose: nothing earlier than the user can attend is offered
        sit = replace(sit, not_before=_parse_day(answer, "not before"))
    if sources:
        travel = (
            timedelta(minutes=plan.travel_minutes or 0) if inv.mode == "onsite" else timedelta(0)
        )
        floor = _first_free_moment(inv, sit, req.read.now, tz)
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
        slots, free = parse_alternatives(answer.split(";"), inv, tz)
        return replace(sit, alternatives=slots, alternatives_text=free), ()
    return sit, ()


# --- plan ----------------------------------------------------------------------------------


def plan_for(req: PlanRequest, asker: Asker = NO_ASKER) -> PlanResult:
    """Read, confirm, settle the situation, look at the calendars, find alternatives when
    rescheduling, and only then make the plan (so it knows the slots it offers)."""
    from sopan.calendar import busy_around, calendar_settings
    from sopan.compose.review import parse_alternatives
    from sopan.plan import make_plan

    read = read_for(req.read)
    config, profile = read.config, read.profile
    language = req.language or profile.language
    now = req.read.now
    inv = _confirm_facts(read.invitation, profile, asker, strict=req.strict, language=language)
    sit, given = _situation(req.choices, asker, language)
    sit, given = _coherent(sit, given, inv, now=now, asker=asker, language=language)
    slots, free = parse_alternatives(req.choices.alternatives, inv, profile.timezone)
    not_before = (
        _parse_day(req.choices.not_before, "--not-before") if req.choices.not_before else None
    )
    sit = replace(sit, alternatives=slots, alternatives_text=free, not_before=not_before)
    notes: list[str] = []
    sources = tuple(dict.fromkeys([*calendar_settings(config).sources, *req.calendars]))
    # the calendars are read as far as slots may be looked for: from the first free day on
    first_free = _first_free_moment(inv, sit, now, profile.timezone)
    ahead = req.within + max(timedelta(0), first_free - now)
    busy = busy_around(inv, req.calendars, now=now, config=config, within=ahead, warn=notes.append)
    plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language)
    taken = _take_advice(sit, plan, asker, language)
    if taken != sit:
        sit, given = _coherent(
            taken, given | {"intent"}, inv, now=now, asker=asker, language=language
        )
        plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language)
    sit, proposed = _alternatives(
        inv, sit, plan, busy=busy, sources=sources, req=req, config=config, asker=asker,
        language=language,
    )  # fmt: skip
    plan = make_plan(inv, sit, profile, now=now, busy=busy, lang=language)
    return PlanResult(inv, profile, sit, plan, tuple(busy), proposed, tuple(notes), config)


# --- drafts --------------------------------------------------------------------------------


def _channels(req: DraftRequest, plan: Plan, inv: Invitation) -> list[str]:
    unknown = [c for c in req.channels if c != "all" and c not in CHANNELS]
    if unknown:
        raise UserError(f"--channel: '{unknown[0]}' is not one of all, {', '.join(CHANNELS)}")
    if "all" in req.channels:
        # every channel that can reach them: no email without an address, no text message
        # to a landline, no call without a number
        from sopan.plan import reachable

        reach = reachable(inv)
        wanted: list[str] = [c for c in CHANNELS if c in reach]
    elif req.channels:
        wanted = list(dict.fromkeys(req.channels))
    else:
        wanted = list(dict.fromkeys(step.channel for step in plan.steps))
    if "call" in wanted and "voicemail" not in wanted:
        # The call script sends an unanswered call to the voicemail script (C2.1).
        wanted.insert(wanted.index("call") + 1, "voicemail")
    return wanted


def draft_for(req: DraftRequest, asker: Asker = NO_ASKER) -> DraftResult:
    """The plan, then every draft it needs in the invitation's language (R2.1), saved before
    it is shown, each linted."""
    from sopan.compose import compose
    from sopan.compose.files import draft_files, write_files
    from sopan.lint import lint_draft

    for given in req.plan.choices.attachments:
        if not Path(given).is_file():
            raise UserError(f"--attach: {given} is not a file")
    planned = plan_for(replace(req.plan, strict=True), asker)
    inv, sit, plan, profile = planned.invitation, planned.situation, planned.plan, planned.profile
    wanted = _channels(req, plan, inv)
    language: Language = "en" if (req.language or inv.language) == "en" else "id"
    drafts = compose(
        replace(plan, language=language),
        inv,
        sit,
        profile,
        now=req.plan.read.now,
        channels=wanted,
        variant=req.variant,
        linkedin_limit=300 if req.linkedin_premium else 200,
    )
    files: list[Path] = []
    built: list[tuple[str, bytes]] = []
    if req.out_dir is not None or req.store:
        # built once: the file written and the one kept for sending carry one Message-ID
        built = draft_files(
            drafts,
            inv,
            profile,
            attachments=[Path(a) for a in req.plan.choices.attachments],
            now=req.plan.read.now,
        )
    if req.out_dir is not None:
        files = write_files(req.out_dir, built)
    reports = tuple(lint_draft(d, _lint_options(planned)) for d in drafts)
    stored = _record(planned, drafts, reports, built, req.plan.read) if req.store else None
    return DraftResult(planned, tuple(drafts), reports, tuple(files), stored)


def _record(
    planned: PlanResult,
    drafts: Sequence[Draft],
    reports: Sequence[LintReport],
    built: Sequence[tuple[str, bytes]],
    read: ReadRequest,
) -> int:
    """Keep the invitation, the decision and each draft with its file; the invitation's id."""
    from email import message_from_bytes

    from sopan.store import Store
    from sopan.views import invitation_json, plan_json

    # each channel's file is named after it ("sms.txt"); the letter keeps its PDF, the one
    # that prints as reviewed (the .docx is for editing)
    files = {name.rsplit(".", 1)[0]: (name, data) for name, data in built if name != "letter.docx"}
    rows = []
    for draft, report in zip(drafts, reports, strict=True):
        name, data = files.get(draft.channel, (None, None))
        message_id = recipient = None
        if draft.channel == "email" and data is not None:
            head = message_from_bytes(data)
            message_id, recipient = head.get("Message-ID"), head.get("To")
        rows.append({
            "channel": draft.channel, "text": draft.text, "subject": draft.subject,
            "message_id": message_id, "recipient": recipient, "file_name": name, "file": data,
            "lint": report.to_json(),
        })  # fmt: skip
    inv, sit = planned.invitation, planned.situation
    situation = {"intent": sit.intent, "reason": sit.reason, "interest": sit.interest,
                 "confirmed": sit.confirmed, "detail": sit.detail}  # fmt: skip
    contact = {"name": inv.contact.name, "email": inv.contact.email, "phone": inv.contact.phone,
               "company": inv.company, "linkedin": None}  # fmt: skip
    return Store().record(
        facts=invitation_json(inv), source=read.source, action=planned.plan.action,
        situation=situation, plan=plan_json(planned.plan), drafts=rows, contact=contact,
        now=read.now, subject=inv.subject,
    )  # fmt: skip


def _lint_options(planned: PlanResult) -> LintOptions:
    """What a draft of this plan is linted against: the action, the invitation, the user."""
    return LintOptions(
        action=planned.plan.action,
        invitation=planned.invitation,
        profile=planned.profile,
        detail=planned.situation.detail,
        new_employer=planned.situation.new_employer,
    )


@dataclass(frozen=True)
class Measure:
    """How long a draft is in its channel's own unit, against the channel's limit."""

    unit: str  # "seconds" (spoken), "sms_segments", "chars"
    value: float
    limit: float | None = None


@dataclass(frozen=True)
class Reviewed:
    """One draft as the user edited it, its lint report and its length."""

    draft: Draft
    report: LintReport
    measure: Measure | None


def review_for(planned: PlanResult, drafts: Sequence[Draft]) -> tuple[Reviewed, ...]:
    """Lint drafts as the user edited them, against the plan they answer, and measure them:
    the voicemail and call in spoken seconds, an SMS in parts, a LinkedIn note in characters."""
    from sopan.lint import lint_draft

    options = _lint_options(planned)
    return tuple(Reviewed(d, lint_draft(d, options), _measure(d)) for d in drafts)


def _measure(draft: Draft) -> Measure | None:
    from sopan.compose.bank import channel_spec

    spec = channel_spec(draft.channel)
    if draft.channel in ("voicemail", "call"):
        from sopan.compose.core import speaking_seconds

        limit = spec.max_seconds if draft.channel == "voicemail" else None
        return Measure("seconds", speaking_seconds(draft.text, spec.rate(draft.language)), limit)
    if draft.channel == "sms":
        from sopan.lint.engine import GSM7, sms_segments

        return Measure("sms_segments", sms_segments(draft.text, GSM7), 3)
    if draft.channel == "linkedin":
        return Measure("chars", len(draft.text), spec.max_chars or 200)
    return None


def export_for(
    planned: PlanResult, drafts: Sequence[Draft], now: datetime
) -> list[tuple[str, bytes]]:
    """The drafts as files to take away (.eml, .docx, .pdf, .ics, .txt), as (name, bytes):
    nothing is written and nothing is sent."""
    from sopan.compose.files import draft_files

    return draft_files(drafts, planned.invitation, planned.profile, now=now)


# --- calendars -----------------------------------------------------------------------------


def _check_window(start: datetime, end: datetime, flag: str) -> None:
    for moment in (start, end):
        if not YEARS[0] <= moment.year <= YEARS[1]:
            raise UserError(f"{flag}: {moment.date()} is outside the years {YEARS[0]}–{YEARS[1]}")
    if end - start > MAX_WINDOW:
        raise UserError(f"{flag}: a window of at most {MAX_WINDOW.days} days")


def busy_for(req: BusyRequest) -> tuple[list[Busy], tuple[str, ...]]:
    """Busy entries in the window, from the configured calendars and the given ones."""
    from sopan.calendar import calendar_settings, load_busy

    config = _config(req.config)
    if req.end <= req.start:
        raise UserError("--to: the window ends before it starts")
    _check_window(req.start, req.end, "--from/--to")
    sources = [*calendar_settings(config).sources, *req.calendars]
    if not sources:
        raise UserError("busy: no calendar given (--calendar SRC or [calendar] sources)")
    notes: list[str] = []
    found = load_busy(
        sources, start=req.start, end=req.end, config=config, timeout=req.timeout, warn=notes.append
    )
    return found, tuple(notes)


def slots_for(req: SlotsRequest) -> SlotsResult:
    """Free slots to move an interview to (never its own day or earlier), and its conflicts."""
    from sopan.calendar import calendar_settings, conflicts, load_busy, propose

    config = _config(req.config)
    tz = config.profile.timezone
    if req.within > MAX_WINDOW:
        raise UserError(f"--within: at most {MAX_WINDOW.days} days")
    inv = read_for(replace(req.read, config=config)).invitation if req.read else None
    start = req.at or (inv.start if inv else None)
    end = inv.end if inv and not req.at else None
    length = req.duration or (end - start if start and end and end > start else DEFAULT_LENGTH)
    asked = Invitation(
        language=config.profile.language,
        source="text",
        start=start,
        end=start + length if start else None,
        day=inv.day if inv else None,
    )
    floor = _first_free_moment(asked, Situation(), req.now, tz)
    settings = calendar_settings(config)
    sources = [*settings.sources, *req.calendars]
    window_end = floor + req.within + timedelta(days=1)
    lo = min(req.now, start) if start else req.now
    hi = max(window_end, start + length) if start else window_end
    notes: list[str] = []
    found = (
        load_busy(sources, start=lo, end=hi, config=config, timeout=req.timeout, warn=notes.append)
        if sources
        else []
    )
    if not sources:
        notes.append(
            "no calendar given: slots avoid only working hours, blocked times and holidays"
        )
    proposed = propose(
        asked,
        found,
        now=req.now,
        config=config,
        within=req.within,
        count=req.count,
        not_before=floor,
    )
    interview = Slot(start, start + length) if start else None
    clash = None
    if interview is not None and sources:
        travel = timedelta(minutes=settings.travel_minutes or 0)
        clash = tuple(conflicts(interview, found, travel=travel))
    return SlotsResult(inv, interview, clash, tuple(proposed), tuple(notes), config)


# --- lint ----------------------------------------------------------------------------------


def lint_for(req: LintRequest) -> LintReport:
    """Lint a reply, against its invitation when one is given."""
    from sopan.lint import builtin_rules, lint_text, load_rules_from
    from sopan.lint.files import read_reply

    options = req.options
    if req.text is not None:
        text = req.text
    else:
        reply = read_reply(req.source or "-")
        text = reply.text
        if options.channel is None:  # a .eml is an email, a .docx a letter, "sms.txt" an SMS
            options = replace(options, channel=reply.channel)
    rules = None
    if req.rule_dirs:
        missing = [d for d in req.rule_dirs if not Path(d).exists()]
        if missing:
            raise UserError(f"lint: --rules {missing[0]}: no such file or folder")
        rules = load_rules_from((Path(d) for d in req.rule_dirs), base=builtin_rules())
    if req.invitation:
        options = replace(options, invitation=read_for(req.invitation).invitation)
    return lint_text(text, options, rules=rules)


def duration_of(text: str, flag: str) -> timedelta:
    """A length such as "60m", "10d" or "1h30m"; a bad one is an error naming `flag`."""
    from sopan.calendar.settings import parse_duration

    return parse_duration(text, flag)


# --- the store and sending -----------------------------------------------------------------


def history_for() -> list[dict[str, Any]]:
    """Every invitation kept, newest first, with its decision and what was sent."""
    from sopan.store import Store

    return Store().history()


def show_for(invitation_id: int) -> dict[str, Any]:
    """One invitation kept: its facts, drafts, outbox states, follow-ups and events."""
    from sopan.store import Store

    return Store().show(invitation_id)


def follow_ups_for() -> list[dict[str, Any]]:
    """What is still to do, soonest first (R7, C2.1, C3)."""
    from sopan.store import Store

    return Store().follow_ups()


@dataclass(frozen=True)
class SendRequest:
    """Send a kept draft: the invitation's id in the store, which channel, and the user's
    word (`yes` skips the question; `force` sends despite lint errors; `resolve` says what
    became of an attempt whose outcome is unknown: "sent" or "failed")."""

    invitation_id: int
    now: datetime
    channel: str = "email"
    yes: bool = False
    force: bool = False
    resolve: str | None = None
    config: Config | None = None


@dataclass(frozen=True)
class SendResult:
    """What became of the draft: "sent", or "resolved" (the user said what happened)."""

    state: str
    message_id: str
    recipient: str
    follow_ups: int = 0


def send_for(
    req: SendRequest, asker: Asker = NO_ASKER, transport: Transport | None = None
) -> SendResult:
    """Send one kept email draft exactly once.

    Refused: a channel sopan cannot send, a draft for an interview already past, lint errors
    (unless `force`), and a draft already sent or whose last attempt has an unknown outcome
    (never retried by itself: the user says what happened, with `resolve`). The outbox row is
    committed before the first byte goes out and settled when the server answers."""
    from sopan.deliver import NotSent, OutcomeUnknown
    from sopan.faults import crash_point
    from sopan.store import Store

    if req.channel != "email":
        raise UserError(f"send: only email is sent by sopan; send the {req.channel} yourself")
    store = Store()
    kept = store.drafts_of(req.invitation_id)
    draft = next((d for d in kept if d.channel == "email"), None)
    if draft is None or draft.file is None or not draft.message_id:
        raise UserError(f"send: invitation {req.invitation_id} has no email draft kept")
    if req.resolve is not None:
        return _resolve(store, draft, req)
    if draft.interview_start is not None and draft.interview_start <= req.now:
        raise UserError("send: the interview has already started; this draft is stale")
    errors = [f for f in draft.lint.get("findings", []) if f.get("level") == "error"]
    if errors and not req.force:
        first = errors[0]["message"]
        raise UserError(f"send: the draft has {len(errors)} lint error(s) ({first}); fix it, "
                        "or send anyway with --force")  # fmt: skip
    recipient = draft.recipient or ""
    config = _config(req.config)
    chosen = transport
    if chosen is None:
        from sopan.deliver.smtp import SmtpTransport, smtp_password, smtp_settings

        # a missing or bad [smtp] table stops before the outbox is touched
        settings = smtp_settings(config)
        chosen = SmtpTransport(settings, smtp_password(settings))
    q = _words(config.profile.language)
    if not req.yes:
        shown = f"{q['send'].format(to=recipient, subject=draft.subject or '')}\n\n{draft.text}\n"
        answer = asker.ask(Question("send", shown, ("yes", "no"), "no"))
        if answer is None:
            raise UserError("send: nobody to ask; add --yes to send without a question")
        if answer != "yes":
            raise UserError("send: not sent (you said no)")
    claim = store.claim(draft, now=req.now)
    if claim.state == "sending" and claim.owner_alive():
        raise UserError(f"send: another sopan is sending it now ({claim.owner}); not sent twice")
    if claim.state in ("sending", "unknown") and _in_sent(config, draft.message_id):
        # the provider filed it: it went, whatever the last attempt heard
        store.settle(draft, "sent", now=req.now, detail="found in the Sent folder")
        claim = replace(claim, state="sent")
    if claim.state == "sent":
        raise UserError(f"send: already sent ({draft.message_id}); sopan never sends twice")
    if claim.state in ("sending", "unknown"):
        # only the user can say what became of it; in a terminal, ask
        said = asker.ask(Question("resolve", q["send_unknown"].format(id=draft.message_id),
                                  ("sent", "failed"), None))  # fmt: skip
        if said == "sent":
            store.settle(draft, "sent", now=req.now, detail="the user said so")
            raise UserError(f"send: recorded as sent ({draft.message_id}); not sent again")
        if said == "failed":
            store.settle(draft, "failed", now=req.now, detail="the user said so")
            claim = store.claim(draft, now=req.now)
    if claim.state in ("sending", "unknown"):
        raise UserError(
            f"send: the last attempt's outcome is unknown ({draft.message_id}); look for it in "
            f"your Sent folder, then run `sopan send {req.invitation_id} --resolve sent` or "
            "`--resolve failed` (sopan never sends it again by itself)"
        )
    crash_point("after-claim")
    sender = config.profile.email or ""
    try:
        chosen.send(draft.file, sender, _addresses(recipient))
    except NotSent as exc:
        store.settle(draft, "failed", now=req.now, detail=str(exc))
        raise
    except OutcomeUnknown as exc:
        store.settle(draft, "unknown", now=req.now, detail=str(exc))
        raise
    crash_point("after-accept")
    store.settle(draft, "sent", now=req.now)
    crash_point("after-settle")
    _file_in_sent(config, draft, store, req.now)
    channels = {d.channel for d in kept}
    count = _follow_ups(store, req.invitation_id, channels, req.now, config.profile.language)
    return SendResult("sent", draft.message_id, recipient, count)


def _addresses(header: str) -> list[str]:
    from email.utils import getaddresses

    return [address for _, address in getaddresses([header]) if address]


def _resolve(store: Store, draft: StoredDraft, req: SendRequest) -> SendResult:
    """The user's word on an attempt whose outcome was unknown."""
    if req.resolve not in ("sent", "failed"):
        raise UserError(f"--resolve: '{req.resolve}' is not 'sent' or 'failed'")
    state = store.outbox_state(draft.id)
    if state not in ("sending", "unknown"):
        raise UserError(f"--resolve: the draft's outcome is not unknown (it is '{state}')")
    store.settle(draft, req.resolve, now=req.now, detail="the user said so")
    return SendResult("resolved", draft.message_id or "", draft.recipient or "")


def _follow_ups(
    store: Store, invitation_id: int, drafted: set[str], now: datetime, language: str
) -> int:
    """Follow-ups after the email is sent: a check for an answer after three working days
    (R7), and the LinkedIn request when the plan has a LinkedIn note (C3)."""
    q = _words(language)
    due = now
    added = 0
    while added < 3:
        due += timedelta(days=1)
        if due.weekday() < 5:
            added += 1
    items = [("check_answer", due, q["follow_check"], "R7")]
    for channel in ("sms", "whatsapp"):  # C2.1: the call and the email, then a text
        if channel in drafted:
            items.append((channel, now, q["follow_text"].format(channel=channel), "C2.1"))
    if "linkedin" in drafted:
        items.append(("linkedin", now + timedelta(days=1), q["follow_linkedin"], "C3"))
    store.add_follow_ups(invitation_id, items)
    return len(items)


def _mailbox(config: Config) -> Mailbox | None:
    """The configured IMAP mailbox, not yet connected (None when there is no [imap])."""
    from sopan.deliver.imap import Mailbox, imap_password, imap_settings

    settings = imap_settings(config)
    return Mailbox(settings, imap_password(settings)) if settings else None


def _in_sent(config: Config, message_id: str | None) -> bool:
    """Whether the Sent folder of the configured mailbox holds this Message-ID."""
    box = _mailbox(config)
    if box is None or not message_id:
        return False
    with box as open_box:
        return open_box.has(open_box.special("Sent"), message_id)


def _file_in_sent(config: Config, draft: StoredDraft, store: Store, now: datetime) -> None:
    """A copy in Sent, unless the provider filed one already (never two copies); a mailbox
    that fails here costs only the copy: the message is sent and recorded."""
    from sopan.errors import SopanError

    box = _mailbox(config)
    if box is None or draft.file is None or not draft.message_id:
        return
    try:
        with box as open_box:
            put = open_box.put_once(open_box.special("Sent"), draft.file, draft.message_id,
                                    draft=False)  # fmt: skip
        store.log("filed in Sent" if put else "already in Sent", now=now,
                  invitation_id=draft.invitation_id, draft_id=draft.id)  # fmt: skip
    except SopanError as exc:
        store.log("not filed in Sent", now=now, invitation_id=draft.invitation_id,
                  draft_id=draft.id, detail=str(exc))  # fmt: skip


def save_for(invitation_id: int, config: Config | None = None) -> tuple[str, bool]:
    """Put the kept email draft in the mailbox's Drafts folder (flagged \\Draft), once:
    (the folder, whether it was put there now rather than found there)."""
    from sopan.store import Store

    chosen = _config(config)
    box = _mailbox(chosen)
    if box is None:
        raise UserError("save: no [imap] table with a host in the config file")
    draft = next((d for d in Store().drafts_of(invitation_id) if d.channel == "email"), None)
    if draft is None or draft.file is None or not draft.message_id:
        raise UserError(f"save: invitation {invitation_id} has no email draft kept")
    with box as open_box:
        folder = open_box.special("Drafts")
        return folder, open_box.put_once(folder, draft.file, draft.message_id, draft=True)


@dataclass(frozen=True)
class InboxRequest:
    """A mailbox to scan: an IMAP address (`imaps://USER@HOST`), or a file or Maildir."""

    now: datetime
    imap: str | None = None
    path: Path | None = None
    folder: str = "INBOX"
    config: Config | None = None


@dataclass(frozen=True)
class InboxRow:
    """One invitation in the mailbox: how urgent, whether answered, and how to answer."""

    id: int | None
    subject: str | None
    company: str | None
    start: datetime | None
    hours_left: float | None
    answered: bool
    command: str


def inbox_for(req: InboxRequest, progress: Callable[[int], None] | None = None) -> list[InboxRow]:
    """The interview invitations in a mailbox, most urgent first. An IMAP folder is read
    from where the last scan stopped (a UID cursor per UIDVALIDITY) and opened read-only;
    what it found is kept, so a second scan reads only new mail."""
    from sopan.read.mailbox import invitation_in
    from sopan.store import Store
    from sopan.views import invitation_json

    config = _config(req.config)
    tz = config.profile.timezone
    if req.imap is None:
        if req.path is None:
            raise UserError("inbox: give --imap imaps://USER@HOST or a mailbox PATH")
        found = mailbox_for(MailboxRequest(req.path, req.now, config))
        answered = Store().sent_replies([i.message_id for i in found if i.message_id])
        rows = [
            InboxRow(None, i.subject, i.company, i.start, _left(i.start, req.now),
                     i.message_id in answered, f"sopan draft {req.path} --set company=…")
            for i in found
        ]  # fmt: skip
        return _urgent_first(rows)
    from sopan.deliver.imap import Mailbox, imap_password, settings_from_url

    settings = settings_from_url(req.imap, config)
    store = Store()
    prefix = f"imap:{settings.account}/{req.folder}#"
    with Mailbox(settings, imap_password(settings)) as box:
        validity, _next = box.state(req.folder)
        after = store.cursor(settings.account, req.folder, validity)
        last = after
        for count, (uid, raw) in enumerate(box.new_messages(req.folder, after), 1):
            last = max(last, uid)
            inv = invitation_in(raw, now=req.now, user_tz=tz)
            if inv is not None:
                store.found(facts=invitation_json(inv), source=f"{prefix}{uid}", raw=raw,
                            now=req.now, subject=inv.subject)  # fmt: skip
            if progress is not None and count % 500 == 0:
                progress(count)
        store.move_cursor(settings.account, req.folder, validity, last)
        kept = store.found_in(prefix)
        ids = [k["message_id"] for k in kept if k["message_id"]]
        replied = box.replies_to(box.special("Sent"), ids) | store.sent_replies(ids)
    rows = [
        InboxRow(k["id"], k["subject"], k["company"], k["start"], _left(k["start"], req.now),
                 k["message_id"] in replied, f"sopan draft store:{k['id']}")
        for k in kept
    ]  # fmt: skip
    return _urgent_first(rows)


def _left(start: datetime | None, now: datetime) -> float | None:
    return (start - now).total_seconds() / 3600 if start else None


def _urgent_first(rows: list[InboxRow]) -> list[InboxRow]:
    """Unanswered before answered; the soonest still to come first; past and undated last."""

    def key(row: InboxRow) -> tuple[bool, bool, float]:
        left = row.hours_left
        return (row.answered, left is None or left < 0, left if left is not None else 0.0)

    return sorted(rows, key=key)
