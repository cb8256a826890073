"""Checks against the invitation: its reference number and its date and time (R8, R2.1)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sopan._infra import rx
from sopan.lint.context import Context, Hit, readings
from sopan.lint.text import data

# dots inside "10.00" end no sentence, nor those of a time said aloud: "ten a.m. or one p.m."
_SENTENCE_END = rx.compile(r"(?<!\d)(?<!\b[ap])(?<!\b[ap]\.m)[.!?](?!\d)|\n")


def _norm(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", value.upper())


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    return rx.compile(str(data("calendar.yaml")["reference_pattern"]).strip(), re.IGNORECASE)


@lru_cache(maxsize=1)
def _alternative_cue() -> re.Pattern[str]:
    cues = [
        r"\s+".join(map(re.escape, str(c).split()))
        for c in data("calendar.yaml")["alternative_cues"]
    ]
    return rx.compile(r"\b(?:" + "|".join(cues) + r")", re.IGNORECASE)


_LIST_ITEM = rx.compile(r"[ \t]*(?:[-\u2022*]|\d+[.)])[ \t]+")


def _proposal(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence proposes other times: it has a cue, or it is an item of a list
    whose introducing line ("… one of the following times:") has one."""
    cue = _alternative_cue()
    if cue.search(text, *sentence):
        return True
    line_start = text.rfind("\n", 0, sentence[0] + 1) + 1
    if not _LIST_ITEM.match(text, line_start):
        return False
    while line_start > 0 and _LIST_ITEM.match(text, line_start):
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", line_start)
    intro = text[line_start:line_end].rstrip()
    # the line may introduce the list as a question ("Could it be moved to one of these
    # times?")
    if _LIST_ITEM.match(text, line_start) or not intro.endswith((":", "?")):
        return False
    return cue.search(text, *sentence_at(text, line_start + len(intro) - 1)) is not None


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence holding `offset` (dots inside "10.00" do not end one)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, offset):
        start = match.end()
    end_match = _SENTENCE_END.search(text, offset)
    return start, end_match.start() if end_match else len(text)


def reference_missing(ctx: Context) -> list[Hit]:
    """The invitation has a reference number and the reply does not carry it."""
    ref = ctx.invitation.reference if ctx.invitation else None
    if not ref or _norm(ref) in _norm(ctx.text):
        return []
    if any(_reference().finditer(ctx.text)):
        return []  # a different number is written: reference_mismatch says so
    return [Hit(0, 0, ref, {"reference": ref})]


def reference_mismatch(ctx: Context) -> list[Hit]:
    """A reference number in the reply differs from the invitation's."""
    ref = ctx.invitation.reference if ctx.invitation else None
    if not ref:
        return []
    hits = []
    for match in _reference().finditer(ctx.text):
        written = match.group("ref").rstrip(".-/")
        if _norm(written) != _norm(ref):
            start = match.start("ref")
            hits.append(Hit(start, start + len(written), ref, {"reference": ref}))
    return hits


def _local(moment: datetime, tz: str | None) -> datetime:
    try:
        return moment.astimezone(ZoneInfo(tz)) if tz else moment
    except (KeyError, ValueError):
        return moment


def _date_text(moment: datetime, language: str, written: str) -> str:
    """The invitation's date to suggest, in the order the writer used ("November 24, 2026"
    is answered "November 23, 2026"; "24 November" in the drafts' day-first form)."""
    from sopan.language.dateforms import day  # only when a date differs: lint starts without Babel
    from sopan.read.words import month_map

    digit = re.search(r"\d", written)
    head = written[: digit.start()].lower() if digit else ""
    month_first = any(word in month_map() for word in re.findall(r"[^\W\d_]+", head))
    return day(moment, "month_first" if month_first else "date", language)


def _clock_text(moment: datetime, language: str) -> str:
    from sopan.language.dateforms import clock  # only when a time differs, as for a date

    return clock(moment, language)


_PLACE = rx.compile(r"^[^\W\d_][\w .'-]{0,40},$")


def _letter_date(text: str, start: int, end: int) -> bool:
    """Whether the date is a letter's own "Bandung, 20 November 2026" line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].strip()
    after = text[end : len(text) if line_end < 0 else line_end].strip()
    # the date may be found without its year ("21 November" of "21 November 2026")
    return (not after or after.isdigit()) and (not before or _PLACE.match(before) is not None)


def date_mismatch(ctx: Context) -> list[Hit]:
    """A date or time named as the interview's differs from the invitation's."""
    inv = ctx.invitation
    if inv is None or inv.start is None:
        return []
    zone = inv.timezone
    if zone in ("Etc/UTC", "UTC"):
        # a calendar's UTC time is shown in a zone chosen for it (`calendar_zone`), and said
        # aloud in it with no zone named
        from sopan.plan import calendar_zone

        zone = calendar_zone(inv, ctx.profile.timezone if ctx.profile else None)
    start = _local(inv.start, zone)
    end = _local(inv.end, zone) if inv.end else None
    text = ctx.text
    hits: list[Hit] = []
    date_sentences: list[tuple[int, int]] = []
    # the interview's day where the invitation is, and in every zone the reply writes a time
    # in (a calendar's time in UTC, written in the person's WIB, may fall on the next day)
    days = {start.date()} | {_local(inv.start, t.zone).date() for t in ctx.times if t.zone}
    for hit in ctx.dates:
        sentence = sentence_at(text, hit.start)
        if _proposal(text, sentence) or _letter_date(text, hit.start, hit.end):
            continue
        date_sentences.append(sentence)
        # a numeric date is the interview's if either reading is; a year counts when written
        same = hit.kind != "impossible" and any(
            (day.day, day.month) == (on.day, on.month)
            and (not hit.explicit_year or day.year == on.year)
            for day in readings(hit)
            for on in days
        )
        if not same:
            written = text[hit.start : hit.end]
            hits.append(Hit(hit.start, hit.end, _date_text(start, ctx.language, written)))
    if (start.hour, start.minute) == (0, 0) and (end is None or end - start >= timedelta(days=1)):
        return hits  # an all-day entry has no time to compare
    for time in ctx.times:
        sentence = sentence_at(text, time.start)
        if sentence not in date_sentences and (date_sentences or _proposal(text, sentence)):
            continue  # a time beside another date, or among proposed alternatives
        # A zone written with the time ("08.00 WIB") is the zone to compare in: the same
        # moment reads differently in WIB and in the invitation's WITA.
        first = _local(inv.start, time.zone) if time.zone else start
        last = (_local(inv.end, time.zone) if time.zone else end) if inv.end else None
        allowed = {(first.hour, first.minute)}
        if last is not None:
            allowed.add((last.hour, last.minute))
        # "pukul 2" with nothing saying which half of the day is 02.00 or 14.00
        said = {(time.hour, time.minute)}
        if time.unsure_half:
            said.add((time.hour + 12, time.minute))
        if not said & allowed or (time.end_hm is not None and time.end_hm not in allowed):
            hits.append(Hit(time.start, time.end, _clock_text(first, ctx.language)))
    return hits


_UTC_WORDS = ("UTC", "GMT")


def foreign_zone(ctx: Context) -> list[Hit]:
    """A time given in UTC or a bare offset ("07.30 UTC", "14.30 GMT+7") to a recruiter in
    Indonesia, who reads WIB, WITA or WIT."""
    from sopan.language.dateforms import clock
    from sopan.language.zones import indonesian, written_as

    inv = ctx.invitation
    tz = inv.timezone if inv else None
    local = written_as(tz) if indonesian(tz) else None
    if tz is None or local is None:
        return []
    hits = []
    for time in ctx.times:
        if time.zone_text and time.zone_text.upper().startswith(_UTC_WORDS):
            moment = datetime(
                2000, 1, 3, time.hour, time.minute, tzinfo=ZoneInfo(time.zone or "UTC")
            )
            written = f"{clock(moment.astimezone(ZoneInfo(tz)), ctx.language)} {local}"
            hits.append(Hit(time.start, time.end, written, {"local": written}))
    return hits


@lru_cache(maxsize=1)
def _bapak_or_ibu() -> dict[str, str]:
    """The written forms of "Bapak" and "Ibu" (the phrase book's honorifics, the ones drafts
    address as Bapak or Ibu), dots left off as the contact's name is read."""
    from sopan.data import load_yaml

    table = load_yaml("phrases", "id", "common.yaml")["address"]["honorifics"]
    titles = {str(k).strip("."): str(v["title"]) for k, v in table.items()}
    return {k: v for k, v in titles.items() if v in ("Bapak", "Ibu")}


_BAPAK_IBU = rx.compile(r"\bBapak\s*/\s*Ibu\b", re.IGNORECASE)


def known_honorific(ctx: Context) -> list[Hit]:
    """ "Bapak/Ibu" written to someone the invitation names with an honorific ("Ibu Dewi")."""
    inv = ctx.invitation
    written = (inv.contact.honorific or inv.contact.name or "") if inv else ""
    first = written.split(" ", 1)[0].strip(".,").lower()
    title = _bapak_or_ibu().get(first)
    if title is None:
        return []
    return [Hit(m.start(), m.end(), title, {"title": title}) for m in _BAPAK_IBU.finditer(ctx.text)]
