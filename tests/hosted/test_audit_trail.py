"""The audit log through the app, on a real PostgreSQL: each action on a student's data by
the student or by someone else leaves its entry (who, in which role, whose data, what, on
which case), the auditor reads all of them, a student only those about their own data, and
nobody else any."""

from __future__ import annotations

from typing import Any

from conftest import EXAMPLES

from hosted.conftest import client_for, make_centre

INVITATION = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")


def _actions(entries: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(e["action"], e["target"]) for e in reversed(entries)]


def test_every_action_on_a_students_data_is_in_the_audit_log(cluster: Any) -> None:
    centre, ids = make_centre(cluster.database())
    rina, budi, sari = (client_for(centre, n) for n in ("rina", "budi", "sari"))
    tono, adi = client_for(centre, "tono"), client_for(centre, "adi")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    other = budi.post("/api/cases", json={"text": INVITATION}).json()["id"]
    assert rina.post("/api/me/consent", json={"purpose": "counselling"}).status_code == 200
    assert rina.post(f"/api/cases/{case}/share", json={"counsellor": "sari"}).status_code == 200
    assert sari.get(f"/api/cases/{case}").status_code == 200  # a read by someone else
    assert rina.get(f"/api/cases/{case}").status_code == 200  # her own read: no entry
    assert rina.get("/api/me/export").status_code == 200
    assert rina.request("DELETE", "/api/me/consent", json={"purpose": "counselling"}).json()
    assert rina.delete(f"/api/cases/{case}").status_code == 204
    expected = [
        ("consent", "counselling"), ("share", f"case:{case}"), ("read", f"case:{case}"),
        ("export", "export"), ("withdraw", "counselling"), ("delete", f"case:{case}"),
    ]  # fmt: skip
    everything = tono.get("/api/audit").json()
    assert _actions(everything) == expected
    by_sari = next(e for e in everything if e["action"] == "read")
    assert (by_sari["actor"], by_sari["role"], by_sari["subject"]) == (
        ids["sari"], "counsellor", ids["rina"])  # fmt: skip
    assert all(e["subject"] == ids["rina"] for e in everything)
    # the student sees her own trail; the other student, the counsellor, the admin: none of it
    assert _actions(rina.get("/api/audit").json()) == expected
    assert budi.get("/api/audit").json() == []
    assert sari.get("/api/audit").status_code == 403
    assert adi.get("/api/audit").status_code == 403
    # erasure is audited too, and the entry outlives the account
    assert budi.delete("/api/me").status_code == 204
    assert ("erase", f"account:{ids['budi']}") in _actions(tono.get("/api/audit").json())
    assert rina.get(f"/api/cases/{other}").status_code == 404


def test_erasure_asks_for_the_word_and_keeps_what_was_typed(cluster: Any) -> None:
    centre, _ids = make_centre(cluster.database())
    rina = client_for(centre, "rina")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    form = {"csrf": rina.headers["X-CSRF-Token"], "confirm": "hapuss"}
    refused = rina.post("/privacy/erase", data=form)
    assert refused.status_code == 400
    assert "ketik HAPUS untuk menghapus akun dan semua data Anda" in refused.text
    assert 'value="hapuss"' in refused.text and 'href="#confirm"' in refused.text
    assert rina.get(f"/api/cases/{case}").status_code == 200  # nothing erased
    done = rina.post("/privacy/erase", data={**form, "confirm": "hapus"})
    assert done.status_code == 303 and done.headers["location"] == "/login"
    assert rina.get("/api/cases").status_code == 401
    assert client_for(centre, "tono").get("/api/audit").json()[0]["action"] == "erase"
