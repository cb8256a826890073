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
from functools import cache

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


#: slots written by template syntax: unmistakable wherever they stand
_SYNTAX = rx.compile(
    r"\{\{.*?\}\}|\{!!.*?!!\}|\{%.*?%\}"  # {{ posisi }}, {!! $x !!}, {% if %}
    r"|[$#]\{[^}\n]{0,200}\}"  # ${jobTitle}, #{name}
    r"|\{[^{}\n]{1,120}\}"  # {nama}, {$jadwal}, { form.interviewDate }
    r"|\*\|[A-Za-z0-9_:]{1,60}\|\*"  # *|FIRST_NAME|*
    r"|<<[^<>\n]{1,60}>>|«[^»\n]{1,60}»"
    r"|<\?.{0,200}?\?>|<%.{0,200}?%>"  # <?= $t->name ?>, <%= name %>
    r"|\[\[[^\[\]\n]{1,60}\]\]|\[[^\[\]\n]{1,80}\]"  # [[name]], [Tanggal] (a URL inside: not)
    r"|%\([A-Za-z_]\w*\)[sdif]|(?<![\w%])%[sd](?![\w])|%%?[A-Za-z_]\w*%%?(?=[\s.,;:!?)\]]|$)"
    r"|(?<![\w$])\$[A-Za-z_]\w*(?:(?:->|::|\.)[A-Za-z_]\w*(?:\(\))?)*"  # $nama, $x->tanggal
    r"|(?<![\w@.])@[a-z]\w*\([^)\n]{0,60}\)"  # @dateId($int_date)
    r"|(?<=[ \t]):[a-z][a-z_]{2,}(?![\w])"  # :loker (after a blank: "Waktu:10.00" stays)
)
#: blanks to fill: runs of X, underscores, dots or dashes, a zero time, a date's pattern
_RUNS = rx.compile(
    r"(?<![A-Za-z0-9])(?:[xX]{3,}|[xX]{2,}(?:[ \t./:-]{1,2}[xX]{2,})+)(?![A-Za-z0-9])"
    r"|_{3,}|\.{5,}|…{2,}|-{2,}[ \t]*\(\d{1,2}\)[ \t]*-{2,}|(?<![\w-])-{3,}(?![\w-])"
    r"|(?<![\d.:,])00[.:]00(?:[.:]00)?(?![\d])"
    r"|(?<![\w/])(?i:dd|tt|hh)[/.-](?i:mm|bb)[/.-](?i:yyyy|yy|tttt|tt|jjjj)(?![\w/])"
    r"|(?<![\w:.])(?i:hh)[.:](?i:mm)(?![\w])"
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


def _around(spans: list[tuple[int, int]], a: int) -> tuple[int, int] | None:
    """The span of `spans` (sorted, none overlapping) holding position `a`, found by
    bisection: a message with thousands of addresses and slots stays linear."""
    i = bisect_right(spans, (a, sys.maxsize)) - 1
    return spans[i] if i >= 0 and spans[i][0] <= a <= spans[i][1] else None


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    found = _around(spans, a)
    return found if found is not None and b <= found[1] else None


def find(text: str) -> list[Slot]:
    """Every template slot written in `text`, in order, none overlapping another.

    A web address holding a slot ("https://zoom.us/j/XXXXXXX") is a slot as a whole; an
    identifier inside an address ("?pwd=aBcD_eF") is not one."""
    addresses = address_spans(text)
    found: list[tuple[int, int, str]] = []
    for m in _SYNTAX.finditer(text):
        body = m.group(0)
        if body.startswith("[") and not body.startswith("[["):
            inner = body[1:-1].strip()
            if not inner or inner.isdigit() or len(inner) == 1 or address_spans(inner):
                continue  # a footnote "[1]", a check box "[x]", a link "[https://…]"
        found.append((m.start(), m.end(), body))
    for m in _RUNS.finditer(text):
        found.append((m.start(), m.end(), ""))
    if "_" in text or any(c.isupper() for c in text):
        for m in _IDENTIFIER.finditer(text):
            if _inside(addresses, m.start(), m.end()):
                continue
            body = m.group(0)
            if ("." in body or "->" in body) and not _PART_IS_IDENTIFIER.search(body):
                continue  # "Jl.Sudirman", "meet.google.com": words and a domain, no identifier
            found.append((m.start(), m.end(), body))
    found += _instructions(text)
    found.sort()
    out: list[Slot] = []
    end = -1
    for a, b, body in found:
        url = _around(addresses, a)
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
            if not parts or any(c.isdigit() for c in inner):
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


def is_slot(value: str) -> bool:
    """Whether a value as read is a template slot rather than a fact: it is a slot, or only
    slots and joining words ("[Office Address] / [City]"), an identifier ("positionName"), an
    instruction ("isi alamat lengkap di sini"), or only the words of a label ("Job Title",
    "Nama Perusahaan", "Your Name")."""
    text = value.strip()
    if not text:
        return True
    rest = blank(text).lower()
    parts = _WORDS.findall(rest)
    _, recipient, verbs, filler = _vocabulary()
    if not parts or all(p in filler for p in parts):
        return True
    if parts[0] in verbs and len(parts) >= 2:
        return True
    if any(c.isdigit() for c in rest):
        return False  # "Room 5", "Lantai 3": a label's word with its value
    labels = _label_words()
    return all(p in labels or p in filler or p in recipient for p in parts)
