"""Median time to compose every channel for one invitation, in-process (target < 5 ms).

Run: python bench/compose.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0] = str(Path(__file__).resolve().parent.parent / "src")

from sopan.compose import compose  # noqa: E402
from sopan.model import (  # noqa: E402
    CHANNELS,
    Contact,
    Invitation,
    Plan,
    Profile,
    Situation,
    Slot,
    Urgency,
)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    tz = ZoneInfo("Asia/Jakarta")
    inv = Invitation(
        language="id",
        source="email",
        company="PT Sinar Nusantara Teknologi",
        position="Analis Data",
        start=datetime(2026, 11, 23, 10, 0, tzinfo=tz),
        timezone="Asia/Jakarta",
        contact=Contact("Rina Wijaya", "rina@sinar.example", "0812-1111-2222"),
        reference="SNT/HR/2026/114",
        uid="snt-114@sinar.example",
    )
    profile = Profile(name="Andi Pratama", email="andi@example.com", phone="+62 812-3456-7890")
    slot = Slot(datetime(2026, 11, 25, 14, tzinfo=tz), datetime(2026, 11, 25, 15, tzinfo=tz))
    now = datetime(2026, 11, 20, 9, 30, tzinfo=tz)
    for lang in ("id", "en"):
        for action in ("decline", "reschedule"):
            plan = Plan(action=action, urgency=Urgency(72.0, "ok"), steps=(), language=lang)  # type: ignore[arg-type]
            sit = Situation(intent=action, reason="schedule-conflict", alternatives=(slot,))  # type: ignore[arg-type]
            compose(plan, inv, sit, profile, now=now, channels=CHANNELS)  # warm the caches
            times = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                compose(plan, inv, sit, profile, now=now, channels=CHANNELS)
                times.append(time.perf_counter() - t0)
            med = statistics.median(times) * 1000
            p95 = sorted(times)[int(rounds * 0.95)] * 1000
            print(
                f"compose {len(CHANNELS)} channels, {lang} {action:<10}: "
                f"median {med:.2f} ms, p95 {p95:.2f} ms ({rounds} rounds)"
            )


if __name__ == "__main__":
    main()
