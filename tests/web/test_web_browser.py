"""The whole flow in a real browser (Debian's Chromium through Playwright), against a real
`sopan web`: two browsers at once never meeting each other's case, a restart in the middle,
every Indonesian page in the person's words, a past invitation, the chat reply whenever the
plan names a chat, keyboard-only use, axe on every page, hostile invitations that run
nothing, and a reschedule offering free slots from an uploaded calendar."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path
from typing import Any

import pytest

from web.conftest import FIXTURES, Server, new_page, start_server, stop_server

EXAMPLE_ID = FIXTURES.parent.parent / "examples" / "undangan_wawancara_id.eml"
WITH_ICS = FIXTURES / "eml" / "en_with_ics_attachment.eml"
CASE_PAGES = ("facts", "situation", "plan", "drafts", "take", "send")
OTHER_PAGES = ("/", "/profile", "/calendars", "/karier", "/c/tidak-ada/facts")
#: a chat invitation with a mobile number, in a company and names of its own
CHAT = (
    "Halo Kak Budi, ini Sinta Maharani dari HR PT Kopi Senja Nusantara. Kakak diundang "
    "interview posisi Barista hari Senin, 30 November 2026 jam 10.00 WIB di outlet Dago. "
    "Kalau ada kendala hubungi saya di 0813-7788-9900 ya kak. Terima kasih!"
)
#: what each of the two invitations shows, which the other's pages must never show
MARKS = {
    "example": ("Nusantara Data Teknologi", "Dewi Lestari", "021-5551234", "045/HRD-REK"),
    "chat": ("Kopi Senja", "Sinta Maharani", "0813-7788-9900", "Barista"),
}
PAST = (
    "Yth. Rina,\n\nKami mengundang Anda wawancara posisi Staf Gudang di PT Lama Sekali pada "
    "Senin, 2 Desember 2024 pukul 09.00 WIB.\n\nHormat kami,\nHRD PT Lama Sekali\n"
)


def _case(page: Any) -> str:
    """The address of the case the page is on (/c/KEY)."""
    found = re.search(r"/c/[^/]+", page.url)
    assert found, page.url
    return found.group(0)


def _upload(page: Any, server: Server, path: Path) -> str:
    page.goto(server.base + "/")
    page.set_input_files("#file", str(path))
    page.click("form[action='/invitation'] button")
    page.wait_for_url("**/facts")
    return _case(page)


def _paste(page: Any, server: Server, text: str) -> str:
    page.goto(server.base + "/")
    page.fill("#text", text)
    page.click("form[action='/invitation'] button")
    page.wait_for_url("**/facts")
    return _case(page)


def _situation(page: Any, intent: str, reason: str, interest: str = "no") -> None:
    page.click("button[name=confirm]")
    page.wait_for_url("**/situation")
    page.check(f"#intent-{intent}")
    page.select_option("#reason", reason)
    page.check(f"#interest-{interest}")
    page.check("#confirmed-no")
    page.click("form.situation button[type=submit]")
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


def _never_shows(page: Any, other: str) -> None:
    text = page.content()
    for mark in MARKS[other]:
        assert mark not in text, f"{page.url} shows {mark!r} of the other browser's case"


def test_two_browsers_at_once_with_a_restart_in_the_middle(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("two")
    server = start_server(folder)
    rina, budi = new_page(browser, server), new_page(browser, server)
    try:
        mine = _upload(rina, server, EXAMPLE_ID)
        theirs = _paste(budi, server, CHAT)
        for page, other in ((rina, "chat"), (budi, "example")):
            _never_shows(page, other)
        _situation(rina, "decline", "accepted-offer")
        _situation(budi, "decline", "schedule-conflict", "yes")
        for page, other in ((rina, "chat"), (budi, "example")):
            _never_shows(page, other)
            page.goto(page.url.replace("/plan", "/drafts"))
            _never_shows(page, other)
        # each browser's cases: its own only; another's case address is no case at all
        for page, own, other, theirs_case in ((rina, "example", "chat", theirs),
                                              (budi, "chat", "example", mine)):  # fmt: skip
            page.goto(server.base + "/")
            assert MARKS[own][0] in page.content()
            _never_shows(page, other)
            answer = page.goto(server.base + theirs_case + "/drafts")
            assert answer.status == 404
            _never_shows(page, other)
        assert stop_server(server) == 0
        server = start_server(folder)  # a new address and token; the same store
        for page, own, case, other in ((rina, "example", mine, "chat"),
                                       (budi, "chat", theirs, "example")):  # fmt: skip
            page.goto(server.start)
            assert MARKS[own][0] in page.content()  # the first page finds the case again
            page.click(f"a[href^='{case}/']")
            for step in CASE_PAGES:  # every page of the case, each its own browser's only
                page.goto(server.base + case + "/" + step)
                _never_shows(page, other)
            page.goto(server.base + case + "/take")
            assert MARKS[own][0] in page.content()
        files = _downloads(rina)
        reply = email.message_from_bytes(files["email.eml"], policy=policy.default)
        assert reply["To"].addresses[0].addr_spec == "rekrutmen@nusantaradata.example"
        assert "Kopi Senja" not in files["email.eml"].decode("utf-8", "replace")
        assert budi.locator("#copy-whatsapp").count() == 1  # the chat reply, to paste
        assert "Kopi Senja" in budi.locator("#copy-whatsapp").inner_text()
    finally:
        rina.context.close()
        budi.context.close()
        stop_server(server)


#: words a page of sopan must never show a person (flags, option values, codes, English)
FLAG = re.compile(r"(?<![\w-])--[a-z]")
VALUES = re.compile(
    r"\b(onsite|decline|reschedule|accepted-offer|schedule-conflict|not-a-fit|too-far|unsure"
    r"|whatsapp\.txt|None|null|True|False)\b"
)
CODES = re.compile(r"\b[RC]\d(?:\.\d)?\b")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH = re.compile(
    r"\b(the|and|of|is|are|not|your|you|with|for|this|that|from|please|was|will|which|when"
    r"|what|there|have|been|an|it|or|on|at|by|in|to|be)\b"
)
BROKEN = re.compile(
    r"<built-in|Traceback|\b0x[0-9a-f]{6,}|\{[a-z_]+\}|jinja|Undefined"
    r"|(?<![\w.])/(?:tmp|home|root|Users|var|etc|usr|work|private)/"  # where the server keeps files
)


def _scan(page: Any, *, plan_book: bool = False) -> list[str]:
    """What is wrong with the page's visible text for a person reading Indonesian: every
    piece of text except the invitation as it was given, what is marked English, and the
    plan book's own sentences (`plan_book`: those alone)."""
    visible = page.evaluate(
        """(planBook) => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('section.message, [lang=en]').forEach((e) => e.remove());
          if (planBook) {
            const kept = [...copy.querySelectorAll('.from-plan')].map((e) => e.innerText);
            return kept.join('\\n');
          }
          copy.querySelectorAll('.from-plan').forEach((e) => e.remove());
          document.body.appendChild(copy);
          const text = copy.innerText;
          copy.remove();
          return text;
        }""",
        plan_book,
    )
    plain = re.sub(r"\S*(://|@|/)\S*", " ", visible)  # addresses and links are not words
    problems = []
    checks = (("flag", FLAG), ("value", VALUES), ("code", CODES), ("iso date", ISO_DAY),
              ("english", ENGLISH), ("broken", BROKEN))  # fmt: skip
    for name, pattern in checks:
        found = pattern.findall(plain)
        if found:
            problems.append(f"{name}: {sorted(set(map(str, found)))[:8]}")
    broken = BROKEN.search(page.content())
    if broken and not plan_book:
        problems.append(f"broken html: {broken.group(0)}")
    return problems


def _every_page(
    page: Any, server: Server, case: str, *, plan_book: bool = False
) -> dict[str, list[str]]:
    found = {}
    for step in CASE_PAGES:
        page.goto(server.base + case + "/" + step)
        found[step] = _scan(page, plan_book=plan_book)
    return found


def _three_cases(page: Any, server: Server) -> list[str]:
    """An email declined, a chat to reschedule, an interview a year past."""
    cases = [_upload(page, server, EXAMPLE_ID)]
    _situation(page, "decline", "accepted-offer")
    cases.append(_paste(page, server, CHAT))
    _situation(page, "reschedule", "schedule-conflict", "yes")
    cases.append(_paste(page, server, PAST))
    return cases


def test_every_indonesian_page_is_in_the_persons_words(page: Any, server: Server) -> None:
    cases = _three_cases(page, server)
    page.goto(server.base + cases[-1] + "/facts")
    assert "Wawancara ini sudah lewat" in page.locator("section.past").inner_text()
    assert "Senin, 2 Desember 2024" in page.locator("section.past").inner_text()
    problems = {}
    for case in cases:
        for step, found in _every_page(page, server, case).items():
            if found:
                problems[f"{case}/{step}"] = found
    for path in OTHER_PAGES:
        page.goto(server.base + path)
        if _scan(page):
            problems[path] = _scan(page)
    # an error names its field, in Indonesian, and keeps what was typed
    page.goto(server.base + "/profile")
    page.fill("#name", "")
    page.fill("#city", "Semarang")
    page.evaluate("document.querySelector('#name').removeAttribute('required')")
    page.click("form.profile button")
    assert page.locator(".error-summary a[href='#name']").count() == 1
    assert page.locator("#city").input_value() == "Semarang"
    if _scan(page):
        problems["profile error"] = _scan(page)
    assert problems == {}


def test_the_plan_books_sentences_are_in_the_persons_words(page: Any, server: Server) -> None:
    problems = {}
    for case in _three_cases(page, server):
        for step, found in _every_page(page, server, case, plan_book=True).items():
            if found:
                problems[f"{case}/{step}"] = found
    assert problems == {}


def test_the_chat_reply_is_there_whenever_the_plan_names_a_chat(page: Any, server: Server) -> None:
    without_number = CHAT.replace("Kalau ada kendala hubungi saya di 0813-7788-9900 ya kak. ", "")
    for text in (CHAT, without_number):
        _paste(page, server, text)
        _situation(page, "decline", "schedule-conflict", "yes")
        steps = page.locator("ol.plan-steps").inner_text()
        assert "WhatsApp" in steps
        page.click("form.plan button[type=submit]")
        page.wait_for_url("**/drafts")
        assert page.locator("textarea[name=text_whatsapp]").count() == 1
        page.click("button[name=next]")
        page.wait_for_url("**/take")
        assert page.locator("#copy-whatsapp").count() == 1


def test_the_whole_flow_in_english_with_a_calendar_reply(page: Any, server: Server) -> None:
    _upload(page, server, WITH_ICS)
    page.click("form.lang button")  # to English, for this browser
    page.wait_for_url("**/facts")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "What sopan read"
    _situation(page, "decline", "schedule-conflict", "yes")
    page.click("form.plan button[type=submit]")
    page.click("button[name=next]")
    page.wait_for_url("**/take")
    files = _downloads(page)
    import icalendar

    answer = icalendar.Calendar.from_ical(files["calendar.ics"])
    assert str(answer["METHOD"]) == "REPLY"
    event = next(iter(answer.walk("VEVENT")))
    assert str(event["UID"]) == "lautbiru-interview-001@google.com"
    reply = email.message_from_bytes(files["email.eml"], policy=policy.default)
    assert reply["X-Unsent"] == "1"  # opens as a draft ready to send
    assert any(p.get_content_type() == "text/calendar" for p in reply.walk())  # iMIP
    page.click("form.lang button")  # back to Indonesian for the other tests


def test_a_correction_reaches_the_drafts(page: Any, server: Server) -> None:
    case = _upload(page, server, EXAMPLE_ID)
    page.fill("#company", "PT Contoh Koreksi")
    page.click("button[name=save]")
    page.wait_for_url("**/facts")
    assert "diisi oleh Anda" in page.locator("#company-source").inner_text()
    _situation(page, "decline", "accepted-offer")
    page.goto(server.base + case + "/drafts")
    assert "PT Contoh Koreksi" in page.locator("textarea[name=text_email]").input_value()


def test_a_blaming_sentence_is_found_as_it_is_typed(page: Any, server: Server) -> None:
    case = _upload(page, server, EXAMPLE_ID)
    _situation(page, "decline", "accepted-offer")
    page.goto(server.base + case + "/drafts")
    area = page.locator("textarea[name=text_email]")
    area.click()
    page.keyboard.press("End")
    page.keyboard.type(" Proses rekrutmennya terlalu lama, jadi saya mundur.")
    findings = page.locator("#findings-email")
    findings.locator("li.finding", has_text="menyalahkan").first.wait_for(timeout=15_000)
    page.goto(server.base + case + "/take")  # what was typed is the person's, kept
    assert "terlalu lama" in page.locator("#copy-email").inner_text()


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
    _tab_to(page, "form.situation button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/plan")
    _tab_to(page, "form.plan button[type=submit]", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/drafts")
    _tab_to(page, "button[name=next]", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_url("**/take")
    assert page.locator("ul.files a").count() >= 1


def test_no_serious_accessibility_violation_on_any_page(page: Any, server: Server) -> None:
    from axe_playwright_python.sync_playwright import Axe

    case = _upload(page, server, EXAMPLE_ID)
    _situation(page, "decline", "accepted-offer")
    axe = Axe()
    for path in (*(f"{case}/{s}" for s in CASE_PAGES), *OTHER_PAGES):
        page.goto(server.base + path)
        page.evaluate("document.querySelectorAll('details').forEach((d) => d.open = true)")
        results = axe.run(page)
        bad = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        assert not bad, f"{path}: {[(v['id'], v['impact']) for v in bad]}"


def test_a_narrow_screen_shows_the_week_as_a_list_of_days(browser: Any, server: Server) -> None:
    tab = new_page(browser, server, viewport={"width": 390, "height": 844})
    try:
        case = _upload(tab, server, EXAMPLE_ID)
        _situation(tab, "decline", "accepted-offer")
        assert not tab.locator("svg.week").is_visible()
        days = tab.locator("ol.week-list > li")
        assert days.count() == 7 and days.first.is_visible()
        assert "Senin, 23 November 2026" in days.first.inner_text()
        assert "Wawancara" in days.first.inner_text()
        for path in (*(f"{case}/{s}" for s in CASE_PAGES), *OTHER_PAGES):
            tab.goto(server.base + path)
            wide = tab.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390, f"{path} is {wide} px wide"
    finally:
        tab.context.close()


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
    case = _upload(page, server, hostile)
    for path in ("/facts", "/situation"):
        page.goto(server.base + case + path)
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
    _paste(page, server, pasted)
    assert page.evaluate("window.__pwned") is None
    assert "<img src=x" in page.locator("pre.text").inner_text()


@pytest.mark.parametrize("path", ["/", "/profile", "/calendars"])
def test_every_page_is_served_with_a_strict_policy(page: Any, server: Server, path: str) -> None:
    response = page.goto(server.base + path)
    policy_header = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy_header and "unsafe-inline" not in policy_header


def test_a_reschedule_offers_free_slots_from_an_uploaded_calendar(
    page: Any, server: Server
) -> None:
    page.goto(server.base + "/profile")
    page.fill("#name", "Rina Kartika Sari")
    page.fill("#email", "rina@example.com")
    page.click("form.profile button")
    page.goto(server.base + "/calendars")
    page.set_input_files("#file", str(FIXTURES / "calendar" / "tentative_outlook.ics"))
    page.click("form.calendars button[type=submit]")
    assert "tentative_outlook.ics" in page.locator("p.ok").inner_text()
    _upload(page, server, WITH_ICS)
    _situation(page, "reschedule", "schedule-conflict", "yes")
    offered = page.locator("input[name=alternative]")
    assert offered.count() >= 1  # free slots from the calendar, after the interview's day
    assert page.locator("svg.week rect.free").count() >= 1
    page.click("form.plan button[type=submit]")
    page.wait_for_url("**/drafts")
    page.click("button[name=next]")
    page.wait_for_url("**/take")
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import icalendar

    blob = _downloads(page)["calendar.ics"]
    counter = icalendar.Calendar.from_ical(blob)
    assert str(counter["METHOD"]) == "COUNTER"
    event = next(iter(counter.walk("VEVENT")))
    assert event["DTSTART"].dt > datetime(2026, 12, 1, 23, tzinfo=ZoneInfo("Asia/Jakarta"))
    page.goto(server.base + "/calendars")
    page.check("input[name=remove]")
    page.click("form.calendars button[type=submit]")
    assert page.locator("input[name=remove]").count() == 0


def test_dates_typed_in_words_on_the_facts_alternatives_and_calendar_pages(
    page: Any, server: Server
) -> None:
    case = _upload(page, server, EXAMPLE_ID)
    page.fill("#start", "Senin, 14 Desember 2026 pukul 10.00")
    page.click("button[name=save]")
    page.wait_for_url("**/facts")
    assert page.locator("#start").input_value() == "Senin, 14 Desember 2026 pukul 10.00 WIB"
    assert page.locator("#start__picker").input_value() == "2026-12-14T10:00"
    _situation(page, "reschedule", "schedule-conflict", "yes")
    page.fill("#own", "Kamis, 17 Desember 2026 pukul 10.00\n18/12 jam 2 siang")
    page.click("form.plan button[type=submit]")
    page.wait_for_url("**/drafts")
    email = page.locator("textarea[name=text_email]").input_value()
    assert "17 Desember 2026" in email and "18 Desember 2026" in email
    page.goto(server.base + case + "/plan")
    page.fill("#own", "kapan saja")  # not a time: named, kept, nothing lost
    page.click("form.plan button[type=submit]")
    assert page.locator(".error-summary a[href='#own']").count() == 1
    assert page.locator("#own").input_value() == "kapan saja"
    page.goto(server.base + "/profile")
    page.fill("#name", "Rina Kartika Sari")
    page.click("form.profile button")
    page.goto(server.base + "/calendars")
    page.fill("#hours", "08.00-16.00")
    page.fill("#blocked", "senin-jumat 12.00-13.00 makan siang\njumat 11.30-13.00 salat Jumat")
    page.click("form.calendars button[type=submit]")
    assert page.locator("p.ok").count() == 1
    assert "senin-jumat 12.00-13.00 makan siang" in page.locator("#blocked").input_value()


def _calendar_upload(page: Any, server: Server, path: Path) -> None:
    page.goto(server.base + "/calendars")
    page.fill("#hours", "08.00-15.00")
    page.fill("#blocked", "jumat 11.30-13.00 salat Jumat")
    page.set_input_files("#file", str(path))
    page.click("form.calendars button[type=submit]")
    page.wait_for_load_state()


def test_a_broken_or_too_big_calendar_is_said_without_a_server_path(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX01\r\nEND:VEVENT\r\n"
                       b"END:VCALENDAR\r\n")  # fmt: skip
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    big = tmp_path / "besar.ics"
    big.write_bytes(b"BEGIN:VCALENDAR\r\nX-PAD:" + b"a" * (11 * 2**20) + b"\r\nEND:VCALENDAR\r\n")
    where = str(server.config.parent)
    for script in (True, False):  # with the page's script, and in a browser without one
        page = new_page(browser, server, java_script_enabled=script)
        try:
            page.goto(server.base + "/profile")
            page.fill("#name", "Rina Kartika Sari")
            page.click("form.profile button")
            for path in (broken, picture):
                _calendar_upload(page, server, path)
                said = page.locator(".error-summary").inner_text()
                assert path.name in said and where not in page.content()
                assert _scan(page) == [], (path.name, _scan(page))
                assert page.locator("#hours").input_value() == "08.00-15.00"  # nothing lost
                assert "salat Jumat" in page.locator("#blocked").input_value()
            _calendar_upload(page, server, big)
            assert where not in page.content() and _scan(page) == [], _scan(page)
            if script:  # said beside the field as it is chosen, and never sent
                note = page.locator("#file-too-big")
                assert note.inner_text() == "Lebih besar dari 10 MB; pilih berkas yang lebih kecil."
                assert page.locator("#hours").input_value() == "08.00-15.00"
            else:  # refused unread, on a page in the person's words with the way back
                assert "lebih besar dari 10 MB" in page.locator("#said").inner_text()
                page.click("a[href='/calendars']")
                page.wait_for_url("**/calendars")
        finally:
            page.context.close()


def test_a_tab_without_the_session_is_told_where_the_address_is(
    browser: Any, server: Server
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()  # a tab left open across a restart: no session
    try:
        tab = context.new_page()
        answer = tab.goto(server.base + "/")
        assert answer.status == 403
        assert "Buka alamat yang ditampilkan sopan" in tab.locator("#said").inner_text()
        assert _scan(tab) == [], _scan(tab)
        bad = [v["id"] for v in Axe().run(tab).response["violations"]
               if v.get("impact") in ("serious", "critical")]  # fmt: skip
        assert bad == []
        tab.goto(server.start)  # the printed address opens the cases again
        assert tab.locator("form[action='/invitation']").count() == 1
    finally:
        context.close()
