"""Turn a message's text (and what its envelope or calendar part says) into an Invitation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sopan._infra import rx
from sopan._infra.controls import blank_controls
from sopan._infra.wording import Amount
from sopan.errors import UserError
from sopan.language.detect import detect_words
from sopan.language.places import find_place_in
from sopan.language.profiles import profile
from sopan.language.zones import month_first_words
from sopan.model import Ambiguity, Contact, Invitation, Problem, outside_years
from sopan.read import casing, extract, fields, people, slots
from sopan.read.abroad import zone_abroad
from sopan.read.choose import PAST_AFTER, When, decide
from sopan.read.dates import Order
from sopan.read.event import event_of
from sopan.read.found import Found
from sopan.read.history import Segment, split_history
from sopan.read.provenance import trace
from sopan.read.times import duration_minutes

Source = Literal["email", "ics", "text"]


@dataclass
class Calendar:
    """What a calendar part (METHOD:REQUEST) says; the most reliable source for time."""

    start: datetime | None = None
    end: datetime | None = None
    day: date | None = None
    tz: str | None = None
    uid: str | None = None
    sequence: int = 0
    organizer: str | None = None
    organizer_name: str | None = None
    attendees: tuple[str, ...] = ()
    location: str | None = None
    summary: str | None = None
    text: str = ""
    #: other events in the file that could equally be the interview: (start, summary)
    rivals: tuple[tuple[str, str], ...] = ()
    #: the occurrence chosen of a recurring series (its original start), else None
    recurrence_id: date | None = None
    #: False when every ATTENDEE says RSVP=FALSE: the organizer asks no answer
    rsvp: bool = True
    #: False when the event forbids counter-proposals (X-MICROSOFT-DISALLOW-COUNTER:TRUE)
    counter_allowed: bool = True
    #: a TZID written on the start that no zone database knows: the start stays unread
    unknown_zone: str | None = None
    #: the start's wall-clock time when its zone is unknown
    time: tuple[int, int] | None = None
    #: a "floating" start (no TZID, no "Z", no X-WR-TIMEZONE): a clock time in no zone, read
    #: where it happens like a time a message writes without one (R1)
    floating: bool = False


@dataclass
class Envelope:
    """What the container around the text says: email headers, a calendar part."""

    source: Source = "text"
    subject: str | None = None
    message_id: str | None = None
    references: tuple[str, ...] = ()
    sender_name: str | None = None
    sender_email: str | None = None
    sent_at: datetime | None = None
    #: the addresses it was sent to (To, Cc, Delivered-To), lower case
    recipients: tuple[str, ...] = ()
    calendar: Calendar | None = None
    extra: list[str] = field(default_factory=list)


def parse_date_header(value: str | None) -> datetime | None:
    """An RFC 5322 date ("Wed, 18 Nov 2026 09:12:00 +0700"), aware, or None."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # a date header that is no date is ignored, never guessed
    if not moment or moment.tzinfo is None or outside_years(moment.date()):
        return None  # nor is one past the years sopan reads (9999 overflows in a zone east)
    return moment


# US phone "(212) 555-0100", a state and ZIP "NY 10001", a dollar amount; each is looked for
# only when a cheap substring test lets it be there
_US_PHONE = rx.compile(r"\(\d{3}\)\s*\d{3}-\d{4}")
_US_ZIP = rx.compile(r"\b[A-Z]{2}\s+\d{5}\b")
_FIVE_DIGITS = rx.compile(r"\d{5}")
_DOLLAR = rx.compile(r"\$\d")
_CAPS = rx.compile(r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])")
_NON_US = (
    "Indonesia",
    "Singapore",
    "India",
    "Malaysia",
    "London",
    "Jakarta",
    "Australia",
    "+62",
    "+65",
    "+44",
    "+91",
    "+60",
    "+61",
)


#: a chat export's stamp at the head of a line: "[08/12/26 19.40] " (iPhone), "08/12/26 19.40 - "
#: (Android), with or without a comma and seconds
_CHAT_STAMP = rx.compile(
    r"^\[?(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:\s?[AaPp][Mm])?"
    r"(?:\]|\s+-)\s",
    re.MULTILINE,
)


def chat_day(text: str, order: Order, today: date) -> date | None:
    """The day of a pasted chat's last message, from its stamps ("[08/12/26 19.40] HR: …"):
    "besok" in the chat is counted from it, not from today. None when the chat shows no stamp,
    when its stamps can be read both ways (D/M and M/D) and the text does not say which, or
    when a stamp falls after today (no such chat exists: never a guess)."""
    stamps = [(int(a), int(b), int(y)) for a, b, y in _CHAT_STAMP.findall(text)]
    if not stamps:
        return None
    if any(a > 12 for a, _, _ in stamps):
        order = "dmy"
    elif any(b > 12 for _, b, _ in stamps):
        order = "mdy"
    if order == "unknown":
        return None
    days = []
    for a, b, y in stamps:
        d, m = (a, b) if order == "dmy" else (b, a)
        try:
            days.append(date(y + 2000 if y < 100 else y, m, d))
        except ValueError:
            return None
    last = max(days)
    return last if last <= today else None


def _order(text: str, lang: str) -> Order:
    """How to read 04/12/2026: D/M (Indonesian and most English), M/D only for US English."""
    if profile(lang).date_order == "dmy":
        return "dmy"
    caps = set(_CAPS.findall(text))
    if caps & month_first_words() or _us_hint(text):
        return "mdy"
    if caps & {"WIB", "WITA", "WIT", "SGT", "IST", "GMT", "BST", "CET", "AEST", "UTC"} or any(
        h in text for h in _NON_US
    ):
        return "dmy"
    return "unknown"


def _us_hint(text: str) -> bool:
    return bool(
        ("(" in text and _US_PHONE.search(text))
        or ("$" in text and _DOLLAR.search(text))
        or (_FIVE_DIGITS.search(text) and _US_ZIP.search(text))
    )


def _sender(
    segments: list[Segment], env: Envelope, read_from: int
) -> tuple[str | None, str | None]:
    """Who sent the invitation: a forwarded original's sender; in pasted text, the sender of
    the quoted message the interview was read from (a reply quoting the candidate's own
    message names the candidate, who is never the contact); else the envelope's."""
    for seg in segments:
        if seg.forwarded and seg.headers.get("from"):
            name, address = people.address_header(seg.headers["from"])
            if name or address:
                return name, address
    if env.sender_email is None and read_from > 0:
        name, address = people.address_header(segments[read_from].headers.get("from"))
        if address or name:
            return name, address
    return env.sender_name, env.sender_email


def _thread(
    segments: list[Segment], env: Envelope, original: str | None, asked: str | None = None
) -> dict[str, Any]:
    """Threading fields; a forwarded invitation is answered to its original sender, in the
    original's thread when its Message-ID is known (forwarded as an attachment); an address
    the invitation asks the answer at (`asked`) is where it goes, in the same thread."""
    fwd = next((seg for seg in segments if seg.forwarded), None)
    if fwd is None:
        return {
            "message_id": env.message_id,
            "references": env.references,
            "subject": env.subject,
            "reply_to": asked or env.sender_email,
            "sent_at": env.sent_at,
        }
    inner_id = fwd.headers.get("message-id") or None
    return {
        "message_id": inner_id or env.message_id,
        "references": () if inner_id else env.references,
        "subject": fwd.headers.get("subject") or env.subject,
        "reply_to": asked or original or env.sender_email,
        "sent_at": parse_date_header(fwd.headers.get("date")) or env.sent_at,
    }


#: the fields a slot may stand for, in the order `placeholders` lists them
_SLOT_FIELDS = (
    "company",
    "position",
    "start",
    "mode",
    "location",
    "meeting_link",
    "access_code",
    "contact.name",
    "contact.email",
    "contact.phone",
    "reference",
)


def _placeholders(
    found: list[slots.Slot], shown: str, subject: str | None, inv: Invitation, held: set[str]
) -> tuple[str, ...]:
    """The fields the message leaves as template slots (or whose value as read was one) and
    no other part of it gives."""
    known = {
        "start": inv.start,
        "contact.name": inv.contact.name,
        "contact.email": inv.contact.email,
        "contact.phone": inv.contact.phone,
    }
    unknown = {f for f in _SLOT_FIELDS if (known[f] if f in known else getattr(inv, f)) is None}
    stood = held & unknown
    in_subject = slots.find(subject) if subject and unknown else []
    for s in (*found, *in_subject):
        if s.field in unknown:
            stood.add(s.field)
    for s in found:
        if stood >= unknown:
            break
        stood |= slots.stands_for(s, shown) & unknown
    return tuple(f for f in _SLOT_FIELDS if f in stood)


def _missing(inv_fields: dict[str, object], when_assumed: bool) -> tuple[str, ...]:
    out = [k for k in ("company", "position", "start", "end") if inv_fields.get(k) is None]
    if inv_fields.get("timezone") is None or when_assumed:
        out.append("timezone")
    mode = inv_fields.get("mode")
    if mode is None:
        out.append("mode")
    if mode != "online" and inv_fields.get("location") is None and mode != "phone":
        out.append("location")
    if mode == "online" and inv_fields.get("meeting_link") is None:
        out.append("meeting_link")
    if inv_fields.get("contact") == Contact():
        out.append("contact")
    return tuple(out)


#: Characters of message text read; past this it is no invitation but a book or an attack.
MAX_TEXT = 1_000_000


def _rezoned(amb: Ambiguity, here: ZoneInfo) -> Ambiguity:
    """`amb` with each candidate time read in `here` (its wall clock kept): the place decided
    the zone after the candidates were written in the reader's own."""
    if amb.field != "start" or not amb.candidates:
        return amb
    out = []
    for candidate in amb.candidates:
        moment, _, rest = candidate.partition(" ")
        try:
            at = datetime.fromisoformat(moment)
        except ValueError:
            out.append(candidate)
            continue
        if at.tzinfo is not None:
            moment = at.replace(tzinfo=here).isoformat()
        out.append(f"{moment} {rest}".strip())
    return replace(amb, candidates=tuple(out))


def build(text: str, env: Envelope, *, now: datetime, user_tz: str) -> Invitation:
    """The Invitation a text says, with its envelope's headers and calendar part.

    Raises UserError (without the input's name: the caller adds it) for a text over
    `MAX_TEXT` characters or holding too many dates to read.
    """
    if len(text) > MAX_TEXT:
        raise UserError("read.too_long", limit=Amount(MAX_TEXT))
    # a control character (a terminal escape, a stray NUL) becomes a space: offsets stay,
    # and nothing read reaches a terminal or a reply
    text = blank_controls(text)
    segments = split_history(text)
    # shown to the user as read; template slots are blanked to spaces, so offsets agree
    shown = "\n".join(seg.text for seg in segments)
    found_slots: list[slots.Slot] = []
    shifts: list[int] = []
    shift = 0
    for seg in segments:
        in_seg = slots.find(seg.text)
        found_slots += [slots.Slot(s.start + shift, s.end + shift, s.field) for s in in_seg]
        shifts.append(shift)
        shift += len(seg.text) + 1
        seg.text = slots.blank(seg.text, in_seg)
    whole = "\n".join(s.text for s in segments)
    cal = env.calendar
    texts = [s.text for s in segments if s.text.strip()] or [""]
    # the body's words are counted once: for the language here, for the mode below
    all_text = "\n".join(texts) + ("\n" + cal.text if cal else "")
    all_low = all_text.lower()
    body_words = fields.words_in(all_low)
    lang = detect_words(fields.words_in((env.subject or "").lower()) + body_words)
    order = _order(whole, lang)
    # a chat written without a capital: its names (and its zone's letters) given theirs, the
    # text's length kept
    cased = [casing.restore(seg.text) for seg in segments]
    results: list[When] = []
    for seg, seg_text in zip(segments, cased, strict=True):
        sent = parse_date_header(seg.headers.get("date")) or env.sent_at
        base = (sent or now).astimezone(ZoneInfo(user_tz)).date()
        # a pasted chat dates its own messages: "besok" is the day after its last one (its
        # stamps are read from the text as pasted: the segment has them blanked)
        own = text if len(segments) == 1 else seg.text
        chatted = None if sent or env.source != "text" else chat_day(own, order, base)
        results.append(
            decide(
                seg_text,
                base=chatted or base,
                sent=sent.date() if sent else chatted,
                order=order,
                user_tz=user_tz,
                duration=duration_minutes(seg.text),
            )
        )
    # the newest message that says when wins; the reply deadline may sit in any of them
    when = next((w for w in results if w.day or w.ambiguous or w.start or w.time or w.tz), When())
    span = None
    if when.span is not None:
        at = results.index(when)
        shift = sum(len(seg.text) + 1 for seg in segments[:at])
        span = (when.span[0] + shift, when.span[1] + shift)
    if not (when.day or when.ambiguous or when.start or when.time) and env.subject:
        # nothing in the body: the subject line may carry it ("Interview besok 10.00")
        base = (env.sent_at or now).astimezone(ZoneInfo(user_tz)).date()
        sent_day = env.sent_at.date() if env.sent_at else None
        from_subject = decide(
            slots.blank(env.subject), base=base, sent=sent_day, order=order, user_tz=user_tz
        )
        if from_subject.day or from_subject.ambiguous:
            from_subject.reply_by = when.reply_by
            when, span = from_subject, None
    if when.reply_by is None:
        deadline = next((w for w in results if w.reply_by), None)
        if deadline:
            when.reply_by, when.reply_zone_written = deadline.reply_by, deadline.reply_zone_written
    if when.reply_by and not when.reply_zone_written and when.tz and when.tz != user_tz:
        when.reply_by = when.reply_by.replace(tzinfo=ZoneInfo(when.tz))
    subject = slots.blank(env.subject or "") or None
    if subject is None:
        subject = next((s.headers["subject"] for s in segments if s.headers.get("subject")), None)
    read_from = next((i for i, w in enumerate(results) if w is when), 0)
    sender_name, sender_email = _sender(segments, env, read_from)
    if sender_email and people.is_robot(sender_email):
        sender_name = None  # "JobKarir <noreply@…>": a machine, no one to answer

    reading = extract.Texts(cased, shifts)
    if subject and casing.written_without_capitals(subject):
        subject = casing.restore(subject)
    # "Pewawancara: {{ nama }}": the person to answer is left to be filled
    contact_slot = any("contact.name" in slots.stands_for(s, shown) for s in found_slots)
    got = extract.extract(
        reading, subject, sender_name, env.sender_email or sender_email, read_from, contact_slot
    )
    link, location = got.meeting_link, got.location
    ambiguous = list(when.ambiguous)
    start, end, tz, day = when.start, when.end, when.tz, when.day
    clock = when.time
    assumed = when.tz_assumed
    uid = organizer = None
    attendees: tuple[str, ...] = ()
    sequence = 0
    from_calendar = bool(cal and (cal.start or cal.day))
    if cal:
        if cal.start or cal.day:
            ambiguous = [a for a in ambiguous if a.field != "start"]
            if start and cal.start and start != cal.start:
                # the calendar part wins, but a body that says otherwise is worth a look
                ambiguous.append(Ambiguity("start", (cal.start.isoformat(), start.isoformat())))
            if start and cal.start and start == cal.start and cal.tz == "Etc/UTC" and not assumed:
                # a UTC calendar time the body also gives in its own zone: show it in that zone
                cal.start, cal.end = start, cal.end.astimezone(start.tzinfo) if cal.end else None
                cal.tz = tz
            start, end, tz, day, assumed = cal.start, cal.end, cal.tz, cal.day, cal.floating
            clock = cal.time
            if cal.unknown_zone:
                problem = Problem("read.zone_unknown", (("zone", cal.unknown_zone),))
                ambiguous.append(Ambiguity("timezone", (), problem))
            elif cal.start is None and cal.day:
                ambiguous.append(Ambiguity("start", (f"{cal.day.isoformat()} (all day)",)))
        if cal.rivals:
            # several unrelated events, each of which could be the interview: say which
            ambiguous = [a for a in ambiguous if a.field != "start"]
            ambiguous.append(
                Ambiguity("start", tuple(f"{when} {what}".strip() for when, what in cal.rivals))
            )
        in_cal = fields.meeting_link(cal.text)
        link = Found(in_cal.value, 0, 0, "calendar") if in_cal else link
        if cal.location:
            location = Found(cal.location, 0, 0, "calendar")
        uid, sequence, organizer, attendees = cal.uid, cal.sequence, cal.organizer, cal.attendees
        if sender_email is None and sender_name is None and cal.organizer_name:
            got.contact = got.contact or people.Mention(Found(cal.organizer_name, 0, 0, "calendar"))
        sender_email = sender_email or cal.organizer
    # an address the invitation asks the answer at is whom to answer, before its sender's
    asked = people.reply_address(shown)
    email = None
    if sender_email and not people.is_robot(sender_email):
        email = Found(sender_email, 0, 0, "calendar" if sender_email == organizer else "from")
    email = asked or email or got.email
    person = got.contact
    contact = Contact(
        name=person.found.value if person else None,
        email=email.value if email else None,
        phone=got.phone.value if got.phone else None,
        honorific=person.honorific if person else None,
    )
    position = got.position
    if cal and cal.summary and position is None:
        in_summary = fields.position(cal.summary, None)
        position = Found(in_summary.value, 0, 0, "calendar") if in_summary else None
    values: dict[str, object] = {
        "company": got.company.value if got.company else None,
        "position": position.value if position else None,
        "start": start,
        "end": end,
        "timezone": tz,
        "mode": fields.mode(
            all_text,
            link.value if link else None,
            low=all_low,
            tokens=set(body_words),
            near=span[0] if span else None,
        )
        # a place to come to, and nothing else said: the interview is there (a city alone,
        # "Location: Berlin", may be where the job is)
        or (
            "onsite"
            if location and not (cal and link) and not _only_a_city(location.value)
            else None
        ),
        "location": location.value if location else None,
        "meeting_link": link.value if link else None,
        "contact": contact,
    }
    city = find_place_in(values["location"]) or (  # type: ignore[arg-type]
        find_place_in(all_text, prose=True) if values["mode"] == "onsite" else None
    )
    reply_by = when.reply_by
    # A time written without a zone is the local time of where it happens (09.00 in Makassar
    # is 09.00 WITA; 8am at a venue in Lagos is 8am in Lagos), not the reader's own zone: an
    # Indonesian city on site, or a place abroad (a venue's city, a contact's calling code).
    # It stays an assumption: "timezone" remains among the missing fields.
    there = None
    timed = any(a.field == "start" and a.candidates for a in ambiguous)
    if assumed and (start or day or timed):
        if city is not None:
            there = city.tz if values["mode"] == "onsite" else None
        else:
            there = zone_abroad(values["location"], contact.phone, user_tz)  # type: ignore[arg-type]
    if there is not None and there != tz:
        here = ZoneInfo(there)
        if start is not None:
            start, end = start.replace(tzinfo=here), end.replace(tzinfo=here) if end else None
        if reply_by and not when.reply_zone_written:
            reply_by = reply_by.replace(tzinfo=here)
        tz = there  # a day without its hour is counted from its start there, too
        values["start"], values["end"], values["timezone"] = start, end, tz
        # the times it may be, or offers, are read there too
        ambiguous = [_rezoned(a, here) for a in ambiguous]
    # the platform of an online interview, as its link or its words name it ("melalui Zoom")
    platform = None
    if values["mode"] == "online":
        platform = fields.platform(whole, link if link and link.source == "text" else None)
        if platform is None and cal:
            on_cal = fields.platform(cal.text, link)
            platform = Found(on_cal.value, 0, 0, "calendar") if on_cal else None
    access = got.access_code
    if access is None and cal:
        in_cal = fields.access_code(cal.text)
        access = Found(in_cal.value, 0, 0, "calendar") if in_cal else None
    found = {
        "company": got.company,
        "position": position,
        "location": location,
        "meeting_link": link,
        "platform": platform,
        "access_code": access,
        "reference": got.reference,
        "contact.name": person.found if person else None,
        "contact.email": email,
        "contact.phone": got.phone,
    }
    inv = Invitation(
        language=lang,
        source=env.source,
        company=values["company"],  # type: ignore[arg-type]
        position=values["position"],  # type: ignore[arg-type]
        start=start,
        end=end,
        timezone=tz,
        mode=values["mode"],  # type: ignore[arg-type]
        location=values["location"],  # type: ignore[arg-type]
        meeting_link=values["meeting_link"],  # type: ignore[arg-type]
        access_code=access.value if access else None,
        platform=platform.value if platform else None,
        contact=contact,
        reference=got.reference.value if got.reference else None,
        reply_by=reply_by,
        **_thread(segments, env, sender_email, asked.value if asked else None),
        uid=uid,
        sequence=sequence,
        organizer=organizer,
        attendees=attendees,
        recipients=env.recipients,
        city=city.name if city else None,
        day=day or (start.date() if start else None),
        time_of_day=time(start.hour, start.minute) if start else (time(*clock) if clock else None),
        missing=_missing(values, assumed),
        ambiguous=tuple(ambiguous),
        recurrence_id=cal.recurrence_id if cal else None,
        rsvp=cal.rsvp if cal else True,
        counter_allowed=cal.counter_allowed if cal else True,
        text=shown,
    )
    read_day = inv.day or when.past_day
    today = now.astimezone(ZoneInfo(user_tz)).date()
    return replace(
        inv,
        past=read_day is not None and read_day < today - PAST_AFTER,
        event=event_of(shown, env.subject),
        placeholders=_placeholders(found_slots, shown, env.subject, inv, reading.held),
        provenance=trace(inv, env, span, from_calendar, found),
    )


def _only_a_city(value: str) -> bool:
    """Whether a place is only a city's name ("Berlin", "Jakarta Selatan"), no venue in it."""
    words = re.findall(r"[^\W\d_]+", value)
    if re.search(r"\d", value) or len(words) > 2:
        return False
    return len(words) == 1 or find_place_in(value) is not None
