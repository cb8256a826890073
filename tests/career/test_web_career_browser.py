"""The Karier pages in a real browser (Debian's Chromium through Playwright) against a real
`sopan web`: a LinkedIn export uploaded, the report in Indonesian with no English word, flag
or code of sopan's own on the page (the person's own words — names, titles, posts, the
posting's keywords — are marked as given and shown as written), the export held for that
browser only, a social archive scanned, nothing kept in the store unless asked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web.conftest import CHROMIUM, Server, start_server, stop_server

from career.builders import linkedin_files, write_zip, x_archive

POSTING = (
    "Lowongan Data Analyst di PT Maju Jaya Tbk, Bandung. Kualifikasi: menguasai SQL dan "
    "Python, berpengalaman dengan Tableau, memahami statistika, mampu menganalisis data."
)
#: what a page of sopan must never show a person reading Indonesian
FLAG = re.compile(r"(?<![\w-])--[a-z]")
CODES = re.compile(r"\b[RC]\d{1,2}(?:\.\d)?\b|\b[a-z]+\.[a-z_]+_[a-z_]+\b|\w+\.csv\b")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH = re.compile(
    r"\b(the|and|of|is|are|not|your|you|with|for|this|that|from|please|was|will|which|when"
    r"|what|there|have|been|an|it|or|on|at|by|in|to|be|none|null|true|false)\b",
    re.IGNORECASE,
)
BROKEN = re.compile(r"<built-in|Traceback|\b0x[0-9a-f]{6,}|\{[a-z_]+\}|jinja|Undefined")


def _scan(page: Any) -> list[str]:
    """What is wrong with the page's visible text for a person reading Indonesian, leaving
    out what the person gave (`.given`) and what is marked English (the language switch)."""
    visible = page.evaluate(
        """() => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('.given, [lang=en]').forEach((e) => e.remove());
          document.body.appendChild(copy);
          const text = copy.innerText;
          copy.remove();
          return text;
        }"""
    )
    assert len(visible) > 200  # the page's own words are there to be read
    return problems_in(visible)


def problems_in(visible: str) -> list[str]:
    """Flags, codes, ISO dates, English words and template debris in `visible`."""
    plain = re.sub(r"\S*(://|@)\S*", " ", visible)  # addresses are not words
    problems = []
    for name, pattern in (("flag", FLAG), ("code", CODES), ("iso date", ISO_DAY),
                          ("english", ENGLISH), ("broken", BROKEN)):  # fmt: skip
        found = pattern.findall(plain)
        if found:
            problems.append(f"{name}: {sorted(set(map(str, found)))[:8]}")
    return problems


def test_the_scan_finds_what_must_not_be_on_a_page() -> None:
    assert problems_in("Judul profil masih kosong. Kembali ke Karier, 7 Desember 2026.") == []
    for bad in ("Pedoman R9.1", "lihat C3", "sopan career --target", "2026-12-07",
                "Profile.csv: Headline", "career.zip_path", "Your headline is empty",
                "{name}", "Traceback (most recent call last)", "tanggal None"):  # fmt: skip
        assert problems_in(bad), bad


@pytest.fixture
def server(tmp_path: Path, own_store: str) -> Iterator[Server]:
    (tmp_path / "config.toml").write_text(
        '[profile]\nname = "Rina Kartika Sari"\nlanguage = "id"\ncity = "Jakarta"\n'
        'timezone = "Asia/Jakarta"\n',
        encoding="utf-8",
    )
    running = start_server(tmp_path, env_extra={"SOPAN_DATABASE_URL": own_store})
    yield running
    assert stop_server(running) == 0


@pytest.fixture
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield launched
        launched.close()


def _tab(chromium: Any, server: Server) -> Any:
    tab = chromium.new_context(accept_downloads=True).new_page()
    tab.set_default_timeout(30_000)
    tab.goto(server.start)
    return tab


def _kept(database: str) -> int:
    import sqlite3

    with sqlite3.connect(database) as db:
        return int(db.execute("select count(*) from career_kept").fetchone()[0])


def test_a_linkedin_export_in_the_browser_reported_in_indonesian(
    chromium: Any, server: Server, tmp_path: Path, own_store: str
) -> None:
    export = write_zip(tmp_path / "Basic_LinkedInDataExport_12-07-2026.zip",
                       linkedin_files(skills=("SQL", "Python"), websites=""))  # fmt: skip
    rina = _tab(chromium, server)
    rina.click("a[href='/karier']")
    rina.wait_for_url("**/karier")
    assert rina.locator("h1").inner_text() == "Karier setelah membalas"
    assert _scan(rina) == []
    rina.set_input_files("#export", str(export))
    rina.fill("#target", POSTING)
    rina.click("form[action='/karier/profil'] button[type=submit]")
    rina.wait_for_url("**/karier/profil")
    assert rina.locator("html").get_attribute("lang") == "id"
    assert "Rina Kartika Sari" in rina.locator("h1").inner_text()
    findings = rina.locator(".career-findings li").all_inner_texts()
    assert any(f.startswith("Lokasi: Lokasi di LinkedIn (Bandung") for f in findings)
    assert any(f.startswith("Keahlian: Baru 2 keahlian tercantum") for f in findings)
    assert any(f.startswith("Situs web: Belum ada tautan") for f in findings)
    missing = [m.casefold() for m in rina.locator("#missing li").all_inner_texts()]
    assert "tableau" in missing and "sql" not in missing
    assert _scan(rina) == []
    assert _kept(own_store.removeprefix("sqlite:///")) == 0  # nothing kept: not asked

    # the export stays with this browser: the network page needs no second upload
    rina.goto(server.base + "/karier")
    assert "Basic_LinkedInDataExport_12-07-2026.zip" in rina.locator("#held").inner_text()
    rina.fill("#company", "PT Maju Jaya")
    rina.click("form[action='/karier/jaringan'] button[type=submit]")
    rina.wait_for_url("**/karier/jaringan")
    people = rina.locator("ul.people li").all_inner_texts()
    assert any("Dewi Lestari" in p for p in people) and any("Budi Santoso" in p for p in people)
    assert _scan(rina) == []
    with rina.expect_download() as info:
        rina.click("a[href='/karier/kontak.vcf']")
    assert Path(info.value.path()).read_text(encoding="utf-8").count("BEGIN:VCARD") == 2

    # another browser on the same server sees none of it
    budi = _tab(chromium, server)
    budi.goto(server.base + "/karier")
    assert budi.locator("#held").count() == 0
    budi.fill("#company", "PT Maju Jaya")
    budi.click("form[action='/karier/jaringan'] button[type=submit]")
    assert budi.locator("#error-summary a[href='#network_export']").count() == 1
    assert "Dewi" not in budi.content()
    assert _scan(budi) == []

    # forgotten on request
    rina.goto(server.base + "/karier")
    rina.click("form[action='/karier/lupakan'] button")
    rina.wait_for_url("**/karier?lupa=1")
    assert rina.locator("#held").count() == 0
    assert not list(tmp_path.rglob("*.csv"))  # nothing of the export written beside the server


def test_a_social_archive_in_the_browser(chromium: Any, server: Server, tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "twitter-2026-12-07.zip", x_archive([
        ("11", "Wawancara di PT Maju Jaya tadi, HRD-nya bego banget, nyesel daftar"),
        ("12", "Alhamdulillah lulus sertifikasi SQL hari ini!"),
        ("13", "Yang mau beli laptop bekas WA aja ke 0812-3456-7890"),
    ]))  # fmt: skip
    page = _tab(chromium, server)
    page.goto(server.base + "/karier")
    page.set_input_files("#archive", str(archive))
    page.click("form[action='/karier/sosial'] button[type=submit]")
    page.wait_for_url("**/karier/sosial")
    assert "3 unggahan dibaca dari X (Twitter); 2 perlu dilihat lagi" in page.inner_text("main")
    posts = page.locator("li.post").all_inner_texts()
    assert len(posts) == 2 and not any("lulus sertifikasi" in p for p in posts)
    assert any("kata kasar atau umpatan" in p for p in posts)
    assert any("data pribadi terbuka" in p for p in posts)
    assert _scan(page) == []
    page.goto(server.base + "/karier")
    assert page.locator("#held").count() == 0  # the archive was not held
