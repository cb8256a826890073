"""The user's situation from plain values (flags, form fields): validated, with defaults.

Pure: the command-line options live in `situation_cli.py`, so the web layer can reuse this part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sopan.errors import UserError
from sopan.model.names import DETAILS, INTENTS, INTERESTS, REASONS

if TYPE_CHECKING:
    from sopan.model import Situation


def _choice(
    name: str, value: str | None, allowed: tuple[str, ...], default: str | None
) -> str | None:
    if value is None:
        return default
    value = value.strip().lower()
    if value not in allowed:
        raise UserError("choice.not_one_of", field=name, value=value, choices=allowed)
    return value


def situation_from_flags(
    *,
    intent: str | None = None,
    reason: str | None = None,
    interest: str | None = None,
    confirmed: bool | None = None,
    detail: str | None = None,
    reason_text: str | None = None,
    strengths: tuple[str, ...] = (),
    new_employer: str | None = None,
) -> Situation:
    """A Situation from flag values; None means not given and takes the default (no intent
    and no reason: the plan recommends one, the drafts give none)."""
    from sopan.model import Situation

    default = Situation()
    text = reason_text.strip() if reason_text else None
    return Situation(
        intent=_choice("intent", intent, INTENTS, default.intent),  # type: ignore[arg-type]
        reason=_choice("reason", reason, REASONS, default.reason),
        interest=_choice("interest", interest, INTERESTS, default.interest) or default.interest,  # type: ignore[arg-type]
        confirmed=default.confirmed if confirmed is None else confirmed,
        detail=_choice("detail", detail, DETAILS, default.detail) or default.detail,  # type: ignore[arg-type]
        reason_text=text or None,
        strengths=tuple(s.strip() for s in strengths if s.strip()),
        new_employer=new_employer.strip() if new_employer else None,
    )
