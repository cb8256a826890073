"""The drafts the plan needs, linted, written and kept; a review of edited drafts; export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sopan.app.base import NO_ASKER, Asker
from sopan.app.planning import PlanRequest, PlanResult, drafts_language, plan_for
from sopan.errors import UserError
from sopan.model import Draft, Invitation, LintOptions, Plan

if TYPE_CHECKING:
    from sopan.lint import LintReport


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
    #: called once the drafts are made, before the first file is written or kept (the
    #: command line says there what the person must know first)
    before_writing: Callable[[], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DraftResult:
    """The plan, every draft with its lint report, and the files written (saved first)."""

    planned: PlanResult
    drafts: tuple[Draft, ...]
    reports: tuple[LintReport, ...]
    files: tuple[Path, ...]
    #: the store's id of the invitation, when it was recorded (`sopan send ID`)
    stored: int | None = None
    #: under `--channel all`, each channel not written and why, as (channel, reason key of
    #: the plan's words `not_written`): no address, no number, a landline, no calendar
    #: invitation, no calendar answer, an invitation too informal for a letter
    skipped: tuple[tuple[str, str], ...] = ()


#: what a channel's spec needs (`reach`), missing → why it is not written under `all`
_UNREACHED = {
    "email": "no_email",
    "mobile": "no_mobile",
    "phone": "no_phone",
    "calendar": "no_calendar",
    "person": "no_person",
}


def _not_written(name: str, inv: Invitation) -> str:
    """Why `--channel all` does not write a channel (a key of the words' `not_written`)."""
    from sopan.model.channels import registry
    from sopan.plan.reach import can_call

    spec = registry().spec(name)
    if spec.reach == "mobile" and not inv.contact.phone:
        return "no_phone"
    if spec.role == "unanswered" and (inv.contact.phone or can_call(inv)):
        return "no_voicemail"  # an Indonesian mobile: a text follows an unanswered call
    if spec.reach == "mobile" and spec.role == "reply":
        return "no_mobile_chat"  # a landline has no WhatsApp (not "takes no SMS")
    return _UNREACHED.get(spec.reach, "informal")


def _channels(req: DraftRequest, plan: Plan, inv: Invitation, home: str = "") -> list[str]:
    from sopan.compose.address import formal_register
    from sopan.model.channels import registry
    from sopan.plan.reach import leaves_voicemail

    known = registry()
    unknown = [c for c in req.channels if c != "all" and known.get(c) is None]
    if unknown:
        choices = ("all", *known.names())
        raise UserError("choice.not_one_of", field="channel", value=unknown[0], choices=choices)
    if "all" in req.channels:
        # every channel that can reach them (no email without an address, no text message
        # to a landline, no call without a number), and every chat the plan names: a chat
        # planned without a number is the reply pasted into the chat already open
        from sopan.plan import reachable

        chats = {spec.name for spec in known.of_kind("chat")}
        reach = reachable(inv, home) | ({step.channel for step in plan.steps} & chats)
        if not formal_register(inv):
            # a channel written only when asked for (a formal letter) answers, under `all`,
            # only an invitation written formally (a formal e-mail or letter, R2.1, R3), or
            # one the plan names
            planned = {step.channel for step in plan.steps}
            reach -= {s.name for s in known.with_role("none") if s.name not in planned}
        if not leaves_voicemail(inv):
            # an Indonesian mobile rarely has voicemail: the text after the call, not a recording
            reach -= {s.unanswered for s in known.with_role("call") if s.unanswered}
        wanted: list[str] = [c for c in known.names() if c in reach]
    elif req.channels:
        wanted = list(dict.fromkeys(req.channels))
    else:
        # a step with no channel of its own (answering on a portal) has no draft
        drafted = (step.channel for step in plan.steps if known.get(step.channel) is not None)
        wanted = list(dict.fromkeys(drafted))
    for name in list(wanted):
        # a call script sends an unanswered call to its voicemail script (C2.1)
        after = known.spec(name).unanswered
        if after and after not in wanted and leaves_voicemail(inv):
            wanted.insert(wanted.index(name) + 1, after)
    if inv.uid and any(known.spec(c).format == "eml" for c in wanted):
        # an e-mail reply to a calendar invitation carries the calendar answer (iMIP), so
        # the organiser's calendar learns it whichever channels were asked for
        wanted += [s.name for s in known.of_kind("calendar") if s.name not in wanted]
    return wanted


def draft_for(req: DraftRequest, asker: Asker = NO_ASKER) -> DraftResult:
    """The plan, then every draft it needs in the invitation's language (R2.1), saved before
    it is shown, each linted."""
    from sopan.compose import compose
    from sopan.compose.files import draft_files, write_files
    from sopan.lint import lint_draft

    for given in req.plan.choices.attachments:
        if not Path(given).is_file():
            raise UserError("draft.attach_missing", field="attach", file=given)
    planned = plan_for(replace(req.plan, strict=True), asker)
    inv, sit, plan, profile = planned.invitation, planned.situation, planned.plan, planned.profile
    wanted = _channels(req, plan, inv, profile.country)
    language = drafts_language(req.language, inv)
    drafts = compose(
        replace(plan, language=language),
        inv,
        sit,
        profile,
        now=req.plan.read.now,
        channels=wanted,
        variant=req.variant,
        extended=req.linkedin_premium,
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
    reports = tuple(lint_draft(d, lint_options(planned)) for d in drafts)
    if req.before_writing is not None:
        req.before_writing()
    if req.out_dir is not None:
        files = write_files(req.out_dir, built)
    stored = None
    if req.store:
        from sopan.app.keeping import keep

        read = req.plan.read
        stored = keep(planned, drafts, reports, built, source=read.source, now=read.now)
    skipped: tuple[tuple[str, str], ...] = ()
    if "all" in req.channels:
        from sopan.model.channels import registry

        drafted = {d.channel for d in drafts}
        skipped = tuple(
            (name, "no_answer" if name in wanted else _not_written(name, inv))
            for name in registry().names()
            if name not in drafted
        )
    return DraftResult(planned, tuple(drafts), reports, tuple(files), stored, skipped)


def lint_options(planned: PlanResult) -> LintOptions:
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

    options = lint_options(planned)
    return tuple(Reviewed(d, lint_draft(d, options), _measure(d)) for d in drafts)


#: the measure's unit as the pages name it
_UNITS = {"sms_parts": "sms_segments"}


def _measure(draft: Draft) -> Measure | None:
    """The draft's length in its channel's measure, against the channel's limit."""
    from sopan.model.channels import registry, size_of

    spec = registry().spec(draft.channel)
    size = size_of(draft.text, spec, draft.language)
    if spec.measure is None or size is None:
        return None
    return Measure(_UNITS.get(spec.measure.unit, spec.measure.unit), size, spec.measure.limit)


def export_for(
    planned: PlanResult, drafts: Sequence[Draft], now: datetime
) -> list[tuple[str, bytes]]:
    """The drafts as files to take away (.eml, .docx, .pdf, .ics, .txt), as (name, bytes):
    nothing is written and nothing is sent."""
    from sopan.compose.files import draft_files

    return draft_files(drafts, planned.invitation, planned.profile, now=now)
