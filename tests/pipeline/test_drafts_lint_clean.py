"""Every composed draft, in every language × action × reason × channel, lints clean."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.lint import LintOptions, lint_text
from sopan.model import REASONS, Contact, Invitation, Profile, Situation, Slot
from sopan.plan import make_plan

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=JKT)
START = datetime(2026, 11, 23, 10, 0, tzinfo=JKT)
PROFILE = Profile(
    name="Rina Kartika Sari",
    email="rina.kartika@example.com",
    phone="+62 812-3456-7890",
    linkedin="https://www.linkedin.com/in/rina-kartika-sari",
    city="Bandung",
)


def _invitation(lang: str, *, calendar: bool) -> Invitation:
    return Invitation(
        language=lang,  # type: ignore[arg-type]
        source="ics" if calendar else "email",
        company="PT Nusantara Data Teknologi",
        position="Data Analyst",
        start=START,
        end=START + timedelta(minutes=90),
        timezone="Asia/Jakarta",
        mode="onsite",
        location="Jl. Jend. Sudirman Kav. 52, Jakarta Selatan",
        contact=Contact("Dewi Lestari", "rekrutmen@nusantaradata.example", "+62 21 5551234"),
        reference="045/HRD-REK/XI/2026",
        message_id="<20261118091200.4821@nusantaradata.example>",
        subject="Undangan Interview - Data Analyst",
        reply_to="rekrutmen@nusantaradata.example",
        uid="a1b2c3@nusantaradata.example" if calendar else None,
        organizer="mailto:rekrutmen@nusantaradata.example" if calendar else None,
        city="Jakarta",
    )


CASES = list(
    itertools.product(
        ("id", "en"),
        ("decline", "cancel", "reschedule", "online"),
        REASONS,
        (False, True),
    )
)


@pytest.mark.parametrize(("lang", "intent", "reason", "confirmed"), CASES)
def test_every_draft_lints_without_error(
    lang: str, intent: str, reason: str, confirmed: bool
) -> None:
    inv = _invitation(lang, calendar=confirmed)
    alternative = Slot(START + timedelta(days=2), START + timedelta(days=2, minutes=90))
    sit = Situation(
        intent=intent,  # type: ignore[arg-type]
        reason=reason,
        interest="no" if intent in ("decline", "cancel") else "yes",
        confirmed=confirmed,
        detail="full" if confirmed else "brief",
        reason_text="ada presentasi penting di kantor" if lang == "id" else "a board presentation",
        alternatives=(alternative,) if intent == "reschedule" else (),
    )
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    channels = ["email", "letter", "call", "voicemail", "sms", "whatsapp", "linkedin"]
    drafts = compose(plan, inv, sit, PROFILE, now=NOW, channels=channels)
    assert {d.channel for d in drafts} == set(channels)
    for draft in drafts:
        report = lint_text(
            draft.text,
            LintOptions(
                language=lang,
                action=plan.action,
                channel=draft.channel,
                invitation=inv,
                profile=PROFILE,
                detail=sit.detail,
            ),
        )
        errors = [f for f in report.findings if f.level == "error"]
        assert not errors, (draft.channel, [(f.rule, draft.text[f.start : f.end]) for f in errors])


ZONES = [
    "Australia/Sydney", "Asia/Singapore", "America/New_York", "Asia/Kolkata", "Europe/London",
    "Asia/Manila", "Asia/Bangkok", "Asia/Dubai",
]  # fmt: skip


@pytest.mark.parametrize("tz", ZONES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_zone_a_draft_names_is_no_finding(tz: str, lang: str) -> None:
    zone = ZoneInfo(tz)
    start = START.replace(tzinfo=zone)
    inv = replace(_invitation(lang, calendar=False), start=start, end=start + timedelta(hours=1))
    inv = replace(inv, timezone=tz)
    sit = Situation(
        intent="reschedule", reason="schedule-conflict", interest="yes", confirmed=False,
        alternatives=(Slot(start + timedelta(days=2), start + timedelta(days=2, hours=1)),),
    )  # fmt: skip
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    for draft in compose(plan, inv, sit, PROFILE, now=NOW, channels=["email", "whatsapp"]):
        options = LintOptions(
            language=lang, action=plan.action, channel=draft.channel, invitation=inv,
            profile=PROFILE, detail=sit.detail,
        )  # fmt: skip
        report = lint_text(draft.text, options)
        found = [(f.rule, draft.text[f.start : f.end]) for f in report.findings]
        assert found == [], (tz, draft.channel, found)
