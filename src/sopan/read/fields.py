"""Everything an invitation says besides its time: who, what, where, how to join.

Each function reads a text whose placeholders are already blanked (see
`slots.blank`), so a template slot can never become a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from sopan._infra import rx
from sopan.model import Language
from sopan.read.labels import label_lines
from sopan.read.words import alternation, calendar_words, phrase_re, words

_URL_RE = rx.compile(
    r"(?:https?://|www\.)[^\s<>()\"'\]]+|(?<![\w@./])(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>()\"'\]]+",
    re.IGNORECASE,
)
_WORD_RE = rx.compile(r"[a-z]+")
# "CV" is a company form only before a name: "CV Anda" is a résumé
_COMPANY_RE = rx.compile(
    r"(?<![\w])((?:PT|CV|Pt)\.?\s+(?!(?:Anda|Saudara|Saudari|Kamu|Dan|Atau|Yang|Dari|Ini|Asli|"
    r"Terbaru|Lengkap|Your|And)(?![\w]))(?:[A-Z][\w&-]*|dan|&)"
    r"(?:[ \t]+(?!(?:Jl|Jln|Jalan|No|Kav|Blok|Gedung|Lantai|Lt|Ruang)\b)(?:[A-Z][\w&-]*|&|Tbk\.?))"
    r"{0,6})"
)
_ORG_SUFFIX = (
    r"(?:Ltd|LTD|Limited|Inc|Corp|Corporation|LLC|Labs|Technologies|Technology|Consulting|"
    r"CONSULTING|Group|Solutions|Systems|Distributors|Traders|Studio|Bank|Tbk|Software|"
    r"Capital|Partners|Analytics|Robotics|Digital|AB|GmbH|Pte|Holdings|Services|Media)"
)
#: the words a venue's name begins with ("di Gedung Graha", "at Hotel Santika", "at the Mall")
_VENUES = (
    "Ruang|Gedung|Aula|Lantai|Wisma|Menara|Graha|Hotel|Mall|Plaza|Kampus|Universitas|Balai|"
    "Ruko|Tower|Auditorium|Room|Building|Hall|Floor|Level"
)
_ADDRESS_HINT = rx.compile(
    rf"\b(?:at|di) (?:\d|our|kantor kami|(?:{_VENUES.lower()}) |[^\n]{{0,50}}\b(?:Jl|Jalan)\b)",
    re.IGNORECASE,
)
_ORG_HINT = rx.compile(rf"{_ORG_SUFFIX}(?![\w])")
_ORG_RE = rx.compile(rf"((?:[A-Z][\w&-]*\.?[ \t]+){{1,4}}{_ORG_SUFFIX}\.?)(?![\w])")


_MARKUP = rx.compile(r"[*_~]+")
_SPACES = rx.compile(r"\s+")


def _matches_from(
    pat: re.Pattern[str], text: str, heads: tuple[str, ...], limit: int = 200
) -> Iterator[re.Match[str]]:
    """Every match of `pat` starting at one of `heads`, in order (at most `limit` tried): the
    pattern is tried where a head is written, never at every character."""
    starts: set[int] = set()
    for head in heads:
        at = text.find(head)
        while at >= 0 and len(starts) < 10 * limit:
            starts.add(at)
            at = text.find(head, at + 1)
    for at in sorted(starts)[:limit]:
        m = pat.match(text, at)
        if m:
            yield m


def _search_from(pat: re.Pattern[str], text: str, heads: tuple[str, ...]) -> re.Match[str] | None:
    """The first match of `pat` starting at one of `heads` (see `_matches_from`)."""
    return next(_matches_from(pat, text, heads), None)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", _MARKUP.sub("", value)).strip(" \t,.;:-–|")
    if value.count("(") != value.count(")"):
        value = value.strip("()").strip()
    return value or None


def language(text: str) -> Language:
    """'id' or 'en', by counting common function words."""
    return language_of_words(words_in(text.lower()))


def words_in(low: str) -> list[str]:
    """The words of a lower-cased text, in order, as `language` and `mode` count them."""
    return _WORD_RE.findall(low)


def language_of_words(tokens: list[str]) -> Language:
    """`language`, for a text already split by `words_in`."""
    id_words, en_words = _word_sets()
    ids = sum(map(id_words.__contains__, tokens))
    ens = sum(map(en_words.__contains__, tokens))
    return "en" if ens > ids else "id"


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(words()["id_words"]), frozenset(words()["en_words"])


def labelled(text: str, key: str) -> list[str]:
    """Values of lines labelled with one of `labels.<key>` ("Tempat : …")."""
    out = []
    pat = phrase_re("labels", key)
    for label, raw in label_lines(text):
        if pat.fullmatch(label) or (key != "reference" and pat.match(label) and len(label) < 20):
            value = _clean(raw)
            if value:
                out.append(value)
    return out


def meeting_link(text: str) -> str | None:
    """The first video-meeting address (Zoom, Meet, Teams, …), scheme kept as written."""
    domains = [str(d) for d in words()["meeting_domains"]]
    low = text.lower()
    if not any(d in low for d in domains):
        return None
    for m in _URL_RE.finditer(text):
        url = m.group(0).rstrip(".,;")
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0]
        if any(host == d or host.endswith("." + d) for d in domains):
            return url
    return None


def access_code(text: str) -> str | None:
    """A passcode / password / access code written next to its label."""
    low = text.lower()
    if not any(str(w) in low for w in words()["labels"]["passcode"]):
        return None
    pat = phrase_re("labels", "passcode")
    # a label inside an address is not the code: Zoom's "?pwd=…" is a token, not the passcode
    urls = [u.span() for u in _URL_RE.finditer(text)] if "/" in text else []
    for m in re.finditer(
        r"(?:" + pat.pattern + r")\s*[:=]?\s*([A-Za-z0-9][\w@#$!.-]{2,30})", text, re.IGNORECASE
    ):
        if any(a <= m.start() < b for a, b in urls):
            continue
        value = m.group(1).rstrip(".")
        if re.search(r"\d", value) or value.isupper():
            return value
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
    if tokens is None:
        tokens = set(_WORD_RE.findall(low))
    found = [
        name for name in ("phone", "online", "onsite") if has_phrase(low, "mode", name, tokens)
    ]
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
    r"|,?\s+(?:at|on|pukul|jam|pada)\s+\d|,?\s+(?:on|pada)\s+(?:hari\s+)?[A-Z])"
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
        rf"(?:\bat\b|\bdi\b)\s+({_ROOMS}\s[^\n]{{2,100}}?)",
        r"(?i:\bdi\s+)((?i:kantor\s+kami)(?:\s+di\s+[^\n]{3,80}?)?)",
    )
)
#: "at the address below:", "di alamat berikut": the address is the block of lines after it
_BLOCK_INTRO = rx.compile(
    r"(?i:address\s+below|following\s+address|alamat\s+(?:berikut|di\s*bawah\s+ini))[^\n]*\n"
)


def _address_block(text: str) -> str | None:
    m = _BLOCK_INTRO.search(text)
    if not m:
        return None
    lines: list[str] = []
    for line in text[m.end() :].splitlines():
        value = _clean(line)
        if not value:
            if lines:
                break
            continue
        if len(value) > 80 or len(lines) == 4:
            break
        lines.append(value)
    return ", ".join(lines) or None


# "at"/"di" before a space, any case (a class per letter scans faster than an alternation);
# the word boundary before it is checked in Python, as `\b` would (letters, digits, "_")
_AT_DI = rx.compile(r"[AaDd][TtIi]\s")


def location(text: str) -> str | None:
    """The venue or address, from a labelled line or an inline street address."""
    for value in labelled(text, "place"):
        low = value.lower()
        if "remote" in low or low.startswith(("online", "daring", "zoom", "google meet", "via")):
            continue
        return value
    # an inline address begins only at an "at"/"di": each pattern is tried there alone
    # (the leftmost match first, as a search would find it), not at every character
    starts = [
        s
        for m in _AT_DI.finditer(text)
        if m.group(0)[:2].lower() in ("at", "di")
        and ((s := m.start()) == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"))
    ]
    if not any(_ADDRESS_HINT.match(text, s) for s in starts):
        return _address_block(text)
    for pat in _ADDRESS_RES:
        for s in starts:
            m = pat.match(text, s)
            if m:
                return _clean(m.group(1))
    return _address_block(text)


def position(text: str, subject: str | None) -> str | None:
    """The job title, from a labelled line, a phrase around it, or the subject."""
    for labelled_value in labelled(text, "position"):
        return labelled_value
    low = text.lower()
    for pat, gate in _POSITION_RES:
        if gate not in low and not (gate == "position" and "role" in low):
            continue
        for m in pat.finditer(text):
            first = m.group(1).split()[0].lower()
            # "interview for Monday", "lowongan Berikut", "interview for PT Maju": no title
            if (
                first not in calendar_words()
                and first not in words()["not_titles"]
                and not _COMPANY_RE.match(m.group(1))
                and not _ORG_RE.fullmatch(m.group(1))
            ):
                return _clean(m.group(1))
    led = _search_lead(text, low)
    if led:
        return led
    if subject:
        led = _search_lead(subject, subject.lower())
        if led:
            return led
        head = _SUBJECT_POSITION.search(subject)
        if head and not re.search(r"\s{3}", head.group(0)):  # a blanked placeholder: no title
            value = _clean(head.group(1))
            if value and not _COMPANY_RE.match(value) and len(value) < 60:
                return value
    return None


_POSITION_PATTERNS = (
    r"(?:untuk\s+)?posisi\s+(?:sebagai\s+)?\*?([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,5})",
    r"(?:the|a|an)\s+([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,5})\s+(?:position|role)\b",
    r"position\s+of\s+(?:an?\s+)?([\w&/+-]+(?:[ \t]+[\w&/+-]+){0,4}?)\s+(?:with|at|in)\b",
    r"sebagai\s+(?:kandidat\s+)?\*?([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,4})",
    r"(?:application|applied|applying)\s+for\s+(?:the\s+|a\s+|an\s+)?"
    r"([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,4})\s+(?:in|at|with|position|role)\b",
    # "membuka lowongan Crew Store", "lowongan kerja sebagai Barista"
    r"(?i:lowongan)\s+(?:(?i:kerja)\s+)?(?:sebagai\s+|untuk\s+)?\*?"
    r"([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,4})",
    # "your interview with Shopee for Product Manager", "an interview for the Data Analyst"
    r"(?i:interview)\s+(?:with\s+[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3}\s+)?for\s+"
    r"(?:the\s+|a\s+|an\s+)?([A-Z][\w&/+-]*(?:[ \t]+[A-Z][\w&/+-]*){0,4})",
)
# each pattern is tried only when its gate word is in the text
_POSITION_RES = tuple(
    zip(
        (rx.compile(p) for p in _POSITION_PATTERNS),
        ("posisi", "position", "position of", "sebagai", "applic", "lowongan", "interview"),
        strict=True,
    )
)
#: a title after the words that introduce one, in any case ("sebagai staf gudang", "for the
#: role of data analyst"); it ends at punctuation or at a word that starts a new phrase
_LEAD = rx.compile(
    r"(?<![\w])(?:(?:untuk\s+)?posisi(?:\s+sebagai)?|sebagai|menjadi|for\s+the\s+(?:role|position)"
    # one to three spaces only: a longer run is a placeholder blanked out ("posisi {x} di")
    r"\s+of|(?:role|position)\s+of)[ \t]{1,3}(?:an?\s+|the\s+)?\*?([A-Za-z][\w&/+-]*"
    r"(?:[ \t]+(?!(?:di|at|with|in|yang|pada|dengan|dan|and|untuk|for|on|of|bersama|ke|kami|"
    r"our|the|we|to)(?![\w]))[A-Za-z][\w&/+-]*){0,4})(?=\s*(?:[.,;:!?)\n]|$|[ \t]+[a-z]))",
    re.IGNORECASE,
)
_LEAD_WORDS = ("posisi", "sebagai", "menjadi", "role of", "position of")


def _search_lead(text: str, low: str) -> str | None:
    if not any(w in low for w in _LEAD_WORDS):
        return None
    for m in _LEAD.finditer(text):
        value = _clean(m.group(1))
        first = value.split()[0].lower() if value else ""
        if value and first not in words()["not_titles"] and first not in calendar_words():
            return value
    return None


_SUBJECT_POSITION = rx.compile(
    r"(?:interview|wawancara|undangan)[^:\-–—|]*(?::|\s[\-–—|])\s*([^\-–—|(]+?)\s*"
    r"(?:\bat\b|\bdi\b|\s[\-–—|(]|$)",
    re.IGNORECASE,
)


_ROLE_AT = rx.compile(
    r"\b(?:position|role|positions?)\b[^.\n]{0,60}?\b(?:at|with|in)\s+"
    r"(?!(?:our|the|a|an|this|that)\b)([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,4})"
)
#: "applying to IBM", "melamar di Bluefin", "bergabung dengan Tokopedia": whoever is applied to
_APPLIED_TO = rx.compile(
    r"(?i:\b(?:applying|applied|apply|application)\s+(?:to|at|with)|\bmelamar\s+(?:di|ke)|"
    r"\bbergabung\s+(?:dengan|bersama)|\bjoin(?:ing)?)\s+(?!(?:our|the|us|kami|this)\b)"
    r"([A-Z][\w&-]*(?:\.[\w&-]+)*(?:[ \t]+(?:[A-Z][\w&-]*(?:\.[\w&-]+)*|&)){0,4})"
)
_SUBJECT_AT = rx.compile(r"\bat\s+([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})\s*$")
_TEAM_OF = rx.compile(
    r"\b(?:Tim|Team)[ \t]+(?:\w+[ \t]+)?([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})[ \t]*$",
    re.MULTILINE,
)
#: a word before "CV" that makes it a résumé ("surat lamaran dan CV", "bawa CV Anda")
_CV_AS_RESUME = rx.compile(
    r"(?i:dan|bawa|membawa|kirim|kirimkan|lampirkan|upload|unggah|your|a|the|send|bring|&|,)\s*$"
)


def _company_form(source: str) -> str | None:
    """The first "PT …" / "CV …" name of `source`, skipping a "CV" that is a résumé."""
    for m in _matches_from(_COMPANY_RE, source, ("PT", "CV", "Pt")):
        start = m.start()
        # only the few characters before it tell "bawa CV Anda" from a company
        if not (
            m.group(1).startswith("CV") and _CV_AS_RESUME.search(source, max(0, start - 16), start)
        ):
            return _clean(m.group(1))
    return None


@lru_cache(maxsize=1)
def _team_words() -> frozenset[str]:
    """Words that name a team, never a company ("Tim Rekrutmen", "Recruitment Team")."""
    return frozenset(str(w) for w in words()["not_names"]) | {"rekrutmen", "recruitment"}


def company_from_domain(email: str | None) -> str | None:
    """The company a sender's address names ("hr@maju-jaya.co.id" → "Maju Jaya"), unless its
    domain is a mail provider's or a job portal's."""
    if not email or "@" not in email:
        return None
    parts = email.rsplit("@", 1)[1].lower().split(".")
    w = words()
    seconds = set(map(str, w["domain_second_levels"]))
    while len(parts) > 2 and parts[-2] in seconds:
        parts = parts[:-1]
    name = parts[-2] if len(parts) >= 2 else ""
    skip = set(map(str, w["not_company_domains"]))
    if not name or name in skip or any(p in skip for p in parts[:-2]) or len(name) < 3:
        return None
    return " ".join(p.capitalize() for p in name.split("-") if p)


#: a company's name: capitalised words ("Bank Syariah Indonesia", "Kopi Kenangan"), up to five
_NAME = r"([A-Z][\w&'-]*(?:\.[\w&-]+)*(?:[ \t]+(?:[A-Z][\w&'-]*(?:\.[\w&-]+)*|&)){0,4})"


@lru_cache(maxsize=1)
def _company_intro_res() -> tuple[re.Pattern[str], ...]:
    """ "kami dari X", "saya Rina dari X", "This is Sarah from X HR team"; a line "X HR"."""
    w = words()
    who = alternation([*w["self_intro"], *w["company_intro"]])
    after = alternation(w["self_intro_from"])
    team = alternation(w["team_before_company"])
    intro = rx.compile(
        rf"(?i:(?<![\w])(?:{who}))(?:[ \t]+[A-Z][a-z]+){{0,2}}[ \t]*,?[ \t]+"
        rf"(?i:(?:{after})[ \t]+(?:(?:{team})[ \t]+(?:(?:dari|of|at)[ \t]+)?)?)"
        rf"(?!(?i:{after})(?![\w])){_NAME}"
    )
    suffix = rx.compile(
        rf"^[ \t]*{_NAME}[ \t]+(?i:{alternation(w['team_after_company'])})(?:[ \t]+(?i:team))?"
        r"[ \t]*$",
        re.MULTILINE,
    )
    # "the hiring team at Canva", "tim HR dari Kreasi Nusantara"
    team_at = rx.compile(rf"(?i:(?<![\w])(?:{team})[ \t]+(?:at|of|dari|di))[ \t]+{_NAME}")
    # a signature's "HR Kreasi Nusantara": the team's name, then the company's, then the end
    hr_of = rx.compile(
        rf"(?i:(?<![\w])(?:hrd?|human capital))[ \t]+{_NAME}[ \t]*(?:$|[.,;!)])", re.MULTILINE
    )
    return intro, suffix, team_at, hr_of


#: a chat's signature at its end, a dash after a sentence: "… better. — Amanda Lee, Talent
#: Partner, Xendit" (not "10.00 - Selesai", which ends a range)
_DASH_SIGNATURE = rx.compile(
    r"(?:(?<=[.!?)\n])|\A)[ \t]*[—–-][ \t]*(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?:[ \t]*,[ \t]*(?P<rest>[^\n,]{2,60}(?:,[^\n,]{2,60}){0,2}))?[ \t.]*\Z"
)


def dash_signature(text: str) -> re.Match[str] | None:
    """The signature a chat ends with after a dash: its `name` and the `rest` after it."""
    body = text.rstrip()
    return _DASH_SIGNATURE.search(body, max(0, len(body) - 160))


def _signed_company(text: str) -> str | None:
    """The company a dash signature ends with ("…, Talent Partner, Xendit" → "Xendit")."""
    m = dash_signature(text)
    if not m or not m["rest"]:
        return None
    last = m["rest"].split(",")[-1].strip()
    if not last[:1].isupper() or any(w.lower() in _title_words() for w in last.split()):
        return None  # "— Amanda, Recruiter": a title, not a company
    return _without_team_words(last)


def _introduced_company(text: str) -> str | None:
    """The company a writer says they write from, a signature line names with its team, or
    a chat's dash signature ends with."""
    intro, suffix, team_at, hr_of = _company_intro_res()
    low = text.lower()
    keys = _intro_keys()
    # each pattern only around the words it needs, found with str.find: a regex scan of the
    # whole text for each cost more than the rest of the company's search on a long mail
    found = chain(
        _near(intro, text, low, keys[0], 60, 120),  # "kami dari X": the words before "dari"
        _near(team_at, text, low, ("team", "tim"), 40, 100),  # "the hiring team at X"
        _near(hr_of, text, low, ("hr", "hrd", "human capital"), 0, 100),  # "HR Kreasi"
        _near(suffix, text, low, keys[1], 100, 20),  # a line "Shopee Talent Acquisition"
    )
    for m in found:
        name = _without_team_words(m.group(1))
        if name:
            return name
    return _signed_company(text)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Each word of the job titles' words ("manager", "business", "partner" …)."""
    return frozenset(part for w in words()["title_words"] for part in str(w).split())


@lru_cache(maxsize=1)
def _intro_keys() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words the company patterns need: "dari"/"from", and the team names that follow
    a company."""
    w = words()
    return tuple(map(str, w["self_intro_from"])), tuple(map(str, w["team_after_company"]))


def _near(
    pat: re.Pattern[str], text: str, low: str, keys: tuple[str, ...], back: int, ahead: int
) -> Iterator[re.Match[str]]:
    """Matches of `pat` in the windows around each whole-word occurrence of `keys`."""
    n = len(low)
    for key in keys:
        at = low.find(key)
        while at >= 0:
            end = at + len(key)
            if (at == 0 or not low[at - 1].isalnum()) and (end >= n or not low[end].isalnum()):
                m = pat.search(text, max(0, at - back), min(n, end + ahead))
                if m:
                    yield m
            at = low.find(key, end)


def _without_team_words(name: str) -> str | None:
    """ "Kopi Kenangan HR" → "Kopi Kenangan"; None for a team, a day or a month alone."""
    kept = re.sub(r"['’]s$", "", name.rstrip(".")).split()  # "Grab's talent team"
    while kept and kept[-1].lower() in _team_words():
        kept.pop()
    if not kept:
        return None
    first = kept[0].lower()
    if first in calendar_words() or first in _team_words() or first in ("the", "our", "anda"):
        return None
    if any(word.lower() in _title_words() for word in kept):  # "HR Specialist" is a job
        return None
    return _clean(" ".join(kept))


def company(text: str, subject: str | None, sender_name: str | None) -> str | None:
    """The company name: a labelled line, 'PT …', who a writer says they write from,
    '… at X', a signature organisation."""
    for value in labelled(text, "company"):
        return value
    for source in (subject or "", text, sender_name or ""):
        named = _company_form(source)
        if named:
            return named
    named = _introduced_company(text)
    if named:
        return named
    low = text.lower()
    m = None
    if "position" in low or "role" in low:
        m = _search_from(_ROLE_AT, text, ("position", "role"))
    if m:
        return _clean(m.group(1))
    m = _SUBJECT_AT.search(subject) if subject and "at" in subject else None
    if m:
        return _clean(m.group(1))
    m = _APPLIED_TO.search(text)
    if m and m.group(1).split()[0].lower() not in calendar_words():
        return _clean(m.group(1))
    m = _search_from(_TEAM_OF, text, ("Tim", "Team"))
    if m and m.group(1).lower() not in _team_words():
        return _clean(m.group(1))
    orgs = []
    if _ORG_HINT.search(text):
        orgs = [o for o in _ORG_RE.findall(text) if o.split()[0] not in ("The", "Our", "Dear")]
    return _clean(orgs[-1]) if orgs else _signature_org(text)


def _signature_org(text: str) -> str | None:
    """The organisation a signature names under the signer ("Tom / bluefin analytics"): the
    second line after the sign-off, when it is a short name and not a job title."""
    signoff = phrase_re("signoffs")
    lines = [ln.strip(" ,*_") for ln in text.splitlines()]
    for i, line in enumerate(lines):
        if not signoff.fullmatch(line):
            continue
        block = [ln for ln in lines[i + 1 : i + 5] if ln][:3]
        if len(block) < 2:
            return None
        value = block[1]
        low = value.lower()
        titled = phrase_re("title_words").search(low) or phrase_re("not_names").search(low)
        if titled or re.search(r"\d|@|http|[.:;!?]$", value) or not 1 <= len(value.split()) <= 5:
            return None
        return value
    return None


# one line only ([ \t], not \s): two \s* in a row ran across every blank line after a "No"
_REFERENCE = rx.compile(
    r"(?<![\w])(?:Nomor(?:[ \t]+Surat)?|No\.?(?:[ \t]+Surat)?"
    r"|Ref(?:erence)?\.?(?:[ \t]*(?:ID|No\.?|Number))?"
    r"|Job[ \t]+ID|Req(?:uisition)?\.?[ \t]*ID)[ \t]*([:#.])?[ \t]*([A-Z0-9][\w/.-]*\d[\w/.-]*)"
)


def reference(text: str) -> str | None:
    """A reference number ("No: 045/HRD-REK/XI/2026", "Ref. ID 8821")."""
    if not any(k in text for k in ("No", "Ref", "Job", "Req")):
        return None
    m = _search_from(_REFERENCE, text, ("No", "Ref", "Job", "Req"))
    if not m:
        return None
    value = m.group(2).rstrip(".")
    head = m.group(0).lower()
    if m.group(1) or "/" in value or head.startswith(("ref", "job", "req")):
        return value
    return None
