"""`sopan serve`: the hosted mode for a career centre, behind the centre's reverse proxy."""

from __future__ import annotations

import os
from argparse import ArgumentParser, Namespace

from sopan.cli.base import Commands, echo
from sopan.errors import UserError


def register(commands: Commands) -> None:
    """Add `sopan serve`."""
    commands.add("serve", serve, _arguments)


def _arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="Address to listen on (default: 127.0.0.1)."
    )
    parser.add_argument("--port", type=int, default=8000, help="Port (default: 8000).")
    parser.add_argument(
        "--workers", type=int, default=1, help="Web processes (default: 1; about one a core)."
    )


def serve(args: Namespace) -> None:
    """Serve a career centre's students, counsellors and staff (the hosted mode).

    Reads the database from SOPAN_DATABASE_URL (PostgreSQL), the session key from
    SOPAN_SECRET_KEY and the [serve] and [centre] tables of the config file. HTTPS is the
    reverse proxy's: only its addresses ([serve] trusted_proxies) are believed in their
    X-Forwarded-For and X-Forwarded-Proto. `sopan web` stays the local, one-person mode.
    """
    import tempfile

    from sopan.config import load_config
    from sopan.config.hosted import serve_settings
    from sopan.hosted.database import centre_database
    from sopan.hosted.site import SECRET_VARIABLE

    if not 0 < args.port < 65536:
        raise UserError("hosted.not_a_number", field="port", value=str(args.port), most=65535)
    if not 0 < args.workers <= 64:
        raise UserError("hosted.not_a_number", field="workers", value=str(args.workers), most=64)
    if len(os.environ.get(SECRET_VARIABLE, "")) < 32:
        raise UserError("hosted.no_secret")
    settings = serve_settings(load_config().sections)
    # migrated once here, before any worker starts, so the workers never race to migrate
    centre_database(pool_size=1).engine.dispose()
    if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # each worker writes its figures here and /metrics adds them up
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="sopan-metrics-")
    import uvicorn

    echo(f"http://{args.host}:{args.port}")
    # an idle connection is kept longer than a proxy keeps its own to us (Caddy: 2 minutes),
    # so the proxy never sends a request down one uvicorn is closing (uvicorn's 5 s lost
    # 0.5 % of requests in bench/hosted.py, each a broken answer)
    uvicorn.run(
        "sopan.hosted.site:create_app", factory=True, host=args.host, port=args.port,
        workers=args.workers, proxy_headers=True,
        forwarded_allow_ips=",".join(settings.trusted_proxies), server_header=False,
        log_level="warning", access_log=False, lifespan="off", timeout_keep_alive=150,
    )  # fmt: skip
