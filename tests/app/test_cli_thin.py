"""The command layer is parse → call → print: nothing in cli/ calls a stage directly."""

from __future__ import annotations

import ast
from pathlib import Path

CLI = Path(__file__).resolve().parents[2] / "src" / "sopan" / "cli"
#: The stages; cli/ reaches them only through sopan.app.
STAGES = (
    "sopan.read",
    "sopan.plan",
    "sopan.compose",
    "sopan.lint",
    "sopan.calendar",
    "sopan.career",
)
#: Views over stage results: they turn a value into lines and decide nothing.
VIEWS = {
    "sopan.read.show",
    "sopan.cli.plan_view",
    "sopan.compose.review",
    "sopan.lint.report",
    "sopan.calendar.views",
    "sopan.career.words",
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _stage_imports(path: Path) -> set[str]:
    return {
        name
        for name in _imports(path)
        if any(name == s or name.startswith(s + ".") for s in STAGES)
        and not any(name == v or name.startswith(v + ".") for v in VIEWS)
    }


def test_cli_imports_no_stage_module() -> None:
    files = sorted(CLI.glob("*.py"))
    assert len(files) >= 6
    assert {p.name: sorted(_stage_imports(p)) for p in files if _stage_imports(p)} == {}


def test_the_check_catches_a_stage_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from sopan.read import read_file\n    from sopan import app\n")
    assert _stage_imports(probe) == {"sopan.read", "sopan.read.read_file"}
