"""Property test over the whole flag matrix: intent × reason × interest × confirmed ×
channel × language × detail, with and without a calendar, for an onsite and an online
interview. Whatever is chosen, sopan either refuses with one line (a contradiction, an
'other' reason without words) or writes drafts that invent nothing and contradict nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopan import app
from sopan.compose.bank import _bank
from sopan.errors import UserError
from sopan.model import CHANNELS, INTENTS, REASONS

from .cases import EN_EMAIL, ID_EMAIL, NOW, WEEKLY, config

REGISTERS = {"id": ("formal", "semiformal", "spoken"), "en": ("formal", "friendly", "spoken")}
INVITATIONS = {"onsite": ID_EMAIL, "online": EN_EMAIL}
INTERVIEW_DAY = {"onsite": date(2026, 11, 23), "online": date(2026, 11, 30)}
STILL_INTERESTED = (
    "remain very interested",
    "still very keen",
    "remain interested",
    "tetap sangat tertarik",
    "tetap bersemangat",
    "tetap tertarik",
)


def _walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, str(key)))
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, path)
    elif isinstance(node, str):
        yield path, node


def _stems(language: str, keep: Any) -> set[str]:
    """The longest fixed words of every phrase whose bank path `keep` accepts, when no other
    phrase shares them (so finding one in a draft means that phrase was used)."""
    kept: set[str] = set()
    others: set[str] = set()
    for register in REGISTERS[language]:
        for path, text in _walk(dict(_bank(language, register))):
            (kept if keep(path) else others).add(text)
    # the longest run of fixed words (a phrase may open with a slot: "I am based {home} …")
    stems = {max(re.split(r"\{[^}]*\}", text), key=len).strip() for text in kept}
    return {s for s in stems if len(s) >= 18 and not any(s in other for other in others)}


def _reason_stems(language: str, reason: str) -> set[str]:
    return _stems(language, lambda p: len(p) > 1 and p[0] == "reason" and p[1] == reason)


def _online_stems(language: str) -> set[str]:
    return _stems(
        language,
        lambda p: (
            (p[0].startswith("decision") and "online" in p)
            or p[:3] == ("alternatives", "none", "default")
        ),
    ) | _reason_stems(language, "too-far")


@settings(
    max_examples=160,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    intent=st.sampled_from((None, *INTENTS)),
    reason=st.sampled_from((None, *REASONS)),
    interest=st.sampled_from((None, "yes", "no", "unsure")),
    confirmed=st.sampled_from((None, True, False)),
    channel=st.sampled_from(("all", *CHANNELS)),
    language=st.sampled_from(("id", "en")),
    detail=st.sampled_from((None, "brief", "full")),
    words=st.sampled_from((None, "Saya melanjutkan studi ke luar negeri")),
    calendar=st.booleans(),
    mode=st.sampled_from(("onsite", "online")),
)
def test_no_draft_invents_or_contradicts(
    intent: str | None,
    reason: str | None,
    interest: str | None,
    confirmed: bool | None,
    channel: str,
    language: str,
    detail: str | None,
    words: str | None,
    calendar: bool,
    mode: str,
) -> None:
    choices = app.Choices(intent, reason, interest, confirmed, detail, words)
    read = app.ReadRequest(
        str(INVITATIONS[mode]), now=NOW, config=config(*((WEEKLY,) if calendar else ()))
    )
    request = app.DraftRequest(app.PlanRequest(read, choices), (channel,), language=language)
    try:
        done = app.draft_for(request)
    except UserError as exc:
        message = exc.text("id")
        assert "\n" not in message and "--" not in message
        assert exc.code in ("coherence.contradiction", "reason.other_needs_words"), message
        return
    sit, plan = done.planned.situation, done.planned.plan
    assert sit.intent == intent or intent is None  # an explicit intent is never replaced
    texts = [d.text for d in done.drafts]
    for text in texts:
        if sit.reason == "accepted-offer":
            assert not any(m in text for m in STILL_INTERESTED), text
        for other in REASONS:
            if other != sit.reason:
                hits = [s for s in _reason_stems(language, other) if s in text]
                assert hits == [], (other, hits)
        if mode == "online":
            hits = [s for s in _online_stems(language) if s in text]
            assert hits == [], hits
    if plan.action == "online":
        assert mode == "onsite"
    for slot in sit.alternatives:
        assert calendar and slot in done.planned.proposed  # only from the user's calendar
        assert slot.start.date() > INTERVIEW_DAY[mode]
        assert not any(b.start < slot.end and b.end > slot.start for b in done.planned.busy)


def test_the_markers_can_find_what_they_look_for() -> None:
    """The property above would pass vacuously if its phrase stems were empty."""
    for language in ("id", "en"):
        assert len(_online_stems(language)) >= 3
        assert all(len(_reason_stems(language, r)) >= 1 for r in REASONS if r != "other")
    done = app.draft_for(
        app.DraftRequest(
            app.PlanRequest(
                app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
                app.Choices("online", "too-far", "yes", False),
            ),
            ("email",),
        )
    )
    text = done.drafts[0].text
    assert any(s in text for s in _online_stems("id"))
    assert any(s in text for s in _reason_stems("id", "too-far"))
