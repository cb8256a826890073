"""The terminal prompts of `sopan draft`, through a real pseudo-terminal: what was read is
shown, every open fact and choice is asked, a contradiction is explained and asked again."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

from conftest import SRC

from .cases import ID_EMAIL


def _as_at_a_terminal() -> None:
    """In the child, in a session of its own: the pseudo-terminal becomes its controlling
    terminal, so a typed Ctrl-C is its SIGINT."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """`python -m sopan ARGS` on a pseudo-terminal; `expect` waits for text, `send` types."""

    def __init__(self, args: list[str], tmp_path: Path) -> None:
        master, slave = pty.openpty()
        env = {
            **os.environ,
            "PYTHONPATH": str(SRC),
            "SOPAN_CONFIG": str(tmp_path / "config.toml"),
            "TERM": "dumb",
        }
        env.pop("SOPAN_DEBUG", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sopan", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=tmp_path,
            close_fds=True,
            start_new_session=True,
            preexec_fn=_as_at_a_terminal,
        )
        os.close(slave)
        self.fd, self.seen = master, ""

    def expect(self, pattern: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.seen):
            left = deadline - time.monotonic()
            assert left > 0, f"timed out waiting for {pattern!r}; screen:\n{self.seen[-2000:]}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536).decode("utf-8", "replace")
                except OSError:  # the program ended and closed the terminal
                    chunk = ""
                if not chunk:
                    assert re.search(pattern, self.seen), self.seen[-2000:]
                    break
                self.seen += chunk.replace("\r\n", "\n")
        return self.seen

    def send(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode("utf-8"))

    def close(self) -> int:
        code = self.proc.wait(timeout=60)
        os.close(self.fd)
        return code


def test_draft_shows_what_it_read_and_asks_what_is_open(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("Halo Rina, bisa datang interview besok jam 10.00 WIB di kantor kami?\n")
    out = tmp_path / "out"
    term = Terminal(
        ["draft", str(chat), "--channel", "whatsapp", "--now", "2026-11-20T09:00+07:00",
         "--out", str(out)],
        tmp_path,
    )  # fmt: skip
    term.expect(r"belum ada profil Anda")  # said once, before anything is written
    term.expect(r"Kurang jelas:")  # what was read, before any question
    term.expect(r"Tanggal dan jam wawancara bisa salah satu dari ini")
    term.expect(r"1\. Sabtu, 21 November 2026 pukul 10\.00 WIB")  # in words, not ISO
    term.send("1")
    term.expect(r"Nama perusahaan tidak diketahui")
    term.send("PT Maju Jaya")
    term.expect(r"Posisinya tidak diketahui")
    term.send("")  # left open: written around
    term.expect(r"Apa yang ingin Anda lakukan\?\n")
    term.expect(r"1\. Menolak undangan")
    assert "decline" not in term.seen.split("Apa yang ingin")[1]  # no option value shown
    term.send("lompat")  # not a choice: said, and asked again
    term.expect(r"Jawab dengan nomornya")
    term.send("Menolak undangan")
    term.expect(r"Apa alasannya")
    term.expect(r"Saya sudah menerima tawaran lain")
    term.send("2")
    term.expect(r"masih menginginkan pekerjaan ini")
    term.send("tidak")
    term.expect(r"sudah mengonfirmasi")
    term.send("")  # the default: no
    term.expect(r"whatsapp\.txt")
    assert term.close() == 0
    text = (out / "whatsapp.txt").read_text("utf-8")
    # a chat names the interview by its day; the company is the one it is written to
    assert "21 November" in text and "tidak akan melanjutkan" in text


def test_a_contradiction_is_explained_and_asked_again(tmp_path: Path) -> None:
    term = Terminal(
        ["plan", str(ID_EMAIL), "--intent", "cancel", "--reason", "accepted-offer",
         "--interest", "yes", "--confirmed", "--now", "2026-11-20T09:00+07:00"],
        tmp_path,
    )  # fmt: skip
    term.expect(r"Alasan “Saya sudah menerima tawaran lain” bertentangan dengan")
    term.expect(r"Pilih lagi: Masih tertarik dengan perusahaan ini")
    term.expect(r"Pilihan yang cocok: Tidak")
    term.send("")  # the way out, taken with Enter
    term.expect(r"Langkah|LANGKAH|Rencana|RENCANA")
    assert term.close() == 0


def test_the_recommendation_is_offered_and_the_answer_is_followed(tmp_path: Path) -> None:
    term = Terminal(
        # moving away: a reason distance is part of, so a far interview is advised online
        ["plan", str(ID_EMAIL), "--intent", "decline", "--reason", "relocation",
         "--interest", "unsure", "--unconfirmed", "--now", "2026-11-20T09:00+07:00"],
        tmp_path,
    )  # fmt: skip
    # the example profile lives in Bandung, the interview is in Jakarta: video is advised
    term.expect(r"Ikuti saran ini \(Meminta wawancara daring\)")
    term.send("y")
    term.expect(r"Rencana: meminta wawancara lewat video")
    assert term.close() == 0


def test_a_confirmed_interview_chosen_for_decline_is_offered_cancel(tmp_path: Path) -> None:
    term = Terminal(
        ["plan", str(ID_EMAIL), "--intent", "decline", "--reason", "personal",
         "--interest", "no", "--confirmed", "--profile-example",
         "--now", "2026-11-20T09:00+07:00"],
        tmp_path,
    )  # fmt: skip
    term.expect(r"dibatalkan, bukan ditolak")
    term.expect(r"Pilih lagi: Yang ingin Anda lakukan")
    term.expect(r"Pilihan yang cocok: Membatalkan wawancara yang sudah saya terima")
    term.expect(r"1\. Membatalkan wawancara yang sudah saya terima")  # offered first
    term.send("")  # Enter takes the way out: no need to say it was not confirmed
    term.expect(r"Rencana: membatalkan")
    assert term.close() == 0
    assert "belum ada profil" not in term.seen  # --profile-example: no note


def test_a_date_typed_at_a_question_is_read_or_asked_again(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("Halo Rina, kami mengundang Anda interview di PT Maju Jaya, posisi Kasir.\n")
    out = tmp_path / "out"
    term = Terminal(
        ["draft", str(chat), "--channel", "whatsapp", "--intent", "decline", "--reason",
         "personal", "--interest", "no", "--unconfirmed", "--profile-example",
         "--now", "2026-11-20T09:00+07:00", "--out", str(out)],
        tmp_path,
    )  # fmt: skip
    term.expect(r"Tanggal dan jam wawancara tidak diketahui")
    term.send("Kamis, 14 Desember 2026 pukul 10.00")  # 14 December is a Monday
    term.expect(r"hari dan tanggalnya tidak cocok")  # said, the session goes on
    term.send("Senin, 14 Desember 2026 pukul 10.00")
    term.expect(r"whatsapp\.txt")
    assert term.close() == 0
    # the typed date is the one drafted (a chat leaves out the year of a day in this year)
    assert "Senin, 14 Desember pukul 10.00" in (out / "whatsapp.txt").read_text("utf-8")


def test_ctrl_c_or_ctrl_d_at_a_question_ends_it_and_writes_nothing(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("Halo Rina, bisa datang interview besok jam 10.00 WIB di kantor kami?\n")
    for key, code in ((b"\x03", 130), (b"\x04", 1)):  # Ctrl-C, Ctrl-D (end of input)
        out = tmp_path / f"out-{code}"
        term = Terminal(
            ["draft", str(chat), "--channel", "whatsapp", "--now", "2026-11-20T09:00+07:00",
             "--out", str(out)],
            tmp_path,
        )  # fmt: skip
        term.expect(r"Tanggal dan jam wawancara bisa salah satu dari ini")
        term.expect(r"> $")
        os.write(term.fd, key)
        assert term.close() == code
        assert "Traceback" not in term.seen
        assert not out.exists()
