"""Facts the user gives or corrects: `--set FIELD=VALUE`, or an answer to a question.

Pure: `parse_sets` turns the flag values into `Correction`s (a bad value is a one-line
`UserError` naming the field), `apply` returns the invitation with them, each marked as the
user's in its provenance. A user-given fact always wins over a read one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sopan._infra import rx
from sopan._infra.controls import ANY
from sopan.errors import UserError
from sopan.model import Contact, Fact, Invitation

#: Every field that can be set, named as in the `sopan read --json` contract.
FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "timezone",
    "company",
    "position",
    "mode",
    "location",
    "meeting_link",
    "reference",
    "contact.name",
    "contact.email",
    "contact.phone",
)
MODES = ("onsite", "online", "phone")
_EMAIL = rx.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+")
_PHONE = rx.compile(r"\+?[\d\s().-]{6,20}")
_TIME = rx.compile(r"(\d{1,2})[:.](\d{2})")


@dataclass(frozen=True)
class Correction:
    """One field set by the user, as written (`value`), checked but not yet applied."""

    field: str
    value: str


def parse_sets(values: Iterable[str]) -> tuple[Correction, ...]:
    """`FIELD=VALUE` texts → corrections; a later value of a field wins over an earlier one."""
    found: dict[str, Correction] = {}
    for raw in values:
        name, sep, value = raw.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in FIELDS:
            raise UserError(
                f"--set: '{raw}' is not FIELD=VALUE with FIELD one of {', '.join(FIELDS)}"
            )
        if not value:
            raise UserError(f"--set {name}: the value is empty")
        if ANY.search(value):
            raise UserError(f"--set {name}: the value holds a control character")
        found[name] = Correction(name, value)
    return tuple(found.values())


def _zone(value: str) -> str:
    from sopan.read.words import zone_map

    named = zone_map().get(value.upper(), value)
    try:
        ZoneInfo(named)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"--set timezone: '{value}' is not a time zone (an IANA name such as "
            "Asia/Jakarta, or WIB, WITA, WIT)"
        ) from None
    return named


def _moment(field: str, value: str, tz: str) -> datetime | date:
    """An ISO date and time (the zone defaults to `tz`), or a date alone."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise UserError(
            f"--set {field}: '{value}' is not a date (2026-11-30) or a date and time "
            "(2026-11-30T10:00, 2026-11-30T10:00+07:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


def _clock(value: str) -> time | None:
    m = _TIME.fullmatch(value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return time(int(m.group(1)), int(m.group(2)))


def _decided(inv: Invitation, *names: str) -> Invitation:
    """`inv` with the fields the user has now decided no longer missing or ambiguous."""
    return replace(
        inv,
        missing=tuple(m for m in inv.missing if m not in names),
        ambiguous=tuple(a for a in inv.ambiguous if a.field not in names),
    )


def _set_start(inv: Invitation, value: str, tz: str) -> Invitation:
    moment = _moment("start", value, inv.timezone or tz)
    length = inv.end - inv.start if inv.start and inv.end and inv.end > inv.start else None
    if isinstance(moment, datetime):
        return replace(
            _decided(inv, "start"),
            start=moment,
            end=moment + length if length else None,
            day=moment.date(),
            timezone=inv.timezone or getattr(moment.tzinfo, "key", None),
        )
    if inv.start is not None:
        # a date alone moves the interview to that day at the time already known
        start = datetime.combine(moment, inv.start.timetz())
        return replace(
            _decided(inv, "start"), start=start, end=start + length if length else None, day=moment
        )
    # the day is known now, the time still is not: the drafts name the day only
    return replace(inv, day=moment, ambiguous=_decided(inv, "start").ambiguous)


def _set_end(inv: Invitation, value: str, tz: str) -> Invitation:
    clock = _clock(value)
    if clock is not None:
        if inv.start is None:
            raise UserError("--set end: a time alone needs the start (--set start=…) first")
        end = datetime.combine(inv.start.date(), clock, inv.start.tzinfo)
    else:
        moment = _moment("end", value, inv.timezone or tz)
        if not isinstance(moment, datetime):
            raise UserError(f"--set end: '{value}' needs a time (18:00 or 2026-11-30T18:00)")
        end = moment
    if inv.start is not None and end <= inv.start:
        raise UserError(f"--set end: {end.isoformat()} is not after the start")
    return replace(_decided(inv, "end"), end=end)


def _set_zone(inv: Invitation, value: str) -> Invitation:
    tz = _zone(value)
    here = ZoneInfo(tz)
    # the clock time the message wrote stays; only the zone it is read in changes
    start = inv.start.replace(tzinfo=here) if inv.start else None
    end = inv.end.replace(tzinfo=here) if inv.end else None
    return replace(_decided(inv, "timezone"), timezone=tz, start=start, end=end)


def _set_text(inv: Invitation, name: str, value: str) -> Invitation:
    if name == "mode":
        if value.lower() not in MODES:
            raise UserError(f"--set mode: '{value}' is not one of {', '.join(MODES)}")
        return replace(_decided(inv, "mode"), mode=value.lower())  # type: ignore[arg-type]
    if name == "meeting_link" and not re.fullmatch(r"https?://[^\s<>\"]+", value):
        raise UserError(f"--set meeting_link: '{value}' is not an http(s) address")
    if name.startswith("contact."):
        key = name.split(".", 1)[1]
        if key == "email" and not _EMAIL.fullmatch(value):
            raise UserError(f"--set contact.email: '{value}' is not an email address")
        if key == "phone" and (
            not _PHONE.fullmatch(value) or not 7 <= sum(c.isdigit() for c in value) <= 15
        ):
            raise UserError(f"--set contact.phone: '{value}' is not a phone number")
        decided = replace(
            _decided(inv, "contact", name), contact=replace(inv.contact, **{key: value})
        )
        # a corrected address is where the reply goes
        return replace(decided, reply_to=value) if key == "email" else decided
    if len(value) > 300:
        raise UserError(f"--set {name}: longer than 300 characters")
    return replace(_decided(inv, name), **{name: value})  # type: ignore[arg-type]


def apply(inv: Invitation, corrections: Sequence[Correction], *, user_tz: str) -> Invitation:
    """The invitation with every correction applied, in a fixed order (the zone before the
    times it qualifies); each corrected field's provenance says it is the user's."""
    names = list(dict.fromkeys(("timezone", "start", "end", *FIELDS)))
    order = {name: i for i, name in enumerate(names)}
    for c in sorted(corrections, key=lambda c: order[c.field]):
        if c.field == "start":
            inv = _set_start(inv, c.value, user_tz)
        elif c.field == "end":
            inv = _set_end(inv, c.value, user_tz)
        elif c.field == "timezone":
            inv = _set_zone(inv, c.value)
        else:
            inv = _set_text(inv, c.field, c.value)
        fact = Fact(c.field, "user", text=c.value, confidence=1.0)
        inv = replace(inv, provenance=(*(f for f in inv.provenance if f.field != c.field), fact))
    if inv.contact == Contact():
        return inv
    return replace(inv, missing=tuple(m for m in inv.missing if m != "contact"))
