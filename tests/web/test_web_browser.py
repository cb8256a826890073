"""The whole flow in a real browser (Debian's Chromium through Playwright), against a real
`sopan web`: upload to every download in both languages, a correction reaching the drafts,
live lint, keyboard-only use, axe on every page, and hostile invitations that run nothing."""

from __future__ import annotations

import email
import io
from datetime import datetime
from email import policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from web.conftest import FIXTURES, Server

EXAMPLE_ID = FIXTURES.parent.parent / "examples" / "undangan_wawancara_id.eml"
WITH_ICS = FIXTURES / "eml" / "en_with_ics_attachment.eml"
PAGES = ("/", "/facts", "/situation", "/plan", "/drafts", "/take", "/profile", "/calendars")


def _upload(page: Any, server: Server, path: Path) -> None:
    page.goto(server.base + "/")
    page.set_input_files("#file", str(path))
    page.click("form[action='/invitation'] button")
    page.wait_for_url("**/facts")


def _situation(page: Any, intent: str, reason: str, interest: str = "no") -> None:
    page.click("button[name=confirm]")
    page.wait_for_url("**/situation")
    page.check(f"#intent-{intent}")
    page.select_option("#reason", reason)
    page.check(f"#interest-{interest}")
    page.check("#confirmed-no")
    page.click("form[action='/situation'] button[type=submit]")
    page.wait_for_url("**/plan")


def _downloads(page: Any) -> dict[str, bytes]:
    """Every file the take-away page offers, downloaded through the browser."""
    files = {}
    for link in page.locator("ul.files a").all():
        with page.expect_download() as info:
            link.click()
        download = info.value
        files[download.suggested_filename] = Path(download.path()).read_bytes()
    return files


def test_the_whole_flow_in_indonesian_to_every_download(page: Any, server: Server) -> None:
    _upload(page, server, EXAMPLE_ID)
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("#company").input_value() == "PT Nusantara Data Teknologi"
    assert page.locator("mark#src-company").count() == 1  # its source is marked in the message
    _situation(page, "decline", "accepted-offer")
    assert page.locator("h1").inner_text() == "Rencana: menolak"
    page.click("form[action='/plan'] button[type=submit]")
    page.wait_for_url("**/drafts")
    assert page.locator("textarea[name=text_email]").count() == 1
    page.click("button[name=next]")
    page.wait_for_url("**/take")
    files = _downloads(page)
    assert {"email.eml", "letter.docx", "letter.pdf"} <= set(files)
    reply = email.message_from_bytes(files["email.eml"], policy=policy.default)
    original = email.message_from_bytes(EXAMPLE_ID.read_bytes(), policy=policy.default)
    assert reply["In-Reply-To"] == original["Message-ID"]  # it threads as a reply
    assert reply["Subject"].startswith("Re:")
    from docx import Document

    assert "PT Nusantara Data Teknologi" in "\n".join(
        p.text for p in Document(io.BytesIO(files["letter.docx"])).paragraphs
    )
    from pypdf import PdfReader

    assert "Nusantara" in PdfReader(io.BytesIO(files["letter.pdf"])).pages[0].extract_text()
    assert page.locator("a[href^='mailto:']").count() == 1


def test_the_whole_flow_in_english_with_a_calendar_reply(page: Any, server: Server) -> None:
    _upload(page, server, WITH_ICS)
    page.click("form.lang button")  # to English
    page.wait_for_url("**/facts")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "What sopan read"
    _situation(page, "decline", "schedule-conflict", "yes")
    page.click("form[action='/plan'] button[type=submit]")
    page.click("button[name=next]")
    page.wait_for_url("**/take")
    files = _downloads(page)
    import icalendar

    answer = icalendar.Calendar.from_ical(files["calendar.ics"])
    assert str(answer["METHOD"]) == "REPLY"
    event = next(iter(answer.walk("VEVENT")))
    assert str(event["UID"]) == "lautbiru-interview-001@google.com"
    reply = email.message_from_bytes(files["email.eml"], policy=policy.default)
    assert any(p.get_content_type() == "text/calendar" for p in reply.walk())  # iMIP
    page.click("form.lang button")  # back to Indonesian for the other tests


def test_a_correction_reaches_the_drafts(page: Any, server: Server) -> None:
    _upload(page, server, EXAMPLE_ID)
    page.fill("#company", "PT Contoh Koreksi")
    page.click("button[name=save]")
    page.wait_for_url("**/facts")
    assert "diisi oleh Anda" in page.locator("#company-source").inner_text()
    _situation(page, "decline", "accepted-offer")
    page.goto(server.base + "/drafts")
    assert "PT Contoh Koreksi" in page.locator("textarea[name=text_email]").input_value()


def test_a_blaming_sentence_is_found_as_it_is_typed(page: Any, server: Server) -> None:
    _upload(page, server, EXAMPLE_ID)
    _situation(page, "decline", "accepted-offer")
    page.goto(server.base + "/drafts")
    area = page.locator("textarea[name=text_email]")
    area.click()
    page.keyboard.press("End")
    page.keyboard.type(" Proses rekrutmennya terlalu lama, jadi saya mundur.")
    findings = page.locator("#findings-email")
    findings.locator("text=menyalahkan").first.wait_for(timeout=10_000)
    assert "R6" in findings.inner_text() or "menyalahkan" in findings.inner_text()


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_the_flow_can_be_completed_with_the_keyboard_only(page: Any, server: Server) -> None:
    page.goto(server.base + "/")
    _tab_to(page, "#text")
    page.keyboard.insert_text(EXAMPLE_ID.read_text("utf-8").split("\n\n", 1)[1])
    _tab_to(page, "form[action='/invitation'] button[type=submit]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url("**/facts")
    _tab_to(page, "button[name=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/situation")
    _tab_to(page, "#intent-none")
    page.keyboard.press("ArrowDown")  # radio group: the next choice, "decline"
    assert page.locator("#intent-decline").is_checked()
    _tab_to(page, "form[action='/situation'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/plan")
    _tab_to(page, "form[action='/plan'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/drafts")
    _tab_to(page, "button[name=next]", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/take")
    assert page.locator("ul.files a").count() >= 1


def test_no_serious_accessibility_violation_on_any_page(page: Any, server: Server) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _upload(page, server, EXAMPLE_ID)
    _situation(page, "decline", "accepted-offer")
    axe = Axe()
    for path in PAGES:
        page.goto(server.base + path)
        results = axe.run(page)
        bad = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        assert not bad, f"{path}: {[(v['id'], v['impact']) for v in bad]}"


HOSTILE = """From: HR <hr@jahat.example>
To: rina@mail.example
Subject: Undangan Interview <script>window.__pwned = 1</script>
Message-ID: <hostile@jahat.example>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><head><meta http-equiv="refresh" content="0; url=https://jahat.example/">
<style>body { background: url(https://jahat.example/track.png) }</style></head>
<body><p>Undangan wawancara posisi Analis pada Senin, 14 Desember 2026 pukul 10.00 WIB.</p>
<script>window.__pwned = 1</script>
<img src="x" onerror="window.__pwned = 1">
<a href="javascript:window.__pwned=1">Konfirmasi</a>
<svg onload="window.__pwned = 1"></svg>
<p>Perusahaan: PT &lt;b onmouseover=alert(1)&gt;Jahat</p>
</body></html>
"""


def test_a_hostile_invitation_runs_no_script(page: Any, server: Server, tmp_path: Path) -> None:
    messages: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.on("request", lambda r: requests.append(r.url))
    hostile = tmp_path / "hostile.eml"
    hostile.write_text(HOSTILE, "utf-8")
    _upload(page, server, hostile)
    for path in ("/facts", "/situation"):
        page.goto(server.base + path)
        page.mouse.move(200, 300)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.url.startswith(server.base)  # no refresh took it away
    # the text is shown as text: a person sees the tags, the browser builds none of them
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img, [onerror], [onmouseover]").count() == 0
    assert not [u for u in requests if not u.startswith(server.base)]  # nothing left the machine
    # no inline script, handler or style was ever built, so the policy never had to block one
    assert not [m for m in messages if "Content Security Policy" in m], messages
    pasted = "Undangan interview <img src=x onerror=window.__pwned=1> Senin 14 Desember 2026 10.00"
    page.goto(server.base + "/")
    page.fill("#text", pasted)
    page.click("form[action='/invitation'] button")
    page.wait_for_url("**/facts")
    assert page.evaluate("window.__pwned") is None
    assert "<img src=x" in page.locator("pre.text").inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served_with_a_strict_policy(page: Any, server: Server, path: str) -> None:
    response = page.goto(server.base + path)
    policy_header = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy_header and "unsafe-inline" not in policy_header


def test_a_reschedule_offers_free_slots_and_answers_with_a_counter(
    page: Any, server: Server
) -> None:
    page.goto(server.base + "/profile")
    page.fill("#name", "Rina Kartika Sari")
    page.fill("#email", "rina@example.com")
    page.click("form[action='/profile'] button")
    page.goto(server.base + "/calendars")
    page.fill("#sources", str(FIXTURES / "calendar" / "tentative_outlook.ics"))
    page.click("form[action='/calendars'] button")
    page.wait_for_url("**/calendars?saved=1")
    _upload(page, server, WITH_ICS)
    _situation(page, "reschedule", "schedule-conflict", "yes")
    offered = page.locator("input[name=alternative]")
    assert offered.count() >= 1  # free slots from the calendar, after the interview's day
    assert page.locator("svg.week rect.free").count() >= 1
    page.click("form[action='/plan'] button[type=submit]")
    page.wait_for_url("**/drafts")
    page.click("button[name=next]")
    page.wait_for_url("**/take")
    import icalendar

    blob = _downloads(page)["calendar.ics"]
    counter = icalendar.Calendar.from_ical(blob)
    assert str(counter["METHOD"]) == "COUNTER"
    event = next(iter(counter.walk("VEVENT")))
    assert event["DTSTART"].dt > datetime(2026, 12, 1, 23, tzinfo=ZoneInfo("Asia/Jakarta"))
    page.goto(server.base + "/calendars")
    page.fill("#sources", "")
    page.click("form[action='/calendars'] button")
