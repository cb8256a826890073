"""Named checks: the escape hatch for what a rule file cannot say with patterns alone.

A rule of kind `check` names one of these. Each takes the lint context and returns hits;
the rule file still holds the id, level, guideline, messages and examples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from sopan.lint.checks.invitation import (
    date_mismatch,
    foreign_zone,
    known_honorific,
    reference_mismatch,
    reference_missing,
)
from sopan.lint.checks.profile import closing_name, new_employer, weekday_mismatch
from sopan.lint.checks.reasons import vague_reason
from sopan.lint.context import Context, Hit

Check = Callable[[Context], list[Hit]]

CHECKS: Mapping[str, Check] = MappingProxyType(
    {
        "reference_missing": reference_missing,
        "reference_mismatch": reference_mismatch,
        "date_mismatch": date_mismatch,
        "weekday_mismatch": weekday_mismatch,
        "closing_name": closing_name,
        "new_employer": new_employer,
        "foreign_zone": foreign_zone,
        "known_honorific": known_honorific,
        "vague_reason": vague_reason,
    }
)
