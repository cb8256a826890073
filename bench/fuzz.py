"""Fuzz benchmark: 10,000 mutated invitations and replies through read, draft and lint.

Prints how many ended with each exit code (0 a value, 2 bad input, 3 a service, 70 an
internal error), the slowest input and the peak memory of the whole run, which bounds the
memory of every input. Targets: no internal error, every input under 5 s and 300 MB.

Run: python bench/fuzz.py [COUNT]   (from the project root)
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from datetime import datetime
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz_inputs import inputs  # noqa: E402

from sopan import app  # noqa: E402
from sopan.config import Config  # noqa: E402
from sopan.errors import SopanError  # noqa: E402
from sopan.model import Profile  # noqa: E402

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
CONFIG = Config(Profile(name="Rina Kartika Sari", email="rina@example.com", city="Jakarta"))


def one(data: bytes) -> int:
    """The exit code sopan would give for this input through read, draft and lint."""
    read = app.ReadRequest("fuzz", now=NOW, data=data, config=CONFIG)
    code = 0
    try:
        app.draft_for(
            app.DraftRequest(
                app.PlanRequest(read, app.Choices("decline", "personal", "no", False)),
                ("email", "sms", "calendar"),
            )
        )
    except SopanError as exc:
        code = exc.exit_code
    except Exception:
        return 70
    try:
        app.lint_for(app.LintRequest(text=data.decode("utf-8", "replace")))
    except SopanError as exc:
        code = code or exc.exit_code
    except Exception:
        return 70
    return code


def _batch(span: tuple[int, int]) -> list[tuple[str, int, float]]:
    """(name, exit code, CPU seconds) of each input numbered in [span)."""
    rows = []
    for name, data in islice(inputs(span[1]), span[0], None):
        t0 = time.process_time()
        code = one(data)
        rows.append((name, code, time.process_time() - t0))
    return rows


def main() -> None:
    from concurrent.futures import ProcessPoolExecutor

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    codes: Counter[int] = Counter()
    slowest = (0.0, "")
    internal: list[str] = []
    started = time.perf_counter()
    step = 250
    spans = [(a, min(a + step, count)) for a in range(0, count, step)]
    with ProcessPoolExecutor(max_workers=2) as pool:  # the machine's two cores
        for rows in pool.map(_batch, spans):
            for name, code, spent in rows:
                codes[code] += 1
                slowest = max(slowest, (spent, name))
                if code == 70:
                    internal.append(name)
    # the largest resident size any worker reached bounds every input's memory
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = time.perf_counter() - started
    print(f"{count:,} mutated inputs in {total:.0f} s ({count / total:,.0f}/s)")
    for code in sorted(codes):
        print(f"  exit {code:>2}: {codes[code]:>6,}")
    print(f"slowest input: {slowest[1]} {slowest[0]:.2f} s CPU (target < 5 s)")
    print(f"peak memory of the run: {peak:.0f} MB (target < 300 MB for any input)")
    if internal:
        print("internal errors:", ", ".join(internal[:20]))


if __name__ == "__main__":
    main()
