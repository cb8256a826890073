"""How the reply addresses the recruiter, from what the invitation tells (R2.1, R3).

The honorific the invitation gives wins ("Pewawancara: Ibu Dewi Lestari" → "Yth. Ibu Dewi
Lestari", and "Ibu" for "you"); a chat that calls the candidate "Kak Rina" is answered
"Kak …"; only when nothing tells does a written reply say "Bapak/Ibu", and a spoken script
never does (it says the name, or "Bapak atau Ibu"). English uses "Ms Lee" only when the
title is written, else the full name, else the team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopan.language.dateforms import common
from sopan.model import Invitation


@dataclass(frozen=True)
class Addressing:
    """The forms of address one reply uses."""

    #: after "Yth." / "Dear": "Ibu Dewi Lestari", "Bapak/Ibu Dewi", "Ms Lee", "Hiring Team"
    written: str
    #: in a spoken script: "Ibu Dewi", "Dewi Lestari", "Bapak atau Ibu", "Priya", "Ms Lee"
    spoken: str
    #: "you" in Indonesian writing: "Ibu", "Bapak", "Kak", "Bapak/Ibu" (English: "you")
    you: str
    #: "you" said aloud: never "Bapak/Ibu"
    you_spoken: str
    #: whether a person is named (a team is not)
    named: bool


def _casual_cue(inv: Invitation, cue: str) -> bool:
    """Whether the invitation calls the candidate by the casual honorific ("Halo Kak Rina")."""
    head = inv.text[:400]
    return bool(re.search(rf"(?i)(?:^|\b(?:halo|hai|hi|dear|yth\.?)\s+){cue}\s+[A-Z]", head))


def addressing(inv: Invitation, language: str) -> Addressing:
    """How to address the invitation's contact in `language`."""
    words = common(language)["address"]
    # the title the invitation gives ("Ibu", `Contact.honorific`) goes before the name again
    written = " ".join(filter(None, (inv.contact.honorific, inv.contact.name)))
    name = " ".join(written.split()).strip(" ,.")
    lowered = name.lower() + " "
    honorifics = {str(k): str(v) for k, v in words["honorifics"].items()}
    unknown_you = str(words["you_unknown"])
    unknown_spoken = str(words["you_unknown_spoken"])
    casual = language == "id" and _casual_cue(inv, str(words["casual"]))
    if not name or any(str(w) in lowered for w in words["org_words"]):
        you = str(words["casual_title"]) if casual else unknown_you
        spoken_you = you if casual else unknown_spoken
        return Addressing(str(words["unknown"]), spoken_you, you, spoken_you, False)
    first, _, rest = name.partition(" ")
    title = honorifics.get(first.lower())
    if title is None and casual:
        title, rest = str(words["casual_title"]), name
    if title and rest:
        parts = rest.split()
        fmt = {"title": title, "name": rest, "first": parts[0], "surname": parts[-1]}
        return Addressing(
            str(words["titled"]).format(**fmt),
            str(words["titled_spoken"]).format(**fmt),
            title if language == "id" else str(words["you_named"]),
            title if language == "id" else str(words["you_named"]),
            True,
        )
    parts = name.split()
    fmt = {"name": name, "first": parts[0], "surname": parts[-1]}
    return Addressing(
        str(words["named"]).format(**fmt),
        str(words["named_spoken"]).format(**fmt),
        unknown_you,
        unknown_spoken,
        True,
    )
