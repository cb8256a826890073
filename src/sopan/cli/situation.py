"""The situation flags, added the same way to `sopan plan` and `sopan draft`."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING, Any

from sopan.model.names import DETAILS, INTENTS, INTERESTS, REASONS

if TYPE_CHECKING:
    from sopan.app import Choices

#: The arguments `add_situation` adds; `choices_from_args` reads exactly these.
SITUATION_PARAMS: tuple[str, ...] = (
    "intent",
    "reason",
    "interest",
    "confirmed",
    "detail",
    "reason_text",
    "not_before",
)


def add_situation(parser: ArgumentParser) -> None:
    """Add --intent, --reason, --interest, --confirmed/--unconfirmed, --detail, --reason-text,
    --not-before."""
    parser.add_argument("--intent", choices=INTENTS, help="What you want to do.")
    parser.add_argument("--reason", choices=REASONS, help="Why (sopan never invents one).")
    parser.add_argument("--interest", choices=INTERESTS, help="Do you still want this job?")
    confirmed = parser.add_mutually_exclusive_group()
    confirmed.add_argument(
        "--confirmed",
        dest="confirmed",
        action="store_true",
        default=None,
        help="You had already confirmed you would attend.",
    )
    confirmed.add_argument(
        "--unconfirmed",
        dest="confirmed",
        action="store_false",
        default=None,
        help="You had not confirmed yet.",
    )
    parser.add_argument("--detail", choices=DETAILS, help="How much of the reason to say.")
    parser.add_argument("--reason-text", metavar="TEXT", help="Your reason in your own words.")
    parser.add_argument(
        "--not-before",
        metavar="YYYY-MM-DD",
        help="The first day you can attend again (no slot is proposed earlier).",
    )


def choices_from_args(args: Namespace, **extra: Any) -> Choices:
    """The situation flags of `args` as the user's `Choices` (None: not given)."""
    from sopan.app import Choices

    values: dict[str, Any] = {name: getattr(args, name, None) for name in SITUATION_PARAMS}
    return Choices(**values, **extra)
