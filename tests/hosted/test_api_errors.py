"""What the API answers when something fails, on a real PostgreSQL and a real HTTPS server on
loopback: 400 for what the request gave, 502 when a service outside sopan fails (a calendar
server answering 404, or none answering), 503 only when sopan itself is not ready (its
database gone), each as the API's description says."""

from __future__ import annotations

import socket
from typing import Any

from hosted.conftest import client_for, make_centre
from hosted.https import Served
from sopan.hosted.openapi import OPERATIONS, document


def _centre(cluster: Any) -> Any:
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
                  "calendar_hosts": ["127.0.0.1"]},
        "centre": {"name": "Pusat Karier Uji"},
    }  # fmt: skip
    centre, _ids = make_centre(cluster.database(), sections=sections)
    return centre


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_calendar_server_failing_is_502_and_a_bad_address_400(
    cluster: Any, https: Served
) -> None:
    rina = client_for(_centre(cluster), "rina")
    missing = rina.post("/api/me/calendars",
                        json={"url": f"https://127.0.0.1:{https.port}/hilang.ics"})  # fmt: skip
    assert missing.status_code == 502, missing.text
    said = missing.json()
    assert said["error"] == "calendar.http_status" and said["field"] == "url"
    assert "404" in said["message"]
    refused = rina.post("/api/me/calendars",
                        json={"url": f"https://127.0.0.1:{_closed_port()}/k.ics"})  # fmt: skip
    assert refused.status_code == 502 and refused.json()["error"] == "calendar.unreachable"
    # what the student typed wrong is theirs to fix: 400, never 502 or 503
    plain = rina.post("/api/me/calendars", json={"url": "http://jadwal.example/k.ics"})
    assert plain.status_code == 400 and plain.json()["field"] == "url"
    assert rina.get("/api/me/calendars").json() == []


def test_only_sopan_not_ready_is_503(cluster: Any) -> None:
    from sqlalchemy import create_engine

    centre = _centre(cluster)
    rina = client_for(centre, "rina")
    assert rina.get("/api/cases").status_code == 200
    # the database stops answering: every request that needs it is 503, API or page
    centre.hosted.engine = create_engine(
        f"postgresql+psycopg://centre@127.0.0.1:{_closed_port()}/none",
        connect_args={"connect_timeout": 3},
    )
    for path in ("/api/cases", "/api/me/calendars"):
        answer = rina.get(path)
        assert answer.status_code == 503, (path, answer.text)
        assert answer.json()["error"] == "hosted.not_ready"
        assert answer.headers["retry-after"] == "30"
    page = rina.get("/")
    assert page.status_code == 503 and "belum siap" in page.text
    assert rina.get("/readyz").status_code == 503


def test_the_description_says_502_where_sopan_reaches_outside_and_503_everywhere() -> None:
    paths = document()["paths"]
    outside = {(op.method, op.path) for op in OPERATIONS if op.outside}
    assert ("post", "/api/me/calendars") in outside
    for path, item in paths.items():
        for method, described in item.items():
            answers = described["responses"]
            assert "503" in answers and "not ready" in answers["503"]["description"]
            assert ("502" in answers) == ((method, path) in outside)
            if "{" in path:
                assert "404" in answers
