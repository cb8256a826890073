"""The values of a decision: the user's situation, the plan with its steps and notes, and the
drafts it asks for. Frozen and plain, like the rest of `sopan.model` (which re-exports them:
`from sopan.model import Plan` works, and imports this module only then).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sopan.model.names import DEFAULT_LANGUAGE, Action, Channel, Language
from sopan.model.values import Busy, Slot

__all__ = ["Busy", "Draft", "Note", "Plan", "Situation", "Slot", "Step", "Urgency"]


@dataclass(frozen=True)
class Situation:
    """The user's answers: what they want, why, and how much to say.

    `intent` None means the user has not chosen: the plan then takes its recommendation.
    `reason` None means none was given: the drafts then give none (sopan never invents one).
    `not_before` is the first day the user can attend again (after illness, for example).
    """

    intent: Action | None = None
    reason: str | None = None
    interest: Literal["yes", "no", "unsure"] = "unsure"
    confirmed: bool = False
    detail: Literal["brief", "full"] = "brief"
    reason_text: str | None = None
    strengths: tuple[str, ...] = ()
    alternatives: tuple[Slot, ...] = ()
    alternatives_text: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    new_employer: str | None = None
    not_before: date | None = None


@dataclass(frozen=True)
class Urgency:
    """Time left until the interview starts and how pressing that is (R2, C1)."""

    hours_left: float | None
    level: Literal["ok", "soon", "late", "past", "unknown"]


@dataclass(frozen=True)
class Step:
    """One message to send, in order, and the guideline that asks for it."""

    channel: Channel
    why: str
    guideline: str


#: the choices that follow a note's advice, as (name, value) pairs — ("intent", "reschedule"),
#: ("interest", "no") — or a thing the person gives in their own words with the value ""
#: ("reason_text", "calendar", "city"); each edge says how (a flag, a link to a form field)
Way = tuple[tuple[str, str], ...]

#: the names a way may give (the situation's choices and what a person adds)
WAY_NAMES = frozenset({"intent", "interest", "detail", "reason_text", "calendar", "city"})


@dataclass(frozen=True)
class Note:
    """A checklist item or a warning, with the guideline it serves and the ways to follow it
    (`ways`: alternatives, each a set of choices taken together; the text never names them)."""

    text: str
    guideline: str
    ways: tuple[Way, ...] = ()


@dataclass(frozen=True)
class Plan:
    """What to do, how, and by when."""

    action: Action
    urgency: Urgency
    steps: tuple[Step, ...]
    conflicts: tuple[Busy, ...] = ()
    checklist: tuple[Note, ...] = ()
    warnings: tuple[Note, ...] = ()
    language: Language = DEFAULT_LANGUAGE
    travel_minutes: int | None = None
    #: what the guidelines recommend when it differs from the user's explicit intent (C0,
    #: R1.2): shown with its why, followed only if the user takes it
    recommendation: Action | None = None
    #: where the interview's zone was guessed from when the invitation wrote none (R1):
    #: ("place", its name), ("number", the number), ("yours", ""); None when it was given
    zone_origin: tuple[str, str] | None = None
    #: when the plan has the call made, if not at once (an office line closed now is called
    #: when it opens, R2.2): the spoken scripts greet and say "today" / "tomorrow" as of then
    call_at: datetime | None = None
    #: the zone the drafts write a calendar file's UTC time in (the place's, else the
    #: person's own, R1), so the plan shows it the same; None: the time as the invitation
    #: gives it
    zone: str | None = None
    #: the reply-by date the invitation gives, while it is still ahead and unanswered (R2)
    reply_by: datetime | None = None
    #: hours left to it, and whether it falls on the day the plan is made ("due today")
    reply_by_hours: float | None = None
    reply_by_today: bool = False
    #: the event as the invitation names it, in the plan's language ("Tes online", "Psikotes
    #: dan wawancara", "Interview" when it names none): the header names it so
    event: str = ""
    #: an honorific the drafts guess from the contact's given name, the invitation giving
    #: none (R3): (the person as addressed, "Ibu Dewi Lestari"; the given name, "Dewi"; the
    #: name with the other honorific, to correct it with); None when nothing is guessed
    honorific_guess: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class Draft:
    """One composed message for one channel, not yet sent."""

    channel: Channel
    language: Language
    register: str
    text: str
    moves: tuple[str, ...]
    subject: str | None = None
    #: What the message does, and the time it proposes (a calendar COUNTER needs both).
    action: Action | None = None
    proposed: Slot | None = None
    #: the language's regional variant it is written in ("us"; "" the language's own)
    region: str = ""
