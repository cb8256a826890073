"""The names sopan's values use: languages, actions, channels, reasons, moves.

Kept apart from `sopan.model` so the command line can name its choices without building
every value class at start-up.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

#: A language's code (ISO 639-1, as `data/languages/<code>.yaml` names it). The languages are
#: data: a profile per language in `data/languages/` (and in any folder of SOPAN_DATA_DIRS).
Language = str
#: the language sopan speaks when nothing says otherwise, and the first of LANGUAGES
DEFAULT_LANGUAGE: Language = "id"
if TYPE_CHECKING:
    from pathlib import Path

    #: the languages sopan speaks, reads and lints (DEFAULT_LANGUAGE first, then by code);
    #: every check of a language's name uses this
    LANGUAGES: tuple[Language, ...]
Action = Literal["decline", "cancel", "reschedule", "online"]
#: A channel's name: the channels are data (`data/channels/`, read by `sopan.model.channels`),
#: so a name is any string the registry knows, checked where a person gives one.
Channel = str
if TYPE_CHECKING:
    #: every channel's name, in plan order (from the registry, when first asked for)
    CHANNELS: tuple[str, ...]
Level = Literal["error", "warning", "info"]

#: The host names of this machine's own loopback: the only hosts plain connections may go to.
LOOPBACK: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
#: Reasons the user can choose; sopan never invents one (R4, C2).
REASONS: tuple[str, ...] = (
    "schedule-conflict",
    "accepted-offer",
    "personal",
    "relocation",
    "health",
    "too-far",
    "not-a-fit",
    "other",
)
INTENTS: tuple[str, ...] = ("decline", "cancel", "reschedule", "online")
#: Whether the person still wants the job, and how much of the reason they share.
INTERESTS: tuple[str, ...] = ("yes", "no", "unsure")
DETAILS: tuple[str, ...] = ("brief", "full")
#: The answers that matter enough to ask for when they were not given.
ASKED: tuple[str, ...] = ("intent", "reason", "interest", "confirmed")
#: The facts of an invitation a person can give or correct, named as in `read --json`.
FACT_FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "timezone",
    "company",
    "position",
    "mode",
    "location",
    "meeting_link",
    "reference",
    "contact.name",
    "contact.email",
    "contact.phone",
    # where the recipient is, when the invitation does not show it or shows it wrongly: the
    # drafts' regional variant follows it (American English for US)
    "country",
)
#: How an interview is held.
MODES: tuple[str, ...] = ("onsite", "online", "phone")
MOVES: tuple[str, ...] = (
    "greeting",
    "thanks",
    "decision",
    "reason",
    "interview_ref",
    "apology",
    "alternatives",
    "future",
    "strengths",
    "attachments",
    "contact",
    "linkedin",
    "closing",
)


@cache
def languages_in(roots: tuple[Path, ...]) -> tuple[Language, ...]:
    """The codes of the language profiles (`languages/<code>.yaml`) in the data folders
    `roots`: DEFAULT_LANGUAGE first, then by code."""
    found = {
        entry.removesuffix(".yaml")
        for root in roots
        if (root / "languages").is_dir()
        for entry in os.listdir(root / "languages")
        if entry.endswith(".yaml")
    }
    return tuple(sorted(found, key=lambda code: (code != DEFAULT_LANGUAGE, code)))


def __getattr__(name: str) -> Any:
    # CHANNELS: the registry's channel names in plan order, read from data when first asked
    # for (`sopan --help` reads no channel spec)
    if name == "CHANNELS":
        from sopan.model.channels import channel_names

        return channel_names()
    # LANGUAGES: the profiles' codes, from the file names alone (no book is parsed for it,
    # and `sopan --help` imports nothing more for its --lang choices)
    if name == "LANGUAGES":
        from sopan.data import data_roots

        return languages_in(data_roots())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
