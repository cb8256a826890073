"""The eval-dev set beside the checkout (../shared/eval-dev), and how a read invitation is
scored against its labels: shared by the suite's accuracy floors and `bench/read.py`.

The files are read at run time and never copied. Tests that need them carry the
`shared` marker: skipped with a reason in a clone without ../shared, an error on CI.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sopan.language.zones import abbreviations
from sopan.model import Invitation

EVAL_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-dev"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
RIGHT, HONEST, WRONG = "right", "honest", "wrong"


def _norm(value: object) -> str:
    return re.sub(r"[^a-z0-9@]+", " ", str(value).lower()).strip()


def _text_match(got: str | None, want: object) -> str:
    """A text field against its label; a list label names every value that is right."""
    if isinstance(want, list):
        verdicts = {_text_match(got, one) for one in want}
        return RIGHT if RIGHT in verdicts else (HONEST if HONEST in verdicts else WRONG)
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
    offset = _OFFSET.fullmatch(want.upper())
    if offset:  # "GMT+7", "UTC+07:00": any zone at that offset on the day is right
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        on = inv.start or NOW
        got = on.replace(tzinfo=ZoneInfo(written)).utcoffset()
        return RIGHT if got == (delta if sign == "+" else -delta) else WRONG
    iana = want if "/" in want else abbreviations().get(want.upper())
    return RIGHT if iana == written else WRONG


_OFFSET = re.compile(r"(?:GMT|UTC)[ \t]*([+-])(\d{1,2})(?::?(\d{2}))?")


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
        "start_time": _judge_clock(inv, label["start_time"]),
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


def _judge_clock(inv: Invitation, want: str | None) -> str:
    """The start's time of day, or `time` when no start can be made (no date, or a day only
    offered as ambiguous): the JSON contract gives it either way."""
    if inv.start is not None or inv.time_of_day is None:
        return judge_time(inv.start, want, inv)
    if want is None:
        return WRONG
    return RIGHT if inv.time_of_day.strftime("%H:%M") == want else WRONG


def _ics_start(inv: Invitation, want: str, next_day: str | None = None) -> str:
    """DTSTART as written; for a repeating event whose label names the next occurrence
    (`accept_next_occurrence`), that occurrence at the same time of day is right too."""
    if next_day and inv.start is not None and "T" in want:
        same_clock = inv.start.strftime("%H%M%S") == want.rstrip("Z").split("T")[1]
        if inv.start.date().isoformat() == next_day and same_clock:
            return RIGHT
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
    next_day = label.get("accept_next_occurrence")
    end_ok = RIGHT
    if next_day and end_want and inv.end and inv.end.date().isoformat() == next_day:
        end_ok = (
            RIGHT if inv.end.strftime("%H%M%S") == end_want.rstrip("Z").split("T")[1] else WRONG
        )
    elif end_want and "T" in end_want:
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
        "date": _ics_start(inv, label["dtstart"], next_day),
        "start_time": _ics_start(inv, label["dtstart"], next_day),
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


#: each scored field of an invitation → its key in the labels
LABEL_KEYS = {
    "contact": "interviewer_or_contact",
    "reference": "reference_number",
}
#: the keys a label's `placeholders` uses → the scored field the slot stands for
SLOT_KEYS = {
    "company": "company",
    "position": "position",
    "date": "date",
    "date_time": "date",
    "datetime": "date",
    "date_or_datetime": "date",
    "interview_date": "date",
    "start_time": "start_time",
    "end_time": "end_time",
    "location": "location",
    "location_or_link": "location",
    "interview_place": "location",
    "meeting_link": "meeting_link",
    "interview_link": "meeting_link",
    "link": "meeting_link",
    "mode": "mode",
    "interviewer_or_contact": "contact",
    "interviewer": "contact",
    "contact_email": "contact_email",
    "contact_phone": "contact_phone",
    "reference_number": "reference",
}


def label_value(label: dict[str, Any], field: str) -> object:
    """The label's value for a scored field (None when the message does not give it)."""
    return label.get(LABEL_KEYS.get(field, field))


def is_spurious(label: dict[str, Any], field: str) -> bool:
    """Whether a wrong value of `field` is spurious: the message gives none at all."""
    return label_value(label, field) in (None, "", "[redacted]", [])


def values_of(inv: Invitation) -> dict[str, object]:
    """The scored text fields of a read invitation, by the names `invitation_rows` uses."""
    contact = inv.contact
    return {
        "company": inv.company,
        "position": inv.position,
        "location": inv.location,
        "meeting_link": inv.meeting_link,
        "mode": inv.mode,
        "contact": contact.name,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "reference": inv.reference,
        "date": inv.day or inv.start,
        "start_time": inv.start or inv.time_of_day,
        "end_time": inv.end,
    }


def slots_as_values(inv: Invitation, label: dict[str, Any]) -> list[str]:
    """The fields read as a value where the message has only a template slot: a field its
    label's `placeholders` names and no other part of the message gives, or a value that is
    itself a slot ("positionName", "Job Title", "{{ tanggal }}")."""
    from sopan.read.slots import is_slot

    values = values_of(inv)
    held = []
    for key in label.get("placeholders") or {}:
        field = SLOT_KEYS.get(key)
        if field and values.get(field) is not None and is_spurious(label, field):
            held.append(field)
    for field, value in values.items():
        if isinstance(value, str) and field != "mode" and is_slot(value) and field not in held:
            held.append(field)
    return held


#: a time of day: no company or position is one
_TIME = re.compile(r"(?i)\b\d{1,2}[.:]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b")
#: the words greetings begin with: no company or position begins so
_GREETINGS = (
    "dear ", "hi ", "hello ", "halo ", "hai ", "yth", "kepada yth", "selamat pagi", "selamat siang",
    "selamat sore", "selamat malam", "assalamu", "good morning",
)  # fmt: skip


def times_or_greetings(inv: Invitation) -> list[str]:
    """The company or position of `inv` that is a time or begins with a greeting."""
    bad = []
    for field in ("company", "position"):
        value = getattr(inv, field)
        if value and (_TIME.search(value) or value.lower().startswith(_GREETINGS)):
            bad.append(f"{field}={value!r}")
    return bad


def spans_not_holding(inv: Invitation) -> list[str]:
    """The fields whose provenance is a span of the text that does not hold their value, and
    the known fields with no provenance at all."""
    values = {
        "company": inv.company,
        "position": inv.position,
        "location": inv.location,
        "meeting_link": inv.meeting_link,
        "reference": inv.reference,
        "contact.name": inv.contact.name,
        "contact.email": inv.contact.email,
        "contact.phone": inv.contact.phone,
    }
    bad = []
    for field, value in values.items():
        if value is None:
            continue
        fact = inv.fact(field)
        if fact is None:
            bad.append(f"{field}: no provenance")
        elif fact.source == "text":
            held = _norm(inv.text[fact.start : fact.end])
            if _norm(value) not in held:
                bad.append(f"{field}: {value!r} not in {held!r}")
    return bad


def labelled_files() -> list[Path]:
    """Every labelled invitation and calendar file, invitations first."""
    return sorted((EVAL_DEV / "invitations").glob("*.txt")) + sorted(
        (EVAL_DEV / "ics").glob("*.ics")
    )


def label_of(path: Path) -> dict[str, Any]:
    """The hand labels beside a file (NAME.json)."""
    import json

    found: dict[str, Any] = json.loads(path.with_suffix(".json").read_text("utf-8"))
    return found


def score_file(path: Path, inv: Invitation) -> dict[str, str]:
    """Each labelled field of one file: right, honest (reported missing/ambiguous) or wrong."""
    label = label_of(path)
    return ics_rows(inv, label) if path.suffix == ".ics" else invitation_rows(inv, label)
