"""Skills to learn (R10.2) from the postings kept, the person's own course note as a VTODO;
the network (R10.3, C3): connections at a company, recruiters from the history, reminders,
vCards. The career tables on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from career.builders import linkedin_files, write_zip, zip_bytes
from sopan import app
from sopan.career.archive import open_zip
from sopan.career.linkedin import read_export
from sopan.career.network import Recruiter, at_company, bare_name, connection_of, reminders
from sopan.errors import UserError
from sopan.store import Store
from sopan.store.career import CareerStore, Seen

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
POSTING = b"""Data Analyst
Menguasai SQL, Tableau dan statistik. Pengalaman A/B testing. Google Analytics."""


def test_the_career_tables_on_both_databases(database_url: str) -> None:
    career = CareerStore(Store(database_url))
    watch, added = career.add_watch("greenhouse:majujaya", ["data"], "Bandung", NOW)
    assert added and career.add_watch("greenhouse:majujaya", [], None, NOW) == (watch, False)
    seen = [
        Seen("k1", "Data Analyst", "Maju Jaya", "Bandung", None, ["sql", "tableau"]),
        Seen("k2", "Data Scientist", "Maju Jaya", "Bandung", None, ["python"]),
    ]
    assert career.record_run(watch, seen, NOW) == ["k1", "k2"]
    assert career.record_run(watch, [*seen, Seen("k3", "BI", None, None, None, [])], NOW) == ["k3"]
    assert career.watches()[0]["last_run_at"] == NOW
    career.keep("profile", "Rina", ["sql"], NOW)
    career.keep("profile", "Rina", ["sql", "python"], NOW)  # the profile is kept once
    assert career.kept("profile") == [("Rina", ["sql", "python"])]
    due = NOW + timedelta(days=30)
    career.add_todo("Kursus Tableau yang saya pilih", due, "R10.2", NOW)
    assert career.todos()[0]["due_at"] == due


def test_skills_ranked_from_postings_kept_and_a_todo_with_a_date(tmp_path: Path) -> None:
    export = write_zip(tmp_path / "e.zip", linkedin_files())
    target = tmp_path / "lowongan.txt"
    target.write_bytes(POSTING)
    app.profile_for(app.ProfileRequest(export, NOW, target, "id", keep=True))
    career = CareerStore(Store())
    watch, _ = career.add_watch("lever:sentosa", [], None, NOW)
    career.record_run(
        watch, [Seen("a", "BI Analyst", "Sentosa", None, None, ["tableau", "sql"])], NOW
    )
    result = app.skills_for(
        app.SkillsRequest(NOW, "id", note="Kursus Tableau pilihan saya", due=date(2027, 1, 31))
    )
    assert result.profile_known and result.postings == 2
    ranked = [(a.key, a.count) for a in result.asked]
    assert ranked[0] == ("tableau", 2)  # asked by both; SQL is in the profile
    assert "sql" not in dict(ranked) and "a/b testing" in dict(ranked)
    assert "statistics" not in dict(ranked)  # the profile's degree: "Sarjana Statistika"
    assert result.added is not None and result.todos[0]["text"] == "Kursus Tableau pilihan saya"
    ics = app.todos_ics_for()
    assert b"BEGIN:VTODO" in ics and b"Kursus Tableau pilihan saya" in ics and b"DUE" in ics
    assert b"http" not in ics.split(b"BEGIN:VTODO")[1]  # no course, provider or link invented


def test_a_todo_needs_words_and_a_date_not_past() -> None:
    with pytest.raises(UserError) as caught:
        app.skills_for(app.SkillsRequest(NOW, "id", note="Kursus SQL"))
    assert caught.value.field == "due" and caught.value.code == "career.todo_needs_both"
    with pytest.raises(UserError) as caught:
        app.skills_for(app.SkillsRequest(NOW, "id", note="Kursus SQL", due=date(2026, 1, 1)))
    assert caught.value.field == "due" and "sudah lewat" in caught.value.text("id")


def test_connections_at_a_company_and_recruiters_matched_by_name() -> None:
    export = read_export(open_zip(zip_bytes(linkedin_files()), "e.zip"))
    assert [c.name for c in at_company(export.connections, "PT Maju Jaya")] == [
        "Budi Santoso",
        "Dewi Lestari",
    ]
    assert at_company(export.connections, "Bank Mandiri") == []
    assert bare_name("Ibu Dewi Lestari") == "dewi lestari"
    met = NOW - timedelta(days=200)
    dewi = Recruiter("Ibu Dewi Lestari", None, None, "PT Maju Jaya", None, None, met)
    typo = Recruiter("Bu Dewi Lestary", None, None, None, None, NOW - timedelta(days=5), met)
    stranger = Recruiter("Pak Andi Wijaya", "andi@nusa.id", None, None, None, None, NOW)
    assert connection_of(dewi, export.connections) is export.connections[0]
    assert connection_of(typo, export.connections) is export.connections[0]
    assert connection_of(stranger, export.connections) is None
    found = [
        (r.kind, r.name, r.guideline)
        for r in reminders([dewi, typo, stranger], export.connections, NOW)
    ]
    assert found == [
        ("reconnect", "Ibu Dewi Lestari", "R10.3"),
        ("connect", "Pak Andi Wijaya", "C3"),
    ]


def test_network_from_the_history_with_vcards(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    import vobject

    Store().record(
        facts={"company": "PT Maju Jaya", "position": "Data Analyst"},
        source="a.eml",
        action="decline",
        situation={},
        plan={},
        drafts=[],
        contact={
            "name": "Ibu Dewi Lestari",
            "email": "dewi@majujaya.co.id",
            "phone": "0812-1111-2222",
            "company": "PT Maju Jaya",
            "linkedin": None,
        },
        now=NOW - timedelta(days=120),
    )
    export = write_zip(tmp_path / "e.zip", linkedin_files())
    done = run_cli(
        "career",
        "network",
        str(export),
        "--vcf",
        str(tmp_path / "kontak.vcf"),
        "--json",
        "--now",
        "2026-12-07T09:00+07:00",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["companies"][0]["company"] == "PT Maju Jaya"
    assert [c["name"] for c in data["companies"][0]["connections"]] == [
        "Budi Santoso",
        "Dewi Lestari",
    ]
    assert data["recruiters"][0]["last_written"] is None
    assert [r["kind"] for r in data["reminders"]] == ["reconnect"]  # she is a connection already
    cards = list(vobject.readComponents((tmp_path / "kontak.vcf").read_text("utf-8")))
    assert [c.fn.value for c in cards] == ["Budi Santoso", "Dewi Lestari", "Dewi Lestari"]
    assert cards[2].tel.value == "0812-1111-2222" and cards[0].org.value == ["Maju Jaya"]
    human = run_cli("career", "network", str(export), "--company", "Bank Jago", "--lang", "en")
    assert "People you know at Bank Jago" in human.stdout and "Sari Wulandari" in human.stdout


def test_the_profile_cli_json_contract(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    export = write_zip(tmp_path / "e.zip", linkedin_files(headline="Fresh Graduate", websites=""))
    target = tmp_path / "job.txt"
    target.write_bytes(POSTING)
    done = run_cli("career", "profile", str(export), "--target", str(target), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"name", "findings", "missing_keywords", "present_keywords", "target"}
    assert [f["code"] for f in data["findings"]] == [
        "headline_generic",
        "no_website",
        "target_missing",
    ]
    assert all(set(f) == {"code", "guideline", "message", "where"} for f in data["findings"])
    assert all(f["guideline"] == "R9.1" for f in data["findings"])
    assert "tableau" in data["missing_keywords"] and "sql" in data["present_keywords"]
    human = run_cli("career", "profile", str(export), "--lang", "id")
    assert (
        'Judul profil "Fresh Graduate"' in human.stdout and "Profile.csv: Headline" in human.stdout
    )
    missing = run_cli("career", "profile", str(tmp_path / "nope.zip"))
    assert missing.returncode == 2 and "berkas tidak ada" in missing.stderr
