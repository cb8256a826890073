"""Run a rule's own examples: every `fail` text must be flagged, every `pass` text not."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sopan.lint.engine import rule_hits
from sopan.lint.rules import Example, Rule
from sopan.model import Contact, Invitation, LintOptions, Profile


def example_context(example: Example) -> LintOptions:
    """Turn an example's context (plain YAML values) into the `LintOptions` it describes."""
    ctx: dict[str, Any] = {}
    for key, value in example.context.items():
        if key == "profile":
            ctx["profile"] = Profile(name=str(value))
        elif key == "invitation":
            inv = dict(value)
            start = inv.get("start")
            end = inv.get("end")
            ctx["invitation"] = Invitation(
                language=inv.get("language", "id"),
                source="text",
                company=inv.get("company"),
                position=inv.get("position"),
                start=datetime.fromisoformat(str(start)) if start else None,
                end=datetime.fromisoformat(str(end)) if end else None,
                timezone=inv.get("timezone"),
                reference=inv.get("reference"),
                contact=Contact(name=inv.get("contact")),
            )
        elif key in ("action", "channel", "detail", "new_employer", "language"):
            ctx[key] = str(value)
    return LintOptions(**ctx)


def example_problems(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples; an empty list when each behaves."""
    problems = []
    if not rule.fail or not rule.passing:
        problems.append(f"{rule.path}: rule '{rule.id}' needs fail and pass examples")
    for example in rule.fail:
        if not rule_hits(rule, example.text, example_context(example)):
            problems.append(f"{rule.path}: '{rule.id}' did not flag: {example.text!r}")
    for example in rule.passing:
        hits = rule_hits(rule, example.text, example_context(example))
        if hits:
            problems.append(f"{rule.path}: '{rule.id}' flagged a pass example: {hits[0]}")
    return problems
