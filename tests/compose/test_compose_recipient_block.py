"""A letter's recipient block: the person (with the title as written) or the team, then the
company, each once — never "Vantage Distributors HR Team" over "Vantage Distributors"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sopan.compose import compose
from sopan.model import Contact

from .compose_cases import NOW, PROFILE, invitation, plan, situation
from .recruiter import _recipient_block


def _letter(
    language: str, company: str, contact: str, text: str = "", location: str | None = None
) -> str:
    inv = replace(
        invitation(language),
        company=company,
        contact=Contact(contact, None, None),
        location=location,
        text=text,
    )
    (draft,) = compose(
        plan(language, "decline"),
        inv,
        situation(language, "decline", "accepted-offer"),
        PROFILE,
        now=NOW,
        channels=["letter"],
    )
    return draft.text


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("company", "contact", "want"),
    [
        ("Vantage Distributors", "Vantage Distributors HR Team",
         ["HR Team", "Vantage Distributors"]),
        ("Acme Corp", "Talent Team at Acme Corp", ["Talent Team", "Acme Corp"]),
        ("Bosch", "Recruitment Team - Bosch", ["Recruitment Team", "Bosch"]),
        ("PT Syjura Coffee", "Tim HRD PT Syjura Coffee", ["Tim HRD", "PT Syjura Coffee"]),
        ("Northwind", "People Team", ["People Team", "Northwind"]),
        ("PT Mingda", "HRD PT Mingda", ["HRD", "PT Mingda"]),
        ("Studio Nine", "Helen Jang", ["Helen Jang", "Studio Nine"]),
    ],
)  # fmt: skip
def test_the_team_then_the_company_each_once(
    language: str, company: str, contact: str, want: list[str]
) -> None:
    block = [line for line in _recipient_block(_letter(language, company, contact)) if line]
    assert block[: len(want)] == want
    assert sum(company.lower() in line.lower() for line in block) == 1


@pytest.mark.parametrize(
    ("language", "text", "contact", "first"),
    [
        ("en", "Dear Andi, Ms. Jang will interview you.", "Helen Jang", "Ms. Helen Jang"),
        ("en", "Dr. Chen will meet you.", "David Chen", "Dr. David Chen"),
        ("en", "David will meet you.", "David Chen", "David Chen"),
        ("id", "Pewawancara: Ibu Dewi Lestari", "Dewi Lestari", "Ibu Dewi Lestari"),
        ("id", "Hubungi Bapak Andri Saputra", "Andri Saputra", "Bapak Andri Saputra"),
    ],
)
def test_the_person_in_full_with_the_title_as_written(
    language: str, text: str, contact: str, first: str
) -> None:
    letter = _letter(language, "Studio Nine", contact, text)
    assert _recipient_block(letter)[:2] == [first, "Studio Nine"]


@pytest.mark.parametrize(
    ("location", "address"),
    [
        ("Kantor PT Nusantara Data, Jl. Jend. Sudirman Kav. 52, Jakarta Selatan",
         "Jl. Jend. Sudirman Kav. 52, Jakarta Selatan"),
        ("Gedung Menara Kuningan Lt. 5, Jl. HR Rasuna Said, Jakarta",
         "Gedung Menara Kuningan Lt. 5, Jl. HR Rasuna Said, Jakarta"),
        ("Kantor pusat PT Nusantara Data", "di tempat"),
    ],
)  # fmt: skip
def test_the_letters_address_does_not_name_the_company_again(location: str, address: str) -> None:
    """Under the company's line, the venue's parts that name the company again are left out;
    with nothing left, the letter is addressed "di tempat"."""
    text = _letter("id", "PT Nusantara Data", "Dewi Lestari", location=location)
    head = text.split("Dengan hormat", 1)[0]
    assert head.lower().count("pt nusantara data") == 1, head
    assert f"PT Nusantara Data\n{address}\n" in head, head
