"""A reply format the invitation asks for ("Balas dengan format IYA_Nama / TIDAK_Nama", "Reply
YES or NO") answers only yes or no: a decline or a cancellation is written in it, first; a
request for another time or for an online interview is written without it (its "TIDAK_…"
would read as a withdrawal), and the plan says why (R2.1)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

ASKED = {
    "id_iya_tidak_nama": (
        "Selamat siang, kami dari PT Sinar Jaya mengundang Anda interview posisi Kasir pada "
        "Kamis, 10 Desember 2026 pukul 10.00 WIB di Jl. Riau 3 Bandung. Mohon konfirmasi "
        "kehadiran dengan format IYA_NAMA atau TIDAK_NAMA ke nomor 0812 3456 7890.",
        "TIDAK_Rina Kartika Sari",
    ),
    "id_hadir_tidak_hadir": (
        "Halo kak, interview barista di Kopi Senja hari Jumat, 11 Desember 2026 jam 13.00 di "
        "outlet Jl. Braga 5 Bandung. Balas dengan format HADIR/TIDAK HADIR_NAMA ya kak. "
        "Admin: 0857 1234 5678",
        None,
    ),
    "en_yes_no": (
        "Hi Rina, this is Maple Stores. Your interview for Store Assistant is on Thursday, "
        "10 December 2026 at 3 pm at our Braga branch, Bandung. Reply YES to confirm or NO to "
        "decline. Text us on +62 812 9876 5432.",
        "NO",
    ),
}


def _first_lines(inv, sit, lang):  # type: ignore[no-untyped-def]
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    drafts = compose(plan, inv, sit, PROFILE, now=NOW, channels=["whatsapp", "sms"])
    return plan, drafts


@pytest.mark.parametrize("name", sorted(ASKED))
def test_a_decline_or_a_cancellation_is_written_in_the_format(name: str) -> None:
    text, line = ASKED[name]
    inv = read_text(text, now=NOW)
    for sit in (
        Situation(intent="decline", interest="no", reason="accepted-offer"),
        Situation(intent="cancel", interest="no", confirmed=True, reason="health"),
    ):
        plan, drafts = _first_lines(inv, sit, "id")
        notes = " ".join(n.text for n in plan.warnings)
        assert "format" not in notes
        for d in drafts:
            first = d.text.split("\n", 1)[0]
            assert first.startswith(line or "TIDAK"), d.text


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", sorted(ASKED))
def test_a_reschedule_or_online_request_is_written_without_it(name: str, lang: str) -> None:
    text, _ = ASKED[name]
    inv = read_text(text, now=NOW)
    for sit in (
        Situation(intent="reschedule", interest="yes", reason="schedule-conflict"),
        Situation(intent="online", interest="yes", reason="too-far"),
    ):
        plan, drafts = _first_lines(inv, sit, lang)
        assert any(n.guideline == "R2.1" and "format" in n.text for n in plan.warnings)
        for d in drafts:
            assert "TIDAK" not in d.text and "NO\n" not in d.text and not d.text.startswith("NO")
