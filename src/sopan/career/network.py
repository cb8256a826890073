"""The person's network (R10.3, C3): who they already know at a company they are dealing
with (LinkedIn's Connections.csv), the recruiters in sopan's history with the day they were
last written to, a reminder to get back in touch or to connect, and the people as vCards for
the person's own address book."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sopan.career.linkedin import Connection

#: a recruiter not written to for this long gets a reminder to get back in touch
RECONNECT_DAYS = 90
#: two names are one person at this rapidfuzz token_sort_ratio or above
SAME_PERSON = 90


@dataclass(frozen=True)
class Recruiter:
    """A recruiter from sopan's history."""

    name: str
    email: str | None
    phone: str | None
    company: str | None
    linkedin: str | None
    #: when sopan last sent them something; None when nothing was sent
    last_written: datetime | None
    #: when the invitation they sent was kept
    met: datetime


@dataclass(frozen=True)
class Reminder:
    """Something to do for one person: its kind ("reconnect", "connect"), whom, why."""

    kind: str
    name: str
    guideline: str
    #: for "reconnect": how many days is too long without a word
    days: int = RECONNECT_DAYS


def at_company(connections: Iterable[Connection], company: str) -> list[Connection]:
    """The connections whose company is `company` (legal forms, brackets, a typo aside)."""
    from sopan.career.companies import same_company

    return sorted(
        (c for c in connections if c.company and same_company(c.company, company)),
        key=lambda c: c.name.casefold(),
    )


@cache
def _honorifics() -> re.Pattern[str]:
    from sopan.read.words import words

    # every written form of every title the reader knows ("Bpk.", "Ibu", "Ms", "Dr.")
    forms = {str(t) for ts in words()["honorifics"].values() for t in ts}
    titles = sorted((re.escape(t) for t in forms), key=len, reverse=True)
    return re.compile(rf"^(?:(?:{'|'.join(titles)})\s+)+", re.IGNORECASE)


def without_title(name: str) -> str:
    """A name without the honorific it was written with ("Ibu Dewi Lestari" → "Dewi Lestari")."""
    return " ".join(_honorifics().sub("", name.strip()).split())


def bare_name(name: str) -> str:
    """A name as names are compared: no honorific, lower case ("dewi lestari")."""
    return without_title(name).casefold()


def connection_of(recruiter: Recruiter, connections: Sequence[Connection]) -> Connection | None:
    """The recruiter among the connections: the same e-mail, or the same name (honorifics
    aside, a typo or the order of the names allowed)."""
    from rapidfuzz import fuzz

    wanted = bare_name(recruiter.name)
    for c in connections:
        if recruiter.email and c.email and recruiter.email.casefold() == c.email.casefold():
            return c
    best, score = None, 0.0
    for c in connections:
        s = fuzz.token_sort_ratio(wanted, bare_name(c.name))
        if s > score:
            best, score = c, s
    return best if score >= SAME_PERSON else None


def reminders(
    recruiters: Sequence[Recruiter], connections: Sequence[Connection], now: datetime
) -> list[Reminder]:
    """For each recruiter: reconnect when not written to for `RECONNECT_DAYS` (R10.3), and
    connect on LinkedIn when not among the connections (C3)."""
    found = []
    for r in recruiters:
        last = r.last_written or r.met
        if now - last > timedelta(days=RECONNECT_DAYS):
            found.append(Reminder("reconnect", r.name, "R10.3"))
        if connections and connection_of(r, connections) is None:
            found.append(Reminder("connect", r.name, "C3"))
    return found


def _fields(person: Connection | Recruiter) -> dict[str, str | None]:
    if isinstance(person, Connection):
        return {"name": person.name, "email": person.email, "tel": None, "org": person.company,
                "url": person.url, "title": person.position}  # fmt: skip
    return {"name": person.name, "email": person.email, "tel": person.phone,
            "org": person.company, "url": person.linkedin, "title": None}  # fmt: skip


def vcards(people: Iterable[Connection | Recruiter]) -> bytes:
    """The people as vCard 3.0 entries, one file for an address book."""
    import vobject  # type: ignore[import-untyped]

    out = []
    for person in people:
        fields = _fields(person)
        shown = without_title(fields["name"] or "") or fields["email"] or "?"
        parts = shown.split()
        card = vobject.vCard()
        card.add("n").value = vobject.vcard.Name(
            family=parts[-1] if len(parts) > 1 else "", given=" ".join(parts[:-1]) or shown
        )
        card.add("fn").value = shown
        for key in ("email", "tel", "title", "url"):
            if fields[key]:
                card.add(key).value = fields[key]
        if fields["org"]:
            card.add("org").value = [fields["org"]]
        out.append(card.serialize())
    return "".join(out).encode("utf-8")
