"""What a rule sees: the text, its language and parts, and what the user told sopan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sopan.lint.moves import find_moves
from sopan.lint.text import Positions, Span, SpanIndex, protected_spans, segments
from sopan.model import Invitation, LintOptions, Profile

if TYPE_CHECKING:
    from sopan.read.dates import DateHit
    from sopan.read.times import TimeHit

#: what a reply's date must be written as to be compared: a day and a month ("Senin" alone,
#: "besok" and "next week" name no date to compare with the invitation's)
_WRITTEN = frozenset({"absolute", "numeric", "range", "impossible"})
#: the day a date without a year is resolved from when there is no invitation: only the
#: written day and month are compared then, and a weekday only with a written year
_ANY_DAY = date(2000, 1, 1)


def readings(hit: DateHit) -> tuple[date, ...]:
    """The days a date written in a reply may mean: both readings of a numeric date
    ("03/04/2027"), otherwise the one day written (a range's first day)."""
    return (hit.day, *hit.alternatives) if hit.kind == "numeric" else (hit.day,)


@dataclass(frozen=True)
class Hit:
    """Where a rule matched, with an optional suggestion and values for its message."""

    start: int
    end: int
    suggestion: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


class Context:
    """One text to lint with everything known about it; derived facts are computed once."""

    def __init__(self, text: str, language: str, options: LintOptions | None = None) -> None:
        self.text = text
        self.language = language
        self.options = options or LintOptions()
        # the fields rules read, named as their YAML conditions name them
        self.action = self.options.action
        self.channel = self.options.channel
        self.invitation: Invitation | None = self.options.invitation
        self.profile: Profile | None = self.options.profile
        self.detail = self.options.detail
        self.new_employer = self.options.new_employer

    @cached_property
    def channel_spec(self) -> Any:
        """The spec of the reply's channel (an e-mail when none is given), or None when the
        channel is not one sopan knows."""
        from sopan.model.channels import registry

        return registry().get(self.channel or "email")

    @property
    def date_unknown(self) -> bool:
        """Whether the invitation checked against gives no date at all (a reply cannot name
        one then); False when there is no invitation."""
        inv = self.invitation
        return inv is not None and inv.start is None and inv.day is None

    @cached_property
    def channel_limit(self) -> str | None:
        """ "hard" when the channel's medium refuses a longer text, "soft" when its limit is
        what reads well, None when it has no limit."""
        found = self.channel_spec
        if found is None or found.measure is None or found.measure.limit is None:
            return None
        return "hard" if found.measure.hard else "soft"

    @cached_property
    def segments(self) -> dict[str, list[Span]]:
        """Subject, greeting, body and closing spans."""
        return segments(self.text)

    @cached_property
    def positions(self) -> Positions:
        """Offsets → line and column."""
        return Positions(self.text)

    @cached_property
    def protected(self) -> SpanIndex:
        """URLs, emails, placeholders and numbers."""
        return SpanIndex(protected_spans(self.text))

    @cached_property
    def move_matches(self) -> dict[str, re.Match[str] | None]:
        """The first cue of each move, or None."""
        return find_moves(self.text, self.language)

    @cached_property
    def moves(self) -> dict[str, bool]:
        """Move name → found."""
        return {move: m is not None for move, m in self.move_matches.items()}

    @cached_property
    def _date_hits(self) -> list[DateHit]:
        from sopan.read.dates import find_dates

        inv = self.invitation
        base = inv.start.date() if inv and inv.start else _ANY_DAY
        # a reply is read as invitations are, by the reader's own finder; a numeric date is
        # read both ways ("03/04/2027") and each reading is compared
        return find_dates(self.text, base, "unknown")

    @cached_property
    def dates(self) -> list[DateHit]:
        """The dates written in the text with a day and a month (the reader's finder)."""
        return [hit for hit in self._date_hits if hit.kind in _WRITTEN]

    @cached_property
    def times(self) -> list[TimeHit]:
        """The times of day written in the text, outside its dates (the reader's finder)."""
        from sopan.read.times import find_times

        return find_times(self.text, [(hit.start, hit.end) for hit in self._date_hits])

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Lower-case words of names the user or the invitation supplied, and the time zones'
        abbreviations (never misspelt)."""
        values: list[str | None] = []
        if self.profile:
            p = self.profile
            values += [p.name, p.email, p.city, p.linkedin]
        if self.invitation:
            inv = self.invitation
            values += [inv.company, inv.position, inv.location, inv.city, inv.contact.name]
            values += [inv.subject, inv.organizer, inv.reference]
        values.append(self.new_employer)
        from sopan.language.zones import abbreviations

        # a time zone's abbreviation ("WITA", "AEDT") is a name, not a word shouted
        found: set[str] = {zone.lower() for zone in abbreviations()}
        for value in values:
            if value:
                found.update(w.lower() for w in re.findall(r"[^\W\d_]+", value))
        return frozenset(found)
