"""Everything an invitation says besides its time and its company: what job, where, how to
join, under which reference. Each extractor returns a `Found` (the value and the span it was
read in) and reads a text whose template slots are blanked (`slots.blank`) and whose parts that
cannot carry the field are masked (`layout.mask`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sopan._infra import rx
from sopan.read import titles
from sopan.read.addresses import URL_RE
from sopan.read.company import company_form_re, org_re
from sopan.read.found import Found, Origin, from_match, located
from sopan.read.labels import labelled
from sopan.read.words import (
    alternation,
    calendar_words,
    not_online,
    phrase_re,
    without_not_online,
    words,
)

_WORD_RE = rx.compile(r"[a-z]+")
#: the words a venue's name begins with ("di Gedung Graha", "at Hotel Santika", "at the Mall")
_VENUES = (
    "Ruang|Gedung|Aula|Lantai|Wisma|Menara|Graha|Hotel|Mall|Plaza|Kampus|Universitas|Balai|"
    "Ruko|Tower|Auditorium|Room|Building|Hall|Floor|Level|Kawasan|Kompleks|Komplek|Pabrik|"
    "Workshop|Outlet|Gudang|Seminar|Meeting Room|Conference Room"
)
#: "kantor kami", "kantor pusat kami", "gudang kami": a site of the company's, in Indonesian
_OUR_SITE = (
    r"(?:kantor|gedung|cabang|outlet|toko|pabrik|gudang|kampus|studio|klinik)(?: \w+){0,2}? kami"
)
_ADDRESS_HINT = rx.compile(
    rf"\b(?:at|di|in) (?:\d|our|{_OUR_SITE}|(?:{_VENUES.lower()}) |[^\n]{{0,50}}\b(?:Jl|Jalan)\b)",
    re.IGNORECASE,
)


def words_in(low: str) -> list[str]:
    """The words of a lower-cased text, in order, as `mode` counts them."""
    return _WORD_RE.findall(low)


def meeting_link(text: str) -> Found | None:
    """The first video-meeting address (Zoom, Meet, Teams, …), scheme kept as written."""
    domains = [str(d) for d in words()["meeting_domains"]]
    low = text.lower()
    if not any(d in low for d in domains):
        return None
    for m in URL_RE.finditer(text):
        url = m.group(0).rstrip(".,;")
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0]
        if any(host == d or host.endswith("." + d) for d in domains):
            return Found(url, m.start(), m.start() + len(url))
    return None


@cache
def _platform_names() -> tuple[dict[str, str], re.Pattern[str]]:
    """How each video platform is written (lower case) → its name, and the pattern of any."""
    table = {str(w).lower(): str(name) for name, ws in words()["platforms"].items() for w in ws}
    return table, rx.compile(rf"(?<![\w.])(?:{alternation(sorted(table))})(?![\w])", re.I)


def platform(text: str, link: Found | None) -> Found | None:
    """The video platform an online interview is held on: its meeting address's (a Zoom
    link), else the first one the text names ("melalui Zoom", "on Google Meet"), with its
    span; None when none is written."""
    table, pattern = _platform_names()
    if link is not None:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link.value.lower()).split("/")[0]
        for written, name in table.items():
            if "." in written and (host == written or host.endswith("." + written)):
                return Found(name, link.start, link.end, link.source)
    m = pattern.search(text)
    if m is None:
        return None
    return Found(table[re.sub(r"\s+", " ", m.group(0).lower())], m.start(), m.end())


def access_code(text: str) -> Found | None:
    """A passcode / password / access code written next to its label."""
    low = text.lower()
    if not any(str(w) in low for w in words()["labels"]["passcode"]):
        return None
    pat = phrase_re("labels", "passcode")
    # a label inside an address is not the code: Zoom's "?pwd=…" is a token, not the passcode
    urls = [u.span() for u in URL_RE.finditer(text)] if "/" in text else []
    for m in re.finditer(
        r"(?:" + pat.pattern + r")\s*[:=]?\s*([A-Za-z0-9][\w@#$!.-]{2,30})", text, re.IGNORECASE
    ):
        if any(a <= m.start() < b for a, b in urls):
            continue
        value = m.group(1).rstrip(".")
        if re.search(r"\d", value) or value.isupper():
            return Found(value, m.start(1), m.start(1) + len(value))
    return None


def mode(
    text: str,
    link: str | None,
    *,
    low: str | None = None,
    tokens: set[str] | None = None,
    near: int | None = None,
) -> str | None:
    """'online', 'phone' or 'onsite', by the strongest signal in the text.

    `low` and `tokens`, when given, are the text lower-cased and its `words_in` set. With
    `near` (where the interview's date is written), the mention nearest to it wins: an
    online test earlier in the message does not make an interview at the office online.
    """
    if low is None:
        low = text.lower()
    if _CONDITION.search(low):
        # "Apabila wawancara dilaksanakan secara daring, …", "If none suits you, we can also
        # arrange a virtual interview": a mode said on a condition is no mode yet
        low = _CONDITION.sub(lambda m: " " * len(m.group(0)), low)
        tokens = None
    # "tidak dapat diikuti secara online", "no virtual option": the opposite of online
    negated = not_online(low) is not None
    if negated:
        low = without_not_online(low)
        tokens = None
    if tokens is None:
        tokens = set(_WORD_RE.findall(low))
    found = [
        name for name in ("phone", "online", "onsite") if has_phrase(low, "mode", name, tokens)
    ]
    if negated:
        if link:
            return None  # a meeting address beside "not online": asked, never guessed
        if not found:
            return "onsite"
    if (
        "online" in found
        and "onsite" in found
        and (
            _EITHER_MODE.search(low) or len({_KIND[m.group(1)] for m in _IF_MODE.finditer(low)}) > 1
        )
    ):
        return None  # "via Zoom atau datang langsung", "(khusus offline)": still open
    if link:
        at = low.find(link.lower()[:20])
        if near is None or len(found) <= 1 or at < 0:
            return "online"
        found.append("online")
    if near is None and len(found) > 1 and not link:
        # no date to measure from: the first mention from the line where the interview is
        # first named wins ("Test Online : …  Wawancara : … bertempat di …" is on site)
        first = _INTERVIEW.search(low)
        line = low.rfind("\n", 0, first.start()) + 1 if first else len(low)
        after = sorted(
            (m.start(), name)
            for name in dict.fromkeys(found)
            for m in phrase_re("mode", name).finditer(low, line)
        )
        if after:
            return after[0][1]
    if near is None or len(found) <= 1:
        return found[0] if found else None
    spots = [
        (abs(m.start() - near), name)
        for name in dict.fromkeys(found)
        for m in phrase_re("mode", name).finditer(low)
    ]
    if link and at >= 0:
        spots.append((abs(at - near), "online"))
    return min(spots)[1] if spots else found[0]


#: the word "interview" as both languages write it
_INTERVIEW = rx.compile(r"\b(?:interview|wawancara|interviu)")
#: a sentence that says what happens on a condition, from its conditional word to its end
_CONDITION = rx.compile(
    r"(?:^|(?<=[.!?\n]))[ \t]*(?:apabila|jika|bila|kalau|if|should|in case"
    # "For a virtual interview, please ensure …": what to do if it is one, not that it is
    r"|for an? (?:virtual|online|video|remote|in-person|onsite|on-site) interview)\b[^.!?\n]*"
)
#: "(khusus online)", "bila offline": a rule for each mode, so the mode is not yet known
_IF_MODE = rx.compile(r"\b(?:bila|jika|khusus|if|for)\s+(online|offline|daring|luring)\b")
_KIND = {"online": "online", "daring": "online", "offline": "onsite", "luring": "onsite"}
_EITHER_MODE = rx.compile(
    r"\b(?:online|daring|zoom|virtual|offline|luring|onsite|on-site|tatap muka)\b[^.\n]{0,30}"
    r"\b(?:atau|or)\b[^.\n]{0,30}\b(?:offline|luring|onsite|on-site|tatap muka|in person|datang"
    r"|online|daring|zoom|virtual)\b"
)


def has_phrase(low: str, key: str, sub: str | None = None, tokens: set[str] | None = None) -> bool:
    """Whether lower-cased `low` holds a phrase of the list, on word boundaries.

    Single words are looked up in the text's word set; longer phrases get a substring
    test first, and the word-bounded regex only when that test passes.
    """
    single, multi = _phrases(key, sub)
    if tokens is None:
        tokens = set(_WORD_RE.findall(low))
    if not single.isdisjoint(tokens):
        return True
    # a longer phrase can only be there when its first word is
    return any(p in low for first, p in multi if first in tokens) and bool(
        phrase_re(key, sub).search(low)
    )


@lru_cache(maxsize=64)
def _phrases(key: str, sub: str | None) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    items = [str(p) for p in (words()[key] if sub is None else words()[key][sub])]
    single = frozenset(p for p in items if re.fullmatch(r"[a-z]+", p))
    multi = tuple((m.group(0), p) for p in items if p not in single and (m := _WORD_RE.search(p)))
    return single, multi


# a sentence ends at a full stop before a capital that does not go on the address; an
# address also ends before the time that follows it ("5 Harbor Street at 2 PM")
_END = (
    r"(?=\.\s*(?:\n|$|(?!(?:No|Kav|Jl|Blok|RT|RW|Lt|Gd|Km)\b)[A-Z])|\n|$"
    r"|,?\s+(?:at|on|pukul|jam|pada)\s+\d|,?\s+(?:on|pada)\s+(?:hari\s+)?[A-Z]"
    # a chat's particles end the place: "di Outlet Cihampelas, Bandung ya kak."
    r"|,?[ \t]+(?:ya|yaa|yah|kak|ka|nggih|ok|oke)(?:[ \t]+(?:kak|ka|bu|pak|mas|mbak))?"
    r"[ \t]*(?:[.!,]*[ \t]*(?:\n|$)|[.!][ \t]))"
)
#: "at 2 PM", "di 10.00": a time where an address could start
_NOT_A_PLACE = r"(?!\d{1,2}(?:[.:]\d\d)?\s*(?i:[ap]\.?\s?m\b|WIB|WITA|WIT|o'clock)|\d{1,2}[.:]\d\d)"
_ROOMS = rf"(?:{_VENUES})"
_ADDRESS_RES = tuple(
    rx.compile(p + _END)
    for p in (
        rf"(?:\bat\b|\bdi\b)\s+{_NOT_A_PLACE}(\d{{1,5}}\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}"
        r"[^\n]{0,120}?)",
        # the words before the street name hold no second "at"/"di": in "at 9:00 am at
        # our office, Jl. …" the place begins at the second one
        r"(?:\bat\b|\bdi\b)\s+((?:(?!\b(?:at|di)\b)[^\n]){0,50}?\b(?:Jl\.?|Jalan)\s[^\n]{3,120}?)",
        r"(?i:\bat\s+)((?i:our\s+)(?:[A-Z][a-z]+\s+)?(?i:(?:head\s+|main\s+|regional\s+)?office)"
        r"(?:,\s*[^\n]{3,100}?)?)",
        # "at our Reno distribution center, 4400 Longley Lane": the address after the site
        r"(?i:\bat\s+our\s+)(?:[A-Za-z]+\s+){0,3}(?i:cent(?:er|re)|site|warehouse|store|branch|"
        r"plant|factory|headquarters|hq|campus|studio|clinic|hospital|outlet),\s*"
        r"(\d{1,5}\s+[A-Z][^\n]{3,100}?)",
        # the same in Indonesian: "di kantor kami, 1 Raffles Place, Singapura"
        rf"(?i:\bdi\s+{_OUR_SITE}),\s*(\d{{1,5}}\s+[A-Z][^\n]{{3,100}}?)",
        rf"(?:\bat\b|\bdi\b|\bin\b)\s+({_ROOMS}\s[^\n]{{2,100}}?)",
        # "di kantor kami di Jl. …": "our office" alone says on site, not where
        r"(?i:\bdi\s+)((?i:kantor\s+kami)\s+di\s+[^\n]{3,80}?)",
    )
)
#: "at the address below:", "di alamat berikut": the address is the block of lines after it
_BLOCK_INTRO = rx.compile(
    r"(?i:address\s+below|following\s+address|alamat\s+(?:berikut|di\s*bawah\s+ini))[^\n]*\n"
)


def _address_block(text: str) -> Found | None:
    m = _BLOCK_INTRO.search(text)
    if not m:
        return None
    lines: list[Found] = []
    at = m.end()
    for line in text[m.end() :].split("\n"):
        value = located(text, at, at + len(line))
        at += len(line) + 1
        if not value:
            if lines:
                break
            continue
        if len(value.value) > 80 or len(lines) == 4:
            break
        lines.append(value)
    if not lines:
        return None
    return Found(", ".join(f.value for f in lines), lines[0].start, lines[-1].end)


def _capital_after(text: str, m: re.Match[str]) -> bool:
    """Whether "in" is followed by a capital ("in Room G14"): only a venue follows an "in"."""
    return m.end() < len(text) and text[m.end()].isupper()


# "at"/"di" before a space, any case (a class per letter scans faster than an alternation);
# the word boundary before it is checked in Python, as `\b` would (letters, digits, "_")
_AT_DI = rx.compile(r"[AaDdIi][TtIiNn]\s")


@cache
def _ask_bracket() -> re.Pattern[str]:
    """A bracket at a value's end that says whom to ask for ("(ask for Mel)", "(tanya ke Bu
    Rina)"): the contact's, not part of the place."""
    asks = alternation([str(w) for w in words()["ask_for"]])
    return rx.compile(rf"[ \t,]*\([ \t]*(?i:{asks})[ \t][^()\n]*\)[ \t.]*$")


def location(text: str) -> Found | None:
    """The venue or address, from a labelled line or an inline street address; a bracket
    saying whom to ask for there is left to the contact."""
    found = _location(text)
    if found is None or ")" not in found.value:
        return found
    cut = _ask_bracket().search(found.value)
    if cut is None or cut.start() == 0:
        return found
    value = found.value[: cut.start()]
    return Found(value, found.start, found.start + len(value), found.source)


def _location(text: str) -> Found | None:
    for found in labelled(text, "place"):
        low = found.value.lower()
        if "remote" in low or low.startswith(("online", "daring", "zoom", "google meet", "via")):
            continue
        if has_phrase(low, "mode", "phone") or has_phrase(low, "mode", "online"):
            continue  # "Location: Alicia will call you at …": how, not where
        return found
    # an inline address begins only at an "at"/"di": each pattern is tried there alone
    # (the leftmost match first, as a search would find it), not at every character
    starts = [
        s
        for m in _AT_DI.finditer(text)
        if (
            (w := m.group(0)[:2].lower()) in ("at", "di") or (w == "in" and _capital_after(text, m))
        )
        and ((s := m.start()) == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"))
    ]
    if not any(_ADDRESS_HINT.match(text, s) for s in starts):
        return _address_block(text)
    for pat in _ADDRESS_RES:
        for s in starts:
            m = pat.match(text, s)
            if m:
                return from_match(m)
    return _address_block(text)


#: a job requisition's number written before the title ("Job Requisition R-20114 Medical
#: Billing Specialist", as OCR may read it: "Reguisition", "Requisitlon"): blanked before the
#: title is read, so the title's words are all counted
_REQUISITION_BEFORE = rx.compile(
    r"(?i:(?:job[ \t]+)?(?:re[qg]u[il1|]s[il1|]t[il1|]on|req\.?)[ \t]*[#:]?[ \t]*)"
    r"[A-Za-z0-9-]*\d[A-Za-z0-9-]*[ \t]+(?=[A-Za-z])"
)


def position(text: str, subject: str | None) -> Found | None:
    """The job title, whole as written (`titles`), from a labelled line, a phrase around it,
    or the subject."""
    if "eq" in text or "eg" in text:  # a cheap test first: "Requisition", OCR's "Reguisition"
        text = _REQUISITION_BEFORE.sub(lambda m: " " * len(m.group(0)), text)
    for labelled_value in labelled(text, "position"):
        return labelled_value
    low = text.lower()
    for pat, gate in _position_res():
        if gate not in low and not (gate == "position" and "role" in low):
            continue
        for m in pat.finditer(text):
            first = m.group(1).split()[0].lower()
            # "interview for Monday", "lowongan Berikut", "interview for PT Maju": no title
            if (
                first not in calendar_words()
                and first not in words()["not_titles"]
                and not company_form_re().match(m.group(1))
                and not org_re().fullmatch(m.group(1))
            ):
                # a title that runs on past what the pattern read is none (`titles.whole`)
                return titles.whole(text, m.start(1), m.end(1))
    led = _search_lead(text, low)
    if led:
        return led
    if subject:
        led = _search_lead(subject, subject.lower(), "subject")
        if led:
            return led
        head = _SUBJECT_POSITION.search(subject)
        if head and not re.search(r"\s{3}", head.group(0)):  # a blanked placeholder: no title
            found = _in_subject(subject, head)
            # "Interview Invitation: Amazon - Software Engineer": of two parts, the title is
            # the one a job's word is in
            rest = _SUBJECT_REST.match(subject, head.end(1))
            titles_re = phrase_re("title_words")
            if found and rest and not titles_re.search(found.value) and titles_re.search(rest[1]):
                found = _in_subject(subject, rest)
            if found and not company_form_re().match(found.value) and len(found.value) < 60:
                return found
    return None


def _in_subject(subject: str, m: re.Match[str]) -> Found | None:
    """A title read in the subject, its bracket kept only when it is the title's."""
    return titles.whole(subject, m.start(1), m.end(1), "subject")


@cache
def _position_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The phrases a title is written in, each with the word it needs (tried only when that
    word is in the text); the title's own pattern is `titles.title`."""
    plain = titles.title()
    # closed by a word that names it as a role, a title may hold a comma
    closed = titles.title(comma=True)
    before = alternation([str(w) for w in words()["titles"]["before"]])
    patterns = (
        (rf"(?:untuk\s+)?posisi\s+(?:sebagai\s+)?\*?({plain})", "posisi"),
        # "the Data Analyst role", "our remote Senior Data Scientist role" (an article, not the
        # end of "Data": "Data Scientist role" is no "a Scientist role")
        (
            rf"(?<![\w])(?:the|a|an|our|your|this)\s+(?:(?:{before})\s+)?({closed})"
            r"\s+(?:position|role)\b",
            "position",
        ),
        (
            r"position\s+of\s+(?:an?\s+)?([\w&/+-]+(?:[ \t]+[\w&/+-]+){0,4}?"
            rf"(?:{titles.BRACKET})?)\s+(?:with|at|in)\b",
            "position of",
        ),
        (rf"(?:role|position|post)\s+of\s+(?:an?\s+|the\s+)?({plain})", " of "),
        (rf"sebagai\s+(?:kandidat\s+)?\*?({plain})", "sebagai"),
        (
            rf"(?:application|applied|applying)\s+for\s+(?:the\s+|a\s+|an\s+)?({closed})"
            r"\s+(?:in|at|with|position|role)\b",
            "applic",
        ),
        # "membuka lowongan Crew Store", "lowongan kerja sebagai Barista"
        (
            rf"(?i:lowongan)\s+(?:(?i:kerja)\s+)?(?:sebagai\s+|untuk\s+)?\*?({plain})",
            "lowongan",
        ),
        # "your interview with Shopee for Product Manager", "an interview for the Data Analyst"
        (
            r"(?i:interview)\s+(?:with\s+[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3}\s+)?for\s+"
            rf"(?:the\s+|a\s+|an\s+)?({plain})",
            "interview",
        ),
        # "about the Senior 3D Artist opening", "for the Forklift Operator job", "our Sales vacancy"
        *(
            (rf"(?<![\w])(?:the|a|an|our|your)\s+({closed})\s+{noun}\b", f" {noun}")
            for noun in ("opening", "vacancy", "job", "post")
        ),
    )
    return tuple((rx.compile(p), gate) for p, gate in patterns)


@cache
def _lead() -> re.Pattern[str]:
    """A title after the words that introduce one, in any case ("sebagai staf gudang", "for the
    role of data analyst"); it ends at punctuation, before a word in lower case or a word that
    starts a new phrase (`titles.stop`), never inside a capitalised title ("role of Head" is no
    end: `titles.whole`)."""
    stop = titles.stop_alternation()
    return rx.compile(
        r"(?<![\w])(?:(?:untuk\s+)?(?:posisi|jabatan)(?:\s+sebagai)?|sebagai|menjadi"
        # one to three spaces only: a longer run is a placeholder blanked out ("posisi {x} di")
        r"|for\s+the\s+(?:role|position|post)\s+of|(?:role|position|post)\s+of)"
        r"[ \t]{1,3}(?:an?\s+|the\s+)?\*?([A-Za-z][\w&/+-]*"
        rf"(?:[ \t]+(?!(?:{stop})(?![\w]))[A-Za-z][\w&/+-]*){{0,4}})"
        # a day, a time or a chat's particle after the title ends it ("posisi kasir hari
        # Senin", "… jam 10", "posisi admin gudang ya"); a capital does not
        rf"(?=\s*(?:[.,;:!?)\n]|$)|[ \t]+(?-i:[a-z])|[ \t]+(?:{stop})(?![\w]))",
        re.IGNORECASE,
    )


_LEAD_WORDS = ("posisi", "jabatan", "sebagai", "menjadi", "role of", "position of", "post of")


def _search_lead(text: str, low: str, origin: Origin = "text") -> Found | None:
    if not any(w in low for w in _LEAD_WORDS):
        return None
    for m in _lead().finditer(text):
        found = from_match(m, 1, origin)
        first = found.value.split()[0].lower() if found else ""
        if found and first not in words()["not_titles"] and first not in calendar_words():
            if titles.runs_on(text, m.end(1)):
                continue  # "role of Head" + " of Finance": a piece of a title
            return found
    return None


#: the part of a subject after a dash or a bar ("… Amazon - Software Engineer"), a bracket
#: after it read with it ("Project Engineer (Solar PV)"; kept only when it is the title's)
_NOT_A_DASH = r"(?:[^\-–—|(]|(?<=\w)-(?=\w))"
_SUBJECT_REST = rx.compile(rf"\s*[\-–—|]\s*({_NOT_A_DASH}+?(?:\s*\([^()\n]{{1,40}}\))?)\s*(?:\(|$)")
_SUBJECT_POSITION = rx.compile(
    r"(?:interview|wawancara|undangan)[^:\-–—|]*(?::|\s[\-–—|])\s*"
    rf"({_NOT_A_DASH}+?(?:\s*\([^()\n]{{1,40}}\))?)\s*"
    r"(?:\bat\b|\bdi\b|\s[\-–—|(]|$)",
    re.IGNORECASE,
)


# one line only ([ \t], not \s): two \s* in a row ran across every blank line after a "No"
_REFERENCE = rx.compile(
    r"(?<![\w])(?:Nomor(?:[ \t]+Surat)?|No\.?(?:[ \t]+Surat)?"
    r"|Ref(?:erence)?\.?(?:[ \t]*(?:ID|No\.?|Number))?"
    r"|Job[ \t]+ID|Req(?:uisition)?\.?[ \t]*ID"
    r"|(?:Job[ \t]+)?Requisition(?:[ \t]+(?:ID|No\.?|Number))?)"
    r"[ \t]*([:#.])?[ \t]*([A-Z0-9][\w/.-]*\d[\w/.-]*)"
)


def reference(text: str) -> Found | None:
    """A reference number ("No: 045/HRD-REK/XI/2026", "Ref. ID 8821")."""
    if not any(k in text for k in ("No", "Ref", "Job", "Req")):
        return None
    # every candidate, not the first: a letterhead's street number ("No. 101") comes before
    # the letter's "Nomor : 118/HRD/XI/2026"
    for m in _REFERENCE.finditer(text):
        value = m.group(2).rstrip(".")
        head = m.group(0).lower()
        if m.group(1) or "/" in value or head.startswith(("ref", "job", "req")):
            return Found(value, m.start(2), m.start(2) + len(value))
    return None
