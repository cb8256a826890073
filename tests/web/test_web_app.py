"""The web app's pages and guard without a browser (Starlette's test client over the same
app, its work in threads), and the real server's security and start-up over HTTP."""

from __future__ import annotations

import re
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from sopan.config import load_config
from sopan.web.guard import BROWSER, COOKIE, Keys
from sopan.web.routes import make_app
from sopan.web.server import _listen, allowed_hosts
from sopan.web.work import Inline
from web.conftest import FIXTURES, Server, start_server, stop_server

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
EXAMPLE = FIXTURES.parent.parent / "examples" / "undangan_wawancara_id.eml"
SAME = {"origin": "http://testserver"}
#: a chat invitation with no number: the reply is pasted into the chat already open
CHAT = (
    "Halo Kak Rina, ini Sinta dari HR PT Kopi Senja. Kakak diundang interview posisi Barista "
    "hari Senin, 30 November 2026 jam 10.00 WIB di outlet Dago. Mohon konfirmasi ya kak."
)
#: an invitation whose date reads both ways (4 December or 12 April), nothing to decide it
AMBIGUOUS = FIXTURES / "eml" / "en_numeric_date_ambiguous.eml"
#: an interview that was a year ago
PAST = (
    "Yth. Rina,\n\nKami mengundang Anda wawancara posisi Staf Gudang di PT Lama Sekali pada "
    "Senin, 2 Desember 2024 pukul 09.00 WIB.\n\nHormat kami,\nHRD PT Lama Sekali\n"
)

App = Callable[[], object]


@pytest.fixture
def app_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """A new app (a server start: new keys) over the same config and the same store."""
    monkeypatch.setenv("SOPAN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    config = tmp_path / "config.toml"

    def make(keys: Keys | None = None) -> object:
        return make_app(hosts=frozenset({"testserver"}), keys=keys or Keys(), now=NOW,
                        config_file=config, work=Inline())  # fmt: skip

    return make


def _open(web: object) -> TestClient:
    """A browser that opened the printed address of `web`: it holds its cookies."""
    tc = TestClient(web, base_url="http://testserver")  # type: ignore[arg-type]
    tc.__enter__()
    keys: Keys = web.keys  # type: ignore[attr-defined]
    assert tc.get(f"/start?token={keys.token}", follow_redirects=False).status_code == 303
    return tc


@pytest.fixture
def client(app_of: Callable[..., object]) -> Iterator[TestClient]:
    tc = _open(app_of())
    yield tc
    tc.__exit__(None, None, None)


def _upload(client: TestClient, data: bytes, name: str = "inv.eml") -> httpx.Response:
    return client.post(
        "/invitation", files={"file": (name, data)}, data={"text": ""}, headers=SAME,
        follow_redirects=False,
    )  # fmt: skip


def _paste(client: TestClient, text: str) -> str:
    """A pasted invitation's case address (/c/KEY)."""
    done = client.post("/invitation", data={"text": text}, headers=SAME, follow_redirects=False)
    assert done.status_code == 303, done.text
    return str(done.headers["location"]).rsplit("/", 1)[0]


def _case(client: TestClient, data: bytes = b"") -> str:
    done = _upload(client, data or EXAMPLE.read_bytes())
    assert done.status_code == 303, done.text
    return str(done.headers["location"]).rsplit("/", 1)[0]


def _decide(client: TestClient, case: str, **choices: str) -> httpx.Response:
    client.post(f"{case}/facts", data={"confirm": "1"}, headers=SAME)
    values = {"intent": "decline", "reason": "accepted-offer", "interest": "no", **choices}
    return client.post(f"{case}/situation", data={**values, "confirmed": "no"}, headers=SAME,
                       follow_redirects=False)  # fmt: skip


def test_the_pages_of_a_case_follow_the_flow(client: TestClient) -> None:
    case = _case(client)
    assert case.startswith("/c/") and len(case) > 12  # its own, unguessable address
    assert _decide(client, case).headers["location"] == f"{case}/plan"
    drafts = client.get(f"{case}/drafts")
    assert drafts.status_code == 200 and 'name="text_email"' in drafts.text
    take = client.get(f"{case}/take").text
    assert all(f"{case}/download/{n}" in take for n in ("email.eml", "letter.docx", "letter.pdf"))
    got = client.get(f"{case}/download/letter.pdf")
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == 'attachment; filename="letter.pdf"'
    assert client.get(f"{case}/download/../../etc/passwd").status_code == 404
    assert "<built-in" not in take and "0x" not in take  # the copy button's own words
    assert "Salin teksnya" in take


def test_the_downloaded_email_opens_as_a_draft(client: TestClient) -> None:
    case = _case(client)
    _decide(client, case)
    client.get(f"{case}/take")  # kept for sending: the Message-ID is fixed now
    blob = client.get(f"{case}/download/email.eml").content
    assert blob.startswith(b"X-Unsent: 1\r\n")
    from email import message_from_bytes

    message = message_from_bytes(blob)
    assert message["X-Unsent"] == "1" and message["Subject"].startswith("Re:")
    again = message_from_bytes(client.get(f"{case}/download/email.eml").content)
    assert again["Message-ID"] == message["Message-ID"]  # the one it will be sent with


def test_an_empty_or_unreadable_upload_is_named_in_the_error_summary(client: TestClient) -> None:
    empty = client.post("/invitation", data={"text": "  "}, headers=SAME)
    assert empty.status_code == 400
    assert 'href="#text"' in empty.text and "error-summary" in empty.text
    binary = _upload(client, b"\x00\x01\x02 not a message")
    assert binary.status_code == 400 and 'href="#file"' in binary.text


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    big = client.post(
        "/invitation", content=b"x" * 100, headers={**SAME, "content-length": str(11 * 2**20)}
    )
    assert big.status_code == 413


def test_an_upload_over_a_megabyte_stays_in_memory(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def no_file(*args: object, **kwargs: object) -> object:
        raise AssertionError("an upload was spooled to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_file)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_file)
    padded = EXAMPLE.read_bytes().replace(b"\n\n", b"\nX-Pad: " + b"p" * 3_000_000 + b"\n\n", 1)
    done = _upload(client, padded)
    assert done.status_code in (303, 400)  # read or refused, but never written to disk


def test_a_bad_correction_names_its_field_and_keeps_what_was_typed(client: TestClient) -> None:
    case = _case(client)
    page = client.post(
        f"{case}/facts", data={"start": "tomorrow-ish", "position": "Analis Data Senior",
                               "save": "1"}, headers=SAME,
    )  # fmt: skip
    assert page.status_code == 400
    assert 'href="#start"' in page.text
    assert 'value="tomorrow-ish"' in page.text and 'value="Analis Data Senior"' in page.text


def test_a_date_picked_is_a_correction(client: TestClient) -> None:
    case = _case(client)
    client.post(f"{case}/facts", data={"start__picker": "2026-11-24T14:00", "save": "1"},
                headers=SAME)  # fmt: skip
    facts = client.get(f"{case}/facts").text
    assert "Selasa, 24 November 2026 pukul 14.00 WIB" in facts
    assert "2026-11-24" not in facts.split('type="datetime-local"')[0].rsplit("<label", 1)[0]


def test_a_contradiction_is_refused_and_explained(client: TestClient) -> None:
    case = _case(client)
    refused = _decide(client, case, intent="reschedule", reason="accepted-offer")
    assert refused.status_code == 400
    assert "error-summary" in refused.text
    chosen = {"intent": "reschedule", "reason": "accepted-offer"}
    check = client.post(f"{case}/situation/check", data=chosen, headers=SAME)
    assert 'class="warn"' in check.text


def test_live_lint_returns_the_findings_of_the_text_typed(client: TestClient) -> None:
    case = _case(client)
    _decide(client, case)
    blame = "Proses rekrutmennya terlalu lama, jadi saya mundur."
    found = client.post(f"{case}/drafts/lint", data={"channel": "email", "text": blame},
                        headers=SAME)  # fmt: skip
    assert "menyalahkan" in found.text
    assert (
        client.post(f"{case}/drafts/lint", data={"channel": "fax"}, headers=SAME).status_code == 400
    )
    # the text typed is the person's edit: it is there on the next page
    assert blame in client.get(f"{case}/drafts").text


def test_an_ambiguous_date_never_answers_an_internal_error(client: TestClient) -> None:
    case = _case(client, AMBIGUOUS.read_bytes())
    _decide(client, case)
    download = client.get(f"{case}/download/email.eml", follow_redirects=False)
    assert download.status_code == 303 and download.headers["location"].startswith(f"{case}/facts")
    lint = client.post(f"{case}/drafts/lint", data={"channel": "email", "text": "Halo"},
                       headers=SAME)  # fmt: skip
    assert lint.status_code == 400
    for path in ("/drafts", "/take"):
        assert client.get(case + path, follow_redirects=False).status_code == 303
    facts = client.get(f"{case}/facts").text  # the candidates, in words, to choose from
    assert "Jumat, 4 Desember 2026 pukul 10.00 WIB" in facts
    assert "Minggu, 12 April 2026 pukul 10.00 WIB" in facts


def test_what_is_wrong_with_a_date_or_a_zone_is_said_in_the_page_s_language(
    client: TestClient,
) -> None:
    for text, said in (
        ("Undangan interview Staf Admin, 31 Februari 2027 pukul 10.00 WIB. HRD PT Maju",
         "&#39;31 Februari 2027&#39; bukan tanggal yang ada di kalender"),
        ("Undangan interview Staf Admin, Senin 15 Februari 2027 pukul 10.00 XST. HRD PT Maju",
         "&#39;XST&#39; bukan zona waktu yang dikenal sopan"),
    ):  # fmt: skip
        facts = client.get(f"{_paste(client, text)}/facts").text
        assert said in facts, facts
        assert "is not" not in facts and "sopan knows" not in facts


def test_a_chat_planned_is_drafted_even_without_a_number(client: TestClient) -> None:
    case = _paste(client, CHAT)
    _decide(client, case)
    plan = client.get(f"{case}/plan").text
    assert "WhatsApp" in plan
    drafts = client.get(f"{case}/drafts").text
    assert 'name="text_whatsapp"' in drafts
    take = client.get(f"{case}/take").text
    assert "Tempelkan pesan ini di percakapan" in take


def test_a_past_interview_is_said_to_be_past(client: TestClient) -> None:
    case = _paste(client, PAST)
    facts = client.get(f"{case}/facts").text
    assert "Wawancara ini sudah lewat" in facts and "Senin, 2 Desember 2024" in facts
    closed = client.post(f"{case}/close", data={"closed": "old"}, headers=SAME,
                         follow_redirects=False)  # fmt: skip
    assert closed.headers["location"] == "/"
    home = client.get("/").text
    assert "Pesan lama, ditutup" in home, home[home.find("<main") :]


def test_a_plan_notes_way_is_a_link_to_its_field_in_words(client: TestClient) -> None:
    case = _case(client)
    _decide(client, case, intent="cancel", reason="relocation", interest="unsure")
    plan = client.get(f"{case}/plan").text
    ways = re.findall(r'<a class="way" href="([^"]+)">([^<]+)</a>', plan)
    # the example lives in Bandung, the interview is in Jakarta, the reason a move: a video
    # interview is advised
    assert (f"{case}/situation#intent", "Ubah pilihan Anda: Meminta wawancara daring") in ways
    assert "--intent" not in plan and "reschedule" not in plan.split("<main", 1)[1]
    situation = client.get(f"{case}/situation").text
    assert 'id="intent"' in situation  # the link's target is there


def test_two_browsers_never_see_each_others_cases(app_of: Callable[..., object]) -> None:
    web = app_of()
    rina, budi = _open(web), _open(web)
    mine = _case(rina)
    theirs = _paste(budi, CHAT)
    assert "PT Nusantara Data Teknologi" in rina.get("/").text
    home = budi.get("/").text
    assert "Nusantara" not in home and "Kopi Senja" in home
    for path in ("/facts", "/situation", "/plan", "/drafts", "/take", "/download/email.eml"):
        assert budi.get(mine + path).status_code == 404
    assert budi.post(f"{mine}/facts", data={"company": "PT Palsu"}, headers=SAME).status_code == 404
    assert budi.post(f"{mine}/forget", headers=SAME).status_code == 404
    assert "PT Palsu" not in rina.get(f"{mine}/facts").text
    # the page's language is each browser's own
    budi.post("/language", data={"language": "en", "back": "/"}, headers=SAME)
    assert '<html lang="en">' in budi.get(theirs + "/facts").text
    assert '<html lang="id">' in rina.get(mine + "/facts").text


def test_a_restart_finds_the_browsers_cases_again(app_of: Callable[..., object]) -> None:
    first = app_of()
    tab = _open(first)
    case = _case(tab)
    tab.post(f"{case}/facts", data={"position": "Analis Data", "save": "1"}, headers=SAME)
    kept = tab.cookies.get(BROWSER)
    tab.__exit__(None, None, None)
    again = app_of()  # a new start: new keys, a new printed address
    reopened = TestClient(again, base_url="http://testserver")  # type: ignore[arg-type]
    with reopened:
        reopened.cookies.set(BROWSER, kept)  # the browser kept its identity
        old_tab = reopened.get("/")  # the new token is needed first: said in words
        assert old_tab.status_code == 403 and '<html lang="id">' in old_tab.text
        assert "Buka alamat yang ditampilkan sopan saat dimulai" in old_tab.text
        assert "Nusantara" not in old_tab.text and case not in old_tab.text  # nothing of it
        assert 'href="/profile"' not in old_tab.text  # no way on that needs the session
        keys: Keys = again.keys  # type: ignore[attr-defined]
        opened = reopened.get(f"/start?token={keys.token}", follow_redirects=False)
        assert BROWSER not in opened.headers.get("set-cookie", "")  # it keeps its own
        home = reopened.get("/").text
        assert "PT Nusantara Data Teknologi" in home and case in home
        assert 'value="Analis Data"' in reopened.get(f"{case}/facts").text


def test_a_non_ascii_token_or_cookie_is_refused_not_an_error(client: TestClient) -> None:
    assert client.get("/start?token=%C3%A9t%C3%A9").status_code == 403
    client.cookies.clear()
    raw = f"{COOKIE}=sésame".encode()
    assert client.get("/", headers={"cookie": raw}).status_code == 403  # type: ignore[dict-item]


def test_the_language_switches_and_the_page_says_so(client: TestClient) -> None:
    assert '<html lang="id">' in client.get("/").text
    client.post("/language", data={"language": "en", "back": "//evil.example"}, headers=SAME)
    page = client.get("/")
    assert '<html lang="en">' in page.text and "Paste or upload the invitation" in page.text


def test_the_profile_is_saved_privately(client: TestClient, tmp_path: Path) -> None:
    missing = client.post("/profile", data={"name": "", "city": "Medan"}, headers=SAME)
    assert missing.status_code == 400 and 'href="#name"' in missing.text
    assert 'value="Medan"' in missing.text  # what was typed is kept
    saved = client.post(
        "/profile", data={"name": "Rina Kusuma", "language": "en", "timezone": "Asia/Makassar"},
        headers=SAME, follow_redirects=False,
    )  # fmt: skip
    assert saved.headers["location"] == "/profile?saved=1"
    config = tmp_path / "config.toml"
    assert load_config(config).profile.timezone == "Asia/Makassar"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    bad_zone = client.post("/profile", data={"name": "R", "timezone": "Mars/Olympus"}, headers=SAME)
    assert bad_zone.status_code == 400 and 'value="Mars/Olympus"' in bad_zone.text


CALENDAR = FIXTURES / "calendar" / "tentative_outlook.ics"


def test_a_calendar_is_uploaded_checked_and_kept(client: TestClient, tmp_path: Path) -> None:
    first = client.post("/calendars", files={"file": ("kalender.ics", CALENDAR.read_bytes())},
                        headers=SAME)  # fmt: skip
    assert first.status_code == 400  # the example profile is in use: save yours first
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    broken = client.post("/calendars", files={"file": ("rusak.ics", b"BEGIN:VCALENDAR\nnope")},
                         headers=SAME)  # fmt: skip
    assert broken.status_code == 400 and 'href="#file"' in broken.text
    assert "calendar" not in load_config(tmp_path / "config.toml").sections
    assert not (tmp_path / "calendars").exists() or not list((tmp_path / "calendars").iterdir())
    done = client.post("/calendars", files={"file": ("kalender.ics", CALENDAR.read_bytes())},
                       headers=SAME)  # fmt: skip
    assert done.status_code == 200 and "«kalender.ics» dibaca" in done.text
    (kept,) = load_config(tmp_path / "config.toml").sections["calendar"]["sources"]
    assert Path(kept).parent == tmp_path / "calendars"
    assert stat.S_IMODE(Path(kept).stat().st_mode) == 0o600
    page = client.get("/calendars").text
    assert "kalender.ics" in page and str(tmp_path) not in page  # no server path shown
    import re

    (listed,) = re.findall(r'name="remove" value="([^"]+)"', page)
    client.post("/calendars", data={"remove": listed}, headers=SAME)
    assert load_config(tmp_path / "config.toml").sections["calendar"]["sources"] == []
    assert not Path(kept).exists()


def test_a_calendar_address_is_read_before_it_is_kept(client: TestClient, tmp_path: Path) -> None:
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    for address in ("/etc/passwd", "file:///etc/passwd", "https://127.0.0.1:9/kalender.ics"):
        refused = client.post("/calendars", data={"address": address}, headers=SAME)
        assert refused.status_code == 400 and 'href="#address"' in refused.text, address
        assert f'value="{address}"' in refused.text  # kept as typed
        table = load_config(tmp_path / "config.toml").sections.get("calendar", {})
        assert table.get("sources", []) == []


def test_working_hours_are_checked_and_kept(client: TestClient, tmp_path: Path) -> None:
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    bad = client.post("/calendars", data={"hours": "nine to five", "blocked": ""}, headers=SAME)
    assert bad.status_code == 400 and 'value="nine to five"' in bad.text
    client.post("/calendars", data={"hours": "08.00-16.00", "blocked": ""}, headers=SAME)
    table = load_config(tmp_path / "config.toml").sections["calendar"]
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
    assert httpx.get(live.base + "/start?token=%C3%A9").status_code == 403  # not a 500
    opened = httpx.get(live.start, follow_redirects=False)
    assert opened.status_code == 303
    cookies = opened.headers.get_list("set-cookie")
    assert all("HttpOnly" in c and "SameSite=Strict" in c for c in cookies)
    assert {c.split("=", 1)[0] for c in cookies} == {COOKIE, BROWSER}


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
        web.cookies.clear()
        raw = f"{COOKIE}=sésame".encode()
        assert web.get("/", headers={"cookie": raw}).status_code == 403  # type: ignore[dict-item]


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
    assert done.stderr.count("\n") == 1 and "sudah dipakai program lain" in done.stderr


def test_an_outlook_msg_can_be_uploaded(client: TestClient) -> None:
    from msg_build import build_msg

    body = (
        "Kami mengundang Anda wawancara posisi Kasir di PT Sinar pada Senin, 14 Desember 2026 "
        "pukul 10.00 WIB."
    )
    sent = _upload(client, build_msg("Undangan Interview", body), "undangan.msg")
    case = str(sent.headers["location"]).rsplit("/", 1)[0]
    assert 'value="PT Sinar"' in client.get(f"{case}/facts").text


def test_dates_typed_in_words_are_accepted_on_the_facts_page(client: TestClient) -> None:
    case = _case(client)
    client.post(f"{case}/facts", data={"start": "Senin, 14 Desember 2026 pukul 10.00",
                                       "save": "1"}, headers=SAME)  # fmt: skip
    facts = client.get(f"{case}/facts").text
    assert 'value="Senin, 14 Desember 2026 pukul 10.00 WIB"' in facts
    client.post(f"{case}/facts", data={"start": "15/12 jam 2 siang", "save": "1"}, headers=SAME)
    assert 'value="Selasa, 15 Desember 2026 pukul 14.00 WIB"' in client.get(f"{case}/facts").text
    wrong = client.post(f"{case}/facts", data={"start": "Kamis, 14 Desember 2026 pukul 10.00",
                                               "save": "1"}, headers=SAME)  # fmt: skip
    assert wrong.status_code == 400 and 'href="#start"' in wrong.text  # 14 Dec is a Monday
    assert "Mulai (tanggal dan jam):" in wrong.text and "--" not in wrong.text
    assert 'value="Kamis, 14 Desember 2026 pukul 10.00"' in wrong.text


def test_own_alternative_times_are_typed_in_words(client: TestClient) -> None:
    case = _case(client)
    _decide(client, case, intent="reschedule", reason="schedule-conflict", interest="yes")
    plan = client.get(f"{case}/plan").text
    assert 'id="own"' in plan
    typed = "Kamis, 26 November 2026 pukul 10.00\n27/11 jam 2 siang"
    done = client.post(f"{case}/plan", data={"own": typed}, headers=SAME, follow_redirects=False)
    assert done.headers["location"] == f"{case}/drafts"
    email = client.get(f"{case}/drafts").text
    assert "26 November 2026" in email and "27 November 2026" in email
    again = client.get(f"{case}/plan").text  # offered, ticked, in words
    assert "Kam 26 Nov 10.00–11.30 WIB" in again and "Jum 27 Nov 14.00–15.30 WIB" in again
    bad = client.post(f"{case}/plan", data={"own": "kapan-kapan saja"}, headers=SAME)
    assert bad.status_code == 400 and 'href="#own"' in bad.text
    assert "kapan-kapan saja</textarea>" in bad.text


def test_working_hours_and_breaks_are_typed_in_words(client: TestClient, tmp_path: Path) -> None:
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    done = client.post("/calendars", data={"hours": "08.00-16.00",
                                           "blocked": "senin-jumat 12.00-13.00 makan siang"},
                       headers=SAME)  # fmt: skip
    assert done.status_code == 200, done.text
    table = load_config(tmp_path / "config.toml").sections["calendar"]
    assert table["blocked"] == ["senin-jumat 12.00-13.00 makan siang"]
    bad = client.post("/calendars", data={"hours": "08.00-16.00", "blocked": "tiap hari"},
                      headers=SAME)  # fmt: skip
    assert bad.status_code == 400 and 'href="#blocked"' in bad.text
    assert "tiap hari</textarea>" in bad.text


#: calendars a person may upload by mistake: each refused in words, naming the file as they
#: named it, never where the server put it, never in a library's English
BROKEN_CALENDARS = {
    "foto.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "catatan.txt": b"Halo, ini catatan belanja, bukan kalender.\n",
    "rusak.ics": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX01\r\nEND:VEVENT\r\n"
    b"END:VCALENDAR\r\n",
    "pendek.ics": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261201T100000Z\r\n",
    "ulang.ics": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261201T100000Z\r\n"
    b"RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "../../etc/passwd": b"root:x:0:0:root:/root:/bin/bash\n",
}
#: what a page must never show: where the server keeps files, a traceback, a repr
SERVER_SIDE = re.compile(
    r"(?<![\w.])/(?:tmp|home|root|Users|var|etc|usr|work|private)/|[A-Za-z]:\\|Traceback"
    r"|\b0x[0-9a-f]{6,}|<built-in|\.py\b|sopan-[a-z]+-|tmp[a-z0-9_]{8}"
)
#: a library's own English that an error once carried onto the page
LIBRARY_WORDS = re.compile(r"\b(parsed|Expected|expected|property|Cannot|component|got)\b")


def _shows_nothing_of_the_server(text: str, tmp_path: Path) -> None:
    main = text[text.find("<main") :]
    assert str(tmp_path) not in text and "calendars/" not in main
    found = SERVER_SIDE.search(re.sub(r'(href|src|action)="[^"]*"', "", text))
    assert found is None, found


@pytest.mark.parametrize("name", sorted(BROKEN_CALENDARS))
def test_a_broken_calendar_upload_never_shows_a_server_path(
    client: TestClient, tmp_path: Path, name: str
) -> None:
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    typed = {"hours": "08.00-15.00", "blocked": "jumat 11.30-13.00 salat Jumat"}
    refused = client.post("/calendars", files={"file": (name, BROKEN_CALENDARS[name])},
                          data=typed, headers=SAME)  # fmt: skip
    assert refused.status_code == 400 and 'href="#file"' in refused.text
    _shows_nothing_of_the_server(refused.text, tmp_path)
    summary = refused.text.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert Path(name).name in summary  # the file as the person named it
    assert LIBRARY_WORDS.search(summary) is None, summary
    assert 'value="08.00-15.00"' in refused.text and "salat Jumat</textarea>" in refused.text
    assert "calendar" not in load_config(tmp_path / "config.toml").sections
    assert not list((tmp_path / "calendars").glob("*"))  # nothing kept of it


def test_an_upload_over_the_limit_on_the_calendar_page_is_said_in_words(
    client: TestClient, tmp_path: Path
) -> None:
    client.post("/profile", data={"name": "Rina Kusuma"}, headers=SAME)
    typed = {"hours": "08.00-15.00", "blocked": ""}
    # just over the limit: read as far as the limit, refused beside its field, nothing lost
    over = b"BEGIN:VCALENDAR\r\nX-PAD:" + b"a" * (10 * 2**20) + b"\r\nEND:VCALENDAR\r\n"
    refused = client.post("/calendars", files={"file": ("besar.ics", over)}, data=typed,
                          headers=SAME)  # fmt: skip
    assert refused.status_code == 413 and 'href="#file"' in refused.text
    assert "Lebih besar dari 10 MB" in refused.text and 'value="08.00-15.00"' in refused.text
    _shows_nothing_of_the_server(refused.text, tmp_path)
    # far over it: refused before it is read, on a page in the person's words, a way back
    far = client.post(
        "/calendars", content=b"x" * 100,
        headers={**SAME, "content-length": str(11 * 2**20),
                 "referer": "http://testserver/calendars"},
    )  # fmt: skip
    assert far.status_code == 413 and '<html lang="id">' in far.text
    assert "Berkas yang dipilih lebih besar dari 10 MB" in far.text
    assert 'href="/calendars"' in far.text and "MB may be sent" not in far.text
    assert far.headers["content-security-policy"].startswith("default-src 'none'")
    _shows_nothing_of_the_server(far.text, tmp_path)
    elsewhere = client.post(
        "/invitation", content=b"x", headers={**SAME, "content-length": str(11 * 2**20),
                                              "referer": "https://evil.example/x"},
    )  # fmt: skip
    assert elsewhere.status_code == 413 and "evil.example" not in elsewhere.text


def test_an_error_on_a_page_names_no_path_and_no_library_words() -> None:
    from sopan.errors import UserError
    from sopan.web.site import error_of

    why = "[Errno 13] Permission denied: '/home/rina/.config/sopan/calendars/ab12-kal.ics'"
    error = UserError("file.unreadable", source="/home/rina/.config/sopan/calendars/kal.ics",
                      why=why)  # fmt: skip
    field, message = error_of(error, "id", "file")
    assert message == "kal.ics: tidak dapat dibaca" and field == "file"
    assert error_of(error, "en", "file")[1] == "kal.ics: cannot read"
    legacy = UserError("cannot open C:\\Users\\rina\\kal.ics or /tmp/sopan-x/y.ics")
    assert error_of(legacy, "id")[1] == "cannot open kal.ics or y.ics"
    address = UserError("settings.not_a_calendar_address", value="https://a.example/b/c.ics")
    assert "https://a.example/b/c.ics" in error_of(address, "id")[1]  # a link stays whole


#: invitations by chat and by SMS, with a number and without, for today or a later day
CHATS = {
    "chat without a number": CHAT,
    "chat with a number": CHAT.replace(
        "Mohon konfirmasi ya kak.", "Hubungi saya di 0813-7788-9900 ya kak."
    ),
    "sms with a number": (
        "Yth Sdr Rina, Anda diundang tes wawancara PT Maju Jaya posisi Staf Admin, Selasa "
        "1 Desember 2026 jam 09.00 WIB di Jl. Merdeka 5 Bandung. Konfirmasi kehadiran balas "
        "SMS ini ke 081234567890."
    ),
    "chat for tomorrow": (
        "Pagi kak Rina, ini Andi HRD Toko Sepatu Ceria. Besok Sabtu 21 November 2026 jam 10 "
        "pagi kakak interview ya di toko cabang Dago. WA saya kalau berhalangan. Makasih kak"
    ),
}
SITUATIONS = (
    {"intent": "decline", "reason": "schedule-conflict", "interest": "yes", "confirmed": "no"},
    {"intent": "reschedule", "reason": "schedule-conflict", "interest": "yes", "confirmed": "yes"},
    {"intent": "cancel", "reason": "personal", "interest": "unsure", "confirmed": "yes"},
    {"intent": "online", "reason": "too-far", "interest": "yes", "confirmed": "no"},
    {"intent": "", "reason": "", "interest": "unsure", "confirmed": "no"},
)


@pytest.mark.parametrize("name", sorted(CHATS))
def test_every_channel_the_plan_names_is_drafted_and_taken(client: TestClient, name: str) -> None:
    from sopan.model.channels import registry

    channel_of = {s.label_in("id").lower(): s.name for s in registry().specs}
    for situation in SITUATIONS:
        case = _paste(client, CHATS[name])
        client.post(f"{case}/facts", data={"confirm": "1"}, headers=SAME)
        chosen = client.post(f"{case}/situation", data=situation, headers=SAME,
                             follow_redirects=False)  # fmt: skip
        assert chosen.status_code == 303, (name, situation)
        plan = client.get(f"{case}/plan").text
        listed = plan.split('class="plan-steps"', 1)[1].split("</ol>", 1)[0]
        steps = [channel_of[s.lower()] for s in re.findall(r"<li><strong>([^<]+)</strong>", listed)]
        assert steps, (name, situation)
        drafts = client.get(f"{case}/drafts").text
        take = client.get(f"{case}/take").text
        for channel in steps:
            if channel == "calendar":  # a calendar reply is a file to take, not a text
                assert f"{case}/download/calendar.ics" in take
                continue
            assert f'name="text_{channel}"' in drafts, (name, situation, channel)
            assert f'id="copy-{channel}"' in take, (name, situation, channel)
        if "whatsapp" in steps:
            assert "Tempelkan pesan ini di percakapan" in take or "wa.me/" in take


def test_drafts_signed_by_the_example_person_say_so_until_the_details_are_saved(
    client: TestClient,
) -> None:
    case = _case(client)
    _decide(client, case)
    for page in ("drafts", "take"):
        shown = client.get(f"{case}/{page}").text
        assert 'id="example-signs"' in shown and "Rina Kartika Sari" in shown
        assert 'href="/profile"' in shown.split('id="example-signs"', 1)[1].split("</p>", 1)[0]
    client.post("/profile", data={"name": "Budi Santoso"}, headers=SAME)
    assert 'id="example-signs"' not in client.get(f"{case}/drafts").text
    assert "Budi Santoso" in client.get(f"{case}/drafts").text


#: a written test and an interview abroad, with no zone written and a reply-by date ahead
ABROAD = (
    "Yth. Rina,\n\nKami mengundang Anda mengikuti psikotes dan wawancara untuk posisi Staf "
    "Gudang di PT Sinar Abadi pada Senin, 30 November 2026 pukul 09.00 di kantor kami, "
    "Jl. Asia Afrika 8, Singapura.\n\nMohon konfirmasi kehadiran paling lambat Rabu, "
    "25 November 2026.\n\nHormat kami,\nHRD PT Sinar Abadi\n"
)


def test_the_plan_page_heads_with_the_event_its_time_and_the_reply_by(client: TestClient) -> None:
    """The page says what the command line's plan says first: the event as the invitation
    names it, its time with the guessed zone's origin and a link to correct it, and the
    reply-by date while it is ahead (R1, R2)."""
    case = _paste(client, ABROAD)
    _decide(client, case)
    plan = client.get(f"{case}/plan").text
    head = plan.split('<ul class="plan-head">', 1)[1].split("</ul>", 1)[0]
    assert "Psikotes dan wawancara: Senin, 30 November 2026 pukul 09.00 SGT" in head
    assert "zona ditebak dari tempat wawancaranya" in head
    assert f'href="{case}/facts#timezone"' in head
    assert 'id="timezone"' in client.get(f"{case}/facts").text  # the link lands on its field
    assert "Batas balasan: Rabu, 25 November 2026" in head
    # a zone the invitation wrote is not called a guess
    case = _case(client)
    _decide(client, case)
    head = client.get(f"{case}/plan").text.split('<ul class="plan-head">', 1)[1]
    assert "WIB" in head.split("</ul>", 1)[0] and "zona ditebak" not in head.split("</ul>", 1)[0]


def test_the_plan_page_shows_an_honorific_guessed_from_a_given_name(client: TestClient) -> None:
    """A title the invitation did not give, guessed from the contact's given name, is shown as
    a guess with where it came from and a link to the field that corrects it (R3)."""
    guessed = ABROAD.replace("HRD PT Sinar Abadi\n", "Dewi Lestari\nHRD PT Sinar Abadi\n")
    case = _paste(client, guessed)
    _decide(client, case)
    head = client.get(f"{case}/plan").text.split('<ul class="plan-head">', 1)[1]
    head = head.split("</ul>", 1)[0]
    assert "Sapaan: Ibu Dewi Lestari" in head and "nama depan Dewi" in head
    assert f'href="{case}/facts#contact_name"' in head
    assert 'id="contact_name"' in client.get(f"{case}/facts").text
    case = _paste(client, ABROAD)  # signed by a team: nothing guessed
    _decide(client, case)
    assert "Sapaan" not in client.get(f"{case}/plan").text
