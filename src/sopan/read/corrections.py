"""Facts the person gives or corrects (`--set FIELD=VALUE`, a form field, an answer to a
question), applied to the invitation.

Pure: the values come in typed (`sopan.parse.fact` checks what was typed and makes them);
`apply` returns the invitation with them, each marked as the person's in its provenance. A
fact the person gave always wins over a read one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sopan.errors import UserError
from sopan.model import Contact, Correction, Fact, Invitation
from sopan.model.names import FACT_FIELDS

#: Every field that can be set, named as in the `sopan read --json` contract.
FIELDS = FACT_FIELDS


def _placed(moment: datetime, zone: str) -> datetime:
    """A wall-clock time placed in `zone`; a time typed with its own zone stays as it is."""
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


def _decided(inv: Invitation, *names: str) -> Invitation:
    """`inv` with the fields the person has now decided no longer missing or ambiguous."""
    return replace(
        inv,
        missing=tuple(m for m in inv.missing if m not in names),
        ambiguous=tuple(a for a in inv.ambiguous if a.field not in names),
    )


def _set_start(inv: Invitation, value: datetime | date, tz: str) -> Invitation:
    length = inv.end - inv.start if inv.start and inv.end and inv.end > inv.start else None
    if isinstance(value, datetime):
        moment = _placed(value, inv.timezone or tz)
        return replace(
            _decided(inv, "start"),
            start=moment,
            end=moment + length if length else None,
            day=moment.date(),
            timezone=inv.timezone or getattr(moment.tzinfo, "key", None),
        )
    if inv.start is not None:
        # a date alone moves the interview to that day at the time already known
        start = datetime.combine(value, inv.start.timetz())
        return replace(
            _decided(inv, "start"), start=start, end=start + length if length else None, day=value
        )
    # the day is known now, the time still is not: the drafts name the day only
    return replace(inv, day=value, ambiguous=_decided(inv, "start").ambiguous)


def _set_end(inv: Invitation, value: datetime | time, typed: str, tz: str) -> Invitation:
    if isinstance(value, time):
        if inv.start is None:
            raise UserError("correct.end_needs_start", field="end", value=typed)
        end = datetime.combine(inv.start.date(), value, inv.start.tzinfo)
    else:
        end = _placed(value, inv.timezone or tz)
    if inv.start is not None and end <= inv.start:
        raise UserError("correct.end_not_after_start", field="end", value=typed)
    return replace(_decided(inv, "end"), end=end)


def _set_zone(inv: Invitation, tz: str) -> Invitation:
    here = ZoneInfo(tz)
    # the clock time the message wrote stays; only the zone it is read in changes — but a
    # calendar's time in UTC alone ("…Z") is the moment itself, only shown in another zone
    exact = inv.source == "ics" and inv.timezone in ("Etc/UTC", "UTC")

    def move(moment: datetime) -> datetime:
        return moment.astimezone(here) if exact else moment.replace(tzinfo=here)

    start = move(inv.start) if inv.start else None
    end = move(inv.end) if inv.end else None
    return replace(_decided(inv, "timezone"), timezone=tz, start=start, end=end)


def _set_text(inv: Invitation, name: str, value: str) -> Invitation:
    if name.startswith("contact."):
        key = name.split(".", 1)[1]
        decided = replace(
            _decided(inv, "contact", name), contact=replace(inv.contact, **{key: value})
        )
        # a corrected address is where the reply goes
        return replace(decided, reply_to=value) if key == "email" else decided
    return replace(_decided(inv, name), **{name: value})  # type: ignore[arg-type]


def apply(inv: Invitation, corrections: Sequence[Correction], *, user_tz: str) -> Invitation:
    """The invitation with every correction applied, in a fixed order (the zone before the
    times it qualifies); each corrected field's provenance says it is the person's."""
    order = {name: i for i, name in enumerate(dict.fromkeys(("timezone", "start", "end", *FIELDS)))}
    latest = {c.field: c for c in corrections}  # a later value of a field wins
    for c in sorted(latest.values(), key=lambda c: order[c.field]):
        value = c.value
        if c.field == "start" and isinstance(value, date):
            inv = _set_start(inv, value, user_tz)
        elif c.field == "end" and isinstance(value, datetime | time):
            inv = _set_end(inv, value, c.typed, user_tz)
        elif c.field == "timezone" and isinstance(value, str):
            inv = _set_zone(inv, value)
        elif isinstance(value, str):
            inv = _set_text(inv, c.field, value)
        else:
            from sopan.errors import InternalError

            raise InternalError(f"correction of {c.field} holds a {type(value).__name__}")
        fact = Fact(c.field, "user", text=c.typed or str(value), confidence=1.0)
        inv = replace(inv, provenance=(*(f for f in inv.provenance if f.field != c.field), fact))
    if inv.contact == Contact():
        return inv
    return replace(inv, missing=tuple(m for m in inv.missing if m != "contact"))
