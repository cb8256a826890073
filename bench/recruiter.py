"""What a recruiter checks, mechanically, on every channel sopan drafts: every invitation and
calendar file of ../shared/eval-dev under ten situations (a decline after accepting another
offer; a confirmed interview cancelled under 24 hours ahead for health, and the evening before;
a reschedule offering two new times, and one from the first day the person can attend; a
request to move online; a role that is not a fit; a cancellation in the person's own words; a
move in the person's own words, still interested, free again from a day; a confirmed interview
cancelled by someone who withdraws), each drafted with `--channel all` and with the plan's own
channels, and checked rule by rule (tests/compose/recruiter.py): SMS parts, characters, slashes
and questions in speech, the callback number said twice, the honorific joined, the salutation
and its closing, one apology of the right kind after the news, nothing promised or named that
is not there, subjects clean, letter phrases kept out of chats, plan steps that are drafted, a
call planned within working hours and early enough before the interview, the day said as of
the call, lint clean, the person's own words said as theirs and never beside a stock reason.
Every shortfall is printed with its invitation and situation; the target is 0.

Run: python bench/recruiter.py [--list] [PART]   (from the project root; PART: only the files
whose name holds it, e.g. "id_")
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from compose.recruiter import SITUATIONS, run, summary  # noqa: E402
from evaldev import EVAL_DEV, NOW  # noqa: E402


def _files(part: str) -> list[Path]:
    invitations = sorted((EVAL_DEV / "invitations").glob("*.txt"))
    every = invitations + sorted((EVAL_DEV / "ics").glob("*.ics"))
    return [p for p in every if part in p.name]


def main() -> None:
    if not EVAL_DEV.is_dir():
        raise SystemExit(f"{EVAL_DEV} is missing: the bench reads eval-dev beside the checkout")
    part = next((a for a in sys.argv[1:] if not a.startswith("--")), "")
    files = _files(part)
    began = time.perf_counter()

    def runs():  # type: ignore[no-untyped-def]
        for path in files:
            data = path.read_bytes()
            for situation in SITUATIONS:
                yield path.name, situation.name, run(data, path.name, situation, NOW)

    found = summary(runs())
    took = time.perf_counter() - began
    print(f"recruiter checks: {len(files)} files × {len(SITUATIONS)} situations")
    print(f"  drafted runs: {found['runs']}, refused (not an interview, or unreadable): "
          f"{found['refused']}, {took:.0f} s")  # fmt: skip
    for why, count in sorted(found["why"].items(), key=lambda kv: -kv[1])[:6]:
        print(f"    refused {count:>3}: {why}")
    print(f"  shortfalls: {len(found['shortfalls'])} (target 0)")
    for rule, count in sorted(found["counts"].items(), key=lambda kv: -kv[1]):
        print(f"    {rule:<22} {count}")
    limit = None if "--list" in sys.argv else 40
    for name, situation, s in found["shortfalls"][:limit]:
        print(f"  {name} · {situation} · {s.channel} · {s.rule}: {s.detail}")
    if limit is not None and len(found["shortfalls"]) > limit:
        print(f"  … {len(found['shortfalls']) - limit} more (--list shows all)")


if __name__ == "__main__":
    main()
