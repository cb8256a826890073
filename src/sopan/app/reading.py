"""Reading an invitation (or a mailbox) and confirming the facts the drafts need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sopan.app.base import Asker, Question, config_of, questions
from sopan.errors import UserError
from sopan.model import Correction, Invitation, Profile

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

    tz = config_of(req.config).profile.timezone
    return read_mailbox(req.path, now=req.now, user_tz=tz)


def _in_words(value: str, language: str, tz: str) -> str:
    """A candidate the reader offers, as the language writes it ("Sabtu, 21 November 2026
    pukul 10.00 WIB"; a day alone, its day)."""
    from datetime import date

    from sopan.language.dateforms import day, when_text

    try:
        if len(value) == 10:
            return day(date.fromisoformat(value), "date", language)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return value
    return when_text(moment, getattr(moment.tzinfo, "key", None) or tz, language)


def confirm_facts(
    inv: Invitation,
    profile: Profile,
    asker: Asker,
    *,
    strict: bool,
    language: str,
    now: datetime,
) -> Invitation:
    """Ask about every open fact the drafts need; without an answer, an ambiguous date is an
    error when `strict` (a draft), and a missing fact is left to be written around."""
    from sopan import parse
    from sopan.model.names import FACT_FIELDS
    from sopan.read.corrections import apply

    def given(name: str, answer: str) -> Invitation:
        typed = parse.fact(name, answer, language=language, now=now)
        return apply(inv, typed, user_tz=profile.timezone)

    from sopan.language.words import load_words

    def typed(name: str) -> Callable[[str], object]:
        """The question's check: the answer read as the one parser reads it."""
        return lambda answer: parse.fact(name, answer, language=language, now=now)

    asker.tell(inv)
    q = questions(language)
    names = load_words(language)
    for amb in [a for a in inv.ambiguous if a.field in FACT_FIELDS]:
        asked = q["ambiguous"] if amb.candidates else f"{amb.problem}. {q['fact']}"
        values = tuple(c.split(" ", 1)[0] for c in amb.candidates)
        question = Question(
            amb.field, asked.format(field=names.name("fact", amb.field)), values,
            labels=tuple(_in_words(v, language, profile.timezone) for v in values),
            check=typed(amb.field),
        )  # fmt: skip
        answer = asker.ask(question)
        if answer:
            inv = given(amb.field, answer)
    for name in DRAFT_FACTS:
        known = inv.start if name == "start" else getattr(inv, name)
        if known is None and not any(a.field == name for a in inv.ambiguous):
            asked = q["fact"].format(field=names.name("fact", name))
            answer = asker.ask(Question(name, asked, check=typed(name)))
            if answer:
                inv = given(name, answer)
    open_dates = [a for a in inv.ambiguous if a.field in ("start", "end", "timezone")]
    if strict and open_dates:
        amb = open_dates[0]
        raise UserError(
            "read.ambiguous", field=amb.field, candidates=amb.candidates or (amb.problem or "",)
        )
    return inv
