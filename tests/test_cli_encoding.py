"""A console that cannot write every character (a Windows console in an old code page, a
terminal in Latin-1): what it cannot show is replaced by plain letters, never a traceback,
and JSON stays exact through `\\u` escapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SRC

INVITATION = """Selamat siang Kak Rina 🙏

Saya Yuni dari tim HR *CV Arunika Kreatif* (Yogyakarta) — terima kasih sudah melamar posisi
*Content Writer*.

Kami mengundang Kakak untuk interview online:
📅 Kamis, 26 November 2026
⏰ 13.30 - 14.15 WIB
💻 Google Meet: https://meet.google.com/abc-defg-hij

Yuni - HR Arunika
0813-2765-4421
"""


#: a contact whose name has letters an old code page lacks
NAMED = ("--set", "contact.name=Désirée Siregar", "--now", "2026-11-20T09:00+07:00")


def _sopan(tmp_path: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOPAN_DEBUG"}
    env.update(PYTHONPATH=str(SRC), PYTHONIOENCODING=encoding, PYTHONUTF8="0",
               SOPAN_CONFIG=str(tmp_path / "config.toml"))  # fmt: skip
    return subprocess.run([sys.executable, "-m", "sopan", *args], capture_output=True,
                          env=env, cwd=tmp_path, timeout=120)  # fmt: skip


@pytest.fixture
def invitation(tmp_path: Path) -> Path:
    path = tmp_path / "undangan.txt"
    path.write_text(INVITATION, "utf-8")
    return path


@pytest.mark.parametrize("encoding", ["ascii", "cp437", "cp1252", "latin-1"])
def test_what_the_console_cannot_write_is_replaced(
    tmp_path: Path, invitation: Path, encoding: str
) -> None:
    done = _sopan(tmp_path, encoding, "read", str(invitation), *NAMED)
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    out = done.stdout.decode(encoding)  # every byte is the console's own
    assert "Traceback" not in done.stderr.decode(encoding, "replace")
    assert "Siregar" in out
    if encoding == "ascii":
        assert "Desiree Siregar" in out  # the name's letters, without what cannot be shown
    else:
        assert "Désirée Siregar" in out  # a code page that has "é" writes it
    assert "?" in out  # the emoji no code page has


def test_a_dash_and_a_box_line_become_plain_ones_in_ascii(tmp_path: Path) -> None:
    done = _sopan(tmp_path, "ascii", "draft", str(EXAMPLES / "undangan_wawancara_id.eml"),
                  "--intent", "decline", "--reason", "accepted-offer", "--interest", "no",
                  "--unconfirmed", "--now", "2026-11-20T09:00+07:00", "--channel", "letter",
                  "--out", str(tmp_path / "out"))  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("ascii", "replace")
    out = done.stdout.decode("ascii")
    assert "-- letter - id - formal --" in out  # "── letter · id · formal ──"
    assert "proses seleksi - Data Analyst" in out  # the subject's "–"
    # the file written is the draft itself, not what the console showed
    letter = (tmp_path / "out" / "letter.pdf").read_bytes()
    assert letter.startswith(b"%PDF")


def test_json_on_an_ascii_console_is_the_same_data(tmp_path: Path, invitation: Path) -> None:
    args = ("read", str(invitation), "--json", *NAMED)
    plain = _sopan(tmp_path, "ascii", *args)
    full = _sopan(tmp_path, "utf-8", *args)
    assert plain.returncode == full.returncode == 0, plain.stderr.decode("ascii", "replace")
    assert json.loads(plain.stdout.decode("ascii")) == json.loads(full.stdout.decode("utf-8"))
    assert json.loads(full.stdout)["contact"]["name"] == "Désirée Siregar"


def test_an_error_line_on_an_ascii_console_is_one_line(tmp_path: Path) -> None:
    done = _sopan(tmp_path, "ascii", "read", str(tmp_path / "tidak-ada — berkas.eml"))
    assert done.returncode == 2
    err = done.stderr.decode("ascii")
    assert err.count("\n") == 1 and err.startswith("sopan: ") and "Traceback" not in err
    assert "tidak-ada - berkas.eml" in err
