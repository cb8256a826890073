"""The `draft` command's surface (reading real files is tested once the reader is merged)."""

from __future__ import annotations

from typing import Any


def test_draft_help_lists_every_flag(run_cli: Any) -> None:
    result = run_cli("draft", "--help")
    assert result.returncode == 0, result.stderr
    for flag in (
        "--intent",
        "--reason",
        "--interest",
        "--confirmed",
        "--unconfirmed",
        "--detail",
        "--reason-text",
        "--lang",
        "--channel",
        "--variant",
        "--alternative",
        "--strength",
        "--attach",
        "--linkedin-premium",
        "--out",
        "--now",
    ):
        assert flag in result.stdout
    assert "never sends" in " ".join(result.stdout.split())


def test_alternatives_become_slots_or_stay_text() -> None:
    from datetime import timedelta

    from sopan.compose.review import parse_alternatives

    from .compose_cases import invitation

    slots, free = parse_alternatives(
        ["2026-11-25T14:00", "Kamis pagi", " "], invitation("id"), "Asia/Jakarta"
    )
    assert free == ("Kamis pagi",)
    assert len(slots) == 1
    assert slots[0].start.isoformat() == "2026-11-25T14:00:00+07:00"
    assert slots[0].end - slots[0].start == timedelta(hours=1)
