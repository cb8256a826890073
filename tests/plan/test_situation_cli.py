"""The situation flags, on a small parser of their own."""

from __future__ import annotations

import argparse

import pytest

from sopan.cli.situation import add_situation, choices_from_args


def _parse(*argv: str) -> str:
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_situation(parser)
    parser.add_argument("--other", default="x")
    args = parser.parse_args(argv)
    got = choices_from_args(args)
    return (
        f"{got.intent} {got.reason} {got.interest} {got.confirmed} {got.detail} "
        f"{got.not_before} {args.other}"
    )


def test_flags_become_choices() -> None:
    args = ["--intent", "cancel", "--reason", "health", "--interest", "no", "--confirmed"]
    assert _parse(*args, "--detail", "full") == "cancel health no True full None x"


def test_what_is_not_given_stays_unknown() -> None:
    got = _parse("--unconfirmed", "--not-before", "2026-12-01")
    assert got == "None None None False None 2026-12-01 x"
    assert _parse() == "None None None None None None x"


def test_bad_choice_is_refused() -> None:
    with pytest.raises(argparse.ArgumentError, match="ghost"):
        _parse("--intent", "ghost")


def test_confirmed_and_unconfirmed_together_are_refused() -> None:
    with pytest.raises(argparse.ArgumentError, match="not allowed with"):
        _parse("--confirmed", "--unconfirmed")
