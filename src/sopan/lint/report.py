"""Reading a reply file and printing a lint report for people (the CLI's edges)."""

from __future__ import annotations

import sys
from pathlib import Path

from sopan.errors import UserError
from sopan.lint.engine import LintReport


def read_reply(path: str) -> str:
    """The text of a reply file ("-" reads standard input); UserError when unusable."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        name = "standard input"
    else:
        file = Path(path)
        if not file.exists():
            raise UserError(f"lint: {path}: no such file")
        if not file.is_file():
            raise UserError(f"lint: {path}: not a file")
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise UserError(f"lint: {path}: cannot read ({exc.strerror})") from None
        name = path
    if b"\x00" in raw:
        raise UserError(f"lint: {name}: a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"lint: {name}: not UTF-8 text") from None
    if not text.strip():
        raise UserError(f"lint: {name}: the file is empty")
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
