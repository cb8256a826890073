"""`sopan web`: the local web app."""

from __future__ import annotations

import click

from sopan.cli.base import cli, now_option


@cli.command()
@click.option("--port", type=int, help="Port to listen on (default: a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@now_option
def web(port: int | None, host: str, no_browser: bool, now_text: str | None) -> None:
    """Start the web app on this machine and print its address; Ctrl-C stops it.

    Nothing is sent from it: the replies are downloaded or opened in your own apps.
    """
    from sopan.cli.base import parse_now
    from sopan.config import load_config
    from sopan.web.server import serve

    now = parse_now(now_text, load_config().profile.timezone) if now_text else None
    serve(
        host=host,
        port=port,
        open_browser=not no_browser,
        say=lambda line: click.echo(line, err=line.startswith("warning")),
        now=now,
    )
