"""Outlook .msg files need the `outlook` extra (extract-msg, whose red-black-tree-mod has no
wheel): without it a .msg is refused in one line naming what to install."""

from __future__ import annotations

import sys

import pytest

from sopan.errors import UserError
from sopan.read.msg_src import OLE_MAGIC, msg_to_email


def test_without_the_extra_a_msg_file_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "extract_msg", None)  # import extract_msg raises
    with pytest.raises(UserError) as caught:
        msg_to_email(OLE_MAGIC + bytes(512), "undangan.msg")
    assert caught.value.code == "read.msg_needs_outlook"
    assert caught.value.exit_code == 2
    assert "pipx install 'sopan[outlook]'" in caught.value.text("id")
    assert caught.value.text("id").startswith("undangan.msg adalah berkas .msg Outlook")
