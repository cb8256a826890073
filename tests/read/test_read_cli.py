"""`sopan read` through the real command line: the views, the JSON contract, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
EXAMPLES = HERE.parents[1] / "examples"
KEYS = [
    "language",
    "source",
    "company",
    "position",
    "start",
    "end",
    "day",
    "time",
    "past",
    "timezone",
    "mode",
    "location",
    "meeting_link",
    "platform",
    "access_code",
    "contact",
    "reference",
    "reply_by",
    "message_id",
    "uid",
    "confidence",
    "missing",
    "placeholders",
    "ambiguous",
    "provenance",
    "ocr_text",
]


def test_json_contract_has_exactly_the_documented_keys(run_cli) -> None:
    result = run_cli(
        "read",
        str(EXAMPLES / "undangan_wawancara_id.eml"),
        "--json",
        "--now",
        "2026-11-20T09:00:00+07:00",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    assert list(data["contact"]) == ["name", "honorific", "email", "phone"]
    assert data["start"] == "2026-11-23T10:00:00+07:00"
    assert data["message_id"] == "<20261118091200.4821@nusantaradata.example>"


def test_human_view_shows_own_zone_and_hours_left(run_cli) -> None:
    result = run_cli(
        "read", str(EXAMPLES / "interview_invitation_en.eml"), "--now", "2026-11-29T14:30:00+07:00"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # no profile written: the example profile's language (Indonesian) labels the view
    assert "Sen 30 Nov 2026 14.30" in out and "Asia/Singapore" in out
    assert "Waktu Anda:" in out and "13.30 WIB" in out
    assert "Sisa waktu:     23,0 jam" in out
    assert "Passcode" not in out and "482913" in out


def test_human_view_names_missing_and_ambiguous(run_cli) -> None:
    result = run_cli(
        "read",
        str(FIXTURES / "text/en_two_dates_undecided.txt"),
        "--now",
        "2026-11-20T09:00:00+07:00",
    )
    assert result.returncode == 0, result.stderr
    # each reading as a person reads a date, in their own zone as the web page shows it; the
    # facts named in words, never by their keys
    out = result.stdout
    assert "Kurang jelas:   tanggal dan jam: Senin, 30 November 2026 pukul 09.00 WIB" in out
    assert "| Selasa, 1 Desember 2026 pukul 13.00 WIB" in out
    assert "Tak disebutkan: tanggal dan jam, jam selesai" in result.stdout
    assert "2026-11-30" not in result.stdout and "start" not in result.stdout


def test_mailbox_lists_invitations_newest_first(run_cli) -> None:
    result = run_cli(
        "read",
        "--mailbox",
        str(FIXTURES / "mbox/two_invitations_among_others.mbox"),
        "--json",
        "--now",
        "2026-11-20T09:00:00+07:00",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["company"] for d in data] == ["Beta Partners", "PT Alpha Teknik"]


def test_stdin_is_read_with_a_dash(run_cli) -> None:
    text = "Undangan interview posisi Kasir: Senin, 30 November 2026 pukul 10.00 WIB."
    result = run_cli("read", "-", "--json", "--now", "2026-11-20T09:00:00+07:00", input=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["start"] == "2026-11-30T10:00:00+07:00"


def test_every_command_names_standard_input_the_same_way(run_cli) -> None:
    # read_file itself takes "-", so plan and draft read stdin as read does.
    for args in (("read", "-"), ("plan", "-", "--intent", "decline")):
        result = run_cli(*args, input="")
        assert result.returncode == 2, result.stderr
        # in the profile's language (the bundled example speaks Indonesian)
        assert result.stderr.strip() == "sopan: stdin: berkasnya kosong"


def _bad(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"bad_{kind}"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_text("   \n\n  ", "utf-8")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 20)
    elif kind == "not_email":
        path.write_text("Daftar belanja: beras, telur, minyak goreng.\n", "utf-8")
    elif kind == "json":
        path.write_text('{"a": 1, "b": [1, 2, 3]}', "utf-8")
    elif kind == "huge":
        with path.open("wb") as f:
            f.truncate(11 * 1024 * 1024)
    elif kind == "bad_ics":
        path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "utf-8")
    return path


@pytest.mark.parametrize(
    "kind, words",
    [
        # in the example profile's Indonesian
        ("missing", "berkas ini tidak ada"),
        ("empty", "kosong"),
        ("blank", "kosong"),
        ("binary", "biner"),
        ("not_email", "bukan undangan wawancara"),
        ("json", "bukan undangan wawancara"),
        ("huge", "terlalu besar"),
        ("bad_ics", "tidak berisi acara"),
        ("folder", "Maildir"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, tmp_path: Path, kind: str, words: str) -> None:
    if kind == "missing":
        path = tmp_path / "nope.eml"
    elif kind == "folder":
        path = tmp_path / "folder"
        path.mkdir()
    else:
        path = _bad(tmp_path, kind)
    result = run_cli("read", str(path))
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert words in lines[0] and str(path.name) in lines[0]


def test_bad_now_is_a_user_error(run_cli) -> None:
    result = run_cli("read", str(EXAMPLES / "undangan_wawancara_id.eml"), "--now", "kemarin")
    assert result.returncode == 2 and "--now" in result.stderr


def test_read_without_file_is_a_user_error(run_cli) -> None:
    result = run_cli("read")
    assert result.returncode == 2 and "FILE" in result.stderr


def test_profile_time_zone_is_used_for_your_time(run_cli, tmp_path: Path) -> None:
    cfg = tmp_path / "config" / "config.toml"
    cfg.parent.mkdir(parents=True)
    cfg.write_text('[profile]\nname = "Rina"\ntimezone = "Asia/Makassar"\n', "utf-8")
    result = run_cli(
        "read", str(EXAMPLES / "undangan_wawancara_id.eml"), "--now", "2026-11-23T08:00:00"
    )
    assert result.returncode == 0, result.stderr
    assert "Waktu Anda:     Sen 23 Nov 2026 11.00–12.30 WITA [Asia/Makassar]" in result.stdout
    assert "Sisa waktu:     3,0 jam" in result.stdout  # 08:00 WITA is 07:00 WIB
