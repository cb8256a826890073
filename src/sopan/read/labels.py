"""Labelled lines, the one way the reader reads "Label : value" in all its written forms.

Invitations label their facts with a colon ("Tanggal : 23 November"), but also with
"=", a dash between spaces ("Date - 23 November"), a tab or a table cell (HTML tables
are read as tab-separated cells), a bar; and forms often put the value on a line of
its own below the label ("Tanggal:" then a blank line, then the date).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sopan._infra import rx
from sopan.read.found import Found, located

#: between a label and its value: ":", "=", a tab, a bar, a dash with spaces around it, or
#: a dash right after a label in capitals ("VENUE- 203/205 …", checked in `split_line`)
#: (it starts only where a run of blanks starts: a long run is never tried at every blank)
SEPARATOR = rx.compile(
    r"(?<![ \t])[ \t]*(?::|=|\||\t|[ \t][-–—](?=[ \t])|(?<=[A-Z])[-–—](?=[ \t]))[ \t]*"
)
#: how far back on its line a value's label may begin
_LOOK_BACK = 160
_HEAD = rx.compile(r"^[\s>*•\-–\d.)\u2600-\U0001faff\ufe0f]*")
_MARKS = rx.compile(r"[*_]+")
_LABEL_CHARS = rx.compile(r"[^\w/&, ]+")
#: how many lines below a bare label its value may sit (blank lines between them)
_BELOW = 3
_MAX_LABEL = 40
#: what must stand between a label and its value for `SEPARATOR` to be worth trying
_ANY_SEPARATOR = rx.compile(r"[:=|\t]|[ \t][-–—]|[A-Z][-–—][ \t]")
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: two sentences on a line ("Mohon konfirmasi kehadirannya. Terima kasih."): no label's value
_SENTENCES = rx.compile(r"[a-z]{3}[.!?]\s+[A-Z]")


def clean_label(head: str) -> str:
    """A label as written ("**Hari/Tanggal**", "• Date") in its plain lower-case form."""
    plain = _MARKS.sub("", _HEAD.sub("", head)).strip().lower()
    return _LABEL_CHARS.sub(" ", plain).strip() if len(plain) <= _MAX_LABEL else ""


def split_line(line: str) -> tuple[str, str] | None:
    """(label, value) of a labelled line, or None; the value may be empty ("Tanggal:")."""
    m = SEPARATOR.search(line, 0, 61)
    if not m or m.start() == 0:
        return None
    label = clean_label(line[: m.start()])
    if not label or re.search(r"\d[.:]\d", line[: m.end()]):
        return None  # "10.00 - 12.00" or "09:30" is a value, never a label
    if line[m.start()] in "-–—" and not line[: m.start()].strip().isupper():
        return None  # a dash glued to a word is a label's only after capitals ("VENUE- …")
    return label, line[m.end() :]


def _bare_label(line: str) -> str | None:
    """A line that is a label alone ("Tanggal:", "Hari / Tanggal"), waiting for its value."""
    parts = split_line(line)
    if parts is not None:
        blanked = len(line) - len(line.rstrip()) > 1  # a placeholder was there
        return parts[0] if not parts[1].strip() and not blanked else None
    label = clean_label(line)
    return label if label and len(label.split()) <= 4 else None


@lru_cache(maxsize=64)
def label_lines(text: str) -> tuple[tuple[str, str, int], ...]:
    """Every (label, value, where the value starts in `text`), a value below its bare label
    included."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    lines = [ln.rstrip(_BREAKS) for ln in lines]
    out: list[tuple[str, str, int]] = []
    under_header = -1  # the line of values under a table's header row, read with it
    for i, line in enumerate(lines):
        if i == under_header:
            continue
        if "\t" in line or "|" in line:
            row = _header_row(lines, starts, i)
            if row:
                out.extend(row[0])
                under_header = row[1]
                continue
        if not _ANY_SEPARATOR.search(line, 0, 61):
            # no separator where a label could end: a sentence, unless an emoji stands for
            # the label ("📍 Pabrik …") or a known label stands alone above its value
            out.extend(_unmarked(lines, starts, i))
            continue
        parts = split_line(line)
        if parts is None:
            continue
        label, value = parts
        at = starts[i] + len(line) - len(value)
        if not value.strip():
            if len(line) - len(line.rstrip()) > 1:
                continue  # spaces where a placeholder was blanked: the value is unknown
            below = next(
                (j for j in range(i + 1, min(len(lines), i + 1 + _BELOW)) if lines[j].strip()), None
            )
            value, at = (lines[below], starts[below]) if below is not None else ("", at)
            if split_line(value) is not None or len(value) > 80 or _SENTENCES.search(value):
                continue  # a label of its own, or a sentence: this label has no value
        out.append((label, value, at))
    return tuple(out)


#: a table's cell boundary: a tab, or a bar between spaces ("| Posisi | Tanggal |")
_CELL = rx.compile(r"[ \t]*\t[ \t]*|[ \t]*\|[ \t]*")


def _cells(line: str, start: int) -> list[tuple[str, int]]:
    """The cells of a table row, each with where it starts (empty edge cells left out)."""
    out, at = [], 0
    for m in _CELL.finditer(line):
        out.append((line[at : m.start()], start + at))
        at = m.end()
    out.append((line[at:], start + at))
    while out and not out[0][0].strip():
        out.pop(0)
    while out and not out[-1][0].strip():
        out.pop()
    return out


def _header_row(
    lines: list[str], starts: list[int], i: int
) -> tuple[list[tuple[str, str, int]], int] | None:
    """A table laid out as a header row of labels over a row of values ("Perusahaan<TAB>
    Posisi<TAB>Tanggal" then "PT Sinar Abadi<TAB>Admin Gudang<TAB>Senin, 23 November"): each
    (label, value, start) and the line of the values; None when line `i` is no such header."""
    head = _cells(lines[i], starts[i])
    if len(head) < 2:
        return None
    labels = [clean_label(cell) for cell, _ in head]
    if not all(label and _any_label_re().fullmatch(label) for label in labels):
        return None
    below = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
    if below is None:
        return None
    values = _cells(lines[below], starts[below])
    if len(values) != len(head):
        return None
    if any(_any_label_re().fullmatch(clean_label(cell)) for cell, _ in values):
        return None  # two rows of labels: a layout, not a header over its values
    pairs = [
        (label, cell.rstrip(), at)
        for label, (cell, at) in zip(labels, values, strict=True)
        if cell.strip()
    ]
    return pairs, below


@lru_cache(maxsize=1)
def _any_label_re() -> re.Pattern[str]:
    """Every field's label ("posisi", "date and time", "lokasi")."""
    from sopan.read.words import alternation, words

    items = [str(x) for values in words()["labels"].values() for x in values]
    return rx.compile(rf"(?:{alternation(items)})", re.IGNORECASE)


def _unmarked(lines: list[str], starts: list[int], i: int) -> list[tuple[str, str, int]]:
    """The (label, value, start) of line `i` when it has no separator: an emoji that stands
    for a label before its value, or a known label alone ("Posisi") above its value."""
    line = lines[i]
    stripped = line.lstrip()
    if not stripped:
        return []
    emoji = _emoji_labels()
    head = stripped[0]
    if head in emoji:
        value = stripped[1:].lstrip("\ufe0f \t")
        return [(emoji[head], value, starts[i] + len(line) - len(value))] if value else []
    if len(stripped) > _MAX_LABEL or not _bare_label_re().fullmatch(clean_label(stripped)):
        return []
    below = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
    if below is None:
        return []
    value = lines[below]
    if (
        len(value) > 80
        or _SENTENCES.search(value)
        or _ANY_SEPARATOR.search(value, 0, 61)
        or _bare_label_re().fullmatch(clean_label(value.strip()))
    ):
        return []
    return [(clean_label(stripped), value, starts[below])]


@lru_cache(maxsize=1)
def _emoji_labels() -> dict[str, str]:
    from sopan.read.words import words

    return {str(k)[0]: str(v) for k, v in words()["emoji_labels"].items()}


@lru_cache(maxsize=1)
def _bare_label_re() -> re.Pattern[str]:
    """The labels of the fields whose label may stand alone above its value."""
    from sopan.read.words import alternation, words

    w = words()
    items = [str(x) for key in w["bare_label_fields"] for x in w["labels"][key]]
    return rx.compile(rf"(?:{alternation(items)})", re.IGNORECASE)


def label_before(text: str, pos: int, *, is_label: re.Pattern[str] | None = None) -> str:
    """The label of the value written at `pos`: on its line before it, or, when the value
    starts its line, a bare label line just above (`is_label` says which bare lines count)."""
    line_start = text.rfind("\n", 0, pos) + 1
    a = max(line_start, pos - _LOOK_BACK)
    head = text[a:pos]
    m = None
    for m in SEPARATOR.finditer(head):  # noqa: B007  (the last separator before the value)
        pass
    if m is not None and m.start() > 0:
        # a label begins its line, or follows a sentence or another field on it
        # ("… Jawa Tengah. Waktu : 08.00")
        before = head[: m.start()]
        cut = max(before.rfind(". "), before.rfind("; "), before.rfind("\t"))
        label = before[cut + 1 :] if cut >= 0 else before
        return clean_label(label) if len(label) <= 60 else ""
    if head.strip() or a > line_start:
        return ""
    above, seen = a - 1, 0
    while above > 0 and seen < _BELOW:
        b = text.rfind("\n", 0, above) + 1
        line = text[b:above]
        if line.strip():
            bare = _bare_label(line)
            return bare if bare and (is_label is None or is_label.search(bare)) else ""
        above, seen = b - 1, seen + 1
    return ""


def labelled(text: str, key: str) -> list[Found]:
    """Values of lines labelled with one of `labels.<key>` ("Tempat : …"), with their spans."""
    from sopan.read.words import phrase_re

    out = []
    pat = phrase_re("labels", key)
    for label, raw, at in label_lines(text):
        if pat.fullmatch(label) or (key != "reference" and pat.match(label) and len(label) < 20):
            found = located(text, at, at + len(raw))
            if found:
                out.append(found)
    return out
