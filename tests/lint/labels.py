"""How the eval-dev reply labels map onto moves and rules (shared by tests and bench/lint.py)."""

from __future__ import annotations

from sopan.lint import LintReport

#: label → move that must be found exactly when the label is true
MOVE_LABELS = {
    "has_thanks": "thanks",
    "has_reason": "reason",
    "mentions_interview_datetime": "interview_ref",
    "offers_alternatives": "alternatives",
    "has_contact_info": "contact",
    "has_apology": "apology",
}
#: label → rules of which one must fire exactly when the label is true
RULE_LABELS = {
    "blames_company": {"blame"},
    # older labels mix a vague reason with a wavering decision; newer ones split them
    "vague_or_hedging": {"hedging", "vague_reason"},
    "hedges_decision": {"hedging"},
}


def labelled(truth: dict[str, object]) -> list[str]:
    """The labels this reply's hand labels give (older replies lack the newer ones)."""
    return [label for label in [*MOVE_LABELS, *RULE_LABELS] if label in truth]


def predicted(report: LintReport) -> dict[str, bool]:
    """Every label's value as the linter sees it."""
    rules = {f.rule for f in report.findings}
    out = {label: report.moves[move] for label, move in MOVE_LABELS.items()}
    out.update({label: bool(rules & ids) for label, ids in RULE_LABELS.items()})
    return out
