"""Invitations, profiles and situations for the compose tests, built directly as values."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sopan.model import (
    INTENTS,
    REASONS,
    Contact,
    Invitation,
    Plan,
    Profile,
    Situation,
    Slot,
    Step,
    Urgency,
)

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=JKT)
LANGS = ("id", "en")

PROFILE = Profile(
    name="Andi Pratama",
    email="andi.pratama@example.com",
    phone="+62 812-3456-7890",
    linkedin="https://www.linkedin.com/in/andi-pratama-example",
    city="Bandung",
)
BARE_PROFILE = Profile(name="Andi Pratama")


def invitation(language: str = "id") -> Invitation:
    """A complete emailed and calendar invitation: date, reference, named contact, UID."""
    return Invitation(
        language=language,  # type: ignore[arg-type]
        source="email",
        company="PT Sinar Nusantara Teknologi",
        position="Analis Data",
        start=datetime(2026, 11, 23, 10, 0, tzinfo=JKT),
        end=datetime(2026, 11, 23, 11, 0, tzinfo=JKT),
        timezone="Asia/Jakarta",
        mode="onsite",
        location="Jl. Gatot Subroto No. 12, Jakarta",
        contact=Contact("Rina Wijaya", "rina.wijaya@sinar-nusantara.example", "0812-1111-2222"),
        reference="SNT/HR/2026/114",
        message_id="<undangan-114@sinar-nusantara.example>",
        references=("<lowongan-9@sinar-nusantara.example>",),
        subject="Undangan Wawancara – Analis Data",
        reply_to="Rekrutmen SNT <rekrutmen@sinar-nusantara.example>",
        uid="snt-114-wawancara@sinar-nusantara.example",
        sequence=1,
        organizer="mailto:rekrutmen@sinar-nusantara.example",
    )


def sparse_invitation(language: str = "id") -> Invitation:
    """An invitation that leaves almost everything out: no date, contact, company, reference."""
    return Invitation(
        language=language,  # type: ignore[arg-type]
        source="text",
        missing=("company", "position", "start", "contact", "reference"),
    )


REASON_TEXT = {
    "id": "presentasi penting untuk klien di kantor saya saat ini",
    "en": "an important client presentation at my current job",
}
OTHER_TEXT = {
    "id": "Saya memutuskan untuk melanjutkan studi magister tahun depan",
    "en": "I have decided to start a master's degree next year",
}


def situation(
    language: str,
    action: str,
    reason: str,
    *,
    detail: str = "full",
    interest: str | None = None,
    slots: bool = True,
) -> Situation:
    """A situation for one case; reschedule/online carry one slot and one free-text time."""
    text = OTHER_TEXT[language] if reason == "other" else REASON_TEXT[language]
    if interest is None:
        interest = "yes" if action in ("reschedule", "online") else "unsure"
        if reason == "accepted-offer":
            interest = "no"
    alternatives = (
        (
            Slot(
                datetime(2026, 11, 25, 14, 0, tzinfo=JKT), datetime(2026, 11, 25, 15, 0, tzinfo=JKT)
            ),
        )
        if slots and action == "reschedule"
        else ()
    )
    return Situation(
        intent=action,  # type: ignore[arg-type]
        reason=reason,
        interest=interest,  # type: ignore[arg-type]
        detail=detail,  # type: ignore[arg-type]
        reason_text=text if (detail == "full" or reason == "other") else None,
        strengths=("budaya kerja yang terbuka",) if language == "id" else ("the open culture",),
        alternatives=alternatives,
        alternatives_text=(("Kamis pagi",) if language == "id" else ("Thursday morning",))
        if slots and action == "reschedule"
        else (),
    )


def plan(language: str, action: str) -> Plan:
    """A plan as the planner would make it; compose only reads action, language and steps."""
    return Plan(
        action=action,  # type: ignore[arg-type]
        urgency=Urgency(72.5, "ok"),
        steps=(Step("email", "reply in the same thread", "R2.1"),),
        language=language,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Case:
    """One composition input."""

    name: str
    plan: Plan
    inv: Invitation
    sit: Situation
    profile: Profile
    variant: int


def all_cases() -> Iterator[Case]:
    """Every language × action × reason × invitation shape × detail × interest × variant."""
    shapes = {"full": invitation, "sparse": sparse_invitation}
    for lang, action, reason, shape, detail, interest, variant in itertools.product(
        LANGS, INTENTS, REASONS, shapes, ("brief", "full"), ("yes", "no", "unsure"), (0, 1)
    ):
        inv = shapes[shape](lang)
        profile = PROFILE if (variant == 0) == (shape == "full") else BARE_PROFILE
        sit = situation(lang, action, reason, detail=detail, interest=interest, slots=variant == 0)
        name = f"{lang}-{action}-{reason}-{shape}-{detail}-{interest}-v{variant}"
        yield Case(name, plan(lang, action), inv, sit, profile, variant)


def long_invitation(language: str) -> Invitation:
    """Long names that push the short channels to their limits."""
    return replace(
        invitation(language),
        company="PT Perusahaan Perdagangan Internasional Nusantara Raya Sejahtera Abadi Tbk",
        position="Senior Backend Engineer for Payments Infrastructure and Reliability",
        contact=Contact("Maria Fransiska Kusumawardhani", None, "+62 21 5550 1234"),
    )
