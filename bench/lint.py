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


SENTENCE_EN = (
    "thank you for the invitation to interview for the data analyst position unfortunately i "
    "am unable to attend because i have accepted another offer kind regards"
)
MISSPELT = [("id", "wawancra"), ("id", "kesempatn"), ("id", "mengirimkn"), ("en", "interveiw"),
            ("en", "recieve"), ("en", "oportunity")]  # fmt: skip
#: a new process linting the typical reply with one back end; prints its milliseconds and
#: whether a dictionary was loaded
_PROBE = """
import sys, time
t = time.perf_counter()
from sopan.lint import lint_text, spelling
spelling.use_backend(sys.argv[1])
lint_text(open(sys.argv[2], encoding="utf-8").read())
print((time.perf_counter() - t) * 1000, "hunspell" in sys.modules or "spylls" in sys.modules)
"""


def spelling_backends() -> None:
    """Both back ends on the shipped dictionaries, through `sopan.lint.spellers`: loading,
    time a word, the first suggestion; then a new process linting the typical reply with an
    empty answer memo and again with the memo the first one left."""
    import tempfile

    from sopan.lint import spellers

    words = {"id": SENTENCE_ID.split(), "en": SENTENCE_EN.split()}
    print("\nSpelling back ends (shipped id_ID and en_US dictionaries)")
    print(f"{'back end':9} {'load id':>8} {'load en':>8} {'µs/word id':>11} {'µs/word en':>11} "
          f"{'suggest':>8} {'lint, no memo':>14} {'lint, memo':>11}")  # fmt: skip
    per_word: dict[str, float] = {}
    for backend in spellers.BACKENDS:
        try:
            loads, checkers = [], {}
            for language in ("id", "en"):
                start = time.perf_counter()
                checkers[language] = spellers.open_speller(language, backend)
                loads.append((time.perf_counter() - start) * 1000)
        except ImportError:
            print(f"{backend:9} not installed (pip install 'sopan[fast-spell]')")
            continue
        rates = []
        for language, checker in checkers.items():
            rounds = 200 if backend == "hunspell" else 20
            start = time.perf_counter()
            for _ in range(rounds):
                for word in words[language]:
                    checker.spell(word)
            rates.append((time.perf_counter() - start) / (rounds * len(words[language])) * 1e6)
        per_word[backend] = statistics.mean(rates)
        times = []
        for language, word in MISSPELT:
            start = time.perf_counter()
            checkers[language].suggest(word)
            times.append((time.perf_counter() - start) * 1000)
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_CACHE_HOME": cache}
            runs = []
            for _ in range(2):
                probe = [sys.executable, "-c", _PROBE, backend, str(TYPICAL)]
                done = subprocess.run(probe, capture_output=True, text=True, env=env, check=True)
                ms, loaded = done.stdout.split()
                runs.append(f"{float(ms):.0f} ms{'' if loaded == 'True' else ' (none loaded)'}")
        print(f"{backend:9} {loads[0]:6.0f}ms {loads[1]:6.0f}ms {rates[0]:11.1f} {rates[1]:11.1f} "
              f"{statistics.median(times):6.0f}ms {runs[0]:>14} {runs[1]:>11}")  # fmt: skip
    if len(per_word) == 2:
        print(
            f"spylls checks a word {per_word['spylls'] / per_word['hunspell']:.0f}x slower; "
            "'lint, memo' is the cost once a person's words have been checked before"
        )


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
