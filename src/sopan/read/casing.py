"""Capitals for a message written without any: the names in it, before it is read.

A chat typed in lower case ("halo kak, ini dari hrd pt sinar abadi, interview senin jam 10 di
jl. merdeka 5") names its company, its people and its street as any other message does, but
the reader tells a name by its capitals. Here the words that introduce a name ("pt", "dari",
"from", "bu", "this is", "jl.") give the words after them their capitals, up to punctuation, a
digit or a word no name holds (`read_words.yaml`, `lowercase`). The text keeps its length, so
every span read from it is a span of the message as written; a message with any capital
letter is read as it is.
"""

from __future__ import annotations

import re
from functools import cache

from sopan._infra import rx
from sopan.language.zones import abbreviations
from sopan.read.words import alternation, calendar_words, words

#: a word that may be part of a name ("sinar", "o'neil", "maju-jaya", "&")
_WORD = rx.compile(r"[^\W\d_][\w'&-]*")
_GAP = rx.compile(r"[ \t]+")
#: the first letter of a line, and of a sentence after ". ", "! " or "? "
_SENTENCE_START = rx.compile(r"(?:^|(?<=[.!?])[ \t]+)[ \t*_>\-•]*([^\W\d_])", re.MULTILINE)
#: a zone's abbreviation right after a time ("10.00 wita", "3pm sgt", "10:30 est")
_ZONE_AFTER_TIME = rx.compile(r"\d(?:[ \t]*[ap]\.?m\.?)?[ \t]*\(?([a-z]{2,5})(?![\w])")
#: how many words a name may run to after the word that introduces it
_MOST = {"company": 4, "name": 4, "person": 2, "street": 4, "title": 4}


#: short words of a name that are no acronym, as a sentence writes them ("PT SUMBER DAN MAKMUR")
_JOINING = {
    **{"DAN": "dan", "AND": "and", "OF": "of", "TBK": "Tbk", "TBK.": "Tbk."},
    # the short legal forms after the name ("… SERVICES PVT LTD" → "… Services Pvt Ltd")
    **{"PVT": "Pvt", "PVT.": "Pvt.", "LTD": "Ltd", "LTD.": "Ltd.", "INC": "Inc", "INC.": "Inc."},
}


def as_name(company: str) -> str:
    """A company's name as a sentence writes it, not as a letterhead or a heading in capitals
    shouts it: "PT. INDONESIA TRANS NETWORK" → "PT Indonesia Trans Network", "PT KIRANA FOOD
    INTERNATIONAL" → "PT Kirana Food International"; the company's form stays as written ("PT",
    "CV", "Tbk") and a short word stays an acronym ("BCA"). A name with any small letter is
    left as it is."""
    letters = [c for c in company if c.isalpha()]
    if len(letters) < 8 or any(c.islower() for c in letters):
        return company
    words = [w.rstrip(".") if w.upper() in ("PT.", "CV.") else w for w in company.split()]
    return " ".join(
        _JOINING[w] if w in _JOINING and i else w if len(w) <= 3 else w.capitalize()
        for i, w in enumerate(words)
    )


def written_without_capitals(text: str) -> bool:
    """Whether a text holds letters and not one capital among them."""
    return not any(c.isupper() for c in text) and any(c.isalpha() for c in text)


@cache
def _lists() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    w = words()["lowercase"]
    triggers = {
        "company": w["company_forms"],
        "name": w["names_after"],
        "person": w["person_after"],
        "street": w["street_after"],
        "title": w["title_lead"],
    }
    groups = "|".join(
        rf"(?P<{kind}>{alternation([str(x) for x in items])})" for kind, items in triggers.items()
    )
    trigger = rx.compile(rf"(?<![\w'.-])(?:{groups})(?![\w'-])")
    # a word that introduces a name ends the one before it ("sarah from brightpath")
    introducing = {str(x) for key in ("names_after", "person_after") for x in w[key]}
    stop = frozenset(str(x) for x in w["not_name"]) | calendar_words()
    stop |= frozenset(x for x in introducing if " " not in x)
    stop |= frozenset(str(x) for x in words()["relative_days"])
    title = rx.compile(
        rf"(?<![\w'-])(?:{alternation([str(x) for x in w['title_before']])})\s+"
        rf"((?:[^\W\d_][\w'&/+-]*\s+){{1,4}}?)(?:{alternation([str(x) for x in w['title_after']])})"
        r"(?![\w'-])"
    )
    return trigger, stop, title


@cache
def _named_days() -> frozenset[str]:
    """The names of months and weekdays written in full (not "may", a verb too, nor "minggu",
    a week too, nor an abbreviation such as "sat" or "sun")."""
    return frozenset(
        w for w in calendar_words() if (len(w) >= 4 or w == "mei") and w not in ("minggu",)
    )


def _upper_at(chars: list[str], at: int, whole: int = 1) -> None:
    """Capitals for `whole` characters from `at` (a character whose capital is longer, as
    "ß" is, keeps its case: the text keeps its length)."""
    for i in range(at, at + whole):
        up = chars[i].upper()
        if len(up) == 1:
            chars[i] = up


def _name_after(text: str, chars: list[str], at: int, most: int, stop: frozenset[str]) -> None:
    """Title-case up to `most` words from `at`: spaces between them only, none a stop word."""
    taken = 0
    pos = at
    while taken < most:
        gap = _GAP.match(text, pos)
        if gap is None:
            return
        word = _WORD.match(text, gap.end())
        if word is None or word.group(0) in stop:
            return
        if word.end() < len(text) and text[word.end()].isdigit():
            return  # "jam10", "a1": no name
        _upper_at(chars, word.start())
        taken += 1
        pos = word.end()


def _signature(text: str, chars: list[str], stop: frozenset[str]) -> None:
    """The short lines under a sign-off ("cheers," then "jess", "northwind traders"): a name
    and an organisation, each word title-cased (a word no name holds left as it is)."""
    from sopan.read.words import signoff_re

    lines = text.split("\n")
    at, ends = 0, []
    for line in lines:
        ends.append(at)
        at += len(line) + 1
    for i, line in enumerate(lines):
        if not signoff_re().fullmatch(line.strip(" \t,.!")):
            continue
        for j in range(i + 1, min(len(lines), i + 4)):
            below = lines[j]
            if not below.strip():
                continue
            if len(below.split()) > 4 or re.search(r"\d|@|http|[.!?:]\s*$", below):
                break
            for w in _WORD.finditer(below):
                if w.group(0) not in stop:
                    _upper_at(chars, ends[j] + w.start())
        return


def restore(text: str) -> str:
    """`text` with its names capitalised when it is written without any capital; else as it
    is. The result has the length of `text`, character for character."""
    if not written_without_capitals(text):
        return text
    trigger, stop, title = _lists()
    chars = list(text)
    for m in _SENTENCE_START.finditer(text):
        _upper_at(chars, m.start(1))  # a sentence's first word, as any other message writes it
    for m in _WORD.finditer(text):
        if m.group(0) in _named_days():
            _upper_at(chars, m.start())  # "Senin", "November": written with a capital
    for m in trigger.finditer(text):
        kind = m.lastgroup or "name"
        if kind == "company":
            form = m.group(0).rstrip(".")
            _upper_at(chars, m.start(), len(form))
        elif kind == "street":
            _upper_at(chars, m.start())  # "Jl. Merdeka"
        _name_after(text, chars, m.end(), _MOST[kind], stop)
    for m in _ZONE_AFTER_TIME.finditer(text):
        if m.group(1).upper() in abbreviations():
            _upper_at(chars, m.start(1), len(m.group(1)))  # "3pm sgt": Singapore's time
    _signature(text, chars, stop)
    for m in title.finditer(text):
        words_at = [w for w in _WORD.finditer(text, m.start(1), m.end(1))]
        if words_at and not any(w.group(0) in stop for w in words_at):
            for w in words_at:
                _upper_at(chars, w.start())
    return "".join(chars)
