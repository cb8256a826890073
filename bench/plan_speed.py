"""Speed of the plan stage: guideline book load, city lookup, make_plan, and `sopan guide`.

Run: python bench/plan_speed.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0] = str(ROOT / "src")

from sopan.language.places import find_place_in  # noqa: E402
from sopan.model import Busy, Contact, Invitation, Profile, Situation  # noqa: E402
from sopan.plan import make_plan  # noqa: E402


def per_call(label: str, func: object, runs: int) -> None:
    assert callable(func)
    start = time.perf_counter()
    for _ in range(runs):
        func()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed / runs * 1e6:10.1f} µs/call  ({runs} runs)")


def main() -> None:
    t0 = time.perf_counter()
    from sopan.language.guidelines import load_guidelines
    from sopan.language.words import load_words

    load_guidelines("id")
    load_guidelines("en")
    load_words("id")
    load_words("en")
    find_place_in("Bandung")
    print(
        f"{'first load (book, words, city table)':<44} {(time.perf_counter() - t0) * 1e3:10.1f} ms"
    )

    wib = timezone(timedelta(hours=7))
    start = datetime(2026, 12, 1, 9, tzinfo=wib)
    inv = Invitation(
        language="id",
        source="email",
        start=start,
        end=start + timedelta(hours=1),
        mode="onsite",
        location="Gedung Cyber 2, Jl. H.R. Rasuna Said, Kuningan, Jakarta Selatan",
        contact=Contact(name="Ibu Sari", phone="0812 1111 2222"),
        reference="HRD/2026/117",
    )
    busy = [
        Busy(start + timedelta(hours=h), start + timedelta(hours=h, minutes=45))
        for h in range(-200, 200)
    ]
    profile = Profile(name="Rina", city="Bandung")
    sit = Situation(intent="cancel", confirmed=True, reason="schedule-conflict")
    now = start - timedelta(hours=30)
    per_call("find_place_in (address)", lambda: find_place_in(inv.location or ""), 2000)
    per_call("make_plan (no calendar)", lambda: make_plan(inv, sit, profile, now=now), 2000)
    per_call(
        "make_plan (400 busy entries)",
        lambda: make_plan(inv, sit, profile, now=now, busy=busy),
        500,
    )

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), SOPAN_CONFIG="/nonexistent/sopan.toml")
    runs = 5
    t0 = time.perf_counter()
    for _ in range(runs):
        subprocess.run([sys.executable, "-m", "sopan", "guide", "C0"], env=env, check=True,
                       capture_output=True)  # fmt: skip
    print(
        f"{'sopan guide C0 (whole process)':<44} {(time.perf_counter() - t0) / runs * 1e3:10.1f} ms"
    )


if __name__ == "__main__":
    main()
