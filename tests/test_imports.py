"""Start-up pays only for what a command needs: heavy libraries are imported by the command
that uses them, never at start (speed is measured in bench/, this holds the shape)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HEAVY = ("reportlab", "docx", "icalendar", "phonenumbers", "holidays", "hunspell", "spylls",
         "pypdf")  # fmt: skip

_PROBE = """
import json, sys
from sopan.cli import main
try:
    main()  # reads sys.argv, as the installed command does
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    names = set(json.loads(done.stderr.strip().splitlines()[-1]))
    return names | {n.split(".")[0] for n in names}  # full names and their top packages


#: the use cases' modules other than reading's (their request and result types cost time)
OTHER_USE_CASES = tuple(f"sopan.app.{m}" for m in ("planning", "drafting", "calendars", "outbox"))


def test_help_imports_none_of_the_heavy_libraries() -> None:
    # nor the value classes (the choices are named from sopan.model.names, whose package only
    # names the values), the use cases or click
    mods = imported("--help")
    values = ("sopan.model.values", "sopan.model.decisions")
    assert mods.isdisjoint((*HEAVY, *values, "sopan.read", "sopan.app", "click"))
    assert "argparse" in mods


def test_reading_a_plain_email_needs_no_letter_calendar_or_spelling_library() -> None:
    mods = imported(
        "read", str(EXAMPLES / "undangan_wawancara_id.eml"), "--now", "2026-11-20T09:00+07:00"
    )
    assert "sopan.app.reading" in mods
    spelling = ("hunspell", "spylls")
    assert mods.isdisjoint(("reportlab", "docx", "holidays", *spelling, "pypdf", *OTHER_USE_CASES))


def test_linting_a_text_reply_loads_neither_compose_nor_the_calendar(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Terima kasih, saya tidak dapat hadir.\n\nHormat saya,\nRina\n", "utf-8")
    mods = imported("lint", str(reply), "--lang", "id")
    assert "sopan.lint.engine" in mods
    assert mods.isdisjoint(("reportlab", "docx", "icalendar", "holidays", "pypdf", "sopan.compose"))
    assert mods.isdisjoint(OTHER_USE_CASES)


def test_every_use_case_name_is_found_in_its_module() -> None:
    from sopan import app

    assert sorted(app.__all__) == sorted(app._WHERE)
    for name in app.__all__:
        assert getattr(app, name) is not None, name
