"""Checks that need the user's own details or a little arithmetic (R3, R4.2, R8)."""

from __future__ import annotations

import re

from sopan.lint.context import Context, Hit, readings


def closing_name(ctx: Context) -> list[Hit]:
    """With a profile, the message must end with the user's full name (R3)."""
    if ctx.profile is None or not ctx.profile.name.strip():
        return []
    name = ctx.profile.name.strip()
    tail = ctx.text[-max(len(name) + 200, 300) :]
    if re.search(re.escape(name), tail, re.IGNORECASE):
        return []
    end = len(ctx.text.rstrip())
    return [Hit(end, end, name, {"name": name})]


def new_employer(ctx: Context) -> list[Hit]:
    """The reply names the employer whose offer the user accepted (R4.2, C2)."""
    name = (ctx.new_employer or "").strip()
    if len(name) < 2:
        return []
    # the user's own words: compiled here, never kept in the pattern cache
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return [Hit(m.start(), m.end(), None, {"employer": name}) for m in pattern.finditer(ctx.text)]


def weekday_mismatch(ctx: Context) -> list[Hit]:
    """A written weekday that does not fall on the written date ("Senin, 24 November 2026")."""
    hits = []
    for mention in ctx.dates:
        if mention.weekday is None or not mention.explicit_year:
            continue
        if mention.kind == "impossible":  # "Senin, 31 Februari 2027": no such day at all
            hits.append(Hit(mention.start, mention.end, None))
            continue
        # a numeric date read both ways ("Jumat, 03/04/2026") is right if either reading is
        if all(day.weekday() != mention.weekday for day in readings(mention)):
            from sopan.language.dateforms import (
                day,  # only for a wrong weekday: lint starts without Babel
            )

            right = day(mention.day, "weekday", ctx.language)
            hits.append(Hit(mention.start, mention.end, right, {"weekday": right}))
    return hits
