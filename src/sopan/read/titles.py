"""A job title read whole, as the invitation writes it (R1: the reply names the role the
recruiter named, never a piece of it).

A title is capitalised words, joined by a space or by a word that joins two parts of one name
("Staf Pengadaan Barang dan Jasa", "Head of Finance and Operations"); where a word that names
it as a role closes it, by a comma too ("the Product Manager, Southeast Asia Expansion role");
and a bracket after it belongs to it ("Project Engineer (Solar PV)") unless the bracket says how,
where or under what number it is held ("(Zoom)", "(Remote, APAC)", "(Ref. 118)"). A title that
runs on past where a pattern stopped reading it is no title: a piece of one is worse than none.
"""

from __future__ import annotations

import re
from functools import cache

from sopan._infra import rx
from sopan.read.found import Found, Origin, located
from sopan.read.words import alternation, calendar_words, words

#: a title's first word, and each word after it
FIRST = r"[A-Z][\w&/+-]*"
NEXT = r"[A-Z0-9][\w&/+-]*"
#: a bracket written right after a title
BRACKET = r"[ \t]+\([^()\n]{1,40}\)"


@cache
def _joiners() -> str:
    return alternation([str(w) for w in words()["titles"]["joiners"]])


def title(*, comma: bool = False, more: int = 7) -> str:
    """The pattern of a capitalised title, its bracket included: `comma` lets a comma join two
    of its parts (only where a word after the title closes it); `more` words after the first."""
    sep = rf"[ \t]+(?:(?:{_joiners()})[ \t]+)?"
    if comma:
        sep = rf"(?:,[ \t]+|{sep})"
    return rf"{FIRST}(?:{sep}{NEXT}){{0,{more}}}(?:{BRACKET})?"


@cache
def _not_after_joiner() -> frozenset[str]:
    """Words that begin the sentence's next part after "dan"/"and"/a comma, not the title's
    ("posisi Data Analyst dan Anda …", "… Admin, Senin 30 November"): a person, a day, the
    interview or a test."""
    w = words()
    items = [*w["titles"]["not_after_joiner"], *w["invitation_words"]["interview"]]
    items += [x for xs in w["honorifics"].values() for x in xs]
    return frozenset(str(i).lower() for i in items) | calendar_words()


@cache
def _part_after() -> re.Pattern[str]:
    """A joiner or a comma and the word after it, inside a title as read."""
    return rx.compile(rf"(?:,|[ \t]+(?:{_joiners()}))[ \t]+([\w&/+-]+)")


@cache
def _bracket_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in words()["titles"]["not_in_bracket"])


_BRACKET_END = rx.compile(r"[ \t]*\(([^()\n]*)\)$")
_WORD = rx.compile(r"[^\W\d_][\w-]*")


def _a_title_bracket(inside: str) -> bool:
    """Whether a bracket after a title is the title's ("Solar PV", "Civil", "Shift Malam"), not
    how, where or under what number the job is held or the interview is ("Zoom", "Remote",
    "Ref. 118", "Batch 2"), nor a note in lower case ("jam diundur")."""
    if re.search(r"\d", inside):
        return False
    first = _WORD.search(inside)
    return (
        first is not None
        and first.group(0)[0].isupper()
        and first.group(0).lower() not in _bracket_words()
    )


def whole(text: str, start: int, end: int, source: Origin = "text") -> Found | None:
    """The title written at text[start:end], with what a pattern took past it left out: a part
    after "dan"/"and"/a comma that begins the sentence's next part, a bracket that is not the
    title's. None when the title runs on after `end` (its next part unread, so a piece of it)."""
    if runs_on(text, end):
        return None
    value = text[start:end]
    for m in _part_after().finditer(value):
        if m.group(1).lower() in _not_after_joiner():
            value = value[: m.start()]
            break
    bracket = _BRACKET_END.search(value)
    if bracket and not _a_title_bracket(bracket.group(1)):
        value = value[: bracket.start()]
    return located(text, start, start + len(value), source)


@cache
def _runs_on() -> re.Pattern[str]:
    return rx.compile(rf"[ \t]+(?:{_joiners()})[ \t]+([A-Z][\w&/+-]*)|[ \t]+[A-Z][\w&/+-]*")


def runs_on(text: str, end: int) -> bool:
    """Whether the title read up to `end` goes on: a capitalised word right after it, or a
    joiner and one that is no new part of the sentence ("role of Head" + " of Finance")."""
    m = _runs_on().match(text, end)
    if m is None:
        return False
    joined = m.group(1)
    if joined is None:
        # a capitalised word right after: the title was cut unless that word starts what
        # follows ("posisi Kasir Senin depan", "… Analyst Anda")
        word = m.group(0).strip()
        return word.lower() not in _not_after_joiner() and word.lower() not in _stop_words()
    return joined.lower() not in _not_after_joiner()


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in words()["titles"]["stop"])


def stop_alternation() -> str:
    """The words a title written in any case ends before ("sebagai staf gudang di …")."""
    return alternation(sorted(_stop_words()))
