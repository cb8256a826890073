"""Every fixture written for the reader, with what it must say (and what it must not guess)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sopan.errors import UserError
from sopan.model.contracts import invitation_json as to_json
from sopan.read import read_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))

# fixture → expected JSON values (only the keys listed are checked; "ambiguous" is a field name)
CASES: dict[str, dict[str, Any]] = {
    "eml/id_plain_8bit_onsite.eml": {
        "start": "2026-11-26T09:00:00+07:00",
        "end": "2026-11-26T10:30:00+07:00",
        "timezone": "Asia/Jakarta",
        "company": "PT Sinar Logistik Nusantara",
        "position": "Staf Gudang",
        "mode": "onsite",
        "reference": "112/SLN-HR/XI/2026",
        "reply_by": "2026-11-23T16:00:00+07:00",
        "contact.phone": "0812-7777-1234",
        "contact.name": "Ayu Pratiwi",
        "language": "id",
        "city": "Jakarta",
    },
    "eml/id_html_only_quoted_printable.eml": {
        "start": "2026-11-24T13:30:00+07:00",
        "end": "2026-11-24T15:00:00+07:00",
        "position": "Akuntan Junior",
        "company": "PT Cahaya Abadi Sentosa",
        "city": "Bandung",
        "location": "Menara Cahaya Lt. 12, Jl. Asia Afrika No. 8, Bandung",
    },
    "eml/en_html_only_base64.eml": {
        "start": "2026-12-02T10:00:00+07:00",
        "end": "2026-12-02T11:00:00+07:00",
        "meeting_link": "https://meet.google.com/abc-defg-hij",
        "mode": "online",
        "position": "Backend Engineer",
        "reply_by_date": "2026-11-27",
        "language": "en",
    },
    "eml/id_iso_8859_1_charset.eml": {
        "start": "2026-11-28T10:00:00+07:00",
        "location": "Kafé Braga, Jl. Braga No. 15, Bandung",
        "company": "CV Kafe Braga",
    },
    "eml/en_windows_1252_smart_quotes.eml": {
        "start": "2026-12-03T10:00:00+08:00",
        "end": "2026-12-03T11:00:00+08:00",
        "timezone": "Asia/Singapore",
        "company": "Northwind Analytics Ltd",
        "reply_by_date": "2026-11-30",
    },
    "eml/id_mislabelled_utf8_as_latin1.eml": {
        "start": "2026-12-04T14:00:00+07:00",
        "end": "2026-12-04T15:00:00+07:00",
        "position": "Desainer Grafis",
    },
    "eml/id_forwarded_inline.eml": {
        "start": "2026-11-30T10:00:00+07:00",
        "contact.name": "Lina Marlina",
        "contact.email": "lina@mandirisejahtera.example",
        "company": "PT Mandiri Sejahtera Abadi",
        "city": "Surabaya",
    },
    "eml/en_forwarded_as_attachment.eml": {
        "start": "2026-11-27T15:00:00+08:00",
        "contact.name": "Grace Lim",
        "contact.email": "grace@harbourtech.example",
        "access_code": "771122",
        "meeting_link": "https://zoom.us/j/5551234567",
    },
    "eml/id_reply_quoted_history_reschedule.eml": {
        "start": "2026-11-25T14:00:00+07:00",
        "end": "2026-11-25T15:00:00+07:00",
        "ambiguous": [],
    },
    "eml/en_outlook_reply_moved_time.eml": {
        "start": "2026-11-24T15:00:00+07:00",
        "ambiguous": [],
        "access_code": "9911",
        "meeting_link": "https://zoom.us/j/111222333",
        "position": "Barista Lead",
        "company": "Kopi Nusantara",
    },
    "eml/en_google_invite_dial_in_pin.eml": {
        "start": "2026-12-04T10:00:00+07:00",
        "end": "2026-12-04T11:00:00+07:00",
        "access_code": None,
        "contact.phone": None,
        "contact.email": "nadia@lumbung.example",
        "contact.name": "Nadia Putri",
        "meeting_link": "https://meet.google.com/lpd-grow-mkt",
        "uid": "lpd-growth-interview@google.com",
        "company": "PT Lumbung Pangan Digital",
    },
    "eml/id_date_only_in_subject.eml": {
        "start": "2026-11-20T10:00:00+07:00",
        "city": "Bandung",
        "mode": "onsite",
        "location": "kantor kami, Jl. Dago No. 44, Bandung",
    },
    "eml/en_with_ics_attachment.eml": {
        "start": "2026-12-01T09:00:00+07:00",
        "uid": "lautbiru-interview-001@google.com",
        "meeting_link": "https://meet.google.com/lbd-prod-anl",
    },
    "eml/id_letter_date_trap.eml": {
        "start": "2026-11-26T08:30:00+07:00",
        "end": None,
        "reference": "077/BPL-HRD/XI/2026",
        "city": "Semarang",
    },
    "eml/id_relative_besok.eml": {"start": "2026-11-24T09:00:00+07:00", "city": "Medan"},
    "eml/en_relative_next_tuesday.eml": {
        "start": "2026-11-24T15:00:00-05:00",
        "timezone": "America/New_York",
        "mode": "phone",
    },
    "eml/id_teams_online_wita.eml": {
        "start": "2026-12-02T09:00:00+08:00",
        "timezone": "Asia/Makassar",
        "mode": "online",
        "access_code": "7Hk2pQ",
        "meeting_link": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0",
    },
    "eml/en_phone_interview_ist.eml": {
        "start": "2026-12-04T11:30:00+05:30",
        "timezone": "Asia/Kolkata",
        "mode": "phone",
        "contact.phone": "+91 98765 43210",
    },
    "eml/en_placeholder_template.eml": {
        "start": None,
        "position": None,
        "location": None,
        "missing_has": ["start", "position"],
    },
    "eml/id_past_test_date_trap.eml": {"start": "2026-11-19T10:00:00+07:00", "ambiguous": []},
    "eml/id_no_date_asks_availability.eml": {
        "start": None,
        "ambiguous": [],
        "missing_has": ["start"],
        "position": "Staf Administrasi",
    },
    "eml/en_numeric_date_ambiguous.eml": {"start": None, "ambiguous": ["start"]},
    "eml/en_numeric_us_est.eml": {"start": "2026-12-04T10:00:00-05:00"},
    "eml/id_numeric_dmy.eml": {"start": "2026-12-04T10:00:00+07:00", "ambiguous": []},
    "eml/en_no_year_date.eml": {"start": "2027-01-14T14:00:00+08:00", "ambiguous": []},
    "ics/google_meet_request_utc.ics": {
        "start": "2026-11-30T03:00:00+00:00",
        "uid": "tokobuku-int-42@google.com",
        "meeting_link": "https://meet.google.com/tbk-abcd-efg",
        "source": "ics",
    },
    "ics/outlook_windows_tzid.ics": {
        "start": "2026-12-03T10:00:00+07:00",
        "timezone": "Asia/Jakarta",  # SE Asia Standard Time, read by a person in Jakarta
        "uid": "040000008200E00074C5B7101A82E00800000000BANKMAJU0001",
    },
    "ics/teams_request_singapore_standard_time.ics": {
        "start": "2026-12-07T16:00:00+08:00",
        "timezone": "Asia/Singapore",
        "access_code": "Ab3dE9",
        "meeting_link": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_XYZ%40thread.v2/0",
    },
    "ics/zoom_request_passcode_jakarta.ics": {
        "start": "2026-12-04T14:00:00+07:00",
        "access_code": "556677",
        "meeting_link": "https://us02web.zoom.us/j/98712345678",
    },
    "ics/x_wr_timezone_floating.ics": {
        "start": "2026-12-08T09:00:00+08:00",
        "timezone": "Asia/Makassar",
        "city": "Denpasar",
    },
    "ics/all_day_event.ics": {"start": None, "ambiguous": ["start"], "day": "2026-12-09"},
    "ics/rrule_without_end.ics": {"start": "2026-12-01T08:00:00+07:00"},
    "ics/updated_request_sequence_3.ics": {
        "start": "2026-12-10T10:00:00+09:00",
        "sequence": 3,
        "attendees": 2,
        "organizer": "yohana@sekolahcendekia.example",
    },
    "ics/custom_vtimezone_name.ics": {
        "start": "2026-12-14T09:30:00+08:00",
        "timezone": "Etc/GMT-8",
        "city": "Balikpapan",
        "position": "Supervisor Tambang",
    },
    "ics/outlook_utc_offset_tzid.ics": {"start": "2026-12-11T13:30:00+07:00"},
    "text/id_whatsapp_bold_emoji.txt": {
        "start": "2026-11-27T13:30:00+07:00",
        "company": "PT Sayur Segar Nusantara",
        "position": "Content Creator",
        "meeting_link": "https://meet.google.com/ssn-cont-ent",
    },
    # a relative day in a message with no date of its own is counted from today, and only
    # offered: the message may be days old
    "text/id_whatsapp_lusa_no_subject.txt": {"start": None, "offered": "2026-11-22T10:00:00+07:00"},
    "text/en_linkedin_next_monday.txt": {
        "start": None,
        "offered": "2026-11-23T10:00:00-08:00",
        "timezone": "America/Los_Angeles",
    },
    "text/id_senin_depan_wit.txt": {
        "start": None,
        "offered": "2026-11-23T09:00:00+09:00",
        "city": "Jayapura",
    },
    "text/en_12_hour_range.txt": {
        "start": "2026-12-04T13:30:00+07:00",
        "end": "2026-12-04T14:15:00+07:00",
        "missing_has": ["timezone"],
    },
    "text/id_sd_selesai_wita.txt": {
        "start": "2026-12-01T08:00:00+08:00",
        "end": None,
        "timezone": "Asia/Makassar",
    },
    "text/id_placeholders_all_forms.txt": {
        "start": None,
        "position": None,
        "location": None,
        "ambiguous": [],
    },
    "text/id_deadline_before_interview_trap.txt": {
        "start": "2026-11-25T10:00:00+07:00",
        "reply_by_date": "2026-11-23",
    },
    "text/en_two_dates_undecided.txt": {"start": None, "ambiguous": ["start"]},
    "text/en_utc_offset_explicit.txt": {"start": "2026-12-08T10:00:00+05:30"},
    "text/id_month_abbrev_gmt7.txt": {"start": "2026-12-07T09:30:00+07:00"},
    "text/en_ref_id_and_confirm_by.txt": {
        "start": "2026-12-09T11:00:00+07:00",
        "reference": "8821",
        "reply_by_date": "2026-11-27",
    },
    "text/id_weekday_mismatch.txt": {"start": "2026-12-25T10:00:00+07:00", "ambiguous": ["start"]},
    "text/en_day_month_ordinal.txt": {"start": "2026-12-03T16:00:00+01:00"},
    "mbox/two_invitations_among_others.mbox": {"start": "2026-12-02T15:00:00+08:00"},
    # no zone written for an on-site interview: the local time of the city, still flagged
    "text/id_onsite_makassar_no_zone.txt": {
        "start": "2026-11-30T09:00:00+08:00",
        "timezone": "Asia/Makassar",
        "city": "Makassar",
        "missing_has": ["timezone"],
    },
    "text/en_onsite_manado_no_zone.txt": {
        "start": "2026-11-30T09:00:00+08:00",
        "timezone": "Asia/Makassar",
        "city": "Manado",
        "missing_has": ["timezone"],
        "location": "our office, Jl. Sam Ratulangi 5, Manado",
    },
    # city names that are everyday words in the prose are no city: the time stays WIB
    "text/id_onsite_company_named_nusantara.txt": {
        "start": "2026-11-30T09:00:00+07:00",
        "city": None,
    },
    "text/en_onsite_city_words_in_prose.txt": {
        "start": "2026-11-30T09:00:00+07:00",
        "city": None,
        "location": "our office, 12 Orchard Road",
    },
    # recurring invitations: the next occurrence at or after now (2026-11-20 09:00 WIB)
    "ics/outlook_weekly_exdate_and_moved_occurrence.ics": {
        "start": "2026-12-03T14:00:00+07:00",
        "sequence": 2,
    },
    "ics/google_weekly_started_last_month.ics": {"start": "2026-11-26T09:00:00+08:00"},
    "ics/request_rdate_extra_dates.ics": {"start": "2026-11-24T13:00:00+07:00", "sequence": 4},
    "ics/request_next_occurrence_cancelled.ics": {"start": "2026-11-21T15:00:00+07:00"},
    "ics/series_ended_long_ago.ics": {"start": "2025-01-06T10:00:00+07:00"},
    "ics/minutely_endless_started_2025.ics": {"start": "2026-11-20T09:00:00+07:00"},
    # several unrelated events: the interview, or the candidates when two could be
    "ics/lunch_and_interview_unrelated.ics": {
        "start": "2026-11-27T14:00:00+07:00",
        "uid": "interview-2026-11-27@sentosa.example",
        "ambiguous": [],
    },
    "ics/two_interviews_undecided.ics": {"ambiguous": ["start"]},
    # not invitations: a clear one-line error, never an interview to decline
    "ics/cancel_method_cancelled_interview.ics": {"error": "cancellation of the interview"},
    "ics/request_status_cancelled.ics": {"error": "cancellation of the interview"},
    "ics/reply_method_accepted.ics": {"error": "reply to an invitation"},
    "eml/en_cancellation_with_ics_attachment.eml": {"error": "cancellation of the interview"},
}


def test_there_are_at_least_forty_fixtures() -> None:
    files = [p for p in FIXTURES.glob("*/*") if p.parent.name in ("eml", "ics", "text", "mbox")]
    assert len(files) >= 40
    assert {str(p.relative_to(FIXTURES)) for p in files} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_reads_as_expected(name: str) -> None:
    if "error" in CASES[name]:
        with pytest.raises(UserError, match=CASES[name]["error"]):
            read_file(FIXTURES / name, now=NOW)
        return
    inv = read_file(FIXTURES / name, now=NOW)
    got = to_json(inv)
    for key, want in CASES[name].items():
        if key == "ambiguous":
            assert [a["field"] for a in got["ambiguous"]] == want, got["ambiguous"]
        elif key == "missing_has":
            assert set(want) <= set(got["missing"]), got["missing"]
        elif key == "reply_by_date":
            assert got["reply_by"] and got["reply_by"][:10] == want
        elif key.startswith("contact."):
            assert got["contact"][key.split(".")[1]] == want
        elif key == "city":
            assert inv.city == want
        elif key == "offered":
            assert [a.candidates for a in inv.ambiguous if a.field == "start"] == [(want,)]
        elif key == "day":
            assert inv.day is not None and inv.day.isoformat() == want
        elif key == "sequence":
            assert inv.sequence == want
        elif key == "attendees":
            assert len(inv.attendees) == want
        elif key == "organizer":
            assert inv.organizer == want
        else:
            assert got[key] == want, (key, got[key])


def test_email_threading_fields_are_filled() -> None:
    inv = read_file(FIXTURES / "eml/id_reply_quoted_history_reschedule.eml", now=NOW)
    assert inv.message_id == "<reply-2@nusantaradata.example>"
    assert inv.references == ("<20261118091200.4821@nusantaradata.example>",)
    assert inv.subject == "Re: Undangan Interview - Data Analyst"
    assert inv.reply_to == "rekrutmen@nusantaradata.example"
    assert inv.sent_at == datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_calendar_fields_are_filled_for_itip_replies() -> None:
    inv = read_file(FIXTURES / "ics/outlook_windows_tzid.ics", now=NOW)
    assert inv.organizer == "siti.rahma@bankmaju.example"
    assert inv.attendees == ("Rina Kartika Sari <rina.kartika@example.com>",)
    assert inv.sequence == 1


def test_forwarded_note_writer_is_not_the_contact() -> None:
    inv = read_file(FIXTURES / "eml/id_forwarded_inline.eml", now=NOW)
    assert inv.contact.name != "Budi"
    assert inv.reply_to == "lina@mandirisejahtera.example"  # answered to the original sender
    assert inv.subject == "Undangan Interview - Marketing Executive"


def test_forward_as_attachment_threads_with_the_original() -> None:
    inv = read_file(FIXTURES / "eml/en_forwarded_as_attachment.eml", now=NOW)
    assert inv.message_id == "<inner@harbourtech.example>" and inv.references == ()
    assert inv.reply_to == "grace@harbourtech.example"
    assert inv.subject == "Interview invitation: QA Engineer at Harbour Tech"
    assert inv.sent_at == datetime(2026, 11, 17, 9, 30, tzinfo=ZoneInfo("Asia/Singapore"))


def test_letter_date_is_never_the_interview_date() -> None:
    inv = read_file(FIXTURES / "eml/id_letter_date_trap.eml", now=NOW)
    assert inv.start is not None and inv.start.day == 26
    assert all("2026-11-16" not in c for a in inv.ambiguous for c in a.candidates)


def test_examples_read_perfectly(tmp_path: Path) -> None:
    en = to_json(read_file(EXAMPLES / "interview_invitation_en.eml", now=NOW))
    assert en["start"] == "2026-11-30T14:30:00+08:00" and en["timezone"] == "Asia/Singapore"
    assert en["company"] == "BrightPath Labs" and en["position"] == "Product Designer"
    assert en["meeting_link"] == "https://zoom.us/j/98765432101" and en["access_code"] == "482913"
    assert en["contact"] == {
        "name": "Sarah Mitchell",
        "honorific": None,
        "email": "talent@brightpath.example",
        "phone": "+65 6123 4567",
    }
    assert en["reply_by"][:10] == "2026-11-25" and en["mode"] == "online"
    assert en["ambiguous"] == [] and en["missing"] == ["end"]
    idn = to_json(read_file(EXAMPLES / "undangan_wawancara_id.eml", now=NOW))
    assert idn["start"] == "2026-11-23T10:00:00+07:00"
    assert idn["end"] == "2026-11-23T11:30:00+07:00"
    assert idn["company"] == "PT Nusantara Data Teknologi" and idn["position"] == "Data Analyst"
    assert idn["reference"] == "045/HRD-REK/XI/2026" and idn["mode"] == "onsite"
    assert idn["contact"] == {
        "name": "Dewi Lestari",
        "honorific": None,
        "email": "rekrutmen@nusantaradata.example",
        "phone": "021-5551234",
    }
    assert idn["reply_by"][:10] == "2026-11-20"
    assert idn["missing"] == [] and idn["ambiguous"] == []
