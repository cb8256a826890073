"""The date and time scanner and the chooser, one written form at a time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text
from sopan.read.dates import find_dates
from sopan.read.slots import blank as blank_placeholders
from sopan.read.times import duration_minutes, find_times, zone_name

BASE = date(2026, 11, 18)  # a Wednesday
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.mark.parametrize(
    "text, want",
    [
        ("Senin, 23 November 2026", "2026-11-23"),
        ("Monday, November 23, 2026", "2026-11-23"),
        ("23 Nov 2026", "2026-11-23"),
        ("Nov. 23, 2026", "2026-11-23"),
        ("23 Agt 2026", "2026-08-23"),
        ("Rabu, 2 Desember 2026", "2026-12-02"),
        ("2 Des 2026", "2026-12-02"),
        ("Thursday 22nd March 2018", "2018-03-22"),
        ("the 3rd of December 2026", "2026-12-03"),
        ("2026-12-05", "2026-12-05"),
        ("23/11/2026", "2026-11-23"),
        ("23-11-2026", "2026-11-23"),
        ("03.03.2026", "2026-03-03"),
        ("23 Nopember 2026", "2026-11-23"),
        ("Jum'at, 4 Desember 2026", "2026-12-04"),
        ("2026/12/10", "2026-12-10"),
        ("tanggal 10 bulan Desember 2026", "2026-12-10"),
        # a weekday joined to its date by a slash, a dash or a bare comma
        ("Rabu/9 Desember 2026", "2026-12-09"),
        ("Rabu-9 Desember 2026", "2026-12-09"),
        ("Rabu,9 Desember 2026", "2026-12-09"),
        ("Hari/Tanggal: Rabu/09-12-2026", "2026-12-09"),
    ],
)
def test_absolute_dates_both_languages(text: str, want: str) -> None:
    hits = find_dates(text, BASE, "dmy")
    assert [h.day.isoformat() for h in hits] == [want]


@pytest.mark.parametrize(
    "text, want",
    [
        ("besok", "2026-11-19"),
        ("lusa", "2026-11-20"),
        ("hari ini", "2026-11-18"),
        ("tomorrow", "2026-11-19"),
        ("interview tmrw 3pm", "2026-11-19"),
        ("bsk jam 10", "2026-11-19"),
        ("jam 4 sore ini", "2026-11-18"),
        ("this afternoon at 3pm", "2026-11-18"),
        ("tonight at 7pm", "2026-11-18"),
        ("Senin depan", "2026-11-23"),
        ("next Monday", "2026-11-23"),
        ("Jumat ini", "2026-11-20"),
        ("this Friday", "2026-11-20"),
        ("Oct 12", "2027-10-12"),  # no year: the next such date after the message date
        ("25 Desember", "2026-12-25"),
    ],
)
def test_relative_and_yearless_dates(text: str, want: str) -> None:
    hits = find_dates(text, BASE, "dmy")
    assert hits and hits[0].day.isoformat() == want


def test_next_weekday_in_the_same_week_is_reported_both_ways() -> None:
    hit = find_dates("next Friday", BASE, "dmy")[0]
    assert hit.day == date(2026, 11, 27) and hit.alternatives == (date(2026, 11, 20),)


def test_minggu_depan_is_next_week_not_sunday() -> None:
    assert find_dates("dalam minggu depan", BASE, "dmy") == []
    assert find_dates("Mohon informasikan ketersediaan minggu ini", BASE, "dmy") == []


def test_a_weekday_joined_to_its_date_is_its_weekday() -> None:
    for text in ("Rabu/9 Desember 2026", "Rabu / 9 Desember 2026", "Rabu (9/12/2026)"):
        (hit,) = find_dates(text, BASE, "dmy")
        assert (hit.day, hit.weekday, hit.start) == (date(2026, 12, 9), 2, 0)
    # a number joined to a number is not a day: "3,5 Desember", "3/9 Desember"
    assert find_dates("nilai 3,5 Desember", BASE, "dmy") == []
    assert find_dates("IPK 3/9 Desember", BASE, "dmy") == []


def test_a_weekday_written_after_its_date_is_its_weekday() -> None:
    for text, wd in (
        ("10 Dec (Thursday)", 3), ("December 10, Thu", 3), ("10/12/2026 (Kamis)", 3),
        ("10 Dec (Friday)", 4),  # not that day's: kept, for the chooser to ask
    ):  # fmt: skip
        (hit,) = find_dates(text, BASE, "dmy")
        assert (hit.day, hit.weekday, hit.end) == (date(2026, 12, 10), wd, len(text))
    # no year, the weekday after it in brackets: the weekday decides the order
    for text, order, day in (
        ("10/12 (Thu)", "unknown", date(2026, 12, 10)),
        ("10/12 (Kamis)", "dmy", date(2026, 12, 10)),
    ):  # fmt: skip
        (hit,) = find_dates(text, BASE, order)  # type: ignore[arg-type]
        assert (hit.day, hit.weekday, hit.alternatives, hit.end) == (day, 3, (), len(text))
    # a weekday in the next sentence is not the date's
    assert len(find_dates("10 December 2026. Thursday is fine too", BASE, "dmy")) == 2


def test_numeric_order() -> None:
    assert find_dates("04/12/2026", BASE, "dmy")[0].day == date(2026, 12, 4)
    assert find_dates("04/12/2026", BASE, "mdy")[0].day == date(2026, 4, 12)
    unknown = find_dates("04/12/2026", BASE, "unknown")[0]
    assert unknown.alternatives == (date(2026, 4, 12),)
    assert find_dates("13/12/2026", BASE, "mdy")[0].day == date(2026, 12, 13)


def test_a_numeric_date_is_decided_by_its_weekday_or_left_open() -> None:
    def read(text: str, order: str) -> tuple[date, tuple[date, ...]]:
        hit = find_dates(text, BASE, order)[0]  # type: ignore[arg-type]
        return hit.day, hit.alternatives

    dec_8, aug_12 = date(2026, 12, 8), date(2026, 8, 12)  # a Tuesday, a Wednesday
    # no usual order: the weekday written with it decides
    assert read("Tuesday, 08/12/2026", "unknown") == (dec_8, ())
    assert read("Wednesday 08/12/2026", "unknown") == (aug_12, ())
    # the usual order, confirmed by the weekday or not contradicted
    assert read("Selasa, 08/12/2026", "dmy") == (dec_8, ())
    assert read("08/12/2026", "dmy") == (dec_8, ())
    # a weekday against the usual order: both readings are offered
    assert read("Rabu, 08/12/2026", "dmy") == (dec_8, (aug_12,))
    # the usual order puts the day months before the message, the other does not: both
    assert read("12/08/2026", "dmy") == (aug_12, (dec_8,))
    # both in the past, or both to come: the usual order decides
    assert read("05/03/2026", "dmy") == (date(2026, 3, 5), ())
    assert read("05/03/2027", "dmy") == (date(2027, 3, 5), ())
    # without a year, each reading is the next such day: the weekday still decides
    assert read("Tuesday 08/12", "unknown") == (dec_8, ())


def test_an_english_numeric_date_the_usual_order_puts_in_the_past_is_asked() -> None:
    text = (
        "We are pleased to invite you to a technical interview.\n\nDate: 12/08/2026\n"
        "Time: 2:00 PM – 3:00 PM SGT\n"
    )
    inv = read_text(text, now=NOW)
    assert inv.start is None
    assert [a.field for a in inv.ambiguous] == ["start"]
    assert [c[:10] for c in inv.ambiguous[0].candidates] == ["2026-08-12", "2026-12-08"]


@pytest.mark.parametrize(
    "text, start, end, zone",
    [
        ("pukul 10.00 WIB", (10, 0), None, "Asia/Jakarta"),
        # each end of a range with its own part of the day
        ("mulai jam 8 pagi s/d 12 siang", (8, 0), (12, 0), None),
        ("jam 10 pagi - 2 siang WIB", (10, 0), (14, 0), "Asia/Jakarta"),
        ("jam 9 pagi s/d 3 sore", (9, 0), (15, 0), None),
        ("jam 1 - 3 sore", (13, 0), (15, 0), None),
        ("jam 13:30–15:00 WITA", (13, 30), (15, 0), "Asia/Makassar"),
        ("13.30 - 15.00 WIT", (13, 30), (15, 0), "Asia/Jayapura"),
        ("at 2:30 PM", (14, 30), None, None),
        ("10.00 a.m.", (10, 0), None, None),
        ("8 AM", (8, 0), None, None),
        ("1-2 pm", (13, 0), (14, 0), None),
        ("11:00 - 1:00 PM", (11, 0), (13, 0), None),
        ("from 1:30 to 2:15 PM", (13, 30), (14, 15), None),
        ("12:00 PM", (12, 0), None, None),
        ("12:30 AM", (0, 30), None, None),
        ("pukul 10 WIB", (10, 0), None, "Asia/Jakarta"),
        ("2:00 PM EST", (14, 0), None, "America/New_York"),
        ("10:00 GMT+7", (10, 0), None, "Etc/GMT-7"),
        ("10:00 (UTC+07:00)", (10, 0), None, "Etc/GMT-7"),
        ("10:00 (UTC+05:30)", (10, 0), None, "Asia/Kolkata"),
        ("9:00 AM SGT", (9, 0), None, "Asia/Singapore"),
        ("pukul 13.30 s.d. 15.00 WIB", (13, 30), (15, 0), "Asia/Jakarta"),
        ("1400 hrs WIB", (14, 0), None, "Asia/Jakarta"),
        ("at 0930 hours", (9, 30), None, None),
        ("14h00 WIB", (14, 0), None, "Asia/Jakarta"),
        ("Jam: 2 siang", (14, 0), None, None),
    ],
)
def test_times_ranges_and_zones(
    text: str, start: tuple[int, int], end: tuple[int, int] | None, zone: str | None
) -> None:
    hits = find_times(text, [])
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.hour, hit.minute) == start and hit.end_hm == end and hit.zone == zone


def test_open_end_and_no_false_times() -> None:
    hit = find_times("Pukul : 08.00 - selesai", [])[0]
    assert hit.open_end and hit.end_hm is None
    assert find_times("Rp 15.000, telp 021-5551234, versi 70.9054, 45 menit", []) == []
    assert find_times("IPK minimal 3.00, skor TOEFL 5.50, Rp 12.50", []) == []


def test_yearless_date_just_past_is_reported() -> None:
    hit = find_dates("interview 10 November", BASE, "dmy")[0]
    assert hit.day == date(2027, 11, 10) and hit.alternatives == (date(2026, 11, 10),)
    inv = read_text("Undangan interview 10 November pukul 10.00 WIB.", now=NOW)
    assert [a.field for a in inv.ambiguous] == ["start"]


DECEMBER = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.mark.parametrize(
    "text, day",
    [
        # 18 June is a Thursday in 2026 and a Friday in 2027: the weekday says which year
        ("We'd like to invite you to an interview on Thursday, June 18 at 10:00 AM.", "2026-06-18"),
        ("Undangan wawancara: Kamis, 18 Juni, pukul 10.00 WIB.", "2026-06-18"),
        ("Interview on June 18 (Thursday) at 10am.", "2026-06-18"),
        ("Wawancara hari Kamis 18/6 jam 10.00", "2026-06-18"),
        ("Interview: Wed, 9 September, 2pm", "2026-09-09"),
        ("Jadwal interview Rabu, 9 September pukul 14.00", "2026-09-09"),
        # the weekday that fits the coming year keeps it
        ("Interview on Friday, June 18 at 10am", "2027-06-18"),
        ("Wawancara: Jumat, 18 Juni, pukul 10.00 WIB.", "2027-06-18"),
        ("Interview on Tuesday, December 15 at 10am", "2026-12-15"),
    ],
)
def test_a_yearless_date_takes_the_year_its_weekday_fits(text: str, day: str) -> None:
    inv = read_text(text, now=DECEMBER)
    assert inv.start is not None and inv.start.date().isoformat() == day
    assert inv.past == (day < "2026-12-07")
    assert not [a for a in inv.ambiguous if a.field == "start"]


@pytest.mark.parametrize(
    "text", ["Interview on Sunday, June 18 at 10am", "Wawancara Minggu, 18 Juni pukul 10.00"]
)
def test_a_weekday_that_fits_neither_year_is_asked(text: str) -> None:
    inv = read_text(text, now=DECEMBER)
    problems = [a.problem for a in inv.ambiguous if a.field == "start"]
    assert problems and problems[0] is not None
    assert "Friday, 18 June 2027" in problems[0].text("en")
    assert "Jumat, 18 Juni 2027" in problems[0].text("id")


def test_placeholders_are_blanked_with_offsets_kept() -> None:
    for text in (
        "{{ tanggal }}",
        "[Date]",
        "{date}",
        "<<tanggal>>",
        "{ form.interviewDate }",
        "${formattedDate}",
        "$tanggal",
        "(Masukkan Link Google Meet Di Sini)",
    ):
        blank = blank_placeholders(f"Tanggal: {text} ok")
        assert blank.strip() == "Tanggal:" + " " * (len(text) + 2) + "ok"


def test_zone_names() -> None:
    assert zone_name("WIB", None, None, None) == "Asia/Jakarta"
    assert zone_name("GMT", "-", "5", None) == "Etc/GMT+5"
    assert zone_name("UTC", "+", "99", None) is None
    assert zone_name("GMT", "-", "14", None) is None  # no such offset
    assert zone_name("GMT", "+", "14", None) == "Etc/GMT-14"


def test_a_zone_takes_an_offset_only_after_a_plus_or_minus_sign() -> None:
    # "WITA, 08.00": a comma, a full stop or a letter after the zone is not a minus sign
    hits = find_times("pukul 09.00 WITA, 08.00 WIB. 2. Tempat; 10.00 UTC−7, 11.00 GMT-5", [])
    assert [(h.zone, h.zone_text) for h in hits] == [
        ("Asia/Makassar", "WITA"), ("Asia/Jakarta", "WIB"),
        ("Etc/GMT+7", "UTC−7"), ("Etc/GMT+5", "GMT-5"),
    ]  # fmt: skip
    inv = read_text("Wawancara Senin, 23 November 2026 pukul 09.00 WITA, 08.00 WIB.", now=NOW)
    assert inv.start == datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def test_an_hour_at_the_end_of_a_sentence_is_a_time() -> None:
    hits = find_times("Datang jam 9. Wawancara pukul 3. Tes setengah 10. Rp 10.000", [])
    assert [(h.hour, h.minute, h.unsure_half) for h in hits] == [
        (9, 0, False), (3, 0, True), (9, 30, False),
    ]  # fmt: skip


def test_weekday_date_time_in_one_sentence_indonesian() -> None:
    inv = read_text(
        "Undangan interview: Senin, 23 November 2026 pukul 10.00 WIB di kantor.", now=NOW
    )
    assert inv.start == datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_numeric_with_range_and_wita() -> None:
    inv = read_text("Jadwal wawancara 23/11/2026 jam 13:30–15:00 WITA.", now=NOW)
    assert inv.start == datetime(2026, 11, 23, 13, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    assert inv.end == datetime(2026, 11, 23, 15, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def test_english_12_hour_without_zone_uses_users_zone_and_says_so() -> None:
    inv = read_text(
        "Interview on Monday, November 23, 2026 at 2:30 PM.", now=NOW, user_tz="Asia/Makassar"
    )
    assert inv.start == datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    assert "timezone" in inv.missing


def test_explicit_zone_is_never_replaced_by_wib() -> None:
    inv = read_text("Interview on 23 November 2026 at 9:00 AM EST.", now=NOW)
    assert inv.timezone == "America/New_York" and "timezone" not in inv.missing
    assert inv.start is not None and inv.start.utcoffset().total_seconds() == -5 * 3600  # type: ignore[union-attr]


def test_relative_date_without_a_message_date_is_offered_not_asserted() -> None:
    inv = read_text("Interview besok pukul 09.00 WIB.", now=NOW)
    assert inv.start is None and inv.day is None
    assert [a.candidates for a in inv.ambiguous] == [("2026-11-19T09:00:00+07:00",)]


def test_notification_time_and_deadline_are_not_the_interview() -> None:
    text = (
        "Interview dijadwalkan pada tanggal 15 Januari 2027 pukul 10:00 WIB.\n"
        "Mohon konfirmasi sebelum 10 Januari 2027 pukul 12.00 WIB."
    )
    inv = read_text(text, now=NOW)
    assert inv.start == datetime(2027, 1, 15, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.reply_by == datetime(2027, 1, 10, 12, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Interview hari Selasa 24/11 pukul 10.00 WIB", "2026-11-24T10:00:00+07:00", None),
        ("Wawancara Jumat (27/11) jam 2 siang", "2026-11-27T14:00:00+07:00", None),
        ("interview tgl 30/11 jam 7 malam WIB", "2026-11-30T19:00:00+07:00", None),
        ("Interview on 11/30/2026 at 3pm EST", "2026-11-30T15:00:00-05:00", None),
        ("Interview on Tue, Nov 24 at 3pm SGT", "2026-11-24T15:00:00+08:00", None),
        (
            "interview pukul 1-2 siang Senin 23 Nov 2026",
            "2026-11-23T13:00:00+07:00",
            "2026-11-23T14:00:00+07:00",
        ),
    ],
)
def test_short_chat_forms(text: str, start: str, end: str | None) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None and inv.start.isoformat() == start
    assert (inv.end.isoformat() if inv.end else None) == end
    assert inv.ambiguous == ()


def test_bare_small_hour_is_read_as_afternoon_and_reported() -> None:
    inv = read_text("interview Senin 23 Nov 2026 pukul 2 WIB", now=NOW)
    assert inv.start == datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert [a.field for a in inv.ambiguous] == ["start"]
    assert "2026-11-23T02:00:00+07:00" in inv.ambiguous[0].candidates


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "Kepada Yth. Sdr. Andi\n\nBerdasarkan lamaran Anda tanggal 2 November 2026, kami "
            "mengundang Anda wawancara pada hari Kamis, 26 November 2026, pukul 09.00 WIB.",
            "2026-11-26T09:00:00+07:00",
        ),
        (
            "Dear Andi, following your online test on 16 November 2026, we invite you to an "
            "interview on 1 December 2026 at 10:00 WIB.",
            "2026-12-01T10:00:00+07:00",
        ),
        (
            "Your interview has been rescheduled from Monday, 23 November 2026 to Wednesday, "
            "25 November 2026 at 10:00 SGT.",
            "2026-11-25T10:00:00+08:00",
        ),
        (
            "Tanggal surat: 18 November 2026\nWawancara akan dilaksanakan pada 24 November 2026 "
            "pukul 10.00 WIB.",
            "2026-11-24T10:00:00+07:00",
        ),
        (
            "Halo kak, jadwal interviewnya hari Rabu tanggal 25 November jam setengah 10 pagi ya",
            "2026-11-25T09:30:00+07:00",
        ),
        (
            "Sent: Wednesday, November 18, 2026 9:15 AM\nPlease come for interview on "
            "2 December 2026 at 2pm WIB.",
            "2026-12-02T14:00:00+07:00",
        ),
    ],
)
def test_other_dates_in_the_text_are_not_taken(text: str, start: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is not None and inv.start.isoformat() == start
    assert inv.ambiguous == ()


def test_arrive_early_is_not_a_length() -> None:
    inv = read_text(
        "Interview Date: Monday 30th November 2026\nInterview Time: 11am\n"
        "Please arrive 15 minutes early.",
        now=NOW,
    )
    assert inv.end is None
    inv = read_text("Interview (45 minutes) on 30 November 2026 at 11am WIB.", now=NOW)
    assert inv.end == datetime(2026, 11, 30, 11, 45, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("Could you do a 45-minute video call on Thursday?", 45),
        ("the 60-minute technical interview", 60),
        ("a 30 minute interview", 30),
        ("wawancara 30 menit", 30),
        ("interview ± 45 menit", 45),
        ("harap datang 15 menit sebelum interview", None),
        ("interview 15 menit lebih awal", None),
        ("a 30-minute break between sessions", None),
    ],
)
def test_a_length_written_with_the_meeting(text: str, minutes: int | None) -> None:
    assert duration_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "Undangan psikotes: Sabtu, 28/11/2026, pkl 08.00-11.00 WIB. Interview user: Senin, "
        "30/11/2026, pkl 13.00 WIB.",
        "We'd like to interview you next week. Are you free on Tuesday or Wednesday?",
        "Interview slot options: (a) Mon 30 Nov 10:00 WIB (b) Tue 1 Dec 13:00 WIB. Pick one.",
        "Interview: option 1 Mon 30 Nov 10:00 WIB, option 2 Tue 1 Dec 13:00 WIB.",
        "We can interview you on Monday, 30 November 2026 at 10:00 SGT or on Tuesday, "
        "1 December 2026 at 14:00 SGT.",
    ],
)
def test_undecided_dates_are_reported_not_picked(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start is None
    assert [a.field for a in inv.ambiguous] == ["start"]
    assert len(inv.ambiguous[0].candidates) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Jadwal interview Anda diubah dari Senin, 30 November 2026 pukul 10.00 WIB menjadi "
        "Selasa, 1 Desember 2026 pukul 13.00 WIB.",
        "Your interview has been changed from Monday 30 November at 10am to Tuesday "
        "1 December at 1pm WIB.",
        "Your interview has been moved from Monday 30 November at 10am to Tuesday "
        "1 December at 1pm WIB.",
    ],
)
def test_a_moved_interview_is_at_its_new_time(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start == datetime(2026, 12, 1, 13, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.ambiguous == ()


@pytest.mark.parametrize(
    "text",
    [
        "HRD: Halo kak, interview hari Senin 30 November jam 10.00 ya\nSaya: Baik kak\n"
        "HRD: Maaf kak, jadwalnya diganti jadi Selasa 1 Desember jam 13.00 ya",
        "Recruiter: Can you do the interview on Monday 30 November at 10am?\nMe: Sure\n"
        "Recruiter: Sorry, we need to move it to Tuesday 1 December at 1pm.",
        "Interview Senin 30 November jam 10.00 WIB diundur ke Selasa 1 Desember jam 13.00 WIB.",
    ],
)
def test_the_date_an_interview_is_moved_to_wins_and_the_first_is_still_shown(text: str) -> None:
    inv = read_text(text, now=NOW)
    assert inv.start == datetime(2026, 12, 1, 13, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    (shown,) = [a.candidates for a in inv.ambiguous if a.field == "start"]
    assert any(c.startswith("2026-11-30") for c in shown)


@pytest.mark.parametrize(
    ("text", "reply_by"),
    [
        # the interview's time in the next sentence is not the deadline's
        ("Kami mengundang Anda wawancara. Konfirmasi kehadiran maks. tgl 4 Desember 2026. "
         "Jadwal: Senin, 7 Desember 2026, 10.00 WIB.", (2026, 12, 4, 23, 59)),
        ("Interview: Monday, 7 December 2026 at 10:00 WIB. Reply before 4 December.",
         (2026, 12, 4, 23, 59)),
        ("Interview Senin, 7 Desember 2026 pukul 10.00 WIB. Mohon konfirmasi paling lambat "
         "4 Desember 2026 pukul 17.00 WIB.", (2026, 12, 4, 17, 0)),
    ],
)  # fmt: skip
def test_a_reply_deadline_takes_only_its_own_time(text: str, reply_by: tuple[int, ...]) -> None:
    inv = read_text(text, now=NOW)
    assert inv.reply_by == datetime(*reply_by, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.start == datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_lone_date_in_another_sentence_is_shown_not_asserted() -> None:
    inv = read_text("Undangan interview. Kirim berkas 10 Desember 2026.", now=NOW)
    assert inv.start is None
    assert [a.field for a in inv.ambiguous] == ["start"]


def test_date_on_the_line_after_the_invitation_sentence() -> None:
    inv = read_text(
        "Kami mengundang Anda wawancara pada:\nSenin, 23 November 2026 pukul 10.00 WIB", now=NOW
    )
    assert inv.start == datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert inv.ambiguous == ()
