"""A LinkedIn note connects with a person: an invitation that names a team or nobody gets
none under `--channel all`, and the outputs say why in one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sopan.app.drafting import _not_written
from sopan.model import Contact
from sopan.plan import reachable

from .compose_cases import invitation


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("contact", "person"),
    [
        ("Rina Wijaya", True),
        ("Ibu Dewi Lestari", True),
        ("Ms. Helen Jang", True),
        ("David Chen", True),
        ("Tim HRD PT Sinar", False),
        ("Talent Acquisition Team", False),
        ("HR Department", False),
        ("PT Sinar Nusantara Teknologi", False),
        ("Recruitment", False),
        (None, False),
    ],
)
def test_a_note_only_to_a_person(language: str, contact: str | None, person: bool) -> None:
    inv = replace(invitation(language), contact=Contact(contact, "hr@sinar.example", None))
    assert ("linkedin" in reachable(inv)) is person
    if not person:
        assert _not_written("linkedin", inv) == "no_person"
