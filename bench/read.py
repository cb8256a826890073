"""Field-by-field accuracy of `sopan.read` on ../shared/eval-dev (invitations and ics),
with `dateparser.search_dates` as the baseline for date and start time, and speed of both.

Run: python bench/read.py   (from the project root; no arguments)
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0] = str(ROOT / "src")

from sopan.model import Invitation  # noqa: E402
from sopan.read import read_bytes, read_file  # noqa: E402
from sopan.read.words import zone_map  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval-dev"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
RIGHT, HONEST, WRONG = "right", "honest", "wrong"


def _norm(value: object) -> str:
    return re.sub(r"[^a-z0-9@]+", " ", str(value).lower()).strip()


def _text_match(got: str | None, want: object) -> str:
    if want in (None, "", "[redacted]"):
        return RIGHT if got is None else WRONG
    if got is None:
        return HONEST
    g, w = _norm(got), _norm(want)
    return RIGHT if g and (g in w or w in g) else WRONG


def _local(inv: Invitation) -> datetime | None:
    return inv.start


def _has_start_ambiguity(inv: Invitation) -> bool:
    return any(a.field == "start" for a in inv.ambiguous)


def judge_date(inv: Invitation, want: str | None) -> str:
    day = inv.start.date() if inv.start else inv.day
    if want is None:
        return RIGHT if day is None else WRONG
    if day is None:
        return HONEST if ("start" in inv.missing or _has_start_ambiguity(inv)) else WRONG
    got = day.isoformat()
    ok = got[4:] == want[1:] if want.startswith("--") else got == want
    if ok:
        return RIGHT
    return HONEST if _has_start_ambiguity(inv) else WRONG


def judge_time(start: datetime | None, want: str | None, inv: Invitation | None = None) -> str:
    if want is None:
        return RIGHT if start is None else WRONG
    if start is None:
        return HONEST if inv is not None else WRONG
    return RIGHT if start.strftime("%H:%M") == want else WRONG


def judge_zone(inv: Invitation, want: str | None) -> str:
    written = inv.timezone if "timezone" not in inv.missing else None
    if want is None:
        return RIGHT if written is None else WRONG
    if written is None:
        return HONEST
    return RIGHT if zone_map().get(want.upper()) == written else WRONG


def judge_reply_by(inv: Invitation, want: str | None) -> str:
    if want is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(want)):
        return RIGHT if inv.reply_by is None else WRONG
    if inv.reply_by is None:
        return HONEST
    return RIGHT if inv.reply_by.date().isoformat() == want else WRONG


def invitation_rows(inv: Invitation, label: dict[str, Any]) -> dict[str, str]:
    end = inv.end if inv.end and inv.start else None
    contact = inv.contact
    return {
        "date": judge_date(inv, label["date"]),
        "start_time": judge_time(inv.start, label["start_time"], inv),
        "end_time": _judge_end(inv, end, label),
        "timezone": judge_zone(inv, label["timezone"]),
        "mode": RIGHT if inv.mode == label["mode"] else (HONEST if inv.mode is None else WRONG),
        "company": _text_match(inv.company, label["company"]),
        "position": _text_match(inv.position, label["position"]),
        "location": _text_match(inv.location, label["location"]),
        "meeting_link": _text_match(inv.meeting_link, label["meeting_link"]),
        "contact": _text_match(contact.name, label["interviewer_or_contact"]),
        "contact_email": _text_match(contact.email, label["contact_email"]),
        "contact_phone": _text_match(contact.phone, label["contact_phone"]),
        "reference": _text_match(inv.reference, label["reference_number"]),
        "reply_by": judge_reply_by(inv, label["reply_by"]),
    }


def _ics_start(inv: Invitation, want: str) -> str:
    if "T" not in want:
        return RIGHT if inv.day and inv.day.strftime("%Y%m%d") == want else WRONG
    if inv.start is None:
        return WRONG
    moment = inv.start.astimezone(ZoneInfo("UTC")) if want.endswith("Z") else inv.start
    return RIGHT if moment.strftime("%Y%m%dT%H%M%S") == want.rstrip("Z") else WRONG


def _judge_end(inv: Invitation, end: datetime | None, label: dict[str, Any]) -> str:
    minutes = label.get("duration_minutes")
    if label["end_time"] is None and minutes and end is not None and inv.start is not None:
        # the text gives a length ("45 minutes"), not an end: start + length is right
        return RIGHT if (end - inv.start).total_seconds() == minutes * 60 else WRONG
    return judge_time(end, label["end_time"], inv)


def ics_rows(inv: Invitation, label: dict[str, Any]) -> dict[str, str]:
    org = re.search(r"<([^>]+)>", label["organizer"])
    want_att = {re.search(r"<([^>]+)>", a).group(1).lower() for a in label["attendees"]}  # type: ignore[union-attr]
    got_att = {re.sub(r".*<|>", "", a).lower() for a in inv.attendees}
    end_want = label.get("dtend")
    end_ok = RIGHT
    if end_want and "T" in end_want:
        end_ok = (
            RIGHT
            if inv.end
            and (
                inv.end.astimezone(ZoneInfo("UTC")) if end_want.endswith("Z") else inv.end
            ).strftime("%Y%m%dT%H%M%S")
            == end_want.rstrip("Z")
            else WRONG
        )
    return {
        "date": _ics_start(inv, label["dtstart"]),
        "start_time": _ics_start(inv, label["dtstart"]),
        "end_time": end_ok,
        "organizer": RIGHT if org and inv.organizer == org.group(1) else WRONG,
        "attendees": RIGHT if want_att == got_att else WRONG,
        "sequence": RIGHT if inv.sequence == int(label.get("sequence", 0)) else WRONG,
        "uid": RIGHT if inv.uid else WRONG,
        **(
            {"location": _text_match(inv.location, label["location"] or None)}
            if "location" in label
            else {}
        ),
    }


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
    files = sorted((EVAL / "invitations").glob("*.txt")) + sorted((EVAL / "ics").glob("*.ics"))
    table: dict[str, dict[str, int]] = {}
    base_table: dict[str, dict[str, int]] = {"date": {}, "start_time": {}}
    failures: list[str] = []
    ours_time = base_time = 0.0
    for path in files:
        label = json.loads(path.with_suffix(".json").read_text("utf-8"))
        t0 = time.perf_counter()
        inv = read_file(path, now=NOW)
        ours_time += time.perf_counter() - t0
        rows = ics_rows(inv, label) if path.suffix == ".ics" else invitation_rows(inv, label)
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
