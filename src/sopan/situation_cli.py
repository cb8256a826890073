"""The situation flags as one reusable click decorator, shared by `sopan plan` and `sopan draft`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from sopan.names import INTENTS, REASONS
from sopan.situation import DETAILS, INTERESTS

if TYPE_CHECKING:
    from sopan.app import Choices

F = TypeVar("F", bound=Callable[..., Any])

#: Parameter names the decorator adds; `choices_from_click` consumes exactly these.
SITUATION_PARAMS: tuple[str, ...] = (
    "intent",
    "reason",
    "interest",
    "confirmed",
    "detail",
    "reason_text",
    "not_before",
)


def situation_options(func: F) -> F:
    """Add --intent, --reason, --interest, --confirmed/--unconfirmed, --detail, --reason-text,
    --not-before."""
    options = [
        click.option("--intent", type=click.Choice(INTENTS), help="What you want to do."),
        click.option("--reason", type=click.Choice(REASONS), help="Why (sopan never invents one)."),
        click.option(
            "--interest", type=click.Choice(INTERESTS), help="Do you still want this job?"
        ),
        click.option(
            "--confirmed/--unconfirmed",
            default=None,
            help="Whether you had already confirmed you would attend.",
        ),
        click.option("--detail", type=click.Choice(DETAILS), help="How much of the reason to say."),
        click.option("--reason-text", help="Your reason in your own words."),
        click.option(
            "--not-before",
            metavar="YYYY-MM-DD",
            help="The first day you can attend again (no slot is proposed earlier).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def choices_from_click(flags: dict[str, Any], **extra: Any) -> Choices:
    """Take the situation flags out of `flags` as the user's `Choices` (None: not given)."""
    from sopan.app import Choices

    values = {name: flags.pop(name, None) for name in SITUATION_PARAMS}
    return Choices(**values, **extra)
