"""The reply format an invitation asks for ("balas dengan format IYA/TIDAK_NAMA", "reply
YES/NO"): a chat or a text message answers with its first line in that format, filled in.

A format is a run of capitalised words joined by "/", "_", "#" or "-", written near a cue
("format", "ketik", "balas", "reply"), that offers a choice between a yes word and a no word;
its other words are fields (NAMA, POSISI, NAME) filled from the person's profile and the
invitation. Two choice words written apart after a cue ("Reply YES to confirm or NO") ask for
the one word. A field that cannot be filled leaves no format at all: a template slot is never
a value. The words are data (`reply_format:` in data/phrases/<lang>/common.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sopan.language.dateforms import common
from sopan.model.names import LANGUAGES

#: a run of capitalised words joined by "/", "_", "#" or "-" ("IYA/TIDAK_NAMA", "YES/NO")
_TEMPLATE = re.compile(r"(?<![\w/#-])[A-Z]{1,12}(?:\s?[/_#-]\s?[A-Z]{1,12})+(?![\w/#-])")
_PART = re.compile(r"([A-Z]+)|(\s?[/_#-]\s?)")


def _words() -> dict[str, dict[str, str]]:
    """Every language's words: yes → "yes", no → "no", cue → "cue", field word → its fact."""
    out: dict[str, dict[str, str]] = {"choice": {}, "field": {}, "cue": {}}
    for language in LANGUAGES:
        book: Mapping[str, object] = common(language).get("reply_format") or {}
        for word in book.get("yes", ()):  # type: ignore[attr-defined]
            out["choice"][str(word).upper()] = "yes"
        for word in book.get("no", ()):  # type: ignore[attr-defined]
            out["choice"][str(word).upper()] = "no"
        for fact, said in dict(book.get("fields", {})).items():  # type: ignore[call-overload]
            for word in said:
                out["field"][str(word).upper()] = str(fact)
        for word in book.get("cues", ()):  # type: ignore[attr-defined]
            out["cue"][str(word).lower()] = "cue"
    return out


def reply_line(text: str, answer: str, facts: Mapping[str, str]) -> str:
    """The first line of a chat's reply in the format the invitation asks for, filled in
    (`answer`: "yes" or "no"), or "" when it asks for none, or one that cannot be filled."""
    words = _words()
    lowered = text.lower()
    for found in _TEMPLATE.finditer(text):
        before = lowered[max(0, found.start() - 160) : found.start()]
        if not any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", before) for c in words["cue"]):
            continue
        line = _fill(found.group(), answer, words, facts)
        if line:
            return line
    return _word_choice(text, answer, words)


#: "balas YA jika bersedia atau TIDAK jika berhalangan", "reply YES to confirm or NO": the two
#: choice words in capitals, a few words apart, in one sentence
_CHOICE = re.compile(
    r"(?<![\w/])([A-Z]{1,8})(?![\w/])[^.\n?!]{1,60}?(?<![\w/])([A-Z]{1,8})(?![\w/])"
)


def _word_choice(text: str, answer: str, words: Mapping[str, Mapping[str, str]]) -> str:
    """The word to answer with when the invitation asks for one of two words written apart
    ("Reply YES to confirm or NO to decline"), after one of its cues; else ""."""
    lowered = text.lower()
    for found in _CHOICE.finditer(text):
        first, second = found.group(1), found.group(2)
        kinds = {words["choice"].get(first), words["choice"].get(second)}
        if kinds != {"yes", "no"}:
            continue
        before = lowered[max(0, found.start() - 40) : found.start()]
        if any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", before) for c in words["cue"]):
            return first if words["choice"][first] == answer else second
    return ""


def _fill(
    template: str, answer: str, words: Mapping[str, Mapping[str, str]], facts: Mapping[str, str]
) -> str:
    """The template with its choice made and its fields filled, or "" when it is no reply
    format (no yes-or-no choice in it) or a field has no value."""
    tokens = [m.group() for m in _PART.finditer(template)]
    out: list[str] = []
    chose = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = words["choice"].get(token)
        if kind is not None:
            # a choice "IYA/TIDAK": the words joined by "/" are its options
            options = [token]
            while i + 2 < len(tokens) and tokens[i + 1].strip() == "/":
                options.append(tokens[i + 2])
                i += 2
            picked = [o for o in options if words["choice"].get(o) == answer]
            if len(options) < 2 and words["choice"].get(token) != answer:
                return ""
            if not picked:
                return ""
            out.append(picked[0])
            chose = True
        elif token.strip() in "/_#-" and not token.strip().isalpha():
            out.append(token.strip())
        elif token in words["field"]:
            value = facts.get(words["field"][token], "")
            if not value:
                return ""
            out.append(value)
        else:
            return ""  # a word it does not know: no format is guessed at
        i += 1
    return "".join(out) if chose else ""
