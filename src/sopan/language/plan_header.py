"""The plan's header in words, for the command line and the web page alike: the event and its
time (with where a guessed zone came from), the reply-by date while it is ahead, the trip.

Each interface says for itself how a guessed zone is corrected (a flag, a link), so the zone's
line is given apart from the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sopan.language.dateforms import fixed, local_zone, zone_label
from sopan.language.words import Words
from sopan.language.zones import written_label
from sopan.model import Invitation, Plan


@dataclass(frozen=True)
class Header:
    """The header's lines, worded. `event` is the interview's line, `name` the event's name in
    it; `when` is the interview's time as that line shows it (None without a time); `guessed`
    is the origin of a zone the invitation did not write ("tempat wawancaranya, Lagos"), None
    when nothing was guessed."""

    name: str
    event: str
    when: str | None
    guessed: str | None
    reply_by: str | None
    travel: str | None
    #: the regional variant the drafts are written in, when where the recipient is picks one
    #: ("Drafts in American English, for a recipient in United States"), else None
    region: str | None = None
    #: what showed where the recipient is ("its time zone, EST,"); None when the person said so
    region_origin: str | None = None


def stamp(moment: datetime, inv: Invitation, zone: str | None = None) -> str:
    """A moment in the plan's header: in `zone` when the drafts write one (a calendar file's
    UTC time in the person's own zone), else in the interview's; its zone as the invitation
    wrote it ("EST" stays "EST" in June), else named as people know it (WIB, SGT; never
    "UTC+07:00" or "+08")."""
    if zone is None:
        label = written_label(inv.text, inv.timezone) if inv.text and inv.timezone else None
        if label:
            local = moment.astimezone(local_zone(moment, inv.timezone))
            return f"{fixed(local, 'stamp')} {label}"
    local = moment.astimezone(local_zone(moment, zone or inv.timezone))
    return f"{fixed(local, 'stamp')} {zone_label(local, 'en', plain=True)}"


def _guessed(inv: Invitation, plan: Plan, w: Words) -> str | None:
    """Where the interview's zone came from when the invitation did not write it (R1); a
    calendar's UTC time shown in a zone chosen for it (`plan.zone`) is a guess too."""
    if plan.zone_origin is None:
        return None
    if plan.zone is None and inv.text and inv.timezone and written_label(inv.text, inv.timezone):
        return None
    kind, place = plan.zone_origin
    return w.text("view", f"zone_from_{kind}", place=place)


def _worded(moment: datetime, inv: Invitation, zone: str | None, language: str) -> str:
    """A moment as a page writes it for a person: "Senin, 23 November 2026 pukul 10.00 WIB"."""
    from sopan.language.dateforms import when_text

    return when_text(moment, zone or inv.timezone, language)


def header(plan: Plan, inv: Invitation, w: Words, *, worded: bool = False) -> Header:
    """The plan's header for `plan` over `inv`, in `w`'s words; its moments and days as the
    command line shows them ("2026-11-23 10:00 WIB"), or `worded` as a page writes them for a
    person ("Senin, 23 November 2026 pukul 10.00 WIB")."""
    from sopan.language.dateforms import day

    def at(moment: datetime) -> str:
        if worded:
            return _worded(moment, inv, plan.zone, w.language)
        return stamp(moment, inv, plan.zone)

    # the event as the invitation names it ("Tes online: …"), not always "Wawancara"
    event = plan.event or w.text("view", "event_default")
    when = guessed = None
    if inv.start is not None:
        when = at(inv.start)
        guessed = _guessed(inv, plan, w)
        line = w.text("view", "interview", event=event, when=when)
    elif inv.day is not None:
        on = day(inv.day, "date", w.language) if worded else inv.day.isoformat()
        line = w.text("view", "interview_day", event=event, day=on)
    else:
        line = w.text("view", "no_date", event=event)
    reply_by = None
    if plan.reply_by is not None and plan.reply_by_hours is not None:
        # the reply-by date while it is ahead (R2), in the zone the interview is shown in
        due = "reply_by_today" if plan.reply_by_today else "reply_by"
        hours = w.number(plan.reply_by_hours)
        reply_by = w.text("view", due, when=at(plan.reply_by), hours=hours)
    travel = None
    if plan.travel_minutes is not None and plan.action not in ("decline", "cancel"):
        # no trip to a declined or cancelled interview (R1.2): as its warnings say
        travel = w.text("view", "travel", travel=w.duration(plan.travel_minutes))
    region, origin = _region(inv, w)
    return Header(event, line, when, guessed, reply_by, travel, region=region, region_origin=origin)


def _region(inv: Invitation, w: Words) -> tuple[str | None, str | None]:
    """The regional variant the drafts are written in when the recipient's place picks one
    ("American English"), and what showed the place (None: the person said so); (None, None)
    for the language's own books."""
    from babel import Locale

    from sopan.language.profiles import babel_locale
    from sopan.plan.recipient import recipient_region

    found = recipient_region(inv.language, inv)
    if found is None:
        return None, None
    region, (country, kind, place) = found
    named = region.name.get(w.language) or region.name.get(inv.language) or region.code
    country_name = Locale.parse(babel_locale(w.language)).territories.get(country, country)
    line = w.text("view", "region_line", region=named, country=country_name)
    origin = None if kind == "set" else w.text("view", f"region_from_{kind}", place=place)
    return line, origin
