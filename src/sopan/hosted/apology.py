"""The letter of apology a career centre's cancellation policy asks for: a student cancelling
inside the centre's cut-off writes to the employer, with the career office in copy.

A formal letter laid out as the local mode's letters are (R2.1: date, subject, addressee,
body, sign-off, name), the centre's letterhead heading its pages (`hosted.letterhead`, not
part of its text); its words are data (`data/hosted/<lang>.yaml`, `apology`), and a part
whose fact the invitation does not give (the position, the time) is left out of its
sentence, never written as a slot. Pure: the time is a parameter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sopan.config.hosted import CentreSettings, Cutoff
from sopan.model import Invitation
from sopan.model.decisions import Draft
from sopan.model.names import Language


@dataclass(frozen=True)
class Apology:
    """The letter, and who it goes to."""

    draft: Draft
    #: the employer's address, when the invitation gives one
    to: str | None
    #: the career office in copy
    cc: str | None


def _words(language: str) -> dict[str, Any]:
    from sopan.data import load_yaml

    found: dict[str, Any] = load_yaml("hosted", f"{language}.yaml")["apology"]
    return found


def cutoff_text(cutoff: Cutoff, language: str) -> str:
    """'2 hari kerja', '48 hours'."""
    return str(_words(language)["cutoff"][cutoff.unit]).format(n=cutoff.amount)


def policy_step(centre: CentreSettings, language: str) -> str | None:
    """The plan's extra step under the centre's policy; None without a cut-off."""
    if centre.cutoff is None:
        return None
    office = centre.name or centre.email or ""
    return str(_words(language)["step"]).format(
        office=office, cutoff=cutoff_text(centre.cutoff, language)
    )


def apology_letter(
    inv: Invitation, *, name: str, centre: CentreSettings, language: Language, now: datetime
) -> Apology:
    """The letter of apology for cancelling `inv` at short notice, signed by `name`."""
    from sopan.compose.address import addressing
    from sopan.language.dateforms import day, when_text

    w = _words(language)
    who = addressing(inv, language)
    parts = {
        "for_position": w["for_position"].format(position=inv.position) if inv.position else "",
        "at_company": w["at_company"].format(company=inv.company) if inv.company else "",
        "on_when": (w["on_when"].format(when=when_text(inv.start, inv.timezone, language))
                    if inv.start else ""),
    }  # fmt: skip
    addressee = [w["to"].format(addressee=who.written)]
    if inv.company and w["company_line"]:
        addressee.append(inv.company)  # the addressee block names the company under them
    office = ", ".join(p for p in (centre.name, centre.email) if p)
    blocks = [
        day(now, "letter_date", language),
        w["subject_line"].format(subject=w["subject"]),
        "\n".join(addressee),
        w["opening"],
        " ".join((w["news"].format(name=name, **parts), w["sorry"])),
        w["thanks"].format(you=who.you),
        f"{w['sign_off']}\n\n\n{name}",
        w["copy"].format(office=office) if office else "",
    ]
    text = "\n\n".join(b for b in blocks if b)
    draft = Draft(
        channel="letter", language=language, register="formal", text=text,
        moves=("interview_ref", "apology", "thanks"), subject=w["subject"], action="cancel",
    )  # fmt: skip
    return Apology(draft, inv.contact.email, centre.email)
