"""The hosted mode under load, on this machine: a real PostgreSQL, `sopan serve` with 1 and
then 2 web workers and one `sopan worker`, and simulated students over HTTP.

First `--sign-ins` students sign in over HTTP with a local account (argon2, 8 at once:
reported apart; the others hold a session already, as a centre's students keep theirs for
hours), then every student, arriving at a random moment of the
first `--think` seconds, goes round a real flow thinking `--think` seconds (±50 %) between
steps as a person reads: paste an invitation (read), its facts, the plan, the drafts (every
channel composed, linted, each file written and kept). Reported per step and in all: p50, p95,
p99 (ms), errors, and requests per second, for each number of web workers, with the CPU the
web processes spent a request (what the latencies grow from when the machine is shared) and
the load average. Targets: 0 errors, p95 under 300 ms, p99 under 1 s.

Run: python bench/hosted.py [--students 500] [--seconds 60] [--think 10] [--web 1,2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

import httpx  # noqa: E402
from calendars.servers import free_port  # noqa: E402
from hosted.conftest import NOW, Cluster  # noqa: E402
from store.servers import start_postgres  # noqa: E402

INVITATIONS = [(ROOT / "examples" / n).read_text("utf-8")
               for n in ("undangan_wawancara_id.eml", "undangan_whatsapp_id.txt",
                         "interview_invitation_en.eml")]  # fmt: skip
CHOICES = {"intent": "decline", "reason": "accepted-offer", "interest": "no", "confirmed": False}
PASSWORD = "kata-sandi-bench-123"


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * p) - 1))] if ordered else 0.0


def _accounts(database: str, students: int, signed_in: int) -> dict[int, tuple[str, str]]:
    """`students` local accounts (one argon2 hash shared: making 500 would take minutes);
    the ones past the first `signed_in` get a session now, as if they had signed in earlier
    in the day: student → (session token, form token)."""
    from sopan.config.hosted import ServeSettings
    from sopan.hosted.auth import open_session
    from sopan.hosted.jobs import ensure_job_tables
    from sopan.hosted.passwords import hash_password
    from sopan.store.scope import NOBODY, SYSTEM, Hosted

    hosted = Hosted(database, pool_size=2)
    ensure_job_tables(hosted)
    hashed = hash_password(PASSWORD)
    system = hosted.store(SYSTEM)
    sessions = {}
    for i in range(students):
        account = system.add_account(f"mhs{i:04d}", "student", now=NOW, password_hash=hashed)
        if i >= signed_in:
            opened = open_session(hosted.store(NOBODY), account, ServeSettings(), NOW)
            sessions[i] = (opened.token, opened.csrf)
    hosted.engine.dispose()
    return sessions


class Tally:
    """Latencies and errors by step."""

    def __init__(self) -> None:
        self.ms: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []
        self.seconds = 1.0
        #: the sign-ins, before the measured flow: their latencies and how long all took
        self.signed: list[float] = []
        self.sign_in_seconds = 0.0
        #: CPU seconds the web processes spent during the flow, and the load average then
        self.web_cpu = 0.0
        self.load = (0.0, 0.0, 0.0)

    async def step(self, name: str, call: object, expected: int) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            answer = await call  # type: ignore[misc]
        except httpx.HTTPError as exc:
            self.errors[name] += 1
            self.examples.append(f"{name}: {type(exc).__name__}")
            return None
        self.ms[name].append((time.perf_counter() - started) * 1000)
        if answer.status_code != expected:
            self.errors[name] += 1
            self.examples.append(f"{name}: {answer.status_code} {answer.text[:120]}")
            return None
        return answer  # type: ignore[no-any-return]


async def _sign_in(
    client: httpx.AsyncClient, i: int, tally: Tally, gate: asyncio.Semaphore
) -> bool:
    async with gate:
        login = await tally.step("sign in", client.post(
            "/api/login", json={"username": f"mhs{i:04d}", "password": PASSWORD}), 200)  # fmt: skip
    if login is None:
        return False
    client.headers["X-CSRF-Token"] = login.json()["csrf"]
    return True


async def _student(
    client: httpx.AsyncClient, i: int, tally: Tally, think: float, until: float
) -> None:
    rng = random.Random(i)

    async def pause(scale: float = 1.0) -> bool:
        """Think; whether there is time left for another step."""
        await asyncio.sleep(think * scale * rng.uniform(0.5, 1.5))
        return time.monotonic() < until

    if not await pause(rng.uniform(0, 1)):
        return
    while True:
        text = INVITATIONS[rng.randrange(len(INVITATIONS))]
        made = await tally.step("paste", client.post("/api/cases", json={"text": text}), 201)
        if made is None:
            if await pause():
                continue
            return
        if not await pause(0.5):
            return
        case = made.json()["id"]
        await tally.step("facts", client.get(f"/api/cases/{case}"), 200)
        if not await pause():
            return
        await tally.step("plan", client.post(f"/api/cases/{case}/plan", json=CHOICES), 200)
        if not await pause():
            return
        await tally.step("drafts", client.post(f"/api/cases/{case}/drafts", json=CHOICES), 201)
        if not await pause():
            return


def _cpu_seconds(root: int) -> float:
    """The CPU seconds (user and system) a process and its children have spent so far: how
    much of the machine the web workers took, a figure the machine's other work does not
    change as much as it changes the latencies."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # gone meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        spent[pid] = (int(fields[11]) + int(fields[12])) / tick
    family = {root}
    while grown := {pid for pid, parent in parents.items() if parent in family} - family:
        family |= grown
    total = sum(spent.get(pid, 0.0) for pid in family)
    return total


def _serve(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sopan", "serve", "--port", str(port), "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _ready(base: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("sopan serve did not become ready")


def run(cluster: Cluster, folder: Path, workers: int, args: argparse.Namespace) -> Tally:
    """One run against `workers` web workers and one job worker; its tally."""
    database = cluster.database()
    sessions = _accounts(database, args.students, args.sign_ins)
    config = folder / f"config-{workers}.toml"
    config.write_text(
        '[profile]\nname = "Pusat Karier"\n\n[serve]\nallowed_hosts = ["127.0.0.1"]\n'
        'secure_cookies = false\nlogin_attempts = 100\n\n[smtp]\nhost = "127.0.0.1"\n'
        'security = "none"\nport = 2525\n',
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOPAN_DATABASE_URL": database,
           "SOPAN_CONFIG": str(config), "SOPAN_SECRET_KEY": "b" * 64,
           "SOPAN_NOW": NOW.isoformat()}  # fmt: skip
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = _serve(env, port, workers)
    jobs = subprocess.Popen([sys.executable, "-m", "sopan", "worker"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    tally = Tally()
    try:
        _ready(base)

        async def everyone() -> None:
            limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
            clients = [httpx.AsyncClient(base_url=base, timeout=120, limits=limits)
                       for _ in range(args.students)]  # fmt: skip
            try:
                # signed in first (a centre's students keep a session for hours): 8 at once
                gate = asyncio.Semaphore(8)
                started = time.monotonic()
                for i, (token, csrf) in sessions.items():
                    clients[i].cookies.set("sopan_session", token)
                    clients[i].headers["X-CSRF-Token"] = csrf
                ok = await asyncio.gather(
                    *(
                        _sign_in(c, i, tally, gate)
                        for i, c in enumerate(clients)
                        if i not in sessions
                    )
                )
                ok = [*ok, *([True] * len(sessions))]  # fmt: skip
                tally.sign_in_seconds = time.monotonic() - started
                tally.ms["sign in"], signed = [], tally.ms["sign in"]
                tally.signed = signed
                until = time.monotonic() + args.seconds
                started = time.monotonic()
                cpu = _cpu_seconds(web.pid)
                await asyncio.gather(*(_student(c, i, tally, args.think, until)
                                       for i, c in enumerate(clients) if ok[i]))  # fmt: skip
                tally.seconds = time.monotonic() - started
                tally.web_cpu = _cpu_seconds(web.pid) - cpu
                tally.load = os.getloadavg()
            finally:
                for client in clients:
                    await client.aclose()

        asyncio.run(everyone())
    finally:
        for process in (web, jobs):
            process.terminate()
            process.wait(timeout=60)
    return tally


def report(workers: int, tally: Tally) -> None:
    """One table of the run."""
    every = [v for name, values in tally.ms.items() if name != "sign in" for v in values]
    errors = sum(n for name, n in tally.errors.items() if name != "sign in")
    seconds = tally.seconds
    print(f"\n{workers} web worker(s): {len(every)} requests in {seconds:.0f} s "
          f"({len(every) / seconds:.1f}/s), {errors} errors; the web processes' CPU "
          f"{tally.web_cpu * 1000 / max(len(every), 1):.1f} ms a request; load average "
          f"{tally.load[0]:.1f} at the end")  # fmt: skip
    print(f"{'step':<10} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name in ("paste", "facts", "plan", "drafts"):
        values = tally.ms.get(name, [])
        print(f"{name:<10} {len(values):>6} {_percentile(values, 0.5):>8.0f} "
              f"{_percentile(values, 0.95):>8.0f} {_percentile(values, 0.99):>8.0f} "
              f"{tally.errors.get(name, 0):>7}")  # fmt: skip
    print(
        f"{'all':<10} {len(every):>6} {_percentile(every, 0.5):>8.0f} "
        f"{_percentile(every, 0.95):>8.0f} {_percentile(every, 0.99):>8.0f} {errors:>7}"
    )
    signed = tally.signed
    print(f"before it: {len(signed)} sign-ins (argon2, 8 at once) in {tally.sign_in_seconds:.0f} s"
          f" ({len(signed) / max(tally.sign_in_seconds, 1e-9):.1f}/s), p50 "
          f"{_percentile(signed, 0.5):.0f} ms, p95 {_percentile(signed, 0.95):.0f} ms, "
          f"{tally.errors.get('sign in', 0)} errors")  # fmt: skip
    for example in tally.examples[:5]:
        print("  e.g.", example)


def main() -> None:
    """Run it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=10)
    parser.add_argument(
        "--sign-ins",
        type=int,
        default=50,
        help="students who sign in over HTTP (the others hold a session)",
    )
    parser.add_argument("--web", default="1,2", help="web workers of each run, e.g. 1,2")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sopan-bench-hosted-"))
    postgres = start_postgres(folder / "pg")
    try:
        cluster = Cluster(postgres)
        print(f"{args.students} students, {args.seconds:.0f} s, thinking {args.think:.0f} s "
              f"(±50 %) between steps, on {os.cpu_count()} cores")  # fmt: skip
        for workers in (int(w) for w in args.web.split(",")):
            report(workers, run(cluster, folder, workers, args))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
