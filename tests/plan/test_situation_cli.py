"""The reusable situation flags decorator, on a small real click command."""

from __future__ import annotations

from typing import Any

import click
from click.testing import CliRunner

from sopan.situation_cli import choices_from_click, situation_options


def make_command() -> click.Command:
    @click.command()
    @situation_options
    @click.option("--other", default="x")
    def command(other: str, **flags: Any) -> None:
        got = choices_from_click(flags)
        assert flags == {}  # the situation flags were all consumed
        click.echo(
            f"{got.intent} {got.reason} {got.interest} {got.confirmed} {got.detail} "
            f"{got.not_before} {other}"
        )

    return command


def test_flags_become_choices() -> None:
    args = ["--intent", "cancel", "--reason", "health", "--interest", "no", "--confirmed"]
    result = CliRunner().invoke(make_command(), [*args, "--detail", "full"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "cancel health no True full None x"


def test_what_is_not_given_stays_unknown() -> None:
    result = CliRunner().invoke(make_command(), ["--unconfirmed", "--not-before", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "None None None False None 2026-12-01 x"


def test_bad_choice_is_refused() -> None:
    result = CliRunner().invoke(make_command(), ["--intent", "ghost"])
    assert result.exit_code == 2
    assert "ghost" in result.output
