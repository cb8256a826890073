"""`sopan init`: the user's own details."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace

from sopan.cli.base import Commands, Languages, echo, prompt
from sopan.errors import UserError
from sopan.model.names import DEFAULT_LANGUAGE

_KEYS = ("name", "email", "phone", "linkedin", "city", "language", "timezone")


def register(commands: Commands) -> None:
    """Add `sopan init`."""
    commands.add("init", init, _init_arguments)


def _init_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--name", help="Your full name, as you sign letters.")
    parser.add_argument("--email", help="Your email address.")
    parser.add_argument("--phone", help="Your phone number.")
    parser.add_argument("--linkedin", help="Your LinkedIn profile address.")
    parser.add_argument("--city", help="Your home city (for travel estimates).")
    parser.add_argument("--lang", dest="language", choices=Languages(), help="Preferred language.")
    parser.add_argument("--timezone", help="Your IANA time zone, e.g. Asia/Jakarta.")


def init(args: Namespace) -> None:
    """Write your profile into the config file (asks for what is not given)."""
    from sopan.config import config_path, load_config, profile_of, save_profile
    from sopan.language.words import load_words
    from sopan.model.names import LANGUAGES

    given: dict[str, str | None] = {key: getattr(args, key) for key in _KEYS}
    interactive = sys.stdin.isatty() and not any(given.values())
    # Asked in the language given, else the one of the profile in place (or the example's).
    asked_in = given.get("language") or load_config().profile.language
    words = load_words(asked_in if asked_in in LANGUAGES else DEFAULT_LANGUAGE, "views")
    prompts = {key: words.text("init", key) for key in _KEYS}
    defaults = {"language": "id", "timezone": "Asia/Jakarta"}
    values: dict[str, str] = {}
    for key, label in prompts.items():
        value = given.get(key)
        if value is None and interactive:
            value = prompt(label, defaults.get(key, ""), show_default=True)
        value = value if value not in (None, "") else defaults.get(key)
        if value is not None:
            values[key] = value.strip()
    if not values.get("name"):
        raise UserError("cli.name_needed", field="name")
    path = save_profile(profile_of(values, "init"), config_path())
    saved = load_words(values.get("language", "id"), "views")
    echo(saved.text("init", "saved", path=str(path)))
