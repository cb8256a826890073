"""The video platform an online interview is held on is read as its link or its words name it
("melalui Zoom", "on Google Meet", "via MS Teams", a meet.google.com link) and the e-mail names
it ("… melalui Zoom pada Kamis …", "… via Google Meet on Thursday …"); none is named for an
interview on site, nor from a common word ("our teams")."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import Profile, Situation
from sopan.model.contracts import invitation_json
from sopan.plan import make_plan
from sopan.read import read_text

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("Kami mengundang Ibu untuk mengikuti microteaching calon guru secara daring melalui "
         "Zoom pada Kamis, 17 Desember 2026 pukul 09.00 WIB.\nMeeting ID: 812 3456 7890",
         "Zoom"),
        ("Dear Ms. Rahman,\n\nWe invite you to a teaching demo on Thursday, 17 December 2026 at "
         "9:30 AM SGT: https://meet.google.com/abc-defg-hij\n\nKind regards,\nDaniel Ong",
         "Google Meet"),
        ("Hi Aditya, your online interview for the Analyst role is on Tuesday, 15 December 2026 "
         "at 2:00 PM SGT via MS Teams. The link follows.", "Microsoft Teams"),
        ("Halo Kak, interview online posisi Admin hari Senin, 14 Desember 2026 jam 10.00 WIB "
         "lewat Google Meet ya. Link: meet.google.com/xyz-abcd-efg", "Google Meet"),
    ],
)  # fmt: skip
def test_the_platform_written_is_read_and_named(text: str, platform: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.mode == "online" and inv.platform == platform
    assert invitation_json(inv)["platform"] == platform
    fact = inv.fact("platform")
    assert fact is not None and fact.source == "text"
    sit = Situation(intent="decline", interest="no", reason="accepted-offer")
    for lang in ("id", "en"):
        profile = replace(PROFILE, language=lang)
        plan = make_plan(inv, sit, profile, now=NOW, lang=lang)
        (mail,) = compose(plan, inv, sit, profile, now=NOW, channels=("email",))
        assert f"{'melalui' if lang == 'id' else 'via'} {platform}" in mail.text


@pytest.mark.parametrize(
    "text",
    [
        # on site: a platform named for another time is none of this interview's
        "Interview at our office, 10 Anson Road, on Friday, 18 December 2026 at 10:00 AM SGT. "
        "Last time we spoke on Zoom.",
        # online, with only a common word
        "Your online interview with our teams is on Tuesday, 15 December 2026 at 2:00 PM SGT.",
    ],
)
def test_no_platform_is_made_of_what_names_none(text: str) -> None:
    assert read_text(text, now=NOW).platform is None
