"""Field-by-field accuracy of `sopan.read` on ../shared/eval-dev (invitations and ics),
with `dateparser.search_dates` as the baseline for date and start time, and speed of both;
then the same table on the invitations the project wrote in other styles
(tests/read/invitations: messages the rules were not written against); then the generated
corpus (tests/corpus.py, 5,000 invitations) per field and per phenomenon.

Scoring is strict: accuracy is right / all labelled fields, by field and by language. A value
that is not the label's is counted as "spurious" when the message gives none (a value read
from nothing) and as "wrong" when it gives another; "honest" is a field reported missing or
ambiguous; "slots" counts template slots taken as values. A file the reader refuses counts
every labelled field as a miss.

The project's invitations are then read again as phone photos of their text (OCR input,
through Tesseract: a few seconds each; `--no-ocr` leaves that table out).

Run: python bench/read.py [CORPUS_SIZE] [--no-ocr]   (from the project root)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from corpus import FIELDS as CORPUS_FIELDS  # noqa: E402
from corpus import NOW as CORPUS_NOW  # noqa: E402
from corpus import generate, judge  # noqa: E402
from evaldev import (  # noqa: E402
    HONEST,
    NOW,
    RIGHT,
    WRONG,
    is_spurious,
    judge_time,
    label_of,
    labelled_files,
    score_file,
    slots_as_values,
)

from sopan.errors import UserError  # noqa: E402
from sopan.model import Invitation  # noqa: E402
from sopan.read import read_bytes, read_file  # noqa: E402

REFUSED = "refused"
SPURIOUS = "spurious"
OWN = ROOT / "tests" / "read" / "invitations"


def strict_table(
    files: list[Path], title: str, read: Callable[[Path], Invitation] | None = None
) -> list[str]:
    """Print accuracy by field and by language, spurious and wrong values apart, and the
    template slots taken as values; return the wrong and spurious rows. `read` reads a file
    (by default as it is; the OCR table reads it as a phone photo of it)."""
    read = read or (lambda path: read_file(path, now=NOW))
    kinds = (RIGHT, HONEST, SPURIOUS, WRONG, REFUSED)
    by_field: dict[str, dict[str, int]] = {}
    by_lang: dict[str, dict[str, int]] = {}
    failures: list[str] = []
    slots = 0
    for path in files:
        label = label_of(path)
        lang = str(label.get("language") or "ics")
        try:
            inv = read(path)
            rows = score_file(path, inv)
            if path.suffix == ".txt":
                slots += len(slots_as_values(inv, label))
        except UserError:  # refused: every labelled field is a miss
            rows = dict.fromkeys(score_file(path, read_bytes(b"interview", now=NOW)), REFUSED)
        for field, verdict in rows.items():
            if verdict == WRONG and path.suffix == ".txt" and is_spurious(label, field):
                verdict = SPURIOUS
            by_field.setdefault(field, dict.fromkeys(kinds, 0))[verdict] += 1
            by_lang.setdefault(lang, dict.fromkeys(kinds, 0))[verdict] += 1
            if verdict in (WRONG, SPURIOUS):
                failures.append(f"{path.name}: {field} ({verdict})")
    print(f"\n{title}")
    head = "".join(f"{k:>9}" for k in kinds)
    print(f"{'field':<14}{'accuracy':>9}{head}")
    for name, counts in [*by_field.items(), *((f"language {k}", v) for k, v in by_lang.items())]:
        n = sum(counts.values())
        row = "".join(f"{counts[k]:>9}" for k in kinds)
        print(f"{name:<14}{counts[RIGHT] / n:>9.3f}{row}")
    total = {k: sum(c[k] for c in by_field.values()) for k in kinds}
    n = sum(total.values())
    print(
        f"strict field accuracy {total[RIGHT] / n:.3f} ({total[RIGHT]}/{n}); "
        f"spurious values {total[SPURIOUS]}; wrong values {total[WRONG]}; "
        f"template slots as values {slots}"
    )
    return failures


def ocr_table(files: list[Path]) -> list[str]:
    """The same strict table for the same invitations given as phone photos of their text
    (JPEG, a little turned, soft, uneven light: tests/scans.py), read through Tesseract."""
    try:
        from scans import encoded, photographed, render
    except ImportError as exc:  # the ocr extra (Pillow) is not installed
        print(f"\nOCR input: skipped ({exc})")
        return []

    def as_photo(path: Path) -> Invitation:
        text = path.read_text("utf-8")
        lines = text.split("\n")
        # a page as wide and as long as the text (a screenshot of a long chat is long)
        page = (180 + 16 * max(map(len, lines)), 180 + 38 * len(lines))
        photo = encoded(photographed(render(text, page=page)), "JPEG", 80)
        return read_bytes(photo, now=NOW, origin=f"{path.stem}.jpg")

    try:
        as_photo(files[0])
    except UserError as exc:
        print(f"\nOCR input: skipped ({exc})")
        return []
    return strict_table(
        files, f"the same {len(files)} invitations as phone photos (OCR input)", as_photo
    )


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
    base_table: dict[str, dict[str, int]] = {"date": {}, "start_time": {}}
    ours_time = base_time = 0.0
    n_txt = len([f for f in files if f.suffix == ".txt"])
    t0 = time.perf_counter()
    failures = strict_table(
        files,
        f"sopan.read on ../shared/eval-dev: {len(files)} labelled files ({n_txt} invitations, "
        f"{len(files) - n_txt} ics)",
    )
    ours_time = time.perf_counter() - t0
    own = sorted(OWN.glob("*.txt"))
    failures += strict_table(
        own, f"sopan.read on the project's own {len(own)} invitations in other styles"
    )
    if "--no-ocr" not in sys.argv:
        failures += [f"OCR {row}" for row in ocr_table(own)]
    for path in files:
        if path.suffix != ".txt":
            continue
        label = label_of(path)
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
    print(
        "\nbaseline dateparser.search_dates (first hit) on the invitation texts: date "
        f"{base_table['date'].get(RIGHT, 0)} right / {base_table['date'].get(WRONG, 0)} wrong, "
        f"start time {base_table['start_time'].get(RIGHT, 0)} right / "
        f"{base_table['start_time'].get(WRONG, 0)} wrong"
    )
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
        print("\nspurious and wrong:", ", ".join(failures))
    sizes = [a for a in sys.argv[1:] if a.isdigit()]
    _corpus(int(sizes[0]) if sizes else 5000)


def _corpus(size: int) -> None:
    """Accuracy on the generated corpus, per field and per phenomenon, and its speed."""
    cases = generate(size, seed=2026)
    per_field: dict[str, dict[str, int]] = {
        f: {RIGHT: 0, HONEST: 0, WRONG: 0} for f in CORPUS_FIELDS
    }
    per_phen: dict[str, dict[str, int]] = {}
    t0 = time.perf_counter()
    for case in cases:
        rows = judge(read_bytes(case.text.encode(), now=CORPUS_NOW), case.truth)
        for field, verdict in rows.items():
            per_field[field][verdict] += 1
            for p in case.phenomena:
                per_phen.setdefault(p, {RIGHT: 0, HONEST: 0, WRONG: 0})[verdict] += 1
    elapsed = time.perf_counter() - t0
    right = sum(c[RIGHT] for c in per_field.values())
    total = sum(sum(c.values()) for c in per_field.values())
    print(f"\ngenerated corpus: {size:,} invitations ({size / elapsed:,.0f} msg/s)")
    print(f"{'field':<14}{'right':>7}{'honest':>8}{'wrong':>7}")
    for field, c in per_field.items():
        print(f"{field:<14}{c[RIGHT]:>7}{c[HONEST]:>8}{c[WRONG]:>7}")
    print(
        f"field accuracy: {right / total:.4f}; wrong values: "
        f"{sum(c[WRONG] for c in per_field.values())}"
    )
    print(f"\n{'phenomenon':<28}{'accuracy':>9}{'wrong':>7}{'cases':>7}")
    for name, c in sorted(per_phen.items()):
        n = sum(c.values())
        print(f"{name:<28}{c[RIGHT] / n:>9.3f}{c[WRONG]:>7}{n // len(CORPUS_FIELDS):>7}")


if __name__ == "__main__":
    main()
