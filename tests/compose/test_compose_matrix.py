"""Invariants over every case: required moves, clean text, length and time limits."""

from __future__ import annotations

import re
from functools import cache

import pytest

from sopan.compose import compose, voicemail_seconds
from sopan.compose.core import offers_cv
from sopan.model import CHANNELS, Draft

from .compose_cases import NOW, PROFILE, Case, all_cases, long_invitation, plan, situation

CASES = list(all_cases())

# What each channel must always say (DESIGN.md moves; R2.1, R2.2, R3, C1–C3).
REQUIRED = {
    "email": {"greeting", "thanks", "interview_ref", "decision", "reason", "future", "closing"},
    "letter": {"greeting", "thanks", "interview_ref", "decision", "reason", "future", "closing"},
    "call": {
        "greeting",
        "interview_ref",
        "decision",
        "reason",
        "thanks",
        "future",
        "linkedin",
        "closing",
    },
    "voicemail": {"greeting", "interview_ref", "apology", "decision", "closing"},
    "sms": {"greeting", "interview_ref", "decision", "closing"},
    "whatsapp": {"greeting", "interview_ref", "decision", "reason", "closing"},
    "linkedin": {"greeting", "decision", "linkedin", "closing"},
    "calendar": {"decision"},
}

# Words that show a move is really in the text, per language.
MARKERS = {
    "id": {
        "greeting": r"(^|: )(Yth\.|Halo|Selamat)",
        "thanks": r"[Tt]erima kasih|berterima kasih",
        "decision": r"tidak (akan )?melanjutkan|menolak|membatalkan|dijadwalkan ulang|"
        r"jadwal (wawancara yang )?baru|daring|online|tidak (akan )?menghadiri|dipindahkan|"
        r"berhalangan hadir|tidak dapat hadir|mengundurkan diri|tidak dapat mengikuti",
        "apology": r"[Mm]aaf",
        "linkedin": r"LinkedIn|terhubung",
        "closing": r"Hormat saya,|Salam|Terima kasih",
        "future": r"masa mendatang|tertarik|bersemangat|komunikasi|Semoga|mendoakan",
        "interview_ref": r"wawancara",
    },
    "en": {
        "greeting": r"(^|: )(Dear|Hello|Good)",
        "thanks": r"Thank|grateful",
        "decision": r"withdraw|not to continue|not be continuing|won.t be continuing|not continue|"
        r"cancel|new time|"
        r"moved|online|new interview time|unable to attend|cannot attend|won.t be attending|"
        r"can.t make",
        "apology": r"apologise|apologies|sorry",
        "linkedin": r"LinkedIn|connected",
        "closing": r"Yours sincerely|Yours faithfully|Kind regards|Best regards|Thank you|thanks",
        "future": r"future|interested|keen|in touch|success",
        "interview_ref": r"interview|role",
    },
}

FORBIDDEN = re.compile(r"None|\{|\}|\[|\]|  |!!|\s[,.;:]|\.\.|\(\s*\)|<|>|_{2,}|XX|TBD")
HEDGING = re.compile(r"\b(mungkin|barangkali|sepertinya|might|perhaps|maybe|not sure)\b", re.I)


@cache
def drafts_for(case: Case) -> tuple[Draft, ...]:
    return tuple(
        compose(
            case.plan,
            case.inv,
            case.sit,
            case.profile,
            now=NOW,
            channels=CHANNELS,
            variant=case.variant,
        )
    )


def test_the_matrix_is_the_whole_product() -> None:
    assert len(CASES) == 2 * 4 * 8 * 2 * 2 * 3 * 2
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_required_moves_by_record_and_by_marker(lang: str) -> None:
    for case in (c for c in CASES if c.plan.language == lang):
        for draft in drafts_for(case):
            required = set(REQUIRED[draft.channel])
            if draft.channel == "call" and (
                not case.inv.contact.name or case.plan.action != "decline"
            ):
                # a company line is not asked to connect, nor anyone on a call about a sick
                # day or a new time
                required.discard("linkedin")
            if draft.channel in ("email", "letter", "call") and case.plan.action != "decline":
                required.add("apology")
            if draft.channel in ("email", "letter", "call") and case.plan.action in (
                "reschedule",
                "online",
            ):
                required.add("alternatives")
            missing = required - set(draft.moves)
            assert not missing, f"{case.name} {draft.channel}: missing {missing}"
            for move in required & set(MARKERS[lang]):
                assert re.search(MARKERS[lang][move], draft.text, re.M), (
                    f"{case.name} {draft.channel}: no marker for {move}\n{draft.text}"
                )


def test_moves_appear_only_when_they_apply() -> None:
    for case in CASES:
        for draft in drafts_for(case):
            moves = set(draft.moves)
            if "strengths" in moves:
                assert case.sit.strengths
            if "contact" in moves:
                assert case.profile.email or case.profile.phone
                assert (
                    (case.profile.email or "") in draft.text
                    or (case.profile.phone or "") in draft.text
                    or draft.channel == "voicemail"
                )
            if "attachments" in moves:
                # R7.1, data/offers.yaml: the CV is offered only where it serves
                assert case.sit.attachments or offers_cv(case.plan.action, case.sit)
            if "linkedin" in moves and draft.channel == "email":
                assert case.profile.linkedin and case.profile.linkedin in draft.text
            if case.plan.action == "decline" and case.sit.interest != "yes":
                assert "alternatives" not in moves


def test_no_placeholder_none_or_sloppy_text_anywhere() -> None:
    for case in CASES:
        for draft in drafts_for(case):
            text = draft.text.replace(case.profile.linkedin or "\0", "link")
            bad = FORBIDDEN.search(text)
            assert bad is None, f"{case.name} {draft.channel}: {bad.group()!r}\n{draft.text}"
            assert HEDGING.search(draft.text) is None, f"{case.name} {draft.channel}"
            shouting = [w for w in re.findall(r"\b[A-Z]{4,}\b", draft.text) if w not in ("HRD",)]
            assert not shouting, f"{case.name} {draft.channel}: {shouting}"


def test_facts_of_the_invitation_are_used_and_never_invented() -> None:
    for case in CASES:
        email = next(d for d in drafts_for(case) if d.channel == "email")
        if case.inv.start is not None:
            date = "23 November 2026"
            assert date in email.text
            assert ("pukul 10.00 WIB" if case.plan.language == "id" else "10:00 (WIB, UTC+7)") in (
                email.text
            )
            assert case.inv.reference and case.inv.reference in email.text
        else:
            assert "2026" not in email.text.split("\n\n", 2)[1]
        if case.sit.reason == "accepted-offer":
            assert "Nusantara" not in (case.sit.new_employer or "")
        if case.sit.detail == "full" and case.sit.reason_text:
            assert case.sit.reason_text.rstrip(".") in email.text


def test_the_new_employer_is_named_only_when_given() -> None:
    from dataclasses import replace

    from .compose_cases import invitation

    sit = situation("en", "decline", "accepted-offer", detail="brief")
    inv = invitation("en")
    quiet = compose(plan("en", "decline"), inv, sit, PROFILE, now=NOW, channels=["email"])[0]
    named_sit = replace(sit, new_employer="Kopi Senja Group")
    named = compose(plan("en", "decline"), inv, named_sit, PROFILE, now=NOW, channels=["email"])[0]
    assert "Kopi Senja Group" not in quiet.text
    assert "accepted" in quiet.text
    assert "Kopi Senja Group" in named.text


@pytest.mark.parametrize("limit", [200, 300])
def test_linkedin_note_within_limit_signed_once_never_cut(limit: int) -> None:
    shapes = [(c.plan, c.inv, c.sit, c.profile, c.variant) for c in CASES[::7]]
    for lang in ("id", "en"):
        for action in ("decline", "cancel", "reschedule", "online"):
            shapes.append(
                (
                    plan(lang, action),
                    long_invitation(lang),
                    situation(lang, action, "personal"),
                    PROFILE,
                    0,
                )
            )
    for pl, inv, sit, profile, variant in shapes:
        note = compose(
            pl,
            inv,
            sit,
            profile,
            now=NOW,
            channels=["linkedin"],
            variant=variant,
            extended=limit == 300,
        )[0]
        assert len(note.text) <= limit
        # shortened by shorter wording, never cut: it ends with the name, written once
        assert note.text.endswith(profile.name) and note.text.count(profile.name) == 1, note.text
    for case in CASES:
        note = next(d for d in drafts_for(case) if d.channel == "linkedin")
        assert len(note.text) <= 200
        # names the company and the role when known, and thanks them (C3)
        assert (case.inv.company or "") in note.text, note.text
        assert (case.inv.position or "") in note.text, note.text
        assert "thanks" in note.moves


def test_voicemail_estimate_under_thirty_seconds_for_every_case() -> None:
    worst = 0.0
    for case in CASES:
        voicemail = next(d for d in drafts_for(case) if d.channel == "voicemail")
        worst = max(worst, voicemail_seconds(voicemail))
    for lang in ("id", "en"):
        for action in ("decline", "cancel", "reschedule", "online"):
            vm = compose(
                plan(lang, action),
                long_invitation(lang),
                situation(lang, action, "schedule-conflict"),
                PROFILE,
                now=NOW,
                channels=["voicemail"],
            )[0]
            worst = max(worst, voicemail_seconds(vm))
    assert 0 < worst < 30


def test_variant_changes_wording_deterministically() -> None:
    case = CASES[0]
    first = compose(case.plan, case.inv, case.sit, case.profile, now=NOW, channels=["email"])
    again = compose(case.plan, case.inv, case.sit, case.profile, now=NOW, channels=["email"])
    other = compose(
        case.plan, case.inv, case.sit, case.profile, now=NOW, channels=["email"], variant=1
    )
    assert first == again
    assert first[0].text != other[0].text
    assert first[0].moves == other[0].moves


def test_channels_default_to_the_plans_steps_and_unknown_channels_are_refused() -> None:
    from sopan.errors import UserError

    case = CASES[0]
    drafts = compose(case.plan, case.inv, case.sit, case.profile, now=NOW)
    assert [d.channel for d in drafts] == [s.channel for s in case.plan.steps]
    with pytest.raises(UserError, match=r"^channel: 'fax' is not one of call, "):
        compose(case.plan, case.inv, case.sit, case.profile, now=NOW, channels=["fax"])
