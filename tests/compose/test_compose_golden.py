"""Golden files: every language × action × reason, all channels in one file per case.

Regenerate only on purpose, then review the diff:
`SOPAN_REGEN_GOLDEN=1 python -m pytest tests/compose/test_compose_golden.py`.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from sopan.compose import compose, voicemail_note
from sopan.model import CHANNELS, INTENTS, REASONS

from .compose_cases import NOW, PROFILE, invitation, plan, situation

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
REGEN = os.environ.get("SOPAN_REGEN_GOLDEN") == "1"
MATRIX = list(itertools.product(("id", "en"), INTENTS, REASONS))


def render(lang: str, action: str, reason: str) -> str:
    detail = "full" if reason in ("schedule-conflict", "other") else "brief"
    sit = situation(lang, action, reason, detail=detail)
    drafts = compose(plan(lang, action), invitation(lang), sit, PROFILE, now=NOW, channels=CHANNELS)
    parts = []
    for d in drafts:
        head = f"=== {d.channel} ({d.register}) moves: {', '.join(d.moves)}"
        if d.subject:
            head += f"\n=== subject: {d.subject}"
        body = d.text + (f"\n\n{voicemail_note(d)}" if d.channel == "voicemail" else "")
        parts.append(f"{head}\n{body}\n")
    return "\n".join(parts)


@pytest.mark.parametrize(("lang", "action", "reason"), MATRIX, ids=lambda v: str(v))
def test_golden(lang: str, action: str, reason: str) -> None:
    path = GOLDEN / f"{lang}_{action}_{reason}.txt"
    got = render(lang, action, reason)
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path.name} missing: run with SOPAN_REGEN_GOLDEN=1 and review it"
    assert got == path.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {f"{lang}_{a}_{r}.txt" for lang, a, r in MATRIX}
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected
