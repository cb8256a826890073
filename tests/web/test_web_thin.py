"""The web app is parse → call → render: nothing in web/ calls a stage, the store, the
config or a mail server directly; only `sopan.app`, the values (`sopan.model`), the errors,
the words and views of `sopan.language` and `sopan.data`, and the one parser of what people
type."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "sopan" / "web"
#: what web/ may import of sopan
ALLOWED = (
    "sopan.app", "sopan.model", "sopan.errors", "sopan.web", "sopan.data",
    "sopan.language.words", "sopan.language.dateforms", "sopan.language.guidelines",
    "sopan.language.choices", "sopan.language.zones", "sopan.language.plan_header",
    "sopan.parse",
)  # fmt: skip


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "sopan":  # from sopan import app
                found.update(f"sopan.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def _forbidden(path: Path) -> set[str]:
    return {
        name
        for name in _imports(path)
        if (name == "sopan" or name.startswith("sopan."))
        and not any(name == a or name.startswith(a + ".") for a in ALLOWED)
    }


def test_web_calls_only_the_use_cases() -> None:
    files = sorted(WEB.glob("*.py"))
    assert len(files) >= 8
    assert {p.name: sorted(_forbidden(p)) for p in files if _forbidden(p)} == {}


def test_the_check_catches_a_stage_the_store_and_the_config(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from sopan import app, read\nfrom sopan.store import Store\nimport sopan.config\n"
        "from sopan.language.phones import e164\nfrom sopan.model import Slot\n"
    )
    assert _forbidden(probe) == {
        "sopan.read", "sopan.store", "sopan.config", "sopan.language.phones",
    }  # fmt: skip
