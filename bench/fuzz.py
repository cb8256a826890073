"""Fuzz benchmark: 10,000 hostile inputs through read, draft, lint, busy and slots.

Half are the project's own fixtures mutated (bytes flipped, cut, repeated, hostile snippets
spliced in; invitations as e-mail, text, calendars, Outlook .msg, PDFs with a text layer, and
a small photo and scan read by OCR), half the families the limits are for
(`tests/fuzz_inputs.families`): all-day and never-occurring rules, many series, series begun
decades ago, a malformed value of each calendar property, broken time zones, PDFs and .docx
files that expand, headers written in UTF-8 and half-encoded words, years past 2999 and
weekdays that disagree, affix chains, and a message printed to a closed standard output.
Each input is one command with its own budget, as `sopan` runs it:

- a message: read, draft of every channel (files written for one in ten), lint of its text;
- a calendar: the same, and then `busy` over 30 days and `slots` around a time with it;
- a reply file (.pdf, .docx): lint;
- a closed output: `sopan read FILE --json` run with its standard output closed.

Prints how many ended with each exit code (0 a value, 1 lint found an error, 2 bad input,
3 a service, 141 a closed output, 70 an internal error), the slowest input in CPU seconds
and the peak memory (the largest resident size a worker reached, and the input that took it
there). Targets: no exit 70, every input under 5 s of CPU and 300 MB. A line of progress
every 500 inputs, and each exit 70 as it comes, go to standard error.

Run: nice python bench/fuzz.py [COUNT]   (from the project root; two worker processes)
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz_inputs import mixed  # noqa: E402

from sopan import app  # noqa: E402
from sopan.cli import outcome  # noqa: E402
from sopan.config import Config  # noqa: E402
from sopan.ical.budget import command_budget  # noqa: E402
from sopan.model import Profile  # noqa: E402

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
CONFIG = Config(Profile(name="Rina Kartika Sari", email="rina@example.com", city="Jakarta"))
CHOICES = app.Choices("decline", "personal", "no", False)
Row = tuple[str, str, int, float, float]  # name, kind, exit code, CPU seconds, peak MB then


def _code(call: object) -> int:
    """The exit code `sopan` gives for what `call()` does (0 when it gives a value)."""
    try:
        call()  # type: ignore[operator]
    except Exception as exc:
        return outcome(exc)[1]
    return 0


def _message(path: Path, data: bytes, folder: Path, write: bool) -> int:
    read = app.ReadRequest(str(path), now=NOW, config=CONFIG)
    out = folder / "out" if write else None
    code = _code(lambda: app.draft_for(app.DraftRequest(app.PlanRequest(read, CHOICES), ("all",),
                                                        out_dir=out)))  # fmt: skip
    if code == 70:
        return code
    text = data.decode("utf-8", "replace")
    return _code(lambda: app.lint_for(app.LintRequest(text=text))) or code


def _calendar(path: Path, data: bytes, folder: Path, write: bool) -> int:
    code = _message(path, data, folder, write)
    sources = (str(path),)
    busy = app.BusyRequest(NOW, NOW + timedelta(days=30), calendars=sources, config=CONFIG)
    slots = app.SlotsRequest(NOW, at=NOW + timedelta(days=3), calendars=sources, config=CONFIG)
    for call in (lambda: app.busy_for(busy), lambda: app.slots_for(slots)):
        found = _code(call)
        if found == 70:
            return found
        code = code or found
    return code


def _closed_output(path: Path) -> int:
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), SOPAN_CONFIG=str(path) + ".toml")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sopan", "read", str(path), "--json", "--now", NOW.isoformat()],
            stdout=write_end, stderr=subprocess.DEVNULL, env=env, timeout=120,
        )  # fmt: skip
    finally:
        os.close(write_end)
    return done.returncode  # CLOSED_OUTPUT when it ended as it should


def one(name: str, kind: str, data: bytes, folder: Path, write: bool) -> int:
    """The exit code of one input, fed as one command (see the module's docstring)."""
    suffix = {"reply.pdf": ".pdf", "reply.docx": ".docx", "calendar": ".ics"}.get(kind, ".eml")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    if kind == "closed-output":
        return _closed_output(path)
    with command_budget():  # one command, one budget
        if kind.startswith("reply"):
            return _code(lambda: app.lint_for(app.LintRequest(source=str(path))))
        if kind == "calendar":
            return _calendar(path, data, folder, write)
        return _message(path, data, folder, write)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _batch(items: list[tuple[str, str, bytes]]) -> list[Row]:
    """(name, kind, exit code, CPU seconds, peak MB after it) of each input."""
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="sopan-fuzz-"))
    os.environ["SOPAN_DATABASE_URL"] = f"sqlite:///{folder / 'store.db'}"
    try:
        for name, kind, data in items:
            shutil.rmtree(folder / "out", ignore_errors=True)
            t0 = time.process_time()
            c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            code = one(name, kind, data, folder, write=hash(name) % 10 == 0)
            c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            child = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
            rows.append((name, kind, code, time.process_time() - t0 + child, _peak_mb()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def _batches(count: int, size: int = 50) -> Iterator[list[tuple[str, str, bytes]]]:
    batch: list[tuple[str, str, bytes]] = []
    for item in mixed(count):  # made here: a worker's memory is its inputs' alone
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def main() -> None:
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    codes: Counter[int] = Counter()
    kinds: Counter[str] = Counter()
    slowest = (0.0, "")
    peak = (0.0, "")
    internal: list[str] = []
    over: list[str] = []  # inputs past 5 s of CPU
    started = time.perf_counter()

    def tally(rows: list[Row]) -> None:
        nonlocal slowest, peak
        last = 0.0
        for name, kind, code, spent, resident in rows:
            codes[code] += 1
            kinds[kind] += 1
            slowest = max(slowest, (spent, name))
            if resident > last:  # this input took its worker to a new height
                peak = max(peak, (resident, name))
                last = resident
            if code == 70:
                internal.append(name)
                print(f"exit 70: {name}", file=sys.stderr, flush=True)
            if spent > 5:
                over.append(name)
        done = sum(codes.values())
        if done // 500 != (done - len(rows)) // 500:  # a line of progress every 500 inputs
            print(f"{done:,}/{count:,} after {time.perf_counter() - started:.0f} s: "
                  + ", ".join(f"exit {c} {n:,}" for c, n in sorted(codes.items()))
                  + f"; slowest {slowest[0]:.2f} s ({slowest[1]}), peak {peak[0]:.0f} MB",
                  file=sys.stderr, flush=True)  # fmt: skip

    # two workers for the machine's two cores, and only a few batches made ahead of them
    with ProcessPoolExecutor(max_workers=2) as pool:
        running: set[Future[list[Row]]] = set()
        for batch in _batches(count):
            running.add(pool.submit(_batch, batch))
            if len(running) >= 4:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    tally(future.result())
        for future in running:
            tally(future.result())
    total = time.perf_counter() - started
    print(f"{count:,} inputs in {total:.0f} s ({count / total:,.1f}/s): "
          + ", ".join(f"{k} {v:,}" for k, v in kinds.most_common()))  # fmt: skip
    for code in sorted(codes):
        print(f"  exit {code:>3}: {codes[code]:>6,}")
    print(f"slowest input: {slowest[1]} {slowest[0]:.2f} s CPU (target < 5 s; "
          f"{len(over)} over it{': ' + ', '.join(over[:10]) if over else ''})")  # fmt: skip
    print(f"peak memory: {peak[0]:.0f} MB, reached at {peak[1]} (target < 300 MB)")
    if internal:
        print("internal errors:", ", ".join(internal[:20]))


if __name__ == "__main__":
    main()
