"""Vacancy watches against a job board, feeds and a careers page on loopback: filtered,
deduplicated across sources and runs, only what is new shown, a declined company's posting
marked, a failing source one line while the others run."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from career.servers import (
    Board,
    ashby_board,
    atom,
    careers_page,
    greenhouse_jobs,
    job_ld,
    json_feed,
    lever_postings,
    rss,
)
from sopan import app
from sopan.career.boards import READERS
from sopan.career.watch import parse_source, passes, posting_key
from sopan.errors import ExternalError, UserError
from sopan.store import Store

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
DATA_ANALYST = (101, "Data Analyst", "Bandung", "<p>SQL, Python and <b>Tableau</b>.</p>")


def _fill(board: Board) -> None:
    board.json(
        "/v1/boards/majujaya/jobs?content=true",
        greenhouse_jobs(
            DATA_ANALYST, (102, "Office Manager", "Bandung", "<p>Admin and budgets.</p>")
        ),
    )
    board.json(
        "/v0/postings/sentosa?mode=json",
        lever_postings(
            ("a1b2", "Senior Data Analyst", "Jakarta", "Dashboards in Power BI; statistics."),
            ("c3d4", "Data Analyst Intern", "Bandung", "SQL and Excel."),
        ),
    )
    board.json(
        "/posting-api/job-board/nusadata",
        ashby_board(("u-1", "Analytics Engineer", "Bandung", "dbt, SQL, data pipeline.")),
    )
    board.text(
        "/karier.html",
        careers_page(
            job_ld("Data Analyst", "Maju Jaya", "Bandung", "SQL, Python and Tableau."),
            job_ld("Staf Gudang", "Maju Jaya", "Cimahi", "Logistik."),
        ),
        "text/html",
    )
    board.text(
        "/loker.xml",
        rss(
            (
                "Analis Data",
                "https://loker.example/1",
                "PT Karya Anak Bangsa",
                "Lokasi Bandung. Menguasai analisis data dan SQL.",
            ),
            ("Kasir", "https://loker.example/2", "Toko Sentosa", "Bandung."),
        ),
        "application/rss+xml",
    )
    board.text(
        "/jobs.atom",
        atom(("Data Analyst (Remote)", "https://j.example/9", "Remote, data analysis with SQL")),
        "application/atom+xml",
    )
    board.json(
        "/jobs.json",
        json_feed(
            ("j1", "Data Engineer", "https://j.example/de", "Bandung: pipelines, SQL, Python")
        ),
    )


def _watch(board: Board, path: str, **kw: object) -> int:
    watch_id, added = app.watch_add_for(
        app.WatchAddRequest(
            board.url(path),
            NOW,
            tuple(kw.get("keywords", ("data",))),
            kw.get("location", "Bandung"),
        )
    )  # type: ignore[arg-type]
    assert added
    return watch_id


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/v1/boards/majujaya/jobs?content=true", "greenhouse"),
        ("/v0/postings/sentosa?mode=json", "lever"),
        ("/posting-api/job-board/nusadata", "ashby"),
        ("/karier.html", "page"),
        ("/loker.xml", "feed"),
        ("/jobs.atom", "feed"),
        ("/jobs.json", "feed"),
    ],
)
def test_each_source_kind_reads_its_real_shape(board: Board, path: str, kind: str) -> None:
    from sopan.career.boards import sniff
    from sopan.career.fetch import fetch

    _fill(board)
    source = parse_source(board.url(path))
    body = fetch(source.address, 5)
    found = READERS[kind if source.kind == "auto" else source.kind](body, path, source.name)
    assert (sniff(body) if source.kind == "auto" else source.kind) == kind
    assert found and all(p.title for p in found)


def test_sources_as_people_name_them() -> None:
    assert parse_source("greenhouse:majujaya").address == (
        "https://boards-api.greenhouse.io/v1/boards/majujaya/jobs?content=true"
    )
    assert parse_source("https://jobs.lever.co/sentosa").address == (
        "https://api.lever.co/v0/postings/sentosa?mode=json"
    )
    assert parse_source("https://jobs.ashbyhq.com/nusadata/").kind == "ashby"
    assert parse_source("https://example.co.id/karier").kind == "auto"
    for bad in ("http://example.co.id/feed", "ftp://x/y", "greenhouse:two words", "nothing-here"):
        with pytest.raises(UserError):
            parse_source(bad)


def test_watch_run_twice_shows_nothing_new_the_second_time(board: Board) -> None:
    _fill(board)
    for path in (
        "/v1/boards/majujaya/jobs?content=true",
        "/v0/postings/sentosa?mode=json",
        "/posting-api/job-board/nusadata",
        "/karier.html",
        "/loker.xml",
    ):
        _watch(board, path)
    first = app.watch_run_for(app.WatchRunRequest(NOW))
    titles = sorted(f.posting.title for f in first.fresh)
    # keywords "data" and Bandung: the office manager, the Jakarta and Cimahi jobs and the
    # cashier are left out; Maju Jaya's Data Analyst is on its board and its careers page: once
    assert titles == ["Analis Data", "Analytics Engineer", "Data Analyst", "Data Analyst Intern"]
    assert first.failures == () and first.sources == 5
    second = app.watch_run_for(app.WatchRunRequest(NOW + timedelta(days=1)))
    assert second.fresh == () and second.seen == first.seen
    # a posting added between runs is the only new one
    board.json(
        "/v0/postings/sentosa?mode=json",
        lever_postings(
            ("c3d4", "Data Analyst Intern", "Bandung", "SQL and Excel."),
            ("e5f6", "Data Scientist", "Bandung", "Python, statistics, machine learning."),
        ),
    )
    third = app.watch_run_for(app.WatchRunRequest(NOW + timedelta(days=2)))
    assert [f.posting.title for f in third.fresh] == ["Data Scientist"]


def test_a_declined_companys_new_posting_is_marked_politely(board: Board) -> None:
    _fill(board)
    store = Store()
    store.record(
        facts={"company": "PT Maju Jaya", "position": "Data Analyst"},
        source="x.eml",
        action="decline",
        situation={"reason": "schedule-conflict"},
        plan={},
        drafts=[],
        contact={"name": "Ibu Dewi Lestari", "email": "dewi@majujaya.co.id"},
        now=NOW - timedelta(days=60),
    )
    store.record(
        facts={"company": "PT Nusa Data", "position": "Analyst"},
        source="y.eml",
        action="reschedule",
        situation={},
        plan={},
        drafts=[],
        contact={},
        now=NOW,
    )
    _watch(board, "/v1/boards/majujaya/jobs?content=true")
    _watch(board, "/posting-api/job-board/nusadata")
    fresh = {f.posting.title: f for f in app.watch_run_for(app.WatchRunRequest(NOW)).fresh}
    marked = fresh["Data Analyst"].declined
    assert marked is not None and (marked.company, marked.action) == ("PT Maju Jaya", "decline")
    assert fresh["Analytics Engineer"].declined is None  # rescheduled, not declined


def test_a_failing_source_is_one_line_and_the_others_still_run(board: Board) -> None:
    _fill(board)
    board.routes["/broken"] = (500, "text/plain", b"oops")
    board.text("/v1/boards/notjson/jobs", "<html>maintenance</html>", "text/html")
    _watch(board, "/broken")
    _watch(board, "/v1/boards/notjson/jobs")
    _watch(board, "/slow/feed.xml")
    _watch(board, "/v1/boards/majujaya/jobs?content=true")
    result = app.watch_run_for(app.WatchRunRequest(NOW, timeout=1.0))
    problems = {source: problem.text("en") for source, problem in result.failures}
    assert "HTTP 500" in problems[board.url("/broken")]
    assert "not JSON" in problems[board.url("/v1/boards/notjson/jobs")]
    assert "within 1 s" in problems[board.url("/slow/feed.xml")]
    assert "dalam 1 detik" in dict(result.failures)[board.url("/slow/feed.xml")].text("id")
    assert [f.posting.title for f in result.fresh] == ["Data Analyst"]


def test_every_source_failing_is_exit_3_and_an_endless_answer_is_cut(board: Board) -> None:
    _watch(board, "/endless.xml")
    with pytest.raises(ExternalError, match="every watched source failed") as caught:
        app.watch_run_for(app.WatchRunRequest(NOW, timeout=5.0))
    assert "over 20 MB" in str(caught.value) and caught.value.exit_code == 3


def test_filters_keywords_with_affixes_and_synonyms_and_the_place() -> None:
    from sopan.career.posting import Posting

    job = Posting("Staf Analisis Data", "PT A", "Kota Bandung", "Menganalisis data penjualan.")
    assert passes(job, ["data analysis"], "Bandung")
    assert passes(job, ["analisis data"], None)
    assert not passes(job, ["akuntansi"], None)
    assert not passes(job, ["data analysis"], "Jakarta")
    nowhere = Posting("Data Analyst", None, None, "Kantor di Bandung.")
    assert passes(nowhere, ["data"], "Bandung") and not passes(nowhere, ["data"], "Surabaya")
    same = Posting("Data Analyst", "Maju Jaya", "Bandung, Jawa Barat, ID", "")
    assert posting_key(same) == posting_key(
        Posting("Data  analyst", "PT Maju Jaya Tbk", "Bandung", "x")
    )


def test_the_cli_adds_lists_and_runs(board: Board, run_cli) -> None:  # type: ignore[no-untyped-def]
    _fill(board)
    add = run_cli(
        "career",
        "watch",
        "add",
        board.url("/karier.html"),
        "--keywords",
        "data, analyst",
        "--location",
        "Bandung",
    )
    assert (add.returncode == 0 and "Dipantau" in add.stdout) or "Watching" in add.stdout
    again = run_cli("career", "watch", "add", board.url("/karier.html"))
    assert again.returncode == 0 and ("Sudah dipantau" in again.stdout or "Already" in again.stdout)
    listed = json.loads(run_cli("career", "watch", "list", "--json").stdout)
    assert listed[0]["keywords"] == ["data", "analyst"] and listed[0]["last_run_at"] is None
    first = run_cli("career", "watch", "run", "--json", "--now", "2026-12-07T09:00+07:00")
    data = json.loads(first.stdout)
    assert [n["title"] for n in data["new"]] == ["Data Analyst"] and data["failures"] == []
    second = run_cli("career", "watch", "run", "--lang", "en", "--now", "2026-12-08T09:00+07:00")
    assert second.returncode == 0 and "Nothing new since the last run" in second.stdout
