"""The values that flow between the stages, and the names they use.

`sopan.model.names` (languages, actions, channels, reasons, moves) costs nothing to import;
the value classes live in `values` (an invitation and what is read with it) and `decisions`
(the situation, the plan, the drafts), imported when a name of theirs is first asked for
here: building frozen dataclasses costs about a millisecond each, and `sopan --help` builds
none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sopan._infra.lazy import attributes
from sopan.model.names import (
    DEFAULT_LANGUAGE,
    INTENTS,
    MOVES,
    REASONS,
    Action,
    Channel,
    Language,
    Level,
)

if TYPE_CHECKING:
    from sopan.model.decisions import Draft, Note, Plan, Situation, Step, Urgency
    from sopan.model.names import CHANNELS, LANGUAGES
    from sopan.model.values import (
        DEFAULT_INTERVIEW_LENGTH,
        YEARS,
        Ambiguity,
        Busy,
        Contact,
        Correction,
        Fact,
        FactSource,
        Finding,
        Invitation,
        LintOptions,
        Problem,
        Profile,
        Slot,
        interview_length,
        outside_years,
    )

_VALUES = (
    "DEFAULT_INTERVIEW_LENGTH", "YEARS", "Ambiguity", "Busy", "Contact", "Correction", "Fact",
    "FactSource", "Finding", "Invitation", "LintOptions", "Problem", "Profile", "Slot",
    "interview_length",
    "outside_years",
)  # fmt: skip
_DECISIONS = ("Draft", "Note", "Plan", "Situation", "Step", "Urgency")

__all__ = [
    "CHANNELS",
    "DEFAULT_INTERVIEW_LENGTH",
    "DEFAULT_LANGUAGE",
    "INTENTS",
    "LANGUAGES",
    "MOVES",
    "REASONS",
    "YEARS",
    "Action",
    "Ambiguity",
    "Busy",
    "Channel",
    "Contact",
    "Correction",
    "Draft",
    "Fact",
    "FactSource",
    "Finding",
    "Invitation",
    "Language",
    "Level",
    "LintOptions",
    "Note",
    "Plan",
    "Problem",
    "Profile",
    "Situation",
    "Slot",
    "Step",
    "Urgency",
    "interview_length",
    "outside_years",
]

__getattr__ = attributes(
    __name__,
    globals(),
    {
        "CHANNELS": "sopan.model.names",
        "LANGUAGES": "sopan.model.names",
        **dict.fromkeys(_VALUES, "sopan.model.values"),
        **dict.fromkeys(_DECISIONS, "sopan.model.decisions"),
    },
)
