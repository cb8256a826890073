"""`sopan lint FILE` on the files people check: every draft file sopan writes, and .eml,
.docx, .pdf and .ics files written by anyone."""

from __future__ import annotations

import email.message
from email import policy
from pathlib import Path

import pytest
from compose.compose_cases import NOW, PROFILE, invitation, plan, situation

from sopan.app import LintRequest, lint_for
from sopan.compose import compose, write_drafts
from sopan.errors import UserError
from sopan.lint.files import read_reply
from sopan.model import CHANNELS, Draft, LintOptions


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("action", ["decline", "cancel", "reschedule", "online"])
def test_every_file_sopan_writes_lints_clean(tmp_path: Path, lang: str, action: str) -> None:
    inv = invitation(lang)
    # (moving an interview after accepting another offer is refused before any draft)
    reasons = ["schedule-conflict", "health", "not-a-fit"]
    reasons += ["accepted-offer"] if action in ("decline", "cancel") else []
    for reason in reasons:
        made = compose(
            plan(lang, action), inv, situation(lang, action, reason), PROFILE, now=NOW,
            channels=CHANNELS,
        )  # fmt: skip
        out = tmp_path / reason
        for path in write_drafts(made, inv, PROFILE, out, now=NOW):
            options = LintOptions(language=lang, action=action, invitation=inv, profile=PROFILE)
            report = lint_for(LintRequest(source=str(path), options=options))
            assert report.findings == [], (path.name, reason, report.findings)


def _eml(tmp_path: Path, body: str, subject: str = "Pembatalan wawancara") -> Path:
    msg = email.message.EmailMessage(policy=policy.SMTP)
    msg["From"] = "Andi <andi@example.com>"
    msg["To"] = "hr@x.example"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 23 Nov 2026 08:00:00 +0700"  # a header date is no date in the reply
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    path = tmp_path / "reply.eml"
    path.write_bytes(msg.as_bytes())
    return path


def test_an_eml_is_linted_decoded_with_its_own_words_only(tmp_path: Path) -> None:
    body = (
        "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara dengan nomor referensi "
        "HRD/045/XI/2026 pada Senin, 23 November 2026. Dengan berat hati saya tidak dapat "
        "hadir karena ada jadwal lain yang tidak dapat ditinggalkan.\n\nHormat saya,\nAndi\n\n"
        "On Mon, 16 Nov 2026, HR <hr@x.example> wrote:\n> Kami mengundang Anda wawancara.\n"
        "> Salam, Tim HRD PT Maju\n"
    )
    path = _eml(tmp_path, body)
    assert b"=\r\n" in path.read_bytes()  # quoted-printable soft breaks in the raw file
    reply = read_reply(str(path))
    assert reply.channel == "email"
    assert reply.text.startswith("Pembatalan wawancara\n\nYth. Ibu Sari,")
    assert "Kami mengundang" not in reply.text and "wrote:" not in reply.text
    report = lint_for(LintRequest(source=str(path), options=LintOptions(language="id")))
    spelt = [reply.text[f.start : f.end] for f in report.findings if f.rule == "spelling"]
    assert spelt == []
    assert "date_mismatch" not in {f.rule for f in report.findings}
    for f in report.findings:  # positions point into the decoded text
        assert 0 <= f.start <= f.end <= len(reply.text)


def _written(
    tmp_path: Path, action: str, channels: list[str]
) -> tuple[list[Draft], dict[str, Path]]:
    """The Indonesian drafts of `channels` for `action`, and the files written for them."""
    inv = invitation("id")
    made = compose(
        plan("id", action), inv, situation("id", action, "health"), PROFILE, now=NOW,
        channels=channels,
    )  # fmt: skip
    return made, {p.name: p for p in write_drafts(made, inv, PROFILE, tmp_path, now=NOW)}


def test_a_docx_a_pdf_and_an_ics_are_read(tmp_path: Path) -> None:
    made, files = _written(tmp_path, "decline", ["letter", "calendar"])
    letter = next(d for d in made if d.channel == "letter")
    for name in ("letter.docx", "letter.pdf"):
        reply = read_reply(str(files[name]))
        assert reply.channel == "letter"
        assert "Dengan hormat," in reply.text and PROFILE.name in reply.text
    words = set(letter.text.split())
    assert set(read_reply(str(files["letter.pdf"])).text.split()) <= words | {"-"}
    ics = read_reply(str(files["calendar.ics"]))
    assert ics.channel == "calendar"
    assert "BEGIN:" not in ics.text and "mailto" not in ics.text
    assert "tidak" in ics.text


def test_the_lines_sopan_adds_are_not_the_message(tmp_path: Path) -> None:
    _, files = _written(tmp_path, "cancel", ["whatsapp", "voicemail"])
    assert "wa.me" in files["whatsapp.txt"].read_text("utf-8")
    assert "wa.me" not in read_reply(str(files["whatsapp.txt"])).text
    assert "Perkiraan durasi" in files["voicemail.txt"].read_text("utf-8")
    voicemail = read_reply(str(files["voicemail.txt"]))
    assert "Perkiraan durasi" not in voicemail.text and voicemail.channel == "voicemail"


@pytest.mark.parametrize(
    ("name", "data"),
    [("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00"), ("sheet.xlsx", b"PK\x03\x04\x14\x00")],
)
def test_other_file_types_are_one_line_errors(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=r"binary file .*lint reads"):
        read_reply(str(path))


def test_a_broken_docx_or_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    for name, message in (("letter.docx", "not a Word document"), ("letter.pdf", "not a PDF")):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 not really" if name.endswith("docx") else b"%PDF-1.4 junk")
        with pytest.raises(UserError, match=message):
            read_reply(str(path))
