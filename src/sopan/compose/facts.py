"""The facts a phrase can name, as ready-made strings (never None).

A fact the invitation lacks becomes an empty clause, so a phrase written as
"… {when_clause} …" reads naturally with or without a date (issue 2: write
around a missing date). `tidy` then removes the gaps.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from sopan._infra import rx
from sopan.compose.address import addressing
from sopan.language.dateforms import common, day, day_part, when_text
from sopan.language.phones import spoken
from sopan.model import Invitation, Profile, Situation
from sopan.plan import clock_problem


def _clean(text: str | None) -> str:
    """User or invitation text, one line, without trailing sentence punctuation."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", text).strip().rstrip(".!?;,").strip()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_list(items: list[str], language: str) -> str:
    """ "a, b dan c" / "a, b and c"."""
    word = str(common(language)["frag"]["list_and"])
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def reply_zone(inv: Invitation, profile: Profile) -> str:
    """The zone a reply writes times in: the recruiter's, as the invitation gives it. A
    calendar file in UTC alone says nothing of it, so the user's own zone is taken (the
    recruiter's, for a local interview), never UTC."""
    if inv.timezone in (None, "Etc/UTC", "UTC"):
        return profile.timezone
    return inv.timezone


def slot_texts(
    inv: Invitation, sit: Situation, profile: Profile, language: str, *, short: bool = False
) -> list[str]:
    """The alternatives the user offers, as written text (`short`: without the year)."""
    tz = reply_zone(inv, profile)
    written = [when_text(s.start, tz, language, short=short) for s in sit.alternatives]
    return written + [_clean(t) for t in sit.alternatives_text if _clean(t)]


def _inline(slots: list[str], word_or: str) -> str:
    """ "a, b or c" for the slots offered in one sentence."""
    return f"{', '.join(slots[:-1])} {word_or} {slots[-1]}" if len(slots) > 1 else "".join(slots)


def build_facts(
    inv: Invitation, sit: Situation, profile: Profile, *, language: str, now: datetime
) -> dict[str, str]:
    """Every value a phrase may use, keyed by its placeholder name."""
    frag: Mapping[str, Any] = common(language)["frag"]
    company = _clean(inv.company)
    position = _clean(inv.position)
    to = addressing(inv, language)
    org = common(language)["recipient_org"]
    facts: dict[str, str] = {
        "name": profile.name.strip(),
        "addressee": to.written,
        # Spoken and chat greetings name a person, never "Hiring Team" or "Bapak/Ibu".
        "addressee_spoken": to.spoken
        if language == "id"
        else (f", {to.spoken}" if to.named else ""),
        "addressee_hello": f" {to.written}" if to.named or language == "id" else "",
        "ask_for": str(frag["ask_for"]).format(who=to.spoken) if to.named else "",
        "you": to.you,
        "you_spoken": to.you_spoken,
        "recipient_org": (
            str(org["company"]).format(company=company) if company else str(org["unknown"])
        ),
        "company": company,
        "position": position,
        "email": (profile.email or "").strip(),
        "phone": (profile.phone or "").strip(),
        # a voicemail says the callback number in international form, grouped for speaking
        "phone_spoken": spoken(profile.phone) or "",
        "linkedin": (profile.linkedin or "").strip(),
        "city": _clean(profile.city),
        "reference": _clean(inv.reference),
        "reason_text": _clean(sit.reason_text),
        "new_employer": _clean(sit.new_employer),
    }
    facts["reason_text_cap"] = _cap(facts["reason_text"])
    for key in ("interview", "interview_bare", "interview_short", "interview_short_spoken"):
        if key in frag:
            with_pos = frag.get(f"{key}_position")
            facts[key] = str(with_pos if position and with_pos else frag[key]).format(**facts)
    facts["company_clause"] = str(frag["company_clause"]).format(**facts) if company else ""
    facts["company_ref"] = str(frag["company_ref" if company else "company_ref_unknown"]).format(
        **facts
    )
    # the company's address block of a letter: where the invitation says to come, when it
    # says it (an online interview's "location" is no postal address)
    place = _clean(inv.location) if inv.mode != "online" else ""
    facts["address_block"] = place or str(common(language)["letter"]["no_address"])
    facts["ref_clause"] = str(frag["ref_clause"]).format(**facts) if facts["reference"] else ""
    facts["home_clause"] = str(frag["home_clause"]).format(**facts) if facts["city"] else ""
    if inv.start is not None and clock_problem(inv.start) is None:
        zone = reply_zone(inv, profile)
        facts["when"] = when_text(inv.start, zone, language)
        facts["when_short"] = when_text(inv.start, zone, language, short=True)
        facts["when_clause"] = str(frag["when_clause"]).format(**facts)
        facts["when_short_clause"] = str(frag["when_short_clause"]).format(**facts)
    elif inv.day is not None or inv.start is not None:
        # only the day is known, or its time is one the clocks skip or repeat (the plan says
        # so): name the day, never a time ("Senin, 30 November 2026")
        on = inv.day or inv.start.date()  # type: ignore[union-attr]
        facts["when"] = day(on, "date", language)
        facts["when_short"] = day(on, "date_short", language)
        facts["when_clause"] = str(frag["when_clause"]).format(**facts)
        facts["when_short_clause"] = str(frag["when_short_clause"]).format(**facts)
    else:
        facts.update(when="", when_short="", when_clause="", when_short_clause="")
    strengths = [_clean(s) for s in sit.strengths if _clean(s)]
    facts["strengths"] = join_list(strengths, language)
    facts["strengths_cap"] = _cap(facts["strengths"])
    facts["attachments"] = ", ".join(PurePath(a).name for a in sit.attachments)
    slots = slot_texts(inv, sit, profile, language)
    facts["alternatives_list"] = "\n".join(f"- {s}" for s in slots)
    word_or = str(frag["list_or"])
    facts["alternatives_inline"] = _inline(slots, word_or)
    # The short form keeps a text message's offer of new times within its length (R5).
    short_slots = slot_texts(inv, sit, profile, language, short=True)
    facts["alternatives_inline_short"] = _inline(short_slots, word_or)
    local_now = now.astimezone(ZoneInfo(profile.timezone))
    facts["day_part"] = day_part(local_now, language)
    facts["time_greeting"] = str(common(language)["time_greeting"]).format(**facts)
    facts["time_greeting_lower"] = facts["time_greeting"].lower()
    return facts


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
        line = re.sub(r"([,:])([.,])", r"\2", line)
        line = line.replace("..", ".")
        lines.append(line.strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
