"""The values that flow between the stages: frozen, plain, comparable.

Every stage takes and returns these; none of them does I/O. Datetimes are
always time-zone aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sopan.model.names import DEFAULT_LANGUAGE, Language, Level


@dataclass(frozen=True)
class Contact:
    """Who sent the invitation or will interview.

    `name` is the person's name without a title ("Dewi Lestari"); `honorific` is the title the
    invitation gives them, in its written language's full form ("Ibu", "Bapak", "Kak", "Ms.",
    "Mr.", "Dr."), None when no mention of them carries one: sopan never invents a title.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    honorific: str | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong with a fact as the invitation wrote it: a code of the error book
    (`data/errors/`) and its values, written in the language of whoever reads it."""

    code: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, language: str) -> str:
        """The problem in `language`'s words."""
        from sopan.errors import UserError

        return UserError(self.code, **dict(self.values)).text(language)


@dataclass(frozen=True)
class Ambiguity:
    """A field whose value could not be decided; every candidate is shown.

    `problem` says what is wrong: a date that is not on the calendar ("31 February"), a time
    zone sopan does not know, a weekday the date written does not fall on.
    """

    field: str
    candidates: tuple[str, ...]
    problem: Problem | None = None
    #: the candidates are times the invitation offers to choose from ("June 10, 11am or June
    #: 11, 2pm"), not one time read two ways: a decline or a cancellation needs none of them
    offered: bool = False


@dataclass(frozen=True)
class Correction:
    """One fact the person gave or corrected, as a typed value (made by `sopan.parse.fact`).

    `value` by field: "start" a `datetime` or a `date` (a date alone keeps the time already
    known); "end" a `datetime` or a `time`; "timezone" an IANA name; the others text. A
    datetime without a zone is a wall-clock time, read in the invitation's zone when it
    has one. `typed` is what the person wrote, shown as where the fact came from.
    """

    field: str
    value: datetime | date | time | str
    typed: str = ""


#: Where a fact of an invitation came from (`Fact.source`).
FactSource = Literal["header", "calendar", "text", "computed", "user"]


@dataclass(frozen=True)
class Fact:
    """Where one field's value came from, so a person can check it and correct it.

    `start`/`end` are offsets into `Invitation.text` (the message as shown to the user)
    when `source` is "text"; `text` is the snippet itself, the header line or the calendar
    property. `confidence` runs from 0 (a guess) to 1 (the user said so).
    """

    field: str
    source: FactSource
    text: str = ""
    start: int | None = None
    end: int | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Invitation:
    """What an invitation says, and what it leaves unknown.

    `source` is where it came from: "email", "ics", "text", "pdf" (a PDF's text layer) or
    "ocr" (a photo or a scanned PDF, read by OCR: `text` is what OCR read). The threading
    fields (`message_id`, `references`, `subject`, `reply_to`) and the
    calendar fields (`uid`, `sequence`, `organizer`, `attendees`) let a reply
    stay in the same thread or calendar conversation.
    """

    language: Language
    source: Literal["email", "ics", "text", "pdf", "ocr"]
    company: str | None = None
    position: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    timezone: str | None = None
    mode: Literal["onsite", "online", "phone"] | None = None
    location: str | None = None
    meeting_link: str | None = None
    access_code: str | None = None
    #: the video platform an online interview is held on, as its link or its words name it
    #: ("Zoom", "Google Meet", "Microsoft Teams"); None when none is written
    platform: str | None = None
    contact: Contact = field(default_factory=Contact)
    reference: str | None = None
    reply_by: datetime | None = None
    message_id: str | None = None
    references: tuple[str, ...] = ()
    subject: str | None = None
    reply_to: str | None = None
    sent_at: datetime | None = None
    uid: str | None = None
    sequence: int = 0
    organizer: str | None = None
    attendees: tuple[str, ...] = ()
    #: the addresses the e-mail was sent to (To, Cc, Delivered-To): a calendar answer comes
    #: from the one the invitation lists as an attendee
    recipients: tuple[str, ...] = ()
    city: str | None = None
    #: the recipient's country (ISO 3166) when the person gives it (`--set country=US`): the
    #: drafts are written in its regional variant; None: told by the invitation, if at all
    #: (`sopan.plan.recipient`)
    country: str | None = None
    #: the interview's calendar day, known even when its time is not (all-day, no time written)
    day: date | None = None
    #: the interview's time of day when `start` cannot be told: no date is written, or the
    #: time's zone is one sopan does not know ("10.00" under a placeholder date)
    time_of_day: time | None = None
    #: whether the calendar invitation asks for an answer (no ATTENDEE with RSVP=FALSE only)
    rsvp: bool = True
    #: whether it allows a counter-proposal (Outlook's X-MICROSOFT-DISALLOW-COUNTER)
    counter_allowed: bool = True
    #: how sure sopan is that the message is an interview invitation at all (0–1): low when
    #: it never says "interview" ("selected to meet the HR Director"); the user decides
    confidence: float = 1.0
    missing: tuple[str, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()
    #: fields the message leaves as an unfilled template slot ("{{ tanggal }}", "[Company
    #: Name]", "positionName"): missing, never a value (named as in the JSON)
    placeholders: tuple[str, ...] = ()
    #: whether the interview's date, as written, is more than a few days before `now`: an old
    #: message or a mistake, never planned as coming
    past: bool = False
    #: of a recurring calendar series, the occurrence the invitation was read as (its
    #: RECURRENCE-ID: the original start); a calendar reply names it so it answers that one
    recurrence_id: date | None = None
    #: what it invites to, as it names it: keys of `data/events.yaml` in its order
    #: (("psikotes", "interview") for "Psikotes dan Interview"); () for an interview
    event: tuple[str, ...] = ()
    #: the message text as the reader read it and shows it; `provenance` offsets point here
    text: str = ""
    #: where each known field came from, one Fact per field (fields named as in the JSON)
    provenance: tuple[Fact, ...] = ()

    def fact(self, name: str) -> Fact | None:
        """The provenance of one field, or None when the field is not known."""
        return next((f for f in self.provenance if f.field == name), None)


#: How long an interview lasts when the invitation does not say.
DEFAULT_INTERVIEW_LENGTH = timedelta(hours=1)

#: The years sopan reads and plans in: a date outside them (a typed year, a calendar that
#: repeats for centuries) is refused in one line, never expanded or guessed.
YEARS = (1900, 2999)


def outside_years(day: date) -> str | None:
    """None for a date within `YEARS`; else what to say about it ("outside the years …")."""
    if YEARS[0] <= day.year <= YEARS[1]:
        return None
    return f"{day} is outside the years {YEARS[0]}–{YEARS[1]}"


def interview_length(inv: Invitation) -> timedelta:
    """The interview's own length, or DEFAULT_INTERVIEW_LENGTH when it has no sensible end."""
    if inv.start and inv.end and inv.end > inv.start:
        return inv.end - inv.start
    return DEFAULT_INTERVIEW_LENGTH


@dataclass(frozen=True)
class Profile:
    """The user's own details, from the config file."""

    name: str
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    city: str | None = None
    language: Language = DEFAULT_LANGUAGE
    timezone: str = "Asia/Jakarta"
    country: str = "ID"


@dataclass(frozen=True)
class Slot:
    """A span of time: a free slot to propose, or an interview's time."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Busy:
    """A busy entry from the user's calendar."""

    start: datetime
    end: datetime
    summary: str = ""
    tentative: bool = False
    source: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem the linter found in a text; offsets are character indexes."""

    rule: str
    level: Level
    start: int
    end: int
    message: str
    guideline: str
    line: int = 1
    column: int = 1
    suggestion: str | None = None


# One value passed through every layer of the linter (the CLI, the use case, the engine,
# each rule's context), never unpacked into long signatures.
@dataclass(frozen=True)
class LintOptions:
    """How to lint one reply.

    `language` "id" or "en" (detected when None); `action` and `channel` select the
    required-move and length rules; `invitation` enables the reference, honorific and date
    checks; `profile` the closing-name check; `detail="brief"` the health over-sharing rule;
    `new_employer` the rule against naming it.
    """

    language: str | None = None
    action: str | None = None
    channel: str | None = None
    invitation: Invitation | None = None
    profile: Profile | None = None
    detail: str | None = None
    new_employer: str | None = None
