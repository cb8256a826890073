"""What a reply owes an apology for: one table (`data/plan/owed.yaml`), read by the plan and
by every draft, so the warnings and the messages never disagree (R2, C1, C2.1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sopan.data import load_yaml
from sopan.errors import InternalError
from sopan.model import Invitation, Situation, Urgency

#: the kinds of apology the table may name (each has its phrasings in data/phrases/)
KINDS = (
    "missed",
    "confirmed_short_notice",
    "confirmed",
    "short_notice",
    "after_deadline",
    "change",
    "none",
)
_CONDITIONS = frozenset({"past", "confirmed", "short", "late", "actions"})


@cache
def _table() -> tuple[Mapping[str, Any], ...]:
    rows = load_yaml("plan", "owed.yaml")
    if not isinstance(rows, list) or not rows:
        raise InternalError("plan/owed.yaml: a list of rows")
    for number, row in enumerate(rows, 1):
        if row.get("owed") not in KINDS or set(row) - {"owed"} - _CONDITIONS:
            raise InternalError(f"plan/owed.yaml: row {number} is not one of the table's rows")
    if set(rows[-1]) != {"owed"}:
        raise InternalError("plan/owed.yaml: the last row must hold whatever the conditions")
    return tuple(rows)


def is_past(inv: Invitation, urgency: Urgency) -> bool:
    """Whether the interview has begun or passed: the reader says so, or no time is left."""
    return bool(getattr(inv, "past", False)) or urgency.level == "past"


def owed_apology(
    action: str, inv: Invitation, sit: Situation, urgency: Urgency, now: datetime
) -> str:
    """The kind of apology the reply owes (a row of the table; "none" for none)."""
    facts: dict[str, Any] = {
        "past": is_past(inv, urgency),
        "confirmed": sit.confirmed,
        "short": urgency.level == "late",
        "late": inv.reply_by is not None and now > inv.reply_by,
    }
    for row in _table():
        if _holds(row, facts, action):
            return str(row["owed"])
    raise InternalError("plan/owed.yaml: no row holds")  # the last row always does


def _holds(row: Mapping[str, Any], facts: Mapping[str, Any], action: str) -> bool:
    for key, want in row.items():
        if key == "owed":
            continue
        if key == "actions":
            if action not in _names(want):
                return False
        elif bool(facts[key]) != bool(want):
            return False
    return True


def _names(value: Any) -> Sequence[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
