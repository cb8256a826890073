"""The human view of a plan: ordered steps, time left, warnings and checklist with ids."""

from __future__ import annotations

from datetime import timedelta

from sopan.cli.plan_view import render_plan
from sopan.model import Busy, Situation
from sopan.plan import make_plan

from .test_plan_table import BASE_INV, BASE_PROFILE, START


def test_view_in_english() -> None:
    clash = Busy(START, START + timedelta(minutes=30), "Client demo")
    sit = Situation(intent="cancel", interest="no", confirmed=True)
    plan = make_plan(
        BASE_INV, sit, BASE_PROFILE, now=START - timedelta(hours=5), busy=[clash], lang="en"
    )
    text = render_plan(plan, BASE_INV)
    lines = text.splitlines()
    assert lines[0] == "Plan: cancel"
    assert "Time left: 5 h (late)" in text
    assert "  1. phone call: Phone Ibu Sari (+62 22 555 0101) first" in text
    assert text.index("  1. phone call") < text.index("  2. voicemail") < text.index("  3. email")
    assert "Client demo [R1.1]" in text
    assert "Warnings:" in text and "[R2]" in text
    assert "After sending:" in text and "[R8.1]" in text


def test_view_in_indonesian_without_date() -> None:
    inv = BASE_INV.__class__(language="id", source="text")
    plan = make_plan(inv, Situation(interest="no"), BASE_PROFILE, now=START, lang="id")
    text = render_plan(plan, inv)
    assert text.startswith("Rencana: menolak")
    assert "Wawancara: tanggal tidak diketahui" in text
    assert "Sisa waktu: tidak diketahui" in text
    assert "1. WhatsApp:" in text


def test_the_plan_writes_the_zone_as_the_invitation_wrote_it() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sopan.read import read_text

    now = datetime(2027, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    for written, name in (("EST", "EST"), ("ET", "ET"), ("WIB", "WIB")):
        inv = read_text(
            f"Hi Budi,\nCould you join us for a video interview for the Data Analyst role on "
            f"Thursday, June 10, 2027 at 11:00 AM {written}?\nMaria Lopez\nNorthbeam Analytics\n",
            now=now,
        )
        plan = make_plan(inv, Situation(interest="no"), BASE_PROFILE, now=now, lang="en")
        assert f"Interview: 2027-06-10 11:00 {name}" in render_plan(plan, inv)
