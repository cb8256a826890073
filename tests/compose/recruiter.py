"""What a recruiter checks in a reply, mechanically, channel by channel: the rules of issue
"every channel written for its medium" as functions over one run of `sopan draft --channel all`
(and of the plan's own channels) for one invitation and one situation.

Shared by the suite (the project's own invitations, both languages) and `bench/recruiter.py`
(every invitation of ../shared/eval-dev under the situations below). A shortfall names its rule,
the channel and what was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sopan import app
from sopan.app.planning import Choices, PlanRequest
from sopan.app.reading import ReadRequest
from sopan.compose.address import addressing, casual_cue, formal_register
from sopan.compose.facts import written_zone, zone_written
from sopan.compose.reply_format import reply_line
from sopan.compose.spoken import greeting_part, spoken_number, zone_known
from sopan.config import Config
from sopan.errors import SopanError
from sopan.language.dateforms import common
from sopan.model import Correction, Draft, Invitation, Plan, Profile
from sopan.model.channels import registry, size_of
from sopan.plan import calendar_zone, can_call, reachable
from sopan.plan.owed import is_past, owed_apology
from sopan.plan.recipient import writing_region

PROFILE = Profile(
    name="Budi Santoso",
    email="budi.santoso@example.com",
    phone="+62 812-3456-7890",
    linkedin="https://www.linkedin.com/in/budi-santoso",
    city="Jakarta",
)

#: the person's own words, per language
OWN_WORDS = {
    # they state the decision themselves: the draft does not say it again (R2.1, R4)
    "id": "Saya tidak dapat hadir karena harus mendampingi ibu saya yang akan menjalani operasi "
    "minggu itu",
    "en": "I can't attend because I need to be with my mother, who has surgery that week",
}

#: own words for a named reason that a stock sentence would contradict ("akan pindah"), with
#: no subject of their own: said in the first person (R4)
MOVED = {"id": "baru pindah ke Surabaya.", "en": "just moved to Surabaya."}


@dataclass(frozen=True)
class Situation:
    """One situation a recruiter sees: the person's choices and how far ahead they write."""

    name: str
    choices: Choices
    #: hours before the interview the reply is written (None: the bench's fixed moment)
    hours_before: float = 72.0
    #: new times offered, as hours after the interview
    offers: tuple[float, ...] = ()
    #: no time offered, but the first day the person can attend again, as days after the
    #: interview's (--not-before)
    from_days: int | None = None
    #: the person's own words for a named reason, per language (--reason-text)
    words: dict[str, str] | None = None


SITUATIONS = (
    Situation("offer", Choices(intent="decline", reason="accepted-offer", interest="no",
                               confirmed=False)),
    Situation("sick_under_24h", Choices(intent="cancel", reason="health", interest="yes",
                                        confirmed=True), hours_before=20),
    Situation("reschedule_two", Choices(intent="reschedule", reason="schedule-conflict",
                                        interest="yes", confirmed=False), offers=(26, 52)),
    Situation("online", Choices(intent="online", reason="too-far", interest="yes",
                                confirmed=False)),
    Situation("not_a_fit", Choices(intent="decline", reason="not-a-fit", interest="no",
                                   confirmed=False)),
    # the person's own words are said as they wrote them: their whole reason ("full")
    Situation("own_words", Choices(intent="cancel", reason="other", interest="unsure",
                                   confirmed=False, detail="full")),
    # ill, no time of their own to offer: the first day they can attend, in every channel
    Situation("reschedule_from_day", Choices(intent="reschedule", reason="health",
                                             interest="yes", confirmed=False), from_days=3),
    # ill the evening before a morning interview, with the recruiter off work: a call, if any,
    # is planned within their working hours and early enough before the interview
    Situation("sick_evening_before", Choices(intent="cancel", reason="health", interest="yes",
                                             confirmed=True), hours_before=13),
    # moved, in their own words, still interested, free again from a day: their words in
    # every channel (never "akan pindah"), the hope to be rescheduled from that day on
    Situation("moved_from_day", Choices(intent="cancel", reason="relocation", interest="yes",
                                        confirmed=False), from_days=5, words=MOVED),
    # a confirmed interview cancelled by someone who no longer wants the job: the withdrawal
    # in every channel, so that no new time is offered
    Situation("cancel_withdraw", Choices(intent="cancel", reason="personal", interest="no",
                                         confirmed=True)),
)  # fmt: skip


@dataclass(frozen=True)
class Shortfall:
    """One rule a draft or the plan breaks."""

    rule: str
    channel: str
    detail: str


@dataclass
class Run:
    """One invitation under one situation: the plan, every draft, the plan's own drafts."""

    invitation: Invitation
    plan: Plan
    drafts: tuple[Draft, ...]
    planned_drafts: tuple[Draft, ...]
    files: dict[str, bytes]
    lint: dict[str, list[Any]]
    now: datetime
    situation: Any
    shortfalls: list[Shortfall] = field(default_factory=list)


def run(
    data: bytes,
    origin: str,
    situation: Situation,
    base_now: datetime,
    *,
    corrections: tuple[Correction, ...] = (),
) -> Run | str:
    """Draft every channel for one invitation under one situation (with facts the person
    gives, `corrections`); the one-line reason when sopan refuses the invitation itself (it
    is no interview, or a fact must be asked)."""
    from sopan.read import read_bytes

    config = Config(PROFILE, {})
    try:
        first = read_bytes(data, now=base_now, user_tz=PROFILE.timezone, origin=origin)
    except SopanError as exc:
        return str(exc)
    if situation.choices.intent == "online" and first.mode in ("online", "phone"):
        return "n/a: the interview is already remote"
    derived: tuple[Correction, ...] = ()
    start = first.start
    for doubt in first.ambiguous:
        if doubt.field == "start" and doubt.candidates:
            # as a person would: the first reading the page offers
            value = doubt.candidates[0].split(" ")[0]
            if "T" in value:
                start = datetime.fromisoformat(value)
                derived = (Correction("start", start, value),)
            else:
                derived = (Correction("start", date.fromisoformat(value), value),)
    now = base_now if start is None else start - timedelta(hours=situation.hours_before)
    choices = situation.choices
    if choices.reason == "other":
        choices = replace(choices, reason_text=OWN_WORDS[first.language])
    if situation.words:
        choices = replace(choices, reason_text=situation.words[first.language])
    if situation.offers:
        # new times after the interview: its start, else its day at ten, else three days on
        day = datetime.combine(first.day, time(10), base_now.tzinfo) if first.day else None
        anchor = start or day or base_now + timedelta(days=3)
        slots = [
            (anchor + timedelta(hours=h)).replace(minute=0, second=0, microsecond=0)
            for h in situation.offers
        ]
        choices = replace(choices, alternatives=tuple(s.isoformat() for s in slots))
    if situation.from_days is not None:
        on = start.date() if start else first.day or base_now.date() + timedelta(days=3)
        choices = replace(
            choices, not_before=(on + timedelta(days=situation.from_days)).isoformat()
        )
    read = ReadRequest(origin, now, corrections=corrections + derived, data=data, config=config)
    try:
        done = app.draft_for(app.DraftRequest(PlanRequest(read, choices), channels=("all",)))
        own = app.draft_for(app.DraftRequest(PlanRequest(read, choices)))
    except SopanError as exc:
        return str(exc)
    files = dict(app.export_for(done.planned, done.drafts, now))
    lint = {
        d.channel: [f for f in r.findings if f.level != "info"]
        for d, r in zip(done.drafts, done.reports, strict=True)
    }
    result = Run(
        done.planned.invitation, done.planned.plan, done.drafts, own.drafts, files, lint, now,
        done.planned.situation,
    )  # fmt: skip
    result.shortfalls = check(result)
    return result


# --- the rules -------------------------------------------------------------------------------

_APOLOGY = re.compile(r"\b(?:maaf|apologi[sz]e|sorry|apologies)\b", re.I)
#: a sentence ends at a stop, never at the dot of a time ("jam 10.00")
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]?")
_LETTER_PHRASES = re.compile(
    r"Dengan hormat|Hormat saya|Atas perhatian|\bYth\.|\bDear\b|Yours (?:sincerely|faithfully)",
    re.I,
)
_ZONE = re.compile(r"\b(?:WIB|WITA|WIT|UTC[+-]?\d*|GMT[+-]?\d*|SGT|PST|EST|IST|AEST|AEDT)\b")
#: what each kind of owed apology says (the one table's rows)
_KIND_WORDS = {
    "after_deadline": r"batas waktu|deadline|late reply|terlambat",
    "short_notice": r"mendadak|dekat dengan jadwal|short notice|so close",
    "confirmed": r"konfirmasi|mengonfirmasi|confirmed",
    "confirmed_short_notice": (
        r"(?=.*(?:konfirmasi|mengonfirmasi|confirm))(?=.*(?:mendadak|dekat|short notice))"
    ),
    "missed": r"baru (?:memberi kabar|mengabari)|sooner|late word",
    "change": r".",
    "none": r".",
}
_WRONG_KIND = {
    "after_deadline": (
        r"batas waktu konfirmasi|confirmation deadline|late reply|terlambat mengabari"
    ),
}


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _spoken_parts(draft: Draft) -> str:
    """What is said aloud: a call script's lines after their labels, a voicemail whole."""
    spec = registry().spec(draft.channel)
    if spec.layout != "script":
        return draft.text
    said = [line.split(": ", 1)[1] for line in draft.text.splitlines() if re.match(r"\d+\. ", line)]
    return "\n".join(said)


def _titled_in_text(inv: Invitation, language: str) -> bool:
    """Whether the invitation names its contact with an honorific."""
    return addressing(inv, language).titled


def check(r: Run) -> list[Shortfall]:
    """Every rule over one run."""
    out: list[Shortfall] = []
    inv, plan = r.invitation, r.plan
    language = r.drafts[0].language if r.drafts else plan.language
    known = registry()
    owed = owed_apology(plan.action, inv, r.situation, plan.urgency, r.now)
    address = addressing(inv, language)
    for d in r.drafts:
        spec = known.spec(d.channel)
        out += _event_rules(d, inv, language)
        out += _cv_offer_rules(d, r)
        out += _mohon_once(d, language)
        out += _decided_once(d, r, language)
        if spec.kind in ("written", "calendar"):
            out += _request_last(d)
        if spec.kind != "written" and "fallen ill" in d.text:
            # a chat, a call or a calendar note says "I'm unwell", not a letter's "fallen ill"
            out.append(Shortfall("chat_unwell", d.channel, "I have fallen ill"))
        out += [Shortfall("lint_clean", d.channel, f.rule) for f in r.lint.get(d.channel, [])]
        out += regional_rules(d, inv)  # the calendar's comment too
        size = size_of(d.text, spec, language)
        if spec.measure and spec.measure.limit and size is not None and size > spec.measure.limit:
            out.append(Shortfall("within_limit", d.channel, f"{size:.0f} > {spec.measure.limit}"))
        if spec.kind == "calendar":
            out += _calendar_rules(d)
            continue
        out += _apology_rules(d, owed)
        out += _address_rules(d, spec.kind, inv, address, language)
        if spec.spoken:
            out += _speech_rules(d, r, language)
        if spec.kind == "chat":
            out += _chat_rules(d, inv, language)
        aloud_or_chat = (spec.kind == "chat" or spec.spoken) and d.channel != "linkedin"
        # a script is said when the plan has the call made, a chat is read now
        said_at = (r.plan.call_at or r.now) if spec.spoken else r.now
        relative = _relative_day(r, said_at)
        if aloud_or_chat and relative == 1 and not re.search(r"\b(?:besok|tomorrow)\b", d.text):
            out.append(Shortfall("says_tomorrow", d.channel, "a next-day interview"))
        if spec.spoken and relative == 0 and not re.search(r"\b(?:hari ini|today)\b", d.text):
            out.append(Shortfall("says_today", d.channel, "called on the interview's day"))
        if spec.spoken and relative != 1 and re.search(r"\b(?:besok|tomorrow)\b", d.text):
            out.append(Shortfall("says_tomorrow", d.channel, "tomorrow said, not the next day"))
        # a missed interview too: "hari ini" only of one that is (or was) that same day
        days = _relative_day(r, said_at, past=True)
        if spec.spoken and days != 0 and re.search(r"\b(?:hari ini|today)\b", d.text):
            out.append(Shortfall("says_today", d.channel, "today said, not the interview's day"))
        if aloud_or_chat and days != 2 and re.search(r"\blusa\b", d.text):
            out.append(Shortfall("says_day_after", d.channel, "lusa said, not two days on"))
        out += _promise_rules(d, inv, r)
        out += _writing_rules(d, spec.kind, r)
    if not address.person and any(d.channel == "linkedin" for d in r.drafts):
        # a connection note is written to a person: none to a team or to nobody
        out.append(Shortfall("linkedin_no_person", "linkedin", address.written))
    out += _one_person_rules(r, language)
    out += _plan_rules(r)
    out += _plan_event_rules(r)
    out += _attendee_rules(r)
    out += _timing_rules(r)
    out += _moves_everywhere_rules(r, language)
    out += _own_words_rules(r, language)
    return out


def _said_text(d: Draft) -> str:
    """What a draft says: a calendar answer's COMMENT unfolded and unescaped, else its text."""
    if registry().spec(d.channel).kind != "calendar":
        return d.text
    unfolded = re.sub(r"\r?\n[ \t]", "", d.text)
    found = re.findall(r"(?m)^COMMENT[^:]*:(.*)$", unfolded)
    # a draft of the answer's comment alone is said as it is
    return "\n".join(found).replace("\\", "") if found else d.text


def _stock_reasons(language: str, reason: str) -> set[str]:
    """The stock sentences every book of the language says for a reason given without the
    person's own words (its `brief` rows), as far as they are literal."""
    from sopan.compose.bank import phrases
    from sopan.errors import InternalError

    found: set[str] = set()
    for spec in map(registry().spec, registry().names()):
        for step in ("reason", "reason/short"):
            try:
                rows = phrases(language, spec.register_in(language), spec.name,
                               (step, reason, "brief"))  # fmt: skip
            except InternalError:
                continue
            for row in rows:
                literal = row.split("{", 1)[0].strip()
                if len(literal) >= 12:
                    found.add(literal)
    return found


def _own_words_rules(r: Run, language: str) -> list[Shortfall]:
    """The person's own words for their reason are said in every channel that gives a reason,
    as they wrote them, and never beside a stock sentence of that reason that may say
    something else ("Saya akan pindah domisili" to someone who "baru pindah ke Surabaya");
    no draft closes a sentence twice ("Surabaya..") (R4, R8)."""
    out = []
    words = re.sub(r"\s+", " ", r.situation.reason_text or "").strip().rstrip(".!?").lower()
    stock = _stock_reasons(language, r.situation.reason) if words and r.situation.reason else set()
    for d in r.drafts:
        text = _said_text(d)
        if re.search(r"(?<![.])\.\s?\.(?![.])", text):
            out.append(Shortfall("doubled_stop", d.channel, "'..'"))
        if not words:
            continue
        flat = re.sub(r"\s+", " ", text).lower()
        if "reason" in d.moves and words not in flat:
            out.append(Shortfall("own_words_said", d.channel, f"{words!r} not said"))
        for row in stock:
            if row.lower() in flat:
                out.append(Shortfall("own_words_stock", d.channel, row))
    return out


#: the channels that carry the alternatives move, as data/rules/required_alternatives.yaml
_OFFERING = {"email", "letter", "sms", "whatsapp", "call"}


def _timing_rules(r: Run) -> list[Shortfall]:
    """Timing a recruiter notices: no number rung first outside working hours where they are
    (a mobile as much as an office line: the written message goes then, the call waits for
    the next working morning); a script's close follows the time of the call, as its greeting
    does; the first day the person can attend again is named in every channel that asks
    for a new time (R5)."""
    from sopan.plan.steps import office_opens

    out = []
    calls = {s.name for s in registry().with_role("call")}
    steps = [s.channel for s in r.plan.steps if registry().get(s.channel) is not None]
    closed = office_opens(r.invitation, r.now, PROFILE.timezone) is not None
    if steps and steps[0] in calls and closed and r.plan.call_at is None:
        out.append(Shortfall("working_hours", "plan", f"a call first at {r.now:%a %H:%M}"))
    out += _call_in_time(r, steps, calls)
    out += _usual_chat_rules(r, steps)
    for d in r.drafts:
        if not registry().spec(d.channel).spoken:
            continue
        at = r.plan.call_at or r.now
        part = greeting_part(
            r.invitation, PROFILE, d.language, at, planned=r.plan.call_at is not None
        )
        closing = re.search(r"Have a good (\w+)|Selamat (pagi|siang|sore|malam)\.\s*$", d.text)
        said = next((g for g in closing.groups() if g), None) if closing else None
        if said is not None and said not in (
            part,
            "day" if part in ("morning", "afternoon") else "",
        ):
            out.append(Shortfall("close_time_of_day", d.channel, f"{said!r} when {part}"))
    first = r.situation.not_before
    if first is not None and r.plan.action == "reschedule" and not r.situation.alternatives:
        for d in r.drafts:
            if d.channel in _OFFERING and not re.search(rf"\b0?{first.day}\b", d.text):
                out.append(Shortfall("first_day_named", d.channel, f"{first} not named"))
    return out


def _usual_chat_rules(r: Run, steps: list[str]) -> list[Shortfall]:
    """The chat a recruiter's mobile is written to is the one usual where the number is
    (data/plan/chats.yaml: a text message to a North American number, WhatsApp to an
    Indonesian one), unless the invitation names another."""
    import phonenumbers

    from sopan.data import load_yaml
    from sopan.language import phones

    parsed = phones.parse(r.invitation.contact.phone)
    if parsed is None:
        return []
    country = phonenumbers.region_code_for_number(parsed)
    table = load_yaml("plan", "chats.yaml")
    usual = next((c for c, where in table["countries"].items() if country in where), None)
    usual = usual or table["usual"]
    text = r.invitation.text.lower()
    out = []
    for name in steps:
        spec = registry().get(name)
        if spec is None or spec.kind != "chat" or spec.role != "reply" or name == usual:
            continue
        if not any(cue in text for cue in spec.came_by):
            out.append(Shortfall("usual_chat", "plan", f"{name} to a number in {country}"))
    return out


#: a call made later than this before the interview no longer serves to say one will not come
_CALL_AHEAD = timedelta(hours=1)


def _call_in_time(r: Run, steps: list[str], calls: set[str]) -> list[Shortfall]:
    """A call planned for later (`call_at`) is made within the recruiter's working hours where
    they are (a weekday or the interview's own day, 08:00 to 17:00 or the hours the invitation
    writes) and at least an hour
    before the interview starts; when no such time is left, the plan calls no one and the
    written message goes now — unless a call is the only way to reach them."""
    from sopan.plan.steps import recruiter_zone
    from sopan.read.words import office_hours

    inv, at = r.invitation, r.plan.call_at
    if at is None or not any(c in calls for c in steps) or is_past(inv, r.plan.urgency):
        return []
    written = [
        c for c in steps if registry().get(c) and registry().spec(c).role in ("reply", "text")
    ]
    zone = recruiter_zone(inv, PROFILE.timezone)
    local = at.astimezone(zone) if zone is not None else at
    day = inv.start.astimezone(local.tzinfo).date() if inv.start is not None else inv.day
    out = []
    # the hours the invitation writes ("Mon-Fri, 9am-6pm"), else 08:00 to 17:00
    opens, closes = office_hours(inv.text or "") or (time(8), time(17))
    if not (local.weekday() < 5 or local.date() == day) or not opens <= local.time() < closes:
        out.append(Shortfall("call_in_hours", "plan", f"a call at {local:%a %H:%M %Z}"))
    start = inv.start
    if start is None and inv.day is not None and zone is not None:
        start = datetime.combine(inv.day, opens, zone)
    if written and start is not None and at > start - _CALL_AHEAD:
        out.append(
            Shortfall("call_before_start", "plan", f"a call at {local:%H:%M}, start {start:%H:%M}")
        )
    return out


#: a written message promised for later in a voicemail ("Saya susulkan lewat email")
_PROMISED = re.compile(
    r"susulkan|(?<!Sudah )saya kirim juga|I'll (?:follow up|send|confirm|also send|text you)"
)
#: the news of an Indonesian chat (the decision's words)
_NEWS_ID = re.compile(r"tidak dapat|berhalangan|membatalkan|tidak akan melanjutkan|bolehkah")


def _moves_everywhere_rules(r: Run, language: str) -> list[Shortfall]:
    """Every channel carries the same moves: a text message says the interest in the role a
    chat and a call say (a cancellation by someone still interested); a voicemail says the
    written message is already sent when the plan sends it first, and promises it only when
    it follows; an Indonesian chat to HR opens its news with the apology ("Mohon maaf, …");
    an English call greets once and names a cancellation as one."""
    out = []
    drafts = {d.channel: d for d in r.drafts}
    interested = r.plan.action == "cancel" and r.situation.interest == "yes"
    if interested and not is_past(r.invitation, r.plan.urgency):
        for name in ("sms", "whatsapp", "call"):
            found = drafts.get(name)
            if found is not None and not re.search(r"tertarik|berminat|interested", found.text):
                out.append(Shortfall("interest_everywhere", name, "still interested not said"))
    order = [s.channel for s in r.plan.steps]
    voicemail = next((d for d in r.drafts if registry().spec(d.channel).role == "unanswered"), None)
    calls = [c for c in order if registry().get(c) and registry().spec(c).role == "call"]
    if voicemail is not None and calls:
        sent = [
            c
            for c in order[: order.index(calls[0])]
            if registry().get(c) and registry().spec(c).role in ("reply", "text")
        ]
        promise = _PROMISED.search(voicemail.text)
        if sent and promise:
            out.append(
                Shortfall(
                    "voicemail_order", voicemail.channel, f"{promise.group()}, {sent[0]} sent"
                )
            )
    owed = owed_apology(r.plan.action, r.invitation, r.situation, r.plan.urgency, r.now)
    if language == "id" and owed != "none" and not is_past(r.invitation, r.plan.urgency):
        for name in ("whatsapp", "sms"):
            found = drafts.get(name)
            if found is None:
                continue
            news = _NEWS_ID.search(found.text)
            sorry = re.search(r"(?i)\bmaaf\b", found.text)
            if news and (sorry is None or sorry.start() > news.start()):
                out.append(Shortfall("apology_opens_news", name, found.text[news.start() :][:40]))
    call = drafts.get("call")
    if call is not None and call.language == "en":
        said = _spoken_parts(call)
        if re.search(r"^(?:Hello|Hi|Good \w+)\b", said) and re.search(r"\n(?:Hi|Hello),", said):
            out.append(Shortfall("call_greets_once", "call", "greeted twice"))
        if r.plan.action == "cancel" and re.search(
            r"sorry to change|apologi[sz]e for changing", said
        ):
            out.append(Shortfall("cancel_named", "call", "a cancellation called a change"))
    return out


def _one_person_rules(r: Run, language: str) -> list[Shortfall]:
    """The contact is one person with one honorific in every channel (R3): a title given or
    guessed from a given name is "you" everywhere ("pengertian Ibu", never "Anda" beside
    "Yth. Ibu Dewi Lestari"); a guess is shown in the plan with where it came from; English
    guesses no "Ms."/"Mr."; a LinkedIn note to a known person greets them by name."""
    from sopan.cli.plan_view import render_plan
    from sopan.compose.address import guessed_title

    out = []
    inv = r.invitation
    address, chat = addressing(inv, language), addressing(inv, language, chat=True)
    guess = guessed_title(inv, language)
    for d in r.drafts:
        kind = registry().spec(d.channel).kind
        said = _spoken_parts(d) if registry().spec(d.channel).spoken else d.text
        if address.titled and language == "id" and re.search(r"\bAnda\b", said):
            # a person with a title is "Ibu"/"Bapak" for "you", never "Anda" as well
            out.append(Shortfall("one_honorific", d.channel, "Anda beside a title"))
        shown = kind == "written" and d.channel != "linkedin"
        if shown and address.titled and address.written not in d.text:
            out.append(Shortfall("one_honorific", d.channel, f"want {address.written}"))
        if d.channel == "linkedin" and chat.chat:
            greeting = d.text.split(",", 1)[0]
            if chat.chat not in greeting:
                # a connection note to a known person names them ("Halo Bu Dewi,")
                out.append(Shortfall("linkedin_named", d.channel, f"{greeting!r}, {chat.chat}"))
    out += _spoken_honorific_rules(r, language, chat)
    if address.person and address.block:
        # the plan names the person as the written drafts do ("Telepon Ibu Dewi Lestari")
        name = (inv.contact.name or "").split()
        for said in (*(s.why for s in r.plan.steps), *(n.text for n in r.plan.checklist)):
            why = " ".join(said.split())
            if name and re.search(rf"\b{re.escape(name[0])}\b", why) and address.block not in why:
                out.append(Shortfall("plan_names_contact", "plan", f"want {address.block}"))
                break
    if guess is not None:
        head = render_plan(r.plan, inv).split("\n\n", 1)[0]
        if guess[1] not in head or not re.search(r"ditebak dari nama|guessed from the given", head):
            out.append(Shortfall("honorific_guess_shown", "plan", guess[0]))
    if language == "en" and address.titled:
        # English never guesses "Ms."/"Mr." from a first name: a title only as written
        title = address.written.split()[0]
        if title.rstrip(".").lower() not in inv.text.lower() and not inv.contact.honorific:
            out.append(Shortfall("title_invented", "all", address.written))
    return out


def _honorific_families(language: str) -> dict[str, str]:
    """Each word an honorific is said with ("Ibu", "Bu", "Kak", "Kakak") → its title, the one
    honorific it belongs to; a word several share (English "you") belongs to none."""
    table = common(language)["address"]["honorifics"]
    found: dict[str, set[str]] = {}
    for form in table.values():
        for word in form.values():
            if word:
                found.setdefault(str(word), set()).add(str(form["title"]))
    return {word: titles.pop() for word, titles in found.items() if len(titles) == 1}


def _spoken_honorific_rules(r: Run, language: str, chat: Any) -> list[Shortfall]:
    """Speech names the contact as the chat does, aloud (R3): "Bu Dewi" beside a chat's "Bu
    Dewi", "Kak Dewi" beside a chat's "Kak Dewi"; never the bare name, and never another
    honorific at the close ("Terima kasih, Kak." after "Bu Dewi")."""
    families = _honorific_families(language)
    first = (chat.chat.split() or [""])[0]
    want = families.get(first)
    if not chat.person or want is None:
        return []  # English speech names a person by their name, as its chat does
    name = chat.chat.split()[-1]
    out = []
    words = "|".join(sorted(map(re.escape, families), key=len, reverse=True))
    for d in r.drafts:
        if not registry().spec(d.channel).spoken:
            continue
        said = _spoken_parts(d)
        for m in re.finditer(rf"(?:^|(\S+) ){re.escape(name)}\b", said, re.M):
            before = m.group(1) or ""
            if families.get(before) is None and before.lower() != "saya":
                out.append(Shortfall("spoken_honorific", d.channel, f"bare {m.group(0)!r}"))
        # an honorific word said to them (not "ibu saya", the person's own mother)
        said_to = {families[w] for w in re.findall(rf"\b({words})\b(?! saya)", said)}
        if said_to - {want}:
            out.append(Shortfall("spoken_honorific", d.channel, f"{sorted(said_to)}, chat {want}"))
    return out


def _event_rules(d: Draft, inv: Invitation, language: str) -> list[Shortfall]:
    """The event is named as the invitation names it ("Tes Online Gelombang 3" → "tes online",
    "Psikotes dan Interview" → "psikotes dan wawancara"): never an interview that is not one,
    in the body, the draft's own subject or a calendar answer's COMMENT."""
    from sopan.compose.facts import event_facts
    from sopan.language.dateforms import common

    named = event_facts(inv.event, language)["event"]
    interview = str(common(language)["events"]["interview"]["name"])
    text = d.text
    if registry().spec(d.channel).kind == "calendar":
        unfolded = re.sub(r"\r?\n[ \t]", "", text)
        text = "\n".join(re.findall(r"(?m)^COMMENT[^:]*:(.*)$", unfolded))
    elif d.subject and not (inv.subject and inv.subject in d.subject):
        text = f"{d.subject}\n{text}"  # a subject of its own names the event too
    out = []
    wrong = re.search(rf"(?i)\b{re.escape(interview)}\w*", text)
    if wrong and interview.lower() not in named.lower():
        out.append(Shortfall("event_named", d.channel, f"{wrong.group()!r} for {named!r}"))
    quiet = registry().spec(d.channel).kind == "calendar" or d.channel == "linkedin"
    if inv.event and named.lower() not in text.lower() and not quiet:
        out.append(Shortfall("event_named", d.channel, f"{named!r} not named"))
    return out


_CV_OFFER = re.compile(r"(?i)\b(?:send|mengirimkan|kirim)\b[^.\n]*\b(?:CV|resume|résumé)\b")


def _cv_offer_rules(d: Draft, r: Run) -> list[Shortfall]:
    """An offer to send the CV only where it serves (R7.1): a reschedule, or a cancellation by
    someone still interested and not ill — never a decline, a sick day's cancellation or a
    request to go online — and at most once."""
    said = _CV_OFFER.findall(d.text)
    sit = r.situation
    serves = r.plan.action == "reschedule" or (
        r.plan.action == "cancel" and sit.interest == "yes" and sit.reason != "health"
    )
    if said and not serves:
        return [Shortfall("cv_offer", d.channel, f"{r.plan.action}/{sit.reason}: {said[0]}")]
    if len(said) > 1:
        return [Shortfall("cv_offer", d.channel, f"{len(said)} offers")]
    return []


def _decided_once(d: Draft, r: Run, language: str) -> list[Shortfall]:
    """Own words that state the decision ("I can't attend because …") are the news: the draft
    says none of the decision's words (the phrase book's `decides`) more often than they do,
    in the body or a calendar answer's COMMENT (R2.1, R4)."""
    from sopan.language.dateforms import common

    own = (r.situation.reason_text or "").lower()
    if not own:
        return []
    text = d.text.lower()
    if registry().spec(d.channel).kind == "calendar":
        unfolded = re.sub(r"\r?\n[ \t]", "", d.text)
        text = "\n".join(re.findall(r"(?m)^COMMENT[^:]*:(.*)$", unfolded)).lower()
    out = []
    for word in common(language)["decides"].get(r.plan.action, []):
        pattern = rf"(?<![\w-]){re.escape(str(word))}(?![\w-])"
        said, theirs = len(re.findall(pattern, text)), len(re.findall(pattern, own))
        if theirs and said > theirs:
            out.append(Shortfall("decided_once", d.channel, f"{word!r} ×{said}"))
    return out


def _request_last(d: Draft) -> list[Shortfall]:
    """A request comes after the news and its reason, so no question stands between them in
    their paragraph ("Mohon maaf, … berhalangan hadir. Apakah … dapat dijadwalkan ulang? Pada
    waktu yang sama …"); a request that opens its paragraph may be followed by an offer ("I
    will gladly adjust"), and any by a thanks (R2.1, R5)."""
    text = d.text
    if registry().spec(d.channel).kind == "calendar":
        unfolded = re.sub(r"\r?\n[ \t]", "", text)
        text = "\n".join(re.findall(r"(?m)^COMMENT[^:]*:(.*)$", unfolded)).replace("\\", "")
    for para in re.split(r"\n\s*\n", text):
        asked = para.find("?")
        before = re.sub(r"[^.!]*$", "", para[:asked]).strip() if asked >= 0 else ""
        rest = para[asked + 1 :].strip() if asked >= 0 else ""
        if (
            before
            and rest
            and not rest.startswith("-")
            and not re.match(r"(?i)terima kasih|thank", rest)
        ):
            return [Shortfall("request_last", d.channel, para[: asked + 1][-60:])]
    return []


def _plan_event_rules(r: Run) -> list[Shortfall]:
    """The plan's steps and warnings name the event as the drafts do: no interview alone
    where the invitation names a test with it."""
    from sopan.compose.facts import event_facts
    from sopan.language.dateforms import common

    if not r.invitation.event:
        return []
    language = r.plan.language
    named = event_facts(r.invitation.event, language)["event"].lower()
    interview = str(common(language)["events"]["interview"]["name"])
    out = []
    for text in [s.why for s in r.plan.steps] + [n.text for n in r.plan.warnings]:
        low = text.lower()
        bare = re.search(rf"\b{re.escape(interview)}\w*", low)
        if bare and named not in low and "video" not in low:
            out.append(Shortfall("plan_event", "plan", text[:60]))
    return out


def _mohon_once(d: Draft, language: str) -> list[Shortfall]:
    """No "mohon" twice in one paragraph of an Indonesian draft ("Mohon maaf, … Saya mohon agar
    …"): the request is asked ("Apakah … dapat dijadwalkan ulang?", "Silakan hubungi saya")."""
    if language != "id":
        return []
    text = re.sub(r"\r?\n[ \t]", "", d.text)
    twice = [p for p in re.split(r"\n\s*\n", text) if len(re.findall(r"(?i)\bmohon\b", p)) > 1]
    return [Shortfall("mohon_once", d.channel, twice[0][:80])] if twice else []


def _attendee_rules(r: Run) -> list[Shortfall]:
    """The calendar answer's ATTENDEE carries the profile's name only on the profile's own
    address: another address is never given the person's name."""
    out = []
    for name, data in r.files.items():
        if not name.endswith(".ics"):
            continue
        from icalendar import Calendar

        for event in Calendar.from_ical(data).walk("VEVENT"):
            attendee = event.get("ATTENDEE")
            if attendee is None:
                continue
            address = str(attendee).lower().removeprefix("mailto:")
            cn = attendee.params.get("CN")
            if cn is not None and str(cn) == PROFILE.name and address != PROFILE.email:
                out.append(Shortfall("attendee_own_name", "calendar", address))
    return out


def _relative_day(r: Run, at: datetime, *, past: bool = False) -> int | None:
    """How many days after `at` the interview is where it takes place (0: that same day),
    when it is ahead (or, with `past`, behind) and its zone known; else None."""
    start = r.invitation.start
    if start is None or not r.invitation.timezone:
        return None
    if is_past(r.invitation, r.plan.urgency) and not past:
        return None
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(r.invitation.timezone)
    return (start.astimezone(zone).date() - at.astimezone(zone).date()).days


def _apology_rules(d: Draft, owed: str) -> list[Shortfall]:
    out = []
    if d.channel == "linkedin":
        return out
    said = [s for s in _sentences(d.text) if _APOLOGY.search(s)]
    if len(said) > 1:
        out.append(Shortfall("one_apology", d.channel, f"{len(said)}: {said}"))
    if owed not in ("none", "change") and not said:
        out.append(Shortfall("apology_owed", d.channel, owed))
    if said and not re.search(_KIND_WORDS[owed], " ".join(said), re.I):
        out.append(Shortfall("apology_kind", d.channel, f"{owed}: {said[0]}"))
    if owed == "change" and re.search(r"atas perubahan|for the change", d.text, re.I):
        # nothing confirmed, nothing changed yet: sorry to be unavailable, not "for the change"
        out.append(Shortfall("apology_kind", d.channel, "a change apologised for, none made"))
    for kind, words in _WRONG_KIND.items():
        if kind != owed and re.search(words, d.text, re.I):
            out.append(Shortfall("apology_kind", d.channel, f"{kind} said, {owed} owed"))
    moves = list(d.moves)
    if (
        "apology" in moves
        and "decision" in moves
        and moves.index("apology") < moves.index("decision")
    ):
        out.append(Shortfall("apology_after_news", d.channel, ", ".join(moves)))
    return out


def _address_rules(
    d: Draft, kind: str, inv: Invitation, address: Any, language: str
) -> list[Shortfall]:
    out = []
    text = d.text
    company = (inv.company or "").strip()
    first_lines = "\n".join(text.splitlines()[:3])
    if company and re.search(
        rf"(?:Selamat \w+|Halo|Hello|Good \w+|Dear|Yth\.)[, ]+(?:Bapak/Ibu )?"
        rf"{re.escape(company)}\s*(?:[,.!\n]|$)",
        first_lines,
    ):
        out.append(Shortfall("company_as_person", d.channel, first_lines[:80]))
    if address.titled and "Bapak/Ibu" in text:
        out.append(Shortfall("honorific_joined", d.channel, "Bapak/Ibu to a named title"))
    elif address.person and "Bapak/Ibu" in text:
        # a name without an honorific: the name alone ("Yth. Sofie Hartono"), never a guess
        out.append(Shortfall("named_no_bapak_ibu", d.channel, "Bapak/Ibu to a named person"))
    if d.channel in ("email", "letter"):
        if language == "en":
            want = f"Dear {address.written},"
            if want not in text:
                out.append(Shortfall("salutation", d.channel, f"want {want!r}"))
            if address.person and "Hiring Team" in text:
                out.append(Shortfall("salutation", d.channel, "Hiring Team to a named person"))
            # as the recipient's regional variant closes ("Sincerely," to an American)
            book = common(d.language, d.region)["sign_off"]
            sign = str(
                book["email"]
                if d.channel == "email"
                else book["named" if address.person else "unnamed"]
            )
            if sign not in text:
                out.append(Shortfall("closing_matched", d.channel, f"want {sign}"))
        elif d.channel == "letter" and not (
            _recipient_block(text) and _recipient_block(text)[0] in address.written
        ):
            # a letter's block names the team without its company, the company under it
            out.append(Shortfall("salutation", d.channel, f"want Yth. {address.written}"))
        elif d.channel != "letter" and not re.search(
            rf"Yth\. {re.escape(address.written)}\n", text
        ):
            out.append(Shortfall("salutation", d.channel, f"want Yth. {address.written}"))
    if d.channel == "letter":
        out += _recipient_block_rules(d, inv)
    if address.person and re.search(r"Tim Rekrutmen|Recruitment Team|Hiring Team", text):
        out.append(Shortfall("title_invented", d.channel, "a team named to a person"))
    return out


def _recipient_block(text: str) -> list[str]:
    """A letter's recipient block: the lines after "Yth." up to the greeting, or (English)
    the lines between the date and the subject."""
    lines = text.splitlines()
    start = next((i for i, x in enumerate(lines) if x.startswith("Yth. ")), None)
    if start is not None:
        block = [lines[start].removeprefix("Yth. ")]
        for line in lines[start + 1 :]:
            if not line.strip():
                break
            block.append(line)
        return block
    end = next((i for i, x in enumerate(lines) if x.startswith("Subject:")), 0)
    head = "\n".join(lines[:end]).rstrip("\n").split("\n\n")
    return head[-1].splitlines() if len(head) >= 3 else []


def _recipient_block_rules(d: Draft, inv: Invitation) -> list[Shortfall]:
    """The recipient block names the company once: never "Vantage Distributors HR Team" over
    "Vantage Distributors"."""
    company = " ".join((inv.company or "").split()).lower()
    block = _recipient_block(d.text)
    # the names' lines, not the postal address under them (a line with a number)
    names = [line for line in block if not any(c.isdigit() for c in line)]
    if company and sum(company in line.lower() for line in names) > 1:
        return [Shortfall("recipient_block", d.channel, " / ".join(block))]
    return []


def _speech_rules(d: Draft, r: Run, language: str) -> list[Shortfall]:
    out = []
    said = _spoken_parts(d)
    if "/" in said.replace("https://", ""):
        out.append(Shortfall("speech_slash", d.channel, said[:80]))
    if re.search(r"Bapak atau Ibu|Bapak/Ibu", said):
        out.append(Shortfall("speech_bapak_ibu", d.channel, "said aloud"))
    # greeted as of when the plan has the call made (an office closed now: when it opens)
    at = r.plan.call_at or r.now
    part = greeting_part(r.invitation, PROFILE, language, at, planned=r.plan.call_at is not None)
    if part is not None and re.match(r"(?:Halo|Hello)\b", said):
        # where the recruiter is, the time of day is known: "Selamat pagi", "Good afternoon"
        out.append(Shortfall("greeting_time_of_day", d.channel, said[:40]))
    if part is not None and not re.match(rf"(?:Selamat|Good) {part}\b", said):
        out.append(Shortfall("greeting_when_called", d.channel, f"want {part}: {said[:30]}"))
    if r.plan.call_at is not None and re.match(r"(?:Halo|Hello|Hi)\b", said):
        # the plan has the call made at a time it knows, where the recruiter is: greeted by it
        out.append(Shortfall("greeting_planned_call", d.channel, said[:40]))
    clock = re.search(r"\b\d{1,2}[.:]\d{2}\b", said)
    if clock:
        # a time said aloud as a caller says it ("two-thirty in the afternoon")
        out.append(Shortfall("speech_clock", d.channel, clock.group()))
    if registry().spec(d.channel).layout == "script":
        out += _call_script_rules(d, r)
    if registry().spec(d.channel).layout != "script":  # a voicemail speaks to a recording
        if "?" in said:
            out.append(
                Shortfall("voicemail_question", d.channel, said[said.index("?") - 40 :][:60])
            )
        number = (
            spoken_number(
                PROFILE.phone, language, PROFILE.country, caller=r.invitation.contact.phone
            )
            or ""
        )
        if said.count(number) != 2:
            out.append(Shortfall("number_twice", d.channel, f"{said.count(number)} times"))
        sit = r.situation
        waits = sit.intent in ("reschedule", "online") or (
            sit.interest == "yes"
            and (sit.intent == "cancel" or is_past(r.invitation, r.plan.urgency))
        )
        asks = re.search(r"[Mm]ohon hubungi|[Hh]ubungi saya|call me back|[Pp]lease call", said)
        if asks and not waits:
            # a decline awaits no answer: the voicemail leaves the number, asks for nothing
            out.append(Shortfall("voicemail_request", d.channel, asks.group()))
        out += _voicemail_rules(d, r, said)
    return out


#: a written follow-up said in a voicemail, and the channel it names
_FOLLOW = re.compile(
    r"(?:lewat|by|on) (email|WhatsApp|SMS)\b|a (WhatsApp|SMS) message|\b(text)(?:ed)? you\b",
    re.I,
)


def _voicemail_rules(d: Draft, r: Run, said: str) -> list[Shortfall]:
    """A voicemail a recruiter can place (C2.1): who is calling, for which company, the date
    when one is known, what follows in writing (through a channel drafted, when there is
    one), and no bare "My apologies." / "Mohon maaf." fragment."""
    from sopan.compose.core import _follow_up

    out = []
    inv = r.invitation
    company = " ".join((inv.company or "").split())
    role = " ".join((inv.position or "").split())
    flat = " ".join(said.split()).lower()
    # the role the recruiter files the call under, else the company
    if company and company.lower() not in flat and not (role and role.lower() in flat):
        out.append(Shortfall("voicemail_company", d.channel, company))
    if inv.start is not None or inv.day is not None:
        day = (inv.start or inv.day).day  # type: ignore[union-attr]
        shown = calendar_zone(inv, PROFILE.timezone)
        if inv.start is not None and shown is not None:
            # a calendar's UTC time is said in the zone it is shown in
            from zoneinfo import ZoneInfo

            day = inv.start.astimezone(ZoneInfo(shown)).day
        if not re.search(rf"\b{day}\b|\b(?:today|tomorrow|hari ini|besok)\b", said):
            out.append(Shortfall("voicemail_date", d.channel, f"no day {day}"))
    follow = _follow_up(inv, PROFILE)
    promised = _FOLLOW.search(said)
    if follow is not None and not promised:
        out.append(Shortfall("voicemail_follow_up", d.channel, f"{follow.name} not said"))
    if promised:
        name = next(g for g in promised.groups() if g).lower()
        if name == "text":  # "I've also texted you": the text message
            name = registry().with_role("text")[0].name
        drafted = {x.channel for x in r.drafts} | {x.channel for x in r.planned_drafts}
        if name not in drafted:
            out.append(Shortfall("voicemail_follow_up", d.channel, f"{name} is not drafted"))
    bare = re.search(r"(?:^|[.!?] )(My apologies|Mohon maaf|Maaf|Sorry)\.", said)
    if bare:
        out.append(Shortfall("voicemail_bare_apology", d.channel, bare.group(1)))
    return out


_THANKS = re.compile(r"\b(?:terima kasih|thank(?:s| you))\b", re.I)
#: a step label that promises interest in the role, and the words that say it
_INTEREST_LABEL = re.compile(r"^\d+\. (?:Minat pada posisi ini|Interest in the role):", re.M)
_INTEREST_SAID = re.compile(r"tertarik|interested", re.I)


def _call_script_rules(d: Draft, r: Run) -> list[Shortfall]:
    """A call script thanks once, at its close (one more at the opening at most); each step's
    label says what is said under it; and what to do when nobody answers is what the plan does:
    a voicemail only where one is left, a written reply only by a channel the plan sends."""
    from sopan.plan.reach import leaves_voicemail

    out = []
    lines = [ln for ln in d.text.splitlines() if re.match(r"\d+\. ", ln)]
    said = [ln.split(": ", 1)[1] for ln in lines]
    thanks = [i for i, x in enumerate(said) for _ in _THANKS.findall(x)]
    late = [i for i in thanks if i >= 2]
    if len(late) > 1 or len(thanks) > 2:
        out.append(Shortfall("call_thanks_once", d.channel, f"{len(thanks)} thanks"))
    for label in _INTEREST_LABEL.finditer(d.text):
        line = d.text[label.start() :].split("\n", 1)[0]
        if not _INTEREST_SAID.search(line.split(": ", 1)[1]):
            out.append(Shortfall("call_label_matches", d.channel, line[:60]))
    out += _ask_for_rules(d, r, said)
    after = d.text.rsplit("\n\n", 1)[-1]
    voicemail = re.search(r"tinggalkan pesan suara|leave a short voicemail", after)
    if voicemail and not leaves_voicemail(r.invitation):
        out.append(Shortfall("call_no_answer_plan", d.channel, "a voicemail the plan skips"))
    steps = [s.channel for s in r.plan.steps]
    written = [c for c in steps if registry().spec(c).role in ("reply", "text") and c != "linkedin"]
    names = [registry().spec(c).label_in(d.language) for c in written]
    medium = re.search(
        r"lewat (\w+)(?: sudah Anda kirim)?\.?$|by (\w+)(?: straight away| is already sent)?\.$",
        after,
    )
    if medium:
        said_medium = next(g for g in medium.groups() if g)
        if said_medium not in names:
            out.append(Shortfall("call_no_answer_plan", d.channel, f"{said_medium}, plan {steps}"))
    return out


def _ask_for_rules(d: Draft, r: Run, said: list[str]) -> list[Shortfall]:
    """The call asks for a person the invitation names, with the honorific it gives, else for
    a department; never for a team as if it were a person ("dengan Tim Rekrutmen PT …")."""
    out: list[Shortfall] = []
    if not said:
        return out
    asked = re.search(r"(?:bicara dengan|speak with|speak to) (.+?)(?:, please)?\?", said[0])
    if asked is None:
        return out
    who = asked.group(1)
    if re.search(r"\b(?:Tim|Team)\b", who) and not re.search(r"\b(?:bagian|someone)\b", who):
        out.append(Shortfall("call_asks_for_team", d.channel, who))
    address = addressing(r.invitation, d.language)
    name = (r.invitation.contact.name or "").split()
    if address.person and name and not any(part in who for part in name):
        out.append(Shortfall("call_asks_for_named", d.channel, f"{who!r}, named {name[0]}"))
    return out


_LETTERISH_CHAT = re.compile(
    r"ingin mengabarkan bahwa|ingin memberitahukan|[Dd]engan ini|I wanted to let you know|"
    r"I am writing to"
)


def _chat_rules(d: Draft, inv: Invitation, language: str) -> list[Shortfall]:
    out = []
    if _LETTERISH_CHAT.search(d.text):
        found = _LETTERISH_CHAT.search(d.text).group()  # type: ignore[union-attr]
        out.append(Shortfall("chat_letter_phrase", d.channel, found))
    if language == "id" and d.action in ("decline", "cancel") and not _APOLOGY.search(d.text):
        out.append(Shortfall("chat_regret", d.channel, "an Indonesian decline without maaf"))
    wanted = reply_line(
        inv.text, "no", {"name": PROFILE.name, "position": " ".join((inv.position or "").split())}
    )
    first = d.text.split("\n", 1)[0].strip()
    if wanted and d.action in ("decline", "cancel") and first != wanted:
        out.append(Shortfall("reply_format", d.channel, f"want first line {wanted!r}"))
    if wanted and d.action not in ("decline", "cancel") and wanted in d.text:
        # "TIDAK_…" on top of a request for another time reads as a withdrawal
        out.append(Shortfall("reply_format", d.channel, f"{wanted!r} on a {d.action}"))
    if _LETTER_PHRASES.search(d.text):
        out.append(
            Shortfall("chat_letter_phrase", d.channel, _LETTER_PHRASES.search(d.text).group())
        )  # type: ignore[union-attr]
    if d.text.count("?") > 1:
        out.append(Shortfall("one_request", d.channel, f"{d.text.count('?')} questions"))
    bare = re.match(r"(?:Selamat \w+|Halo),? ([A-Z][\w'-]*)[.,]", d.text)
    if language == "id" and bare and bare.group(1) not in _TITLES:
        # a bare first name reads rude in an Indonesian chat: "Kak Sofie", "Pak Ahmad"
        out.append(Shortfall("bare_first_name", d.channel, bare.group()))
    if re.match(r"(?:Hello|Hi|Halo)\.", d.text):
        out.append(Shortfall("bare_hello", d.channel, d.text[:20]))
    if casual_cue(inv, language) and ("Bapak/Ibu" in d.text or "Kak" not in d.text):
        out.append(Shortfall("chat_register", d.channel, "kak not answered with Kak"))
    if not casual_cue(inv, language) and re.search(r"\bKak(?:ak)?\b", d.text):
        # "Kak" answers only a chat that itself said "kak" (R3): never a recruiter who called
        # the candidate "Ibu"/"Bapak", nor a school's vice-principal
        out.append(Shortfall("kak_unasked", d.channel, "Kak to an invitation without kak"))
    if d.channel == "whatsapp":
        long = [p for p in d.text.split("\n\n") if len(p) > 260]
        if long:
            out.append(Shortfall("short_lines", d.channel, f"{len(long[0])} chars"))
    return out


def _promise_rules(d: Draft, inv: Invitation, r: Run) -> list[Shortfall]:
    out = []
    reach = reachable(inv)
    promise = re.search(r"lewat (email|WhatsApp|SMS)|by (email)|a (WhatsApp) message", d.text)
    if promise:
        said = next(g for g in promise.groups() if g).lower()
        if said not in reach or (said == "email" and not PROFILE.email):
            out.append(Shortfall("promise_missing", d.channel, promise.group()))
    written = [
        s.channel
        for s in r.plan.steps
        if s.channel in reach and registry().spec(s.channel).role in ("reply", "text")
    ]
    later = re.search(
        r"kirim (?:pesan|balasan) tertulis\w*|send the written (?:messages?|reply)", d.text
    )
    if later and not written:
        out.append(Shortfall("promise_missing", d.channel, later.group()))
    shown = calendar_zone(inv, PROFILE.timezone) or inv.timezone
    # the person's own time beside a slot they offer ("11:00 (SGT; 10:00 WIB for me)") is
    # theirs, labelled as such: the organizer's time stands first
    own = re.sub(r"\d(?: [AP]M)? WIB for me|\([^()]*\d WIB\)", "", d.text)
    if inv.source == "ics" and shown != PROFILE.timezone and re.search(r"\bWIB\b", own):
        # a calendar's time as the organizer knows it, never turned into the person's zone
        out.append(Shortfall("organizer_zone", d.channel, "WIB"))
    if shown not in ("Etc/UTC", "UTC") and re.search(r"\bUTC\b(?![+\-\u2212]\d)", d.text):
        # UTC is how a calendar file stores a moment, not a zone a recruiter reads: said only
        # when the invitation itself speaks it
        out.append(Shortfall("utc_to_recruiter", d.channel, "UTC"))
    if not zone_known(inv) and inv.source != "ics" and _ZONE.search(d.text):
        out.append(Shortfall("zone_invented", d.channel, _ZONE.search(d.text).group()))  # type: ignore[union-attr]
    return out


def _writing_rules(d: Draft, kind: str, r: Run) -> list[Shortfall]:
    out = []
    if "every success with the recruitment" in d.text:
        out.append(Shortfall("idiom", d.channel, "every success with the recruitment"))
    # the zone as the invitation wrote it ("EST"), or by the name the recipient's regional
    # variant gives it all year ("ET" to an American reader)
    inv = r.invitation
    zone = written_zone(inv) and zone_written(inv, inv.timezone, d.language, d.region)
    if zone is not None:
        from sopan.language.zones import abbreviations

        same = {a for a, iana in abbreviations().items() if iana == r.invitation.timezone}
        other = [t for t in re.findall(r"\b[A-Z]{2,5}\b", d.text) if t in same and t != zone]
        if other:
            out.append(Shortfall("zone_as_written", d.channel, f"{other[0]} for {zone}"))
    stiff = _STIFF.search(d.text)
    if stiff:
        out.append(Shortfall("stiff_wording", d.channel, stiff.group()))
    if "Thank you for understanding" in d.text:
        out.append(Shortfall("understanding", d.channel, "Thank you for understanding"))
    if d.subject is not None:
        from sopan.read.slots import find

        if "\ufffd" in d.subject or find(d.subject):
            out.append(Shortfall("subject_clean", d.channel, d.subject))
    sentences = _sentences(d.text)
    seen = set()
    for s in sentences:
        if len(s) > 25 and s in seen:
            out.append(Shortfall("said_once", d.channel, s[:60]))
        seen.add(s)
    openers = [
        s.split()[0] for s in sentences if s.split() and s.split()[0] in ("After", "Setelah")
    ]
    if len(openers) > 1:
        out.append(Shortfall("said_once", d.channel, "two sentences open with After/Setelah"))
    sit = r.situation
    interested = sit.intent == "cancel" and sit.interest == "yes"
    other_roles = re.search(r"posisi lain|other roles|future roles|kesempatan lain", d.text)
    if interested and other_roles and not is_past(r.invitation, r.plan.urgency):
        out.append(Shortfall("this_role", d.channel, "other roles while still interested"))
    return out


#: wording a recruiter marks down, wherever it appears (review of the drafts, section 5)
_STIFF = re.compile(
    r"\bI'll not\b|menjalani pemulihan|recovering from a health matter|sangat berarti bagi saya|"
    r"membatalkan kehadiran saya|hadir tepat waktu|arrive on time|any of the following times"
    r"(?=[:?]\n- [^\n]+\n- [^\n]+(?:\n\n|\n?$))"
)
_TITLES = {"Bapak", "Ibu", "Pak", "Bu", "Kak", "Mbak", "Mas", "Kakak", "Tim"}


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
#: a date written in digits alone, day and month ("8/12", "12-8"): read one way in the US and
#: the other elsewhere
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])\d{1,2}[/-]\d{1,2}(?![\w/-])")
#: a time on the twenty-four-hour clock, or any time with no AM/PM, to an American reader
_CLOCK_24 = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\s?(?:AM|PM|a\.m\.|p\.m\.))")
#: a date written day first ("12 October", "8 Dec"), to an American reader
_DAY_FIRST = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS})\b")
#: British wording an American recruiter marks down ("reach me by phone on", a CV, "Yours
#: faithfully")
_BRITISH = re.compile(r"\b(?:by phone on|call me back on|CV|Yours faithfully|Yours sincerely)\b")


def regional_rules(d: Draft, inv: Invitation) -> list[Shortfall]:
    """An English draft is written as its recipient reads it: in the regional variant of
    where they are (`sopan.plan.recipient`, never the writer's place); no date in digits alone
    to anyone; to an American reader the twelve-hour clock with AM/PM, the month first, and
    American wording. The subject is the invitation's own, and is not checked."""
    out: list[Shortfall] = []
    wanted = writing_region(d.language, inv)
    if d.region != wanted:
        out.append(Shortfall("region_chosen", d.channel, f"{d.region!r}, want {wanted!r}"))
    if d.language != "en":
        return out
    text = _own_text(d, inv)
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        out.append(Shortfall("numeric_date", d.channel, numeric.group()))
    if wanted != "us":
        return out
    for rule, pattern in (
        ("us_clock", _CLOCK_24), ("us_day_first", _DAY_FIRST), ("us_wording", _BRITISH)
    ):  # fmt: skip
        found = pattern.search(text)
        if found:
            out.append(Shortfall(rule, d.channel, found.group()))
    return out


def _own_text(d: Draft, inv: Invitation) -> str:
    """A draft's own words: without the invitation's words it quotes back (its reference
    number, its company's, its position's, a link) and the person's own reason."""
    text = d.text
    for quoted in (inv.reference, inv.company, inv.position, inv.location, inv.meeting_link):
        if quoted:
            text = text.replace(quoted, " ")
    for own in OWN_WORDS.values():
        text = text.replace(own, " ")
    return re.sub(r"https?://\S+", " ", text)


def _calendar_rules(d: Draft) -> list[Shortfall]:
    """A calendar answer's COMMENT is a line or two a calendar shows beside the answer (the new
    times with it when it proposes some), never letter prose."""
    out = []
    if len(d.text) > 300 or re.search(r"I am writing|Dengan (?:ini|hormat)", d.text):
        out.append(Shortfall("calendar_comment", d.channel, d.text[:60]))
    return out


_MAIL_HEADER = re.compile(r"(?im)^(?:from|dari|subject|subjek)\s*:")


def _plan_rules(r: Run) -> list[Shortfall]:
    out = []
    inv, plan = r.invitation, r.plan
    # a step with no channel of its own (answering on a portal) is drafted by no one
    steps = [s.channel for s in plan.steps if registry().get(s.channel) is not None]
    if any(d.channel == "letter" for d in r.drafts) and not formal_register(inv):
        # `--channel all` writes a formal letter only to a formal letter or e-mail
        out.append(Shortfall("letter_register", "letter", "a letter to an informal invitation"))
    mail = "email" in reachable(inv) and inv.source == "text" and _MAIL_HEADER.search(inv.text)
    if mail and "email" not in steps:
        out.append(Shortfall("pasted_email_reply", "plan", f"steps {steps}"))
    planned = {d.channel for d in r.planned_drafts}
    reach = reachable(inv)
    for channel in steps:
        if channel not in planned:
            out.append(Shortfall("plan_steps_drafted", channel, "a step with no draft"))
        if channel not in reach:
            out.append(Shortfall("plan_steps_reach", channel, "a step that cannot reach them"))
    texts = " ".join(n.text for n in plan.warnings) + " ".join(s.why for s in plan.steps)
    if not can_call(inv) and re.search(
        r"[Tt]elepon (?:\S+ )?lebih dulu|[Pp]hone .{0,30}first|call (?:comes )?first", texts
    ):
        out.append(Shortfall("call_without_number", "plan", "call first"))
    if r.situation.confirmed and re.search(r"batas waktu balasan|reply deadline", texts):
        out.append(Shortfall("late_warning_confirmed", "plan", "reply deadline"))
    if r.situation.reason == "accepted-offer" and any(
        n.guideline.startswith("R10") for n in plan.checklist
    ):
        out.append(Shortfall("r10_after_offer", "plan", "job-search lines"))
    out += _plan_reading_rules(r)
    email = next((d for d in r.drafts if registry().spec(d.channel).format == "eml"), None)
    answer = next((d for d in r.drafts if registry().spec(d.channel).kind == "calendar"), None)
    if email is not None and answer is not None:
        eml = next((v for k, v in r.files.items() if k.endswith(".eml")), b"")
        if b"text/calendar" not in eml:
            out.append(Shortfall("imip_with_email", "email", "no calendar part"))
    return out


def _plan_reading_rules(r: Run) -> list[Shortfall]:
    """The plan read as a counsellor's checklist for this situation: nothing said twice (a
    checklist line for a step), no job-search lines while the person hopes to be rescheduled,
    no channel named that the plan does not use, no trip to an interview that will not take
    place, and a zone the invitation did not write shown as a guess with where it came from."""
    from sopan.cli.plan_view import render_plan

    out = []
    inv, plan, sit = r.invitation, r.plan, r.situation
    steps = [s.channel for s in plan.steps]
    if "linkedin" in steps and any(n.guideline == "C3" for n in plan.checklist):
        out.append(Shortfall("plan_said_once", "plan", "the LinkedIn step again in the checklist"))
    hoping = sit.interest == "yes" and plan.action in ("cancel", "reschedule", "online")
    if hoping and any(n.guideline.startswith(("R10", "R9 ")) or n.guideline == "R9"
                      for n in plan.checklist):  # fmt: skip
        out.append(Shortfall("plan_fits_situation", "plan", "job-search lines while hoping"))
    said = " ".join(s.why for s in plan.steps)
    if "email" not in steps and re.search(r"\b(?:membuka email|inbox)\b", said):
        out.append(Shortfall("plan_channels_named", "plan", f"e-mail named, steps {steps}"))
    shown = render_plan(plan, inv)
    if plan.action in ("decline", "cancel") and re.search(r"(?m)^(?:Perjalanan|Travel):", shown):
        out.append(Shortfall("plan_fits_situation", "plan", "a trip to an interview called off"))
    head = shown.split("\n\n", 1)[0]
    from sopan.language.zones import written_label

    # a zone the invitation writes elsewhere ("konfirmasi sebelum pukul 10.00 WIB") is written
    written = inv.timezone and written_label(inv.text, inv.timezone)
    guessed = inv.start is not None and "timezone" in inv.missing and not written
    if guessed and not re.search(r"ditebak dari|guessed from", head):
        out.append(Shortfall("plan_zone_origin", "plan", head.splitlines()[1][:60]))
    if re.search(r"UTC[+-]\d", head) and inv.timezone and "/" in inv.timezone:
        out.append(Shortfall("plan_zone_named", "plan", head.splitlines()[1][:60]))
    if plan.zone not in (None, "Etc/UTC") and re.search(r"\bUTC\b", head):
        out.append(Shortfall("plan_zone_named", "plan", f"UTC, drafts in {plan.zone}"))
    due = inv.reply_by is not None and inv.reply_by > r.now and not sit.confirmed
    if due and not is_past(inv, plan.urgency) and not re.search(r"Batas balasan|Reply by", head):
        out.append(Shortfall("plan_reply_by", "plan", "a reply-by date ahead, not shown"))
    out += _plan_agrees_rules(r)
    return out


def _plan_agrees_rules(r: Run) -> list[Shortfall]:
    """The plan never contradicts itself: no "no number" beside a call step, no "call first"
    when the first message is written, a step's reason not the warning's words again; and its
    checklist fits: a follow-up reminder only while an answer is awaited, no consolation for a
    choice the person made, the CV line only with a CV attached."""
    out = []
    plan, sit = r.plan, r.situation
    known = registry()
    calls = {s.name for s in known.with_role("call")}
    channels = [s.channel for s in plan.steps if known.get(s.channel) is not None]
    reasons = [s.why for s in plan.steps]
    said = " ".join(reasons + [n.text for n in plan.warnings])
    if any(c in calls for c in channels) and re.search(
        r"tidak ada nomor|tidak mencantumkan nomor|no (?:phone )?number to call|no phone number",
        said,
    ):
        out.append(Shortfall("plan_contradicts", "plan", "no number, and a call step"))
    first = channels[0] if channels else None
    if first not in calls and re.search(
        r"[Tt]elepon (?:\S+ )?lebih dulu|call comes first|[Pp]hone \S+(?: \S+)? first", said
    ):
        out.append(Shortfall("plan_contradicts", "plan", f"call first, first step {first}"))

    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}

    for note in plan.warnings:
        for why in reasons:
            if runs(note.text) & runs(why):
                out.append(Shortfall("plan_repeats", "plan", note.text[:50]))
    listed = " ".join(n.text for n in plan.checklist)
    awaits = plan.action in ("reschedule", "online") or (
        plan.action == "cancel" and sit.interest == "yes"
    )
    if not awaits and re.search(r"seminggu|within a week|in a week", listed):
        out.append(Shortfall("plan_fits_situation", "plan", "a follow-up with nothing to await"))
    if re.search(r"hanya satu wawancara|not the end of your search", listed):
        out.append(Shortfall("plan_fits_situation", "plan", "consolation for a free choice"))
    if not sit.attachments and any(n.guideline == "R7.1" for n in plan.checklist):
        out.append(Shortfall("plan_fits_situation", "plan", "a CV line with no CV attached"))
    return out


def summary(runs: Iterator[tuple[str, str, Run | str]]) -> dict[str, Any]:
    """Counts per rule and the shortfalls, from (invitation, situation, run) triples; and why
    the refused ones were refused."""
    counts: dict[str, int] = {}
    listed: list[tuple[str, str, Shortfall]] = []
    why: dict[str, int] = {}
    done = refused = 0
    for name, situation, result in runs:
        if isinstance(result, str):
            refused += 1
            reason = re.sub(r"'[^']*'|\d+", "…", result)[:70]
            why[reason] = why.get(reason, 0) + 1
            continue
        done += 1
        for s in result.shortfalls:
            counts[s.rule] = counts.get(s.rule, 0) + 1
            listed.append((name, situation, s))
    return {"runs": done, "refused": refused, "why": why, "counts": counts, "shortfalls": listed}


__all__ = ["PROFILE", "SITUATIONS", "Run", "Shortfall", "check", "run", "summary"]
