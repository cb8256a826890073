"""Printing a lint report for people (the CLI's edge); reading a reply is `lint.files`."""

from __future__ import annotations

from sopan.language.words import load_words
from sopan.lint.engine import LintReport
from sopan.model import Language


def format_report(report: LintReport, name: str, language: Language) -> str:
    """Human-readable report in `language`: one finding a line (line:column, level, rule,
    guideline), then the moves found and absent and the totals."""
    w = load_words(language, "views")
    lines = []
    for f in report.findings:
        level = w.name("level", f.level)
        lines.append(f"{name}:{f.line}:{f.column}: {level} [{f.rule} · {f.guideline}] {f.message}")
        if f.suggestion:
            suggestion = f.suggestion.replace("\n", "⏎")
            lines.append("    " + w.text("lint", "suggestion", text=suggestion))
    found = [m for m, ok in report.moves.items() if ok]
    missing = [m for m, ok in report.moves.items() if not ok]
    lines.append(w.text("lint", "moves_found", moves=", ".join(found) or "-"))
    lines.append(w.text("lint", "moves_absent", moves=", ".join(missing) or "-"))
    counts = {
        lvl: sum(f.level == lvl for f in report.findings) for lvl in ("error", "warning", "info")
    }
    totals = w.text(
        "lint",
        "totals",
        errors=counts["error"],
        warnings=counts["warning"],
        notes=counts["info"],
        language=report.language,
    )
    lines.append(totals)
    return "\n".join(lines)
