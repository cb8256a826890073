"""Scanning a mailbox: a glance at the bytes passes over most mail unparsed, and the
invitations are told from the near misses (newsletters, webinars, meetings, a visa
interview). Precision and recall per mailbox are printed by `bench/mailbox.py`."""

from __future__ import annotations

import base64
import json
import quopri

import pytest
from corpus import NOW
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mailbox_mix import as_mail, generate

from sopan.read import read_bytes
from sopan.read.mailbox import GLANCE_BYTES, glance, header_fields, invitation_in

HEAD = "From: HR <hr@maju.example>\r\nTo: rina@mail.example\r\nMIME-Version: 1.0\r\n"
BODY = (
    "Kami mengundang Anda wawancara posisi Analis Data pada Senin, 14 Desember 2026 "
    "pukul 10.00 WIB."
)


def _part(ctype: str, encoding: str, payload: str, extra: str = "") -> str:
    head = f"Content-Type: {ctype}\r\nContent-Transfer-Encoding: {encoding}\r\n{extra}"
    return f"{head}\r\n{payload}\r\n"


def _mixed(*parts: str, head: str = HEAD + "Subject: Info\r\n") -> bytes:
    body = "".join(f"--b1\r\n{p}" for p in parts) + "--b1--\r\n"
    return (head + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n' + body).encode()


def test_a_base64_text_part_is_read_and_an_attachment_is_not() -> None:
    text = base64.b64encode(BODY.encode()).decode()
    hidden = base64.b64encode(b"interview interview").decode()  # inside a PDF: never read
    seen = glance(
        _mixed(
            _part("text/plain; charset=utf-8", "base64", text),
            _part(
                "application/pdf",
                "base64",
                hidden,
                'Content-Disposition: attachment; filename="a.pdf"\r\n',
            ),
        )
    )
    assert b"wawancara" in seen.text
    assert seen.text.count(b"interview") == 0


def test_quoted_printable_soft_breaks_and_encoded_subjects_are_undone() -> None:
    qp = quopri.encodestring(("x" * 70 + " wawancara posisi").encode()).decode()
    assert "=\n" in qp  # the word really is split across a soft break
    subject = "=?UTF-8?B?" + base64.b64encode(b"Undangan Interview").decode() + "?="
    seen = glance(
        (
            HEAD + f"Subject: {subject}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}"
        ).encode()
    )
    assert b"undangan interview" in seen.text
    assert b"wawancara posisi" in seen.text


def test_a_calendar_after_a_large_attachment_is_seen() -> None:
    blob = base64.encodebytes(b"\0" * (GLANCE_BYTES * 2)).decode()
    cal = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Interview Analis Data\r\n"
    cal += "END:VEVENT\r\nEND:VCALENDAR"
    seen = glance(
        _mixed(
            _part("text/plain", "7bit", "Terlampir."),
            _part("application/zip", "base64", blob, "Content-Disposition: attachment\r\n"),
            _part("text/calendar; method=REQUEST", "7bit", cal),
        )
    )
    assert seen.calendar
    assert b"interview analis data" in seen.text


def test_a_list_header_marks_bulk_mail() -> None:
    raw = (HEAD + "Subject: Tips\r\nList-Unsubscribe: <mailto:u@x.example>\r\n\r\nHalo").encode()
    assert glance(raw).bulk
    assert not glance((HEAD + "Subject: Tips\r\n\r\nHalo").encode()).bulk


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (BODY, True),
        # an invitation word beside a job: kept; without one (a wedding, a sale): not
        (
            "Undangan tes tertulis untuk posisi Staf Gudang, Rabu 16 Desember 2026 pukul 09.00.",
            True,
        ),
        ("Undangan resepsi pernikahan kami pada Sabtu, 19 Desember 2026 pukul 11.00.", False),
        ("You're invited to our webinar on careers, 10 December 2026 at 19:00.", False),
        # an interview, but not for a job
        ("Your visa interview at the embassy is on 10 December 2026 at 09:00.", False),
        ("We'd like to interview you for our podcast on 10 December 2026 at 15:00.", False),
        # no invitation word at all
        ("Paket Anda tiba besok pukul 10.00.", False),
    ],
)
def test_what_is_kept(text: str, kept: bool) -> None:
    raw = as_mail("Subject: Info\n" + text)
    assert (invitation_in(raw, now=NOW, user_tz="Asia/Jakarta") is not None) is kept


def test_a_newsletter_about_interviews_is_not_an_invitation() -> None:
    raw = (
        HEAD + "Subject: 7 pertanyaan interview\r\nList-Unsubscribe: <mailto:u@x.example>\r\n\r\n"
        "Siap menghadapi interview? Tips menjawab pertanyaan tentang lamaran dan posisi."
    ).encode()
    assert invitation_in(raw, now=NOW, user_tz="Asia/Jakarta") is None


def test_html_is_turned_into_text_only_when_it_is_the_part_used(monkeypatch) -> None:
    import sopan.read.email_src as email_src

    def refuse(html: str) -> str:
        raise AssertionError("the HTML part was parsed")

    alternative = _mixed(
        _part("text/plain; charset=utf-8", "8bit", BODY),
        _part("text/html; charset=utf-8", "8bit", f"<p>{BODY}</p>"),
    )
    monkeypatch.setattr(email_src, "html_to_text", refuse)
    assert read_bytes(alternative, now=NOW).day is not None  # the plain part is used
    stub = _mixed(
        _part("text/plain", "8bit", "View this email in your browser."),
        _part("text/html; charset=utf-8", "8bit", f"<div><p>{BODY}</p><p>Salam, HRD</p></div>"),
    )
    with pytest.raises(AssertionError, match="parsed"):
        read_bytes(stub, now=NOW)  # a stub: the HTML must be read


#: measured 1.000 and 1.000 on this mixture when the floors were set
PRECISION_FLOOR = RECALL_FLOOR = 0.98


def _precision_recall(mix: list[tuple[bytes, bool]]) -> tuple[float, float]:
    got = [
        (invitation_in(raw, now=NOW, user_tz="Asia/Jakarta") is not None, truth)
        for raw, truth in mix
    ]
    tp = sum(g and t for g, t in got)
    return tp / max(1, sum(g for g, _ in got)), tp / max(1, sum(t for _, t in got))


def test_precision_and_recall_on_a_mailbox_of_near_misses() -> None:
    precision, recall = _precision_recall(generate(400, seed=21, invitations=0.3, big=False))
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


@pytest.mark.shared
def test_recall_on_eval_dev_invitations_sent_as_mail() -> None:
    from evaldev import EVAL_DEV

    kept = ("invitation", "reminder", "employer_reschedule", "notification", "announcement")
    mix = []
    for path in sorted((EVAL_DEV / "invitations").glob("*.txt")):
        label = json.loads(path.with_suffix(".json").read_text("utf-8"))
        mix.append((as_mail(path.read_text("utf-8", "replace")), label["message_type"] in kept))
    precision, recall = _precision_recall(mix)
    # measured on the 129 messages of 2026-12-07: recall 1.000 (124 of 124), precision 1.000
    # (the 5 near misses passed over)
    assert recall >= 0.99
    assert precision >= 0.99


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([b"Subject", b"content-type", b"X-a_b", b"--", b"-x-", b"\xe9t\xe9",
                                 b"", b" ", b":", b": ", b"\t", b"\r", b"\n", b"\r\n", b"\n ",
                                 b"a", b"\xff", b"=?utf-8?q?x?="]), max_size=30)
        .map(b"".join))  # fmt: skip
@example(b"--: a\r\nX-1: b\r\n c\r\nx_y: d\r\n\xe9: e\r\nsubject:f\r\nSubject: g")
def test_a_header_block_s_fields_are_its_lines_that_start_with_a_name_and_a_colon(
    head: bytes,
) -> None:
    """Each field (a line starting with letters, digits or hyphens and a colon, folded lines
    unfolded) is found with its first value stripped, as a pattern over the lines finds it."""
    import re

    unfolded = re.sub(rb"\r?\n[ \t]+", b" ", head)
    expected: dict[bytes, bytes] = {}
    for m in re.finditer(rb"^([A-Za-z0-9-]+):[ \t]*(.*)$", unfolded, re.MULTILINE):
        expected.setdefault(m.group(1).lower(), m.group(2).strip())
    assert header_fields(head) == expected
