"""Mailboxes: only invitations, newest first; other messages skipped."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.errors import UserError
from sopan.read import read_file, read_mailbox

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_mbox_keeps_only_invitations_newest_first() -> None:
    found = read_mailbox(FIXTURES / "mbox/two_invitations_among_others.mbox", now=NOW)
    assert [i.message_id for i in found] == ["<inv2@beta.example>", "<inv1@alpha.example>"]
    assert found[1].start == datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_maildir_folder(tmp_path: Path) -> None:
    box = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    names = ["id_plain_8bit_onsite.eml", "en_no_year_date.eml", "id_relative_besok.eml"]
    for i, name in enumerate(names):
        shutil.copy(FIXTURES / "eml" / name, box / ("cur" if i else "new") / f"{i}.msg:2,S")
    (box / "cur" / "junk.msg").write_bytes(b"From: a@b.example\nSubject: Lunch\n\nmakan siang?\n")
    found = read_mailbox(box, now=NOW)
    assert [i.subject for i in found] == [
        "Jadwal interview besok",
        "Interview invitation",
        "Undangan Wawancara Staf Gudang",
    ]
    assert read_file(box, now=NOW).subject == "Jadwal interview besok"


def test_not_a_mailbox(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("just notes\n", "utf-8")
    with pytest.raises(UserError, match="not an mbox"):
        read_mailbox(plain, now=NOW)
    with pytest.raises(UserError, match="no such"):
        read_mailbox(tmp_path / "missing", now=NOW)
