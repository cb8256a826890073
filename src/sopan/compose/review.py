"""Helpers for the `draft` command that are not command-line specific: turning
`--alternative` texts into slots and showing drafts for review (R8.1)."""

from __future__ import annotations

from collections.abc import Sequence

from sopan.compose.files import file_text
from sopan.model import Draft, Invitation, Profile


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
