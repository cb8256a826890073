"""The reader's vocabulary, loaded once from `data/read_words.yaml`.

Cities are not here: the reader names them from the one city table, `sopan.language.places`.
"""

from __future__ import annotations

import re
from datetime import time
from functools import cache
from typing import Any

from sopan._infra import rx
from sopan.data import load_yaml


@cache
def words() -> dict[str, Any]:
    """The raw word lists (see the YAML file for what each list means)."""
    data = load_yaml("read_words.yaml")
    assert isinstance(data, dict)
    return data


def alternation(items: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first (so longer names win), the same
    text in every process (a set's order is not: `rx` keeps patterns by their text)."""
    ordered = sorted({str(i) for i in items}, key=lambda i: (-len(i), i))
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered)


@cache
def month_map() -> dict[str, int]:
    """Month word → month number, both languages, with abbreviations."""
    return {str(w): int(n) for n, ws in words()["months"].items() for w in ws}


@cache
def weekday_map() -> dict[str, int]:
    """Weekday word → Monday-based weekday number."""
    return {str(w): int(n) for n, ws in words()["weekdays"].items() for w in ws}


@cache
def calendar_words() -> frozenset[str]:
    """Every month and weekday name, lower case ("januari", "monday", "sen")."""
    return frozenset(month_map()) | frozenset(weekday_map())


def phrases(key: str, sub: str | None = None) -> list[str]:
    """The phrases of a list (of every list, when the key holds a table of lists and no
    `sub` is named)."""
    items = words()[key] if sub is None else words()[key][sub]
    if isinstance(items, dict):
        items = [w for ws in items.values() for w in ws]
    return [str(w) for w in items]


@cache
def phrase_re(key: str, sub: str | None = None) -> re.Pattern[str]:
    """A case-insensitive word-bounded regex matching any phrase of a list (see `phrases`)."""
    items = phrases(key, sub)
    return rx.compile(r"(?<![\w])(?:" + alternation(items) + r")(?![\w])", re.IGNORECASE)


@cache
def signoff_re() -> re.Pattern[str]:
    """A sign-off line's words ("Hormat kami"), or two of them in two languages ("Salam /
    Regards"): matched whole (`fullmatch`)."""
    one = phrase_re("signoffs").pattern
    return rx.compile(rf"{one}(?:[ \t]*/[ \t]*{one})?", re.IGNORECASE)


def about_a_job(text: str) -> bool:
    """Whether a message that invites is about a job: it names applying or recruiting
    (`job_words`, `recruiting_words`: "posisi", "lamaran", "shortlisted"), or an interview
    (`invitation_words.interview`) and nothing that makes it another kind of event
    (`not_job_words`: a webinar, a wedding, a visa interview). A concert's ticket, a dentist's
    appointment or a webinar's registration invites too, and names none of it (R1)."""
    if phrase_re("job_words").search(text) or phrase_re("recruiting_words").search(text):
        return True
    return bool(phrase_re("invitation_words", "interview").search(text)) and not phrase_re(
        "not_job_words"
    ).search(text)


def asks_for_portfolio(text: str) -> bool:
    """Whether an invitation asks for a portfolio (`portfolio_words`): the drafts offer one and
    the plan's checklist lists it only then."""
    return phrase_re("portfolio_words").search(text) is not None


#: where a sentence ends: ".", "!" or "?" before a space, or a line break; a line ending in
#: ":" runs on into the list under it ("dengan cara:\n1. Login …"), and a list's "1." ends none
_SENTENCE_END = rx.compile(r"(?<!\b\d)[.!?](?=\s|$)|(?<![:\s])[ \t]*\n")


@cache
def _portal_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = words()["portal"]
    confirm = rx.compile(rf"(?<![\w])(?:{alternation(table['confirm'])})", re.IGNORECASE)
    place = rx.compile(rf"(?<![\w])(?:{alternation(table['place'])})", re.IGNORECASE)
    return confirm, place


def asks_portal(text: str) -> bool:
    """Whether an invitation asks to confirm or decline on a portal or through a link
    (`portal`: a confirm word and a place word in one sentence, in either order: "silahkan
    login ke web untuk melakukan konfirmasi", "please confirm via the candidate portal"): the
    plan's first step is to answer there (R2.1)."""
    return portal_sentence(text) is not None


def portal_sentence(text: str) -> str | None:
    """The sentence that asks to confirm on a portal or through a link (see `asks_portal`)."""
    confirm, place = _portal_res()
    return next(
        (s for s in _SENTENCE_END.split(text) if confirm.search(s) and place.search(s)), None
    )


_URL = rx.compile(r"https?://[^\s<>\"')\]]+")


def portal_link(text: str) -> str | None:
    """The address of the portal an invitation asks to confirm on, when its sentence writes
    one ("Login kedalam akun anda di https://karir.example.id"); never a template slot."""
    from sopan.read.slots import find

    sentence = portal_sentence(text)
    if sentence is None:
        return None
    for m in _URL.finditer(sentence):
        url = m.group().rstrip(".,;:")
        if not find(url):
            return url
    return None


#: a time in office hours: "9am", "6 pm", "09.00", "17:30"
_HOUR = r"(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
_HOURS = rx.compile(
    rf"(?<![\d.:]){_HOUR}\s*(?:-|–|—|to|sampai|hingga|s\.d\.|s/d)\s*{_HOUR}(?![\d.:])",
    re.IGNORECASE,
)


def office_hours(text: str) -> tuple[time, time] | None:
    """The office hours an invitation writes after their words ("call our office (Mon-Fri,
    9am-6pm)", "pada jam kerja (08.00–16.00 WIB)"): when they open and close, within the
    same line; None when it writes none, or a range that is no working day (R2.2)."""
    for cue in phrase_re("office_hours").finditer(text):
        line = text[cue.end() :].split("\n", 1)[0][:40]
        found = _HOURS.search(line)
        if found is None:
            continue
        opens, closes = _clock(*found.groups()[:3]), _clock(*found.groups()[3:])
        if opens is not None and closes is not None and time(5) <= opens < time(12) < closes:
            return opens, closes
    return None


def _clock(hour: str, minute: str | None, half: str | None) -> time | None:
    """A time of day from its hour, minutes and am/pm, or None when it is none."""
    h, m = int(hour), int(minute or 0)
    if half and half.lower().startswith("p") and h < 12:
        h += 12
    return time(h, m) if h < 24 and m < 60 else None


def no_reschedule(text: str) -> str | None:
    """The words, as written, by which an invitation says its date cannot be moved
    (`no_reschedule`: "kesempatan terakhir", "cannot be rescheduled"), else None: the plan then
    recommends no reschedule and says why (C0)."""
    found = phrase_re("no_reschedule").search(text)
    return found.group() if found else None


@cache
def _not_online() -> re.Pattern[str]:
    table = words()["not_online"]
    negators, between, online = (
        alternation([str(w) for w in table[key]]) for key in ("negators", "between", "online")
    )
    return rx.compile(
        rf"(?<![\w])(?:{negators})(?:\s+(?:{between})){{0,4}}\s+(?:{online})(?![\w])",
        re.IGNORECASE,
    )


def not_online(text: str) -> str | None:
    """The words, as written, by which an invitation says it cannot be held online
    (`not_online`: "tidak dapat diikuti secara online", "no virtual option"), else None: the
    mode is then on site, and the plan moves nothing online (R1.2)."""
    found = _not_online().search(text)
    return found.group() if found else None


def without_not_online(low: str) -> str:
    """`low` with every such negated mention blanked out, its offsets kept."""
    return _not_online().sub(lambda m: " " * len(m.group(0)), low)
