"""`sopan serve` as a centre runs it: two uvicorn worker processes over a real PostgreSQL,
sign-in through a real OpenID provider on loopback (Authlib's server components) and with
local accounts made by `sopan admin`, and everything asked over real HTTP.

Two students side by side never reach each other's cases, by any route; the sign-in at the
provider goes with PKCE (S256) and maps the groups claim to a role; signing out ends the
session in every worker; failed sign-ins are limited across the workers; the health,
readiness and metrics endpoints answer, and the server's log names nobody."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from calendars.servers import free_port
from conftest import EXAMPLES, SRC

from hosted.conftest import NOW, Cluster
from hosted.provider import CLIENT_ID, CLIENT_SECRET, Provider

RINA_TEXT = (EXAMPLES / "undangan_wawancara_id.eml").read_bytes().decode("utf-8")
BUDI_TEXT = (EXAMPLES / "undangan_whatsapp_id.txt").read_text("utf-8")
#: local accounts; cici is only ever locked out (by the rate-limit test)
PASSWORDS = {
    "rina": "kata-sandi-rina-123",
    "budi": "kata-sandi-budi-456",
    "cici": "kata-sandi-cici-789",
}
#: the provider's people and their groups: a student, a counsellor, one with no role
CAMPUS = {
    "ayu": {"name": "Ayu Lestari", "email": "ayu@kampus.ac.id", "groups": ["mahasiswa"]},
    "sari.k": {"name": "Sari Konselor", "email": "sari@kampus.ac.id", "groups": ["konselor"]},
    "tamu": {"name": "Tamu", "email": "tamu@luar.example", "groups": ["alumni"]},
}


@dataclass
class Served:
    """The running centre."""

    base: str
    provider: Provider
    process: subprocess.Popen[bytes]
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=30, follow_redirects=False)

    def signed_in(self, name: str) -> httpx.Client:
        client = self.client()
        answer = client.post("/api/login", json={"username": name, "password": PASSWORDS[name]})
        assert answer.status_code == 200, answer.text
        client.headers["X-CSRF-Token"] = answer.json()["csrf"]
        return client


def _admin(env: dict[str, str], *args: str, stdin: str = "") -> None:
    done = subprocess.run([sys.executable, "-m", "sopan", "admin", *args], input=stdin,
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def served(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    provider = Provider(CAMPUS, [f"{base}/auth/callback"]).start()
    config = folder / "config.toml"
    config.write_text(
        '[profile]\nname = "Pusat Karier Uji"\n\n'
        f'[serve]\npublic_url = "{base}"\nallowed_hosts = ["127.0.0.1"]\n'
        "secure_cookies = false\nlogin_attempts = 3\n\n"
        f'[serve.oidc]\nissuer = "{provider.issuer}"\nclient_id = "{CLIENT_ID}"\n'
        'roles_claim = "groups"\nroles = { mahasiswa = "student", konselor = "counsellor" }\n\n'
        '[centre]\nname = "Pusat Karier Uji"\nemail = "karier@kampus.ac.id"\n',
        "utf-8",
    )
    env = {
        **os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": cluster.database(),
        "SOPAN_CONFIG": str(config), "SOPAN_SECRET_KEY": "s" * 64,
        "SOPAN_OIDC_CLIENT_SECRET": CLIENT_SECRET, "SOPAN_NOW": NOW.isoformat(),
    }  # fmt: skip
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    for name, password in PASSWORDS.items():
        _admin(env, "user", "add", name, "--role", "student", "--password-stdin",
               stdin=password + "\n")  # fmt: skip
    log = folder / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "sopan", "serve", "--port", str(port), "--workers", "2"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    served = Served(base, provider, process, log)
    try:
        _wait_ready(served)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=30)
        provider.stop()


def _wait_ready(served: Served) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert served.process.poll() is None, served.log.read_text("utf-8", "replace")
        try:
            if httpx.get(f"{served.base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("sopan serve did not become ready")


def _at_provider(served: Served, browser: httpx.Client, login: str) -> httpx.Response:
    """Off to the provider from sopan's sign-in, signed in there as `login`: the provider's
    answer (a redirect back to sopan with a code)."""
    start = browser.get("/login/sso")
    assert start.status_code in (302, 303), start.text
    to_provider = start.headers["location"]
    assert to_provider.startswith(f"{served.provider.issuer}/authorize?")
    return httpx.post(to_provider, data={"login": login}, timeout=10)


def test_two_students_never_reach_each_others_cases(served: Served) -> None:
    rina, budi = served.signed_in("rina"), served.signed_in("budi")
    made = rina.post("/api/cases", json={"text": RINA_TEXT})
    assert made.status_code == 201, made.text
    theirs = budi.post("/api/cases", json={"text": BUDI_TEXT})
    assert theirs.status_code == 201, theirs.text
    hers, his = made.json()["id"], theirs.json()["id"]
    assert rina.post("/api/me/consent", json={"purpose": "counselling"}).status_code == 200
    # many requests, so both workers answer each of them
    for _ in range(10):
        assert [c["id"] for c in rina.get("/api/cases").json()] == [hers]
        assert [c["id"] for c in budi.get("/api/cases").json()] == [his]
    choices = {"intent": "decline", "reason": "accepted-offer", "interest": "no",
               "confirmed": False}  # fmt: skip
    for client, other in ((rina, his), (budi, hers)):
        assert client.get(f"/api/cases/{other}").status_code == 404
        assert client.post(f"/api/cases/{other}/plan", json=choices).status_code == 404
        assert client.post(f"/api/cases/{other}/drafts", json=choices).status_code == 404
        assert client.post(f"/api/cases/{other}/share", json={"counsellor": "x"}).status_code == 404
        assert client.delete(f"/api/cases/{other}").status_code == 404
        page = client.get(f"/cases/{other}")
        assert page.status_code == 404 and "Ayu" not in page.text
    # what each sees of their own case is theirs, and the other's words are nowhere in it
    own = rina.get(f"/api/cases/{hers}")
    assert own.status_code == 200 and own.json()["id"] == hers
    drafted = rina.post(f"/api/cases/{hers}/drafts", json=choices)
    assert drafted.status_code == 201, drafted.text
    export = budi.get("/api/me/export")
    assert export.status_code == 200
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b'"rina"' not in everything, everything[everything.find(b"rina") - 200 :][:400]
    for line in RINA_TEXT.splitlines():
        if len(line) > 30:
            assert line.encode("utf-8") not in everything
    # still there for her, untouched by his deletes
    assert rina.get(f"/api/cases/{hers}").status_code == 200


def test_sign_in_through_the_campus_provider_with_pkce(served: Served) -> None:
    browser = served.client()
    start = browser.get("/login/sso")
    assert start.status_code in (302, 303), start.text
    to_provider = start.headers["location"]
    assert to_provider.startswith(f"{served.provider.issuer}/authorize?")
    assert "code_challenge_method=S256" in to_provider and "code_challenge=" in to_provider
    form = httpx.get(to_provider, timeout=10)
    assert form.status_code == 200 and 'name="login"' in form.text
    back = httpx.post(to_provider, data={"login": "ayu"}, timeout=10)
    assert back.status_code == 302, back.text
    assert back.headers["location"].startswith(f"{served.base}/auth/callback?code=")
    landed = browser.get(back.headers["location"])
    assert landed.status_code == 303 and landed.headers["location"] == "/", landed.text
    cookie = landed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    token_request = next(d for p, d in reversed(served.provider.seen) if p == "/token")
    assert token_request.get("code_verifier")  # the verifier went with the code
    home = browser.get("/")
    assert home.status_code == 200 and "Ayu Lestari" in home.text
    assert browser.get("/api/cases").json() == []  # a student, with no case yet
    # the code is good once
    again = served.client().get(back.headers["location"])
    assert again.status_code == 400
    # sign-out ends the session in every worker
    csrf = re.search(r'name="csrf" value="([^"]+)"', home.text)
    assert csrf is not None
    out = browser.post("/logout", data={"csrf": csrf.group(1)})
    assert out.status_code == 303
    for _ in range(6):
        assert browser.get("/api/cases").status_code == 401


def test_a_provider_account_with_no_known_group_is_refused(served: Served) -> None:
    browser = served.client()
    back = _at_provider(served, browser, "tamu")
    landed = browser.get(back.headers["location"])
    assert landed.status_code == 403
    assert browser.get("/api/cases").status_code == 401


def test_a_counsellor_from_the_provider_sees_only_what_is_shared(served: Served) -> None:
    browser = served.client()
    back = _at_provider(served, browser, "sari.k")
    assert browser.get(back.headers["location"]).status_code == 303
    assert browser.get("/api/cases").json() == []
    rina = served.signed_in("rina")
    case = rina.post("/api/cases", json={"text": RINA_TEXT}).json()["id"]
    assert browser.get(f"/api/cases/{case}").status_code == 404
    assert rina.post("/api/me/consent", json={"purpose": "counselling"}).status_code == 200
    assert rina.post(f"/api/cases/{case}/share", json={"counsellor": "sari.k"}).status_code == 200
    assert browser.get(f"/api/cases/{case}").status_code == 200
    assert (
        rina.request("DELETE", "/api/me/consent", json={"purpose": "counselling"}).status_code
        == 200
    )
    assert browser.get(f"/api/cases/{case}").status_code == 404  # withdrawn: at once


def test_failed_sign_ins_are_limited_across_the_workers(served: Served) -> None:
    client = served.client()
    for _ in range(3):
        wrong = client.post("/api/login", json={"username": "cici", "password": "salah-salah"})
        assert wrong.status_code == 401
    right = client.post("/api/login", json={"username": "cici", "password": PASSWORDS["cici"]})
    assert right.status_code == 429
    unknown = client.post("/api/login", json={"username": "siapa", "password": "x"})
    assert unknown.status_code == 401 and "siapa" not in unknown.text


def test_health_readiness_metrics_and_a_log_that_names_nobody(served: Served) -> None:
    client = served.client()
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    rina = served.signed_in("rina")
    rina.get("/api/cases")
    assert rina.get("/api/cases/987654").status_code == 404
    metrics = client.get("/metrics").text
    assert 'sopan_requests_total{method="GET",route="/api/cases",status="200"}' in metrics
    # a route by its pattern, never by the number asked for
    assert 'route="/api/cases/{case_id:int}",status="404"' in metrics
    assert "987654" not in metrics
    assert client.get("/api/cases", headers={"host": "evil.example"}).status_code == 400
    log = served.log.read_text("utf-8", "replace")
    assert '"route": "/api/cases"' in log
    for personal in ("rina", "budi", "Ayu", "ayu@kampus", "PT ", "Traceback"):
        assert personal not in log, personal


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield launched
        launched.close()


def _tab(browser: Any) -> Any:
    tab = browser.new_context(locale="id-ID").new_page()
    tab.set_default_timeout(20_000)
    return tab


def _through_provider(tab: Any, served: Served, login: str) -> None:
    tab.goto(f"{served.base}/login")
    tab.click("#sso")
    tab.fill('input[name="login"]', login)
    tab.click('button[type="submit"]')
    tab.wait_for_url(f"{served.base}/")


def _paste(tab: Any, served: Served, text: str) -> str:
    """Paste an invitation on the home page; the case page's address."""
    tab.goto(f"{served.base}/")
    tab.fill("#text", text)
    tab.click('form[action="/cases"] button[type="submit"]')
    tab.wait_for_url(re.compile(r".*/cases/\d+$"))
    return str(tab.url)


def test_two_students_and_a_counsellor_in_three_browsers_at_once(
    served: Served, browser: Any
) -> None:
    ayu, rina, sari = _tab(browser), _tab(browser), _tab(browser)
    _through_provider(ayu, served, "ayu")
    _through_provider(sari, served, "sari.k")
    rina.goto(f"{served.base}/login")
    rina.fill("#name", "rina")
    rina.fill("#password", PASSWORDS["rina"])
    rina.click('form[action="/login"] button[type="submit"]')
    rina.wait_for_url(f"{served.base}/")
    ayus = _paste(ayu, served, RINA_TEXT)
    rinas = _paste(rina, served, BUDI_TEXT)
    assert "PT Nusantara Data Teknologi" in ayu.content()
    # neither student reaches the other's case, and the counsellor reaches neither yet
    for tab, other in ((ayu, rinas), (rina, ayus), (sari, ayus), (sari, rinas)):
        answer = tab.goto(other)
        assert answer.status == 404 and "Nusantara" not in tab.content()
    # ayu agrees to counselling on her privacy page and shares her case with the counsellor
    ayu.goto(f"{served.base}/privacy")
    ayu.click('#consent-counselling button[value="give"]')
    ayu.wait_for_selector('#consent-counselling button[value="withdraw"]')
    ayu.goto(ayus)
    ayu.fill("#counsellor", "sari.k")
    ayu.click('form[action$="/share"] button[type="submit"]')
    sari.goto(f"{served.base}/")
    assert ayus.removeprefix(served.base) in sari.content()
    assert sari.goto(ayus).status == 200 and "PT Nusantara Data Teknologi" in sari.content()
    sari.fill("#remark", "Suratnya sudah rapi, kirim hari ini.")
    sari.click('button[name="kind"][value="comment"]')
    ayu.goto(ayus)
    assert "Suratnya sudah rapi, kirim hari ini." in ayu.content()
    assert sari.goto(rinas).status == 404
    # she withdraws her consent: the counsellor sees the case no more, at once
    ayu.goto(f"{served.base}/privacy")
    ayu.click('#consent-counselling button[value="withdraw"]')
    ayu.wait_for_selector('#consent-counselling button[value="give"]')
    assert sari.goto(ayus).status == 404
    sari.goto(f"{served.base}/")
    assert ayus.removeprefix(served.base) not in sari.content()
    # and her privacy page shows who read her case
    ayu.goto(f"{served.base}/privacy")
    reads = ayu.locator("table tbody tr", has_text="membaca").all_inner_texts()
    assert reads and all("konselor" in row for row in reads)
    # no serious accessibility problem on any page a student or a counsellor sees
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for tab, path in ((ayu, "/"), (ayu, ayus.removeprefix(served.base)), (ayu, "/privacy"),
                      (sari, "/"), (rina, "/login")):  # fmt: skip
        tab.goto(served.base + path)
        violations = axe.run(tab).response["violations"]
        bad = [(v["id"], v["impact"]) for v in violations if v.get("impact") in
               ("serious", "critical")]  # fmt: skip
        assert not bad, f"{path}: {bad}"
    for tab in (ayu, rina, sari):
        tab.context.close()


def test_a_student_adds_a_calendar_by_upload_in_the_browser_and_sees_it_listed(
    served: Served, browser: Any
) -> None:
    calendar = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//EN\r\nBEGIN:VEVENT\r\nUID:k@uji\r\n"
        "DTSTART:20261124T020000Z\r\nDTEND:20261124T030000Z\r\nSUMMARY:Kuliah\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    tab = _tab(browser)
    tab.goto(f"{served.base}/login")
    tab.fill("#name", "budi")
    tab.fill("#password", PASSWORDS["budi"])
    tab.click('form[action="/login"] button[type="submit"]')
    tab.wait_for_url(f"{served.base}/")
    tab.click('nav a[href="/calendars"]')
    tab.wait_for_url(f"{served.base}/calendars")
    assert "Belum ada kalender." in tab.content()
    tab.set_input_files("#file", files=[{"name": "jadwal-kuliah.ics", "mimeType": "text/calendar",
                                         "buffer": calendar.encode()}])  # fmt: skip
    tab.click('form[action="/calendars"] button[type="submit"]')
    tab.wait_for_url(f"{served.base}/calendars")
    rows = tab.locator("table.sources tbody tr").all_inner_texts()
    assert len(rows) == 1 and "jadwal-kuliah.ics" in rows[0] and "berkas yang diunggah" in rows[0]
    # a file that is no calendar: the error names it beside its field, nothing is added
    tab.set_input_files("#file", files=[{"name": "catatan.ics", "mimeType": "text/calendar",
                                         "buffer": b"bukan kalender"}])  # fmt: skip
    tab.click('form[action="/calendars"] button[type="submit"]')
    summary = tab.locator("#error-summary a[href='#file']")
    assert "catatan.ics" in summary.inner_text()
    assert tab.locator("table.sources tbody tr").count() == 1
    # no serious accessibility problem on the student's source pages
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for path in ("/calendars", "/mailboxes", "/watches"):
        tab.goto(served.base + path)
        violations = axe.run(tab).response["violations"]
        bad = [(v["id"], v["impact"]) for v in violations if v.get("impact") in
               ("serious", "critical")]  # fmt: skip
        assert not bad, f"{path}: {bad}"
    tab.context.close()


@pytest.mark.parametrize(
    ("env", "says"),
    [({"SOPAN_SECRET_KEY": ""}, "SOPAN_SECRET_KEY"),
     ({"SOPAN_DATABASE_URL": "sqlite:///centre.db"}, "PostgreSQL")],
)  # fmt: skip
def test_serve_refuses_to_start_without_a_secret_or_on_sqlite(
    env: dict[str, str], says: str, tmp_path: Path
) -> None:
    base = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_SECRET_KEY": "s" * 64,
            "SOPAN_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none",
            "SOPAN_CONFIG": str(tmp_path / "none.toml")}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "sopan", "serve", "--port", str(free_port())],
                          env={**base, **env}, capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and says in done.stderr and "Traceback" not in done.stderr


def test_the_pages_show_times_in_the_students_zone_and_language(cluster: Any) -> None:
    """The home page, the case page and the privacy page write a time as the student reads
    it — their zone's name, their language's date — never in UTC."""
    from hosted.conftest import client_for, make_centre

    centre, _ids = make_centre(cluster.database())
    rina = client_for(centre, "rina")
    text = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")
    case = rina.post("/api/cases", json={"text": text}).json()["id"]
    rina.post("/api/me/consent", json={"purpose": "reminders"})

    def shown(path: str) -> str:  # what a reader sees: not the machine-readable attributes
        return re.sub(r'datetime="[^"]*"', "", rina.get(path).text)

    home = shown("/")
    # Monday 23 November 2026 at 10.00 WIB is 03.00 UTC
    assert "UTC" not in home and "03:00" not in home and "03.00" not in home
    assert "Senin, 23 November pukul 10.00 WIB" in home
    assert 'datetime="2026-11-23T03:00:00+00:00"' in rina.get("/").text
    assert "Senin, 23 November pukul 10.00 WIB" in shown(f"/cases/{case}")
    assert "Jumat, 20 November pukul 09.00 WIB" in shown("/privacy")
