"""LinkedIn's export read by file and column name: a BOM, the "Notes:" preamble of
Connections.csv, columns in another order, Indonesian and English month names."""

from __future__ import annotations

import pytest

from career.builders import CONNECTIONS_NOTES, csv_text, linkedin_files, zip_bytes
from sopan.career.archive import open_zip
from sopan.career.linkedin import read_export, websites
from sopan.career.tables import When, parse_when, read_table
from sopan.errors import UserError


def _export(**changes: object):  # type: ignore[no-untyped-def]
    return read_export(open_zip(zip_bytes(linkedin_files(**changes)), "export.zip"))  # type: ignore[arg-type]


def test_every_file_is_read_by_its_column_names() -> None:
    export = _export()
    assert export.name == "Rina Kartika Sari"
    assert export.headline.startswith("Data Analyst")  # Profile.csv has a BOM
    assert export.location == "Bandung, West Java, Indonesia"
    assert export.websites == ("https://rina.example.dev", "https://github.com/rina")
    # Positions.csv puts Title before Company Name: read by name, not by place
    current = export.positions[0]
    assert (current.title, current.company, current.current) == (
        "Data Analyst",
        "PT Maju Jaya Tbk",
        True,
    )
    assert current.started == When(2024, 5)  # "Mei 2024"
    assert export.positions[1].finished == When(2024, 4)
    assert export.skills[0] == "SQL" and len(export.skills) == 6
    assert export.certifications == ("Google Data Analytics",)
    assert export.education == ("Universitas Padjadjaran · Sarjana Statistika",)
    assert export.languages == ("Indonesian", "English")


def test_connections_are_read_under_their_notes_preamble() -> None:
    people = _export().connections
    assert [c.name for c in people] == ["Dewi Lestari", "Budi Santoso", "Sari Wulandari"]
    assert people[0].email == "dewi@majujaya.co.id" and people[1].email == ""
    assert people[0].connected == When(2025, 1, 12)
    assert people[2].connected == When(2023, 8, 20)  # "20 Agu 2023"


def test_a_column_added_or_moved_in_a_later_export_changes_nothing() -> None:
    header = ["Connected On", "Position", "Company", "First Name", "Notes", "Last Name", "URL"]
    text = CONNECTIONS_NOTES + csv_text(
        header,
        [["01 Feb 2026", "Recruiter", "Acme", "Ayu", "met at a job fair", "Pratiwi", "https://x"]],
    )
    table = read_table(text.encode("utf-8-sig"), "Connections.csv", ("First Name",))
    row = next(table.records())
    assert table.cell(row, "First Name") == "Ayu" and table.cell(row, "Company") == "Acme"
    assert table.cell(row, "Email Address") == ""  # a column this export does not have


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2024", When(2024, 1)),
        ("Mei 2024", When(2024, 5)),
        ("May 2024", When(2024, 5)),
        ("Agu 2021", When(2021, 8)),
        ("Des 2020", When(2020, 12)),
        ("Oct 2019", When(2019, 10)),
        ("12 Jan 2024", When(2024, 1, 12)),
        ("2019", When(2019)),
        ("2024-01-15 10:22:33", When(2024, 1, 15)),
        ("", None),
        ("Present", None),
        ("Foo 2024", None),
        ("31 Feb 2024", None),
        ("13/45/2024", None),
    ],
)
def test_export_dates_in_either_language(text: str, expected: When | None) -> None:
    assert parse_when(text) == expected


def test_a_year_alone_spans_its_whole_year() -> None:
    year = When(2019)
    assert (year.first().isoformat(), year.last().isoformat()) == ("2019-01-01", "2019-12-31")
    assert When(2024, 2).last().isoformat() == "2024-02-29"
    assert When(2024, 5).text() == "2024-05"


def test_an_archive_without_linkedin_files_is_one_line() -> None:
    with pytest.raises(UserError, match="not a LinkedIn data export"):
        read_export(open_zip(zip_bytes({"notes.txt": "hello"}), "other.zip"))
    with pytest.raises(UserError, match="no header row"):
        read_table(b"just,some\nvalues,here\n", "Skills.csv", ("Name",))


def test_websites_cell_forms() -> None:
    assert websites("[COMPANY:www.majujaya.co.id,PORTFOLIO:https://rina.dev/]") == (
        "www.majujaya.co.id",
        "https://rina.dev/",
    )
    assert websites("") == ()
