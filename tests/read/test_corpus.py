"""The reader on the generated corpus (`tests/corpus.py`): invitations written every way the
corpus knows, with their truth. The per-phenomenon table is `bench/read.py` (5,000 cases);
here 600, held to floors."""

from __future__ import annotations

from collections import Counter

from corpus import FIELDS, NOW, RIGHT, WRONG, generate, judge

from sopan.read import read_bytes

#: the same seed every run: a failure names a case that can be generated again
CASES = generate(600, seed=16)
#: measured 1.000 of fields right when the floor was set
FLOOR = 0.99
NEVER_WRONG = ("date", "time", "timezone")


def _verdicts() -> tuple[Counter[tuple[str, str]], list[str]]:
    counts: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for i, case in enumerate(CASES):
        inv = read_bytes(case.text.encode(), now=NOW)
        for field, verdict in judge(inv, case.truth).items():
            counts[(field, verdict)] += 1
            if verdict == WRONG:
                wrong.append(f"case {i} ({', '.join(case.phenomena)}): {field}")
    return counts, wrong


def test_the_corpus_holds_every_way_of_writing() -> None:
    seen = {p for case in CASES for p in case.phenomena}
    for family in ("date_", "time_", "label_", "trap_", "company_", "position_", "mode_", "noise_"):
        assert sum(p.startswith(family) for p in seen) >= 2, family
    assert len(CASES) >= 500


def test_no_wrong_date_time_or_zone_and_a_floor_over_all_fields() -> None:
    counts, wrong = _verdicts()
    assert [w for w in wrong if w.rsplit(": ", 1)[1] in NEVER_WRONG] == []
    for field in FIELDS:
        total = sum(n for (f, _), n in counts.items() if f == field)
        assert counts[(field, RIGHT)] / total >= FLOOR, (field, wrong[:5])
