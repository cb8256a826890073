"""Reading an invitation (or a mailbox) and confirming the facts the drafts need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sopan.app.base import Asker, Question, config_of, questions
from sopan.errors import UserError
from sopan.language.dateforms import reading_of
from sopan.model import Ambiguity, Correction, Invitation, Profile

if TYPE_CHECKING:
    from sopan.config import Config


#: Facts the drafts use; when missing, a terminal asks for them (else they are written around).
DRAFT_FACTS = ("start", "company", "position")


@dataclass(frozen=True)
class ReadRequest:
    """An invitation to read: a path ("-": standard input) or its bytes, and the facts the
    person gave or corrected (typed values: `sopan.parse.fact` makes them from what was typed)."""

    source: str
    now: datetime
    corrections: tuple[Correction, ...] = ()
    data: bytes | None = None
    config: Config | None = None


@dataclass(frozen=True)
class ReadResult:
    """The invitation with its provenance, and the profile it was read for."""

    invitation: Invitation
    profile: Profile
    config: Config


def read_for(req: ReadRequest) -> ReadResult:
    """Read the invitation and apply the person's corrections, which win."""
    from sopan.read import read_bytes, read_file
    from sopan.read.corrections import apply

    config = config_of(req.config)
    profile = config.profile
    corrections = req.corrections
    if req.data is None and req.source.startswith("store:"):
        # an invitation a mailbox scan kept: `sopan draft store:ID`
        from sopan.store import Store

        number = req.source.removeprefix("store:")
        if not number.isdigit():
            raise UserError("read.not_store_id", field="file", value=req.source)
        req = replace(req, data=Store().raw(int(number)))
    # a zone the person gives the interview is the one its words are read in: "Thursday at
    # 3 PM" is the recruiter's next Thursday, not the one of the person's own clock
    given = [c.value for c in corrections if c.field == "timezone" and isinstance(c.value, str)]
    zone = given[-1] if given else profile.timezone
    if req.data is not None:
        inv = read_bytes(req.data, now=req.now, user_tz=zone, origin=req.source)
    else:
        inv = read_file(Path(req.source), now=req.now, user_tz=zone)
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

    tz = config_of(req.config).profile.timezone
    return read_mailbox(req.path, now=req.now, user_tz=tz)


#: the actions that need no time picked from those an invitation offers (R1): a decline or a
#: cancellation answers the invitation, whichever time it was
NO_SLOT_NEEDED = ("decline", "cancel")


def confirm_facts(
    inv: Invitation,
    profile: Profile,
    asker: Asker,
    *,
    strict: bool,
    language: str,
    now: datetime,
    intent: str | None = None,
) -> Invitation:
    """Ask about every open fact the drafts need; without an answer, an ambiguous date is an
    error when `strict` (a draft), and a missing fact is left to be written around. Times the
    invitation offers to choose from are left open until the action is known (`intent`, else
    `need_slot` after the plan): a decline or a cancellation needs none of them."""
    from sopan.model.names import FACT_FIELDS

    asker.tell(inv)
    q = questions(language)
    for amb in [a for a in inv.ambiguous if a.field in FACT_FIELDS]:
        if amb.offered and intent not in ("reschedule", "online"):
            continue  # asked after the plan, and only when its action needs one
        inv = _ask_ambiguous(inv, amb, profile, asker, language=language, now=now)
    from sopan.language.words import load_words

    names = load_words(language)
    for name in DRAFT_FACTS:
        known = inv.start if name == "start" else getattr(inv, name)
        if known is None and not any(a.field == name for a in inv.ambiguous):
            asked = q["fact"].format(field=names.name("fact", name))
            answer = asker.ask(Question(name, asked, check=_typed(name, language, now)))
            if answer:
                inv = _given(inv, name, answer, profile, language, now)
    open_dates = [
        a for a in inv.ambiguous if a.field in ("start", "end", "timezone") and not a.offered
    ]
    if strict and open_dates:
        _refuse(open_dates[0])
    return inv


def need_slot(
    inv: Invitation,
    action: str,
    profile: Profile,
    asker: Asker,
    *,
    strict: bool,
    language: str,
    now: datetime,
) -> Invitation:
    """When the plan's action needs one time and the invitation offers several (a reschedule
    or an online interview answers one of them), ask which; without an answer, an error when
    `strict`. A decline or a cancellation needs none (`NO_SLOT_NEEDED`)."""
    if action in NO_SLOT_NEEDED:
        return inv
    for amb in [a for a in inv.ambiguous if a.offered]:
        inv = _ask_ambiguous(inv, amb, profile, asker, language=language, now=now)
    left = [a for a in inv.ambiguous if a.offered]
    if strict and left:
        _refuse(left[0])
    return inv


def _refuse(amb: Ambiguity) -> None:
    if amb.candidates and amb.problem:
        # both readings and what is wrong: the weekday and the date written disagree
        raise UserError("read.date_weekday", field=amb.field, candidates=amb.candidates)
    raise UserError(
        "read.ambiguous", field=amb.field, candidates=amb.candidates or (amb.problem or "",)
    )


def _typed(name: str, language: str, now: datetime) -> Callable[[str], object]:
    """The question's check: the answer read as the one parser reads it."""
    from sopan import parse

    return lambda answer: parse.fact(name, answer, language=language, now=now)


def _given(
    inv: Invitation, name: str, answer: str, profile: Profile, language: str, now: datetime
) -> Invitation:
    from sopan import parse
    from sopan.read.corrections import apply

    typed = parse.fact(name, answer, language=language, now=now)
    return apply(inv, typed, user_tz=profile.timezone)


def _ask_ambiguous(
    inv: Invitation,
    amb: Ambiguity,
    profile: Profile,
    asker: Asker,
    *,
    language: str,
    now: datetime,
) -> Invitation:
    """Ask which of an ambiguous field's candidates is meant; `inv` with the answer given."""
    from sopan.language.words import load_words

    q = questions(language)
    names = load_words(language)
    said = amb.problem.text(language) if amb.problem else ""
    asked = q["ambiguous"] if amb.candidates else f"{said}. {q['fact']}"
    values = tuple(c.split(" ", 1)[0] for c in amb.candidates)
    question = Question(
        amb.field, asked.format(field=names.name("fact", amb.field)), values,
        labels=tuple(reading_of(v, profile.timezone, language)[1] for v in values),
        check=_typed(amb.field, language, now),
    )  # fmt: skip
    answer = asker.ask(question)
    return _given(inv, amb.field, answer, profile, language, now) if answer else inv
