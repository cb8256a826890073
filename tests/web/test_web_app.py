"""The web app's pages and guard without a browser (Starlette's test client over the same
app), and the real server's security and start-up over HTTP."""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from sopan.config import load_config
from sopan.web.guard import COOKIE, Keys
from sopan.web.routes import make_app
from sopan.web.server import _listen, allowed_hosts
from web.conftest import FIXTURES, Server, start_server, stop_server

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
EXAMPLE = FIXTURES.parent.parent / "examples" / "undangan_wawancara_id.eml"
SAME = {"origin": "http://testserver"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    keys = Keys()
    config = tmp_path / "config.toml"
    web = make_app(hosts=frozenset({"testserver"}), keys=keys, now=NOW, config_file=config)
    with TestClient(web, base_url="http://testserver") as tc:
        tc.cookies.set(COOKIE, keys.session)
        yield tc


def _upload(client: TestClient, data: bytes, name: str = "inv.eml") -> httpx.Response:
    return client.post(
        "/invitation", files={"file": (name, data)}, data={"text": ""}, headers=SAME,
        follow_redirects=False,
    )  # fmt: skip


def _decide(client: TestClient, **choices: str) -> httpx.Response:
    client.post("/facts", data={"confirm": "1"}, headers=SAME)
    values = {"intent": "decline", "reason": "accepted-offer", "interest": "no", **choices}
    return client.post("/situation", data={**values, "confirmed": "no"}, headers=SAME,
                       follow_redirects=False)  # fmt: skip


def test_the_pages_follow_the_flow(client: TestClient) -> None:
    assert client.get("/facts", follow_redirects=False).headers["location"] == "/"
    assert _upload(client, EXAMPLE.read_bytes()).headers["location"] == "/facts"
    assert _decide(client).headers["location"] == "/plan"
    drafts = client.get("/drafts")
    assert drafts.status_code == 200 and 'name="text_email"' in drafts.text
    names = [n for n in ("email.eml", "letter.docx", "letter.pdf") if n in client.get("/take").text]
    assert names == ["email.eml", "letter.docx", "letter.pdf"]
    got = client.get("/download/letter.pdf")
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == 'attachment; filename="letter.pdf"'
    assert client.get("/download/../../etc/passwd").status_code == 404


def test_an_empty_or_unreadable_upload_is_named_in_the_error_summary(client: TestClient) -> None:
    empty = client.post("/invitation", data={"text": "  "}, headers=SAME)
    assert empty.status_code == 400
    assert 'href="#text"' in empty.text and "error-summary" in empty.text
    binary = _upload(client, b"\x00\x01\x02 not a message")
    assert binary.status_code == 400 and "binary" in binary.text


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    big = client.post(
        "/invitation", content=b"x" * 100, headers={**SAME, "content-length": str(11 * 2**20)}
    )
    assert big.status_code == 413


def test_a_bad_correction_names_its_field(client: TestClient) -> None:
    _upload(client, EXAMPLE.read_bytes())
    page = client.post("/facts", data={"start": "tomorrow-ish", "save": "1"}, headers=SAME)
    assert page.status_code == 400
    assert 'href="#start"' in page.text


def test_a_contradiction_is_refused_and_explained(client: TestClient) -> None:
    _upload(client, EXAMPLE.read_bytes())
    refused = _decide(client, intent="reschedule", reason="accepted-offer")
    assert refused.status_code == 400
    assert "error-summary" in refused.text
    check = client.post(
        "/situation/check", data={"intent": "reschedule", "reason": "accepted-offer"}, headers=SAME
    )
    assert 'class="warn"' in check.text


def test_live_lint_returns_the_findings_of_the_text_typed(client: TestClient) -> None:
    _upload(client, EXAMPLE.read_bytes())
    _decide(client)
    blame = "Proses rekrutmennya terlalu lama, jadi saya mundur."
    found = client.post("/drafts/lint", data={"channel": "email", "text": blame}, headers=SAME)
    assert "menyalahkan" in found.text
    assert client.post("/drafts/lint", data={"channel": "fax"}, headers=SAME).status_code == 400


def test_the_language_switches_and_the_page_says_so(client: TestClient) -> None:
    assert '<html lang="id">' in client.get("/").text
    client.post("/language", data={"language": "en", "back": "//evil.example"}, headers=SAME)
    page = client.get("/")
    assert '<html lang="en">' in page.text and "Paste or upload the invitation" in page.text


def test_the_profile_is_saved_privately(client: TestClient, tmp_path: Path) -> None:
    missing = client.post("/profile", data={"name": ""}, headers=SAME)
    assert missing.status_code == 400 and 'href="#name"' in missing.text
    saved = client.post(
        "/profile", data={"name": "Rina Kusuma", "language": "en", "timezone": "Asia/Makassar"},
        headers=SAME, follow_redirects=False,
    )  # fmt: skip
    assert saved.headers["location"] == "/profile?saved=1"
    config = tmp_path / "config.toml"
    assert load_config(config).profile.timezone == "Asia/Makassar"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    bad_zone = client.post("/profile", data={"name": "R", "timezone": "Mars/Olympus"}, headers=SAME)
    assert bad_zone.status_code == 400


def test_the_calendar_settings_are_checked_and_saved(client: TestClient, tmp_path: Path) -> None:
    first = client.post("/calendars", data={"sources": "a.ics"}, headers=SAME)
    assert first.status_code == 400  # the example profile is in use: save yours first
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    bad = client.post("/calendars", data={"hours": "nine to five"}, headers=SAME)
    assert bad.status_code == 400
    client.post(
        "/calendars", data={"sources": "~/kalender.ics", "hours": "08.00-16.00"}, headers=SAME
    )
    table = load_config(tmp_path / "config.toml").sections["calendar"]
    assert table["sources"] == ["~/kalender.ics"]
    assert table["working_hours"]["mon"] == "08.00-16.00"


# --- the real server ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("live"))
    yield running
    assert stop_server(running) == 0


def test_a_request_without_the_cookie_or_with_a_wrong_token_is_refused(live: Server) -> None:
    assert httpx.get(live.base + "/").status_code == 403
    assert httpx.get(live.base + "/start?token=guess").status_code == 403
    opened = httpx.get(live.start, follow_redirects=False)
    assert opened.status_code == 303
    cookie = opened.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_cross_origin_post_and_a_foreign_host_are_refused(live: Server) -> None:
    with httpx.Client(base_url=live.base) as web:
        web.get(live.start)  # the session cookie
        assert web.get("/").status_code == 200
        refused = web.post(
            "/language", data={"language": "en"}, headers={"origin": "https://evil.example"}
        )
        assert refused.status_code == 403
        assert web.post("/language", data={"language": "en"}).status_code == 403  # no origin
        rebinding = web.get("/", headers={"host": "evil.example:80"})
        assert rebinding.status_code == 421


def test_the_listening_socket_says_it_is_tcp() -> None:
    # asyncio turns Nagle's algorithm off only for a socket whose protocol is TCP: with the
    # protocol left 0, every answer waited ~40 ms for the browser's delayed ACK
    import socket

    sock = _listen("127.0.0.1", 0)
    try:
        assert (sock.type, sock.proto) == (socket.SOCK_STREAM, socket.IPPROTO_TCP)
    finally:
        sock.close()


def test_the_host_list_names_only_the_address_listened_on() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == frozenset({"127.0.0.1:8000", "localhost:8000"})
    assert allowed_hosts("192.0.2.5", 8000) == frozenset({"192.0.2.5:8000"})


def test_another_host_than_loopback_prints_a_warning(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--host", "0.0.0.0")
    try:
        assert server.start.startswith("http://")
    finally:
        assert stop_server(server) == 0
    assert "warning: listening on 0.0.0.0" in server.process.stderr.read()  # type: ignore[union-attr]


def test_a_taken_port_is_one_line(tmp_path: Path, live: Server) -> None:
    port = live.base.rsplit(":", 1)[1]
    import os
    import sys

    from conftest import SRC

    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_CONFIG": str(tmp_path / "c.toml")}
    done = subprocess.run(
        [sys.executable, "-m", "sopan", "web", "--no-browser", "--port", port],
        env=env, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot listen" in done.stderr


def test_an_outlook_msg_can_be_uploaded(client: TestClient) -> None:
    from msg_build import build_msg

    body = (
        "Kami mengundang Anda wawancara posisi Kasir di PT Sinar pada Senin, 14 Desember 2026 "
        "pukul 10.00 WIB."
    )
    sent = _upload(client, build_msg("Undangan Interview", body), "undangan.msg")
    assert sent.headers["location"] == "/facts"
    assert 'value="PT Sinar"' in client.get("/facts").text
