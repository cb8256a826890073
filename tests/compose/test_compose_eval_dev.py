"""Compose replies to the real invitations of eval-dev (labels read at run time, never copied)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import CHANNELS, INTENTS, Contact, Invitation

from .compose_cases import NOW, PROFILE, plan, situation

# Same location as EVAL_DEV in tests/conftest.py: ../shared/eval-dev beside the checkout.
EVAL_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval-dev"
LABELS = sorted((EVAL_DEV / "invitations").glob("*.json"))
ZONES = {"WIB": "Asia/Jakarta", "IST": "Asia/Kolkata", "EST": "America/New_York"}
SLOPPY = re.compile(r"None|\{|\}|  |\s[,.;:]|\.\.|\(\s*\)")


def invitation_from(label: dict[str, Any]) -> Invitation:
    """The Invitation a correct reader would return for these labels."""
    held = set(label.get("placeholders") or {})

    def value(key: str) -> str | None:
        found = label.get(key)
        return None if key in held or found is None else str(found)

    tz = ZONES.get(label.get("timezone") or "WIB", "Asia/Jakarta")
    start = None
    date, time = value("date"), value("start_time")
    if date and time and re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        start = datetime.fromisoformat(f"{date}T{time}").replace(tzinfo=ZoneInfo(tz))
    return Invitation(
        language=label["language"],
        source="email",
        company=value("company"),
        position=value("position"),
        start=start,
        timezone=tz if start else None,
        contact=Contact(
            value("interviewer_or_contact"), value("contact_email"), value("contact_phone")
        ),
        reference=value("reference_number"),
    )


def test_eval_dev_labels_are_there() -> None:
    assert len(LABELS) >= 10


@pytest.mark.parametrize("path", LABELS, ids=lambda p: Path(p).stem)
def test_every_real_invitation_gets_clean_drafts(path: Path) -> None:
    label = json.loads(path.read_text("utf-8"))
    inv = invitation_from(label)
    for lang in ("id", "en"):
        for action in INTENTS:
            sit = situation(lang, action, "schedule-conflict", detail="brief")
            for draft in compose(plan(lang, action), inv, sit, PROFILE, now=NOW, channels=CHANNELS):
                text = draft.text.replace(PROFILE.linkedin or "\0", "link")
                bad = SLOPPY.search(text)
                assert bad is None, f"{path.stem} {lang} {action} {draft.channel}: {bad.group()!r}"
                if draft.channel == "email" and inv.start is not None:
                    assert str(inv.start.year) in draft.text
                if draft.channel == "linkedin":
                    assert len(draft.text) <= 200
