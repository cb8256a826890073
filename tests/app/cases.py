"""Requests for the use-case tests: the bundled examples, a profile, a calendar, a script."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sopan.app import Question
from sopan.config import Config
from sopan.model import Invitation, Profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
ID_EMAIL = EXAMPLES / "undangan_wawancara_id.eml"  # onsite, Jakarta, Mon 23 Nov 2026 10.00 WIB
EN_EMAIL = EXAMPLES / "interview_invitation_en.eml"  # Zoom, Mon 30 Nov 2026 14.30 SGT
WEEKLY = FIXTURES / "calendar" / "recurring_exceptions.ics"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(
    name="Rina Kartika Sari",
    email="rina@example.com",
    phone="0812-3456-7890",
    city="Jakarta",  # the Indonesian example's city: no travel advice unless a test asks
    language="id",
)


def config(*calendars: Path, language: str = "id") -> Config:
    """A profile of its own and, when given, calendar files as the configured sources."""
    sections = {"calendar": {"sources": [str(c) for c in calendars]}} if calendars else {}
    return Config(Profile(**{**PROFILE.__dict__, "language": language}), sections)


@dataclass
class Script:
    """An Asker that answers from a table and records what it was asked."""

    answers: dict[str, str | None] = field(default_factory=dict)
    asked: list[Question] = field(default_factory=list)
    shown: list[Invitation] = field(default_factory=list)

    def tell(self, inv: Invitation) -> None:
        self.shown.append(inv)

    def ask(self, question: Question) -> str | None:
        self.asked.append(question)
        return self.answers.get(question.key)
