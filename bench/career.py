"""`sopan career social`: how well the scan tells the posts worth a second look, and how fast
it reads a large archive.

- precision and recall on the labelled sample the project writes (`bench/data/
  social_sample.yaml`): the part the rules were written against, and the part written after
  them and never used to change them; per reason on both parts together. Targets: 0.9 each.
- speed: `sopan career social --json` (a new process) over an X archive of N posts (50,000:
  the sample's posts again and again, with ids of their own) against the floor, a new
  process that only opens the same ZIP and parses its tweets.js with `json`; the CPU seconds
  (user + system) and wall seconds of both, and the ratio. Target: 50,000 posts under 10 s of
  CPU (on a machine others share, wall time also counts their work; on an idle one the two
  agree).

Run: python bench/career.py [--posts 50000]
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
sys.path[0:1] = [str(ROOT / "src")]

import yaml  # noqa: E402

from sopan.career.scan import scan_posts  # noqa: E402
from sopan.career.social import Post  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "data" / "social_sample.yaml"
REASONS = ("insult", "sara", "complaint", "employer", "personal")
TARGET_SCORE = 0.9
TARGET_SECONDS = 10.0

FLOOR = """
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    text = archive.read("data/tweets.js").decode("utf-8")
posts = json.loads(text[text.index("=") + 1:])
print(len(posts))
"""


def _score(items: list[dict[str, object]], employers: list[str]) -> dict[str, list[int]]:
    """tp, fp, fn of the whole (a post flagged or not) and of each reason."""
    posts = [Post(str(i), "x", None, str(p["text"]), None) for i, p in enumerate(items)]
    found = {f.post.id: {r.reason for r in f.reasons} for f in scan_posts(posts, employers)}
    counts = {name: [0, 0, 0] for name in ("any", *REASONS)}
    for i, item in enumerate(items):
        want = set(item["labels"])  # type: ignore[call-overload]
        got = found.get(str(i), set())
        for name in ("any", *REASONS):
            w, g = (bool(want), bool(got)) if name == "any" else (name in want, name in got)
            counts[name][0] += w and g
            counts[name][1] += g and not w
            counts[name][2] += w and not g
    return counts


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def accuracy() -> bool:
    """The table of precision and recall; whether both parts meet the target."""
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    employers = list(data["employers"])
    parts = {"written with the rules": data["posts"], "held out": data["held_out"]}
    print(f"{'sample':<28}{'posts':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    ok = True
    for name, items in parts.items():
        tp, fp, fn = _score(items, employers)["any"]
        p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        ok &= p >= TARGET_SCORE and r >= TARGET_SCORE
        print(f"{name:<28}{len(items):>6}{tp:>5}{fp:>5}{fn:>5}{p:>11.3f}{r:>8.3f}")
    every = _score(data["posts"] + data["held_out"], employers)
    head = f"{'tp':>11}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}"
    print(f"\n{'reason (both parts)':<28}{head}")
    for reason in REASONS:
        tp, fp, fn = every[reason]
        print(f"{reason:<28}{tp:>11}{fp:>5}{fn:>5}{_ratio(tp, tp + fp):>11.3f}"
              f"{_ratio(tp, tp + fn):>8.3f}")  # fmt: skip
    return ok


def _archive(path: Path, count: int) -> None:
    """An X archive of `count` posts: the sample's texts in turn, each with its own id."""
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    texts = [p["text"] for p in data["posts"] + data["held_out"]]
    tweets = [
        {"tweet": {"id_str": str(10**17 + n), "full_text": f"{texts[n % len(texts)]} #{n}",
                   "created_at": "Wed Oct 14 08:15:00 +0000 2026", "lang": "in"}}
        for n in range(count)
    ]  # fmt: skip
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets))
        account = [{"account": {"username": "rina"}}]
        archive.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(account))


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one child process, its own."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{argv[:5]} failed with exit {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def speed(count: int) -> bool:
    """The scan of an archive of `count` posts against the floor; whether under the target."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "twitter.zip"
        _archive(path, count)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"),
               "SOPAN_DATABASE_URL": f"sqlite:///{folder}/store.db",
               "SOPAN_CONFIG": str(Path(folder) / "config.toml")}  # fmt: skip
        floor, floor_wall = _timed([sys.executable, "-c", FLOOR, str(path)], env)
        argv = [sys.executable, "-m", "sopan", "career", "social", str(path), "--json"]
        ours, ours_wall = _timed(argv, env)
        size = path.stat().st_size / 1e6
    print(f"\nsocial scan of an X archive of {count:,} posts ({size:.1f} MB zipped)")
    print(f"{'':<28}{'cpu':>8}{'wall':>9}")
    print(f"{'sopan career social --json':<28}{ours:>7.2f}s{ours_wall:>8.2f}s")
    print(f"{'floor: unzip + json.loads':<28}{floor:>7.2f}s{floor_wall:>8.2f}s")
    print(f"{'ratio':<28}{ours / floor:>7.1f}×   ({count / ours:,.0f} posts a CPU second)")
    return ours < TARGET_SECONDS or count != 50_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=50_000)
    args = parser.parse_args()
    good = accuracy()
    fast = speed(args.posts)
    print(f"\ntargets: precision and recall ≥ {TARGET_SCORE} on both parts: "
          f"{'met' if good else 'NOT MET'}; 50,000 posts under {TARGET_SECONDS:g} s: "
          f"{'met' if fast else 'NOT MET'}")  # fmt: skip
    sys.exit(0 if good and fast else 1)


if __name__ == "__main__":
    main()
