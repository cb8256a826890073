"""Reading a reply file and printing a lint report for people (the CLI's edges)."""

from __future__ import annotations

import re

from sopan.errors import UserError
from sopan.inputs import STDIN, read_input
from sopan.lint.engine import LintReport
from sopan.model import Language
from sopan.plan_words import load_words

# A reply is a message, not a document: a megabyte is far beyond any real one.
MAX_REPLY_BYTES = 1024 * 1024


def read_reply(path: str) -> str:
    """The text of a reply file ("-" reads standard input); UserError when unusable."""
    raw = read_input(path, what="a reply", max_bytes=MAX_REPLY_BYTES)
    name = "standard input" if path == STDIN else path
    if b"\x00" in raw:
        raise UserError(f"{name}: a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name}: not UTF-8 text") from None
    if not text.strip():
        raise UserError(f"{name}: the file is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # control characters (a terminal escape) become spaces: offsets stay, nothing reaches
    # the terminal
    return _CONTROL.sub(" ", text)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
