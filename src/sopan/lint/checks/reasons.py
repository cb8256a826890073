"""Checks on the reason a reply gives (R4)."""

from __future__ import annotations

from sopan.lint.context import Context, Hit
from sopan.lint.moves import vague_reasons


def vague_reason(ctx: Context) -> list[Hit]:
    """A generic cause ("a prior commitment", "ada keperluan mendesak") in a reply that says
    nothing more specific about it (R4); one that goes on to say what it is passes.

    A person who chose to keep the reason brief (`detail="brief"`, as every draft sopan writes
    without the user's own words) shares only what they are comfortable with (R4, C2): the
    generic words are theirs to keep, and are not flagged."""
    if ctx.detail == "brief":
        return []
    return [Hit(start, end) for start, end in vague_reasons(ctx.text, ctx.language)]
