"""The web app's speed on loopback: a real `sopan web`, requests from this process.

- a store holding 1,000 cases of the browser measured (the first page lists them all);
- latency: median and p95 of a case's pages (what sopan read, the drafts, take it with you),
  of the first page, and of a live-lint round trip (POST of one edited draft, the findings
  fragment back), each over N requests;
- isolation: the same case pages while another browser uploads a calendar that takes
  seconds to read (forty series repeating every ten minutes), against the same pages with
  nobody uploading, side by side;
- load: 50 simulated users for 30 s, each going round the plan page, the drafts page and a
  live lint; requests per second, p95 under load, and how many requests failed.
Targets: p95 under 50 ms for a case page with 1,000 cases kept, under 100 ms for the first
page, under 50 ms for live lint, under 100 ms for a page while another person's calendar is
read, 0 errors under load.

Run: python bench/web.py [--requests 200] [--users 50] [--seconds 30] [--cases 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

import httpx2 as httpx  # noqa: E402
from web.conftest import start_server, stop_server  # noqa: E402

EXAMPLE = ROOT / "examples" / "undangan_wawancara_id.eml"
NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _fill(url: str, browser: str, count: int) -> None:
    """`count` cases of this browser in the store, as if brought over weeks."""
    from sopan.app.cases import owner_of
    from sopan.store import Store

    store = Store(url)
    owner = owner_of(browser)
    data = EXAMPLE.read_bytes()
    for i in range(count):
        at = NOW - timedelta(hours=i)
        made = store.new_case(owner=owner, key=f"bench-{i:05d}", source="inv.eml", data=data,
                              now=at)  # fmt: skip
        summary = (f"PT Contoh {i}", "Analis", NOW + timedelta(days=i % 30))
        store.save_case(owner, made.key, now=at, summary=summary)


def _prepared(base: str, start: str, url: str, cases: int) -> tuple[httpx.Client, str]:
    """A client holding the session and its cases, the example read and a decline decided;
    the example's case address."""
    client = httpx.Client(base_url=base, headers={"origin": base}, timeout=60)
    client.get(start)
    _fill(url, str(client.cookies.get("sopan_browser")), cases - 1)
    made = client.post("/invitation", files={"file": ("inv.eml", EXAMPLE.read_bytes())},
                       follow_redirects=False)  # fmt: skip
    case = made.headers["location"].rsplit("/", 1)[0]
    client.post(f"{case}/facts", data={"confirm": "1"})
    client.post(f"{case}/situation", data={"intent": "decline", "reason": "accepted-offer",
                                           "interest": "no", "confirmed": "no"})  # fmt: skip
    for page in ("facts", "plan", "drafts", "take"):
        assert client.get(f"{case}/{page}").status_code == 200
    return client, case


def timed(client: httpx.Client, method: str, path: str, n: int, data: object = None) -> list[float]:
    """Milliseconds of n requests."""
    out = []
    for i in range(n):
        body = data(i) if callable(data) else data
        t0 = time.perf_counter()
        answer = client.request(method, path, data=body)
        out.append((time.perf_counter() - t0) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    return out


async def load(
    base: str, cookies: httpx.Cookies, case: str, users: int, seconds: float
) -> tuple[int, int, list[float]]:
    """(requests, errors, latencies ms) of `users` going round for `seconds`."""
    done, errors, times = 0, 0, []
    stop = time.perf_counter() + seconds

    async def user(number: int) -> None:
        nonlocal done, errors
        async with httpx.AsyncClient(base_url=base, cookies=cookies, headers={"origin": base},
                                     timeout=60) as client:  # fmt: skip
            i = 0
            while time.perf_counter() < stop:
                i += 1
                for method, path, data in (
                    ("GET", f"{case}/plan", None),
                    ("GET", f"{case}/drafts", None),
                    ("POST", f"{case}/drafts/lint",
                     {"channel": "linkedin", "text": f"Halo {number} {i}"}),
                ):  # fmt: skip
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


def isolation(
    base: str, start: str, case: str, client: httpx.Client, n: int
) -> tuple[list[float], list[float], float]:
    """(pages ms with nobody uploading, pages ms while another browser's heavy calendar is
    read, seconds the upload took)."""
    import threading

    from web.test_web_load import worst_calendar

    pages = [f"{case}/{p}" for p in ("facts", "situation", "plan", "drafts", "take")]

    def loop() -> list[float]:
        return [t for i in range(n) for t in timed(client, "GET", pages[i % len(pages)], 1)]

    quiet = loop()
    other = httpx.Client(base_url=base, headers={"origin": base}, timeout=120)
    other.get(start)
    took: list[float] = []

    def upload() -> None:
        t0 = time.perf_counter()
        other.post("/calendars", files={"file": ("berat.ics", worst_calendar())})
        took.append(time.perf_counter() - t0)

    thread = threading.Thread(target=upload)
    thread.start()
    time.sleep(0.2)
    busy = loop()
    thread.join()
    return quiet, busy, took[0]


def _line(name: str, values: list[float], target: str) -> None:
    print(f"{name}: median {statistics.median(values):.1f} ms, p95 {_p95(values):.1f} ms "
          f"({target}), {len(values)} requests")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sopan-bench-web-"))
    (folder / "config.toml").write_text('[profile]\nname = "Rina Kartika Sari"\n', "utf-8")
    url = f"sqlite:///{folder / 'store.db'}"
    os.environ["SOPAN_DATABASE_URL"] = url
    server = start_server(folder)
    try:
        client, case = _prepared(server.base, server.start, url, args.cases)
        print(f"{args.cases} cases kept for this browser")
        n = args.requests
        _line("case page (facts)", timed(client, "GET", f"{case}/facts", n), "target p95 < 50")
        _line("case page (drafts)", timed(client, "GET", f"{case}/drafts", n), "target p95 < 50")
        _line("case page (take)", timed(client, "GET", f"{case}/take", n), "target p95 < 50")
        _line("first page (every case)", timed(client, "GET", "/", n), "target p95 < 100")

        def edit(i: int) -> dict[str, str]:
            return {"channel": "email", "text": f"Yth. Ibu Dewi,\n\nTerima kasih. Saya {i}."}

        lint = timed(client, "POST", f"{case}/drafts/lint", n, edit)
        _line("live lint round trip", lint, "target p95 < 50")
        quiet, busy, took = isolation(server.base, server.start, case, client, n)
        _line("case pages, nobody uploading", quiet, "side by side")
        _line(f"case pages while another reads a {took:.1f} s calendar", busy, "target p95 < 100")
        done, errors, times = asyncio.run(
            load(server.base, client.cookies, case, args.users, args.seconds)
        )
        rate = done / args.seconds
        print(f"{args.users} users for {args.seconds:.0f} s: {done:,} requests ({rate:,.0f}/s), "
              f"{errors} errors, p95 {_p95(times):.0f} ms")  # fmt: skip
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
