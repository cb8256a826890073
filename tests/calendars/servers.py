"""Real servers on loopback for the calendar tests: Radicale (CalDAV) and http.server."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen[bytes], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"radicale exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("radicale did not start")


@contextmanager
def radicale(folder: Path, user: str, password: str) -> Iterator[str]:
    """A Radicale server with one plain-text user; yields its base URL."""
    port = free_port()
    users = folder / "users"
    users.write_text(f"{user}:{password}\n", "utf-8")
    config = folder / "radicale.conf"
    config.write_text(
        f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {folder / "collections"}
[web]
type = none
[logging]
level = warning
""",
        "utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class IcsServer:
    """What the loopback ICS server answers: a body, a status, or a delay first."""

    body: bytes = b""
    status: int = 200
    delay: float = 0.0
    etag: str = ""
    #: send the body a byte at a time, this many seconds apart (a server that trickles)
    trickle: float = 0.0
    #: never stop sending (a server gone wrong, or a hostile one)
    endless: bool = False
    hits: list[str] = field(default_factory=list)
    not_modified: int = 0
    url: str = ""


@contextmanager
def ics_server() -> Iterator[IcsServer]:
    """An http.server on loopback serving `IcsServer.body` at any path."""
    state = IcsServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            if state.delay:
                time.sleep(state.delay)
            if state.etag and self.headers.get("If-None-Match") == state.etag:
                state.not_modified += 1
                self.send_response(304)
                self.end_headers()
                return
            if state.endless or state.trickle:
                self._misbehave()
                return
            try:
                self.send_response(state.status)
                if state.etag:
                    self.send_header("ETag", state.etag)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(state.body)))
                self.end_headers()
                self.wfile.write(state.body)
            except OSError:  # the client gave up waiting
                pass

        def _misbehave(self) -> None:
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.end_headers()
                if state.endless:
                    line = b"X-NOISE:" + b"x" * 1000 + b"\r\n"
                    for _ in range(200_000):  # bounded: ~200 MB at most, then it stops
                        self.wfile.write(line)
                for byte in state.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(state.trickle)
            except OSError:  # the client hung up: what it should do
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
