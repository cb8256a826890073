"""The reusable situation flags decorator, on a small real click command."""

from __future__ import annotations

from typing import Any

import click
from click.testing import CliRunner

from sopan.situation_cli import situation_from_click, situation_options

QUESTIONS = {"intent": "Intent?", "reason": "Reason?", "interest": "Interest?", "confirmed": "Ok?"}


def make_command(interactive: bool) -> click.Command:
    @click.command()
    @situation_options
    @click.option("--other", default="x")
    def command(other: str, **flags: Any) -> None:
        sit = situation_from_click(flags, questions=QUESTIONS, interactive=interactive)
        assert flags == {}  # the situation flags were all consumed
        click.echo(f"{sit.intent} {sit.reason} {sit.interest} {sit.confirmed} {sit.detail} {other}")

    return command


def test_flags_become_a_situation() -> None:
    args = ["--intent", "cancel", "--reason", "health", "--interest", "no", "--confirmed"]
    result = CliRunner().invoke(make_command(False), [*args, "--detail", "full"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "cancel health no True full x"


def test_without_a_terminal_nothing_is_asked() -> None:
    result = CliRunner().invoke(make_command(False), ["--unconfirmed"], input="")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "decline personal unsure False brief x"


def test_interactive_asks_only_what_is_missing() -> None:
    result = CliRunner().invoke(
        make_command(True), ["--intent", "reschedule"], input="schedule-conflict\nyes\ny\n"
    )
    assert result.exit_code == 0, result.output
    assert "Intent?" not in result.output
    assert "Reason?" in result.output and "Ok?" in result.output
    assert result.output.strip().splitlines()[-1] == "reschedule schedule-conflict yes True brief x"


def test_bad_choice_is_refused() -> None:
    result = CliRunner().invoke(make_command(False), ["--intent", "ghost"])
    assert result.exit_code == 2
    assert "ghost" in result.output
