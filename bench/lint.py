"""Linter benchmark: label accuracy (balanced, per label) on eval-dev's replies and on the
project's own, speed, and the spelling back ends.

Run: python bench/lint.py   (reads ../shared/eval-dev at run time; prints figures only)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from lint.labels import Reply, eval_dev_replies, fixture_replies, score  # noqa: E402

from sopan.lint import LintOptions, lint_text  # noqa: E402
from sopan.lint.rules import builtin_rules  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval-dev" / "replies"
TYPICAL = ROOT / "tests" / "fixtures" / "replies" / "id_clean_email_decline.txt"
SENTENCE_ID = (
    "terima kasih atas undangan wawancara untuk posisi analis data mohon maaf saya tidak dapat "
    "hadir pada jadwal tersebut karena sudah menerima tawaran pekerjaan lain hormat"
)
WORDS_ID = SENTENCE_ID.split()


def label_table(title: str, replies: Iterator[Reply]) -> None:
    """Per-label confusion counts and balanced accuracy, and the replies each label missed."""
    table = score(replies)
    print(f"\n{title}")
    print(f"{'label':30} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3}  right    balanced")
    for label, c in table.items():
        right, total = c.tp + c.tn, c.tp + c.fp + c.fn + c.tn
        counts = f"{c.tp:3} {c.fp:3} {c.fn:3} {c.tn:3}"
        print(f"{label:30} {counts}  {right:3}/{total:<3}  {c.balanced:.3f}")
    for label, c in table.items():
        for name in c.wrong:
            print(f"  wrong: {name}: {label}")


def speed() -> None:
    """First-call cost (rules, dictionaries) and median time per reply afterwards."""
    text = TYPICAL.read_text("utf-8")
    probe = (
        "import time; t = time.perf_counter(); from sopan.lint import lint_text; "
        f"lint_text(open({str(TYPICAL)!r}, encoding='utf-8').read()); "
        "print((time.perf_counter() - t) * 1000)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cold = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    first = float(cold.stdout.strip() or "nan")
    runs = []
    for _ in range(300):
        start = time.perf_counter()
        lint_text(text, LintOptions(channel="email", action="decline"))
        runs.append((time.perf_counter() - start) * 1000)
    print(
        f"\nSpeed: {len(builtin_rules())} rules; new process: import + first lint {first:.0f} ms; "
        f"typical reply ({len(text)} chars) median {statistics.median(runs):.2f} ms, "
        f"p95 {sorted(runs)[int(len(runs) * 0.95)]:.2f} ms"
    )
    fresh = text.replace("Analis Data", "Analis Keuangan Senior")  # words not cached yet
    start = time.perf_counter()
    lint_text(fresh)
    cold = (time.perf_counter() - start) * 1000
    print(f"same reply with new words (spelling cache cold): {cold:.2f} ms")


def scaling(sizes: tuple[int, ...] = (1_000, 18_000)) -> list[tuple[int, float]]:
    """(words, ms) of one lint per size: the project's reply fixtures, one after another, as
    many times as it takes. Linear when the time per word stays the same."""
    replies = [p.read_text("utf-8") for p in sorted(TYPICAL.parent.glob("*.txt"))]
    lint_text("\n\n".join(replies))  # rules, dictionaries and every word's spelling first
    out = []
    for size in sizes:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < size:
            parts.append(replies[len(parts) % len(replies)])
        text = "\n\n".join(parts)
        start = time.perf_counter()
        lint_text(text, LintOptions(channel="email"))
        out.append((len(text.split()), (time.perf_counter() - start) * 1000))
    return out


def spelling_backends() -> None:
    """Hunspell (C library via the `hunspell` package) against pure-Python spylls."""
    dic = "/usr/share/hunspell/id_ID"
    try:
        import hunspell  # type: ignore[import-not-found]
    except ImportError:
        print("\nhunspell package not installed")
        return
    start = time.perf_counter()
    h = hunspell.HunSpell(dic + ".dic", dic + ".aff")
    load = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for _ in range(100):
        for word in WORDS_ID:
            h.spell(word)
    per_word = (time.perf_counter() - start) / (100 * len(WORDS_ID)) * 1e6
    start = time.perf_counter()
    h.suggest("wawancra")
    sugg = (time.perf_counter() - start) * 1000
    print(f"\nhunspell (id_ID): load {load:.0f} ms, {per_word:.1f} µs/word, suggest {sugg:.0f} ms")
    try:
        from spylls.hunspell import Dictionary  # type: ignore[import-not-found]
    except ImportError:
        print("spylls not installed (pip install spylls to compare)")
        return
    start = time.perf_counter()
    s = Dictionary.from_files(dic)
    load = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for _ in range(5):
        for word in WORDS_ID:
            s.lookup(word)
    per_word = (time.perf_counter() - start) / (5 * len(WORDS_ID)) * 1e6
    start = time.perf_counter()
    list(s.suggest("wawancra"))
    sugg = (time.perf_counter() - start) * 1000
    print(f"spylls   (id_ID): load {load:.0f} ms, {per_word:.1f} µs/word, suggest {sugg:.0f} ms")


if __name__ == "__main__":
    spelling_backends()  # first, so neither back end finds the other's work in memory
    label_table(f"Labels on eval-dev's replies ({EVAL})", eval_dev_replies(EVAL))
    label_table("Labels on the project's own replies (tests/fixtures/moves)", fixture_replies())
    speed()
    rows = scaling((1_000, 4_500, 18_000))
    print(
        "scaling: "
        + ", ".join(f"{w:,} words {ms:.0f} ms ({ms / w * 1000:.0f} µs/word)" for w, ms in rows)
    )
