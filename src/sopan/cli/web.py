"""`sopan web`: the local web app."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace

from sopan.cli.base import Commands, add_now, echo


def register(commands: Commands) -> None:
    """Add `sopan web`."""
    commands.add("web", web, _web_arguments)


def _web_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--port", type=int, help="Port to listen on (default: a free one).")
    parser.add_argument(
        "--host", default="127.0.0.1", help="Address to listen on (default: 127.0.0.1)."
    )
    parser.add_argument("--no-browser", action="store_true", help="Do not open the browser.")
    add_now(parser)


def web(args: Namespace) -> None:
    """Start the web app on this machine and print its address; Ctrl-C stops it.

    Nothing is sent from it: the replies are downloaded or opened in your own apps.
    """
    from sopan.cli.base import parse_now
    from sopan.config import load_config
    from sopan.web.server import serve

    now = parse_now(args.now_text, load_config().profile.timezone) if args.now_text else None
    serve(
        host=args.host,
        port=args.port,
        open_browser=not args.no_browser,
        say=lambda line: echo(line, err=line.startswith("warning")),
        now=now,
    )
