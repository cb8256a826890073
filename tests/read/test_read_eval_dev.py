"""The reader's accuracy floor on ../shared/eval-dev (read at run time, never copied).

The per-message table is `bench/read.py`; here only what must hold over the whole set:
no wrong date, time or zone at all (a missing or ambiguous one, honestly reported, is not
wrong), no template slot as a value, no company or position that is a time or a greeting,
every value traced to a span that holds it, and field accuracy, spurious and wrong values
that must not get worse. Each way of writing behind these figures is tested on the
project's own fixtures; the same holds on invitations the project wrote in other styles
(`test_read_unseen.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from evaldev import (
    NOW,
    RIGHT,
    WRONG,
    is_spurious,
    label_of,
    labelled_files,
    score_file,
    slots_as_values,
    spans_not_holding,
    times_or_greetings,
)

from sopan.model import Invitation
from sopan.read import read_file

pytestmark = pytest.mark.shared

#: The fields where a wrong value goes straight into a decline with a wrong time.
NEVER_WRONG = ("date", "start_time", "end_time", "timezone", "organizer", "attendees", "sequence")
#: Right values over all labelled fields; measured 0.964 on the 136 files of 2026-12-07
#: (0.953 before the reader read the message's parts and built the contact from every mention,
#: 0.963 before a team's signature stopped standing in for an interviewer left as a slot and
#: "between … and …" gave an end).
ACCURACY_FLOOR = 0.963
#: Wrong dates, times or zones allowed: none (a past date nothing presents as the interview's
#: is offered, not asserted).
WRONG_DATES_ALLOWED = 0
#: Spurious values (a value where the message gives none) and wrong ones (another value than
#: the message's) allowed; measured 0 and 0 (were 17 and 5, then 6 and 2, then 1 and 0).
SPURIOUS_ALLOWED = 0
WRONG_ALLOWED = 0


def _read_all() -> list[tuple[Path, Invitation]]:
    return [(path, read_file(path, now=NOW)) for path in labelled_files()]


def _scores() -> tuple[Counter[str], Counter[str], list[str]]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    for path, inv in _read_all():
        for field, verdict in score_file(path, inv).items():
            total[field] += 1
            right[field] += verdict == RIGHT
            if verdict == WRONG:
                wrong.append(f"{path.name}: {field}")
    return right, total, wrong


def test_eval_dev_is_there() -> None:
    files = labelled_files()
    assert len([p for p in files if p.suffix == ".txt"]) >= 30
    assert len([p for p in files if p.suffix == ".ics"]) >= 3


def test_no_wrong_date_time_or_zone() -> None:
    _, _, wrong = _scores()
    never = [w for w in wrong if w.rsplit(": ", 1)[1] in NEVER_WRONG]
    assert len(never) <= WRONG_DATES_ALLOWED, never


def test_field_accuracy_floor() -> None:
    right, total, wrong = _scores()
    accuracy = sum(right.values()) / sum(total.values())
    assert accuracy >= ACCURACY_FLOOR, (accuracy, wrong)


def test_spurious_and_wrong_values_do_not_grow() -> None:
    _, _, wrong = _scores()
    text_wrong = [w for w in wrong if w.rsplit(": ", 1)[1] not in NEVER_WRONG]
    spurious = [w for w in text_wrong if is_spurious(label_of(_path(w)), w.rsplit(": ", 1)[1])]
    others = [w for w in text_wrong if w not in spurious]
    assert len(spurious) <= SPURIOUS_ALLOWED, spurious
    assert len(others) <= WRONG_ALLOWED, others


def _path(row: str) -> Path:
    name = row.rsplit(": ", 1)[0]
    return next(p for p in labelled_files() if p.name == name)


def test_no_template_slot_is_a_value() -> None:
    """No field of any invitation holds a slot, nor a value where the message has only one."""
    held = {
        path.name: slots_as_values(inv, label_of(path))
        for path, inv in _read_all()
        if path.suffix == ".txt"
    }
    assert {name: fields for name, fields in held.items() if fields} == {}


def test_no_company_or_position_is_a_time_or_a_greeting() -> None:
    found = {path.name: times_or_greetings(inv) for path, inv in _read_all()}
    assert {name: bad for name, bad in found.items() if bad} == {}


def test_every_value_is_traced_to_a_span_that_holds_it() -> None:
    """Provenance comes from where each extractor found its value: the span holds it."""
    bad = {path.name: spans_not_holding(inv) for path, inv in _read_all()}
    assert {name: fields for name, fields in bad.items() if fields} == {}


def test_placeholders_never_become_dates_or_links() -> None:
    """A template variable is never a value of the fields a reply writes as facts."""
    held: list[str] = []
    for path in labelled_files():
        if path.suffix != ".txt":
            continue
        inv = read_file(path, now=NOW)
        for value in filter(None, (inv.location, inv.meeting_link, inv.reference)):
            if re.search(r"\{|\}|\[|\]|\$\w|<<", value):
                held.append(f"{path.name}: {value}")
        for field in label_of(path).get("placeholders", {}):
            if field in ("location", "meeting_link") and getattr(inv, field) is not None:
                held.append(f"{path.name}: {field}")
    assert held == []
