"""A student's calendars in the hosted mode, on a real PostgreSQL and a real HTTPS server on
loopback: an upload or an https address (fetched and read when given, never a path, never a
machine of the centre's own network unless the centre names it), scoped to the student,
read by the plan for its conflicts and its alternatives; a stale address's copy fetched
again by a job, not by the plan."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from conftest import EXAMPLES
from sqlalchemy import create_engine, text

from hosted.conftest import NOW, client_for, make_centre
from hosted.https import Served

INVITATION = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")
RESCHEDULE = {"intent": "reschedule", "reason": "schedule-conflict", "interest": "yes",
              "confirmed": False}  # fmt: skip


def _ics(*events: tuple[str, str, str]) -> str:
    """A calendar of (start, end, summary) events, local times of Asia/Jakarta."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@uji\r\nDTSTART;TZID=Asia/Jakarta:{start}\r\n"
        f"DTEND;TZID=Asia/Jakarta:{end}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
        for n, (start, end, summary) in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//EN\r\n{body}END:VCALENDAR\r\n"


#: an exam over the interview (Monday 23 November, 10.00–11.30) and a practical all Tuesday
EXAMS = _ics(("20261123T090000", "20261123T120000", "Ujian akhir"),
             ("20261124T080000", "20261124T170000", "Praktikum"))  # fmt: skip


def _centre(cluster: Any, inside: list[str]) -> tuple[Any, dict[str, int]]:
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
                  "calendar_hosts": inside},
        "centre": {"name": "Pusat Karier Uji", "email": "karier@kampus.ac.id"},
    }  # fmt: skip
    return make_centre(cluster.database(), sections=sections)  # type: ignore[return-value]


def test_an_uploaded_calendar_is_the_students_and_the_plan_reads_it(cluster: Any) -> None:
    centre, _ids = _centre(cluster, [])
    rina, budi = client_for(centre, "rina"), client_for(centre, "budi")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    before = rina.post(f"/api/cases/{case}/drafts", json=RESCHEDULE).json()["drafts"][0]["text"]
    assert "25 November" not in before  # no calendar: the recruiter is asked to propose
    # the browser's path is only a label: its last part
    given = {"name": "C:\\Users\\rina\\jadwal.ics", "ics": EXAMS}
    made = rina.post("/api/me/calendars", json=given)
    assert made.status_code == 201, made.text
    assert made.json()["busy"] == 2
    listed = rina.get("/api/me/calendars").json()
    assert [(c["name"], c["url"]) for c in listed] == [("jadwal.ics", None)]
    conflicts = rina.post(f"/api/cases/{case}/plan", json=RESCHEDULE).json()["conflicts"]
    assert [(c["summary"], c["source"]) for c in conflicts] == [("Ujian akhir", "jadwal.ics")]
    after = rina.post(f"/api/cases/{case}/drafts", json=RESCHEDULE).json()["drafts"][0]["text"]
    # free times offered, none on Tuesday (the practical) nor on the interview's Monday
    assert "Rabu, 25 November 2026" in after
    assert "24 November" not in after and "Senin, 23 November 2026 pukul 10.00 WIB" in after
    # budi neither sees nor plans with her calendar, nor removes it
    assert budi.get("/api/me/calendars").json() == []
    his = budi.post("/api/cases", json={"text": INVITATION}).json()["id"]
    assert budi.post(f"/api/cases/{his}/plan", json=RESCHEDULE).json()["conflicts"] == []
    assert budi.delete(f"/api/me/calendars/{listed[0]['id']}").status_code == 404
    # in her export, with its file
    archive = zipfile.ZipFile(io.BytesIO(rina.get("/api/me/export").content))
    rows = json.loads(archive.read("sopan.json"))["tables"]["student_calendars"]
    assert archive.read(rows[0]["data"]).decode() == EXAMS
    # what is not a calendar is refused, naming it as she did, and not kept
    bad = rina.post("/api/me/calendars", json={"name": "catatan.txt", "ics": "halo"})
    assert bad.status_code == 400 and "catatan.txt" in bad.json()["message"]
    empty = rina.post("/api/me/calendars", json={"name": "x.ics", "ics": " "})
    assert empty.json()["error"] == "calendar_upload.empty"
    assert len(rina.get("/api/me/calendars").json()) == 1
    assert rina.delete(f"/api/me/calendars/{listed[0]['id']}").status_code == 204
    assert rina.get("/api/me/calendars").json() == []


@pytest.mark.parametrize(
    "address",
    ["/etc/passwd", "file:///etc/passwd", "http://jadwal.example/x.ics",
     "https://rina:sandi@jadwal.example/x.ics", "caldav+https://rina@jadwal.example/",
     "~/kalender.ics"],
)  # fmt: skip
def test_no_path_nor_plain_address_is_taken(cluster: Any, address: str) -> None:
    centre, _ids = _centre(cluster, [])
    rina = client_for(centre, "rina")
    refused = rina.post("/api/me/calendars", json={"url": address})
    assert refused.status_code == 400
    assert refused.json()["error"] == "address.not_https"
    assert rina.get("/api/me/calendars").json() == []


def test_an_address_is_fetched_when_given_and_only_from_where_it_may_be(
    cluster: Any, https: Served
) -> None:
    from sopan.hosted.jobs import Refresh
    from sopan.store.scope import SYSTEM

    https.routes["/rina.ics"] = (200, {"Content-Type": "text/calendar"}, EXAMS.encode())
    https.routes["/away"] = (302, {"Location": f"https://127.0.0.1:{https.port}/rina.ics"}, b"")
    # a centre that names no calendar server of its own: loopback is inside, refused unread
    closed, _ = _centre(cluster, [])
    inside = client_for(closed, "rina").post(
        "/api/me/calendars", json={"url": f"https://127.0.0.1:{https.port}/rina.ics"}
    )
    assert inside.status_code == 400 and inside.json()["error"] == "address.inside"
    assert https.hits == []
    centre, ids = _centre(cluster, ["localhost"])
    rina = client_for(centre, "rina")
    # named by the centre as 'localhost', a redirect to 127.0.0.1 leaves the list: refused
    moved = rina.post("/api/me/calendars", json={"url": f"webcal://localhost:{https.port}/away"})
    assert moved.status_code == 400 and moved.json()["error"] == "address.inside"
    missing = rina.post("/api/me/calendars", json={"url": f"https://localhost:{https.port}/x"})
    # the server is outside sopan: its failure is 502, never "sopan is not ready" (503)
    assert missing.status_code == 502 and missing.json()["error"] == "calendar.http_status"
    made = rina.post("/api/me/calendars", json={"url": f"https://localhost:{https.port}/rina.ics"})
    assert made.status_code == 201, made.text
    assert made.json()["busy"] == 2
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    conflicts = rina.post(f"/api/cases/{case}/plan", json=RESCHEDULE).json()["conflicts"]
    assert [c["summary"] for c in conflicts] == ["Ujian akhir"]
    # the plan reads the copy kept; an old copy gets a refresh job, once, for the worker
    database = centre.hosted.url
    plain = create_engine(database)
    with plain.begin() as db:
        db.execute(text("UPDATE student_calendars SET fetched_at = :t"),
                   {"t": NOW - timedelta(days=1)})  # fmt: skip
    hits = len(https.hits)
    for _ in range(2):
        assert rina.post(f"/api/cases/{case}/plan", json=RESCHEDULE).status_code == 200
    assert len(https.hits) == hits  # the plan never waits on the address
    calendar = made.json()["id"]
    with plain.connect() as db:
        jobs = db.execute(text("SELECT task_name, lock, status FROM procrastinate_jobs")).all()
    assert [tuple(j) for j in jobs] == [
        ("sopan.refresh_calendar", f"student:{ids['rina']}:calendar:{calendar}", "todo")
    ]
    https.routes["/rina.ics"] = (
        200,
        {},
        _ics(("20261123T100000", "20261123T110000", "Rapat")).encode(),
    )
    assert Refresh(centre.hosted, ("localhost",))(calendar) == "refreshed"
    conflicts = rina.post(f"/api/cases/{case}/plan", json=RESCHEDULE).json()["conflicts"]
    assert [c["summary"] for c in conflicts] == ["Rapat"]
    # a refresh that fails keeps the copy it had
    https.routes["/rina.ics"] = (500, {}, b"")
    assert Refresh(centre.hosted, ("localhost",))(calendar) == "failed"
    assert b"Rapat" in centre.hosted.store(SYSTEM).calendar(calendar).data
