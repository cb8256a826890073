"""Calendar invitations: which event and which occurrence the invitation is about, and
files that are not invitations at all (a cancellation, a reply)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.errors import UserError
from sopan.read import read_bytes, read_file

ICS = Path(__file__).resolve().parent.parent / "fixtures" / "ics"
EML = ICS.parent / "eml"
WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=WIB)


def test_weekly_series_skips_exdate_and_takes_the_moved_occurrence() -> None:
    inv = read_file(ICS / "outlook_weekly_exdate_and_moved_occurrence.ics", now=NOW)
    # 26 Nov is excluded; 3 Dec was moved from 10.00 to 14.00 with its own SEQUENCE
    assert inv.start == datetime(2026, 12, 3, 14, 0, tzinfo=WIB)
    assert inv.end == datetime(2026, 12, 3, 15, 0, tzinfo=WIB)
    # the Windows zone name ("SE Asia Standard Time"), read as the city of it where the person
    # lives (UTC+7 in Jakarta as in Bangkok)
    assert inv.timezone == "Asia/Jakarta"
    assert inv.sequence == 2
    assert inv.uid == "040000008200E00074C5B7101A82E0080000000012345678"
    assert inv.organizer == "dewi.lestari@karyamandiri.example"
    assert inv.attendees == ("Rina Kartika Sari <rina.kartika@example.com>",)


def test_weekly_series_before_its_exdate_gives_the_plain_next_thursday() -> None:
    now = datetime(2026, 11, 13, 8, 0, tzinfo=WIB)
    inv = read_file(ICS / "outlook_weekly_exdate_and_moved_occurrence.ics", now=now)
    assert inv.start == datetime(2026, 11, 19, 10, 0, tzinfo=WIB)
    assert inv.sequence == 1  # the series' own


def test_series_that_began_last_month_is_read_at_its_next_date() -> None:
    inv = read_file(ICS / "google_weekly_started_last_month.ics", now=NOW)
    assert inv.start == datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert inv.end is not None and (inv.end - inv.start).total_seconds() == 30 * 60
    assert inv.timezone == "Asia/Makassar"


def test_an_occurrence_starting_exactly_now_counts() -> None:
    now = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    inv = read_file(ICS / "google_weekly_started_last_month.ics", now=now)
    assert inv.start == now


def test_rdate_dates_are_occurrences_too() -> None:
    inv = read_file(ICS / "request_rdate_extra_dates.ics", now=NOW)
    assert inv.start == datetime(2026, 11, 24, 13, 0, tzinfo=WIB)
    later = read_file(ICS / "request_rdate_extra_dates.ics", now=datetime(2026, 11, 25, tzinfo=WIB))
    assert later.start == datetime(2026, 12, 1, 13, 0, tzinfo=WIB)


def test_a_cancelled_occurrence_is_skipped() -> None:
    inv = read_file(ICS / "request_next_occurrence_cancelled.ics", now=NOW)
    # today's 15.00 occurrence is cancelled by its override: tomorrow's is the next one
    assert inv.start == datetime(2026, 11, 21, 15, 0, tzinfo=WIB)
    assert inv.sequence == 0


def test_a_series_whose_dates_have_all_passed_keeps_its_first_date() -> None:
    inv = read_file(ICS / "series_ended_long_ago.ics", now=NOW)
    assert inv.start == datetime(2025, 1, 6, 10, 0, tzinfo=WIB)


def test_endless_rule_started_long_ago_is_cut_within_a_second() -> None:
    # CPU time: the bound is on the work done, not on how busy other test workers keep the machine.
    started = time.process_time()
    inv = read_file(ICS / "minutely_endless_started_2025.ics", now=NOW)
    assert time.process_time() - started < 1.0
    assert inv.start == NOW  # every minute: the one at 09.00 today


def test_endless_secondly_rule_after_its_start_is_cut_within_a_second() -> None:
    now = datetime(2027, 3, 1, 10, 30, 15, tzinfo=WIB)
    started = time.process_time()
    inv = read_file(ICS / "rrule_without_end.ics", now=now)
    assert time.process_time() - started < 1.0
    assert inv.start == now


def test_of_unrelated_events_the_interview_is_chosen() -> None:
    inv = read_file(ICS / "lunch_and_interview_unrelated.ics", now=NOW)
    assert inv.start == datetime(2026, 11, 27, 14, 0, tzinfo=WIB)
    assert inv.uid == "interview-2026-11-27@sentosa.example"
    assert inv.sequence == 2
    assert inv.organizer == "maya@sentosa.example"
    assert inv.ambiguous == ()


def test_two_interviews_in_one_file_are_reported_with_both_candidates() -> None:
    inv = read_file(ICS / "two_interviews_undecided.ics", now=NOW)
    (amb,) = [a for a in inv.ambiguous if a.field == "start"]
    assert len(amb.candidates) == 2
    assert amb.candidates[0].startswith("2026-11-30T14:00:00+07:00")  # the sooner first
    assert "Interview User" in amb.candidates[0]
    assert amb.candidates[1].startswith("2026-12-02T09:00:00+07:00")
    assert inv.uid == "user-round@cerah.example"  # the values shown are the first candidate's


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("cancel_method_cancelled_interview.ics", "this is a cancellation of the interview"),
        ("request_status_cancelled.ics", "this is a cancellation of the interview"),
        ("reply_method_accepted.ics", "reply to an invitation"),
    ],
)
def test_a_calendar_file_that_is_not_an_invitation_is_refused(name: str, says: str) -> None:
    with pytest.raises(UserError) as err:
        read_file(ICS / name, now=NOW)
    message = str(err.value)
    assert says in message and name in message and "\n" not in message


def test_an_email_carrying_a_cancellation_is_refused() -> None:
    with pytest.raises(UserError, match="cancellation of the interview, not an invitation"):
        read_file(EML / "en_cancellation_with_ics_attachment.eml", now=NOW)


@pytest.mark.parametrize("method", ["COUNTER", "DECLINECOUNTER", "REFRESH"])
def test_other_itip_answers_are_refused(method: str) -> None:
    data = (ICS / "reply_method_accepted.ics").read_bytes().replace(b"REPLY", method.encode())
    with pytest.raises(UserError, match="not an invitation"):
        read_bytes(data, now=NOW, origin="x.ics")


def test_a_cancelled_event_beside_a_live_interview_does_not_refuse_the_file() -> None:
    both = (ICS / "request_status_cancelled.ics").read_text().replace("END:VCALENDAR\n", "")
    live = (ICS / "lunch_and_interview_unrelated.ics").read_text()
    live = live[live.index("BEGIN:VEVENT", live.index("END:VEVENT")) :]
    inv = read_bytes((both + live).encode(), now=NOW, origin="mixed.ics")
    assert inv.uid == "interview-2026-11-27@sentosa.example"
