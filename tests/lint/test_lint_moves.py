"""Move detection on real replies (eval-dev, read at run time) and on Indonesian texts."""

from __future__ import annotations

import json

import pytest
from evaldev import EVAL_DEV

from lint.labels import labelled, predicted
from sopan.lint import detect_moves, lint_text
from sopan.model import MOVES

REPLIES = sorted((EVAL_DEV / "replies").glob("*.txt"))
#: Labels right over every eval-dev reply; 127/136 when this floor was set. The per-label
#: table is `bench/lint.py`; each way of writing a move is tested on the project's fixtures.
LABEL_FLOOR = 0.93


@pytest.mark.shared
def test_eval_dev_labels_floor() -> None:
    assert len(REPLIES) >= 17
    right = total = 0
    wrong: list[str] = []
    for path in REPLIES:
        truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
        report = lint_text(path.read_text("utf-8"))
        got = predicted(report)
        assert report.language == truth["language"], path.name
        for label in labelled(truth):
            total += 1
            right += got[label] == truth[label]
            if got[label] != truth[label]:
                wrong.append(f"{path.stem}: {label}")
    assert right / total >= LABEL_FLOOR, wrong


def test_detect_moves_names_every_move() -> None:
    moves = detect_moves("Terima kasih.")
    assert tuple(moves) == MOVES
    assert moves["thanks"] and not moves["decision"]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara pada Senin, 23 November 2026 "
            "pukul 10.00 WIB. Mohon maaf, saya tidak dapat hadir karena bentrok dengan rapat "
            "di kantor. Saya bersedia hadir pada Rabu, 25 November 2026. CV terbaru saya "
            "lampirkan. Saya kagum dengan budaya kerja perusahaan dan berharap tetap menjalin "
            "hubungan baik di masa mendatang. Semoga kita dapat terhubung di LinkedIn.\n\n"
            "Hormat saya,\nRina Kusuma\n0812-3456-7890",
            set(MOVES),
            set(),
        ),
        (
            "Halo Pak Andi, saya mau membatalkan wawancara besok.",
            {"greeting", "decision"},
            {"thanks", "reason", "interview_ref", "alternatives", "contact", "closing"},
        ),
        (
            "Dear Ms. Tan,\n\nThank you for the invitation. I must decline because I have "
            "accepted another offer. I hope our paths cross in the future.\n\nBest regards,\n"
            "Rina Kusuma\nrina@example.com",
            {"greeting", "thanks", "decision", "reason", "future", "contact", "closing"},
            {"interview_ref", "alternatives", "apology", "linkedin", "attachments"},
        ),
    ],
)
def test_moves_in_written_replies(text: str, present: set[str], absent: set[str]) -> None:
    moves = detect_moves(text)
    assert {m for m in present if not moves[m]} == set()
    assert {m for m in absent if moves[m]} == set()


def test_a_reschedule_hope_is_not_an_alternative() -> None:
    assert not detect_moves("I hope to reschedule at a later date.", "en")["alternatives"]
    assert detect_moves("Could we move it to one of the following dates?", "en")["alternatives"]


def test_language_must_be_id_or_en() -> None:
    with pytest.raises(ValueError, match="'id' or 'en'"):
        detect_moves("Hallo", "de")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Saya tidak dapat hadir pada wawancara 23 November 2026.", "id", True),
        ("Saya tidak dapat hadir pada wawancara hari Kamis.", "id", True),
        ("Terkait undangan No. Ref HRD/045/XI/2026, saya tidak dapat hadir.", "id", True),
        ("Saya tidak dapat hadir pada jadwal wawancara tersebut.", "id", False),
        ("I cannot attend the interview on November 23.", "en", True),
        ("I cannot attend on Monday at 10 am.", "en", True),
        ("I may not attend; for reference, my CV is attached.", "en", False),
    ],
)
def test_interview_ref_is_a_date_time_or_reference(
    text: str, language: str, expected: bool
) -> None:
    assert detect_moves(text, language)["interview_ref"] is expected
