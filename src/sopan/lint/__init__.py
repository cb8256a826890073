"""The linter: find the moves of a reply and check it against rules kept as data.

Public API: `lint_text`, `lint_draft`, `LintOptions`, `detect_moves`, `LintReport`,
`load_rules_from`, `RuleError`.
"""

from __future__ import annotations

from sopan.lint.engine import LintReport, lint_draft, lint_text
from sopan.lint.moves import detect_moves
from sopan.lint.rules import Rule, RuleError, builtin_rules, load_rules_from
from sopan.model import LintOptions

__all__ = [
    "LintOptions",
    "LintReport",
    "Rule",
    "RuleError",
    "builtin_rules",
    "detect_moves",
    "lint_draft",
    "lint_text",
    "load_rules_from",
]
