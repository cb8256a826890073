"""Helpers for the `draft` command that are not command-line specific: turning
`--alternative` texts into slots and showing drafts for review (R8.1)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sopan.compose.files import file_text
from sopan.model import Draft, Invitation, Profile, Slot, interview_length


def parse_alternatives(
    texts: Sequence[str], inv: Invitation, tz: str
) -> tuple[tuple[Slot, ...], tuple[str, ...]]:
    """ISO 8601 values become slots (as long as the interview); anything else stays text."""
    length = interview_length(inv)
    slots: list[Slot] = []
    free: list[str] = []
    for text in texts:
        value = text.strip()
        if not value:
            continue
        try:
            start = datetime.fromisoformat(value)
        except ValueError:
            free.append(value)
            continue
        if start.tzinfo is None:
            start = start.replace(tzinfo=ZoneInfo(inv.timezone or tz))
        slots.append(Slot(start, start + length))
    return tuple(slots), tuple(free)


def review_text(drafts: Sequence[Draft], inv: Invitation, profile: Profile) -> str:
    """Every draft, headed by its channel, language and register, for a person to read."""
    blocks: list[str] = []
    for draft in drafts:
        head = f"── {draft.channel} · {draft.language} · {draft.register} "
        lines = [head.ljust(60, "─")]
        if draft.subject:
            lines.append(f"Subject: {draft.subject}\n")
        lines.append(file_text(draft, inv, profile).rstrip("\n"))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
