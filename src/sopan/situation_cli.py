"""The situation flags as one reusable click decorator, shared by `sopan plan` and `sopan draft`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from sopan.model import INTENTS, REASONS, Situation
from sopan.situation import DETAILS, INTERESTS, missing_answers, situation_from_flags

F = TypeVar("F", bound=Callable[..., Any])

#: Parameter names the decorator adds; `situation_from_click` consumes exactly these.
SITUATION_PARAMS: tuple[str, ...] = (
    "intent",
    "reason",
    "interest",
    "confirmed",
    "detail",
    "reason_text",
)


def situation_options(func: F) -> F:
    """Add --intent, --reason, --interest, --confirmed/--unconfirmed, --detail, --reason-text."""
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
    ]
    for option in reversed(options):
        func = option(func)
    return func


def situation_from_click(
    flags: dict[str, Any], *, questions: dict[str, str], interactive: bool
) -> Situation:
    """Take the situation flags out of `flags`, ask for missing answers when interactive.

    `questions` maps intent/reason/interest/confirmed to the prompt text in the user's
    language. Without a terminal nothing is asked and defaults apply.
    """
    values = {name: flags.pop(name, None) for name in SITUATION_PARAMS}
    if interactive:
        choices = {"intent": INTENTS, "reason": REASONS, "interest": INTERESTS}
        for name in missing_answers(values):
            if name == "confirmed":
                values[name] = click.confirm(questions[name], default=False)
            else:
                values[name] = click.prompt(questions[name], type=click.Choice(choices[name]))
    return situation_from_flags(**values)
