"""The Karier pages without a browser (Starlette's test client over the same app as `sopan
web`): each use case from an upload, errors naming their field, an upload held for the
browser that sent it only and never written to the server's disk, nothing kept unless
asked, watches and the learning plan in the store."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from starlette.testclient import TestClient

from career.builders import linkedin_files, x_archive, zip_bytes
from career.servers import Board, greenhouse_jobs
from sopan.store import Store
from sopan.web.guard import BROWSER, Keys
from sopan.web.routes import make_app
from sopan.web.work import Inline

NOW = datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
SAME = {"origin": "http://testserver"}
POSTING = (
    "Lowongan: Data Analyst di PT Maju Jaya Tbk, Bandung.\n"
    "Kualifikasi: menguasai SQL dan Python, berpengalaman dengan Tableau, "
    "memahami statistika dan machine learning, mampu menganalisis data penjualan."
)


@pytest.fixture
def keys() -> Keys:
    return Keys()


@pytest.fixture
def web(tmp_path: Path, keys: Keys) -> Any:
    config = tmp_path / "config.toml"
    config.write_text(
        '[profile]\nname = "Rina Kartika Sari"\nlanguage = "id"\ncity = "Bandung"\n'
        'timezone = "Asia/Jakarta"\n',
        encoding="utf-8",
    )
    return make_app(
        hosts=frozenset({"testserver"}), keys=keys, now=NOW, config_file=config, work=Inline()
    )


def _client(web: Any, keys: Keys) -> TestClient:
    """A browser that opened the printed address: the session and its own identity."""
    client = TestClient(web, base_url="http://testserver")
    opened = client.get(f"/start?token={keys.token}", follow_redirects=False)
    assert opened.status_code == 303 and client.cookies.get(BROWSER)
    return client


@pytest.fixture
def client(web: Any, keys: Keys) -> Iterator[TestClient]:
    with _client(web, keys) as tc:
        yield tc


def _export() -> bytes:
    return zip_bytes(linkedin_files(skills=("SQL", "Python"), websites=""))


def _profile(client: TestClient, export: bytes | None, **data: str) -> Any:
    files = {"export": ("Basic_LinkedInDataExport.zip", export)} if export is not None else {}
    return client.post("/karier/profil", files=files or None, data=data, headers=SAME)


def _kept_rows() -> int:
    from sqlalchemy import func, select

    from sopan.store.career import career_kept

    store = Store()
    with store._tx() as db:
        return int(db.execute(select(func.count()).select_from(career_kept)).scalar_one())


def test_the_profile_from_an_upload_in_indonesian_nothing_kept(client: TestClient) -> None:
    page = _profile(client, _export(), target=POSTING)
    assert page.status_code == 200
    text = page.text
    assert "Rina" in text
    assert "berkas dibaca dari ekspor" in text
    assert "Baru 2 keahlian tercantum" in text  # few skills, in Indonesian
    assert "Belum ada tautan situs atau portofolio" in text
    missing = text.split('id="missing"', 1)[1].split("</ol>", 1)[0]
    assert "tableau" in missing.casefold() and "sql" not in missing.casefold()
    present = text.split('id="present"', 1)[1].split("</ul>", 1)[0]
    assert "sql" in present.casefold()
    assert "Profile.csv" not in text and "R9.1" not in text  # no file name, no code
    assert _kept_rows() == 0  # nothing kept unless asked
    kept = _profile(client, _export(), target=POSTING, keep="1")
    assert "Kata kunci disimpan" in kept.text and _kept_rows() == 2


def test_the_export_is_held_for_this_browser_only_and_can_be_forgotten(
    web: Any, keys: Keys
) -> None:
    with _client(web, keys) as rina, _client(web, keys) as budi:
        assert _profile(rina, _export()).status_code == 200
        # Rina's second page uses the export she gave; Budi, on the same server, has none
        network = rina.post("/karier/jaringan", data={"company": "Maju Jaya"}, headers=SAME)
        assert network.status_code == 200 and "Dewi Lestari" in network.text
        assert "set-cookie" not in network.headers  # held under the identity its cases have
        theirs = budi.post("/karier/jaringan", data={"company": "Maju Jaya"}, headers=SAME)
        assert theirs.status_code == 400 and "Dewi" not in theirs.text
        assert 'href="#network_export"' in theirs.text
        assert budi.get("/karier/kontak.vcf", follow_redirects=False).status_code == 303
        cards = rina.get("/karier/kontak.vcf")
        assert cards.headers["content-type"].startswith("text/vcard")
        assert cards.text.count("BEGIN:VCARD") == 2 and "FN:Dewi Lestari" in cards.text
        again_page = rina.get("/karier/profil", follow_redirects=False)  # e.g. a language switch
        assert again_page.status_code == 303 and again_page.headers["location"] == "/karier"
        forgot = rina.post("/karier/lupakan", headers=SAME, follow_redirects=True)
        assert "Berkas sudah dilupakan" in forgot.text
        again = rina.post("/karier/jaringan", data={"company": "Maju Jaya"}, headers=SAME)
        assert again.status_code == 400 and "Dewi" not in again.text


def test_a_hostile_or_wrong_upload_names_its_field_in_indonesian(client: TestClient) -> None:
    traversal = zip_bytes({"../../etc/cron.d/x": "boom", "Profile.csv": "a"})
    page = _profile(client, traversal)
    assert page.status_code == 400 and 'href="#export"' in page.text
    assert "ada jalur yang keluar dari arsip" in page.text
    assert "Traceback" not in page.text
    none = _profile(client, None)
    assert none.status_code == 400 and "Pilih berkas ekspor LinkedIn Anda" in none.text
    not_zip = _profile(client, b"this is no zip at all")
    assert not_zip.status_code == 400 and "bukan ekspor data LinkedIn" in not_zip.text
    posting = client.post(
        "/karier/profil", headers=SAME, data={"target": ""},
        files={"export": ("e.zip", _export()), "target_file": ("job.json", b'{"@type": "Thing"}')},
    )  # fmt: skip
    assert posting.status_code == 400 and 'href="#target"' in posting.text
    assert "tidak berisi JobPosting" in posting.text
    social = client.post("/karier/sosial", files={"archive": ("x.zip", b"PK\x03\x04junk")},
                         headers=SAME)  # fmt: skip
    assert social.status_code == 400 and 'href="#archive"' in social.text


def test_the_social_scan_lists_the_posts_and_keeps_nothing(client: TestClient) -> None:
    archive = zip_bytes(
        x_archive(
            [
                ("1", "Interview di PT Maju Jaya hari ini, HRD-nya bego banget, nyesel daftar"),
                ("2", "Alhamdulillah lulus sertifikasi SQL hari ini!"),
                ("3", "Hubungi saya di 0812-3456-7890 ya buat jual beli"),
            ]
        )
    )
    page = client.post("/karier/sosial", files={"archive": ("twitter.zip", archive)},
                       headers=SAME)  # fmt: skip
    assert page.status_code == 200
    assert "3 unggahan dibaca dari X (Twitter); 2 perlu dilihat lagi" in page.text
    assert "kata kasar atau umpatan" in page.text
    assert "data pribadi terbuka" in page.text
    assert "lulus sertifikasi" not in page.text
    assert "https://x.com/rinaks/status/1" in page.text or "/status/1" in page.text
    index = client.get("/karier")
    assert "dipegang di memori" not in index.text  # the archive is not held


def test_an_upload_never_rolls_over_to_a_file_on_disk(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    rolled: list[int] = []
    original = tempfile.SpooledTemporaryFile.rollover

    def rollover(self: Any) -> None:
        rolled.append(1)
        original(self)

    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", rollover)
    padding = "".join(f"{i:08d} Built dashboards and reports.\n" for i in range(60_000))
    files = linkedin_files(skills=("SQL",))
    files["Rich_Media.csv"] = padding  # 2.3 MB: over Starlette's 1 MB spool
    export = zip_bytes(files)
    assert len(export) < 1024 * 1024 < len(padding)
    # stored, not deflated, so the request's body is itself over the spool
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    assert len(out.getvalue()) > 2 * 1024 * 1024
    page = _profile(client, out.getvalue())
    assert page.status_code == 200 and "Rina" in page.text
    assert rolled == []


def test_a_watch_from_the_page_never_reads_a_server_path(client: TestClient) -> None:
    for path in ("/etc/hostname", "~/.ssh/id_rsa", "config.toml"):
        page = client.post("/karier/lowongan", data={"source": path}, headers=SAME)
        assert page.status_code == 400 and 'href="#source"' in page.text
        assert "berkas di server tidak pernah dibaca" in page.text
        assert f'value="{path}"' in page.text  # what was typed is kept
    assert "Belum ada sumber yang dipantau" in client.get("/karier/lowongan").text


def test_watch_run_twice_and_a_declined_company_marked(client: TestClient, board: Board) -> None:
    board.json(
        "/v1/boards/majujaya/jobs?content=true",
        greenhouse_jobs((101, "Data Analyst", "Bandung", "<p>SQL, Python and Tableau.</p>")),
    )
    Store().record(
        facts={"company": "PT Maju Jaya", "position": "Data Analyst"}, source="x.eml",
        action="decline", situation={"reason": "schedule-conflict"}, plan={}, drafts=[],
        contact={"name": "Ibu Dewi", "email": "dewi@majujaya.co.id"},
        now=NOW - timedelta(days=60),
    )  # fmt: skip
    source = board.url("/v1/boards/majujaya/jobs?content=true")
    added = client.post("/karier/lowongan", data={"source": source, "keywords": "data, analyst",
                        "location": "Bandung"}, headers=SAME)  # fmt: skip
    assert added.status_code == 200 and "Sumber mulai dipantau" in added.text
    first = client.post("/karier/lowongan/periksa", headers=SAME)
    assert "1 lowongan baru sejak pemeriksaan terakhir" in first.text
    assert "Anda dulu menolak wawancara di PT Maju Jaya dengan sopan (8 Oktober 2026)" in first.text
    assert "mereka membuka lowongan lagi" in first.text
    second = client.post("/karier/lowongan/periksa", headers=SAME)
    assert "Tidak ada lowongan baru sejak pemeriksaan terakhir" in second.text
    assert "terakhir diperiksa 7 Desember 2026" in second.text


def test_the_learning_plan_from_the_page(client: TestClient) -> None:
    page = client.post("/karier/keahlian", data={"todo": "Kursus Tableau pilihan saya",
                       "due": "31 Januari 2027"}, headers=SAME)  # fmt: skip
    assert page.status_code == 200
    assert "Dicatat sampai 31 Januari 2027" in page.text
    past = client.post("/karier/keahlian", data={"todo": "Ujian", "due": "1 Januari 2026"},
                       headers=SAME)  # fmt: skip
    assert past.status_code == 400 and 'href="#due"' in past.text
    assert 'value="1 Januari 2026"' in past.text and "sudah lewat" in past.text
    half = client.post("/karier/keahlian", data={"todo": "", "due": "31 Januari 2027"},
                       headers=SAME)  # fmt: skip
    assert half.status_code == 400 and 'href="#todo"' in half.text
    ics = client.get("/karier/rencana-belajar.ics")
    assert "BEGIN:VTODO" in ics.text and "Kursus Tableau pilihan saya" in ics.text
    assert ics.text.count("BEGIN:VTODO") == 1
