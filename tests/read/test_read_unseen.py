"""Invitations the project wrote in styles eval-dev lacks (Indonesian WhatsApp chats, job
portals' notifications, HR letters, English ATS templates), labelled as eval-dev is
(`tests/read/invitations/<case>.txt` + `.json`, named by the case each covers): the reader must
generalise to them as to eval-dev. The per-field table is `bench/read.py`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from evaldev import (
    NOW,
    RIGHT,
    WRONG,
    label_of,
    score_file,
    slots_as_values,
    spans_not_holding,
    times_or_greetings,
)

from sopan.read import read_file

CASES = sorted((Path(__file__).parent / "invitations").glob("*.txt"))
#: right values over all labelled fields; measured 0.958 on 80 cases. Each batch was written
#: and labelled before the rules for its ways of writing: the first 37 read 0.888 (0.927 once
#: the reader read the message's parts), the next 24 read 0.875 (0.967 after), the next 12
#: read 0.917 (0.935 after); the last 7 (a chat in lower case, a role line ending in a comma,
#: a tab table, an IANA zone, "between … and …", a person to ask for in brackets, a slot for
#: the interviewer) were written with their rules and read 0.949
ACCURACY_FLOOR = 0.955


def test_there_are_enough_cases_of_each_style() -> None:
    names = [p.stem for p in CASES]
    assert len(names) >= 30
    for style in ("_wa_", "_portal_", "_surat_", "_ats_", "_hr_letter_", "_email_"):
        assert sum(style in n for n in names) >= 1, style
    assert sum(n.startswith("id_") for n in names) >= len(names) // 2


def test_field_accuracy_and_no_wrong_value() -> None:
    verdicts: Counter[str] = Counter()
    wrong = []
    for path in CASES:
        for field, verdict in score_file(path, read_file(path, now=NOW)).items():
            verdicts[verdict] += 1
            if verdict == WRONG:
                wrong.append(f"{path.name}: {field}")
    assert wrong == []
    assert verdicts[RIGHT] / sum(verdicts.values()) >= ACCURACY_FLOOR


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_case(path: Path) -> None:
    inv = read_file(path, now=NOW)
    label = label_of(path)
    assert inv.language == label["language"]
    assert inv.past is label["past"]
    if label.get("contact_honorific"):
        assert inv.contact.honorific == label["contact_honorific"]
    assert slots_as_values(inv, label) == []
    assert times_or_greetings(inv) == []
    assert spans_not_holding(inv) == []
    held = label["placeholders"]
    if held:
        assert inv.placeholders, "a template's slots are listed"
