"""Real servers for the store and send tests, started on loopback by the tests themselves:
an SMTP server (aiosmtpd, with AUTH and STARTTLS, and faults on demand) and a throwaway
PostgreSQL cluster (Debian's PostgreSQL, in a temp folder)."""

from __future__ import annotations

import asyncio
import os
import shutil
import ssl
import subprocess
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

from calendars.servers import free_port

USER, PASSWORD = "rina@example.com", "rahasia-uji"


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost (openssl, one day)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@dataclass
class Handler:
    """What the server does with a message: keep it, or fail as asked (`mode`)."""

    mode: str = "ok"  # ok, refuse (451 at DATA), drop (keep it, then cut the line), hang
    received: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.mode == "refuse":
            return "451 4.3.0 try again later"
        self.received.append(bytes(envelope.original_content or envelope.content))
        if self.mode == "drop":
            server.transport.close()  # taken, but the client never hears so
            return "250 OK"
        if self.mode == "hang":
            await asyncio.sleep(30)
        return "250 OK"

    def ids(self) -> list[str]:
        return [str(message_from_bytes(m)["Message-ID"]) for m in self.received]


class Auth:
    """AUTH PLAIN/LOGIN for one user."""

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == USER
            and (data.password.decode() == PASSWORD)
        )
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    """aiosmtpd on a free loopback port, STARTTLS required before AUTH."""

    port: int
    cert: Path
    handler: Handler
    controller: Any

    def stop(self) -> None:
        self.controller.stop()


def start_smtp(folder: Path) -> SmtpServer:
    from aiosmtpd.controller import Controller

    cert, key = certificate(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    handler = Handler()
    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=Auth(), auth_required=True,
        auth_require_tls=True, require_starttls=True, tls_context=context,
    )  # fmt: skip
    controller.start()
    return SmtpServer(port, cert, handler, controller)


# --- PostgreSQL ----------------------------------------------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass
class Postgres:
    """A throwaway cluster; `url` for SQLAlchemy with psycopg."""

    folder: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://sopan@127.0.0.1:{self.port}/{database}"

    def create(self, database: str) -> str:
        """A fresh database in the cluster, its URL."""
        _as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                      "-U", "sopan", database])  # fmt: skip
        return self.url(database)

    def stop(self) -> None:
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.folder), "-m", "fast", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_postgres(argv: list[str]) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    done = subprocess.run([*prefix, *argv], capture_output=True, text=True, timeout=60)
    if done.returncode:
        raise RuntimeError(f"{argv[0]} failed: {done.stderr.strip()[-500:]}")


def start_postgres(folder: Path) -> Postgres:
    """initdb + pg_ctl start on a free loopback port (initdb refuses root: run as postgres)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # the cluster's own user must reach and own its folder
        folder.parent.chmod(0o755)
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    _as_postgres([str(PG_BIN / "initdb"), "-D", str(folder), "-A", "trust", "-U", "sopan"])
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    # -l: the server's output goes to a file, so it holds no pipe of ours open
    log = folder / "server.log"
    _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(folder), "-l", str(log), "-o", options,
                  "-w", "start"])  # fmt: skip
    return Postgres(folder, port)
