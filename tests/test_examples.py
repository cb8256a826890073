"""The bundled examples (used by the README's demo) read completely."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import EXAMPLES

from sopan.read import read_file

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
EXPECTED = {
    "undangan_wawancara_id.eml": ("id", "2026-11-23T10:00:00+07:00", "045/HRD-REK/XI/2026"),
    "interview_invitation_en.eml": ("en", "2026-11-30T14:30:00+08:00", None),
    "undangan_whatsapp_id.txt": ("id", "2026-11-26T13:30:00+07:00", None),
}


def test_every_example_is_listed() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_reads_completely(name: str) -> None:
    language, start, reference = EXPECTED[name]
    inv = read_file(Path(EXAMPLES / name), now=NOW)
    assert inv.language == language
    assert inv.start is not None and inv.start.isoformat() == start
    assert inv.company and inv.position and inv.contact.name
    assert inv.reference == reference
    assert "start" not in inv.missing and not inv.ambiguous
