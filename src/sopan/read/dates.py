"""Find every date written in a text, Indonesian or English (times are in `times.py`).

This module only finds and resolves mentions; deciding which one is the
interview's is `choose.py`'s job. It is a small hand-written scanner because
general date libraries misread raw Indonesian ("pukul 10.00 WIB", "lusa",
"Senin depan") and split "weekday, date, time" into unrelated pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Literal

from sopan._infra import rx
from sopan.model import YEARS
from sopan.read.words import alternation, month_map, weekday_map, words

Order = Literal["dmy", "mdy", "unknown"]


@dataclass(frozen=True)
class DateHit:
    """A date written in the text, resolved to a calendar day.

    `alternatives` holds other readings when the text allows more than one
    (a numeric date read D/M or M/D, "next Friday" this week or the next). A "range"
    ("20–25 Januari") holds its first day in `day` and the others in `alternatives`; an
    "impossible" date ("31 February") is kept so that no other reading takes its place.
    """

    start: int
    end: int
    day: date
    kind: Literal["absolute", "numeric", "relative", "weekday", "range", "impossible"]
    explicit_year: bool
    weekday: int | None = None
    alternatives: tuple[date, ...] = ()
    #: the year written, when it is outside the years sopan reads (`YEARS`)
    year: int | None = None


#: where a day's number may start: not inside a number, a code or an address ("3,5", "1.9",
#: "/12"), but right after a word and "/", "," or "-" ("Rabu/9 Desember", "Rabu,9/12/2026")
_AFTER_WORD = r"(?:(?<![\w.,/-])|(?<=[A-Za-z][/,-]))"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    wds = alternation(list(weekday_map()))
    relative = alternation(list(words()["relative_days"]))
    flags = re.IGNORECASE
    return {
        # "2026-12-10", and "2026/12/10" as some forms and portals write it
        "iso": rx.compile(
            r"(?<![\w/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d/])"
        ),
        "numeric": rx.compile(
            rf"{_AFTER_WORD}(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)?\d{2})(?![\d/])(?!\.\d)"
        ),
        "daymonth": rx.compile(
            rf"(?<![\w./-])(?:(?P<wd>{wds})\.?\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?\(?"
            rf"|(?:tanggal|tgl\.?|date:?|on)\s+)(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)\)?(?![\d/.-]?\d)",
            flags,
        ),
        # "10/12 (Thu)", "10/12 (Kamis)": no year, the weekday after it in brackets
        "daymonth_wd": rx.compile(
            rf"(?<![\w./-])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[ \t]*\((?P<wd>{wds})\.?\)", flags
        ),
        "relative": rx.compile(rf"(?<![\w])(?P<rel>{relative})(?![\w])", flags),
    }


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _with_year(m: int, d: int, y: int | None, base: date, wd: int | None = None) -> date | None:
    """The day `d` of month `m`: in year `y` when written; else the next such day on or after
    `base`, unless a weekday `wd` written with it fits only the last one before `base`
    ("Thursday, June 18" read in December 2026: the 18th of June is a Thursday in 2026 and a
    Friday in 2027, so the date meant is the past one). The same day of the month never falls
    on the same weekday in two years running, so a weekday fits at most one of the two."""
    if y is not None:
        return _valid(y, m, d)
    coming = previous = None
    for year in (base.year - 1, base.year, base.year + 1):
        found = _valid(year, m, d)
        if found is None:
            continue
        if found >= base:
            coming = found
            break
        previous = found
    if (
        wd is not None
        and previous is not None
        and previous.weekday() == wd
        and (coming is None or coming.weekday() != wd)
    ):
        return previous
    return coming


def _day_of_month(base: date, d: int, wd: int) -> date | None:
    """The first day on or after `base` that is the `d`th of its month and weekday `wd`, in
    the three months "Friday the 18th" can speak of; None when there is none."""
    y, mo = base.year, base.month
    for _ in range(3):
        found = _valid(y, mo, d)
        if found and found >= base and found.weekday() == wd:
            return found
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return None


def _weekday_of(text: str | None) -> int | None:
    return weekday_map().get(text.lower().replace("’", "'")) if text else None


def _next_weekday(base: date, wd: int, *, following_week: bool) -> tuple[date, tuple[date, ...]]:
    ahead = (wd - base.weekday()) % 7 or 7
    soon = base + timedelta(days=ahead)
    if not following_week:
        return soon, ()
    # "next Friday" said on a Wednesday: this week's Friday or the one after? Report both.
    later = soon + timedelta(days=7)
    same_week = soon.isocalendar()[1] == base.isocalendar()[1]
    return (later, (soon,)) if same_week else (soon, ())


_TOKEN = rx.compile(r"[a-z]+(?:'[a-z]+)?")
#: what may not touch a trigger word on either side (as `_TOKEN` reads words)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'")
_NUMDATE = rx.compile(r"\d[/.-]\d")


_DMY_HEAD = rx.compile(rf"{_AFTER_WORD}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?:of|bulan))?[\s-]+$")
#: "20–25 Januari", "15 - 16 Mei", "22 s/d 23 Maret", "15 dan 16 Mei": a range of days
_RANGE_SEP = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai|hingga|to|until|and|dan|or|atau|&)\s*"
_RANGE_HEAD = rx.compile(
    rf"(?<![\w.,/-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{_RANGE_SEP}"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?[\s-]+$"
)
_MDY_RANGE = rx.compile(rf"{_RANGE_SEP}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)(?![\w])")
#: days a range may list as candidates: a longer span is a period, not an interview day
MAX_RANGE_DAYS = 14
#: "Friday the 18th", "Jumat tanggal 18": a weekday and a day of the month, no month
_WEEKDAY_DAY = rx.compile(
    r"\.?\s*,?\s*(?:(?:the|tanggal|tgl\.?)\s+)?(?P<d>[0-3]?\d)(?P<suf>st|nd|rd|th)?"
    r"(?![\d:./-]?\d)(?![\w])"
)
#: a relative word written right beside a date ("tomorrow, Friday 23rd March"): the date wins
_BESIDE = rx.compile(r"[\s,()]*")
#: a year after a day and month: any of four to six digits, so that one outside the years
#: sopan reads ("January 1, 10000", "31 Desember 3000") is reported, never left out (which
#: made it next year's date); four digits then "hrs", "WIB", "pm" are a time
_YEAR = r"(?P<y>[1-9]\d{3,5})(?!\d)(?!\s*(?:hrs?|hours?|h\b|wib|wita|wit\b|[ap]\.?m))"
_YEAR_TAIL = rx.compile(rf"\.?(?:\s*[-,/]?\s*{_YEAR})?", re.IGNORECASE)
_MDY_TAIL = rx.compile(
    r"\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)(?![\w])"
    rf"(?:\s*[-,/]?\s*{_YEAR})?",
    re.IGNORECASE,
)


@cache
def _next_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'next Friday' / 'Jumat depan' markers, from the word lists."""
    before = alternation(words()["next_before"] + words()["this_before"])
    after = alternation(words()["next_after"] + words()["this_after"])
    return rx.compile(rf"({before})\s+$"), rx.compile(rf"\s+({after})(?![a-z])")


#: what may stand between a date and the weekday written after it: "10 Dec (Thu)", "…, Thu"
_WD_AFTER = rx.compile(r"[ \t]*[,(]?[ \t]*")
_CLOSE = rx.compile(r"[ \t]*\)")
#: what may stand between a weekday and its date: "Rabu, ", "Rabu/", "Rabu (", "Rabu - tgl "
_WD_GAP = rx.compile(r"\.?\s*[,/(-]?\s*(?:(?:tanggal|tgl\.?|the|date)\s+)?")


def _one_reading(
    first: date, other: date, order: Order, weekday: int | None, base: date
) -> tuple[date, tuple[date, ...]]:
    """A numeric date both ways valid ("08/12/2026"), `first` in the text's usual order: the
    reading and the others still open. A weekday written with it that fits one reading only
    confirms the usual order, or decides when there is none (against the usual order, both
    are offered); the usual order decides unless it puts the day before the message while
    the other reading does not (an invitation is for a day to come: both are then offered)."""
    fits = [d for d in (first, other) if d.weekday() == weekday]
    if weekday is not None and len(fits) == 1 and (fits[0] == first or order == "unknown"):
        return fits[0], ()
    if order == "unknown" or first < base <= other or fits == [other]:
        return first, (other,)
    return first, ()


def _weekday_before(
    low: str, start: int, wd_spans: list[tuple[int, int]]
) -> tuple[int, int | None]:
    """A weekday written just before a date ("Senin, 23 …"): the new start and the weekday."""
    for ws, we in wd_spans:
        if we <= start and start - we <= 16:
            gap = _WD_GAP.match(low, we)
            if gap and gap.end() == start:
                return ws, _weekday_of(low[ws:we])
    return start, None


@cache
def _triggers() -> dict[str, str]:
    """Word → which scanners it wakes: m(onth), w(eekday), r(elative)."""
    out: dict[str, str] = {}
    for w in month_map():
        out[w] = out.get(w, "") + "m"
    for w in weekday_map():
        out[w] = out.get(w, "") + "w"
    for phrase in words()["relative_days"]:
        for w in str(phrase).split():
            out[w] = out.get(w, "") + "r"
    return out


def _windows(
    spans: list[tuple[int, int]], before: int, after: int, n: int
) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = max(0, s - before), min(n, e + after)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _scan(pat: re.Pattern[str], text: str, wins: list[tuple[int, int]]) -> list[re.Match[str]]:
    # Scanning only small windows around trigger words keeps the reader fast on long mail.
    return [m for a, b in wins for m in pat.finditer(text, a, b)]


def find_dates(text: str, base: date, order: Order) -> list[DateHit]:
    """Every date in `text`, resolved against `base` (the message date) and numeric `order`."""
    pats = _patterns()
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    n = len(text)
    triggers = _triggers()
    spans: dict[str, list[tuple[int, int]]] = {"m": [], "w": [], "r": []}
    # lower() keeps offsets for the scripts invitations use (Latin): the spans stay valid
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # set intersection in C first; positions only for the few trigger words present, found
    # with str.find (a regex per word would scan the whole text once for each of them)
    for word in triggers.keys() & set(_TOKEN.findall(low)):
        size, at = len(word), low.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or low[at - 1] not in _WORD_CHARS) and (
                end >= n or low[end] not in _WORD_CHARS
            ):
                for kind in triggers[word]:
                    spans[kind].append((at, end))
            at = low.find(word, at + 1)
    for found in spans.values():
        found.sort()
    month_spans, wd_spans, rel_spans = spans["m"], spans["w"], spans["r"]
    num_wins = _windows([m.span() for m in _NUMDATE.finditer(text)], 40, 12, n)
    rel_wins = _windows(rel_spans, 20, 20, n)

    # the spans taken are disjoint and kept sorted, so a free span is found by bisection
    # (a scan of every span taken made a text of many dates quadratic)
    def free(a: int, b: int) -> bool:
        i = bisect_right(taken, (a, n + 1))
        if i and taken[i - 1][1] > a:
            return False
        return i == len(taken) or taken[i][0] >= b

    # which hit a taken span is, so that a word beside it widens it without a search
    where: dict[tuple[int, int], int] = {}

    def add(hit: DateHit) -> None:
        where[hit.start, hit.end] = len(hits)
        hits.append(hit)
        insort(taken, (hit.start, hit.end))

    def widen(j: int, start: int, end: int, weekday: int | None) -> None:
        """The hit of the taken span `j` now runs from `start` to `end`, with `weekday`."""
        k = where.pop(taken[j])
        hits[k] = replace(hits[k], start=start, end=end, weekday=weekday)
        where[start, end] = k
        taken[j] = (start, end)

    def add_absolute(
        a: int, b: int, mo: int, d: int, y: int | None, wd: int | None, last: int | None = None
    ) -> None:
        if y is not None and not YEARS[0] <= y <= YEARS[1]:  # reported, never replaced
            add(DateHit(a, b, base, "impossible", True, wd, year=y))
            return
        day = _with_year(mo, d, y, base, wd)
        if day is None:
            if 1 <= mo <= 12 and 1 <= d <= 31:  # "February 31": no day of the calendar
                add(DateHit(a, b, base, "impossible", y is not None, wd))
            return
        if last is not None:
            span = (day.replace(day=last) - day).days if last <= 31 else -1
            if 0 < span <= MAX_RANGE_DAYS and _valid(day.year, day.month, last):
                days = tuple(day + timedelta(days=i) for i in range(1, span + 1))
                add(DateHit(a, b, day, "range", y is not None, wd, days))
            return
        # no year, and this year's date passed only weeks ago: maybe a past event (unless
        # the weekday written already chose the past one)
        recent = _valid(base.year, mo, d) if y is None and day >= base else None
        past = (recent,) if recent and 0 < (base - recent).days <= 45 else ()
        add(DateHit(a, b, day, "absolute", y is not None, wd, past))

    for m in _scan(pats["iso"], text, num_wins):
        if free(m.start(), m.end()):
            a, wd = _weekday_before(low, m.start(), wd_spans)
            add_absolute(a, m.end(), int(m["m"]), int(m["d"]), int(m["y"]), wd)
    for s, e in month_spans:
        # anchored at the month word: "23 November 2026" first, then "November 23, 2026"
        mo = month_map()[low[s:e]]
        last: int | None = None
        head = _RANGE_HEAD.search(low, max(0, s - 24), s)
        if head:
            first_day, last = int(head["d1"]), int(head["d"])
        else:
            head = _DMY_HEAD.search(low, max(0, s - 14), s)
            first_day = int(head["d"]) if head else 0
        if head:
            tail = _YEAR_TAIL.match(low, e)
            a, b, d = head.start(), tail.end() if tail else e, first_day
            y = int(tail["y"]) if tail and tail["y"] else None
            b = b if y else e + (1 if low[e : e + 1] == "." else 0)
        else:
            tail = _MDY_TAIL.match(low, e)
            if not tail:
                continue
            a, b, d = s, tail.end(), int(tail["d"])
            y = int(tail["y"]) if tail["y"] else None
            upto = _MDY_RANGE.match(low, tail.end("d"))
            if upto:  # "May 15-16, 2027", "January 20 to 25"
                last = int(upto["d2"])
                year = _YEAR_TAIL.match(low, upto.end())
                b = max(b, year.end() if year else upto.end())
                y = y or (int(year["y"]) if year and year["y"] else None)
        if not free(a, b):
            continue
        a, wd = _weekday_before(low, a, wd_spans)
        add_absolute(a, b, mo, d, y, wd, last)
    for m in _scan(pats["numeric"], text, num_wins):
        if not free(m.start(), m.end()):
            continue
        a, b, ytext = int(m["a"]), int(m["b"]), m["y"]
        y = int(ytext) + (2000 if len(ytext) == 2 else 0)
        dmy, mdy = _valid(y, b, a), _valid(y, a, b)
        start, wd = _weekday_before(low, m.start(), wd_spans)
        if dmy and mdy and dmy != mdy:
            first, other = (mdy, dmy) if order == "mdy" else (dmy, mdy)
            first, alts = _one_reading(first, other, order, wd, base)
        elif dmy or mdy:
            first, alts = (dmy or mdy), ()  # type: ignore[assignment]  # one is set
        elif min(a, b) <= 12 and max(a, b) <= 31:  # "31/02/2027": no day of the calendar
            add(DateHit(start, m.end(), base, "impossible", True, wd))
            continue
        else:
            continue
        add(DateHit(start, m.end(), first, "numeric", True, wd, alts))
    for m in [
        *_scan(pats["daymonth"], text, num_wins),
        *_scan(pats["daymonth_wd"], text, num_wins),
    ]:
        # "Selasa 24/11", "tgl 24/11": no year, so resolved like "24 November"
        if not free(m.start(), m.end()):
            continue
        a, b = int(m["a"]), int(m["b"])
        first_md = (a, b) if order == "mdy" else (b, a)
        wd = _weekday_of(m["wd"])
        main = _with_year(*first_md, None, base, wd)
        swapped = _with_year(first_md[1], first_md[0], None, base, wd)
        if main is None and swapped is None:
            continue
        pair: tuple[date, ...] = ()
        if main is None:
            main = swapped
        elif swapped and swapped != main:
            # no year: each reading is the next such day, so neither is in the past
            main, pair = _one_reading(main, swapped, order, wd, base)
        assert main is not None
        add(DateHit(m.start(), m.end(), main, "numeric", False, wd, pair))

    def beside_a_date(a: int, b: int) -> bool:
        """Whether a relative word at a..b sits right beside a date: it then becomes part of
        that date's mention ("tomorrow, Friday 23 March"), and the written date counts."""
        i = bisect_right(taken, (a, n + 1))
        for j in (i, i - 1):
            if not 0 <= j < len(taken):
                continue
            s2, e2 = taken[j]
            gap = (b, s2) if s2 >= b else (e2, a) if e2 <= a else None
            if gap and _BESIDE.match(low, *gap).end() == gap[1]:  # type: ignore[union-attr]
                widen(j, min(a, s2), max(b, e2), hits[where[s2, e2]].weekday)
                return True
        return False

    for m in _scan(pats["relative"], text, rel_wins):
        if free(m.start(), m.end()) and not beside_a_date(m.start(), m.end()):
            offset = int(words()["relative_days"][re.sub(r"\s+", " ", m["rel"].lower())])
            add(DateHit(m.start(), m.end(), base + timedelta(days=offset), "relative", False))
    nexts = (*words()["next_before"], *words()["next_after"])
    next_pre, next_post = _next_res()

    def after_a_date(s: int, e: int, wd: int) -> bool:
        """Whether the weekday at s..e is written right after a date ("10 Dec (Thursday)",
        "December 10, Thu"): it is then that date's, and the date's mention takes it in."""
        i = bisect_right(taken, (s, n + 1)) - 1
        if i < 0 or taken[i][1] > s or not _WD_AFTER.fullmatch(low, taken[i][1], s):
            return False
        date_hit = hits[where[taken[i]]]
        if date_hit.kind not in ("absolute", "numeric", "range", "impossible"):
            return False
        close = _CLOSE.match(low, e) if "(" in low[taken[i][1] : s] else None
        weekday = wd if date_hit.weekday is None else date_hit.weekday
        widen(i, date_hit.start, close.end() if close else e, weekday)
        if date_hit.kind == "absolute" and not date_hit.explicit_year:
            # "June 18 (Thursday)": the weekday written after a date without a year may say
            # which year it is, as one written before it does
            held = date_hit.day
            day = _with_year(held.month, held.day, None, base, weekday)
            if day is not None and day != held:
                k = where[taken[i]]
                hits[k] = replace(hits[k], day=day, alternatives=())
        return True

    for s, e in wd_spans:
        name = low[s:e]
        if free(s, e) and after_a_date(s, e, weekday_map()[name]):
            continue
        if len(name) <= 3 or not free(s, e):
            continue  # abbreviations ("sat", "sun") count only inside a date
        pre = next_pre.search(low, max(0, s - 10), s)
        post = next_post.match(low, e)
        if name == "minggu" and (post or text[s] == "m"):
            continue  # "minggu depan/ini" is "next/this week"; lower-case "minggu" is "week"
        wd = weekday_map()[name]
        dom = _WEEKDAY_DAY.match(low, e)
        if dom and (dom["suf"] or "t" in low[e : dom.start("d")]) and free(s, dom.end()):
            # "Friday the 18th", "Jumat tanggal 18": the next 18th that falls on a Friday
            meant = _day_of_month(base, int(dom["d"]), wd)
            dom_kind: Literal["absolute", "impossible"] = "absolute" if meant else "impossible"
            add(DateHit(s, dom.end(), meant or base, dom_kind, False, wd))
            continue
        if pre or post:
            marker = pre.group(1) if pre else post.group(1)  # type: ignore[union-attr]
            following = marker in nexts
            day, alts = _next_weekday(base, wd, following_week=following)
            if not following:
                day = base + timedelta(days=(wd - base.weekday()) % 7)
            a, b = (pre.start() if pre else s), (post.end() if post else e)
            add(DateHit(a, b, day, "relative", False, wd, alts))
        else:
            day, _ = _next_weekday(base, wd, following_week=False)
            add(DateHit(s, e, day, "weekday", False, wd))
    hits.sort(key=lambda h: h.start)
    return hits
