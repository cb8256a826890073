"""The career centre's cancellation policy: the cut-off in hours or in working days (weekends
and Indonesian public holidays and joint leave days not counted); inside it, the plan gets the
extra step and the drafts a letter of apology to the employer, the career office in copy,
kept under the case with its PDF; outside it, neither."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from typing import Any

import pytest
from conftest import EXAMPLES

from hosted.conftest import client_for, make_centre
from sopan.config.hosted import Cutoff, cutoff_of
from sopan.errors import UserError
from sopan.hosted.policy import inside

INVITATION = (EXAMPLES / "undangan_wawancara_id.eml").read_text("utf-8")
CHOICES = {"intent": "cancel", "reason": "accepted-offer", "interest": "no", "confirmed": True}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text + "+07:00")


@pytest.mark.parametrize(
    ("now", "start", "cutoff", "expected"),
    [
        # Wednesday to the Tuesday after Christmas: 24 and 25 December are off, so two
        # working days (28, 29) are left, not four
        ("2026-12-23T09:00", "2026-12-29T10:00", Cutoff(2, "working_days"), True),
        ("2026-12-02T09:00", "2026-12-08T10:00", Cutoff(2, "working_days"), False),
        # Friday to Monday: one working day
        ("2026-11-20T09:00", "2026-11-23T10:00", Cutoff(1, "working_days"), True),
        ("2026-11-20T09:00", "2026-11-24T10:00", Cutoff(1, "working_days"), False),
        ("2026-11-20T09:00", "2026-11-21T08:59", Cutoff(24, "hours"), True),
        ("2026-11-20T09:00", "2026-11-21T09:00", Cutoff(24, "hours"), False),
        # an interview already begun is past any policy
        ("2026-11-23T11:00", "2026-11-23T10:00", Cutoff(2, "working_days"), False),
    ],
)
def test_the_cut_off_counts_hours_or_working_days(
    now: str, start: str, cutoff: Cutoff, expected: bool
) -> None:
    assert inside(_at(start), _at(now), cutoff) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("48 hours", Cutoff(48, "hours")), ("48 jam", Cutoff(48, "hours")),
     ("2 working days", Cutoff(2, "working_days")), ("2 hari kerja", Cutoff(2, "working_days")),
     ("1 working day", Cutoff(1, "working_days"))],
)  # fmt: skip
def test_a_cut_off_is_read_in_both_languages(text: str, expected: Cutoff) -> None:
    assert cutoff_of(text) == expected


@pytest.mark.parametrize("text", ["0 hours", "two days", "48", "2 weeks", ""])
def test_a_cut_off_that_means_nothing_is_refused_naming_the_key(text: str) -> None:
    with pytest.raises(UserError) as caught:
        cutoff_of(text)
    assert caught.value.field == "config.centre.cancellation_cutoff"


def test_inside_the_cut_off_the_plan_and_the_drafts_carry_the_policy(cluster: Any) -> None:
    # the interview is on Monday 23 November at 10.00; it is Friday the 20th at 09.00
    centre, _ids = make_centre(cluster.database())
    rina = client_for(centre, "rina")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    plan = rina.post(f"/api/cases/{case}/plan", json=CHOICES).json()
    assert plan["centre_policy"]["inside"] is True
    assert plan["centre_policy"]["step"] == (
        "Kirim juga surat permohonan maaf kepada perusahaan, dengan tembusan ke Pusat Karier "
        "Uji: pembatalan ini berada dalam batas waktu kebijakan pusat karier (2 hari kerja)."
    )
    drafted = rina.post(f"/api/cases/{case}/drafts", json=CHOICES)
    assert drafted.status_code == 201, drafted.text
    apology = drafted.json()["apology"]
    assert apology["to"] == "rekrutmen@nusantaradata.example"
    assert apology["cc"] == "karier@kampus.ac.id"
    text = apology["text"]
    blocks = text.split("\n\n")
    # the centre's name heads the page as its letterhead (tests/hosted/test_letterhead.py),
    # not as a line of the letter's text
    assert blocks[0] == "20 November 2026"
    assert blocks[1] == "Hal: Permohonan maaf atas pembatalan wawancara"
    assert blocks[2] == "Yth. Ibu Dewi Lestari\nPT Nusantara Data Teknologi"  # guessed from Dewi
    assert (
        "wawancara untuk posisi Data Analyst di PT Nusantara Data Teknologi yang "
        "dijadwalkan pada Senin, 23 November 2026 pukul 10.00 WIB." in text
    )
    assert "Terima kasih atas kesempatan dan waktu yang telah Ibu berikan." in text
    assert blocks[-1] == "Tembusan: Pusat Karier Uji, karier@kampus.ac.id"
    assert "{" not in text and "}" not in text
    kept = rina.get(f"/api/cases/{case}").json()
    subject = "Permohonan maaf atas pembatalan wawancara"
    assert [d["text"] for d in kept["drafts"] if d["subject"] == subject] == [text]
    # its PDF is kept with it, and goes into the student's export
    with zipfile.ZipFile(io.BytesIO(rina.get("/api/me/export").content)) as archive:
        document = json.loads(archive.read("sopan.json"))
        row = next(d for d in document["tables"]["drafts"] if d["subject"] == subject)
        assert row["file_name"] == "permohonan-maaf.pdf"
        pdf = archive.read(f"files/drafts/{row['id']}-file")
    assert pdf.startswith(b"%PDF")
    # the policy shows on the case's page; a counsellor it is shared with marks it as seen
    assert "Kebijakan pembatalan pusat karier" in rina.get(f"/cases/{case}").text
    assert rina.post("/api/me/consent", json={"purpose": "counselling"}).status_code == 200
    assert rina.post(f"/api/cases/{case}/share", json={"counsellor": "sari"}).status_code == 200
    sari = client_for(centre, "sari")
    shown = sari.get(f"/cases/{case}").text
    assert 'name="kind" value="seen"' in shown and subject in shown
    seen = sari.post(f"/cases/{case}/remark",
                     data={"csrf": sari.headers["X-CSRF-Token"], "kind": "seen"})  # fmt: skip
    assert seen.status_code == 303
    assert [r["kind"] for r in rina.get(f"/api/cases/{case}").json()["remarks"]] == ["seen"]
    assert "Sudah dilihat" in rina.get(f"/cases/{case}").text
    audit = client_for(centre, "tono").get("/api/audit").json()
    assert ("seen", f"case:{case}") in [(e["action"], e["target"]) for e in audit]


def test_outside_the_cut_off_there_is_no_extra_step_and_no_letter(cluster: Any) -> None:
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False},
        "centre": {"name": "Pusat Karier Uji", "cancellation_cutoff": "24 hours"},
    }
    centre, _ids = make_centre(cluster.database(), sections=sections)
    rina = client_for(centre, "rina")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    plan = rina.post(f"/api/cases/{case}/plan", json=CHOICES).json()
    assert plan["centre_policy"] == {"inside": False, "step": None}
    drafted = rina.post(f"/api/cases/{case}/drafts", json=CHOICES).json()
    assert drafted["apology"] is None
    # asking for another time is no cancellation: no letter even inside the cut-off
    centre, _ids = make_centre(cluster.database())
    rina = client_for(centre, "rina")
    case = rina.post("/api/cases", json={"text": INVITATION}).json()["id"]
    moved = {**CHOICES, "intent": "reschedule", "interest": "yes", "reason": "schedule-conflict"}
    assert rina.post(f"/api/cases/{case}/drafts", json=moved).json()["apology"] is None


def test_an_english_invitation_gets_the_letter_in_english(cluster: Any) -> None:
    sections = {
        "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False},
        "centre": {"name": "Career Centre", "address": "Jl. Ganesha 10, Bandung",
                   "email": "careers@kampus.ac.id", "cancellation_cutoff": "7 working days"},
    }  # fmt: skip
    centre, _ids = make_centre(cluster.database(), sections=sections)
    rina = client_for(centre, "rina")
    text = (EXAMPLES / "interview_invitation_en.eml").read_text("utf-8")
    case = rina.post("/api/cases", json={"text": text}).json()["id"]
    drafted = rina.post(f"/api/cases/{case}/drafts", json=CHOICES).json()
    letter = drafted["apology"]["text"]
    blocks = letter.split("\n\n")
    assert blocks[1] == "Subject: Apology for cancelling the interview"
    assert blocks[2] == "Dear Sarah,"  # the invitation is on first-name terms ("Hi Rina,")
    assert "Career Centre" not in blocks[0]  # the letterhead heads the page, not the text
    assert (
        "the interview for the Product Designer position at BrightPath Labs scheduled "
        "for Monday, 30 November 2026" in letter
    )
    assert blocks[-1] == "cc: Career Centre, careers@kampus.ac.id"
    assert "Hal:" not in letter and "Yth." not in letter
