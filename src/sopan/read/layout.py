"""The parts a message is made of, so each field is taken only from a part that can carry it.

One message's text (quoted history is split off before, by `history`) is cut into parts:
`head` (a letterhead above the letter), `addressee` (the candidate's own name and address:
"Kepada Yth. / Sdr. Bima Aditya / di Tempat"), `greeting` ("Dear Ms. Chen,", "Halo kak
Nadia"), `label` ("Tanggal : …"), `body`, `signoff` ("Hormat kami,"), `signature` (the lines
under it), `chrome` (a notification's buttons and links: "View application", "Lihat Lamaran")
and `footer` (copyright, unsubscribe, "you are receiving this email", a portal's address).

`mask` blanks every part a field may not come from, keeping offsets: a company is never read
from a greeting, a button or a footer's copyright line; a position never from a signature's
job title; a contact never from the greeting, which names the candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

from sopan._infra import rx
from sopan.read.labels import split_line
from sopan.read.words import alternation, signoff_re, words

Kind = Literal[
    "head", "addressee", "greeting", "label", "body", "signoff", "signature", "chrome", "footer"
]

#: the parts any field may be read from: never the greeting or the addressee's block (the
#: candidate's own name and address), a button or the footer
READ: frozenset[Kind] = frozenset({"head", "label", "body", "signoff", "signature"})
#: of those, the parts each field may come from
COMPANY: frozenset[Kind] = READ
NUMBERS: frozenset[Kind] = READ
POSITION: frozenset[Kind] = frozenset({"label", "body"})
PLACE: frozenset[Kind] = frozenset({"label", "body"})
PERSON: frozenset[Kind] = frozenset({"label", "body", "signoff", "signature"})


@dataclass(frozen=True)
class Part:
    """text[start:end] is one part of the message, of kind `kind`."""

    kind: Kind
    start: int
    end: int


_WORD = rx.compile(r"[^\W\d_]+")
#: a greeting ends at a comma, "!" or ":", or a full stop not after a title ("Dear Ms. Chen,")
_GREETING_END = rx.compile(r"[,!:]|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})\.(?=\s|$)")
#: how many lines under a sign-off are its signature
_SIGNATURE_LINES = 6
#: a chrome line: a button's or a link's few words
_CHROME_MAX_WORDS = 6


@cache
def _vocabulary() -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str], re.Pattern[str]]:
    """(greeting start, footer markers, chrome words, addressee block start)."""
    w = words()["layout"]
    greeting = rx.compile(rf"^[ \t>*_]*(?i:{alternation(w['greetings'])})(?![\w])", re.MULTILINE)
    footer = (*(str(x).lower() for x in w["footer"]), "©")
    chrome = frozenset(str(x) for x in w["chrome"])
    addressee = rx.compile(rf"^[ \t*_]*(?i:{alternation(w['addressee'])})[ \t.,:]*$")
    return greeting, footer, chrome, addressee


def _finds(low: str, phrases: tuple[str, ...]) -> list[int]:
    """Where each phrase is written in lower-cased `low` (str.find: a scan per phrase in C, far
    cheaper than one alternation tried at every character)."""
    out = []
    for phrase in phrases:
        at = low.find(phrase)
        while at >= 0:
            out.append(at)
            at = low.find(phrase, at + len(phrase))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


_NOT_CHROME = rx.compile(r"[\d:@/.,?!]")


def _is_chrome(line: str, chrome: frozenset[str]) -> bool:
    """A button or a link's text: a few words, no digits or punctuation of a value, at least
    one of them a button's word ("View application", "Terima Undangan", "Gabung Interview")."""
    if len(line) > 60 or _NOT_CHROME.search(line):
        return False
    from sopan.read.company import company_form_re

    if company_form_re().search(line):
        # a button never names a company by its legal form: "*UNDANGAN INTERVIEW PT KIRANA
        # FOOD*" heads the message, though "undangan" is also a button's word
        return False
    found = _WORD.findall(line.lower())
    return 0 < len(found) <= _CHROME_MAX_WORDS and not chrome.isdisjoint(found)


def layout(text: str) -> list[Part]:
    """The parts of one message's text, in order, covering it (line breaks included)."""
    greeting_re, footer_re, chrome, addressee_re = _vocabulary()
    # "Kepada Yth." opens the addressee's block, not a greeting
    signoff = signoff_re()
    spans = _lines(text)
    lines = [text[a:b] for a, b in spans]
    kinds: list[Kind] = ["body"] * len(lines)
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    greet_at: tuple[int, int] | None = None  # (line, end of the greeting within it)
    block: int | None = None  # where a letter's "Kepada Yth." block begins
    for i in filled[:16]:
        if block is None and addressee_re.match(lines[i]):
            block = i  # "Kepada Yth." alone: the addressee's lines follow, then the greeting
            continue
        m = greeting_re.match(lines[i])
        if m:
            greet_at = (i, _greeting_end(lines[i], m.end()))
            break
    # the footer: from a marker in the last part of the message to its end
    tail_from = filled[len(filled) * 2 // 3] if len(filled) >= 6 else (filled[0] if filled else 0)
    footer_from = len(lines)
    # one scan of the whole text for the footer's marks, mapped to their lines
    # the marks are looked for in the last third only: a footer is at the end
    starts = [a for a, _ in spans]
    tail_at = spans[tail_from][0] if filled else 0
    low = text[tail_at:].lower()
    marked = sorted({bisect_right(starts, tail_at + at) - 1 for at in _finds(low, footer_re)})
    for i in marked:
        if lines[i].strip():
            footer_from = _paragraph_start(lines, i, signoff)
            break
    for i in range(footer_from, len(lines)):
        kinds[i] = "footer"
    # the sign-off and the signature under it (the last sign-off above the footer)
    for i in reversed(filled):
        if i >= footer_from or kinds[i] == "footer":
            continue
        line = lines[i].strip(" \t,.!*_-")
        if len(line) <= 40 and signoff.fullmatch(line):
            kinds[i] = "signoff"
            taken = 0
            for j in range(i + 1, footer_from):
                if not lines[j].strip():
                    if taken and j + 1 < footer_from and not lines[j + 1].strip():
                        break  # two blank lines end it
                    continue
                if taken == _SIGNATURE_LINES:
                    break
                kinds[j], taken = "signature", taken + 1
            break
    above = greet_at[0] if greet_at else 0
    for i in filled:
        if kinds[i] != "body":
            continue
        line = lines[i].strip()
        # labels matter above a greeting only ("Nomor : …" is no letterhead); below it a
        # label line and a sentence are read alike
        if i < above and split_line(line) is not None:
            kinds[i] = "label"
        elif _is_chrome(line, chrome):
            kinds[i] = "chrome"
    if greet_at is not None:
        _mark_head_and_addressee(lines, kinds, filled, greet_at[0], block)
    if greet_at is not None:
        kinds[greet_at[0]] = "greeting"
    return _runs(kinds, spans, len(text), greet_at)


def _paragraph_start(lines: list[str], i: int, signoff: re.Pattern[str]) -> int:
    """Where the footer whose first marker is on line `i` begins: its paragraph's first line
    ("Pertanyaan? Hubungi kami di bantuan@…" above "Atur notifikasi email"), unless the
    paragraph holds a sign-off (a signature runs into the footer: only the marker's line)."""
    start = i
    while start > 0 and lines[start - 1].strip():
        start -= 1
        if signoff.fullmatch(lines[start].strip(" \t,.!*_-")):
            return i
    return start


def _greeting_end(line: str, after: int) -> int:
    """Where a greeting ends on its line: at the first comma, full stop, '!' or ':' after its
    word (a chat goes on after "Halo kak Nadia, …"), else the line's end."""
    m = _GREETING_END.search(line, after)
    return m.end() if m else len(line)


def _mark_head_and_addressee(
    lines: list[str], kinds: list[Kind], filled: list[int], greet: int, block_start: int | None
) -> None:
    """Above the greeting: the addressee's block ("Kepada Yth." and the lines under it, or the
    paragraph naming whom the greeting greets) and, above that, a letterhead."""
    greeted = {w.lower() for w in _WORD.findall(lines[greet])[1:] if w[:1].isupper()}
    above = [i for i in filled if i < greet]
    if block_start is None and greeted:
        for i in above:
            names = {w.lower() for w in _WORD.findall(lines[i])}
            prev_blank = i == 0 or not lines[i - 1].strip()
            if prev_blank and greeted & names and kinds[i] == "body":
                block_start = i
                break
    if block_start is not None:
        for i in range(block_start, greet):
            if not lines[i].strip() and i > block_start:
                break
            if kinds[i] in ("body", "chrome"):
                kinds[i] = "addressee"
    first = block_start if block_start is not None else greet
    for i in above:
        if i >= first:
            break
        if kinds[i] == "body":
            kinds[i] = "head"


def _runs(
    kinds: list[Kind], spans: list[tuple[int, int]], n: int, greet_at: tuple[int, int] | None
) -> list[Part]:
    """The parts: each run of lines of one kind (a line's break goes with it); the greeting's
    line is greeting only up to where the greeting ends, body after."""
    out: list[Part] = []
    kind, start = kinds[0], 0
    for i in range(1, len(kinds)):
        if kinds[i] != kind:
            at = spans[i][0]
            out.append(Part(kind, start, at))
            kind, start = kinds[i], at
    out.append(Part(kind, start, n))
    if greet_at is None:
        return out
    line, cut = greet_at
    at = spans[line][0] + cut
    split: list[Part] = []
    for p in out:
        if p.kind == "greeting" and p.start < at < p.end:
            split += [Part("greeting", p.start, at), Part("body", at, p.end)]
        else:
            split.append(p)
    return split


def mask(text: str, parts: list[Part], keep: frozenset[Kind]) -> str:
    """`text` with every part not of a kind in `keep` blanked (line breaks and offsets kept)."""
    if all(p.kind in keep for p in parts):
        return text
    pieces: list[str] = []
    for p in parts:
        piece = text[p.start : p.end]
        if p.kind not in keep:
            piece = "\n".join(" " * len(line) for line in piece.split("\n"))
        pieces.append(piece)
    return "".join(pieces)


def kind_at(parts: list[Part], pos: int) -> Kind | None:
    """The kind of the part holding offset `pos`."""
    for p in parts:
        if p.start <= pos < p.end:
            return p.kind
    return None


@cache
def _closing_re() -> re.Pattern[str]:
    return rx.compile(rf"(?i:{alternation(words()['layout']['closings'])})")


def written_as_mail(text: str) -> bool:
    """Whether a pasted text is written as an e-mail or a letter, not as a chat (R2.1): a
    greeting standing alone on its line ("Hi ${name},", "Dear Ms. Chen,", "Yth. Bapak Budi,"),
    and a closing standing alone on its line with a comma ("Respectfully,", "Best regards,",
    "Hormat kami,") with the sender's lines under it. A chat's thanks ("Terima kasih kak") or a
    greeting the message runs on after ("Halo kak, kami dari …") is no such frame."""
    parts = layout(text)
    greeted = any(
        p.kind == "greeting"
        and text[p.start : p.end].rstrip(" \t").endswith(",")
        and not text[p.end : text.find("\n", p.end) if "\n" in text[p.end :] else len(text)].strip()
        for p in parts
    )
    if not greeted:
        return False
    closing = _closing_re()
    for i, p in enumerate(parts):
        line = text[p.start : p.end].strip()
        if p.kind != "signoff" or not line.endswith(","):
            continue
        signed = any(q.kind == "signature" for q in parts[i + 1 :])
        if signed and closing.fullmatch(line.strip(" \t,.!*_-")):
            return True
    return False
