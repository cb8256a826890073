"""The commands' human views speak the profile's language; their words come from data/views/."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import EXAMPLES, FIXTURES, SRC, Run

from sopan.language.words import load_words, placeholders
from sopan.read import read_file
from sopan.read.show import describe

NOW = "2026-11-29T14:30:00+07:00"
INVITATION = str(EXAMPLES / "interview_invitation_en.eml")


def _init(run_cli: Run, lang: str) -> None:
    done = run_cli("init", "--name", "Rina Kusuma", "--lang", lang)
    assert done.returncode == 0, done.stderr
    saved = {"en": "Profile saved to ", "id": "Profil disimpan di "}[lang]
    assert done.stdout.startswith(saved)


def test_views_books_match_across_languages() -> None:
    en, id_ = load_words("en", "views").data, load_words("id", "views").data
    assert en.keys() == id_.keys()
    for section in en:
        assert en[section].keys() == id_[section].keys(), section
        for key, value in en[section].items():
            if isinstance(value, str):
                assert placeholders(value) == placeholders(id_[section][key]), key
                assert value.strip() and id_[section][key].strip(), key


def test_read_view_in_english_keeps_its_columns() -> None:
    now = datetime(2026, 11, 29, 14, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    inv = read_file(Path(INVITATION), now=now, user_tz="Asia/Jakarta")
    lines = describe(inv, now=now, user_tz="Asia/Jakarta", language="en")
    assert "Source:       email (English)" in lines
    assert "Time left:    23.0 hours" in lines
    assert any(line.startswith("When:         Mon 30 Nov 2026 14:30") for line in lines)
    assert "Missing:      end time" in lines
    indonesian = describe(inv, now=now, user_tz="Asia/Jakarta", language="id")
    assert "Sumber:         email (bahasa Inggris)" in indonesian
    assert "Sisa waktu:     23,0 jam" in indonesian
    assert "Tak disebutkan: jam selesai" in indonesian


def test_started_interview_counts_back_in_each_language() -> None:
    now = datetime(2026, 11, 30, 16, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    inv = read_file(Path(INVITATION), now=now, user_tz="Asia/Jakarta")
    assert "Time left:    started 2.5 hours ago" in describe(
        inv, now=now, user_tz="Asia/Jakarta", language="en"
    )
    assert "Sisa waktu:     sudah dimulai 2,5 jam lalu" in describe(
        inv, now=now, user_tz="Asia/Jakarta", language="id"
    )


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ["Your time:    Mon 30 Nov 2026 13:30", "Time left:    23.0 hours"]),
        ("id", ["Waktu Anda:     Sen 30 Nov 2026 13.30", "Sisa waktu:     23,0 jam"]),
    ],
)
def test_read_speaks_the_profile_language(run_cli: Run, lang: str, words: list[str]) -> None:
    _init(run_cli, lang)
    done = run_cli("read", INVITATION, "--now", NOW)
    assert done.returncode == 0, done.stderr
    for expected in words:
        assert expected in done.stdout


@pytest.mark.parametrize(
    "lang, nothing, count",
    [("en", "Nothing booked.", "2 invitation(s)"), ("id", "Tidak ada jadwal.", "2 undangan")],
)
def test_busy_and_mailbox_speak_the_profile_language(
    run_cli: Run, lang: str, nothing: str, count: str
) -> None:
    _init(run_cli, lang)
    calendar = str(FIXTURES / "calendar" / "spans_midnight.ics")
    done = run_cli("busy", "--from", "2031-01-05T09:00:00", "--calendar", calendar)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == nothing
    mbox = str(FIXTURES / "mbox" / "two_invitations_among_others.mbox")
    listed = run_cli("read", "--mailbox", mbox, "--now", "2026-11-20T09:00:00+07:00")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == count


@pytest.mark.parametrize(
    "lang, found, totals",
    [
        ("en", "moves found: greeting", "0 error(s), 0 warning(s), 0 note(s) · language: id"),
        ("id", "unsur yang ada: greeting", "0 kesalahan, 0 peringatan, 0 catatan · bahasa: id"),
    ],
)
def test_lint_report_speaks_the_profile_language(
    run_cli: Run, tmp_path: Path, lang: str, found: str, totals: str
) -> None:
    _init(run_cli, lang)
    reply = tmp_path / "balasan.txt"
    reply.write_text(
        "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara pada Senin, 23 November 2026 "
        "pukul 10.00 WIB. Dengan berat hati saya tidak dapat hadir karena telah menerima "
        "tawaran pekerjaan lain.\n\nHormat saya,\nRina Kusuma\nrina.kusuma@example.com\n",
        "utf-8",
    )
    done = run_cli("lint", str(reply), "--action", "decline")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(found) and lines[-1] == totals


@pytest.mark.parametrize(
    "lang, prompt, aborted",
    [("en", "Full name: ", "Aborted."), ("id", "Nama lengkap: ", "Dibatalkan.")],
)
def test_init_prompts_and_abort_speak_the_profile_language(
    tmp_path: Path, lang: str, prompt: str, aborted: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[profile]\nname = "Rina"\nlanguage = "{lang}"\n', "utf-8")
    env = dict(os.environ, PYTHONPATH=str(SRC), SOPAN_CONFIG=str(config))
    env.pop("SOPAN_DEBUG", None)
    # a terminal on standard input makes `init` ask; end-of-input there aborts the prompt
    master, slave = pty.openpty()
    try:
        done = subprocess.Popen(
            [sys.executable, "-m", "sopan", "init"],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        os.close(slave)
        os.write(master, b"\x04")
        out, err = done.communicate(timeout=60)
    finally:
        os.close(master)
    assert done.returncode == 1
    # the question is on stderr (stdout keeps only what the command prints), then the abort
    assert out == "" and err == f"{prompt}\n{aborted}\n"
