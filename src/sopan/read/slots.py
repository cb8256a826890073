"""Template slots: the places a template leaves for whoever fills it in. A slot is never a value.

One concept, written in many ways: braces and dollars (`{{ posisi }}`, `${jobTitle}`, `{$jadwal}`,
`{nama}`, `%(name)s`, `$nama`, `:loker`), merge tags (`*|FIRST_NAME|*`), brackets (`[Tanggal]`,
`[Company Name]`), runs of X, underscores, dots or dashes (`XXXX`, `xx xx xxxx`, `____`,
`---(1)---`), identifiers no person writes (`positionName`, `COMPANY_NAME`, `config.app_name`),
instructions to whoever fills the template (`(isi alamat lengkap di sini)`, `[mention the
reason]`, `<insert date>`), a time of `00.00` or a `dd/mm/yyyy` left unfilled, and — said of a
value as read — one that only repeats a label ("Position: Job Title").

`find` gives each slot's span (and the field its name stands for, when it says: `{{ $tempat }}`
stands for the location); `blank` turns them into spaces, so offsets stay and no extractor can
take one as a value; `is_slot` says whether a value as read is a slot.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from sopan._infra import rx
from sopan.read.addresses import address_spans
from sopan.read.words import alternation, words

__all__ = ["Slot", "blank", "field_of", "find", "is_slot"]


@dataclass(frozen=True)
class Slot:
    """A template slot written at text[start:end]; `field` is the invitation's field its name
    stands for ("company", "start", "contact.phone" …), None when it names none (the
    candidate's own name) or says nothing."""

    start: int
    end: int
    field: str | None = None


#: slots written by template syntax: unmistakable wherever they stand. Every branch begins with
#: a literal character, so the engine skips to where one is written; what must not stand before
#: a "$", "%", "@" or ":" is checked in Python (`_BEFORE`).
_SYNTAX = rx.compile(
    r"\{\{.*?\}\}|\{!!.*?!!\}|\{%.*?%\}"  # {{ posisi }}, {!! $x !!}, {% if %}
    r"|\$\{[^}\n]{0,200}\}|#\{[^}\n]{0,200}\}"  # ${jobTitle}, #{name}
    r"|\{[^{}\n]{1,120}\}"  # {nama}, {$jadwal}, { form.interviewDate }
    r"|\*\|[A-Za-z0-9_:]{1,60}\|\*"  # *|FIRST_NAME|*
    r"|<<[^<>\n]{1,60}>>|«[^»\n]{1,60}»"
    r"|<\?.{0,200}?\?>|<%.{0,200}?%>"  # <?= $t->name ?>, <%= name %>
    r"|\[\[[^\[\]\n]{1,60}\]\]|\[[^\[\]\n]{1,80}\]"  # [[name]], [Tanggal] (a URL inside: not)
    r"|\(\([^()\n]{1,60}\)(?:[ \t]*\))?"  # ((nama)), and "{{ nama }}" as OCR reads it: "((nama) )"
    r"|%\([A-Za-z_]\w*\)[sdif]|%[sd](?![\w])|%%?[A-Za-z_]\w*%%?(?=[\s.,;:!?)\]]|$)"
    r"|\$[A-Za-z_]\w*(?:(?:->|::|\.)[A-Za-z_]\w*(?:\(\))?)*"  # $nama, $x->tanggal
    r"|@[a-z]\w*\([^)\n]{0,60}\)"  # @dateId($int_date)
    r"|:[a-z][a-z_]{2,}(?![\w])"  # :loker (after a blank only: "Waktu:10.00" stays)
)
#: the characters that may not stand before a slot beginning with "$", "%", "@" or ":"
_BEFORE = {"$": "$_", "%": "%_", "@": "@._", ":": None}
#: blanks to fill: runs of X, underscores, dots or dashes, a zero time, a date's pattern
_RUNS = rx.compile(
    r"(?<![A-Za-z0-9])(?:[xX]{3,}|[xX]{2,}(?:[ \t./:-]{1,2}[xX]{2,})+)(?![A-Za-z0-9])"
    r"|_{3,}|\.{5,}|…{2,}|-{2,}[ \t]*\(\d{1,2}\)[ \t]*-{2,}|(?<![\w-])-{3,}(?![\w-])"
    r"|(?<![\d.:,])00[.:]00(?:[.:]00)?(?![\d])"
    r"|(?<![\w/])(?i:dd|tt|hh)[/.-](?i:mm|bb)[/.-](?i:yyyy|yy|tttt|tt|jjjj)(?![\w/])"
    r"|(?<![\w:.])(?i:hh)[.:](?i:mm)(?![\w])"
)
#: what a run needs written somewhere in the text before `_RUNS` is worth a scan
_RUN_HINT = rx.compile(
    r"xx|XX|xX|Xx|___|\.\.\.\.\.|……|---|00[.:]00|hh[.:]|HH[.:]"
    r"|/[mMbB][mMbB][/.-]|\.[mMbB][mMbB][/.-]|-[mMbB][mMbB][/.-]"
)
#: what an identifier needs: an underscore, "->", "::" or a case change inside a word
_IDENTIFIER_SEED = rx.compile(r"_|->|::|[a-z]{2}[A-Z][a-z]")
_BLANK = rx.compile(r"\s")
_DIGIT = rx.compile(r"\d")
#: what a short value must hold for `find` to be worth running on it
_MAYBE = rx.compile(
    r"[{}\[\]$%*<>«_(@:]|xx|XX|Xx|--|\.\.\.|…|00[.:]00|[a-z]{2}[A-Z]|(?i:sini|here|dd|hh)"
)
#: identifiers no person writes: checked outside web and e-mail addresses only
_IDENTIFIER = rx.compile(
    r"(?<![\w@/:.-])(?:"
    r"[A-Za-z_]\w*(?:(?:\.|->|::)[A-Za-z_]\w*)+(?:\(\))?"  # config.app_name, data.companyName
    # possessive: a run of small letters is never given back (that took a 50,000-letter word
    # quadratic time, minutes), and giving one back never lets a capital follow
    r"|[a-z]{2}[a-z0-9]*+(?:[A-Z][a-z0-9]++)++"  # positionName (not iPhone, eBay, macOS)
    r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"  # COMPANY_NAME
    r"|[a-z][a-z0-9]*(?:_[a-z0-9]+)+"  # company_name
    r"|__[A-Za-z]\w*__"
    r")(?![\w@-])"
)
_PART_IS_IDENTIFIER = rx.compile(r"_|[a-z]{2}[A-Z]|\(\)|->|::")
#: a bracket whose words may be an instruction or a label echo: "(isi di sini)", "<insert date>"
_ENCLOSED = rx.compile(r"\(([^()\n]{2,80})\)|<([^<>\n@/:=]{2,60})>")
_NAME_WORDS = rx.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_WORDS = rx.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _vocabulary() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """(slot-name word → field, the candidate's own words, instruction verbs, filler words)."""
    w = words()["slots"]
    fields = {str(word): str(field) for field, ws in w["fields"].items() for word in ws}
    return (
        fields,
        frozenset(map(str, w["recipient"])),
        frozenset(map(str, w["instructions"])),
        frozenset(map(str, w["filler"])),
    )


@cache
def _label_words() -> frozenset[str]:
    """Every word of every field's labels ("posisi", "company", "name" …)."""
    out: set[str] = set()
    for items in words()["labels"].values():
        for label in items:
            out.update(_WORDS.findall(str(label).lower()))
    return frozenset(out)


@cache
def _instruction_re() -> re.Pattern[str]:
    verbs = alternation(sorted(_vocabulary()[2]))
    here = alternation(list(words()["slots"]["here"]))
    return rx.compile(rf"(?i:(?<![\w])(?:{verbs})[ \t]+[^\n]{{0,60}}?(?<![\w])(?:{here}))(?![\w])")


@lru_cache(maxsize=1024)
def field_of(name: str) -> str | None:
    """The field a slot's name stands for: "{{company_name}}" → "company", "${interviewDate}"
    → "start", "[Your Name]" → None; a name of the candidate ("{{candidate_phone}}") is no
    field of the invitation."""
    fields, recipient, _, _ = _vocabulary()
    parts = [p.lower() for p in _NAME_WORDS.findall(name)]
    if any(p in recipient for p in parts):
        return None
    found = [fields[p] for p in parts if p in fields]
    return found[-1] if found else None


class _Addresses:
    """The web and e-mail addresses of a text, found once and only when asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None

    def at(self, pos: int) -> tuple[int, int] | None:
        """The address written at offset `pos` (or ending there)."""
        if self.spans is None:
            self.spans = address_spans(self.text)
        return _address_at(self.spans, pos)


def _address_at(spans: list[tuple[int, int]], a: int) -> tuple[int, int] | None:
    """The span of `spans` (sorted, none overlapping) holding position `a`, found by
    bisection: a message with thousands of addresses and slots stays linear."""
    i = bisect_right(spans, (a, sys.maxsize)) - 1
    return spans[i] if i >= 0 and spans[i][0] <= a <= spans[i][1] else None


def _around(text: str, seed: re.Pattern[str], margin: int) -> list[tuple[int, int]]:
    """The spans to look in: each token (run of non-blanks) holding a match of `seed`, widened
    by `margin` on each side, merged when they touch."""
    out: list[tuple[int, int]] = []
    first = seed.search(text)
    if first is None:
        return out
    for m in seed.finditer(text, first.start()):
        if out and m.start() < out[-1][1]:
            continue
        a = (
            max(
                text.rfind(" ", 0, m.start()),
                text.rfind("\n", 0, m.start()),
                text.rfind("\t", 0, m.start()),
            )
            + 1
        )
        blank = _BLANK.search(text, m.end())
        b = blank.start() if blank else len(text)
        a, b = max(0, a - margin), min(len(text), b + margin)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find(text: str) -> list[Slot]:
    """Every template slot written in `text`, in order, none overlapping another.

    A web address holding a slot ("https://zoom.us/j/XXXXXXX") is a slot as a whole; an
    identifier inside an address ("?pwd=aBcD_eF") is not one."""
    found: list[tuple[int, int, str]] = []
    addresses = _Addresses(text)
    for m in _SYNTAX.finditer(text):
        body = m.group(0)
        if body[0] in _BEFORE and m.start() and not body.startswith(("${", "%(")):
            before = text[m.start() - 1]
            never = _BEFORE[body[0]]
            if (never is None and before not in " \t") or (
                never is not None and (before.isalnum() or before in never)
            ):
                continue
        if body.startswith("[") and not body.startswith("[["):
            inner = body[1:-1].strip()
            if not inner or inner.isdigit() or len(inner) == 1 or address_spans(inner):
                continue  # a footnote "[1]", a check box "[x]", a link "[https://…]"
        found.append((m.start(), m.end(), body))
    # runs and identifiers are looked for only around what they need written (a scan of the
    # whole text for each costs more than all the rest of this)
    for a, b in _around(text, _RUN_HINT, 40):
        found += [(m.start(), m.end(), "") for m in _RUNS.finditer(text, a, b)]
    for a, b in _around(text, _IDENTIFIER_SEED, 0):
        for m in _IDENTIFIER.finditer(text, a, b):
            held = addresses.at(m.start())
            if held is not None and held[1] >= m.end():
                continue
            body = m.group(0)
            if ("." in body or "->" in body) and not _PART_IS_IDENTIFIER.search(body):
                continue  # "Jl.Sudirman", "meet.google.com": words and a domain, no identifier
            found.append((m.start(), m.end(), body))
    found += _instructions(text)
    if not found:
        return []
    found.sort()
    out: list[Slot] = []
    end = -1
    for a, b, body in found:
        url = addresses.at(a)
        if url is not None:  # "https://meet.google.com/{{ kode }}": the whole link
            a, b = url[0], max(b, url[1])
            body = text[a:b]
        if a < end:
            if url is not None and out and out[-1].start == a:
                out[-1] = Slot(a, max(b, out[-1].end), out[-1].field)
                end = out[-1].end
            continue
        out.append(Slot(a, b, field_of(body) if body else None))
        end = b
    return out


def _instructions(text: str) -> list[tuple[int, int, str]]:
    """Instructions to whoever fills the template: "(isi alamat lengkap di sini)", "<insert
    date>", "(nama perusahaan)", "Masukkan link di sini"."""
    _, _, verbs, filler = _vocabulary()
    labels = _label_words()
    out: list[tuple[int, int, str]] = []
    if "(" in text or "<" in text:
        for m in _ENCLOSED.finditer(text):
            inner = (m.group(1) or m.group(2) or "").lower()
            parts = _WORDS.findall(inner)
            if not parts or _DIGIT.search(inner):
                continue  # "(Passcode: 771122)" holds its value
            if parts[0] in verbs or all(p in labels or p in filler for p in parts):
                out.append((m.start(), m.end(), inner))
    low = text.lower()
    if any(v in low for v in ("sini", "here")):
        for m in _instruction_re().finditer(text):
            out.append((m.start(), m.end(), m.group(0)))
    return out


def blank(text: str, slots: list[Slot] | None = None) -> str:
    """`text` with every slot replaced by spaces of its length (offsets unchanged)."""
    if slots is None:
        slots = find(text)
    if not slots:
        return text
    parts: list[str] = []
    at = 0
    for s in slots:
        parts.append(text[at : s.start])
        parts.append(" " * (s.end - s.start))
        at = s.end
    parts.append(text[at:])
    return "".join(parts)


def without_slots(text: str) -> str:
    """`text` with each template slot taken out, with the words that only joined it to the
    rest (`slot_joins`: "for", "at", "untuk", "—"): "Undangan Wawancara — ${candidate.jobTitle}"
    → "Undangan Wawancara", "Interview invitation for {{role}} at {{company}}" → "Interview
    invitation". "" when nothing else is left."""
    found = find(text)
    if not found:
        return " ".join(text.split())
    joins = {str(w).lower() for w in words()["slot_joins"]}
    pieces: list[str] = []
    at = 0
    for s in found:
        before = text[at : s.start].split()
        # the joining words right before a slot go with it ("for {{role}}", "— ${title}")
        while before and before[-1].lower().strip("()[]") in joins:
            before.pop()
        pieces += before
        at = s.end
    pieces += text[at:].split()
    # a joining word left at either end joined a slot that is gone ("— Frontend" after
    # "{{company}} — Frontend" keeps its words, loses its dash)
    while pieces and pieces[0].lower() in joins:
        pieces.pop(0)
    while pieces and pieces[-1].lower() in joins:
        pieces.pop()
    return " ".join(p for p in pieces if p not in ("()", "[]"))


@lru_cache(maxsize=512)
def is_slot(value: str) -> bool:
    """Whether a value as read is a template slot rather than a fact: it is a slot, or only
    slots and joining words ("[Office Address] / [City]"), an identifier ("positionName"), an
    instruction ("isi alamat lengkap di sini"), or only the words of a label ("Job Title",
    "Nama Perusahaan", "Your Name")."""
    text = value.strip()
    if not text:
        return True
    rest = (blank(text) if _MAYBE.search(text) else text).lower()
    parts = _WORDS.findall(rest)
    _, recipient, verbs, filler = _vocabulary()
    if not parts:
        return not _DIGIT.search(rest)  # a number is a value ("0812-555-1234")
    if all(p in filler for p in parts):
        return True
    if parts[0] in verbs and len(parts) >= 2:
        return True
    if _DIGIT.search(rest):
        return False  # "Room 5", "Lantai 3": a label's word with its value
    labels = _label_words()
    return all(p in labels or p in filler or p in recipient for p in parts)


#: the label lists (read_words.yaml `labels`) → the field a slot under that label stands for
_LABEL_FIELDS = {
    "date": "start",
    "time": "start",
    "place": "location",
    "online": "meeting_link",
    "position": "position",
    "company": "company",
    "mode": "mode",
    "contact": "contact.name",
    "passcode": "access_code",
    "reference": "reference",
}


def stands_for(slot: Slot, text: str) -> set[str]:
    """The fields `slot` (found in `text`) stands for: the one its own name says ("{{ tempat
    }}") and the one of the label of its line ("Location: [mention the address or link]")."""
    from sopan.read.labels import label_before

    out = {slot.field} if slot.field else set()
    label = label_before(text, slot.start)
    return out | _label_fields(label) if label else out


@cache
def _label_fields(label: str) -> frozenset[str]:
    """The fields a label names ("hari/tanggal" → start)."""
    from sopan.read.words import phrase_re

    return frozenset(
        f for key, f in _LABEL_FIELDS.items() if phrase_re("labels", key).fullmatch(label)
    )
