"""`sopan send` against a real SMTP server (aiosmtpd with STARTTLS and AUTH), on SQLite and
PostgreSQL: sent once and never twice, each fault one line with the outbox state right, and
a real process killed with SIGKILL at each step never sending a message twice."""

from __future__ import annotations

import json
import subprocess
import sys
from email import message_from_bytes

import pytest

from store.conftest import NOW, Sopan, drafted
from store.servers import SmtpServer

#: what `sopan send` says (in the profile's language, Indonesian) when only the user can tell
UNKNOWN = "hasil percobaan terakhir belum diketahui"


def _state(sopan: Sopan, channel: str = "email") -> str:
    shown = json.loads(sopan("show", "1", "--json").stdout)
    return next(d["state"] for d in shown["drafts"] if d["channel"] == channel)


def _message_id(sopan: Sopan) -> str:
    shown = json.loads(sopan("show", "1", "--json").stdout)
    return next(d["message_id"] for d in shown["drafts"] if d["channel"] == "email")


def test_a_draft_is_sent_once_and_a_second_send_is_refused(sopan: Sopan, smtp: SmtpServer) -> None:
    drafted(sopan)
    history = json.loads(sopan("history", "--json").stdout)
    assert [row["id"] for row in history] == [1]
    done = sopan("send", "1", "--yes", "--now", NOW)
    assert done.returncode == 0, done.stderr
    assert smtp.handler.ids() == [_message_id(sopan)]  # the Message-ID fixed when drafted
    sent = message_from_bytes(smtp.handler.received[0])
    assert sent["In-Reply-To"]  # the reply, threaded as it was drafted
    assert _state(sopan) == "sent"
    again = sopan("send", "1", "--yes", "--now", NOW)
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "sopan tidak pernah mengirim dua kali" in again.stderr
    assert len(smtp.handler.received) == 1
    follow = json.loads(sopan("follow-ups", "--json").stdout)
    assert {f["kind"] for f in follow} == {"check_answer", "linkedin"}  # R7, C3
    assert json.loads(sopan("history", "--json").stdout)[0]["outbox"] == {"email": "sent"}


def test_a_refused_password_is_one_line_and_nothing_is_lost(sopan: Sopan, smtp: SmtpServer) -> None:
    drafted(sopan)
    wrong = sopan("send", "1", "--yes", "--now", NOW, extra={"SOPAN_SMTP_PASSWORD": "salah"})
    assert wrong.returncode == 3
    assert wrong.stderr.count("\n") == 1 and "menolak kata sandi untuk" in wrong.stderr
    assert _state(sopan) == "failed" and smtp.handler.received == []
    retry = sopan("send", "1", "--yes", "--now", NOW)  # surely not sent: may go again
    assert retry.returncode == 0 and len(smtp.handler.received) == 1


def test_a_4xx_answer_is_not_sent(sopan: Sopan, smtp: SmtpServer) -> None:
    drafted(sopan)
    smtp.handler.mode = "refuse"
    done = sopan("send", "1", "--yes", "--now", NOW)
    assert done.returncode == 3 and "451" in done.stderr
    assert done.stderr.rstrip().endswith("; tidak ada yang terkirim")
    assert _state(sopan) == "failed"


@pytest.mark.parametrize("mode", ["drop", "hang"])
def test_a_line_cut_after_the_message_is_an_unknown_outcome_never_retried(
    sopan: Sopan, smtp: SmtpServer, mode: str
) -> None:
    drafted(sopan)
    smtp.handler.mode = mode
    done = sopan("send", "1", "--yes", "--now", NOW)
    assert done.returncode == 3 and "pesannya mungkin sudah sampai" in done.stderr
    assert _state(sopan) == "unknown"
    smtp.handler.mode = "ok"
    again = sopan("send", "1", "--yes", "--now", NOW)
    assert again.returncode == 2 and f"sopan: --resolve: {UNKNOWN}" in again.stderr
    assert len(smtp.handler.received) == 1  # taken once by the server, never again
    resolved = sopan("send", "1", "--resolve", "sent", "--now", NOW)
    assert resolved.returncode == 0 and _state(sopan) == "sent"
    assert sopan("send", "1", "--yes", "--now", NOW).returncode == 2


def test_failed_can_be_said_and_then_it_is_sent(sopan: Sopan, smtp: SmtpServer) -> None:
    drafted(sopan)
    smtp.handler.mode = "drop"
    sopan("send", "1", "--yes", "--now", NOW)
    smtp.handler.received.clear()  # the user looked: it is not in Sent, not at the recipient
    smtp.handler.mode = "ok"
    assert sopan("send", "1", "--resolve", "failed", "--now", NOW).returncode == 0
    assert sopan("send", "1", "--yes", "--now", NOW).returncode == 0
    assert len(smtp.handler.received) == 1


def test_stale_drafts_and_questions_without_a_terminal_are_refused(sopan: Sopan) -> None:
    drafted(sopan)
    late = sopan("send", "1", "--yes", "--now", "2026-11-23T10:30:00+07:00")
    assert late.returncode == 2 and "draf ini sudah tidak berlaku" in late.stderr
    asked = sopan("send", "1", "--now", NOW)
    assert asked.returncode == 2 and asked.stderr.startswith("sopan: --yes: ")
    assert _state(sopan) == "draft"  # nothing was claimed
    other = sopan("send", "1", "--channel", "whatsapp", "--yes", "--now", NOW)
    assert (
        other.returncode == 2
        and "sopan: --channel: sopan hanya mengirim email; kirimkan WhatsApp sendiri"
        in other.stderr
    )


@pytest.mark.parametrize(
    ("point", "received", "second"),
    [
        (
            "after-claim",
            0,
            "hasil percobaan terakhir belum diketahui",
        ),  # died before connecting: nothing resent
        ("before-data", 0, "hasil percobaan terakhir belum diketahui"),
        (
            "after-accept",
            1,
            "hasil percobaan terakhir belum diketahui",
        ),  # taken by the server, outbox not updated
        ("after-settle", 1, "tidak pernah mengirim dua kali"),
    ],
)
def test_a_send_killed_at_each_step_never_sends_twice(
    sopan: Sopan, smtp: SmtpServer, point: str, received: int, second: str
) -> None:
    drafted(sopan)
    killed = sopan("send", "1", "--yes", "--now", NOW, crash=point)
    assert killed.returncode == -9  # SIGKILL, as a power cut
    assert len(smtp.handler.received) == received
    again = sopan("send", "1", "--yes", "--now", NOW)
    assert again.returncode == 2 and second in again.stderr
    assert len(smtp.handler.received) == received  # never a second copy


def test_two_sends_at_once_deliver_one_message(sopan: Sopan, smtp: SmtpServer) -> None:
    drafted(sopan)
    env = sopan.env  # type: ignore[attr-defined]
    argv = [sys.executable, "-m", "sopan", "send", "1", "--yes", "--now", NOW]
    both = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]  # fmt: skip
    codes = sorted(p.wait(timeout=120) for p in both)
    assert codes == [0, 2]
    assert len(smtp.handler.received) == 1
