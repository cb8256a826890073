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
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    import pytest

    from sopan.app.planning import _typed_alternatives
    from sopan.errors import UserError

    from .compose_cases import invitation

    now = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    typed = ["2026-11-25T14:00", "Kamis pagi", " ", "Rabu, 25 November 2026 pukul 16.00",
             "26/11 pukul 09.00-11.00"]  # fmt: skip
    slots, free = _typed_alternatives(
        typed, invitation("id"), tz="Asia/Jakarta", language="id", now=now
    )
    assert free == ("Kamis pagi",)
    starts = [s.start.isoformat() for s in slots]
    assert starts == ["2026-11-25T14:00:00+07:00", "2026-11-25T16:00:00+07:00",
                      "2026-11-26T09:00:00+07:00"]  # fmt: skip
    assert slots[0].end - slots[0].start == timedelta(hours=1)
    assert slots[2].end - slots[2].start == timedelta(hours=2)  # the range typed
    # a date that is wrong is an error naming the field, never kept as the person's words
    for bad in ("9999-12-31T23:30", "Selasa, 25 November 2026 10.00"):
        with pytest.raises(UserError) as caught:
            _typed_alternatives([bad], invitation("id"), tz="Asia/Jakarta", language="id", now=now)
        assert caught.value.field == "alternative"
