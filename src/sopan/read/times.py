"""Find every time of day, time range and written time zone in a text.

"pukul 10.00 WIB", "13.30 - 15.00", "08.00 s.d. selesai", "2:30 PM", "jam 2 siang",
"10:00 (UTC+07:00)": the times, with the zone written after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sopan._infra import rx
from sopan.language.zones import abbreviations, by_offset
from sopan.read.words import alternation, calendar_words, words


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
    #: an abbreviation after the time that looks like a zone sopan does not know ("10:00 XST")
    unknown_zone: str | None = None


_TIME_TRIGGER = rx.compile(
    r"\d(?:[.:h]\d\d|\d{3}\s?(?:hrs|hours|h)(?![a-z])|\s?[ap]\.?\s?m|\s*(?:-|–|—|to)\s*\d+\s?[ap]\.?\s?m)"
)
_HOUR_WORDS = ("pukul", "jam", "pkl", "setengah")
_HOUR_TRIGGER = rx.compile(r"(?:pukul|jam|pkl\.?|setengah):? \d")
# numbers that look like times but follow a word saying what they are (GPA 3.50, Rp 10.00)


@cache
def _not_time() -> re.Pattern[str]:
    # numbers that look like times but follow a word saying what they are (GPA 3.50, Rp 10.00)
    names = alternation([str(w) for w in words()["not_time_before"]])
    return rx.compile(rf"(?<![a-z])(?:{names})\.?(?:\s+[a-z]+)?\s*[:.]?\s*$")


@cache
def _daypart() -> re.Pattern[str]:
    parts = alternation(list(words()["dayparts"]))
    return rx.compile(rf"\s*({parts})(?![\w])", re.IGNORECASE)


_BARE_HOUR = rx.compile(r"([01]?\d|2[0-3])(?![\d.:])")


_AP = r"(?:[ap]\.?\s?m\.?)(?![a-z])"
_RANGE_SEP = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|until|till|to)\s*"


@cache
def _time_patterns() -> dict[str, re.Pattern[str]]:
    flags = re.IGNORECASE
    # seconds are read and dropped ("14:30:00")
    # "14.00", "14:00", "14h00"; and the four digits of "1400 hrs"
    hm = (
        r"(?:(?P<h>[01]?\d|2[0-3])(?:[.:]|h(?=\d\d))(?P<m>[0-5]\d)(?::[0-5]\d(?!\d))?(?!\d|[.,:/]\d)"
        r"|(?P<h6>[01]\d|2[0-3])(?P<m6>[0-5]\d)\s?(?:hrs|hours|h)(?![a-z]))"
    )
    h_ap = r"(?P<h2>1[0-2]|0?[1-9])(?:[.:](?P<m2>[0-5]\d))?(?=\s*" + _AP + ")"
    shared = (
        r"(?P<h4>1[0-2]|0?[1-9])(?=\s*(?:-|–|—|to)\s*(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*"
        + _AP
        + ")"
    )
    # a full stop after the hour ends the sentence ("pukul 9."); one before a digit does not
    half = r"(?:(?<=setengah ))(?P<h5>1[0-9]|2[0-4]|[1-9])(?![\d:]|\.\d)"
    bare = (
        r"(?:(?<=pukul )|(?<=jam )|(?<=pkl\. )|(?<=pkl )|(?<=jam: )|(?<=pukul: ))"
        # never "pukul 0": no one is asked to come at midnight so (OCR's "pkl 0" of "09.00")
        r"(?P<h3>1\d|2[0-3]|0?[1-9])(?![\d:]|\.\d)"
    )
    # "time:9am" is a time; "10:30" read from its "30" is not
    one = rf"(?<![\d.,/])(?<!\d:)(?:{hm}|{h_ap}|{shared}|{half}|{bare})(?:\s*(?P<ap>{_AP}))?"
    return {
        "one": rx.compile(one, flags),
        "sep": rx.compile(_RANGE_SEP, flags),
        "open": rx.compile(rf"(?:{alternation(words()['open_end'])})(?![\w])", flags),
    }


#: the "and" of a range opened by "between"/"antara" (`_between`); the end's own "pukul"
_AND = rx.compile(r"\s*(?:and|dan|&)\s+(?:(?:pukul|jam|pkl\.?)\s+)?", re.IGNORECASE)


@cache
def _between() -> re.Pattern[str]:
    """A word that opens a range closed by "and" ("between", "antara"), just before a time."""
    opens = alternation([str(w) for w in words()["range_between"]])
    return rx.compile(rf"(?<![a-z])(?:{opens})\s+(?:(?:pukul|jam|pkl\.?)\s+)?$")


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
    hour = int(m["h"] or m["h2"] or m["h3"] or m["h4"] or m["h6"])
    minute = int(m["m"] or m["m2"] or m["m6"] or 0)
    return hour, minute, m["ap"]


def _later_half(hour: int, kind: str) -> bool:
    """Whether a part of the day moves the hour by 12: "jam 2 siang" is 14.00, "jam 11
    siang" stays 11.00, "pukul 7 malam" is 19.00."""
    return (kind == "afternoon" and hour < 11) or (kind == "evening" and 1 <= hour < 12)


def _part_kind(part: re.Match[str]) -> str:
    """ "morning", "afternoon" or "evening" for a matched Indonesian part of the day."""
    return str(words()["dayparts"][part.group(1).lower()])


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
    if any(w in low for w in _HOUR_WORDS):  # "pukul 10", "jam 2 siang": rarer, so looked for apart
        starts = sorted(starts + [m.start() for m in _HOUR_TRIGGER.finditer(low)])
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
        # "jam 8 pagi s/d 12 siang": the start's own part of the day, before the range's end
        own = _daypart().match(text, end) if not ap1 else None
        if own:
            ap1 = "pm" if _later_half(h1, _part_kind(own)) else None
            end = own.end()
        sep = pats["sep"].match(text, end)
        if sep is None and _between().search(low, max(0, m.start() - 24), m.start()):
            # "between 10:00 and 11:15", "antara pukul 10.00 dan 11.15": a range as well
            sep = _AND.match(text, end)
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
        # a part of the day after the range's end (the start's own was read above)
        part = None if own and end == own.end() else _daypart().match(text, end)
        if part and own:
            # the end's own part of the day: "… s/d 3 sore" is 15.00
            if end_hm and _later_half(end_hm[0], _part_kind(part)) and end_hm[0] < 12:
                end_hm = (end_hm[0] + 12, end_hm[1])
            end = part.end()
        elif part and not ap1:
            # "jam 2 siang", "pukul 7 malam": Indonesian parts of the day fix the half
            shift = _later_half(h1, _part_kind(part))
            ap1 = "pm" if shift else None
            if end_hm and shift and end_hm[0] < 12:
                end_hm = (end_hm[0] + 12, end_hm[1])
            end = part.end()
        pos = max(pos, end)
        # "pukul 2" with no minutes, no am/pm and no part of the day: 02:00 or 14:00?
        unsure = bool(m["h3"]) and not ap1 and not part and not own and 1 <= h1 <= 6
        start_h = _meridiem(h1, ap1)
        zone, zone_text, unknown = _zone_after(text, end)
        hits.append(
            TimeHit(m.start(), end, start_h, m1, end_hm, open_end, zone, zone_text, unsure, unknown)
        )
    if _word_trigger().search(low):
        hits = sorted(
            hits + [h for h in _word_times(text, low) if free(h.start, h.end)],
            key=lambda h: h.start,
        )
    return hits


@cache
def _word_trigger() -> re.Pattern[str]:
    """An hour or a time said by its name, as a word: only then are times in words looked for."""
    w = words()
    names = alternation([*w["hour_words"], *w["named_times"]])
    return rx.compile(rf"(?<![a-z])(?:{names})(?![a-z])")


@cache
def _word_time_re() -> re.Pattern[str]:
    w = words()
    hours = alternation(list(w["hour_words"]))
    after = alternation(list(w["hour_word_after"]))
    named = alternation(list(w["named_times"]))
    return rx.compile(
        rf"(?<![\w])(?:(?P<ind>pukul|jam)\s+(?P<h1>{hours})(?:\s+(?P<part>{alternation(list(w['dayparts']))}))?"
        rf"|setengah\s+(?P<h2>{hours})"
        rf"|(?:at\s+)?(?P<h3>{hours})(?:\s+thirty)?\s+(?P<after>{after})"
        rf"|(?:half\s+past\s+)(?P<h4>{hours})(?:\s+(?P<after4>{after}))?"
        rf"|(?P<named>{named}))(?![\w])",
        re.IGNORECASE,
    )


def _word_times(text: str, low: str) -> list[TimeHit]:
    """Times written in words: "jam sembilan pagi", "eleven in the morning", "noon"."""
    w = words()
    out: list[TimeHit] = []
    found: list[re.Match[str]] = []
    for trigger in _word_trigger().finditer(low):
        # only around each hour word: the full pattern at every character is slow
        m = _word_time_re().search(low, max(0, trigger.start() - 16), trigger.end() + 24)
        if m and (not found or m.start() >= found[-1].end()):
            found.append(m)
    for m in found:
        minute = 0
        if m["named"]:
            hour = int(w["named_times"][m["named"]])
        elif m["h2"]:  # "setengah sepuluh": half past nine
            hour, minute = int(w["hour_words"][m["h2"]]) - 1, 30
        else:
            word = m["h1"] or m["h3"] or m["h4"]
            hour = int(w["hour_words"][re.sub(r"\s+", " ", word)])
            minute = 30 if m["h4"] or "thirty" in m.group(0) else 0
            kind = (
                w["dayparts"].get(m["part"] or "")
                or w["hour_word_after"].get(m["after"] or m["after4"] or "")
                or "none"
            )
            if _later_half(hour, kind):
                hour += 12
            elif kind == "morning" and hour == 12:
                hour = 0
        out.append(TimeHit(m.start(), m.end(), hour, minute, unsure_half=False))
    return out


#: what may stand between a time and its zone: "10.00 WIB", "10:00 (GMT+7)", "10:00, time zone:"
_ZONE_GAP = rx.compile(r"[ \t]*[,(\[/]?[ \t]*(?:(?:local[ \t]+)?time[ \t]+zone[ \t]*:?[ \t]*)?")
#: an abbreviation shaped like a zone's ("EAT", "NZDT", "MSK" is not): reported when unknown
_ZONE_SHAPE = rx.compile(r"[A-Z]{1,3}[SD]?T(?![A-Za-z])")
#: a zone abbreviation that is also a company form or an initial when a name follows it
_NAME_AFTER = rx.compile(r"[ \t]+[A-Z][a-z]")


def _zone_after(text: str, end: int) -> tuple[str | None, str | None, str | None]:
    """The zone written right after a time: (IANA name, as written, unknown abbreviation)."""
    gap = _ZONE_GAP.match(text, end)
    at = gap.end() if gap else end
    window = text[at : at + 40].split("\n", 1)[0]
    z = _search_zone(window)
    if z is not None and z.start() == 0:
        word = z.group(0).strip()
        after = window[z.end() :]
        follows = _NAME_AFTER.match(after)
        if follows and not _calendar_word(after):
            return None, None, None  # "10.00 PT Maju Jaya": a company, not Pacific Time
        return zone_of(z), word, None
    shape = _ZONE_SHAPE.match(window)
    if shape and shape.group(0) not in ("AT", "ST"):
        return None, None, shape.group(0)
    return None, None, None


def _calendar_word(after: str) -> bool:
    """Whether the word after a zone is a weekday, month or "time" (so the zone stands)."""
    word = after.split(maxsplit=1)[0].strip(",.").lower() if after.strip() else ""
    return word in ("time", "waktu") or word in calendar_words()


def standing_zones(line: str) -> list[tuple[int, str, str]]:
    """The zones of a line that stand where a zone can: in brackets, after a zone label, or
    written out ("Western Indonesia Time"); a bare "PT" before a name is a company."""
    out = []
    for at, name, written in find_zones(line):
        before = line[max(0, at - 24) : at].lower().rstrip()
        long = len(written) > 5 and (" " in written or "/" in written)
        if long or before.endswith(("(", "[", "zone:", "zone", "zona waktu:", "zona waktu")):
            out.append((at, name, written))
    return out


@cache
def _long_zone_re() -> re.Pattern[str]:
    long = alternation(list(words()["zone_names"]))
    return rx.compile(rf"(?<![A-Za-z])(?P<long>{long})(?![A-Za-z])", re.IGNORECASE)


def _search_zone(text: str) -> re.Match[str] | None:
    """The first written zone: an abbreviation, a name ("Western Indonesia Time") or an IANA
    name ("Asia/Jakarta")."""
    found = _zone_re().search(text)
    low = text.lower()
    if "time" in low or "waktu" in low:
        long = _long_zone_re().search(text)
        if long and (found is None or long.start() < found.start()):
            found = long
    if "/" in text:
        iana = next(iter(_iana_matches(text)), None)
        if iana and (found is None or iana.start() < found.start()):
            found = iana
    return found


#: an IANA zone's name as written ("Asia/Jakarta", "America/Argentina/Buenos_Aires"), not a
#: part of a web address or a path
_IANA = rx.compile(
    r"(?<![\w/.=-])(?P<iana>(?i:africa|america|antarctica|asia|atlantic|australia|europe|"
    r"indian|pacific|etc)/[A-Za-z0-9_+-]+(?:/[A-Za-z_]+)?)(?![\w/])"
)


@cache
def _iana_names() -> dict[str, str]:
    """Every IANA zone name the system knows, by its lower-case form."""
    from zoneinfo import available_timezones

    return {name.lower(): name for name in available_timezones()}


def _iana_matches(text: str) -> list[re.Match[str]]:
    """The IANA zone names written in `text` that name a zone the system knows."""
    return [m for m in _IANA.finditer(text) if m["iana"].lower() in _iana_names()]


def iana_zones(text: str) -> list[str]:
    """The distinct IANA zones written in `text` ("Time zone: America/New_York")."""
    if "/" not in text:
        return []
    return list(dict.fromkeys(_iana_names()[m["iana"].lower()] for m in _iana_matches(text)))


@cache
def _zone_re() -> re.Pattern[str]:
    names = alternation([z for z in abbreviations() if z not in ("WIB", "WITA", "WIT")])
    return rx.compile(
        rf"(?<![A-Za-z])(?:(?i:wita|wib|wit)|{names}|GMT|UTC)(?![A-Za-z])"
        r"(?:\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
        # an offset that cannot be read ("UTC--07:00", OCR's "UTC+-7") is no zone, never UTC
        r"|(?![ \t]*[+\-−–][ \t]*[+\-−–]))"
    )


def zone_of(z: re.Match[str]) -> str | None:
    """The IANA name of a zone match from `_zone_re`, `_long_zone_re` or `_IANA`."""
    if "iana" in z.re.groupindex:
        return _iana_names().get(z["iana"].lower())
    if "long" in z.re.groupindex:
        found = words()["zone_names"].get(re.sub(r"\s+", " ", z["long"].lower()))
        return str(found) if found else None
    letters = re.match(r"[A-Za-z]+", z.group(0))
    return zone_name(letters.group(0) if letters else "", z["sign"], z["oh"], z["om"])


def zone_name(token: str, sign: str | None, hours: str | None, minutes: str | None) -> str | None:
    """The IANA name for a written zone ("WIB", "EST", "GMT+7", "UTC+07:00")."""
    if sign and hours:
        return by_offset(sign, int(hours), int(minutes or 0))
    return abbreviations().get(token.upper())


def find_zones(text: str) -> list[tuple[int, str, str]]:
    """Every written zone in `text`: (offset, IANA name, as written)."""
    out: list[tuple[int, str, str]] = []
    found = list(_zone_re().finditer(text))
    low = text.lower()
    if "time" in low or "waktu" in low:
        found = sorted([*found, *_long_zone_re().finditer(text)], key=lambda z: z.start())
    if "/" in text:
        found = sorted([*found, *_iana_matches(text)], key=lambda z: z.start())
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
    # the number and its unit first: most texts have none, and the full pattern is slow
    if not _NUMBER_MINUTES.search(low):
        return None
    for pat in (_DURATION, _LENGTH_OF_A_MEETING):
        for m in pat.finditer(low):
            minutes = int(next(g for g in m.groups() if g))
            if 10 <= minutes <= 240:
                return minutes
    return None


_NUMBER_MINUTES = rx.compile(r"\d[\s-]*(?:minute|min|menit)")
_DURATION = rx.compile(
    r"(?:\(|durasi\s*:?\s*(?:sekitar\s+|kurang lebih\s+|±\s*)?|duration\s*:?\s*|selama\s+|"
    r"(?:will\s+)?lasts?\s+(?:about\s+|approximately\s+|around\s+)?|approximately\s+|approx\.?\s+)"
    r"(\d{2,3})[\s-]*(?:minutes|minute|mins?|menit)(?![\w])(?!\s+(?:early|before|sebelum|lebih))"
)
#: "a 45-minute video call", "wawancara 30 menit", "interview ± 30 menit": a length before or
#: after the word for the meeting itself
_LENGTH_OF_A_MEETING = rx.compile(
    r"(?<![\w])(?:(?:an?|the)\s+(\d{2,3})[\s-]*(?:minutes?|mins?)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:interview|call|chat|conversation|meeting|screen|screening|session|discussion)(?![\w])"
    r"|(?:wawancara|interview)\s+(?:sekitar\s+|kurang lebih\s+|±\s*)?(\d{2,3})\s*menit(?![\w])"
    r"(?!\s+(?:sebelum|lebih|setelah)))"
)
