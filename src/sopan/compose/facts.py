"""The facts a phrase can name, as ready-made strings (never None).

A fact the invitation lacks becomes an empty clause, so a phrase written as
"… {when_clause} …" reads naturally with or without a date (write around a missing date);
`tidy` then removes the gaps. Nothing here is invented: a time is written with a zone only
when the invitation gives one (or a calendar's exact time is turned into the person's own
zone, and says so); a greeting names the part of the day only where the recruiter is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any

from sopan._infra import rx
from sopan.compose.address import Addressing, addressing
from sopan.compose.reply_format import reply_line
from sopan.compose.spoken import greeting_part, spoken_clock, spoken_number, zone_known
from sopan.language.dateforms import (
    clock,
    common,
    day,
    everyday_zone,
    local_zone,
    when_text,
    zone_label,
)
from sopan.model import Invitation, Profile, Situation
from sopan.plan import clock_problem
from sopan.read.casing import as_name


def _clean(text: str | None) -> str:
    """User or invitation text, one line, without trailing sentence punctuation."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", text).strip().rstrip(".!?;,:…").strip()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def own_sentence(text: str, language: str) -> str:
    """The person's own reason as a sentence of theirs, lightly fitted (R4): its subject put
    before words that open with the predicate ("baru pindah ke Surabaya" → "Saya baru pindah
    ke Surabaya"), a leading "karena" / "because" left out, a capital, no closing stop; ""
    when the words are no sentence of the person's (a phrase, "presentasi klien"), which the
    books say after a frame naming the kind of reason (`own_words` of the phrase book)."""
    words = str(_clean(text))
    rules: Mapping[str, Any] = common(language)["own_words"]

    def first(of: str) -> str:
        head = of.split(" ", 1)[0].lower()
        return head.strip(",;:")

    def subject(of: str) -> str | None:
        """The subject a sentence opening with its predicate takes, "" when it has one."""
        if first(of) in rules["subjects"]:
            return ""
        row = next((r for r in rules["openers"] if first(of) in r["words"]), None)
        return None if row is None else str(row["subject"])

    if first(words) in rules["connectives"] and " " in words:
        rest = words.split(" ", 1)[1].strip()
        # "because of the distance" is no sentence: only a sentence loses its "because"
        if subject(rest) is not None:
            words = rest
    said = subject(words)
    if said is None:
        return ""
    return f"{said} {words[:1].lower()}{words[1:]}" if said else _cap(words)


def join_list(items: list[str], language: str) -> str:
    """ "a, b dan c" / "a, b and c"."""
    word = str(common(language)["frag"]["list_and"])
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def reply_zone(inv: Invitation, profile: Profile) -> str | None:
    """The zone a reply writes times in: the organizer's, as the invitation gives it, never
    converted into the person's own (the recruiter reads the reply in their zone). A time in
    UTC alone (a calendar file's "…Z", a storage form) is written in the zone of the place
    the invitation names (a venue in Paris: Paris time), in UTC only when the invitation
    speaks UTC, else in the contact number's zone or the person's own, named (the plan shows
    it the same, as a guess: `sopan.plan.calendar_zone`). None: the invitation names no zone
    (a floating calendar time included), and the time is written as it wrote it, with no
    zone."""
    from sopan.plan import calendar_zone

    utc = calendar_zone(inv, profile.timezone)
    if utc is not None:
        return utc
    if inv.source == "ics" and inv.timezone is None:
        return None
    return inv.timezone if zone_known(inv) else None


def written_zone(inv: Invitation) -> str | None:
    """The zone's name as the invitation writes it beside its times ("EST"), when its zone is
    the invitation's own (not one sopan assumed) and it writes exactly one name of it."""
    if not zone_known(inv) or not inv.text or not inv.timezone:
        return None
    from sopan.language.zones import written_label

    return written_label(inv.text, inv.timezone)


def zone_written(inv: Invitation, zone: str | None, language: str, region: str = "") -> str | None:
    """The label a reply writes beside its times in `zone`: the name the variant's readers give
    it all year ("ET", en US), else the invitation's own name for it ("EST"), else None (the
    usual label, `sopan.language.dateforms.zone_label`)."""
    everyday = everyday_zone(zone, language, region)
    if everyday:
        return everyday
    return written_zone(inv) if zone == inv.timezone else None


def _when(
    moment: datetime,
    zone: str | None,
    language: str,
    *,
    short: bool = False,
    label: str | None = None,
    region: str = "",
) -> str:
    """A date and time in the language's form (its variant's), with its zone only when one is
    known (named `label` when the invitation wrote it so)."""
    if zone is not None and label is None:
        return when_text(moment, zone, language, short=short, region=region)
    local = moment.astimezone(local_zone(moment, zone)) if zone else moment
    template = str(common(language, region)["dates"]["when_short" if short else "when"])
    return tidy(
        template.format(
            date=day(local, "date_short" if short else "date", language, region),
            time=clock(local, language, region),
            zone=label or "",
        )
    )


def compact_when(
    moment: datetime,
    zone: str | None,
    language: str,
    *,
    weekday: bool = True,
    label: str | None = None,
    region: str = "",
) -> str:
    """A text message's date and time: "Senin 23/11 jam 10.00 WIB", "Mon 23 Nov, 10:00 WIB",
    "Mon, Nov 23, 10:00 AM ET" (en US); without the weekday, "23/11 jam 10.00 WIB"."""
    local = moment.astimezone(local_zone(moment, zone)) if zone else moment
    label = label or (zone_label(local, language, plain=True, region=region) if zone else "")
    form = "date_compact" if weekday else "date_numeric"
    return (
        str(common(language, region)["dates"]["when_compact"])
        .format(
            date=day(local, form, language, region),
            time=clock(local, language, region),
            zone=label,
        )
        .strip()
    )


def slot_texts(
    inv: Invitation,
    sit: Situation,
    profile: Profile,
    language: str,
    *,
    short: bool = False,
    compact: bool = False,
    spoken: bool = False,
    own: bool = True,
    region: str = "",
) -> list[str]:
    """The alternatives the user offers, as written text (`short`: without the year,
    `compact`: a text message's form, `spoken`: said aloud, "Tuesday, 1 December at ten
    a.m."), in the variant `region`'s forms; `own`: with the person's own time beside the
    recruiter's when their clocks differ."""
    zone = reply_zone(inv, profile)
    label = zone_written(inv, zone, language, region)
    # in the recruiter's zone when the invitation names it, else as the interview's time is
    # written: in the zone it was read in, with no zone named
    local = [
        s.start.astimezone(local_zone(s.start, zone or profile.timezone)) for s in sit.alternatives
    ]
    if spoken:
        form = str(common(language, region)["dates"]["when_spoken"])
        written = [
            form.format(date=day(t, "date_short", language, region), time=spoken_clock(t, language))
            for t in local
        ]
    elif compact:
        # a text message names the zone once, with the interview's time
        written = [compact_when(t, None, language, region=region) for t in local]
    else:
        written = [
            _when(
                t,
                zone,
                language,
                short=short,
                label=(
                    _with_own(t, zone, label, profile.timezone, language, region) if own else label
                ),
                region=region,
            )
            for t in local
        ]
    return written + [_clean(t) for t in sit.alternatives_text if _clean(t)]


def _with_own(
    moment: datetime, zone: str | None, label: str | None, own: str, language: str, region: str
) -> str | None:
    """The label of a slot written in the recruiter's `zone`, with the person's own time beside
    it when their clocks differ there ("SGT (10.00 WIB)"): the person offered it in their own
    zone, and reads it back so (R5); `label` unchanged when the clocks agree or no zone is
    named."""
    if zone is None:
        return label
    theirs = moment.astimezone(local_zone(moment, zone))
    mine = moment.astimezone(local_zone(moment, own))
    if theirs.utcoffset() == mine.utcoffset():
        return label
    forms = common(language, region)["dates"]
    own_time = clock(mine, language, region)
    if mine.date() != theirs.date():  # "Thursday, 17 December 09:00 WIB"
        own_time = f"{day(mine, 'date_short', language, region)} {own_time}"
    return str(forms["zone_and_own"]).format(
        zone=label or zone_label(theirs, language, plain=True, region=region),
        own=f"{own_time} {zone_label(mine, language, plain=True, region=region)}",
    )


def _inline(slots: list[str], word_or: str) -> str:
    """ "a, b or c" for the slots offered in one sentence."""
    return f"{', '.join(slots[:-1])} {word_or} {slots[-1]}" if len(slots) > 1 else "".join(slots)


def _address_facts(formal: Addressing, chat: Addressing, language: str) -> dict[str, str]:
    """The forms of address, per medium (see `sopan.compose.address`)."""
    words = common(language)["address"]
    return {
        "addressee": formal.written,
        "you": formal.you,
        "chat_name": chat.chat,
        "you_chat": chat.you_chat,
        # ", Bu" after a thanks in a chat or a call; "" when nothing tells
        "to_short": f", {chat.short}" if chat.short else "",
        # speech is in the invitation's register too ("Kak Rina" to a chat that said "kak")
        "to_short_spoken": f", {chat.short}" if chat.short else "",
        "spoken_name": chat.spoken,
        "to_spoken": f", {chat.spoken}" if chat.spoken else "",
        "you_spoken": chat.you_spoken,
        "ask_for": chat.ask_for,
        "intro_spoken": (
            str(words["intro_spoken_named"]).format(spoken=chat.spoken)
            if chat.spoken
            else str(words["intro_spoken"])
        ),
        # "1" when a person is named (a team or a company is not), else ""
        "person": "1" if formal.person else "",
        # English chat and notes: "Hello Ms. Jang," / "Hello,"
        "hello_name": f" {chat.chat}" if chat.chat else "",
        "hello_name_comma": f", {chat.chat}" if chat.chat else "",
        # a greeting with no one named ends with a comma: never a bare "Hello."
        "hello_stop": "." if chat.chat else ",",
    }


def build_facts(
    inv: Invitation,
    sit: Situation,
    profile: Profile,
    *,
    language: str,
    now: datetime,
    region: str = "",
    planned: bool = False,
) -> dict[str, str]:
    """Every value a phrase may use, keyed by its placeholder name, in the words of the
    language's regional variant `region` ("" its own: `sopan.language.regions`); `planned`:
    `now` is when the plan has a call made, in the recruiter's zone (its greeting is then)."""
    words: Mapping[str, Any] = common(language, region)
    frag: Mapping[str, Any] = words["frag"]
    company = as_name(_clean(inv.company))
    position = _clean(inv.position)
    if position and company and position.casefold() == company.casefold():
        position = ""  # a company's name read as the role names no role: "posisi X di X"
    formal, chat = addressing(inv, language), addressing(inv, language, chat=True)
    facts: dict[str, str] = {
        "name": profile.name.strip(),
        **_address_facts(formal, chat, language),
        # the company under the addressee: the invitation's own name, never a team invented
        # (and not again when the addressee, a team, already names it)
        "recipient_org": "" if company and company.lower() in formal.written.lower() else company,
        "company": company,
        "position": position,
        "email": (profile.email or "").strip(),
        "phone": (profile.phone or "").strip(),
        "phone_spoken": spoken_number(
            profile.phone, language, profile.country, caller=inv.contact.phone
        )
        or "",
        "linkedin": (profile.linkedin or "").strip(),
        "city": _clean(profile.city),
        "reference": _clean(inv.reference),
        "reason_text": _clean(sit.reason_text),
        "reason_own": own_sentence(sit.reason_text or "", language),
        "company_spoken_clause": (
            str(frag["company_only_clause"]).format(company=company) if company else ""
        ),
        "new_employer": _clean(sit.new_employer),
    }
    facts["reason_text_cap"] = _cap(facts["reason_text"])
    facts.update(event_facts(inv.event, language))
    for key in ("interview", "interview_bare", "interview_short", "interview_short_spoken"):
        if key in frag:
            with_pos = frag.get(f"{key}_position")
            facts[key] = str(with_pos if position and with_pos else frag[key]).format(**facts)
    # the company on a line of its own under the addressee, or no line at all
    facts["recipient_org_line"] = f"\n{facts['recipient_org']}" if facts["recipient_org"] else ""
    block = recipient_block(formal, company)
    facts["recipient_block"] = "\n".join(block)
    # an Indonesian letter's "Yth." line and the lines under it: "Bapak/Ibu" when no one is named
    facts["letter_to"] = block[0] if formal.block else formal.written
    rest = block[1:] if formal.block else block
    facts["letter_to_rest"] = "".join(f"\n{line}" for line in rest)
    facts["role_clause"] = str(frag["role_clause"]).format(**facts) if position else ""
    # a voicemail names the role and the company, so it can be placed (C2.1)
    spoken_role = "role_company_clause" if company else "role_clause"
    facts["role_spoken_clause"] = (
        str(frag[spoken_role]).format(**facts) if position else facts["company_spoken_clause"]
    )
    # a voicemail said shorter names the role the recruiter files the call under, else the
    # company (C2.1): "kandidat Analis Data", never "kandidat di PT …" when the role is known
    facts["role_or_company_spoken_clause"] = facts["role_clause"] or facts["company_spoken_clause"]
    facts["company_clause"] = str(frag["company_clause"]).format(**facts) if company else ""
    # "melalui Zoom": the platform an online interview is held on, when the invitation names it
    platform = _clean(inv.platform) if inv.mode == "online" else ""
    clause = str(frag["platform_clause"])
    facts["platform_clause"] = clause.format(platform=platform) if platform else ""
    facts["company_ref"] = str(frag["company_ref" if company else "company_ref_unknown"]).format(
        **facts
    )
    # the company's address block of a letter: where the invitation says to come, when it
    # says it (an online interview's "location" is no postal address)
    place = _postal(_clean(inv.location), company) if inv.mode != "online" else ""
    facts["address_block"] = place or str(words["letter"]["no_address"])
    for key in ("ref_clause", "ref_short"):
        facts[key] = str(frag[key]).format(**facts) if facts["reference"] else ""
    facts["home_clause"] = str(frag["home_clause"]).format(**facts) if facts["city"] else ""
    facts.update(_when_facts(inv, profile, language, frag, now, region))
    strengths = [_clean(s) for s in sit.strengths if _clean(s)]
    facts["strengths"] = join_list(strengths, language)
    facts["strengths_cap"] = _cap(facts["strengths"])
    facts["attachments"] = ", ".join(PurePath(a).name for a in sit.attachments)
    slots = slot_texts(inv, sit, profile, language, region=region)
    facts["alternatives_list"] = "\n".join(f"- {s}" for s in slots)
    word_or = str(frag["list_or"])
    facts["alternatives_inline"] = _inline(slots, word_or)
    # a calendar answer carries the new times as data, which the person's calendar shows on
    # their own clock: its comment names them in the organizer's zone alone, a line or two
    theirs = slot_texts(inv, sit, profile, language, own=False, region=region)
    facts["alternatives_inline_theirs"] = _inline(theirs, word_or)
    # The short forms keep a text message's offer of new times within its length (R5).
    short_slots = slot_texts(inv, sit, profile, language, short=True, region=region)
    facts["alternatives_inline_short"] = _inline(short_slots, word_or)
    compact_slots = slot_texts(inv, sit, profile, language, compact=True, region=region)
    facts["alternatives_compact"] = _inline(compact_slots, word_or)
    spoken_slots = slot_texts(inv, sit, profile, language, spoken=True, region=region)
    facts["alternatives_spoken"] = _inline(spoken_slots, word_or)
    # the first day the person can attend again (R5): a reschedule with no time of their own
    # to offer names it, so no earlier day is proposed to them
    first = sit.not_before
    facts["from_day"] = day(first, "date", language, region) if first else ""
    facts["from_day_short"] = day(first, "date_short", language, region) if first else ""
    facts["from_day_compact"] = day(first, "date_compact", language, region) if first else ""
    facts.update(_greeting_facts(inv, profile, language, now, planned=planned))
    # the reply format the invitation asks for, filled: sopan's answers never attend as
    # invited (a decline, a cancellation, a new time or an online interview asked for)
    facts["reply_format"] = reply_line(inv.text, "no", facts)
    sign_off = words["sign_off"]
    facts["sign_off"] = str(sign_off["named" if formal.person else "unnamed"])
    facts["sign_off_email"] = str(sign_off["email"])
    return facts


def _postal(place: str, company: str) -> str:
    """A venue as a letter's address, under the company's name: its leading parts that name
    the company again ("Kantor PT Nusantara Data, Jl. Sudirman 52" → "Jl. Sudirman 52") left
    out, as the line above says it; "" when nothing else is left."""
    if not company:
        return place
    parts = [p.strip() for p in place.split(",")]
    while parts and company.lower() in parts[0].lower():
        parts.pop(0)
    return ", ".join(parts)


def recipient_block(formal: Addressing, company: str) -> list[str]:
    """A letter's recipient block, a line each: the person (with the title as written) or the
    team, then the company — the company never twice: a team named with its company
    ("Vantage Distributors HR Team") is written without it ("HR Team"), the company under it."""
    first = formal.block
    if first and not formal.person and company:
        from sopan.model.names import LANGUAGES

        # a team is named in the invitation's words, whatever the reply's language
        joiners = [str(w) for lang in LANGUAGES for w in common(lang)["address"]["team_joiners"]]
        edge = "|".join(re.escape(w) for w in sorted(joiners, key=len, reverse=True))
        name = re.escape(company)
        # the company only at either end ("Vantage Distributors HR Team", "Talent Team at
        # Acme"); a team that names it inside ("HR Director of BGM Ltd; HR Dep") stays whole
        bare = re.sub(rf"^\s*{name}(?:\s|{edge})+|(?:\s|{edge})+{name}\s*$", "", first, flags=re.I)
        if bare != first and company.lower() not in bare.lower() and any(c.isalpha() for c in bare):
            first = " ".join(bare.split())
        elif first.strip().lower() == company.lower():
            first = ""  # the team was the company's own name
    lines = [first] if first else []
    if company and not any(company.lower() in line.lower() for line in lines):
        lines.append(company)
    return lines


def event_facts(event: tuple[str, ...], language: str) -> dict[str, str]:
    """The event as the invitation names it, in the language's words (`events` of the phrase
    book; an interview when it names none): "tes online", "psikotes dan wawancara" (`event`),
    "wawancaranya" (`event_own`), "an online test" (`event_a`), "Tes online" (`event_cap`)."""
    book: Mapping[str, Any] = common(language)["events"]
    forms = [book[key] for key in event if key in book] or [book["interview"]]
    names = [str(f["name"]) for f in forms]
    name = join_list(names, language)
    return {
        "event": name,
        "event_cap": _cap(name),
        "event_own": join_list([*names[:-1], str(forms[-1]["own"])], language),
        "event_a": join_list([str(forms[0]["a"]), *names[1:]], language),
    }


def _when_facts(
    inv: Invitation,
    profile: Profile,
    language: str,
    frag: Mapping[str, Any],
    now: datetime,
    region: str = "",
) -> dict[str, str]:
    """The interview's date and time in each form a phrase may write it; a chat, a text and
    speech say "besok" / "tomorrow" of an interview the next day."""
    keys = ("when", "when_short", "when_compact", "when_numeric", "when_spoken", "when_brief")
    out = dict.fromkeys(keys, "")
    forms = common(language, region)["dates"]
    relative = False
    if inv.start is not None and clock_problem(inv.start) is None:
        zone = reply_zone(inv, profile)
        label = zone_written(inv, zone, language, region)
        start = inv.start
        out["when"] = _when(start, zone, language, label=label, region=region)
        out["when_short"] = _when(start, zone, language, short=True, label=label, region=region)
        out["when_compact"] = compact_when(start, zone, language, label=label, region=region)
        out["when_numeric"] = compact_when(
            start, zone, language, weekday=False, label=label, region=region
        )
        local = inv.start.astimezone(local_zone(inv.start, zone)) if zone else inv.start
        hour = clock(local, language, region)
        # speech says the time as a caller does ("two-thirty in the afternoon"), the date too
        said = spoken_clock(local, language)
        out["when_spoken"] = str(forms["when_spoken"]).format(
            date=day(local, "date_short", language, region), time=said
        )
        out["when_brief"] = str(forms["when_brief"]).format(
            date=day(local, "date_brief", language, region), time=said
        )
        # "besok" / "hari ini" as of `now` where the interview is (a script: when it is said)
        today = now.astimezone(local.tzinfo).date()
        if local.date() == today + timedelta(days=1):
            for key in ("when_short", "when_compact", "when_numeric", "when_spoken"):
                out[key] = str(forms["tomorrow"]).format(when=out[key])
            out["when_brief"] = str(forms["tomorrow_spoken"]).format(time=said)
            relative = True
        elif local.date() == today:
            for key in ("when_short", "when_compact", "when_numeric"):
                out[key] = str(forms["today_brief"]).format(time=hour)
            for key in ("when_spoken", "when_brief"):
                out[key] = str(forms["today_spoken"]).format(time=said)
            relative = True  # a relative day: no "pada" / "on" before it
    elif inv.day is not None or inv.start is not None:
        # only the day is known, or its time is one the clocks skip or repeat (the plan says
        # so): name the day, never a time ("Senin, 30 November 2026")
        on = inv.day or inv.start.date()  # type: ignore[union-attr]
        out["when"] = day(on, "date", language, region)
        out["when_short"] = out["when_spoken"] = day(on, "date_short", language, region)
        out["when_compact"] = day(on, "date_compact", language, region)
        out["when_numeric"] = day(on, "date_numeric", language, region)
        out["when_brief"] = day(on, "date_brief", language, region)
    # a chat or a call names the interview by its date, or else as the one arranged ("di
    # wawancara yang sudah dijadwalkan"), never as a bare "di wawancara."
    for key in ("when_short", "when_spoken", "when_brief"):
        out[f"{key}_or"] = out[key] or str(forms.get("unnamed", ""))
    for key in keys:
        clause = f"{key}_clause"
        out[clause] = str(frag[clause]).format(**out) if out[key] else ""
        if relative and key != "when":
            out[clause] = out[key]  # "besok, Senin …", never "pada besok" / "on tomorrow"
    return out


def _greeting_facts(
    inv: Invitation, profile: Profile, language: str, now: datetime, *, planned: bool = False
) -> dict[str, str]:
    """How a chat or a call opens and closes: by the part of the day where the recruiter is
    ("Selamat pagi", "Good afternoon"), or neutrally ("Halo", "Hello") when it cannot be
    told; the parting words likewise."""
    words = common(language)
    part = greeting_part(inv, profile, language, now, planned=planned)
    if part is None:
        greet, parting = str(words["neutral_greeting"]), str(words["neutral_parting"])
    else:
        greet = str(words["time_greeting"]).format(day_part=part)
        parting = str(words["time_parting"]).format(day_part=part)
    return {
        "greet": greet,
        "greet_lower": greet[:1].lower() + greet[1:],
        "parting": parting,
        "day_part": part or "",
        "time_greeting": greet,
        "time_greeting_lower": greet[:1].lower() + greet[1:],
    }


_SPACES = rx.compile(r"[ \t]{2,}")
_BEFORE_PUNCT = rx.compile(r"[ \t]+([,.:;!?)])")
_AFTER_PAREN = rx.compile(r"\([ \t]+")


def tidy(text: str) -> str:
    """Close the gaps that empty clauses leave: double spaces, " ,", "()" and blank runs."""
    lines = []
    for line in text.split("\n"):
        line = line.replace("()", "")
        line = _SPACES.sub(" ", line)
        line = _BEFORE_PUNCT.sub(r"\1", line)
        line = _AFTER_PAREN.sub("(", line)
        line = re.sub(r"([,:])([.,?])", r"\2", line)
        line = line.replace("..", ".").replace(", ,", ",")
        lines.append(line.strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
