"""Reading a reply file and printing a lint report for people (the CLI's edges)."""

from __future__ import annotations

from sopan.errors import UserError
from sopan.inputs import STDIN, read_input
from sopan.lint.engine import LintReport

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
    return text.replace("\r\n", "\n").replace("\r", "\n")


def format_report(report: LintReport, name: str) -> str:
    """Human-readable report: one finding a line (line:column, level, rule, guideline)."""
    lines = []
    for f in report.findings:
        lines.append(
            f"{name}:{f.line}:{f.column}: {f.level} [{f.rule} · {f.guideline}] {f.message}"
        )
        if f.suggestion:
            suggestion = f.suggestion.replace("\n", "⏎")
            lines.append(f"    suggestion: {suggestion}")
    found = [m for m, ok in report.moves.items() if ok]
    missing = [m for m, ok in report.moves.items() if not ok]
    lines.append(f"moves found: {', '.join(found) or '-'}")
    lines.append(f"moves absent: {', '.join(missing) or '-'}")
    counts = {
        lvl: sum(f.level == lvl for f in report.findings) for lvl in ("error", "warning", "info")
    }
    lines.append(
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)"
        f" · language: {report.language}"
    )
    return "\n".join(lines)
