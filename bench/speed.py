"""The speed table: every figure as a ratio against a floor measured in the same run.

- commands: each runs in a new process; its CPU time (user + system of the child) is the
  median of N runs, beside the median of `python -c pass` run the same way, interleaved
  (floor, command, floor, command…) so that a busy machine slows both alike. Bytecode is
  compiled first, as an installed package has it. Max RSS is the largest of the runs.
  "libraries" is a third process run the same way: it imports every module of the standard
  library and of the dependencies that the command had imported when it ended, and nothing
  of sopan — what the command costs before a line of sopan runs.
- mailbox: `bench/mailbox.py`'s speed figure (10,000 messages against parsing each one
  with `email.policy.default`).
- calendar: the first `busy` on a 10,000-event calendar where 0.1% of events name an
  attendee with a quoted CN, against icalendar + recurring-ical-events (`bench/calendar.py`).
- lint: the time per word of an 18,000-word reply against a 1,000-word one (linear ≈ 1).

Run: python bench/speed.py [N] [--quick]   (--quick: the commands only)
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "undangan_wawancara_id.eml"
NOW = "2026-11-20T09:00+07:00"
REPLY = (
    "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara pada Senin, 23 November 2026 "
    "pukul 10.00 WIB. Dengan berat hati saya tidak dapat hadir karena ada jadwal lain.\n\n"
    "Hormat saya,\nRina Kusuma\n"
)
#: the targets, as ratios to the floor (≤ for times, ≥ for the mailbox's messages a second)
TARGETS = {
    "sopan --help": "≤ 2×",
    "sopan read example.eml --json": "≤ 3×",
    "sopan lint reply.txt": "≤ 3×",
    "sopan draft --channel all": "≤ 8×",
    "  the same, --no-store": "—",
}


def _child(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """CPU seconds and max RSS (KiB) of one child process, its own (`os.wait4`)."""
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


#: run a command in this process, then print the modules it imported that are not sopan's
_PROBE = """import contextlib, io, json, runpy, sys
sys.argv = ["sopan", *json.loads(sys.argv[1])]
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    runpy.run_module("sopan", run_name="__main__")
names = sorted(m for m in sys.modules if m.split(".")[0] not in ("sopan", "__main__"))
print(json.dumps(names), file=sys.stderr)"""


def _libraries(argv: list[str], env: dict[str, str]) -> list[str]:
    """`python -c` that imports what `sopan argv…` imported, sopan's own modules left out."""
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(argv)], env=env, capture_output=True, text=True
    )
    names = json.loads(probe.stderr.strip().splitlines()[-1])
    code = f"for name in {names!r}:\n    try: __import__(name)\n    except Exception: pass"
    return [sys.executable, "-c", code]


def _bench(name: str) -> ModuleType:
    """A script of bench/ as a module (under another name: calendar.py would hide the
    standard library's)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def commands(n: int) -> list[tuple[str, float, float, float, int]]:
    """(name, CPU seconds, floor CPU seconds, libraries' CPU seconds, max RSS KiB) per
    command."""
    python = sys.executable
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "src" / "sopan")], check=False)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SOPAN_CONFIG": str(Path(tmp) / "config.toml"),
               "SOPAN_DATABASE_URL": f"sqlite:///{tmp}/store.db"}  # fmt: skip
        reply = Path(tmp) / "reply.txt"
        reply.write_text(REPLY, "utf-8")
        sopan = [python, "-m", "sopan"]
        argvs = {
            "sopan --help": [*sopan, "--help"],
            "sopan read example.eml --json": [*sopan, "read", str(EXAMPLE), "--json", "--now", NOW],
            "sopan lint reply.txt": [*sopan, "lint", str(reply), "--lang", "id"],
            "sopan draft --channel all": [
                *sopan, "draft", str(EXAMPLE), "--intent", "decline", "--reason", "health",
                "--unconfirmed", "--channel", "all", "--now", NOW, "--out", str(Path(tmp) / "out"),
            ],
        }  # fmt: skip
        argvs["  the same, --no-store"] = [*argvs["sopan draft --channel all"], "--no-store"]
        for argv in argvs.values():
            _child(argv, env)  # once before timing: the data cache is written on a first run
        rows = []
        for name, argv in argvs.items():
            libraries = _libraries(argv[len(sopan) :], env)
            floors, runs, libs = [], [], []
            for _ in range(n):
                floors.append(_child([python, "-c", "pass"], env)[0])
                runs.append(_child(argv, env))
                libs.append(_child(libraries, env)[0])
            cpu, floor = statistics.median(c for c, _ in runs), statistics.median(floors)
            rows.append((name, cpu, floor, statistics.median(libs), max(r for _, r in runs)))
        return rows


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 10
    print(f"{'figure':<44}{'sopan':>12}{'floor':>12}{'ratio':>8}  target  {'libraries':>16}")
    for name, cpu, floor, libs, rss in commands(n):
        print(
            f"{name:<44}{cpu * 1000:>9.0f} ms{floor * 1000:>9.0f} ms{cpu / floor:>7.1f}×  "
            f"{TARGETS[name]:<6}{libs * 1000:>9.0f} ms{libs / floor:>5.1f}×"
            f"   (max RSS {rss / 1024:.0f} MiB)"
        )
    if "--quick" in sys.argv:
        return
    ours, floor, rss, _, _ = _bench("mailbox").speed(10_000)
    print(
        f"{'read --mailbox, 10,000 messages (msg/s)':<44}{ours:>12,.0f}{floor:>12,.0f}"
        f"{ours / floor:>7.1f}×  ≥ 3×, ≤ 100 MB   (max RSS {rss / 1024:.0f} MiB)"
    )
    cold, naive = _bench("calendar").first_busy()
    print(
        f"{'first busy, 10,000 events, 0.1% quoted CN':<44}{cold * 1000:>9.0f} ms"
        f"{naive * 1000:>9.0f} ms{cold / naive:>7.2f}×  ≤ 0.1×"
    )
    (small, small_ms), (big, big_ms) = _bench("lint").scaling((1_000, 18_000))
    per_small, per_big = small_ms / small, big_ms / big
    print(
        f"{'lint 18,000 words (per word vs 1,000)':<44}{big_ms:>9.0f} ms{small_ms:>9.0f} ms"
        f"{per_big / per_small:>7.1f}×  linear (≈ 1×)"
    )


if __name__ == "__main__":
    main()
