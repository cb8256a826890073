"""Sending and saving from the page, for real: the take-away page sends the kept email
through the outbox to aiosmtpd on loopback (asked first; once, however often the button is
pressed), notes the follow-ups (listed with their dates, downloadable as reminders), marks
a chat done, and saves an email into Dovecot's Drafts folder once."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from mail.dovecot import PASSWORD, USER, Dovecot, start_dovecot
from store.servers import PASSWORD as SMTP_PASSWORD
from store.servers import USER as SMTP_USER
from store.servers import SmtpServer, start_smtp

from web.conftest import FIXTURES, Server, new_page, start_server, stop_server

EXAMPLE = FIXTURES.parent.parent / "examples" / "undangan_wawancara_id.eml"


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = start_smtp(tmp_path_factory.mktemp("smtp"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def mail_server(
    tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer, dovecot: Dovecot
) -> Iterator[Server]:
    """`sopan web` with a profile, an [smtp] table for aiosmtpd and an [imap] table for
    Dovecot, the passwords in its environment."""
    folder = tmp_path_factory.mktemp("mailweb")
    (folder / "config.toml").write_text(
        '[profile]\nname = "Rina Kartika Sari"\nemail = "rina@example.com"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "starttls"\n'
        f'username = "{SMTP_USER}"\ncafile = "{smtp.cert}"\ntimeout = 5\n'
        f'[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "none"\n'
        f'username = "{USER}"\n',
        "utf-8",
    )
    env = {"SOPAN_SMTP_PASSWORD": SMTP_PASSWORD, "SOPAN_IMAP_PASSWORD": PASSWORD}
    running = start_server(folder, env_extra=env)
    yield running
    assert stop_server(running) == 0


def _declined(page: Any, server: Server) -> str:
    """The example, declined; the take-away page open; the case's address."""
    page.goto(server.base + "/")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("form[action='/invitation'] button")
    page.wait_for_url("**/facts")
    case = page.url.rsplit("/", 1)[0]
    page.click("button[name=confirm]")
    page.check("#intent-decline")
    page.select_option("#reason", "accepted-offer")
    page.check("#interest-no")
    page.check("#confirmed-no")
    page.click("form.situation button[type=submit]")
    page.wait_for_url("**/plan")
    page.goto(case + "/take")
    return case


def test_the_email_is_sent_once_from_the_page(
    browser: Any, mail_server: Server, smtp: SmtpServer
) -> None:
    page = new_page(browser, mail_server)
    try:
        case = _declined(page, mail_server)
        with page.expect_download() as info:
            page.click("ul.files a[href$='/email.eml']")
        downloaded = message_from_bytes(Path(info.value.path()).read_bytes())
        page.click("#send")
        page.wait_for_url("**/send")
        assert "rekrutmen@nusantaradata.example" in page.locator("dl.head").inner_text()
        assert smtp.handler.received == []  # asked first: nothing went yet
        page.dblclick("#send-now")  # a double press
        page.locator("#said").wait_for()
        assert page.locator("#said").inner_text() == "Email terkirim."
        page.goto(case + "/send")  # the question page again, pressed again
        page.click("#send-now")
        page.locator("#said").wait_for()
        assert page.locator("#said").inner_text() == (
            "Email ini sudah terkirim; sopan tidak mengirimnya dua kali."
        )
        status = page.evaluate(
            "async (url) => (await fetch(url, {method: 'POST'})).status", case + "/send"
        )  # a third press, from a script
        assert status == 200
        assert len(smtp.handler.received) == 1  # once, never twice
        sent = message_from_bytes(smtp.handler.received[0])
        assert sent["X-Unsent"] is None  # the copy that goes out is no draft
        assert downloaded["X-Unsent"] == "1"
        assert sent["Message-ID"] == downloaded["Message-ID"]  # what was reviewed is what went
        assert page.locator("#state-email").inner_text() == "Terkirim"
        assert page.locator("#send").count() == 0
        # the follow-ups are noted with their dates (R7: three working days after a Friday)
        follow = page.locator("ul.follow-ups").inner_text()
        assert "Rabu, 25 November 2026" in follow
        with page.expect_download() as info:
            page.click("a[href$='/follow-ups.ics']")
        import icalendar

        todos = list(
            icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VTODO")
        )
        assert len(todos) == page.locator("ul.follow-ups > li").count() >= 1
        # a message the person sends themselves is marked done, and stays so
        page.click("#done-linkedin")
        page.wait_for_url("**/take#follow-ups")
        assert page.locator("#state-linkedin").inner_text() == "Sudah"
        page.goto(mail_server.base + "/")
        assert "Sudah dibalas" in page.locator("ul.cases").inner_text()
    finally:
        page.context.close()


def test_the_email_is_saved_in_drafts_once(
    browser: Any, mail_server: Server, dovecot: Dovecot
) -> None:
    import imapclient

    page = new_page(browser, mail_server)
    try:
        _declined(page, mail_server)
        with page.expect_download() as info:
            page.click("ul.files a[href$='/email.eml']")
        message_id = message_from_bytes(Path(info.value.path()).read_bytes())["Message-ID"]
        page.click("#save button")
        page.locator("#said").wait_for()
        assert page.locator("#said").inner_text() == "Tersimpan di folder Draf."
        page.click("#save button")
        page.locator("#said").wait_for()
        assert page.locator("#said").inner_text() == "Sudah ada di folder Draf."
    finally:
        page.context.close()
    client = imapclient.IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(USER, PASSWORD)
    client.select_folder("Drafts", readonly=True)
    found = client.search(["HEADER", "Message-ID", message_id])
    flags = client.get_flags(found)
    client.logout()
    assert len(found) == 1 and b"\\Draft" in flags[found[0]]


def test_two_presses_at_the_same_moment_send_once(mail_server: Server, smtp: SmtpServer) -> None:
    import httpx2 as httpx

    before = len(smtp.handler.received)
    with httpx.Client(base_url=mail_server.base, headers={"origin": mail_server.base},
                      timeout=60) as web:  # fmt: skip
        web.get(mail_server.start)
        web.post("/invitation", files={"file": ("inv.eml", EXAMPLE.read_bytes())})
        case = next(c for c in web.get("/").text.split('"') if c.startswith("/c/"))
        case = case.rsplit("/", 1)[0]
        web.post(f"{case}/facts", data={"confirm": "1"})
        web.post(f"{case}/situation", data={"intent": "decline", "reason": "accepted-offer",
                                            "interest": "no", "confirmed": "no"})  # fmt: skip
        assert web.get(f"{case}/send").status_code == 200
        cookies = web.cookies

    def press(_: int) -> int:
        with httpx.Client(base_url=mail_server.base, cookies=cookies, timeout=60,
                          headers={"origin": mail_server.base}) as client:  # fmt: skip
            return client.post(f"{case}/send").status_code

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(3) as pool:  # three presses at once
        assert list(pool.map(press, range(3))) == [200, 200, 200]
    assert len(smtp.handler.received) == before + 1
