"""What the Karier pages show, as plain values for the templates: their words, a day in the
page's language, a reason's and a reminder's sentence, a declined company's mark. Nothing
here reads a file or the store."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from markupsafe import Markup, escape

from sopan import app


def page_words(language: str) -> dict[str, Any]:
    """The Karier pages' words (`web` in data/career/words/<lang>.yaml) with the reasons,
    the platforms' names and the actions a declined company's mark names."""
    book = app.words_for(language)
    words: dict[str, Any] = dict(book["web"])
    words["reasons"] = book["reasons"]
    words["sources"] = book["sources"]
    words["actions"] = book["view"]["actions"]
    return words


def day_text(value: date | datetime | str | None, language: str) -> str:
    """A day as people write it ("7 Desember 2026", the letter's form), never an ISO date;
    "" for None. A string is an ISO moment (as the store's rows give a to-do's day)."""
    from sopan.language.dateforms import day

    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return day(value, "letter_date", language)


def fill(template: str, given: Mapping[str, object], **plain: object) -> Markup:
    """A sentence of sopan's words with the person's own values in it (a name, a title, a
    company, a post's words), each marked as given (`<span class="given">`): they are shown
    as they were written, in whatever language that was. `plain`: sopan's own values."""
    marked = {k: Markup('<span class="given">%s</span>') % v for k, v in given.items()}
    return Markup(escape(template)).format(**marked, **plain)


def vcard_count(data: bytes) -> int:
    """How many people a vCard file holds."""
    return data.count(b"BEGIN:VCARD")


def sources_text(sources: Any, language: str) -> str:
    """The platforms an archive's posts came from, by their names."""
    names = page_words(language)["sources"]
    return ", ".join(names[s] for s in sources)


def reasons_text(flagged: Any, language: str) -> list[tuple[str, str]]:
    """A flagged post's reasons, each once, in words: (the reason, what was found)."""
    words = page_words(language)
    shown: dict[str, list[str]] = {}
    for r in flagged.reasons:
        found = shown.setdefault(r.reason, [])
        if r.match not in found:
            found.append(r.match)
    return [(words["reasons"][reason], ", ".join(found)) for reason, found in shown.items()]


def reminder_text(reminder: Any, language: str) -> str:
    """A reconnect or connect reminder's sentence, without a guideline's code."""
    template: str = page_words(language)["network"][reminder.kind]
    return template.format(name=reminder.name, days=reminder.days)


def declined_text(fresh: Any, language: str) -> str | None:
    """The polite mark of a new posting from a company declined or cancelled with."""
    d = fresh.declined
    if d is None:
        return None
    words = page_words(language)
    template: str = words["watch"]["declined"]
    action = words["actions"][d.action]
    return template.format(action=action, company=d.company, date=day_text(d.at, language))
