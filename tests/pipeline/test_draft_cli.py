"""`sopan draft` end to end: the real reader, planner, calendar, composer and linter."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path
from typing import Any

import pytest
from conftest import EVAL_DEV, EXAMPLES, FIXTURES

ID_EMAIL = EXAMPLES / "undangan_wawancara_id.eml"
EN_EMAIL = EXAMPLES / "interview_invitation_en.eml"
WEEKLY = FIXTURES / "calendar" / "recurring_exceptions.ics"
BEFORE = "2026-11-20T09:00+07:00"


def _message(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[return-value]


def _body(path: Path) -> str:
    part = _message(path).get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_unconfirmed_decline_writes_the_plans_channels_in_the_thread(
    run_cli: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "draft",
        str(ID_EMAIL),
        "--intent",
        "decline",
        "--reason",
        "accepted-offer",
        "--interest",
        "no",
        "--unconfirmed",
        "--now",
        BEFORE,
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    # R2.1: an unconfirmed invitation is answered where it came from; the call is optional,
    # and its script sends an unanswered call to the voicemail (C2.1).
    names = sorted(p.name for p in out.iterdir())
    assert names == ["call.txt", "email.eml", "linkedin.txt", "voicemail.txt"]
    reply = _message(out / "email.eml")
    assert reply["In-Reply-To"] == "<20261118091200.4821@nusantaradata.example>"
    assert "<20261118091200.4821@nusantaradata.example>" in reply["References"]
    assert reply["To"].addresses[0].addr_spec == "rekrutmen@nusantaradata.example"
    assert reply["Subject"].startswith("Re: Undangan Interview")
    body = _body(out / "email.eml")
    # "Ibu", guessed from the given name Dewi (the example writes no Bapak/Ibu)
    assert "Yth. Ibu Dewi Lestari" in body and "Dengan hormat," in body and "Hormat saya," in body
    assert "Senin, 23 November 2026 pukul 10.00 WIB" in body
    assert "045/HRD-REK/XI/2026" in body
    assert "Belum ada yang dikirim" in result.stdout
    assert "email: 0 kesalahan" in result.stdout


def test_reschedule_proposes_free_slots_from_the_calendar(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "draft",
        str(ID_EMAIL),
        "--intent",
        "reschedule",
        "--reason",
        "schedule-conflict",
        "--interest",
        "yes",
        "--confirmed",
        "--now",
        BEFORE,
        "--calendar",
        str(WEEKLY),
        "--channel",
        "email",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "Rapat mingguan tim" in result.stdout  # the clash is shown (R1.1)
    body = _body(out / "email.eml")
    proposed = re.findall(r"^- (.+)$", body, re.M)
    assert len(proposed) == 3
    # Never the interview's own day or earlier, and at its time of day on other working
    # days (R5).
    early = ("21 November", "22 November", "23 November")
    assert not any(day in line for line in proposed for day in early)
    assert all("pukul 10.00 WIB" in line for line in proposed)
    assert not any(day in " ".join(proposed) for day in ("Sabtu", "Minggu"))


def test_a_broken_calendar_is_named_and_the_drafts_still_come(run_cli: Any, tmp_path: Path) -> None:
    broken = FIXTURES / "calendar" / "broken_not_ics.ics"
    result = run_cli(
        "draft",
        str(EN_EMAIL),
        "--intent",
        "decline",
        "--reason",
        "personal",
        "--interest",
        "no",
        "--now",
        BEFORE,
        "--calendar",
        str(broken),
        "--out",
        str(tmp_path / "o"),
    )
    assert result.returncode == 0, result.stderr
    assert "broken_not_ics.ics" in result.stderr and "Traceback" not in result.stderr
    body = _body(tmp_path / "o" / "email.eml")
    assert body.startswith("Dear Sarah,")  # the invitation greets "Hi Rina,"
    assert "Monday, 30 November 2026" in body


@pytest.mark.shared
def test_an_invitation_of_placeholders_is_written_around(run_cli: Any, tmp_path: Path) -> None:
    source = EVAL_DEV / "invitations" / "id_kirana_food_whatsapp.txt"
    result = run_cli(
        "draft",
        str(source),
        "--intent",
        "decline",
        "--reason",
        "personal",
        "--interest",
        "no",
        "--now",
        BEFORE,
        "--out",
        str(tmp_path / "o"),
    )
    assert result.returncode == 0, result.stderr
    written = list((tmp_path / "o").iterdir())
    assert written
    for path in written:
        text = path.read_text("utf-8", errors="replace")
        assert "{{" not in text and "None" not in text


def test_bad_input_is_one_clear_line(run_cli: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.eml"
    binary.write_bytes(bytes(range(256)) * 8)
    for path, words in (
        (tmp_path / "absent.eml", "absent.eml"),
        (empty, "empty.eml"),
        (binary, "photo.eml"),
    ):
        result = run_cli("draft", str(path), "--reason", "personal", "--now", BEFORE)
        assert result.returncode == 2, (path, result.stderr)
        assert words in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_channel_is_refused(run_cli: Any) -> None:
    result = run_cli("draft", str(ID_EMAIL), "--channel", "fax", "--now", BEFORE)
    assert result.returncode == 2
    assert "fax" in result.stderr


@pytest.mark.parametrize(
    ("fixture", "mailed"),
    [("id_email_pewawancara_ibu.eml", True), ("id_wa_hai_kak.txt", False)],
)
def test_the_send_hint_only_when_an_email_was_drafted(
    run_cli: Any, tmp_path: Path, fixture: str, mailed: bool
) -> None:
    result = run_cli(
        "draft", str(FIXTURES / "recruiter" / fixture), "--intent", "decline",
        "--reason", "accepted-offer", "--interest", "no", "--unconfirmed",
        "--now", BEFORE, "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Disimpan di riwayat sebagai" in result.stdout
    assert ("sopan send" in result.stdout) == mailed
    assert ("email.eml" in result.stdout) == mailed
