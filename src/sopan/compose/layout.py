"""How a draft is laid out beyond its moves: a call's numbered script, a letter's heading, and
the subject a written reply carries."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

from sopan.language.dateforms import common, day
from sopan.model import Invitation

#: what marks a subject as a template's, not a person's: a slot left unfilled, or a character
#: lost in transit (U+FFFD)
_BROKEN = "\ufffd"


def subject_line(action: str, position: str, language: str, event: str, name: str = "") -> str:
    """The reply's own subject: "Pembatalan wawancara – Analis Data", the event named as the
    invitation names it ("Pembatalan tes online", "Pengunduran diri dari tes tertulis dan
    wawancara"), ending with the writer's `name` when given (an e-mail's)."""
    book = common(language)
    words = book["subject"]
    key = action
    if action == "decline" and event and event != str(book["events"]["interview"]["name"]):
        key = "decline_event"
    base = str(words[key]).format(event=event, event_cap=event[:1].upper() + event[1:])
    if position:
        base = str(words["with_position"]).format(subject=base, position=position)
    if name:
        base = str(words["with_name"]).format(subject=base, name=name)
    return base


def _junk(subject: str) -> bool:
    """Whether a subject holds a template slot or a broken character."""
    if _BROKEN in subject or "??" in subject:
        return True
    from sopan.read.slots import find

    return bool(find(subject))


def reply_subject(
    inv_subject: str | None, fallback: str, language: str, position: str = "", event: str = ""
) -> str:
    """ "Re: " + the invitation's subject, never "Re: Re: …"; the fallback when it has none.
    A template slot is taken out with the words that joined it, so the reply stays in its
    thread ("Re: Undangan Wawancara"); a subject with broken characters (U+FFFD), or with too
    little left, is written fresh: "Re: Wawancara – Analis Data"."""
    subject = re.sub(r"\s+", " ", inv_subject or "").strip()
    if not subject:
        return fallback
    words = common(language)
    if _junk(subject) and _BROKEN not in subject and "??" not in subject:
        from sopan.read.slots import without_slots

        # the real words with the slot taken out keep the reply in its thread ("Undangan
        # Wawancara — ${candidate.jobTitle}" → "Re: Undangan Wawancara"); a word alone is
        # too little to be the thread's subject
        kept = without_slots(subject)
        if len(kept.split()) >= 2:
            subject = kept
    if _junk(subject):
        # an invitation that names no event is an interview
        event = event or str(words["events"]["interview"]["name"])
        fresh = str(words["subject"]["fresh"]).format(event_cap=event[:1].upper() + event[1:])
        if position and not _junk(position):
            fresh = str(words["subject"]["with_position"]).format(subject=fresh, position=position)
        return str(words["reply_prefix"]) + fresh
    if re.match(r"(?i)^(re|aw|balas)\s*:", subject):
        return subject
    return str(words["reply_prefix"]) + subject


def call_script(
    steps: Sequence[str],
    render: Callable[[str], str],
    path_of: Callable[[str], Sequence[str]],
    inv: Invitation,
    ask_for: str,
    language: str,
    *,
    no_answer: str,
    medium: str = "",
) -> str:
    """A call as numbered key points in speaking order, each labelled by what is said under
    it, under the number to dial and whom to ask for; then what to do when nobody answers, as
    the plan does it (`no_answer`, a key of the book's `no_answer`: a voicemail only where one
    is left, the written reply by `medium` only where the plan sends it after the call)."""
    words = common(language)["call"]
    lines = [str(words["title"])]
    if inv.contact.phone:
        who = f" ({ask_for})" if ask_for else ""
        lines.append(f"{words['to']}: {inv.contact.phone}{who}")
    lines.append("")
    number = 0
    for step in steps:
        rendered = render(step)
        if rendered:
            number += 1
            path = list(path_of(step))
            names = [m.split("/")[0] for m in path[0].split("+")]
            labels = words["labels"]
            whole = "+" in path[0] and path[0] in labels  # a label of its own for the pair
            label = (
                str(labels[path[0]])
                if whole
                else str(words["join"]).join(_label(labels[m], path[1:]) for m in names)
            )
            lines.append(f"{number}. {label}: {rendered}")
    lines += ["", str(words["no_answer"][no_answer]).format(medium=medium)]
    return "\n".join(lines)


def _label(label: object, keys: Sequence[str]) -> str:
    """A step's label: one for the move, or, where what is said depends on the situation (the
    interest in the role, or good wishes), the one for the situation's keys, else `default`."""
    for key in keys:
        if not isinstance(label, dict):
            break
        label = label.get(key, label.get("default"))
    while isinstance(label, dict):
        label = label["default"]
    return str(label)


def letter_heading(
    facts: dict[str, str],
    inv: Invitation,
    subject: str,
    now: datetime,
    attachments: int,
    language: str,
    region: str = "",
) -> str:
    """A letter's head: place and date, enclosure and subject, in the language's order (an
    English business letter puts the sender's block first, then the addressee); its date in
    the regional variant's form ("December 7, 2026", en US)."""
    words = common(language)["letter"]
    date = day(now, "letter_date", language, region)
    city = facts["city"]
    place_date = str(words["place_date"]).format(city=city, date=date) if city else date
    enclosure = (
        str(words["attachment_count"]).format(count=attachments)
        if attachments
        else str(words["attachment_none"])
    )
    lines: list[str] = []
    if words.get("sender_first"):
        sender = [
            facts["name"],
            city,
            " | ".join(x for x in (facts["email"], facts["phone"]) if x),
        ]
        lines += [x for x in sender if x] + ["", place_date, ""]
        # the person or the team, then the company, each once
        lines += [x for x in facts["recipient_block"].split("\n") if x]
        if lines[-1]:  # no recipient block: the date's blank line is the one before it
            lines.append("")
        lines.append(f"{words['subject_label']}: {subject}")
        if enclosure:
            lines.append(f"{words['attachment_label']}: {enclosure}")
    else:
        lines += [place_date, ""]
        lines.append(f"{words['attachment_label']}: {enclosure}")
        lines.append(f"{words['subject_label']}: {subject}")
    return "\n".join(lines)
