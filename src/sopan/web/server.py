"""Start the web app on this machine: a free loopback port unless told otherwise, the
address printed once with its start token, the browser opened, Ctrl-C to stop."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from datetime import datetime

from sopan.errors import UserError
from sopan.web.guard import START_PATH, Keys

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (the system picks it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers the server answers: the address it listens on, and for loopback
    both its names."""
    names = {host}
    if host in LOOPBACK:
        names |= {"127.0.0.1", "localhost"}
    return frozenset(f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names)


def serve(
    *,
    host: str,
    port: int | None,
    open_browser: bool,
    say: Callable[[str], None],
    now: datetime | None = None,
) -> None:
    """Run until Ctrl-C. `say` prints the one line with the address (and any warning)."""
    import uvicorn

    from sopan.web.routes import make_app

    if port is not None and not 0 < port < 65536:
        raise UserError(f"--port: {port} is not a port (1–65535)")
    chosen = port or free_port(host)
    keys = Keys()
    web = make_app(hosts=allowed_hosts(host, chosen), keys=keys, now=now)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{chosen}{START_PATH}?token={keys.token}"
    if host not in LOOPBACK:
        say(f"warning: listening on {host}, so other machines on the network can reach it")
    config = uvicorn.Config(
        web, host=host, port=chosen, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    try:
        probe = socket.create_server((host, chosen))
        probe.close()
    except OSError as exc:
        raise UserError(f"--port: cannot listen on {host}:{chosen} ({exc.strerror})") from None
    say(address)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    # uvicorn shuts down cleanly on Ctrl-C (SIGINT) and SIGTERM, then raises the signal
    # again: here that is the normal way to stop, not an abort
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
