"""Who to answer: the contact's name, title, email and phone, read from the message's text.

The contact is one person built from every mention of them: the sender's display name, the
signature under the sign-off, "Pewawancara: Ibu Dewi Lestari", "Contact: …", "hubungi Bpk.
Andri", "saya Tasya dari …". The first mention that names a person decides who; the others
that name the same person add the title they give ("Ibu", "Bapak", "Ms.") and the full name.
The candidate, whom the greeting names, is never the contact.

Like `fields`, each function reads a text whose slots are blanked and returns `Found` spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.errors import MessageError
from email.utils import getaddresses
from functools import cache
from itertools import chain

from sopan._infra import rx
from sopan.read.addresses import EMAIL_RE, URL_RE
from sopan.read.company import company_form_re, dash_signature, org_re
from sopan.read.found import Found, clean, located, lowered, near
from sopan.read.labels import labelled
from sopan.read.slots import is_slot
from sopan.read.words import alternation, phrase_re, signoff_re, words

_PHONE_RE = rx.compile(r"(?<![\w+])(\+?\(?\d[\d\s().-]{7,18}\d)(?![\w])")
_DIGITS9 = rx.compile(r"\d[\d\s().-]{7,}\d")
_NAME_WORDS = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"


@cache
def _dial_in() -> tuple[str, ...]:
    return tuple(str(w) for w in words()["dial_in"])


def emails(text: str) -> list[str]:
    """Email addresses in order of appearance."""
    return EMAIL_RE.findall(text) if "@" in text else []


def first_email(text: str) -> Found | None:
    """The first e-mail address of the text that is no robot's ("noreply@…") and no help
    desk's ("bantuan@…", "support@…")."""
    if "@" not in text:
        return None
    for m in EMAIL_RE.finditer(text):
        if not is_robot(m.group(0)) and not _help_desk(m.group(0)):
            return Found(m.group(0), m.start(), m.end())
    return None


@cache
def _reply_ask_re() -> re.Pattern[str]:
    """Words that ask for the answer at an address, then the rest of their sentence up to
    where an address begins."""
    asks = alternation([str(w) for w in words()["reply_address_asks"]])
    return rx.compile(rf"(?i:(?<![\w])(?:{asks}))(?![\w])[^.!?\n@]{{0,80}}?(?=[\w.+-]+@)")


def reply_address(text: str) -> Found | None:
    """The address the invitation asks the answer to be sent to ("Kindly send your
    confirmation for the interview to jaspreet@…", "kirim balasan ke dewi.hr@…"), in the same
    sentence as the words that ask; never a machine's."""
    if "@" not in text:
        return None
    for m in _reply_ask_re().finditer(text):
        address = EMAIL_RE.match(text, m.end())
        if address and not is_robot(address.group(0)):
            return Found(address.group(0), address.start(), address.end())
    return None


def _help_desk(address: str) -> bool:
    """Whether an address is a help desk's, for questions about a portal, not the interview."""
    return address.rsplit("@", 1)[0].lower() in words()["help_desk_addresses"]


def is_robot(address: str) -> bool:
    """Whether an address is a machine's that no person reads ("noreply@", "notifications@")."""
    local = address.rsplit("@", 1)[0].lower()
    return any(w in local for w in words()["robot_addresses"])


#: a WhatsApp chat link's number ("wa.me/6281377889900", "api.whatsapp.com/send?phone=62…")
_CHAT_LINK = rx.compile(r"(?i:\bwa\.me/|\bapi\.whatsapp\.com/send/?\?phone=)(\+?\d{8,15})\b")
_MEETING_NUMBERS = rx.compile(
    r"(?i)(?:meeting id|id rapat|passcode|password|kode akses)\s*:?\s*[\d ]+"
)
_DIGITS_DOTS = rx.compile(r"[\d.]+")
_CLOCK = rx.compile(r"(?<![\d.])[0-2]?\d[.:][0-5]\d(?![\d.])")
_DATE_LIKE = rx.compile(
    r"(?:19|20)\d\d[-/.][01]?\d[-/.][0-3]?\d(?!\d)|[0-3]?\d[-/.][01]?\d[-/.](?:19|20)\d\d"
)
_NUMBER_LABEL = rx.compile(r"(?:no|nomor|ref|id)\W*$")


#: a local number of seven or eight digits with no area code ("555-1234", "7654 3210"):
#: a number only right after a word that asks to be called ("please call us at 555-1234")
_LOCAL_NUMBER = rx.compile(r"(?<![\w+.,/-])(\d{3,4}[-. ]\d{4})(?![\w/-]|[.,]\d)")
_CALL_CUE = rx.compile(
    r"(?i)\b(?:call|phone|ring|telephone|text|hubungi|telepon|telp|tel|kontak)\b[^.\n\d]{0,16}$"
)


def _local_phone(text: str) -> Found | None:
    """A seven- or eight-digit local number asked to be called ("call us at 555-1234",
    "hubungi kami di 555-1234"); a bare short number elsewhere is no phone."""
    for m in _LOCAL_NUMBER.finditer(text):
        context = text[max(0, m.start() - 40) : m.start()]
        if any(w in context.lower()[-24:] for w in words()["candidate_phone"]):
            continue  # "we will call you at …": the candidate's own number
        if _CALL_CUE.search(context):
            return Found(m.group(1), m.start(1), m.end(1))
    return None


def phone(text: str) -> Found | None:
    """A phone number near a contact word, or in the signature; a short local number only
    right after a word that asks to be called."""
    if not _DIGITS9.search(text):
        return _local_phone(text)
    chat = _CHAT_LINK.search(text) if "wa.me" in text or "whatsapp" in text else None
    if chat:  # "wa.me/6281377889900": a chat link is a number to write to
        return Found(chat.group(1), chat.start(1), chat.end(1))
    text = URL_RE.sub(lambda m: " " * len(m.group(0)), text) if "/" in text else text
    text = _MEETING_NUMBERS.sub(lambda m: " " * len(m.group(0)), text)
    for m in _PHONE_RE.finditer(text):
        raw = m.group(1).strip()
        digits = sum(c.isdigit() for c in raw)
        if not 9 <= digits <= 15:
            continue
        if (
            (_DIGITS_DOTS.fullmatch(raw) and raw.count(".") >= 2)
            or _DATE_LIKE.match(raw)
            or _CLOCK.search(raw)
        ):
            continue  # a date (03.03.2026, 2026-12-10) or a year and a time ("2027 08.00")
        context = text[max(0, m.start() - 40) : m.start()].lower()
        if _NUMBER_LABEL.search(context) and "telp" not in context:
            continue
        if any(w in context for w in _dial_in()):
            continue  # a meeting's dial-in number, not the person's phone
        if any(w in context[-24:] for w in words()["candidate_phone"]):
            continue  # "we will call you at …": the candidate's own number
        start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
        if raw.count("(") != raw.count(")"):
            stripped = raw.strip("()").strip()
            start += raw.find(stripped)
            raw = stripped
        return Found(raw, start, start + len(raw))
    return _local_phone(text)


@dataclass(frozen=True)
class Mention:
    """A person named in the message: `found` holds the name without its title and the span of
    the whole mention; `honorific` is the title written with it, in its full form."""

    found: Found
    honorific: str | None = None
    #: how it was found: "sender", "signer", "signed", "intro", "asked", "with", "label",
    #: "owner", "closing", "titled"
    way: str = ""


@cache
def _honorifics() -> tuple[dict[str, str], re.Pattern[str]]:
    """Written title (lower case) → its full form, and the pattern of a title before a name."""
    table = {str(w).lower(): str(full) for full, ws in words()["honorifics"].items() for w in ws}
    pattern = rx.compile(
        rf"(?i:(?<![\w])({alternation(sorted(table))})(?![\w.])\.?)[ \t]+(?=[A-Z])"
    )
    return table, pattern


def split_title(found: Found, way: str = "") -> Mention:
    """ "Ibu Dewi Lestari (Store Manager)" → Dewi Lestari, "Ibu": the title before a name, and
    a role after it (in brackets or after a comma) left out of the name."""
    table, pattern = _honorifics()
    value = found.value
    honorific = None
    m = pattern.match(value)
    if m:
        honorific = table[m.group(1).lower()]
        value = value[m.end() :]
    value = _degrees().sub("", value)  # "Drs. H. Bambang": the name is Bambang's
    name = re.split(r"\s*[(,|/]|\s+[-–—]\s", value, maxsplit=1)[0].strip(" .\"'")
    return Mention(found.with_value(name or value), honorific, way)


@cache
def _degrees() -> re.Pattern[str]:
    """Academic and religious titles written before a name, each with its full stop."""
    return rx.compile(rf"^(?:(?i:{alternation(words()['degrees_before'])})\.[ \t]*)+(?=[A-Z])")


def _signed_mark(line: str) -> bool:
    """Whether a signature's line only marks where it is signed ("ttd.", "(signed)")."""
    return line.strip().lower() in words()["signed_marks"]


def _person_name(value: str | None) -> str | None:
    if not value:
        return None
    name = re.split(r"\s+[-–|(]\s*|,", value)[0].strip(" \"'")
    return name or None


def is_team(name: str) -> bool:
    """Whether a name is a department or team rather than a person ("HRD PT …", "Tim Rekrutmen")."""
    return bool(phrase_re("not_names").search(name)) or bool(company_form_re().search(name))


def _ui_words(name: str) -> bool:
    """Whether a "name" is a button or link's text ("View Application", "Click Here")."""
    ui = words()["not_person_words"]
    return any(w.lower().strip("[]") in ui for w in name.split())


def _a_role(name: str) -> bool:
    """Whether a labelled contact is a role, not a person ("Engineering Manager QA"): its
    first part, before a comma or a bracket, holds a job title's word."""
    first = re.split(r"[,(]", name, maxsplit=1)[0]
    return bool(phrase_re("title_words").search(first))


#: the ways a person is mentioned, most telling first; "titled" ("… dengan Ibu Ratna") only
#: gives a title to a person another way names
WAYS = (
    *("sender", "signer", "signed", "intro", "asked", "with", "label", "owner", "closing"),
    "titled",
)
#: the ways that give a title ("hubungi Bpk. Andri", "Pewawancara : Ibu Dewi")
_TITLED = ("asked", "with", "label", "owner", "titled")


def mentions(text: str, sender_name: str | None, way: str) -> Iterator[Mention]:
    """The mentions of a person who may be the contact, found one way: the sender, the signer,
    a chat's dash signature, a self-introduction, a person to get in touch with, the person
    the interview is with, a labelled contact, a name alone on the last line."""
    if way == "sender":
        sender = _person_name(sender_name)
        if sender:
            at = (sender_name or "").find(sender)
            yield split_title(Found(sender, at, at + len(sender), "from"), way)
    elif way == "signer":
        signer = _signer(text)
        if signer:
            yield split_title(signer, way)
    elif way == "signed":
        tail = dash_signature(text)
        if tail:
            yield split_title(Found(tail["name"], tail.start("name"), tail.end("name")), way)
    elif way == "intro":
        yield from _self_intro(text)
    elif way == "asked":
        yield from _asked_to_contact(text)
    elif way == "with":
        yield from _meeting_with(text)
    elif way == "label":
        for found in labelled(text, "contact"):
            # "Ibu Rina (0812-3456-7890)": the name only; the number is the phone
            value = clean(_PHONE_RE.sub("", EMAIL_RE.sub("", found.value)).replace("()", ""))
            if value and not re.search(r"\d{3}", value) and not _a_role(value):
                yield split_title(found.with_value(value), way)
    elif way == "owner":
        yield from _number_owner(text)
    elif way == "closing":
        closing = _closing_name(text)
        if closing and not _ui_words(closing.value):
            yield split_title(closing, way)
    elif way == "titled":
        yield from _titled(text)


def _the_company(name: str, company: str | None) -> bool:
    """Whether a name is a company's: a "PT …", an organisation's, or the company read."""
    return bool(
        company_form_re().match(name)
        or org_re().fullmatch(name)
        or (company is not None and name.lower() == company.lower())
    )


def _a_person(name: str, company: str | None) -> bool:
    """Whether a name is a person's: not a team's, an organisation's or the company's."""
    return (
        not is_team(name)
        and not org_re().fullmatch(name)
        and not phrase_re("institution_words").search(name)
        and not (company is not None and name.lower() in company.lower())
    )


def _same_person(a: str, b: str) -> bool:
    """Whether two names name one person: equal, or one the other's first words ("Hendra",
    "Hendra Gunawan"; "Ratna", "Ratna Kusumawati")."""
    x, y = a.lower().split(), b.lower().split()
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return bool(short) and long[: len(short)] == short


def contact(
    texts: list[str],
    shifts: list[int],
    sender_name: str | None,
    candidate: set[str],
    company: str | None = None,
    never: Callable[[int, int], bool] = lambda _i, _at: False,
    left_as_slot: bool = False,
) -> Mention | None:
    """The person to answer, from every mention in `texts` (the message's own text first,
    each starting at its shift in the whole; `never(i, at)` rules out a mention at `at` in
    text `i`): the first one that names a person (not a team,
    not the candidate the greeting names), with the title and the full name the others give
    the same person. A team that signs ("Salam, Tim HRD") is whom to answer only when no
    person is named and the message does not leave its interviewer as a template slot
    (`left_as_slot`: "Pewawancara: {{ nama }}" … "Salam, Tim HRD" names nobody yet)."""
    people: list[Mention] = []  # who may be the contact, in the order found
    person: Mention | None = None  # the first of them who is a person, not a team
    for i, (text, shift) in enumerate(zip(texts, shifts, strict=True)):
        # once a person is named, only the ways that give a title are still worth a look
        for way in WAYS:
            if person is not None and way not in _TITLED:
                continue
            for m in mentions(text, sender_name if i == 0 else None, way):
                if not m.found.value or (m.found.source == "text" and never(i, m.found.start)):
                    continue  # a letterhead's line: the company's, not a person's
                moved = m.found.shifted(shift) if m.found.source == "text" else m.found
                m = Mention(moved, m.honorific, m.way)
                name = m.found.value
                if _ui_words(name) or is_slot(name) or set(name.lower().split()) & candidate:
                    continue
                people.append(m)
                if person is None and way != "titled" and _a_person(m.found.value, company):
                    person = m
        if person is not None:
            break  # the older messages of a thread are not read for a contact
    if person is None:
        if left_as_slot:
            return None  # the person to answer is a slot the template never filled
        # no person named: the sender or the signer, a team ("Tim HRD"), is who to answer
        # never the company itself ("Hormat kami, PT Tech Jaya"): that is who, not whom
        return next(
            (
                m
                for m in people
                if m.way in ("sender", "signer") and not _the_company(m.found.value, company)
            ),
            None,
        )
    people = [person] + [m for m in people if m is not person and _a_person(m.found.value, company)]
    chosen = people[0]
    found, honorific = chosen.found, chosen.honorific
    for other in people[1:]:
        if not _same_person(found.value, other.found.value):
            continue
        honorific = honorific or other.honorific
        if len(other.found.value.split()) > len(found.value.split()):
            found = other.found  # the full name, and where it is written
    return Mention(found, honorific, chosen.way)


@cache
def _intro_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    intro = alternation(words()["self_intro"])
    after = alternation(words()["self_intro_from"])
    return (
        rx.compile(rf"\s(?:{after})\s", re.IGNORECASE),
        rx.compile(rf"(?i:(?<![\w])(?:{intro}))\s+({_NAME_WORDS})\s*,?\s*$"),
    )


@cache
def _named_intro_res() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """ "My name is X" (a name follows whatever comes after it), "I am X, <a role>" (a name
    only when a role follows it), and the words both start at."""
    w = words()
    named = [str(x) for x in w["self_intro_named"]]
    soft = [str(x) for x in w["self_intro"]]
    return (
        rx.compile(rf"(?i:(?<![\w])(?:{alternation(named)}))[ \t]*,?[ \t]+({_NAME_WORDS})"),
        rx.compile(
            rf"(?i:(?<![\w])(?:{alternation(soft)}))[ \t]+({_NAME_WORDS})[ \t]*,[ \t]*"
            r"([^,.;\n]{2,60})"
        ),
        tuple(dict.fromkeys([*named, *soft])),
    )


def _self_intro(text: str) -> Iterator[Mention]:
    """ "Perkenalkan, saya Sofie dari Tim HRD" → "Sofie"; "My name is Jaspreet Kaur and …",
    "I am Jaspreet Kaur, Talent Acquisition lead at …" → "Jaspreet Kaur"."""
    after, intro = _intro_res()
    # look back only from each "dari"/"from": scanning the whole text for the intro is slow
    for m in after.finditer(text):
        head = intro.search(text, max(0, m.start() - 40), m.start() + 1)
        if head:
            yield Mention(Found(head.group(1), head.start(1), head.end(1)), None, "intro")
    named, soft, keys = _named_intro_res()
    low = lowered(text)
    for m in near(named, text, low, keys, 0, 60):
        yield Mention(Found(m.group(1), m.start(1), m.end(1)), None, "intro")
    for m in near(soft, text, low, keys, 0, 100):
        if _a_role(m.group(2)) or is_team(m.group(2)):  # "I am Jaspreet Kaur, Talent Lead"
            yield Mention(Found(m.group(1), m.start(1), m.end(1)), None, "intro")


@cache
def _contact_re() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of a person to get in touch with, and the verbs it starts at: a title and a
    name ("hubungi Bpk. Andri"), or a full name alone ("ask for Emily Park")."""
    w = words()
    verbs = tuple(map(str, w["contact_verbs"]))
    titles = alternation(sorted(_honorifics()[0]))
    pattern = rx.compile(
        rf"(?i:(?<![\w])(?:{alternation(verbs)})[ \t]+)(?:((?i:{titles})(?![\w.])\.?)[ \t]+"
        rf"({_NAME_WORDS})|([A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?))"
    )
    return pattern, verbs


@cache
def _bracket_ask_re() -> re.Pattern[str]:
    """ "(ask for Mel)", "(tanya ke Bu Rina)": a person to ask for, in brackets of their own;
    a first name alone is enough there."""
    asks = alternation([str(w) for w in words()["ask_for"]])
    titles = alternation(sorted(_honorifics()[0]))
    return rx.compile(
        rf"\([ \t]*(?i:{asks})[ \t]+(?:((?i:{titles}))(?![\w.])\.?[ \t]+)?"
        rf"({_NAME_WORDS})(?=[ \t]*(?:[,.][^()\n]{{0,40}}|[ \t][a-z][^()\n]{{0,40}})?\))"
    )


def _asked_in_brackets(text: str) -> Iterator[Mention]:
    if "(" not in text:
        return
    table = _honorifics()[0]
    for m in _bracket_ask_re().finditer(text):
        title = table.get(m.group(1).lower()) if m.group(1) else None
        yield Mention(Found(m.group(2), m.start(2), m.end(2)), title, "asked")


def _asked_to_contact(text: str) -> Iterator[Mention]:
    """ "Apabila berhalangan, hubungi Bpk. Andri di …" → Andri, "Bapak": the person named after
    a word asking to get in touch; "(ask for Mel)" → Mel."""
    yield from _asked_in_brackets(text)
    pattern, verbs = _contact_re()
    table = _honorifics()[0]
    for m in near(pattern, text, lowered(text), verbs, 0, 60):
        if m.group(2):
            title = table.get(m.group(1).lower().rstrip(".")) or table.get(m.group(1).lower())
            yield Mention(Found(m.group(2), m.start(1), m.end(2)), title, "asked")
        else:
            yield Mention(Found(m.group(3), m.start(3), m.end(3)), None, "asked")


@cache
def _between_title_and_name() -> str:
    """The degrees a title may stand before the name with ("Ibu Hj. Siti Aminah", "Bapak Drs.
    H. Ahmad"): passed over, never part of the name."""
    return rf"(?:(?i:{alternation(words()['degrees_before'])})\.[ \t]*)*"


@cache
def _meeting_with_re() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """The person after "interview with", "dilakukan oleh" …, and the same after the person's
    role and a comma ("oleh Kepala Sekolah, Ibu …"); and the words both start at."""
    keys = tuple(map(str, words()["meeting_with"]))
    titles = alternation(sorted(_honorifics()[0]))
    person = (
        rf"(?:(?P<title>(?i:{titles})(?![\w.])\.?)[ \t]+{_between_title_and_name()})?"
        r"(?P<name>[A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"
    )
    key = rf"(?i:(?<![\w])(?:{alternation(keys)})[ \t]+)"
    role = r"(?P<role>(?:(?i:the)[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:of|[A-Z][a-z]+)){0,3})[ \t]*,[ \t]*"
    return rx.compile(key + person), rx.compile(key + role + person), keys


def _meeting_with(text: str) -> Iterator[Mention]:
    """ "Your Phone Screen with Alicia Moreno", "wawancara dengan Ibu Sari Dewi", "dilakukan
    oleh Kepala Sekolah, Ibu Hj. Siti Aminah": the person the interview is with (a company
    named so is left out by the caller), never a role ("with the Kepala Sekolah")."""
    plain, after_role, keys = _meeting_with_re()
    table = _honorifics()[0]
    low = lowered(text)
    found = chain(
        near(plain, text, low, keys, 0, 60),
        (m for m in near(after_role, text, low, keys, 0, 90) if _a_role(m["role"])),
    )
    for m in found:
        if _a_role(m["name"]):
            continue
        title = table.get(m["title"].lower()) if m["title"] else None
        yield Mention(Found(m["name"], m.start("name"), m.end("name")), title, "with")


@cache
def _owner_re() -> re.Pattern[str]:
    titles = alternation(sorted(_honorifics()[0]))
    return rx.compile(
        # bounded: a phone number is at most 20 characters (a run of 50,000 digits stays linear)
        rf"(?:\d[\d ().-]{{6,20}}\d|wa\.me/\+?\d{{8,15}})[ \t]*\([ \t]*((?i:{titles}))(?![\w.])\.?"
        r"[ \t]+"
        rf"({_NAME_WORDS})[ \t]*\)"
    )


def _number_owner(text: str) -> Iterator[Mention]:
    """ "Info: wa.me/6281377889900 (Pak Dodi)", "CP 0812-1111-2222 (Bu Rina)": the person a
    number is written for, in brackets after it, with a title."""
    if "(" not in text:
        return
    table = _honorifics()[0]
    for m in _owner_re().finditer(text):
        title = table.get(m.group(1).lower())
        yield Mention(Found(m.group(2), m.start(1), m.end(2)), title, "owner")


@cache
def _titled_re() -> re.Pattern[str]:
    titles = alternation(sorted(_honorifics()[0]))
    return rx.compile(
        rf"(?<![\w])((?i:{titles}))(?![\w.])\.?[ \t]+{_between_title_and_name()}({_NAME_WORDS})"
    )


def _titled(text: str) -> Iterator[Mention]:
    """Every name written with a title ("… dengan Ibu Ratna", "Mr. Dale Turner")."""
    table = _honorifics()[0]
    low, pattern = lowered(text), _titled_re()
    # tried only where a title's word begins (str.find per title, in C), not at every
    # character: the alternation of every title at each position cost more than the rest
    starts: set[int] = set()
    for key in table:
        at = low.find(key)
        while at >= 0:
            if at == 0 or not low[at - 1].isalnum():
                starts.add(at)
            at = low.find(key, at + 1)
    for at in sorted(starts):
        m = pattern.match(text, at)
        if m:
            title = table.get(m.group(1).lower())
            yield Mention(Found(m.group(2), m.start(1), m.end(2)), title, "titled")


def _closing_name(text: str) -> Found | None:
    """A signature with no sign-off above it, after a blank line at the end: a person's name
    alone on the last line ("…\n\nAble Smith"), or a name over the signer's role and their
    company ("Adam Smith / HR Executive / Johnny Wholesale"); or a name under a signed mark
    ("ttd." / "Ngadiman, M.Pd."), anywhere."""
    body = text.rstrip()
    tail = body[-400:]
    lines = tail.splitlines()
    stripped = [ln.strip() for ln in lines]
    blank = max((i for i, ln in enumerate(stripped) if not ln), default=-1)
    block = stripped[blank + 1 :]
    if blank >= 1 and 1 <= len(block) <= 3:
        first = block[0]
        if (
            re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}", first)
            and not phrase_re("signoffs").fullmatch(first)
            and all(_a_role(line) or is_team(line) for line in block[1:2])
        ):
            at = len(body) - len(tail) + sum(len(ln) + 1 for ln in lines[: blank + 1])
            at += lines[blank + 1].find(first)
            return Found(first, at, at + len(first))
    return _under_signed_mark(text)


#: a signer's name under a signed mark: one word will do there ("Ngadiman, M.Pd.")
_SIGNED_NAME = rx.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}")


def _under_signed_mark(text: str) -> Found | None:
    """The name on the line under a signed mark ("Kepala Bagian Kepegawaian / ttd / Ngadiman,
    M.Pd."): a letter's signer whom no sign-off introduces."""
    low = text.lower()
    if not any(mark in low for mark in words()["signed_marks"]):
        return None
    lines = text.split("\n")
    at = 0
    for i, line in enumerate(lines[:-1]):
        at += len(line) + 1
        if not _signed_mark(line):
            continue
        value = located(text, at, at + len(lines[i + 1]))
        if value is None or len(value.value) > 60 or re.search(r"\d|@|http", value.value):
            continue
        name = split_title(value).found.value
        if _SIGNED_NAME.fullmatch(name) and _names_a_person(name):
            return value
    return None


_SHORT_CLOSING = rx.compile(r"[A-Z][A-Za-z']*(?: [A-Za-z']+){0,3},")
_PERSON_LINE = rx.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
_BLANKED = rx.compile(r"\S[ \t]{3,}\S|^[ \t]{3,}\S|\S[ \t]{3,}$")


def _signer(text: str) -> Found | None:
    """The signer under the first sign-off: the first line of the signature that names a
    person ("PT BPR Artha Mulia / Ratna Kusumawati" → Ratna), else its first line (a team)."""
    signoff = signoff_re()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        bare = line.strip(" ,*_")
        inline = _signed_inline(line, starts[i])
        if inline is not None:
            return inline
        if len(bare) > 40:
            continue
        # "Hormat kami,", or any short line ending in a comma ("Speak then,", "Cheers mate,")
        # whose next line names a person
        loose = not signoff.fullmatch(bare)
        if loose and not _SHORT_CLOSING.fullmatch(line.strip()):
            continue
        if loose and (_a_role(bare) or is_team(bare)):
            # "Agus Salim / Kepala Personalia,": a role line ending in a comma under the
            # signer's name; when no name is above it, the name is below ("Kepala Sekolah,
            # / ttd. / Drs. Bambang Sutrisno")
            above = _name_above(text, lines, starts, i)
            if above is not None:
                return above
        first: Found | None = None
        for j in range(i + 1, min(len(lines), i + 6)):
            nxt = lines[j]
            if _BLANKED.search(nxt) or (nxt.strip() == "" and len(nxt) > 2):
                return first  # a blanked template slot: the signer is not known
            value = located(text, starts[j], starts[j] + len(nxt))
            if not value or value.value.startswith("_") or _signed_mark(value.value):
                continue
            if len(value.value) > 60 or re.search(r"\d|@|http", value.value):
                break
            if loose and not _PERSON_LINE.fullmatch(split_title(value).found.value):
                break
            if first is None:
                first = value
            if _names_a_person(value.value):
                return value  # a person; a team's line above them, or a company's below, is not
        if first is not None:
            return first
    return None


def _signed_inline(line: str, at: int) -> Found | None:
    """The signer written on the sign-off's own line ("Regards, Jaspreet Kaur, Talent
    Acquisition", "Salam, Dewi Lestari"): a person's name after the sign-off and its comma,
    then nothing or the signer's role ("Thank you, Rahul Sharma, for applying" thanks, it does
    not sign)."""
    if "," not in line or len(line) > 90:
        return None
    head, _, rest = line.partition(",")
    if not signoff_re().fullmatch(head.strip(" *_")):
        return None
    name, _, role = rest.strip().partition(",")
    name = name.strip(" .*_")
    if not _PERSON_LINE.fullmatch(split_title(Found(name, 0, len(name))).found.value):
        return None
    role = role.strip(" .*_")
    if role and not (_a_role(role) or is_team(role)):
        return None
    if not _names_a_person(name):
        return None
    start = at + line.index(name, len(head))
    return Found(name, start, start + len(name))


def _names_a_person(line: str) -> bool:
    """Whether a signature's line names a person: the line, or its part before a role after a
    comma, a bar or a dash ("Jaspreet Kaur, Talent Acquisition", "Rudi Hartono | HR Manager"),
    is no team's, role's, institution's or organisation's name."""
    name = split_title(Found(line, 0, len(line))).found.value
    whole = line.strip(" .,") == name
    if not whole and not _PERSON_LINE.fullmatch(name):
        return False  # "HR Team, PT Maju": the part before the comma is no person's name
    return (
        not is_team(name)
        and not _a_role(name)
        and not phrase_re("institution_words").search(name)
        and not org_re().fullmatch(name)
        and (whole or not org_re().fullmatch(line.strip()))
    )


def _name_above(text: str, lines: list[str], starts: list[int], i: int) -> Found | None:
    """A person's name alone on the line just above line `i` (a blank line between them
    allowed), with no sentence's end or label in it."""
    for j in range(i - 1, max(-1, i - 3), -1):
        line = lines[j]
        if not line.strip():
            continue
        value = located(text, starts[j], starts[j] + len(line))
        if value is None or len(value.value) > 60:
            return None
        name = split_title(value).found.value
        if _PERSON_LINE.fullmatch(name) and not is_team(name) and not _a_role(name):
            return value
        return None
    return None


_ENCODED_WORD = rx.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
_ADDRESS = rx.compile(r"[^\s@<>()\[\]\\,;:\"]+@[^\s@<>()\[\]\\,;:\"]+\.[^\s@<>()\[\]\\,;:\".]+")
#: an address header as most mail writes it, a name of plain words one space apart and the
#: address in angle brackets ("Sari Wulandari <sari@maju.example>"): its name and address are
#: those the parsers give (`_parsed`), told without their cost
_PLAIN_SENDER = rx.compile(
    r" *([A-Za-z0-9]+(?: [A-Za-z0-9]+)*) *"
    r"<([A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)> *"
)


def _parsed(raw: str) -> tuple[str, str | None] | None:
    """The first address of an address header (on one line) and its display name as the
    parsers read them, or None when the header cannot be parsed at all."""
    try:
        pairs = getaddresses([_ENCODED_WORD.sub('"x"', raw)])
    except RecursionError:  # thousands of nested comments
        return None
    address = pairs[0][1].strip() if pairs else ""
    if not _ADDRESS.fullmatch(address):
        # "Careers @ Nimbus <careers@nimbus.io>": an "@" in the name confuses the parser; the
        # address in the angle brackets is the one
        bracketed = re.findall(r"<([^<>\s]+@[^<>\s]+)>", raw)
        if bracketed and _ADDRESS.fullmatch(bracketed[-1]):
            address = bracketed[-1]
    name: str | None = None
    try:
        from email import policy

        found = policy.default.header_factory("from", raw).addresses
        name = found[0].display_name if found else None
    except (ValueError, IndexError, TypeError, AttributeError, RecursionError, MessageError):
        name = None  # a name that cannot be parsed is left out, never guessed
    return address, name


def address_header(value: object) -> tuple[str | None, str | None]:
    """The first (name, address) of an address header.

    The address is parsed with every encoded word blanked out, so an encoded display name
    that holds an address (or a CR LF and another header) can never become where the reply
    goes; the name is decoded separately, for showing only, without anything in brackets. A
    display name holding an "@" or a web address ("Careers @ Nimbus") is no person's name,
    and its address is still the address.
    """
    if value is None:
        return None, None
    raw = re.sub(r"[\r\n]+", " ", str(value))
    plain = _PLAIN_SENDER.fullmatch(raw)
    parsed = (plain.group(2), plain.group(1)) if plain else _parsed(raw)
    if parsed is None:
        return None, None
    address, name = parsed
    if name:
        from sopan.read.email_src import header_text

        name = header_text(re.sub(r"<[^>]*>", " ", name))
    if name and ("@" in name or URL_RE.search(name)):
        name = None  # an address as the display name is no name, and never the recipient
    if not name and "@" not in raw and not _ADDRESS.fullmatch(address) and raw.strip():
        name = raw.strip(" \"'") or None  # "From: Sari Wulandari": a name, no address
    return name or None, address if _ADDRESS.fullmatch(address) else None
