"""Career watches in the hosted mode, on a real PostgreSQL and a real HTTPS job board on
loopback: each student's watches and postings are theirs (owner-scoped in the store's one
place, and by row-level security), a watch runs as a job of `sopan worker` (queued in the
watch's transaction, one lock per student and watch), and its source is fetched only from
where the server may read — never a file, never the centre's own network unless named."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from career.servers import greenhouse_jobs
from sqlalchemy import create_engine, text

from hosted.conftest import client_for, make_centre
from hosted.https import Served

JOBS = greenhouse_jobs(
    (101, "Data Analyst", "Jakarta", "<p>SQL, Python and Tableau.</p>"),
    (102, "Backend Engineer", "Bandung", "<p>Go and PostgreSQL.</p>"),
)
PATH = "/v1/boards/majujaya/jobs"


def _centre(cluster: Any, inside: list[str]) -> tuple[Any, dict[str, int]]:
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
                  "career_hosts": inside},
        "centre": {"name": "Pusat Karier Uji"},
    }  # fmt: skip
    return make_centre(cluster.database(), sections=sections)  # type: ignore[return-value]


def test_each_students_watches_run_as_jobs_and_stay_theirs(cluster: Any, https: Served) -> None:
    from sopan.hosted.jobs import Watch
    from sopan.store.career import CareerStore
    from sopan.store.scope import Scope

    https.routes[PATH] = (200, {"Content-Type": "application/json"}, json.dumps(JOBS).encode())
    centre, ids = _centre(cluster, ["localhost"])
    rina, budi = client_for(centre, "rina"), client_for(centre, "budi")
    source = f"https://localhost:{https.port}{PATH}"
    made = rina.post("/api/me/watches", json={"source": source, "keywords": ["data"]})
    assert made.status_code == 201, made.text
    again = rina.post("/api/me/watches", json={"source": source})
    assert again.status_code == 200 and again.json() == {"id": made.json()["id"], "new": False}
    # the same board watched by budi is his own watch, not hers
    his = budi.post("/api/me/watches", json={"source": source})
    assert his.status_code == 201 and his.json()["id"] != made.json()["id"]
    mine, theirs = made.json()["id"], his.json()["id"]
    with create_engine(centre.hosted.url).connect() as db:
        jobs = db.execute(text("SELECT task_name, lock, status FROM procrastinate_jobs "
                               "ORDER BY id")).all()  # fmt: skip
    assert [tuple(j) for j in jobs] == [
        ("sopan.watch", f"student:{ids['rina']}:watch:{mine}", "todo"),
        ("sopan.watch", f"student:{ids['budi']}:watch:{theirs}", "todo"),
    ]
    assert rina.post(f"/api/me/watches/{mine}/run").json() == {"queued": False}  # one waits
    assert budi.post(f"/api/me/watches/{mine}/run").status_code == 404
    # the job's work, as a worker runs it: her watch, her postings (her keyword)
    assert Watch(centre.hosted, ("localhost",))(mine) == "ran"
    assert [p["title"] for p in rina.get("/api/me/postings").json()] == ["Data Analyst"]
    assert budi.get("/api/me/postings").json() == []
    assert Watch(centre.hosted, ("localhost",))(theirs) == "ran"
    titles = sorted(p["title"] for p in budi.get("/api/me/postings").json())
    assert titles == ["Backend Engineer", "Data Analyst"]  # the same posting, each their own
    assert len(rina.get("/api/me/postings").json()) == 1
    assert [w["id"] for w in budi.get("/api/me/watches").json()] == [theirs]
    # the second wall: a student's scope reads none of the other's rows, even unfiltered
    with centre.hosted.engine.begin() as db:
        scope = text("SELECT set_config('sopan.account', :a, true), "
                     "set_config('sopan.role', 'student', true)")  # fmt: skip
        db.execute(scope, {"a": str(ids["rina"])})
        assert db.execute(text("SELECT count(*) FROM career_postings")).scalar() == 1
        assert db.execute(text("SELECT count(*) FROM career_watches")).scalar() == 1
    assert CareerStore(centre.hosted.store(Scope(ids["sari"], "counsellor"))).watches() == []
    # in her export; gone with her account, his left as they were
    archive = zipfile.ZipFile(io.BytesIO(rina.get("/api/me/export").content))
    tables = json.loads(archive.read("sopan.json"))["tables"]
    assert [w["id"] for w in tables["career_watches"]] == [mine]
    assert [p["title"] for p in tables["career_postings"]] == ["Data Analyst"]
    assert rina.delete("/api/me").status_code == 204
    with create_engine(centre.hosted.url).connect() as db:
        owners = db.execute(text("SELECT DISTINCT owner FROM career_postings")).scalars().all()
    assert owners == [ids["budi"]]


def test_a_watch_never_reads_a_file_nor_the_centres_network(cluster: Any, https: Served) -> None:
    from sopan.hosted.jobs import Watch

    https.routes[PATH] = (200, {"Content-Type": "application/json"}, json.dumps(JOBS).encode())
    centre, _ids = _centre(cluster, [])
    rina = client_for(centre, "rina")
    for path in ("/etc/passwd", "~/lowongan.xml", "lowongan.json"):
        refused = rina.post("/api/me/watches", json={"source": path})
        assert refused.status_code == 400, path
        assert refused.json()["error"] == "career.source_not_address"
    assert rina.get("/api/me/watches").json() == []
    # loopback is the centre's own machine: the watch is kept, its run reads nothing
    inside = f"https://127.0.0.1:{https.port}{PATH}"
    made = rina.post("/api/me/watches", json={"source": inside})
    assert made.status_code == 201
    assert Watch(centre.hosted, ())(made.json()["id"]) == "failed"
    assert https.hits == [] and rina.get("/api/me/postings").json() == []
