"""Who to answer: the contact's name, email and phone, read from the message's text.

Like `fields`, each function reads a text whose placeholders are already blanked.
"""

from __future__ import annotations

import re
from email.errors import MessageError
from email.utils import getaddresses
from functools import lru_cache

from sopan._infra import rx
from sopan.read.fields import _COMPANY_RE, _URL_RE, _clean, _near, dash_signature, labelled
from sopan.read.words import alternation, phrase_re, words

_EMAIL_RE = rx.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = rx.compile(r"(?<![\w+])(\+?\(?\d[\d\s().-]{7,18}\d)(?![\w])")
_DIGITS9 = rx.compile(r"\d[\d\s().-]{7,}\d")


@lru_cache(maxsize=1)
def _dial_in() -> tuple[str, ...]:
    return tuple(str(w) for w in words()["dial_in"])


def emails(text: str) -> list[str]:
    """Email addresses in order of appearance."""
    return _EMAIL_RE.findall(text) if "@" in text else []


_MEETING_NUMBERS = rx.compile(
    r"(?i)(?:meeting id|id rapat|passcode|password|kode akses)\s*:?\s*[\d ]+"
)
_DIGITS_DOTS = rx.compile(r"[\d.]+")
_CLOCK = rx.compile(r"(?<![\d.])[0-2]?\d[.:][0-5]\d(?![\d.])")
_DATE_LIKE = rx.compile(
    r"(?:19|20)\d\d[-/.][01]?\d[-/.][0-3]?\d(?!\d)|[0-3]?\d[-/.][01]?\d[-/.](?:19|20)\d\d"
)
_NUMBER_LABEL = rx.compile(r"(?:no|nomor|ref|id)\W*$")


def phone(text: str) -> str | None:
    """A phone number near a contact word, or in the signature."""
    if not _DIGITS9.search(text):
        return None
    text = _URL_RE.sub(lambda m: " " * len(m.group(0)), text) if "/" in text else text
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
        if raw.count("(") != raw.count(")"):
            raw = raw.strip("()").strip()
        return raw
    return None


def contact_name(text: str, sender_name: str | None) -> str | None:
    """The person to answer: the sender when a person, else the signer, else a labelled contact."""
    person = _person(sender_name)
    if person and not is_team(person):
        return person
    signer = _signer(text)
    if signer and not is_team(signer):
        return signer
    tail = dash_signature(text)
    if tail and not is_team(tail["name"]):
        return tail["name"]  # a chat signed "… — Amanda Lee, Talent Partner, Xendit"
    intro = _self_intro(text)
    if intro:
        return intro
    asked = _asked_to_contact(text)
    if asked:
        return asked
    for value in labelled(text, "contact"):
        # "Ibu Rina (0812-3456-7890)": the name only; the number is the phone
        name = _clean(_PHONE_RE.sub("", _EMAIL_RE.sub("", value)).replace("()", ""))
        if name and not re.search(r"\d{3}", name) and not _a_role(name):
            return name
    closing = _closing_name(text)
    return person or signer or (closing if closing and not _ui_words(closing) else None)


@lru_cache(maxsize=1)
def _intro_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    intro = alternation(words()["self_intro"])
    after = alternation(words()["self_intro_from"])
    return (
        rx.compile(rf"\s(?:{after})\s", re.IGNORECASE),
        rx.compile(rf"(?i:(?<![\w])(?:{intro}))\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})\s*,?\s*$"),
    )


@lru_cache(maxsize=1)
def _contact_re() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of a person to get in touch with, and the verbs it starts at."""
    w = words()
    verbs = tuple(map(str, w["contact_verbs"]))
    titles = alternation(w["contact_honorifics"])
    pattern = rx.compile(
        rf"(?i:(?<![\w])(?:{alternation(verbs)})[ \t]+((?:{titles})(?![\w.])\.?))[ \t]+"
        r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    )
    return pattern, verbs


def _asked_to_contact(text: str) -> str | None:
    """ "Apabila berhalangan, hubungi Bpk. Andri di …" → "Bpk. Andri": the person named with
    an honorific after a word asking to get in touch."""
    pattern, verbs = _contact_re()
    m = next(_near(pattern, text, text.lower(), verbs, 0, 60), None)
    return f"{m.group(1)} {m.group(2)}" if m else None


def _a_role(name: str) -> bool:
    """Whether a labelled contact is a role, not a person ("Engineering Manager QA"): its
    first part, before a comma or a bracket, holds a job title's word."""
    first = re.split(r"[,(]", name, maxsplit=1)[0]
    return bool(phrase_re("title_words").search(first))


def _self_intro(text: str) -> str | None:
    """ "Perkenalkan, saya Sofie dari Tim HRD" → "Sofie"."""
    after, intro = _intro_res()
    # look back only from each "dari"/"from": scanning the whole text for the intro is slow
    for m in after.finditer(text):
        head = intro.search(text, max(0, m.start() - 40), m.start() + 1)
        if head:
            return head.group(1)
    return None


def _closing_name(text: str) -> str | None:
    """A person's name alone on the last line, after a blank line ("…\n\nAble Smith")."""
    lines = [ln.strip() for ln in text.rstrip().splitlines()]
    if len(lines) < 3 or lines[-2]:
        return None
    last = lines[-1]
    if re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}", last) and not phrase_re(
        "signoffs"
    ).fullmatch(last):
        return last
    return None


def _ui_words(name: str) -> bool:
    """Whether a "name" is a button or link's text ("View Application", "Click Here")."""
    ui = words()["not_person_words"]
    return any(w.lower().strip("[]") in ui for w in name.split())


def is_team(name: str) -> bool:
    """Whether a name is a department or team rather than a person ("HRD PT …", "Tim Rekrutmen")."""
    return bool(phrase_re("not_names").search(name)) or bool(_COMPANY_RE.search(name))


def _person(name: str | None) -> str | None:
    if not name:
        return None
    name = re.split(r"\s+[-–|(]\s*|,", name)[0].strip(" \"'")
    return name or None


_BLANKED = rx.compile(r"\S\s{3,}\S|^\s{3,}\S|\S\s{3,}$|^\s{3,}$")


def _signer(text: str) -> str | None:
    signoff = phrase_re("signoffs")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip(" ,*_")
        if not signoff.fullmatch(stripped):
            continue
        for nxt in lines[i + 1 : i + 4]:
            if _BLANKED.search(nxt.rstrip("\n")):
                return None  # a blanked template placeholder: the signer is not known
            value = _clean(nxt)
            if not value or value.startswith("_"):
                continue
            if len(value) > 60 or re.search(r"\d|@|http", value):
                break
            return value
    return None


_ENCODED_WORD = rx.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
_ADDRESS = rx.compile(r"[^\s@<>()\[\]\\,;:\"]+@[^\s@<>()\[\]\\,;:\"]+\.[^\s@<>()\[\]\\,;:\".]+")


def address_header(value: object) -> tuple[str | None, str | None]:
    """The first (name, address) of an address header.

    The address is parsed with every encoded word blanked out, so an encoded display name
    that holds an address (or a CR LF and another header) can never become where the reply
    goes; the name is decoded separately, for showing only, without anything in brackets.
    """
    if value is None:
        return None, None
    raw = re.sub(r"[\r\n]+", " ", str(value))
    try:
        pairs = getaddresses([_ENCODED_WORD.sub('"x"', raw)])
    except RecursionError:  # thousands of nested comments
        return None, None
    address = pairs[0][1].strip() if pairs else ""
    name: str | None = None
    try:
        from email import policy

        found = policy.default.header_factory("from", raw).addresses
        name = found[0].display_name if found else None
    except (ValueError, IndexError, TypeError, AttributeError, RecursionError, MessageError):
        name = None  # a name that cannot be parsed is left out, never guessed
    if name:
        from sopan.read.email_src import header_text

        name = header_text(re.sub(r"<[^>]*>", " ", name))
        if (
            name and "@" in name
        ):  # an address as the display name is no name, and never the recipient
            name = None
    if not name and "@" not in raw and not _ADDRESS.fullmatch(address) and raw.strip():
        name = raw.strip(" \"'") or None  # "From: Sari Wulandari": a name, no address
    return name or None, address if _ADDRESS.fullmatch(address) else None
