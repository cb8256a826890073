"""Decide which written date and time is the interview's, which is the reply deadline,
and which are something else (the letter's date, a notification, a past test).

A wrong date is the worst failure sopan can make, so when the text does not
decide, the candidates are reported as ambiguous instead of one being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo

from sopan._infra import rx
from sopan.errors import UserError
from sopan.model import YEARS, Ambiguity, Problem, outside_years
from sopan.read.dates import DateHit, Order, find_dates
from sopan.read.labels import label_before
from sopan.read.times import TimeHit, find_times, standing_zones
from sopan.read.words import phrase_re

#: Dates one message may hold; an invitation has a handful, a calendar dump or a hostile
#: text thousands, and each costs a look at its context.
MAX_DATES = 300
Category = Literal["interview", "deadline", "other", "neutral"]
#: between two dates of one line, a word or a list mark that offers the second as another
#: choice: "… or on Tuesday …", "(a) Mon 7 Dec … (b) Tue 8 Dec"
_ALTERNATIVE = rx.compile(
    r"^[^\n]{0,50}?(?:(?<![\w])(?:or|atau|either|alternatively|opsi|option|pilihan)(?![\w])"
    r"|(?<![\w(])\(?[b-f]\)|(?<![\w])(?:opsi|option|pilihan|slot)\s*[2-6](?![\w]))"
)
_SENTENCE_END = rx.compile(r"[.!?]\s+(?=[A-Z])")
#: a notification's heading line: a few words, a middle dot or bullet, then its timestamp
_NOTIFICATION = rx.compile(r"[ \t]*[\w][\w ]{0,30}[ \t]*[·•][ \t]*$")
#: a date written this long before now, in a message with no date of its own, is history
_YEARS_AGO = timedelta(days=365)
#: a date more than this before now is past: reported so, never planned as coming
PAST_AFTER = timedelta(days=3)


@dataclass
class When:
    """The interview's time as far as the text tells it, plus the reply deadline."""

    start: datetime | None = None
    end: datetime | None = None
    day: date | None = None
    tz: str | None = None
    tz_assumed: bool = False
    reply_by: datetime | None = None
    ambiguous: list[Ambiguity] = field(default_factory=list)
    has_date: bool = False
    reply_zone_written: bool = False
    #: the interview's time of day, kept also when no start can be made of it
    time: tuple[int, int] | None = None
    #: where in the text the interview's date (and its time, when nearby) is written
    span: tuple[int, int] | None = None
    #: the day read as the interview's, asserted or only offered, when it is past
    past_day: date | None = None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _label(text: str, hit_start: int) -> str:
    return label_before(text, hit_start, is_label=_label_words())


@cache
def _label_words() -> re.Pattern[str]:
    """What a bare label line above a date or time may say (its own line, value below)."""
    keys = (("labels", "date"), ("labels", "time"), ("deadline_context", None))
    return rx.compile("|".join(phrase_re(k, sub).pattern for k, sub in keys), re.IGNORECASE)


def _nearest(window: str) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for cat, key in (
        ("interview", "interview_context"),
        ("moved", "moved_context"),
        ("deadline", "deadline_context"),
        ("other", "other_context"),
    ):
        for m in phrase_re(key).finditer(window):
            if best is None or m.end() >= best[1]:
                best = (cat, m.end())
    return best


def _is_letter_date(text: str, hit: DateHit) -> bool:
    a, b = _line_bounds(text, hit.start)
    before, after = text[a : hit.start].strip(), text[hit.end : b].strip(" .")
    if after:
        return False
    if re.fullmatch(r"[A-Z][A-Za-z .]{2,30},", before):
        return True  # "Jakarta, 18 November 2026" heading a letter
    first_lines = [ln for ln in text[:a].splitlines() if ln.strip()]
    if before or len(first_lines) >= 3:
        return False
    # a letter's date heads it: never after a paragraph, nor under a line that introduces what
    # follows ("… mengikuti psikotes pada:" / "Details:")
    introduced = bool(first_lines) and first_lines[-1].rstrip().endswith(":")
    if introduced or len(text[:a].strip()) > _HEADING_CHARS:
        return False
    # a meeting's head: the day on a line, its hours on the next ("9:00 AM - 10:00 AM",
    # "Jam 08.00 - 12.00 WIB")
    if b >= len(text):
        return True
    return not _CLOCK_LINE.match(text, b + 1) and not _time_label_line(text, b + 1)


#: how much may stand above a letter's date: a letterhead's few short lines, not a paragraph
_HEADING_CHARS = 200


def _time_label_line(text: str, at: int) -> bool:
    """Whether the line at `at` is a time under its label ("Jam 08.00 - 12.00 WIB", "Pukul:
    09.00", "Time: 2 PM"): the time labels of the reader's vocabulary, then a clock."""
    end = text.find("\n", at)
    line = text[at : len(text) if end < 0 else end]
    found = phrase_re("labels", "time").match(line.strip())
    return bool(found and _CLOCK_LINE.match(line.strip()[found.end() :].lstrip(" :\t")))


#: a line that begins with a clock time ("9:00 AM - 10:00 AM (UTC+07:00)", "10.00 WIB")
_CLOCK_LINE = rx.compile(r"[ \t]*\d{1,2}[.:]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?![\d])")


def classify(text: str, hit: DateHit, sent: date | None, floor: int = 0) -> tuple[Category, int]:
    """What a date is in this text, and how strongly it reads as the interview's.

    The words before it are read back to `floor` (the end of the previous date), so
    "moved from Monday 23 to Wednesday 25" does not lend "moved from" to the 25th.
    """
    if sent is not None and hit.day < sent and hit.kind not in ("relative", "impossible"):
        return "other", 0
    if _NOTIFICATION.match(text, _line_bounds(text, hit.start)[0], hit.start):
        return "neutral", 0  # "Interview · 1 Dec 2026": a notice's stamp loses to a sentence
    label = _label(text, hit.start)
    _a, _ = _line_bounds(text, hit.start)
    origin = max(0, hit.start - 90, floor)
    # context stays inside the date's own sentence ("… interview. Kirim berkas 10 Desember")
    ends = [m.end() for m in _SENTENCE_END.finditer(text, origin, hit.start)]
    origin = ends[-1] if ends else origin
    window = text[origin : hit.start]
    near = _nearest(window)
    if label and phrase_re("deadline_context").search(label):
        return "deadline", 0
    if near and near[0] == "moved" and hit.start - (origin + near[1]) < 45:
        return "interview", 4  # the new date of a moved interview outranks the first one
    if near and near[0] not in ("interview", "moved") and hit.start - (origin + near[1]) < 45:
        return near[0], 0  # type: ignore[return-value]
    if label and phrase_re("labels", "date").fullmatch(label.split(",")[0].strip()):
        return "interview", 3
    if label and phrase_re("labels", "date").search(label):
        return "interview", 3
    if _is_letter_date(text, hit):
        return "other", 0
    if near and near[0] in ("interview", "moved"):
        return "interview", 2
    if near:
        return near[0], 0  # type: ignore[return-value]
    return "neutral", 0


def _time_for(text: str, hit: DateHit, hits: list[DateHit], times: list[TimeHit]) -> TimeHit | None:
    nxt = min((h.start for h in hits if h.start > hit.start), default=len(text))
    _, line_end = _line_bounds(text, hit.end)
    limit, content = line_end, 0
    while content < 2 and limit < len(text):  # two more written lines; blank ones are free
        a, limit = _line_bounds(text, limit + 1)
        content += bool(text[a:limit].strip())
    after = [t for t in times if hit.end <= t.start < min(nxt, limit)]
    if after:
        return after[0]
    a, _ = _line_bounds(text, hit.start)
    same_line = [t for t in times if a <= t.start < hit.start]
    if same_line:
        return same_line[-1]
    for t in times:
        label = _label(text, t.start)
        owner = [
            h
            for h in hits
            if h.start < t.start
            and _line_bounds(text, h.start)[0] == _line_bounds(text, t.start)[0]
        ]
        if label and phrase_re("labels", "time").search(label) and not owner:
            return t
    return None


def _lone_time(text: str, times: list[TimeHit]) -> TimeHit | None:
    """With no date written, the time the text gives the interview: a labelled time, or one
    after words about the interview (never a reply deadline's)."""
    for t in times:
        label = _label(text, t.start)
        if label and phrase_re("labels", "time").search(label):
            return t
        near = _nearest(text[max(0, t.start - 80) : t.start])
        if near and near[0] == "interview" and not label:
            return t
    return None


def _labelled_zone(text: str) -> str | None:
    """A zone the message gives apart from its time: on the line labelled with the time,
    when the time itself is a placeholder ("Waktu: {waktu} WIB", "Pukul : [isi jam] WIB s.d.
    selesai"), or the one IANA name written anywhere ("Time zone: America/New_York"), which
    names a zone and nothing else."""
    from sopan.read.labels import label_lines
    from sopan.read.times import find_zones, iana_zones

    time_label = phrase_re("labels", "time")
    for label, value, _ in label_lines(text):
        if time_label.fullmatch(label):
            zones = find_zones(value)
            if zones:
                return zones[0][1]
    written = iana_zones(text)
    return written[0] if len(written) == 1 else None


def _offered(text: str, hits: list[DateHit]) -> bool:
    """Whether dates read alike are times offered to choose from (`offered`): joined by "or"
    ("June 10, 11am or June 11, 2pm"), or after "available", "pilih salah satu"."""
    first = min(h.start for h in hits)
    last = max(h.end for h in hits)
    if phrase_re("offered", "between").search(text[first:last]):
        return True
    return phrase_re("offered", "before").search(text[max(0, first - 80) : first]) is not None


def _zone_for(text: str, hit: DateHit, t: TimeHit | None) -> str | None:
    if t and t.zone:
        return t.zone
    for pos in (hit.start, t.start if t else hit.start):
        a, b = _line_bounds(text, pos)
        zones = standing_zones(text[a:b])
        if zones:
            return zones[0][1]
    return None


def _at(day: date, hm: tuple[int, int], tz: str) -> datetime:
    return datetime.combine(day, time(hm[0], hm[1]), ZoneInfo(tz))


def _describe(day: date, t: TimeHit | None, tz: str) -> str:
    if t is None:
        from sopan.language.dateforms import day as written  # only for an ambiguous day (Babel)

        return f"{day.isoformat()} ({written(day, 'weekday', 'en')})"
    return _at(day, (t.hour, t.minute), tz).isoformat()


def decide(
    text: str,
    *,
    base: date,
    sent: date | None,
    order: Order,
    user_tz: str,
    duration: int | None = None,
) -> When:
    """The interview's start/end, its zone, and the reply deadline, read from `text`."""
    hits = find_dates(text, base, order)
    if len(hits) > MAX_DATES:
        raise UserError("read.too_many_dates", limit=MAX_DATES)
    times = find_times(text, [(h.start, h.end) for h in hits])
    when = When(has_date=bool(hits))
    graded: list[tuple[DateHit, Category, int]] = []
    for i, h in enumerate(hits):
        cat, score = classify(text, h, sent, hits[i - 1].end if i else 0)
        if cat == "neutral" and i and _ALTERNATIVE.search(text[hits[i - 1].end : h.start]):
            # "on Monday … or on Tuesday …": the second date is what the first one is
            cat, score = graded[-1][1], graded[-1][2]
        graded.append((h, cat, score))
    cands = [(h, s) for h, c, s in graded if c == "interview"]
    if not cands:
        cands = [(h, s) for h, c, s in graded if c == "neutral"]
    if sent is None and any(h.day >= base or h.kind == "impossible" for h, _ in cands):
        # no message date: a date already past (a job fair attended, an old test) loses to
        # one still to come
        cands = [(h, s) for h, s in cands if h.day >= base or h.kind == "impossible"]
    elif sent is None:
        old = [(h, s) for h, s in cands if h.day < base - _YEARS_AGO]
        if old and len(old) < len(cands):
            cands = [(h, s) for h, s in cands if (h, s) not in old]
    if any(h.kind != "weekday" for h, _ in cands):
        cands = [(h, s) for h, s in cands if h.kind != "weekday"]
    scored = []
    for h, s in cands:
        t = _time_for(text, h, hits, times)
        scored.append((s + (1 if t else 0), h, t))
    deadlines = [h for h, c, _ in graded if c == "deadline"]
    if deadlines:
        d = deadlines[0]
        # its time is on its line, in its sentence, before any other date: "Konfirmasi maks.
        # tgl 4 Desember. Jadwal: Senin, 7 Desember, 10.00" gives the deadline no time
        limit = min(
            _line_bounds(text, d.end)[1],
            min((h.start for h in hits if h.start >= d.end), default=len(text)),
            next((m.start() for m in _SENTENCE_END.finditer(text, d.end)), len(text)),
        )
        t = next((x for x in times if d.end <= x.start < limit), None)
        when.reply_by = _at(
            d.day,
            (t.hour, t.minute) if t else (23, 59),
            (t.zone if t else None) or _zone_for(text, d, t) or user_tz,
        )
        when.reply_zone_written = bool(t and t.zone)
    if not scored:
        t = _lone_time(text, times)
        if t is None:
            when.tz = _labelled_zone(text)  # a zone written though the time is a placeholder
        else:  # "Waktu: 10.00 WIB" under a date left as a placeholder
            when.time, when.tz = (t.hour, t.minute), t.zone or _labelled_zone(text)
            when.span = (t.start, t.end)
        return when
    top = max(s for s, _, _ in scored)
    best = [(h, t) for s, h, t in scored if s == top]
    days = {h.day for h, _ in best}
    if len(days) == 1 and all(t is None for _, t in best):
        # the same day written twice, once with its time ("Besok bisa? Rabu 9/12 jam 2 siang
        # … See you besok"): the writing with the time says when
        same = [h for h, c, _ in graded if h.day in days and c in ("interview", "neutral")]
        timed: list[tuple[DateHit, TimeHit | None]] = [
            (h, t) for h in same if (t := _time_for(text, h, hits, times)) is not None
        ]
        best = timed[:1] or best
    if len(days) > 1:
        # "May 21st at 10am or May 22nd at 2pm PST": a zone written once is every slot's
        zone = next((z for h, t in best if (z := _zone_for(text, h, t))), None)
        tz = zone or _labelled_zone(text) or user_tz
        when.tz, when.tz_assumed = tz, zone is None
        when.ambiguous.append(
            Ambiguity(
                "start",
                tuple(dict.fromkeys(_describe(h.day, t, tz) for h, t in best)),
                offered=_offered(text, [h for h, _ in best]),
            )
        )
        return when
    hit, t = best[0]
    if hit.kind == "impossible":
        # never another day in its place: the user is asked which date was meant; the
        # time and zone written with it stay known
        written = " ".join(text[hit.start : hit.end].split())
        said = (
            Problem("read.year_outside", (("written", written), ("year", str(hit.year)),
                                          ("first", str(YEARS[0])), ("last", str(YEARS[1]))))
            if hit.year is not None
            else Problem("read.not_a_date", (("written", written),))
        )  # fmt: skip
        when.ambiguous.append(Ambiguity("start", (), said))
        if t is not None:
            when.time, when.tz = (t.hour, t.minute), _zone_for(text, hit, t)
        return when
    if t is None:
        t = next((tt for _, h2, tt in scored if h2.day == hit.day and tt), None)
    zone = _zone_for(text, hit, t) or _labelled_zone(text)
    if t is not None:
        when.time = (t.hour + 12 if t.unsure_half else t.hour, t.minute)
    if zone is None and t is not None and t.unknown_zone:
        # "10:00 XST": never read in the user's zone in its place; the day and time stay
        when.day, when.span = hit.day, (hit.start, t.end)
        when.ambiguous.append(
            Ambiguity("timezone", (), Problem("read.zone_unknown", (("zone", t.unknown_zone),)))
        )
        return when
    tz = zone or user_tz
    when.tz, when.tz_assumed, when.day = tz, zone is None, hit.day
    when.span = (min(hit.start, t.start), max(hit.end, t.end)) if t else (hit.start, hit.end)
    if t and when.span[1] - when.span[0] > 160:
        when.span = (hit.start, hit.end)  # a time far from its date: show the date alone
    if sent is None and hit.kind in ("relative", "weekday"):
        # "besok", "Senin depan" in a message with no date of its own: counted from today it
        # is only a guess (the message may be days old), so it is offered, never asserted
        when.day = None
        when.ambiguous.append(Ambiguity("start", (_describe(hit.day, t, tz),)))
        return when
    if sent is None and hit.day < base - PAST_AFTER:
        when.past_day = hit.day
        if top <= 1:
            # a past date that nothing but a time presents as the interview's, in a message
            # with no date of its own ("the venue where the test was taken on May 23rd,
            # 2013"): offered, never asserted
            when.day = None
            when.ambiguous.append(Ambiguity("start", (_describe(hit.day, t, tz),)))
            return when
    if top == 0 and t is None:
        # a lone date that nothing presents as the interview's: show it, do not assert it
        when.ambiguous.append(Ambiguity("start", (_describe(hit.day, None, tz),)))
        return when
    if hit.kind == "range":
        # "20–25 Januari": any of these days, none of them asserted
        options = (hit.day, *hit.alternatives)
        when.ambiguous.append(Ambiguity("start", tuple(_describe(d, t, tz) for d in options)))
        when.day = None
        return when
    if hit.alternatives and hit.kind == "numeric":
        options = (hit.day, *hit.alternatives)
        when.ambiguous.append(Ambiguity("start", tuple(_describe(d, t, tz) for d in options)))
        when.day = None
        return when
    if hit.alternatives:
        options = (hit.day, *hit.alternatives)
        when.ambiguous.append(Ambiguity("start", tuple(_describe(d, t, tz) for d in options)))
    if hit.weekday is not None and hit.weekday != hit.day.weekday():
        # the weekday and the date disagree: both readings are offered, the conflict said
        shift = (hit.weekday - hit.day.weekday() + 3) % 7 - 3
        other = hit.day + timedelta(days=shift)
        readings = (hit.day,) if outside_years(other) else (hit.day, other)
        written = " ".join(text[hit.start : hit.end].split())
        when.ambiguous.append(
            Ambiguity(
                "start",
                tuple(_describe(d, t, tz) for d in readings),
                Problem("read.weekday_other", (("written", written), ("day", hit.day))),
            )
        )
    others = {h.day for s, h, _ in scored if s < top and h.day != hit.day and s >= 2}
    if others:
        when.ambiguous.append(
            Ambiguity(
                "start",
                (_describe(hit.day, t, tz), *(_describe(d, None, tz) for d in sorted(others))),
            )
        )
    if t is None:
        return when
    hour = t.hour
    if t.unsure_half:
        # an interview at 2 a.m. is unlikely: take the afternoon, and say so
        hour = t.hour + 12
        when.ambiguous.append(
            Ambiguity(
                "start",
                (
                    _at(hit.day, (hour, t.minute), tz).isoformat(),
                    _at(hit.day, (t.hour, t.minute), tz).isoformat(),
                ),
            )
        )
    when.start = _at(hit.day, (hour, t.minute), tz)
    if t.end_hm:
        end = _at(hit.day, _agenda_end(text, t, times), tz)
        when.end = end if end > when.start else end + timedelta(days=1)
    elif duration and not t.open_end:
        when.end = when.start + timedelta(minutes=duration)
    return when


def _agenda_end(text: str, t: TimeHit, times: list[TimeHit]) -> tuple[int, int]:
    """The end of the interview whose first range is `t`: an agenda's last end, when the
    lines after it each begin with a range that starts where the one before ended
    ("09:30 - 10:00 Welcome / 10:00 - 11:00 Technical interview / 11:00 - 11:45 …"), a blank
    line between two of them allowed (OCR puts one between lines it reads as paragraphs)."""
    assert t.end_hm is not None
    end, at = t.end_hm, t.end
    for nxt in times:
        if nxt.start < at:
            continue
        # the rest of this line, at most one blank line, and the next line up to its range
        between = text[at : nxt.start].split("\n")
        line_start = text.rfind("\n", 0, nxt.start) + 1
        if (
            nxt.end_hm is None
            or (nxt.hour, nxt.minute) != end
            or len(between) not in (2, 3)
            or any(line.strip() for line in between[1:-1])
            or text[line_start : nxt.start].strip()
        ):
            break
        end, at = nxt.end_hm, nxt.end
    return end
