"""A student's mailboxes, calendars and career watches as pages, on a real PostgreSQL (and a
real HTTPS server on loopback for a calendar's address): each listed, added, removed and run
again now; every form carries the form token; a refusal names the field in the student's
language and keeps what was typed (never the password); a mailbox asks for its consent in its
own form; another student's source is 404."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from hosted.conftest import client_for, make_centre
from hosted.https import Served

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//EN\r\nBEGIN:VEVENT\r\nUID:1@uji\r\n"
    "DTSTART:20261124T020000Z\r\nDTEND:20261124T030000Z\r\nSUMMARY:Kuliah\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.fixture
def world(cluster: Any, https: Served, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from sopan.hosted.mailkey import VARIABLE, new_key

    monkeypatch.setenv(VARIABLE, new_key())
    database = cluster.database()
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
                  "mail_hosts": ["imap.kampus.ac.id", "127.0.0.1"],
                  "calendar_hosts": ["127.0.0.1"]},
        "centre": {"name": "Pusat Karier Uji"},
    }  # fmt: skip
    centre, ids = make_centre(database, sections=sections)
    return {"centre": centre, "ids": ids, "database": database, "https": https}


def _form(client: Any, route: str, **data: str) -> Any:
    return client.post(route, data={"csrf": client.headers["X-CSRF-Token"], **data})


def _jobs(world: dict[str, Any], task: str) -> int:
    url = world["database"]
    engine = create_engine(url)
    try:
        with engine.connect() as db:
            return int(db.execute(text(
                "SELECT count(*) FROM procrastinate_jobs WHERE task_name = :t"), {"t": task}
            ).scalar_one())  # fmt: skip
    finally:
        engine.dispose()


def _every_form_has_the_token(page: str, token: str) -> None:
    forms = re.findall(r"<form\b.*?</form>", page, re.S)
    assert forms
    for form in forms:
        assert f'name="csrf" value="{token}"' in form, form


def test_a_mailbox_is_connected_with_its_consent_scanned_and_removed(
    world: dict[str, Any],
) -> None:
    rina, budi = client_for(world["centre"], "rina"), client_for(world["centre"], "budi")
    page = rina.get("/mailboxes")
    assert page.status_code == 200
    assert "Kotak surat Anda" in page.text and "Belum ada kotak surat" in page.text
    _every_form_has_the_token(page.text, rina.headers["X-CSRF-Token"])
    # the consent the scan needs is asked in the form itself
    assert 'name="consent"' in page.text
    typed = {"host": "imap.kampus.ac.id", "security": "tls", "port": "",
             "username": "rina@kampus.ac.id", "password": "rahasia-sekali",
             "folder": "Lamaran"}  # fmt: skip
    refused = _form(rina, "/mailboxes", **typed)
    assert refused.status_code == 400
    assert 'href="#consent"' in refused.text
    assert 'value="rina@kampus.ac.id"' in refused.text and 'value="Lamaran"' in refused.text
    assert "rahasia-sekali" not in refused.text  # a password is never shown back
    made = _form(rina, "/mailboxes", consent="yes", **typed)
    assert made.status_code == 303, made.text
    listed = rina.get("/api/me/mailboxes").json()
    assert [(m["host"], m["username"], m["folder"], m["port"]) for m in listed] == [
        ("imap.kampus.ac.id", "rina@kampus.ac.id", "Lamaran", 993)]  # fmt: skip
    box = listed[0]["id"]
    shown = rina.get("/mailboxes").text
    assert f'id="mailbox-{box}"' in shown and 'name="consent"' not in shown
    # the consent is on the privacy page, with its version
    assert "Tarik persetujuan" in rina.get("/privacy").text.split('id="consent-inbox"')[1]
    # its first scan was queued with it; "scan now" waits behind it (one waiting is enough)
    assert _jobs(world, "sopan.scan") == 1
    assert _form(rina, f"/mailboxes/{box}/scan").status_code == 303
    assert _jobs(world, "sopan.scan") == 1
    # another student's mailbox is absent
    assert _form(budi, f"/mailboxes/{box}/scan").status_code == 404
    assert _form(budi, f"/mailboxes/{box}/delete").status_code == 404
    assert _form(rina, f"/mailboxes/{box}/delete").status_code == 303
    assert rina.get("/api/me/mailboxes").json() == []


@pytest.mark.parametrize(
    ("change", "field"),
    [({"host": "imap.lain.example"}, "host"), ({"port": "sembilan"}, "port"),
     ({"port": "70000"}, "port"), ({"username": ""}, "username"), ({"password": ""}, "password"),
     ({"security": "none"}, "security")],
)  # fmt: skip
def test_a_mailbox_refused_names_its_field_and_keeps_what_was_typed(
    world: dict[str, Any], change: dict[str, str], field: str
) -> None:
    rina = client_for(world["centre"], "rina")
    typed = {"host": "imap.kampus.ac.id", "security": "tls", "port": "993",
             "username": "rina@kampus.ac.id", "password": "rahasia", "folder": "INBOX",
             "consent": "yes", **change}  # fmt: skip
    refused = _form(rina, "/mailboxes", **typed)
    assert refused.status_code == 400
    summary = refused.text.split('id="error-summary"')[1].split("</div>")[0]
    assert f'href="#{field}"' in summary, summary
    assert f'id="{field}"' in refused.text  # the link leads to the field
    if typed["username"]:
        assert f'value="{typed["username"]}"' in refused.text
    assert rina.get("/api/me/mailboxes").json() == []


def test_a_calendar_is_uploaded_or_given_by_address_refreshed_and_removed(
    world: dict[str, Any],
) -> None:
    https = world["https"]
    https.routes["/kuliah.ics"] = (200, {"Content-Type": "text/calendar"}, CALENDAR.encode())
    rina, budi = client_for(world["centre"], "rina"), client_for(world["centre"], "budi")
    page = rina.get("/calendars")
    assert "Kalender Anda" in page.text
    _every_form_has_the_token(page.text, rina.headers["X-CSRF-Token"])
    token = rina.headers["X-CSRF-Token"]
    up = rina.post("/calendars", data={"csrf": token, "url": ""},
                   files={"file": ("jadwal.ics", CALENDAR.encode(), "text/calendar")})  # fmt: skip
    assert up.status_code == 303, up.text
    address = f"https://127.0.0.1:{https.port}/kuliah.ics"
    assert _form(rina, "/calendars", url=address).status_code == 303
    listed = {c["name"]: c for c in rina.get("/api/me/calendars").json()}
    assert set(listed) == {"jadwal.ics", "127.0.0.1"}
    shown = rina.get("/calendars").text
    uploaded, fetched = listed["jadwal.ics"]["id"], listed["127.0.0.1"]["id"]
    assert "jadwal.ics" in shown and address in shown
    # only an address is fetched again
    assert f'action="/calendars/{fetched}/refresh"' in shown
    assert f'action="/calendars/{uploaded}/refresh"' not in shown
    assert _form(rina, f"/calendars/{uploaded}/refresh").status_code == 404
    assert _form(rina, f"/calendars/{fetched}/refresh").status_code == 303
    assert _jobs(world, "sopan.refresh_calendar") == 1
    assert _form(budi, f"/calendars/{fetched}/refresh").status_code == 404
    assert _form(budi, f"/calendars/{uploaded}/delete").status_code == 404
    assert _form(rina, f"/calendars/{uploaded}/delete").status_code == 303
    assert [c["id"] for c in rina.get("/api/me/calendars").json()] == [fetched]


def test_a_calendar_refused_names_the_file_or_the_address(world: dict[str, Any]) -> None:
    rina = client_for(world["centre"], "rina")
    token = rina.headers["X-CSRF-Token"]
    # a file that is no calendar
    png = b"\x89PNG\r\n\x1a\n...."
    bad = rina.post("/calendars", data={"csrf": token},
                    files={"file": ("foto.ics", png, "text/calendar")})  # fmt: skip
    assert bad.status_code == 400 and 'href="#file"' in bad.text and "foto.ics" in bad.text
    # an address that is no https one is refused as typed, and kept in its box
    plain = _form(rina, "/calendars", url="http://jadwal.example/k.ics")
    assert plain.status_code == 400 and 'href="#url"' in plain.text
    assert 'value="http://jadwal.example/k.ics"' in plain.text
    # a calendar server answering 404 is a failure elsewhere: 502, naming the address
    missing = f"https://127.0.0.1:{world['https'].port}/hilang.ics"
    failed = _form(rina, "/calendars", url=missing)
    assert failed.status_code == 502 and 'href="#url"' in failed.text and "404" in failed.text
    assert f'value="{missing}"' in failed.text
    assert rina.get("/api/me/calendars").json() == []


def test_a_watch_is_added_run_and_removed(world: dict[str, Any]) -> None:
    rina, budi = client_for(world["centre"], "rina"), client_for(world["centre"], "budi")
    page = rina.get("/watches")
    assert "Pantauan lowongan" in page.text
    _every_form_has_the_token(page.text, rina.headers["X-CSRF-Token"])
    made = _form(rina, "/watches", source="lever:majujaya", keywords="analis data, SQL",
                 location="Jakarta")  # fmt: skip
    assert made.status_code == 303, made.text
    listed = rina.get("/api/me/watches").json()
    assert [(w["source"], w["keywords"], w["location"]) for w in listed] == [
        ("lever:majujaya", ["analis data", "SQL"], "Jakarta")]  # fmt: skip
    watch = listed[0]["id"]
    assert f'id="watch-{watch}"' in rina.get("/watches").text
    assert _jobs(world, "sopan.watch") == 1  # its first run
    assert _form(rina, f"/watches/{watch}/run").status_code == 303
    assert _form(budi, f"/watches/{watch}/run").status_code == 404
    assert _form(budi, f"/watches/{watch}/delete").status_code == 404
    assert _form(rina, f"/watches/{watch}/delete").status_code == 303
    assert rina.get("/api/me/watches").json() == []
    # a file of the server is never a source: refused naming it, what was typed kept
    refused = _form(rina, "/watches", source="/etc/passwd", keywords="data", location="Bandung")
    assert refused.status_code == 400 and 'href="#source"' in refused.text
    assert 'value="/etc/passwd"' in refused.text and 'value="Bandung"' in refused.text


def test_the_pages_speak_english_to_an_english_account(world: dict[str, Any]) -> None:
    from hosted.conftest import NOW, PASSWORD
    from sopan.hosted.passwords import hash_password
    from sopan.store.scope import SYSTEM

    world["centre"].hosted.store(SYSTEM).add_account(
        "emma", "student", now=NOW, password_hash=hash_password(PASSWORD), language="en"
    )
    emma = client_for(world["centre"], "emma")
    assert "Your mailboxes" in emma.get("/mailboxes").text
    assert "Your calendars" in emma.get("/calendars").text
    refused = _form(emma, "/watches", source="/etc/passwd")
    assert "Vacancy watches" in refused.text and "Pantauan" not in refused.text
    # each page's nav leads to the three of them
    home = emma.get("/").text
    assert all(f'href="/{p}"' in home for p in ("mailboxes", "calendars", "watches"))
