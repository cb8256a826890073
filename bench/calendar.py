"""Speed of conflicts + free slots on a large calendar, against a naive expansion.

Generates a calendar of 10,000 events over two years (single events plus weekly
series, some without end, with EXDATE and RECURRENCE-ID exceptions, tentative,
transparent and cancelled ones), then times one "conflicts + 3 slots in 10 days"
question answered:

- naive: icalendar parse + recurring-ical-events over the whole two years, then filter;
- sopan, cold: parse into an index (first sight of the file in a process);
- sopan, disk index: a new process whose index (and the recurrence chunks of the
  window asked before) was saved in the cache dir, asked the same or a new window;
- sopan, warm: index in memory, new windows each time (recurrences expanded lazily);
- sopan, warm repeat: index in memory, the same window again.

Run: python bench/calendar.py [--events 10000] [--repeat 15]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the stdlib `calendar`; keep its folder off the import path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent / "src"))

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from sopan.calendar import conflicts, free_slots  # noqa: E402
from sopan.calendar.memory import forget_all  # noqa: E402
from sopan.calendar.rows import component_row  # noqa: E402
from sopan.calendar.sources import load_busy  # noqa: E402
from sopan.model import Busy, Slot  # noqa: E402

START = datetime(2026, 1, 5, tzinfo=UTC)
SPAN_DAYS = 730
TZ = "Asia/Jakarta"


def _fmt(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def generate(events: int, series: int, seed: int = 7, attendees: float = 0.001) -> bytes:
    """A VCALENDAR with `events` VEVENTs, `series` of them weekly recurrences; a share
    `attendees` of the single events name an attendee with a quoted CN, as invitations do."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sopan//bench//EN"]
    stamp = "DTSTAMP:20260101T000000Z"
    for i in range(series):
        day = START + timedelta(days=rng.randrange(0, 60))
        start = day.replace(hour=rng.randrange(1, 10), minute=rng.choice((0, 30)))
        rule = "RRULE:FREQ=WEEKLY"
        if i % 3 == 0:
            rule += f";UNTIL={_fmt(start + timedelta(days=rng.randrange(200, 700)))}Z"
        uid = f"series-{i}@bench"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            stamp,
            f"DTSTART:{_fmt(start)}Z",
            f"DTEND:{_fmt(start + timedelta(hours=1))}Z",
            rule,
            f"EXDATE:{_fmt(start + timedelta(weeks=3))}Z",
            f"SUMMARY:Weekly {i}",
            "END:VEVENT",
        ]
        moved = start + timedelta(weeks=5)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            stamp,
            f"RECURRENCE-ID:{_fmt(moved)}Z",
            f"DTSTART:{_fmt(moved + timedelta(hours=2))}Z",
            f"DTEND:{_fmt(moved + timedelta(hours=3))}Z",
            f"SUMMARY:Weekly {i} (moved)",
            "END:VEVENT",
        ]
    for i in range(events - series):
        start = START + timedelta(minutes=30 * rng.randrange(0, SPAN_DAYS * 48))
        kind = rng.random()
        extra = []
        if kind < 0.05:
            extra = ["TRANSP:TRANSPARENT"]
        elif kind < 0.08:
            extra = ["STATUS:CANCELLED"]
        elif kind < 0.15:
            extra = ["STATUS:TENTATIVE"]
        if rng.random() < attendees:
            extra.append('ATTENDEE;CN="Lestari, Dewi";RSVP=TRUE:mailto:dewi@example.com')
        if kind > 0.97:
            day = start.date()
            times = [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            ]
        else:
            end = start + timedelta(minutes=rng.choice((30, 60, 90, 120)))
            times = [f"DTSTART;TZID={TZ}:{_fmt(start)}", f"DTEND;TZID={TZ}:{_fmt(end)}"]
        lines += [
            "BEGIN:VEVENT",
            f"UID:single-{i}@bench",
            stamp,
            *times,
            f"SUMMARY:Event {i}",
            *extra,
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def question(busy: list[Busy], now: datetime) -> tuple[list[Busy], list]:
    interview = Slot(now + timedelta(days=2), now + timedelta(days=2, hours=1))
    found = conflicts(interview, busy, travel=timedelta(minutes=60))
    slots = free_slots(
        busy, now=now, duration=timedelta(hours=1), tz=TZ, preferred_time=interview.start.time()
    )
    return found, slots


def window(now: datetime) -> tuple[datetime, datetime]:
    return now - timedelta(days=1), now + timedelta(days=11)


def naive(data: bytes, now: datetime) -> tuple[list[Busy], list]:
    from zoneinfo import ZoneInfo

    import icalendar
    import recurring_ical_events

    cal = icalendar.Calendar.from_ical(data)
    zone = ZoneInfo(TZ)
    everything = recurring_ical_events.of(cal).between(START, START + timedelta(days=SPAN_DAYS))
    lo, hi = window(now)
    busy = []
    for event in everything:
        row = component_row(event, zone)
        if row is not None and row[0] < hi.timestamp() and row[1] > lo.timestamp():
            start, end = (datetime.fromtimestamp(t, UTC) for t in row[:2])
            busy.append(Busy(start, end, row[2], row[3], "bench"))
    return question(busy, now)


def first_busy(events: int = 10_000, runs: int = 3) -> tuple[float, float]:
    """Seconds of sopan's first `busy` question on a calendar never seen (no index in
    memory or on disk) and of the naive expansion, medians of `runs`, on a calendar where
    0.1% of events name an attendee with a quoted CN."""
    data = generate(events, 200)
    now = START + timedelta(days=300, hours=2)
    cold, naive_s = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "calendar.ics"
        path.write_bytes(data)
        for i in range(runs):
            forget_all()
            start, end = window(now)
            fresh = Path(tmp) / f"cache-{i}"  # no index on disk either
            t0 = time.perf_counter()
            question(load_busy([str(path)], start=start, end=end, cache_dir=fresh), now)
            cold.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            naive(data, now)
            naive_s.append(time.perf_counter() - t0)
    return statistics.median(cold), statistics.median(naive_s)


def timed(fn, *args) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args)
    return (time.perf_counter() - t0) * 1000, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--naive-repeat", type=int, default=3)
    parser.add_argument("--attendees", type=float, default=0.001)
    args = parser.parse_args()
    data = generate(args.events, args.series, attendees=args.attendees)
    rng = random.Random(1)
    nows = [
        START + timedelta(days=rng.randrange(30, SPAN_DAYS - 30), hours=2)
        for _ in range(args.repeat)
    ]
    cache = Path(tempfile.mkdtemp(prefix="sopan-bench-"))
    path = cache / "calendar.ics"
    path.write_bytes(data)

    def ours(now: datetime) -> tuple[list[Busy], list]:
        start, end = window(now)
        busy = load_busy([str(path)], start=start, end=end, cache_dir=cache)
        return question(busy, now)

    cold, disk, disk_new, warm, repeat = [], [], [], [], []
    for i, now in enumerate(nows[: max(3, args.repeat // 3)]):
        forget_all()
        for f in cache.glob("index/*.json"):
            f.unlink()
        cold.append(timed(ours, now)[0])
        forget_all()  # a new process: the index is on disk only
        disk.append(timed(ours, now)[0])
        forget_all()
        disk_new.append(timed(ours, nows[-1 - i] + timedelta(days=3))[0])
    forget_all()
    for now in nows:
        ms, _result = timed(ours, now)
        warm.append(ms)
        repeat.append(timed(ours, now)[0])
    check_now = nows[0]
    naive_ms = []
    for _ in range(args.naive_repeat):
        ms, expected = timed(naive, data, check_now)
        naive_ms.append(ms)
    mine = ours(check_now)
    same = [(b.start, b.end) for b in mine[0]] == [(b.start, b.end) for b in expected[0]] and [
        (s.start, s.end) for s in mine[1]
    ] == [(s.start, s.end) for s in expected[1]]

    base = statistics.median(naive_ms)
    print(
        f"calendar: {args.events} events ({args.series} weekly series), {len(data) // 1024} KiB,"
        f" {SPAN_DAYS} days, {args.attendees:.1%} with a quoted CN;"
        " question = conflicts (±60 min travel) + 3 slots in 10 days"
    )
    print(f"{'approach':<46}{'median ms':>10}{'vs naive':>10}")
    rows = [
        ("naive: full 2-year expansion, filter", naive_ms),
        ("sopan cold: parse + index", cold),
        ("sopan new process, disk index, same window", disk),
        ("sopan new process, disk index, new window", disk_new),
        ("sopan warm index, new window", warm),
        ("sopan warm index, same window", repeat),
    ]
    for label, values in rows:
        median = statistics.median(values)
        print(f"{label:<46}{median:>10.1f}{base / median:>9.0f}x")
    print(f"same conflicts and slots as naive: {same}")
    cli_ms = _cli_runs(path, cache, nows[0])
    print(
        f"whole CLI `sopan slots --calendar FILE` (new process, disk index warm): "
        f"median {statistics.median(cli_ms):.0f} ms over {len(cli_ms)} runs"
    )


def _cli_runs(path: Path, cache: Path, now: datetime, runs: int = 5) -> list[float]:
    """Wall time of the real command, start-up and imports included."""
    import os
    import subprocess

    env = dict(os.environ)
    env["PYTHONPATH"] = str(_HERE.parent / "src")
    env["XDG_CACHE_HOME"] = str(cache / "xdg")
    env["SOPAN_CONFIG"] = str(cache / "none.toml")
    args = [
        sys.executable,
        "-m",
        "sopan",
        "slots",
        "--calendar",
        str(path),
        "--json",
        "--at",
        (now + timedelta(days=2)).isoformat(),
        "--now",
        now.isoformat(),
    ]
    out = []
    for _ in range(runs + 1):  # the first run writes the disk index
        t0 = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        out.append((time.perf_counter() - t0) * 1000)
    return out[1:]


if __name__ == "__main__":
    main()
