"""`sopan init`: the user's own details."""

from __future__ import annotations

import sys

import click

from sopan.cli.base import cli
from sopan.errors import UserError
from sopan.names import LANGUAGES


@cli.command()
@click.option("--name", help="Your full name, as you sign letters.")
@click.option("--email", help="Your email address.")
@click.option("--phone", help="Your phone number.")
@click.option("--linkedin", help="Your LinkedIn profile address.")
@click.option("--city", help="Your home city (for travel estimates).")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), help="Preferred language.")
@click.option("--timezone", "timezone", help="Your IANA time zone, e.g. Asia/Jakarta.")
def init(**given: str | None) -> None:
    """Write your profile into the config file (asks for what is not given)."""
    from sopan.config import config_path, load_config, profile_of, save_profile
    from sopan.plan_words import load_words

    interactive = sys.stdin.isatty() and not any(given.values())
    # Asked in the language given, else the one of the profile in place (or the example's).
    asked_in = given.get("language") or load_config().profile.language
    words = load_words(asked_in if asked_in in LANGUAGES else "id", "views")
    keys = ("name", "email", "phone", "linkedin", "city", "language", "timezone")
    prompts = {key: words.text("init", key) for key in keys}
    defaults = {"language": "id", "timezone": "Asia/Jakarta"}
    values: dict[str, str] = {}
    for key, label in prompts.items():
        value = given.get(key)
        if value is None and interactive:
            value = click.prompt(label, default=defaults.get(key, ""), show_default=True)
        value = value if value not in (None, "") else defaults.get(key)
        if value is not None:
            values[key] = value.strip()
    if not values.get("name"):
        raise UserError("init: a full name is needed (--name)")
    path = save_profile(profile_of(values, "init"), config_path())
    saved = load_words(values.get("language", "id"), "views")
    click.echo(saved.text("init", "saved", path=str(path)))
