"""Every route × every role × own / shared / not shared / another student's case → the
status each must get, on a real PostgreSQL; and what a listing shows each role.

The students are rina (cases A, shared with sari, and B, not shared) and budi (case C);
the counsellors sari and dewi; adi is the admin, tono the auditor. A case is named in a route
by what it is to the one asking: `own` (A for rina, C for budi), `shared` (A), `unshared`
(B), `other` (C for rina, A for budi)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import EXAMPLES

from hosted.conftest import client_for, make_centre

INVITATION = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")
CHOICES = {"intent": "decline", "reason": "accepted-offer", "interest": "no", "confirmed": False}
CANCEL = {"intent": "cancel", "reason": "accepted-offer", "interest": "no", "confirmed": True}
#: a mailbox as the page's form gives it (the consent ticked in it)
MAILBOX_FORM = {"host": "127.0.0.1", "port": "1", "security": "none", "consent": "yes",
                "username": "lewat-halaman@x.id", "password": "sandi"}  # fmt: skip
ANON = None

#: (method, route, body) → who → target → status; "-" where the target means nothing
API: list[tuple[str, str, Any, dict[str | None, dict[str, int]]]] = [
    ("GET", "/api/cases", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 200}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/cases", {"text": INVITATION}, {
        ANON: {"-": 401}, "rina": {"-": 201}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("GET", "/api/cases/{case}", None, {
        ANON: {"shared": 401},
        "rina": {"own": 200, "unshared": 200, "other": 404},
        "budi": {"own": 200, "other": 404, "unshared": 404},
        "sari": {"shared": 200, "unshared": 404, "other": 404},
        "dewi": {"shared": 404, "unshared": 404, "other": 404},
        "adi": {"shared": 403, "other": 403}, "tono": {"shared": 403, "other": 403}}),
    ("POST", "/api/cases/{case}/share", {"counsellor": "sari"}, {
        ANON: {"shared": 401}, "rina": {"own": 200, "other": 404},
        "budi": {"unshared": 404}, "sari": {"shared": 403}, "adi": {"shared": 403},
        "tono": {"shared": 403}}),
    ("POST", "/api/cases/{case}/plan", CHOICES, {
        ANON: {"shared": 401}, "rina": {"own": 200, "other": 404}, "budi": {"unshared": 404},
        "sari": {"shared": 403}, "adi": {"shared": 403}, "tono": {"shared": 403}}),
    ("POST", "/api/cases/{case}/drafts", CHOICES, {
        ANON: {"shared": 401}, "rina": {"own": 201, "other": 404}, "sari": {"shared": 403},
        "adi": {"shared": 403}, "tono": {"shared": 403}}),
    ("POST", "/api/cases/{case}/replied", None, {
        ANON: {"shared": 401}, "rina": {"own": 201, "other": 404}, "budi": {"unshared": 404},
        "sari": {"shared": 403}, "adi": {"shared": 403}, "tono": {"shared": 403}}),
    ("DELETE", "/api/cases/{case}", None, {
        ANON: {"shared": 401}, "budi": {"unshared": 404, "shared": 404},
        "sari": {"shared": 403}, "adi": {"shared": 403}, "tono": {"shared": 403},
        "rina": {"other": 404}}),
    ("GET", "/api/me/export", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("GET", "/api/audit", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 200}}),
]  # fmt: skip

#: the pages: a signed-out browser is sent to sign in (303)
PAGES: list[tuple[str, str, dict[str | None, dict[str, int]]]] = [
    ("GET", "/", {ANON: {"-": 303}, "rina": {"-": 200}, "sari": {"-": 200}, "adi": {"-": 303},
                  "tono": {"-": 303}}),
    ("GET", "/cases/{case}", {
        ANON: {"shared": 303}, "rina": {"own": 200, "other": 404},
        "sari": {"shared": 200, "unshared": 404, "other": 404},
        "dewi": {"shared": 404}, "adi": {"shared": 403}, "tono": {"shared": 403}}),
    ("GET", "/privacy", {ANON: {"-": 303}, "rina": {"-": 200}, "sari": {"-": 403},
                         "adi": {"-": 403}, "tono": {"-": 403}}),
    ("GET", "/privacy/export", {ANON: {"-": 303}, "rina": {"-": 200}, "sari": {"-": 403},
                                "adi": {"-": 403}, "tono": {"-": 403}}),
    ("GET", "/audit", {ANON: {"-": 303}, "rina": {"-": 403}, "sari": {"-": 403},
                       "adi": {"-": 403}, "tono": {"-": 200}}),
    ("GET", "/admin", {ANON: {"-": 303}, "rina": {"-": 403}, "sari": {"-": 403},
                       "adi": {"-": 200}, "tono": {"-": 403}}),
    # a letter of the case (its letter of apology), with the centre's letterhead: its
    # student's only (a counsellor reads the text on the case's page)
    ("GET", "/cases/{case}/letters/{letter}.pdf", {
        ANON: {"own": 303}, "rina": {"own": 200, "other": 404}, "budi": {"own": 200, "other": 404},
        "sari": {"shared": 403}, "dewi": {"shared": 403}, "adi": {"shared": 403},
        "tono": {"shared": 403}}),
    ("GET", "/cases/{case}/letters/{letter}.docx", {
        ANON: {"own": 303}, "rina": {"own": 200, "other": 404}, "budi": {"own": 200, "other": 404},
        "sari": {"shared": 403}, "adi": {"shared": 403}, "tono": {"shared": 403}}),
]  # fmt: skip

#: a student's source pages: `own` is the asker's, `other` the other student's
SOURCE_PAGES: list[tuple[str, dict[str | None, dict[str, int]]]] = [
    (page, {ANON: {"-": 303}, "rina": {"-": 200}, "budi": {"-": 200}, "sari": {"-": 403},
            "dewi": {"-": 403}, "adi": {"-": 403}, "tono": {"-": 403}})
    for page in ("/mailboxes", "/calendars", "/watches")
]  # fmt: skip

#: the pages' forms (a POST with the form token): (route, form) → who → target → status;
#: {mailbox}, {calendar} (an address), {watch} are the source of the student the target names
#: (a removal of one's own is asked last, on a fresh one)
STUDENT_ONLY = {ANON: {"own": 303}, "sari": {"own": 403}, "dewi": {"own": 403},
                "adi": {"own": 403}, "tono": {"own": 403}}  # fmt: skip
FORMS: list[tuple[str, dict[str, str], dict[str | None, dict[str, int]]]] = [
    ("/admin/letterhead", {"letterhead_name": "Pusat Karier Uji", "address": "Bandung"}, {
        ANON: {"-": 303}, "rina": {"-": 403}, "sari": {"-": 403}, "adi": {"-": 303},
        "tono": {"-": 403}}),
    ("/mailboxes", MAILBOX_FORM, {
        ANON: {"-": 303}, "rina": {"-": 303}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("/mailboxes/{mailbox}/scan", {}, {**STUDENT_ONLY, "rina": {"own": 303, "other": 404},
                                       "budi": {"own": 303, "other": 404}}),
    ("/mailboxes/{mailbox}/delete", {}, {**STUDENT_ONLY, "rina": {"other": 404},
                                         "budi": {"other": 404}}),
    ("/calendars", {"url": "http://plain.example/k.ics"}, {
        ANON: {"-": 303}, "rina": {"-": 400}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("/calendars/{calendar}/refresh", {}, {**STUDENT_ONLY, "rina": {"own": 303, "other": 404},
                                           "budi": {"own": 303, "other": 404}}),
    ("/calendars/{calendar}/delete", {}, {**STUDENT_ONLY, "rina": {"other": 404},
                                          "budi": {"other": 404}}),
    ("/watches", {"source": "ashby:majujaya"}, {
        ANON: {"-": 303}, "rina": {"-": 303}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("/watches/{watch}/run", {}, {**STUDENT_ONLY, "rina": {"own": 303, "other": 404},
                                  "budi": {"own": 303, "other": 404}}),
    ("/watches/{watch}/delete", {}, {**STUDENT_ONLY, "rina": {"other": 404},
                                     "budi": {"other": 404}}),
]  # fmt: skip


CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//EN\r\nBEGIN:VEVENT\r\nUID:1@uji\r\n"
    "DTSTART:20261124T020000Z\r\nDTEND:20261124T030000Z\r\nSUMMARY:Kuliah\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
#: a student's mailbox and calendar routes: `own` is the asker's, `other` the other student's
MAILBOX = {"host": "127.0.0.1", "port": 1, "security": "none", "username": "rina@example.com",
           "password": "sandi"}  # fmt: skip
MAILBOX_API: list[tuple[str, str, Any, dict[str | None, dict[str, int]]]] = [
    ("GET", "/api/me/mailboxes", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/me/mailboxes", MAILBOX, {
        ANON: {"-": 401}, "rina": {"-": 201}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/me/mailboxes/{mailbox}/scan", None, {
        ANON: {"own": 401}, "rina": {"own": 202, "other": 404}, "budi": {"other": 404},
        "sari": {"own": 403}, "adi": {"own": 403}, "tono": {"own": 403}}),
    ("DELETE", "/api/me/mailboxes/{mailbox}", None, {
        ANON: {"own": 401}, "rina": {"other": 404}, "budi": {"other": 404},
        "sari": {"own": 403}, "adi": {"own": 403}, "tono": {"own": 403}}),
    ("GET", "/api/me/calendars", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/me/calendars", {"name": "jadwal.ics", "ics": CALENDAR}, {
        ANON: {"-": 401}, "rina": {"-": 201}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("DELETE", "/api/me/calendars/{calendar}", None, {
        ANON: {"own": 401}, "rina": {"other": 404}, "budi": {"other": 404},
        "sari": {"own": 403}, "adi": {"own": 403}, "tono": {"own": 403}}),
    ("GET", "/api/me/watches", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/me/watches", {"source": "lever:majujaya"}, {
        ANON: {"-": 401}, "rina": {"-": 201}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
    ("POST", "/api/me/watches/{watch}/run", None, {
        ANON: {"own": 401}, "rina": {"own": 202, "other": 404}, "budi": {"other": 404},
        "sari": {"own": 403}, "adi": {"own": 403}, "tono": {"own": 403}}),
    ("GET", "/api/me/postings", None, {
        ANON: {"-": 401}, "rina": {"-": 200}, "sari": {"-": 403}, "adi": {"-": 403},
        "tono": {"-": 403}}),
]  # fmt: skip


@pytest.fixture(scope="module")
def world(cluster: Any) -> Iterator[dict[str, Any]]:
    """The centre with its people and cases A, B (rina's) and C (budi's); A shared; a
    mailbox of each student."""
    import os

    from sopan.hosted.mailkey import VARIABLE, new_key

    before = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = new_key()
    sections = {
        "serve": {"allowed_hosts": ["testserver", "127.0.0.1"], "secure_cookies": False,
                  "mail_hosts": ["127.0.0.1"]},
        "centre": {"name": "Pusat Karier Uji", "cancellation_cutoff": "2 working days",
                   "email": "karier@kampus.ac.id"},
    }  # fmt: skip
    centre, ids = make_centre(cluster.database(), sections=sections)
    clients = {name: client_for(centre, name) for name in ("rina", "budi", "sari", "dewi",
                                                           "adi", "tono")}  # fmt: skip
    clients[ANON] = client_for(centre)
    rina, budi = clients["rina"], clients["budi"]
    made = [rina.post("/api/cases", json={"text": INVITATION}).json()["id"] for _ in range(2)]
    made.append(budi.post("/api/cases", json={"text": INVITATION}).json()["id"])
    assert rina.post("/api/me/consent", json={"purpose": "counselling"}).status_code == 200
    shared = rina.post(f"/api/cases/{made[0]}/share", json={"counsellor": "sari"})
    assert shared.status_code == 200, shared.text
    boxes = {}
    for name, student in (("rina", rina), ("budi", budi)):
        assert student.post("/api/me/consent", json={"purpose": "inbox"}).status_code == 200
        box = student.post("/api/me/mailboxes", json={**MAILBOX, "username": f"{name}@x.id"})
        assert box.status_code == 201, box.text
        boxes[name] = box.json()["id"]
    calendars = {
        name: student.post("/api/me/calendars", json={"name": "x.ics", "ics": CALENDAR}).json()[
            "id"
        ]
        for name, student in (("rina", rina), ("budi", budi))
    }
    watches = {
        name: student.post("/api/me/watches", json={"source": f"greenhouse:{name}"}).json()["id"]
        for name, student in (("rina", rina), ("budi", budi))
    }
    # A and C cancelled inside the centre's cut-off: each has its letter of apology
    for case, student in ((made[0], rina), (made[2], budi)):
        drafted = student.post(f"/api/cases/{case}/drafts", json=CANCEL)
        assert drafted.status_code == 201, drafted.text
    yield {"centre": centre, "ids": ids, "clients": clients, "A": made[0], "B": made[1],
           "C": made[2], "mailboxes": boxes, "calendars": calendars,
           "watches": watches}  # fmt: skip
    if before is None:
        os.environ.pop(VARIABLE, None)
    else:
        os.environ[VARIABLE] = before


def _target(world: dict[str, Any], who: str | None, target: str) -> int:
    mine = {"rina": "A", "budi": "C"}.get(who or "", "A")
    other = {"rina": "C", "budi": "A"}.get(who or "", "C")
    letter = {"own": mine, "shared": "A", "unshared": "B", "other": other}[target]
    return int(world[letter])


def _letter(world: dict[str, Any], case: int) -> int:
    """The letter of apology of a case's latest drafts (0 for a case with none), as its
    student sees it."""
    owner = "budi" if case == world["C"] else "rina"
    shown = world["clients"][owner].get(f"/api/cases/{case}").json()
    return next((d["id"] for d in shown["drafts"] if d["channel"] == "letter"), 0)


def _fresh_case(world: dict[str, Any], who: str | None) -> int:
    """A disposable case for a deletion that must succeed."""
    return int(world["clients"]["rina"].post("/api/cases", json={"text": INVITATION}).json()["id"])


def test_every_api_route_for_every_role_and_case(world: dict[str, Any]) -> None:
    wrong = []
    for method, route, body, table in API:
        for who, targets in table.items():
            for target, expected in targets.items():
                path = route if target == "-" else route.format(case=_target(world, who, target))
                answer = world["clients"][who].request(method, path, json=body)
                if answer.status_code != expected:
                    wrong.append((method, route, who, target, expected, answer.status_code))
    # and a student deletes their own case
    case = _fresh_case(world, "rina")
    gone = world["clients"]["rina"].delete(f"/api/cases/{case}")
    if gone.status_code != 204:
        wrong.append(("DELETE", "own", "rina", "own", 204, gone.status_code))
    assert wrong == []


def test_every_mailbox_calendar_and_watch_route_for_every_role(world: dict[str, Any]) -> None:
    boxes, calendars, wrong = world["mailboxes"], world["calendars"], []
    for method, route, body, table in MAILBOX_API:
        for who, targets in table.items():
            for target, expected in targets.items():
                mine = who if who in boxes else "rina"
                other = "budi" if mine == "rina" else "rina"
                whose = mine if target == "own" else other
                path = route.format(mailbox=boxes[whose], calendar=calendars[whose],
                                    watch=world["watches"][whose])  # fmt: skip
                answer = world["clients"][who].request(method, path, json=body)
                if answer.status_code != expected:
                    wrong.append((method, route, who, target, expected, answer.status_code))
    # a student forgets their own mailbox; the other student's is still there
    rina = world["clients"]["rina"]
    fresh = rina.post("/api/me/mailboxes", json={**MAILBOX, "username": "lain@x.id"}).json()
    if (gone := rina.delete(f"/api/me/mailboxes/{fresh['id']}")).status_code != 204:
        wrong.append(("DELETE", "own", "rina", "own", 204, gone.status_code))
    listed = [m["id"] for m in world["clients"]["budi"].get("/api/me/mailboxes").json()]
    assert listed == [boxes["budi"]]
    if (gone := rina.delete(f"/api/me/calendars/{calendars['rina']}")).status_code != 204:
        wrong.append(("DELETE", "calendar", "rina", "own", 204, gone.status_code))
    listed = [c["id"] for c in world["clients"]["budi"].get("/api/me/calendars").json()]
    assert listed == [calendars["budi"]]
    assert wrong == []


def test_every_page_for_every_role_and_case(world: dict[str, Any]) -> None:
    wrong = []
    for method, route, table in [*PAGES, *(("GET", p, t) for p, t in SOURCE_PAGES)]:
        for who, targets in table.items():
            for target, expected in targets.items():
                path = route
                if target != "-":
                    case = _target(world, who, target)
                    path = route.format(case=case, letter=_letter(world, case))
                answer = world["clients"][who].request(method, path)
                if answer.status_code != expected:
                    wrong.append((method, route, who, target, expected, answer.status_code))
    assert wrong == []


def _sources(world: dict[str, Any], name: str) -> dict[str, int]:
    """A student's mailbox, calendar address and watch now (each made when there is none)."""
    from sopan.store.scope import Scope

    client = world["clients"][name]
    boxes = client.get("/api/me/mailboxes").json()
    if not boxes:
        client.post("/api/me/mailboxes", json={**MAILBOX, "username": f"{name}-lagi@x.id"})
        boxes = client.get("/api/me/mailboxes").json()
    addresses = [c for c in client.get("/api/me/calendars").json() if c["url"]]
    if not addresses:  # kept as if fetched: the matrix is about who may ask, not fetching
        store = world["centre"].hosted.store(Scope(world["ids"][name], "student"))
        store.add_calendar(name="jadwal", data=CALENDAR.encode(), now=world["centre"].now(),
                           url="https://jadwal.example/k.ics")  # fmt: skip
        addresses = [c for c in client.get("/api/me/calendars").json() if c["url"]]
    found = client.get("/api/me/watches").json()
    if not found:
        client.post("/api/me/watches", json={"source": f"lever:{name}-lagi"})
        found = client.get("/api/me/watches").json()
    return {"mailbox": boxes[0]["id"], "calendar": addresses[0]["id"], "watch": found[0]["id"]}


def test_every_form_for_every_role(world: dict[str, Any]) -> None:
    wrong = []
    for route, form, table in FORMS:
        for who, targets in table.items():
            client = world["clients"][who]
            for target, expected in targets.items():
                mine = who if who in ("rina", "budi") else "rina"
                whose = mine if target in ("own", "-") else ("budi" if mine == "rina" else "rina")
                path = route.format(**_sources(world, whose)) if "{" in route else route
                token = client.headers.get("X-CSRF-Token", "")
                answer = client.post(path, data={"csrf": token, **form})
                if answer.status_code != expected:
                    wrong.append(("POST", route, who, target, expected, answer.status_code))
    # a student removes their own; the other student's are still there
    for kind, route in (("mailbox", "/mailboxes/{}/delete"), ("calendar", "/calendars/{}/delete"),
                        ("watch", "/watches/{}/delete")):  # fmt: skip
        rina, budi = _sources(world, "rina")[kind], _sources(world, "budi")[kind]
        rinas = world["clients"]["rina"]
        gone = rinas.post(route.format(rina), data={"csrf": rinas.headers["X-CSRF-Token"]})
        if gone.status_code != 303:
            wrong.append(("POST", route, "rina", "own", 303, gone.status_code))
        if _sources(world, "budi")[kind] != budi:
            wrong.append(("POST", route, "rina", "own", "budi's kept", "budi's gone"))
    assert wrong == []


def test_a_listing_shows_each_role_only_its_cases(world: dict[str, Any]) -> None:
    clients = world["clients"]
    rina = {c["id"] for c in clients["rina"].get("/api/cases").json()}
    assert world["A"] in rina and world["B"] in rina and world["C"] not in rina
    assert [c["id"] for c in clients["budi"].get("/api/cases").json()] == [world["C"]]
    assert [c["id"] for c in clients["sari"].get("/api/cases").json()] == [world["A"]]
    assert clients["dewi"].get("/api/cases").json() == []


def test_a_change_without_the_form_token_is_refused(world: dict[str, Any]) -> None:
    rina = world["clients"]["rina"]
    token = rina.headers.pop("X-CSRF-Token")
    try:
        assert rina.post("/api/cases", json={"text": INVITATION}).status_code == 403
        assert rina.delete(f"/api/cases/{world['B']}").status_code == 403
        page = rina.post(f"/cases/{world['B']}/delete", data={"csrf": "guess"})
        assert page.status_code == 403
        # a form from another site is refused before anything else
        cross = rina.post("/cases", data={"csrf": token, "text": "x"},
                          headers={"origin": "https://evil.example"})  # fmt: skip
        assert cross.status_code == 403
    finally:
        rina.headers["X-CSRF-Token"] = token
    assert rina.get(f"/api/cases/{world['B']}").status_code == 200
