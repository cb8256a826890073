"""The web app's speed on loopback: a real `sopan web`, requests from this process.

- latency: median and p95 of the drafts page (GET) and of a live-lint round trip (POST of
  one edited draft, the findings fragment back), each over N requests;
- load: 50 simulated users for 30 s, each going round the plan page, the drafts page and a
  live lint; requests per second, p95 under load, and how many requests failed.
Targets: p95 under 100 ms for a page, under 50 ms for live lint, 0 errors under load.

Run: python bench/web.py [--requests 200] [--users 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

import httpx2 as httpx  # noqa: E402
from web.conftest import start_server, stop_server  # noqa: E402

EXAMPLE = ROOT / "examples" / "undangan_wawancara_id.eml"


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _prepared(base: str, start: str) -> httpx.Client:
    """A client holding the session, with the example read and a decline decided."""
    client = httpx.Client(base_url=base, headers={"origin": base}, timeout=30)
    client.get(start)
    client.post("/invitation", files={"file": ("inv.eml", EXAMPLE.read_bytes())})
    client.post("/facts", data={"confirm": "1"})
    client.post("/situation", data={"intent": "decline", "reason": "accepted-offer",
                                    "interest": "no", "confirmed": "no"})  # fmt: skip
    assert client.get("/drafts").status_code == 200
    return client


def latency(client: httpx.Client, n: int) -> tuple[list[float], list[float]]:
    """(drafts page ms, live lint ms), n of each."""
    client.get("/take")  # every draft built once
    page, lint = [], []
    for i in range(n):
        t0 = time.perf_counter()
        assert client.get("/drafts").status_code == 200
        page.append((time.perf_counter() - t0) * 1000)
        body = {
            "channel": "email",
            "text": f"Yth. Ibu Dewi,\n\nTerima kasih. Saya tidak dapat hadir {i}.",
        }
        t0 = time.perf_counter()
        assert client.post("/drafts/lint", data=body).status_code == 200
        lint.append((time.perf_counter() - t0) * 1000)
    return page, lint


async def load(
    base: str, cookies: httpx.Cookies, users: int, seconds: float
) -> tuple[int, int, list[float]]:
    """(requests, errors, latencies ms) of `users` going round for `seconds`."""
    done, errors, times = 0, 0, []
    stop = time.perf_counter() + seconds

    async def user(number: int) -> None:
        nonlocal done, errors
        async with httpx.AsyncClient(base_url=base, cookies=cookies, headers={"origin": base},
                                     timeout=30) as client:  # fmt: skip
            i = 0
            while time.perf_counter() < stop:
                i += 1
                for method, path, data in (
                    ("GET", "/plan", None),
                    ("GET", "/drafts", None),
                    ("POST", "/drafts/lint", {"channel": "linkedin", "text": f"Halo {number} {i}"}),
                ):
                    t0 = time.perf_counter()
                    try:
                        response = await client.request(method, path, data=data)
                        ok = response.status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    times.append((time.perf_counter() - t0) * 1000)
                    done += 1
                    errors += not ok

    await asyncio.gather(*(user(n) for n in range(users)))
    return done, errors, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    server = start_server(Path(tempfile.mkdtemp(prefix="sopan-bench-web-")))
    try:
        client = _prepared(server.base, server.start)
        page, lint = latency(client, args.requests)
        print(f"drafts page: median {statistics.median(page):.1f} ms, p95 {_p95(page):.1f} ms "
              f"(target p95 < 100 ms), {args.requests} requests")  # fmt: skip
        print(f"live lint round trip: median {statistics.median(lint):.1f} ms, "
              f"p95 {_p95(lint):.1f} ms (target p95 < 50 ms)")  # fmt: skip
        done, errors, times = asyncio.run(
            load(server.base, client.cookies, args.users, args.seconds)
        )
        rate = done / args.seconds
        print(f"{args.users} users for {args.seconds:.0f} s: {done:,} requests ({rate:,.0f}/s), "
              f"{errors} errors, p95 {_p95(times):.0f} ms")  # fmt: skip
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
