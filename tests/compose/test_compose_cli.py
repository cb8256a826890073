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


def test_channel_all_says_which_channels_it_did_not_write_and_why(
    run_cli: Any, tmp_path: Any
) -> None:
    # a one-line chat with no number and no address: no e-mail, no call, no text message, no
    # calendar answer, and no formal letter to an invitation that is no formal letter
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "Halo, kami mengundang Anda interview posisi Barista di Kopi Senja hari Kamis, "
        "26 November 2026 pukul 10.00 WIB di outlet Dago. Konfirmasi ke chat ini ya.\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "out")
    args = ("draft", str(chat), "--channel", "all", "--intent", "decline", "--reason",
            "accepted-offer", "--interest", "no", "--unconfirmed", "--profile-example",
            "--no-store", "--out", out, "--now", "2026-11-20T09:00+07:00")  # fmt: skip
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("Tidak ditulis — ")]
    named = {ln.split(" — ", 1)[1].split(":", 1)[0] for ln in lines}
    assert named == {"telepon", "pesan suara", "email", "surat", "SMS", "balasan kalender",
                     "LinkedIn"}  # fmt: skip
    assert all(ln.split(": ", 1)[1].strip() for ln in lines)  # each says why
    assert "--channel letter" in next(ln for ln in lines if "surat" in ln)
    # no person named: no connection note, and one line says so
    assert "Tidak ditulis — LinkedIn: tidak ada nama orang yang disebut" in lines
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert written == {"whatsapp.txt"}
    # asked for by name, the letter is written
    result = run_cli(*args[:3], "letter", *args[4:])
    assert result.returncode == 0, result.stderr
    assert "letter.docx" in {p.name for p in (tmp_path / "out").iterdir()}
