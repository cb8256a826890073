"""The situation flags, added the same way to `sopan plan` and `sopan draft`."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING, Any

from sopan.model.names import DETAILS, INTENTS, INTERESTS, REASONS

if TYPE_CHECKING:
    from sopan.app import Choices
    from sopan.config import Config

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
    --not-before, --alternative: the plan and the drafts take the same choices."""
    from sopan.cli.base import add_many

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
        metavar="DAY",
        help="The first day you can attend again (no slot is proposed earlier).",
    )
    add_many(parser, "--alternative", "alternatives", "TIME", "A time you can offer.")
    parser.add_argument(
        "--profile-example",
        action="store_true",
        help="Sign with the bundled example profile, without the note that you have none yet.",
    )


def choices_from_args(args: Namespace, **extra: Any) -> Choices:
    """The situation flags of `args` as the user's `Choices` (None: not given)."""
    from sopan.app import Choices

    values: dict[str, Any] = {name: getattr(args, name, None) for name in SITUATION_PARAMS}
    return Choices(**values, alternatives=tuple(args.alternatives), **extra)


def say_no_profile(args: Namespace, config: Config) -> None:
    """Without a profile of the person's own, say once that the bundled example signs the
    drafts and how to make one (`sopan init`), unless they asked for the example
    (`--profile-example`). Called before anything is written: before the first question in
    a terminal, else once the drafts or the plan are made (a refusal stays one line)."""
    from sopan.cli.base import note
    from sopan.language.words import load_words

    if config.is_example and not getattr(args, "profile_example", False):
        words = load_words(config.profile.language)
        note(words.text("view", "no_profile", name=config.profile.name))
