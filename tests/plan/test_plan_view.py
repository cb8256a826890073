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


#: invitations that write no zone, and where the guess comes from: the place the interview is
#: held (its own zone), or, with no place sopan knows, the person's own zone
_GUESSED = (
    ("id", "Undangan interview Staf Gudang, Senin 7 Juni 2027 pukul 09.00 di kantor kami, "
           "Jl. Perintis Kemerdekaan 12, Makassar.\nHRD PT Sulawesi Niaga", "WITA",
     "tempat wawancaranya, Makassar"),
    ("id", "Halo kak, interview barista hari Senin 7 Juni 2027 jam 14.00 ya. Konfirmasi ke "
           "nomor ini.\nKopi Senja", "WIB", "zona Anda sendiri"),
    ("en", "Hi Budi,\nCould you join us for a video interview for the Data Analyst role on "
           "Thursday, June 10, 2027 at 11:00 AM?\nMaria Lopez\nNorthbeam Analytics", "WIB",
     "your own zone"),
    # a city abroad named as the invitation names it, not as sopan's list does ("Singapore")
    ("id", "Undangan interview Staf Gudang\nHari: Senin, 7 Juni 2027\nPukul: 09.00\n"
           "Lokasi: 1 Raffles Place, Singapura\n\nHRD PT Selat Niaga", "SGT",
     "tempat wawancaranya, Singapura"),
    ("en", "Dear Budi,\nWe invite you to an interview on Thursday, June 10, 2027 at 10:00 at our "
           "office in Surabaya.\nBest regards,\nHR, Java Foods", "WIB",
     "where it takes place, Surabaya"),
)  # fmt: skip


def test_a_zone_the_invitation_did_not_write_is_shown_as_a_guess_with_its_source_and_fix() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sopan.read import read_text

    now = datetime(2027, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    for lang, text, zone, origin in _GUESSED:
        inv = read_text(text, now=now)
        assert "timezone" in inv.missing, text
        plan = make_plan(inv, Situation(interest="no"), BASE_PROFILE, now=now, lang=lang)
        head = render_plan(plan, inv).split("\n\n", 1)[0].replace("\n           ", " ")
        guessed = "zona ditebak dari" if lang == "id" else "zone guessed from"
        fix = "--set timezone=ZONA" if lang == "id" else "--set timezone=ZONE"
        assert f" {zone} ({guessed} {origin}; " in head and fix in head, head
        assert "UTC+" not in head
    # a zone the invitation wrote is no guess
    inv = read_text(_GUESSED[0][1].replace("09.00", "09.00 WITA"), now=now)
    plan = make_plan(inv, Situation(interest="no"), BASE_PROFILE, now=now, lang="id")
    head = render_plan(plan, inv).split("\n\n", 1)[0]
    assert "2027-06-07 09:00 WITA\n" in head and "ditebak" not in head


def test_the_checklist_never_repeats_a_step_and_fits_the_persons_situation() -> None:
    from dataclasses import replace

    from sopan.model import Contact

    cases = [
        BASE_INV,
        replace(BASE_INV, contact=Contact(name="Dewi", phone="0812-7788-9900"), language="id"),
        replace(BASE_INV, contact=Contact(), source="text"),
    ]
    for inv in cases:
        for interest in ("yes", "no", "unsure"):
            for intent in ("cancel", "decline", "reschedule"):
                sit = Situation(intent=intent, interest=interest, reason="health")  # type: ignore[arg-type]
                plan = make_plan(inv, sit, BASE_PROFILE, now=START - timedelta(days=3), lang="id")
                lines = {n.guideline for n in plan.checklist}
                linkedin_step = any(s.channel == "linkedin" for s in plan.steps)
                assert ("C3" in lines) != linkedin_step  # said once: a step, or a line
                hoping = interest == "yes" or intent == "reschedule"
                # R10 ("not the end of your search") only once this candidacy is over
                assert any(g.startswith("R10") for g in lines) == (not hoping), (intent, interest)
                text = render_plan(plan, inv)
                assert ("Perjalanan:" in text) == (
                    intent == "reschedule" and plan.travel_minutes is not None
                )
                for step in plan.steps:
                    if "email" not in [s.channel for s in plan.steps]:
                        assert "email" not in step.why
