"""Scanning a mailbox for interview invitations: speed against a floor run side by side,
memory, and how well the invitations are told from the rest.

- speed: `sopan read --mailbox` (a new process) over an .mbox of 10,000 messages about the
  size of real mail (attachments on some) against the floor, a new process that only
  parses each message of the same file with `email.policy.default`; max RSS of both.
- precision and recall of the scan on the same mailbox (5% invitations, 70% plain mail,
  25% near misses), on one of near misses only (30% invitations), and recall on the
  eval-dev invitations sent as mail (when ../shared is beside the checkout), with the
  eval-dev messages labelled as no job interview counted as near misses.

Run: python bench/mailbox.py [--messages 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from corpus import NOW  # noqa: E402
from mailbox_mix import as_mail, generate  # noqa: E402

from sopan.read.mailbox import invitation_in  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval-dev" / "invitations"
KEPT = ("invitation", "reminder", "employer_reschedule", "notification", "announcement")

FLOOR = """
import sys
from email import message_from_bytes, policy
from sopan.read.mailbox import mbox_messages
with open(sys.argv[1], "rb") as stream:
    n = sum(1 for raw in mbox_messages(stream) if message_from_bytes(raw, policy=policy.default))
print(n)
"""


def _child(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and max RSS (KiB) of one child process, its own (`os.wait4`)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{argv[:4]} failed with exit {proc.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss


WRITE = """
import sys
from mailbox_mix import generate, mbox
with open(sys.argv[1], "wb") as out:
    out.write(mbox(generate(int(sys.argv[2]), seed=5, invitations=0.05, ordinary=0.7)))
"""


def speed(messages: int) -> tuple[float, float, int, int, int]:
    """(sopan msg/s, floor msg/s, sopan max RSS KiB, floor max RSS KiB, size in bytes)."""
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "box.mbox"
        path = os.pathsep.join((str(ROOT / "src"), str(ROOT / "tests")))
        env = {**os.environ, "SOPAN_CONFIG_DIR": tmp, "PYTHONPATH": path}
        # written by a child, so that this process stays small and its children's memory
        # is their own
        subprocess.run([sys.executable, "-c", WRITE, str(box), str(messages)], env=env, check=True)
        floor_s, floor_rss = _child([sys.executable, "-c", FLOOR, str(box)], env)
        argv = [sys.executable, "-m", "sopan", "read", "--mailbox", str(box), "--json"]
        ours_s, ours_rss = _child([*argv, "--now", NOW.isoformat()], env)
        return messages / ours_s, messages / floor_s, ours_rss, floor_rss, box.stat().st_size


def _score(mix: list[tuple[bytes, bool]]) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, true negatives) of the scan."""
    counts = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
    for raw, truth in mix:
        counts[(invitation_in(raw, now=NOW, user_tz="Asia/Jakarta") is not None, truth)] += 1
    order = ((True, True), (True, False), (False, True), (False, False))
    tp, fp, fn, tn = (counts[k] for k in order)
    return tp, fp, fn, tn


def _eval_dev() -> list[tuple[bytes, bool]]:
    """The eval-dev messages as mail: the invitations to be kept, the rest passed over."""
    out = []
    for path in sorted(EVAL.glob("*.txt")):
        label = json.loads(path.with_suffix(".json").read_text("utf-8"))
        raw = as_mail(path.read_text("utf-8", "replace"))
        out.append((raw, label.get("message_type") in KEPT))
    return out


def _row(name: str, counts: tuple[int, int, int, int]) -> str:
    tp, fp, fn, tn = counts
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{name:<44}{tp:>5}{fp:>5}{fn:>5}{tn:>6}{precision:>11.3f}{recall:>8.3f}"


def quality() -> None:
    """Precision and recall of the scan on each mix, printed as a table."""
    print(f"{'mailbox':<44}{'tp':>5}{'fp':>5}{'fn':>5}{'tn':>6}{'precision':>11}{'recall':>8}")
    print(_row("5% invitations, 70% plain mail, 3,000", _score(generate(3000, 5, 0.05, 0.7))))
    print(_row("near misses only, 30% invitations, 3,000", _score(generate(3000, 6, 0.3, 0.0))))
    if EVAL.is_dir():
        print(_row("eval-dev messages sent as mail", _score(_eval_dev())))
    else:
        print("eval-dev: ../shared/eval-dev not beside the checkout, not measured")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    ours, floor, ours_rss, floor_rss, size = speed(args.messages)
    print(
        f"mailbox of {args.messages:,} messages, {size / 1e6:.0f} MB: sopan read --mailbox "
        f"{ours:,.0f} msg/s, max RSS {ours_rss / 1024:.0f} MiB; floor (parse each with "
        f"email.policy.default) {floor:,.0f} msg/s, {floor_rss / 1024:.0f} MiB; "
        f"ratio {ours / floor:.1f}x the floor"
    )
    quality()


if __name__ == "__main__":
    main()
