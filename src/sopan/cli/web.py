"""`sopan web`: the local web app."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable, Mapping

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

    profile = load_config().profile
    now = parse_now(args.now_text, profile.timezone) if args.now_text else None

    def say(line: str) -> None:
        echo(line, err=line.startswith("warning"))

    def unable() -> None:
        from sopan.language.words import load_words

        echo(load_words(profile.language, "views").text("cli", "no_browser"), err=True)

    def show(address: str) -> None:
        # in a thread of its own: a browser command may wait until its window is closed, and
        # the server must answer meanwhile
        import threading

        threading.Thread(target=open_browser, args=(address, unable), daemon=True).start()

    serve(
        host=args.host,
        port=args.port,
        open_browser=None if args.no_browser else show,
        say=say,
        now=now,
    )


def graphical_session(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Whether a browser can show a window here: always on Windows and macOS; elsewhere
    (Linux, the BSDs) only inside an X11 or Wayland session, not over SSH or on a console."""
    if platform.startswith(("win", "cygwin", "darwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def open_browser(address: str, unable: Callable[[], None]) -> bool:
    """Open `address` in the person's default browser (Windows: the one set in Settings;
    macOS: `open`; Linux: xdg-open and the desktop's choice), or call `unable` and return
    False. Without a graphical session nothing is tried: Python's `webbrowser` would start a
    text browser (lynx, w3m) in this very terminal, over the server's own lines."""
    if not graphical_session():
        unable()
        return False
    import webbrowser

    try:
        opened = webbrowser.open(address)
    except webbrowser.Error:
        opened = False
    if not opened:
        unable()
    return opened
