"""Start the web app on this machine: a free loopback port unless told otherwise, the
address printed once with its start token, the browser opened, Ctrl-C to stop."""

from __future__ import annotations

import contextlib
import errno
import os
import socket
from collections.abc import Callable
from datetime import datetime

from sopan.errors import UserError
from sopan.model.names import LOOPBACK
from sopan.web.guard import START_PATH, Keys


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers the server answers: the address it listens on, and for loopback
    both its names."""
    names = {host}
    if host in LOOPBACK:
        names |= {"127.0.0.1", "localhost"}
    return frozenset(f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names)


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: one the system picks), or one line saying why not."""
    # the protocol named, not left 0: asyncio turns Nagle's delay off only on a socket that
    # says it is TCP, and each small answer would otherwise wait ~40 ms for an ACK
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if os.name != "nt":  # on Windows it would let another program take the same port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:  # the usual case, said in the person's words
            raise UserError("web.port_taken", field="port", host=host, port=port) from None
        why = exc.strerror
        raise UserError("web.cannot_listen", field="port", host=host, port=port, why=why) from None
    return sock


def serve(
    *,
    host: str,
    port: int | None,
    open_browser: Callable[[str], None] | None,
    say: Callable[[str], None],
    now: datetime | None = None,
) -> None:
    """Run until Ctrl-C. `say` prints the one line with the address (and any warning), once
    the server listens, so the browser `open_browser` opens never finds nobody there."""
    import uvicorn

    from sopan.web.routes import make_app
    from sopan.web.work import runner

    if port is not None and not 0 < port < 65536:
        raise UserError("web.not_a_port", field="port", value=port)
    sock = _listen(host, port or 0)
    chosen = int(sock.getsockname()[1])
    keys = Keys()
    work = runner()
    web = make_app(hosts=allowed_hosts(host, chosen), keys=keys, now=now, work=work)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{chosen}{START_PATH}?token={keys.token}"
    config = uvicorn.Config(web, log_level="warning", access_log=False, lifespan="off")
    # uvicorn shuts down cleanly on Ctrl-C (SIGINT) and SIGTERM, then raises the signal
    # again: here that is the normal way to stop, not an abort (also during start-up)
    with contextlib.suppress(KeyboardInterrupt):
        try:
            if host not in LOOPBACK:
                say(f"warning: listening on {host}, so other machines on the network can reach it")
            say(address)
            work.warm()
            if open_browser is not None:
                open_browser(address)
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            work.close()
