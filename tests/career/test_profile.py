"""The profile checked against R9.1: each finding when it applies and not when it does not,
in Indonesian and English; a posting's keywords (text, saved HTML, JSON-LD) the profile
lacks and has, Indonesian affixes off and synonyms joined."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from career.builders import linkedin_files, zip_bytes
from sopan.career.archive import open_zip
from sopan.career.linkedin import read_export
from sopan.career.posting import read_posting
from sopan.career.profile import Claimed, check_profile, keyword_gap, offer_finding

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _export(**changes: object):  # type: ignore[no-untyped-def]
    return read_export(open_zip(zip_bytes(linkedin_files(**changes)), "export.zip"))  # type: ignore[arg-type]


def _codes(export, language: str = "id", **kw: object) -> list[str]:  # type: ignore[no-untyped-def]
    found = check_profile(
        export,
        city=kw.pop("city", "Bandung"),
        claimed=kw.pop("claimed", None),  # type: ignore[arg-type]
        now=NOW,
        language=language,
    )
    return [f.code for f in found]


def test_a_complete_profile_has_nothing_to_fix() -> None:
    assert _codes(_export()) == []
    assert _codes(_export(), "en") == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"headline": ""}, "headline_empty"),
        ({"headline": "Mahasiswa di Universitas Padjadjaran"}, "headline_generic"),
        ({"headline": "Looking for new opportunities"}, "headline_generic"),
        ({"summary": ""}, "summary_empty"),
        ({"summary": "Analis data yang rajin."}, "summary_short"),
        ({"skills": ("SQL", "Excel")}, "few_skills"),
        ({"websites": ""}, "no_website"),
        ({"location": "Surabaya, East Java, Indonesia"}, "city_differs"),
    ],
)
def test_each_finding_when_it_applies(changes: dict[str, object], code: str) -> None:
    assert _codes(_export(**changes)) == [code]
    assert _codes(_export(**changes), "en") == [code]


def test_positions_without_description_gaps_and_no_current_position() -> None:
    positions = [
        ["Analyst", "PT Satu", "", "Bandung", "Jan 2019", "Feb 2020"],
        ["Analyst II", "PT Dua", "Reports.", "Bandung", "Okt 2020", "Des 2021"],
        ["Lead", "PT Tiga", "Team of 4.", "Bandung", "Jan 2022", "Mar 2022"],
    ]
    export = _export(positions=positions)
    found = check_profile(export, city="Bandung", claimed=None, now=NOW, language="id")
    codes = [f.code for f in found]
    assert codes == ["position_no_description", "no_current_position", "gap"]
    gap = next(f for f in found if f.code == "gap")
    assert "7 bulan" in gap.message and "Analyst — PT Satu" in gap.message  # Mar–Sep 2020
    assert found[0].where == "Positions.csv: row 2"
    # one month between two positions, or overlapping ones, is no gap
    close = [
        ["A", "X", "d", "", "Jan 2020", "Jun 2020"],
        ["B", "Y", "d", "", "Agu 2020", ""],
        ["C", "Z", "d", "", "2019", "2021"],
    ]
    assert _codes(_export(positions=close)) == []


def test_the_city_agrees_however_linkedin_writes_it() -> None:
    for location in ("Greater Jakarta Area", "Jakarta Metropolitan Area", "Kota Jakarta Selatan"):
        assert "city_differs" not in _codes(_export(location=location), city="Jakarta")
    assert "city_differs" in _codes(_export(location="Greater Jakarta Area"), city="Bandung")


def test_a_current_position_that_disagrees_with_sopans_profile() -> None:
    agree = Claimed("Data Analyst", "Maju Jaya", "config")
    assert "current_disagrees" not in _codes(_export(), claimed=agree)
    other = Claimed("Data Scientist", "PT Nusa Data", "config")
    found = check_profile(_export(), city="Bandung", claimed=other, now=NOW, language="en")
    assert [f.code for f in found] == ["current_disagrees"]
    assert "Data Scientist — PT Nusa Data" in found[0].message and "[career]" in found[0].message


def test_an_offer_accepted_in_sopans_history_that_linkedin_does_not_show() -> None:
    accepted = datetime(2026, 10, 2, tzinfo=ZoneInfo("UTC"))
    found = offer_finding(_export(), accepted, NOW, "id")
    assert found is not None and "2 Oktober 2026" in found.message
    assert "Data Analyst — PT Maju Jaya Tbk" in found.message
    assert offer_finding(_export(), datetime(2024, 4, 1, tzinfo=ZoneInfo("UTC")), NOW, "id") is None


POSTING_ID = """Data Analyst — PT Sentosa Digital
Kualifikasi:
- Menguasai SQL dan Python
- Mampu menganalisis data penjualan dan membuat dashboard di Tableau
- Memahami statistik dan A/B testing
- Kemampuan komunikasi dan kerja sama tim yang baik
- Pengalaman dengan Google Analytics menjadi nilai plus
"""


def test_a_text_posting_in_indonesian_against_the_profile() -> None:
    posting = read_posting(POSTING_ID.encode(), "lowongan.txt")
    gap = keyword_gap(_export(), posting, "id")
    missing = [k.shown for k in gap.missing if k.skill]
    present = [k.shown for k in gap.present if k.skill]
    # "menganalisis data" is "analisis data" (affixes off); "kemampuan komunikasi" is a
    # profile skill "Komunikasi"; "dashboard" is "visualisasi data"
    # a degree in statistics ("Sarjana Statistika" in Education.csv) is statistics
    assert {"sql", "python", "analisis data", "komunikasi", "statistik"} <= set(present)
    assert {"tableau", "a/b testing", "google analytics", "kerja sama tim"} <= set(missing)
    assert "sql" not in missing and "analisis data" not in missing


def test_a_json_ld_posting_and_a_saved_page_give_the_same_keywords(tmp_path: Path) -> None:
    node = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Analyst",
        "description": (
            "<p>We need <b>SQL</b>, Tableau and statistics.</p><ul><li>A/B testing</li></ul>"
        ),
        "skills": ["Python", "Google Analytics"],
        "hiringOrganization": {"@type": "Organization", "name": "PT Sentosa Digital"},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Jakarta",
                "addressCountry": "ID",
            },
        },
        "datePosted": "2026-11-30",
    }
    as_json = read_posting(json.dumps(node).encode(), "job.json")
    page = (
        '<html><head><title>Karier</title><script type="application/ld+json">'
        + json.dumps({"@graph": [{"@type": "Organization"}, node]})
        + "</script></head><body><h1>Data Analyst</h1></body></html>"
    )
    as_page = read_posting(page.encode(), "job.html")
    assert as_json == as_page
    assert (as_json.company, as_json.location) == ("PT Sentosa Digital", "Jakarta, ID")
    gap = keyword_gap(_export(), as_json, "en")
    assert [k.shown for k in gap.missing if k.skill] == [
        "google analytics",
        "a/b testing",
        "tableau",
    ]
    # the profile's "Sarjana Statistika" (Education.csv) is statistics
    assert {"sql", "python", "statistics"} <= {k.shown for k in gap.present}


def test_a_saved_page_without_json_ld_is_read_as_its_text() -> None:
    page = (
        b"<html><body><h1>Staf Akuntansi</h1><p>Menguasai perpajakan dan Excel.</p></body></html>"
    )
    posting = read_posting(page, "job.html")
    assert posting.title == "Staf Akuntansi" and "perpajakan" in posting.description
    gap = keyword_gap(_export(), posting, "id")
    assert "perpajakan" in [k.shown for k in gap.missing]
    assert "microsoft excel" in [k.shown for k in gap.present]


@pytest.mark.parametrize(
    ("posting", "name"),
    [
        ("Dicari Data Analyst di Surabaya. Penempatan Surabaya, Sidoarjo atau Malang. "
         "Menguasai SQL, Tableau dan statistika. Kirim lamaran ke Surabaya.", "a.txt"),
        ("Data Analyst — Kota Medan. We need SQL, Tableau and statistics; based in Medan, "
         "Medan office, Medan team.", "b.txt"),
    ],
)  # fmt: skip
def test_a_city_is_no_keyword_to_add(posting: str, name: str) -> None:
    gap = keyword_gap(_export(), read_posting(posting.encode(), name), "id")
    missing = {k.key.lstrip("~") for k in gap.missing}
    assert not missing & {"surabaya", "sidoarjo", "malang", "medan"}, missing
    assert "tableau" in missing  # the skills are still asked for


def test_the_postings_own_company_and_place_are_no_keywords_to_add() -> None:
    ld = {
        "@context": "https://schema.org/", "@type": "JobPosting", "title": "Data Analyst",
        "description": "<p>Nusantara Logistik mencari analis: SQL, Tableau. Nusantara "
                       "Logistik, Nusantara Logistik, Nusantara Logistik.</p>",
        "hiringOrganization": {"@type": "Organization", "name": "PT Nusantara Logistik Tbk"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                                                      "addressLocality": "Cikarang"}},
    }  # fmt: skip
    posting = read_posting(json.dumps(ld).encode(), "job.json")
    assert posting.company == "PT Nusantara Logistik Tbk"
    gap = keyword_gap(_export(), posting, "id")
    missing = {k.key.lstrip("~") for k in gap.missing}
    assert not missing & {"nusantara", "logistik", "pt", "tbk", "cikarang"}, missing
    assert "tableau" in missing
    # a word that is no place and no company still counts when the posting weighs it
    other = dict(ld, description="<p>Looker, Looker, Looker, SQL.</p>")
    found = keyword_gap(_export(), read_posting(json.dumps(other).encode(), "j.json"), "id")
    assert "looker" in {k.key.lstrip("~") for k in found.missing}
