"""Find every date, time and time zone written in a text, Indonesian or English.

This module only finds and resolves mentions; deciding which one is the
interview's is `choose.py`'s job. It is a small hand-written scanner because
general date libraries misread raw Indonesian ("pukul 10.00 WIB", "lusa",
"Senin depan") and split "weekday, date, time" into unrelated pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from sopan.read.words import alternation, month_map, weekday_map, words, zone_map

Order = Literal["dmy", "mdy", "unknown"]

#: Template variables: never a value. Replaced by blanks of equal length so offsets stay.
PLACEHOLDER_RE = re.compile(
    r"\{\{.*?\}\}|\$\{[^}\n]*\}|\{[^{}\n]{1,80}\}|<<[^<>\n]{1,60}>>|«[^»\n]{1,60}»"
    r"|\[[^\[\]\n]{1,60}\]|\$[A-Za-z_]\w*|%%?[A-Za-z_]\w*%%?"
    r"|\((?:masukkan|isi|insert|enter|tulis)\b[^)\n]{0,60}\)",
    re.IGNORECASE,
)


def blank_placeholders(text: str) -> str:
    """The text with every template placeholder replaced by spaces (offsets unchanged)."""
    return PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(frozen=True)
class DateHit:
    """A date written in the text, resolved to a calendar day.

    `alternatives` holds other readings when the text allows more than one
    (a numeric date read D/M or M/D, "next Friday" this week or the next).
    """

    start: int
    end: int
    day: date
    kind: Literal["absolute", "numeric", "relative", "weekday"]
    explicit_year: bool
    weekday: int | None = None
    alternatives: tuple[date, ...] = ()


@dataclass(frozen=True)
class TimeHit:
    """A time of day (or a range) written in the text, with the zone written after it."""

    start: int
    end: int
    hour: int
    minute: int
    end_hm: tuple[int, int] | None = None
    open_end: bool = False
    zone: str | None = None
    zone_text: str | None = None
    #: a bare hour 1–6 with nothing saying morning or afternoon
    unsure_half: bool = False


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    wds = alternation(list(weekday_map()))
    relative = alternation(list(words()["relative_days"]))
    flags = re.IGNORECASE
    return {
        "iso": re.compile(r"(?<![\w])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        "numeric": re.compile(
            r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)?\d{2})(?![\d/])(?!\.\d)"
        ),
        "daymonth": re.compile(
            rf"(?<![\w./-])(?:(?P<wd>{wds})\.?\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?\(?"
            rf"|(?:tanggal|tgl\.?|date:?|on)\s+)(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)\)?(?![\d/.-]?\d)",
            flags,
        ),
        "relative": re.compile(rf"(?<![\w])(?P<rel>{relative})(?![\w])", flags),
    }


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _with_year(m: int, d: int, y: int | None, base: date) -> date | None:
    if y is not None:
        return _valid(y, m, d)
    for year in (base.year, base.year + 1):
        found = _valid(year, m, d)
        if found and found >= base:
            return found
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


_TIME_TRIGGER = re.compile(
    r"\d(?:[.:]\d\d|\s?[ap]\.?\s?m|\s*(?:-|–|—|to)\s*\d+\s?[ap]\.?\s?m)"
    r"|(?:pukul|jam|pkl\.?|setengah) \d"
)
# numbers that look like times but follow a word saying what they are (GPA 3.50, Rp 10.00)


@cache
def _not_time() -> re.Pattern[str]:
    # numbers that look like times but follow a word saying what they are (GPA 3.50, Rp 10.00)
    names = alternation([str(w) for w in words()["not_time_before"]])
    return re.compile(rf"(?<![a-z])(?:{names})\.?(?:\s+[a-z]+)?\s*[:.]?\s*$")


@cache
def _daypart() -> re.Pattern[str]:
    parts = alternation(list(words()["dayparts"]))
    return re.compile(rf"\s*({parts})(?![\w])", re.IGNORECASE)


_BARE_HOUR = re.compile(r"([01]?\d|2[0-3])(?![\d.:])")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NUMDATE = re.compile(r"\d[/.-]\d")


_DMY_HEAD = re.compile(r"(?<![\w.,/-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?[\s-]+$")
_YEAR_TAIL = re.compile(r"\.?(?:\s*[-,/]?\s*(?P<y>(?:19|20)\d{2})(?!\d))?")
_MDY_TAIL = re.compile(
    r"\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)(?![\w])"
    r"(?:\s*[-,/]?\s*(?P<y>(?:19|20)\d{2})(?!\d))?"
)


@cache
def _next_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'next Friday' / 'Jumat depan' markers, from the word lists."""
    before = alternation(words()["next_before"] + words()["this_before"])
    after = alternation(words()["next_after"] + words()["this_after"])
    return re.compile(rf"({before})\s+$"), re.compile(rf"\s+({after})(?![a-z])")


_WD_GAP = re.compile(r"\.?\s*,?\s*(?:(?:tanggal|tgl\.?|the|date)\s+)?")


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
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z']){re.escape(word)}(?![a-z'])")


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
    # set intersection in C first; positions only for the few trigger words present
    for word in triggers.keys() & set(_TOKEN.findall(low)):
        for tok in _word_re(word).finditer(low):
            for kind in triggers[word]:
                spans[kind].append(tok.span())
    for found in spans.values():
        found.sort()
    month_spans, wd_spans, rel_spans = spans["m"], spans["w"], spans["r"]
    num_wins = _windows([m.span() for m in _NUMDATE.finditer(text)], 40, 12, n)
    rel_wins = _windows(rel_spans, 20, 20, n)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(hit: DateHit) -> None:
        hits.append(hit)
        taken.append((hit.start, hit.end))

    def add_absolute(a: int, b: int, mo: int, d: int, y: int | None, wd: int | None) -> None:
        day = _with_year(mo, d, y, base)
        if day:
            # no year, and this year's date passed only weeks ago: maybe a past event
            recent = _valid(base.year, mo, d) if y is None else None
            past = (recent,) if recent and 0 < (base - recent).days <= 45 else ()
            add(DateHit(a, b, day, "absolute", y is not None, wd, past))

    for m in _scan(pats["iso"], text, num_wins):
        if free(m.start(), m.end()):
            a, wd = _weekday_before(low, m.start(), wd_spans)
            add_absolute(a, m.end(), int(m["m"]), int(m["d"]), int(m["y"]), wd)
    for s, e in month_spans:
        # anchored at the month word: "23 November 2026" first, then "November 23, 2026"
        mo = month_map()[low[s:e]]
        head = _DMY_HEAD.search(low, max(0, s - 14), s)
        if head:
            tail = _YEAR_TAIL.match(low, e)
            a, b, d = head.start(), tail.end() if tail else e, int(head["d"])
            y = int(tail["y"]) if tail and tail["y"] else None
            b = b if y else e + (1 if low[e : e + 1] == "." else 0)
        else:
            tail = _MDY_TAIL.match(low, e)
            if not tail:
                continue
            a, b, d = s, tail.end(), int(tail["d"])
            y = int(tail["y"]) if tail["y"] else None
        if not free(a, b):
            continue
        a, wd = _weekday_before(low, a, wd_spans)
        add_absolute(a, b, mo, d, y, wd)
    for m in _scan(pats["numeric"], text, num_wins):
        if not free(m.start(), m.end()):
            continue
        a, b, ytext = int(m["a"]), int(m["b"]), m["y"]
        y = int(ytext) + (2000 if len(ytext) == 2 else 0)
        dmy, mdy = _valid(y, b, a), _valid(y, a, b)
        if dmy and mdy and dmy != mdy:
            first, other = (mdy, dmy) if order == "mdy" else (dmy, mdy)
            alts: tuple[date, ...] = () if order != "unknown" else (other,)
        elif dmy or mdy:
            first, alts = (dmy or mdy), ()  # type: ignore[assignment]  # one is set
        else:
            continue
        a, wd = _weekday_before(low, m.start(), wd_spans)
        add(DateHit(a, m.end(), first, "numeric", True, wd, alts))
    for m in _scan(pats["daymonth"], text, num_wins):
        # "Selasa 24/11", "tgl 24/11": no year, so resolved like "24 November"
        if not free(m.start(), m.end()):
            continue
        a, b = int(m["a"]), int(m["b"])
        first_md = (a, b) if order == "mdy" else (b, a)
        main = _with_year(*first_md, None, base)
        swapped = _with_year(first_md[1], first_md[0], None, base)
        if main is None and swapped is None:
            continue
        pair: tuple[date, ...] = ()
        if main is None:
            main = swapped
        elif order == "unknown" and swapped and swapped != main:
            pair = (swapped,)
        assert main is not None
        add(DateHit(m.start(), m.end(), main, "numeric", False, _weekday_of(m["wd"]), pair))
    for m in _scan(pats["relative"], text, rel_wins):
        if free(m.start(), m.end()):
            offset = int(words()["relative_days"][re.sub(r"\s+", " ", m["rel"].lower())])
            add(DateHit(m.start(), m.end(), base + timedelta(days=offset), "relative", False))
    nexts = (*words()["next_before"], *words()["next_after"])
    next_pre, next_post = _next_res()
    for s, e in wd_spans:
        name = low[s:e]
        if len(name) <= 3 or not free(s, e):
            continue  # abbreviations ("sat", "sun") count only inside a date
        pre = next_pre.search(low, max(0, s - 10), s)
        post = next_post.match(low, e)
        if name == "minggu" and (post or text[s] == "m"):
            continue  # "minggu depan/ini" is "next/this week"; lower-case "minggu" is "week"
        wd = weekday_map()[name]
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


_AP = r"(?:[ap]\.?\s?m\.?)(?![a-z])"
_RANGE_SEP = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|until|till|to)\s*"


@cache
def _time_patterns() -> dict[str, re.Pattern[str]]:
    flags = re.IGNORECASE
    hm = r"(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)(?!\d|[.,:/]\d)"
    h_ap = r"(?P<h2>1[0-2]|0?[1-9])(?:[.:](?P<m2>[0-5]\d))?(?=\s*" + _AP + ")"
    shared = (
        r"(?P<h4>1[0-2]|0?[1-9])(?=\s*(?:-|–|—|to)\s*(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*"
        + _AP
        + ")"
    )
    half = r"(?:(?<=setengah ))(?P<h5>1[0-9]|2[0-4]|[1-9])(?![\d.:])"
    bare = r"(?:(?<=pukul )|(?<=jam )|(?<=pkl\. )|(?<=pkl ))(?P<h3>[01]?\d|2[0-3])(?![\d.:])"
    one = rf"(?<![\d.,:/])(?:{hm}|{h_ap}|{shared}|{half}|{bare})(?:\s*(?P<ap>{_AP}))?"
    return {
        "one": re.compile(one, flags),
        "sep": re.compile(_RANGE_SEP, flags),
        "open": re.compile(rf"(?:{alternation(words()['open_end'])})(?![\w])", flags),
    }


def _meridiem(hour: int, ap: str | None) -> int:
    if not ap:
        return hour
    pm = ap.lower().startswith("p")
    if pm and hour < 12:
        return hour + 12
    if not pm and hour == 12:
        return 0
    return hour


def _one(m: re.Match[str]) -> tuple[int, int, str | None]:
    if m["h5"]:  # "setengah 10" is half past nine
        return int(m["h5"]) - 1, 30, m["ap"]
    hour = int(m["h"] or m["h2"] or m["h3"] or m["h4"])
    minute = int(m["m"] or m["m2"] or 0)
    return hour, minute, m["ap"]


def find_times(text: str, skip: list[tuple[int, int]]) -> list[TimeHit]:
    """Every time of day or time range in `text`, outside the `skip` spans (dates)."""
    pats = _time_patterns()
    hits: list[TimeHit] = []
    if "GMT" in text or "UTC" in text:  # "UTC+05:30" is a zone, not a time
        skip = skip + [(z.start(), z.end()) for z in _zone_re().finditer(text) if z["sign"]]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in skip)

    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    starts = [m.start() for m in _TIME_TRIGGER.finditer(low)]
    pos = 0
    for trigger in starts:
        if trigger < pos:
            continue
        m = pats["one"].search(text, max(pos, trigger - 3), min(len(text), trigger + 14))
        if not m:
            continue
        pos = m.end()
        if not free(m.start(), m.end()) or _not_time().search(
            low, max(0, m.start() - 22), m.start()
        ):
            continue
        h1, m1, ap1 = _one(m)
        end = m.end()
        end_hm: tuple[int, int] | None = None
        open_end = False
        sep = pats["sep"].match(text, end)
        if sep:
            m2 = pats["one"].match(text, sep.end())
            if m2 and free(m2.start(), m2.end()):
                h2, mi2, ap2 = _one(m2)
                end_h = _meridiem(h2, ap2)
                if not ap1 and ap2 and ap2.lower().startswith("p") and h1 < 12 and h1 + 12 <= end_h:
                    ap1 = ap2
                end_hm, end = (end_h, mi2), m2.end()
            elif o := pats["open"].match(text, sep.end()):
                open_end, end = True, o.end()
            elif (b2 := _BARE_HOUR.match(text, sep.end())) and _daypart().match(text, b2.end()):
                end_hm, end = (int(b2.group(1)), 0), b2.end()
        part = _daypart().match(text, end)
        if part and not ap1:
            # "jam 2 siang", "pukul 7 malam": Indonesian parts of the day fix the half
            kind = words()["dayparts"][part.group(1).lower()]
            shift = (kind == "afternoon" and h1 < 11) or (kind == "evening" and 1 <= h1 < 12)
            ap1 = "pm" if shift else None
            if end_hm and shift and end_hm[0] < 12:
                end_hm = (end_hm[0] + 12, end_hm[1])
            end = part.end()
        pos = max(pos, end)
        # "pukul 2" with no minutes, no am/pm and no part of the day: 02:00 or 14:00?
        unsure = bool(m["h3"]) and not ap1 and not part and 1 <= h1 <= 6
        start_h = _meridiem(h1, ap1)
        zone = zone_text = None
        window = text[end : end + 40].split("\n", 1)[0]
        z = _search_zone(window)
        if z and not re.search(r"\d[.:]\d\d", window[: z.start()]):
            zone, zone_text = zone_of(z), z.group(0).strip()
        hits.append(TimeHit(m.start(), end, start_h, m1, end_hm, open_end, zone, zone_text, unsure))
    return hits


@cache
def _long_zone_re() -> re.Pattern[str]:
    long = alternation(list(words()["zone_names"]))
    return re.compile(rf"(?<![A-Za-z])(?P<long>{long})(?![A-Za-z])", re.IGNORECASE)


def _search_zone(text: str) -> re.Match[str] | None:
    """The first written zone: an abbreviation, or a name ("Western Indonesia Time")."""
    found = _zone_re().search(text)
    low = text.lower()
    if "time" in low or "waktu" in low:
        long = _long_zone_re().search(text)
        if long and (found is None or long.start() < found.start()):
            return long
    return found


@cache
def _zone_re() -> re.Pattern[str]:
    names = alternation([z for z in zone_map() if z not in ("WIB", "WITA", "WIT")])
    return re.compile(
        rf"(?<![A-Za-z])(?:(?i:wita|wib|wit)|{names}|GMT|UTC)(?![A-Za-z])"
        r"(?:\s*(?P<sign>[+-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)?"
    )


def zone_of(z: re.Match[str]) -> str | None:
    """The IANA name of a zone match from `_zone_re`."""
    if "long" in z.re.groupindex:
        found = words()["zone_names"].get(re.sub(r"\s+", " ", z["long"].lower()))
        return str(found) if found else None
    letters = re.match(r"[A-Za-z]+", z.group(0))
    return zone_name(letters.group(0) if letters else "", z["sign"], z["oh"], z["om"])


def zone_name(token: str, sign: str | None, hours: str | None, minutes: str | None) -> str | None:
    """The IANA name for a written zone ("WIB", "EST", "GMT+7", "UTC+07:00")."""
    if sign and hours:
        h, mi = int(hours), int(minutes or 0)
        if h > 14 or mi >= 60:
            return None
        if mi == 0:
            return "Etc/UTC" if h == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{h}"
        key = f"{'+' if sign == '+' else '-'}{h:02d}:{mi:02d}"
        found = words()["offset_zones"].get(key)
        return str(found) if found else None
    return zone_map().get(token.upper())


def find_zones(text: str) -> list[tuple[int, str, str]]:
    """Every written zone in `text`: (offset, IANA name, as written)."""
    out: list[tuple[int, str, str]] = []
    found = list(_zone_re().finditer(text))
    low = text.lower()
    if "time" in low or "waktu" in low:
        found = sorted([*found, *_long_zone_re().finditer(text)], key=lambda z: z.start())
    for z in found:
        name = zone_of(z)
        if name:
            out.append((z.start(), name, z.group(0).strip()))
    return out


def duration_minutes(text: str) -> int | None:
    """A written interview length in minutes ("(45 minutes)", "durasi 60 menit"), if any.

    "Arrive 15 minutes early" is not a length: the number must follow a word that says
    length (or sit in parentheses), and must not be followed by "early" or "before".
    """
    low = text.lower()
    if "min" not in low and "menit" not in low:
        return None
    for m in _DURATION.finditer(low):
        if 10 <= int(m.group(1)) <= 240:
            return int(m.group(1))
    return None


_DURATION = re.compile(
    r"(?:\(|durasi\s*:?\s*(?:sekitar\s+|kurang lebih\s+|±\s*)?|duration\s*:?\s*|selama\s+|"
    r"(?:will\s+)?lasts?\s+(?:about\s+|approximately\s+|around\s+)?|approximately\s+|approx\.?\s+)"
    r"(\d{2,3})[\s-]*(?:minutes|minute|mins?|menit)(?![\w])(?!\s+(?:early|before|sebelum|lebih))"
)
