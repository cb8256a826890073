"""Start-up and command speed as ratios against a floor measured in the same run.

Each command runs in a new process; its CPU time (user + system of the child) is the median
of N runs, beside the median of `python -c pass` measured the same way. The ratio is what
the targets speak of (`sopan --help` ≤ 2×, `read` ≤ 3×, `lint` ≤ 3×, `draft --channel all`
≤ 8× the floor). Peak memory (max RSS) of the heaviest run is printed too.

Run: python bench/speed.py [N]   (from the project root, sopan installed in .venv)
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "undangan_wawancara_id.eml"
NOW = "2026-11-20T09:00+07:00"
REPLY = (
    "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara pada Senin, 23 November 2026 "
    "pukul 10.00 WIB. Dengan berat hati saya tidak dapat hadir karena ada jadwal lain.\n\n"
    "Hormat saya,\nRina Kusuma\n"
)


def _child_cpu(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """CPU seconds and max RSS (KiB) of one child process running `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss


def _median(argv: list[str], env: dict[str, str], n: int) -> tuple[float, int]:
    runs = [_child_cpu(argv, env) for _ in range(n)]
    return statistics.median(c for c, _ in runs), max(r for _, r in runs)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SOPAN_CONFIG_DIR": tmp, "SOPAN_CACHE_DIR": tmp}
        reply = Path(tmp) / "reply.txt"
        reply.write_text(REPLY, "utf-8")
        sopan = [python, "-m", "sopan"]
        commands = {
            "sopan --help": [*sopan, "--help"],
            "sopan read example.eml --json": [*sopan, "read", str(EXAMPLE), "--json", "--now", NOW],
            "sopan lint reply.txt": [*sopan, "lint", str(reply), "--lang", "id"],
            "sopan draft --channel all": [
                *sopan, "draft", str(EXAMPLE), "--intent", "decline", "--reason", "health",
                "--unconfirmed", "--channel", "all", "--now", NOW, "--out", str(Path(tmp) / "out"),
            ],
        }  # fmt: skip
        floor, _ = _median([python, "-c", "pass"], env, n)
        print(f"floor: python -c pass {floor * 1000:.0f} ms CPU (median of {n})\n")
        print(f"{'command':<34}{'CPU ms':>8}{'ratio':>8}{'max RSS MiB':>13}")
        for name, argv in commands.items():
            cpu, rss = _median(argv, env, n)
            print(f"{name:<34}{cpu * 1000:>8.0f}{cpu / floor:>7.1f}×{rss / 1024:>13.0f}")


if __name__ == "__main__":
    main()
