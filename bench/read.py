"""Field-by-field accuracy of `sopan.read` on ../shared/eval-dev (invitations and ics),
with `dateparser.search_dates` as the baseline for date and start time, and speed of both.

Run: python bench/read.py   (from the project root; no arguments)
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from evaldev import (  # noqa: E402
    HONEST,
    NOW,
    RIGHT,
    WRONG,
    judge_time,
    label_of,
    labelled_files,
    score_file,
)

from sopan.read import read_bytes, read_file  # noqa: E402


def baseline(text: str) -> datetime | None:
    """The first date dateparser finds in the text (languages id+en, future preferred)."""
    from dateparser.search import search_dates

    found = search_dates(
        text,
        languages=["id", "en"],
        settings={"PREFER_DATES_FROM": "future", "RELATIVE_BASE": NOW.replace(tzinfo=None)},
    )
    return found[0][1] if found else None


def _mailbox_speed() -> tuple[float, int]:
    """Messages per second for an .mbox of many non-invitations and a few invitations."""
    import tempfile

    from sopan.read import read_mailbox

    news = (
        "From news@shop.example Mon Nov 16 08:00:00 2026\nFrom: Shop <news@shop.example>\n"
        "Subject: Promo {n}\nDate: Mon, 16 Nov 2026 08:00:00 +0700\n\n"
        + "Diskon besar untuk semua produk minggu ini. " * 30
        + "\n"
    )
    parts = [news.format(n=n) for n in range(1000)]
    for eml in sorted((ROOT / "tests" / "fixtures" / "eml").glob("*.eml")):
        parts.append(
            "From x@example.com Mon Nov 16 08:00:00 2026\n" + eml.read_text("utf-8", "replace")
        )
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "box.mbox"
        box.write_text("\n".join(parts), "utf-8")
        t0 = time.perf_counter()
        found = read_mailbox(box, now=NOW)
        return len(parts) / (time.perf_counter() - t0), len(found)


def main() -> None:
    files = labelled_files()
    table: dict[str, dict[str, int]] = {}
    base_table: dict[str, dict[str, int]] = {"date": {}, "start_time": {}}
    failures: list[str] = []
    ours_time = base_time = 0.0
    for path in files:
        label = label_of(path)
        t0 = time.perf_counter()
        inv = read_file(path, now=NOW)
        ours_time += time.perf_counter() - t0
        rows = score_file(path, inv)
        for field, verdict in rows.items():
            table.setdefault(field, {RIGHT: 0, HONEST: 0, WRONG: 0})[verdict] += 1
            if verdict == WRONG:
                failures.append(f"{path.name}: {field}")
        if path.suffix == ".txt":
            text = path.read_text("utf-8")
            t0 = time.perf_counter()
            got = baseline(text)
            base_time += time.perf_counter() - t0
            want_day = label["date"]
            if want_day is None:
                bd = RIGHT if got is None else WRONG
            elif got is None:
                bd = WRONG
            else:
                iso = got.date().isoformat()
                bd = (
                    RIGHT
                    if (iso[4:] == want_day[1:] if want_day.startswith("--") else iso == want_day)
                    else WRONG
                )
            bt = judge_time(got if got and (got.hour or got.minute) else None, label["start_time"])
            for field, verdict in (("date", bd), ("start_time", bt)):
                base_table[field][verdict] = base_table[field].get(verdict, 0) + 1
    n_txt = len([f for f in files if f.suffix == ".txt"])
    print(
        f"sopan.read on {len(files)} labelled files ({n_txt} invitations, "
        f"{len(files) - n_txt} ics); 'honest' = reported missing/ambiguous, not guessed\n"
    )
    print(f"{'field':<14}{'right':>7}{'honest':>8}{'wrong':>7}   {'baseline right/wrong':>22}")
    for field, counts in table.items():
        base = base_table.get(field)
        extra = f"{base.get(RIGHT, 0):>11} / {base.get(WRONG, 0):<3}" if base else ""
        print(f"{field:<14}{counts[RIGHT]:>7}{counts[HONEST]:>8}{counts[WRONG]:>7}   {extra:>22}")
    print("\n(baseline: dateparser.search_dates on the invitation texts only; first hit taken)")
    texts = [p.read_bytes() for p in files if p.suffix == ".txt"]
    ours_rate = base_rate = 0.0
    for _ in range(5):  # interleaved rounds, best of each: the machine may be busy
        t0 = time.perf_counter()
        for _ in range(10):
            for data in texts:
                read_bytes(data, now=NOW)
        ours_rate = max(ours_rate, 10 * len(texts) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for data in texts:
            baseline(data.decode("utf-8"))
        base_rate = max(base_rate, len(texts) / (time.perf_counter() - t0))
    icss = [p.read_bytes() for p in files if p.suffix == ".ics"]
    t0 = time.perf_counter()
    for _ in range(20):
        for data in icss:
            read_bytes(data, now=NOW)
    ics_rate = 20 * len(icss) / (time.perf_counter() - t0)
    print(
        f"\nspeed on the {len(texts)} invitation texts (warm, best of 5): sopan.read "
        f"{ours_rate:,.0f} msg/s · dateparser.search_dates {base_rate:,.0f} msg/s · "
        f"ratio {ours_rate / base_rate:.1f}×"
    )
    print(f"ics files: sopan.read {ics_rate:,.0f} files/s (icalendar parsing)")
    mailbox_rate, kept = _mailbox_speed()
    print(
        f"mailbox: {mailbox_rate:,.0f} messages/s through read_mailbox "
        f"(1,000 newsletters + the fixtures' emails; {kept} invitations kept)"
    )
    print(f"first pass incl. start-up: sopan {ours_time:.2f} s, dateparser {base_time:.2f} s")
    if failures:
        print("\nwrong:", ", ".join(failures))


if __name__ == "__main__":
    main()
