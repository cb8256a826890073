"""The plan agrees with itself and with the scripts it calls for, as rules over the way an
invitation is written (R2, R2.2, R7, R7.1, R10, C2.1): a step's reason is the actual reason
(no "no number" beside a call), the warning says the urgency and the first step the channel;
a script is said when the plan has the call made (an office closed now: when it opens) and
greets and says "hari ini" / "tomorrow" as of then, times as a caller says them; a voicemail
says who, for which role at which company, the date and what follows in writing; the
checklist fits what the person chose; the reply-by date shows while it is ahead."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_text

PROFILE = Profile(
    name="Rina Kartika Sari", city="Bandung", email="rina@example.com", phone="+62 812-3456-7890"
)

#: invitations with an office line, in the recruiter's zone, each at 14.30 / 2:30 pm on a
#: Tuesday; written for these tests, both languages, different ways of writing
OFFICE = {
    "id_email_jakarta": (
        "Asia/Jakarta",
        "Yth. Saudari Rina,\nKami mengundang Anda wawancara posisi Analis Data di PT Sinar "
        "Makmur pada Selasa, 15 Desember 2026 pukul 14.30 WIB di kantor kami, Jl. Sudirman 5, "
        "Jakarta. Bila berhalangan, hubungi Ibu Dewi Lestari di (021) 555-0199 atau balas email "
        "ini ke dewi@sinarmakmur.example.\nHormat kami,\nDewi Lestari\nHRD PT Sinar Makmur",
    ),
    "id_chat_surabaya": (
        "Asia/Jakarta",
        "Selamat siang, saya Bapak Hendra dari PT Karya Timur. Anda diundang interview posisi "
        "Staf Gudang hari Selasa, 15 Desember 2026 jam 14.30 WIB di Jl. Rungkut 9 Surabaya. "
        "Konfirmasi ke 031-555-0101 atau email hendra@karyatimur.example. Terima kasih.",
    ),
    "en_email_singapore": (
        "Asia/Singapore",
        "Dear Rina,\nThank you for applying for the Product Designer role at BrightPath Labs. We "
        "would like to invite you to an interview on Tuesday, 15 December 2026 at 2:30 pm (SGT) "
        "at our office, 10 Anson Road, Singapore. If you cannot attend, please call Sarah "
        "Mitchell on +65 6123 4567 or reply to talent@brightpath.example.\nBest regards,\nSarah "
        "Mitchell\nTalent Acquisition, BrightPath Labs",
    ),
    "en_note_london": (
        "Europe/London",
        "Hi Rina, this is Ms. Helen Jang from Hudson Analytics. Your interview for the Data "
        "Analyst position is on Tuesday, 15 December 2026 at 2:30 PM GMT at 20 Fenchurch St, "
        "London. Questions? Call our office on +44 20 7946 0018 or email helen@hudson.example.",
    ),
}
SICK = Situation(intent="cancel", reason="health", interest="yes", confirmed=True)


def _plan_and_drafts(name: str, hours_before: float, lang: str | None = None):  # type: ignore[no-untyped-def]
    zone, text = OFFICE[name]
    start = datetime(2026, 12, 15, 14, 30, tzinfo=ZoneInfo(zone))
    now = start - timedelta(hours=hours_before)
    inv = read_text(text, now=now, user_tz="Asia/Jakarta")
    assert inv.start == start
    plan = make_plan(inv, SICK, PROFILE, now=now, lang=lang or inv.language)
    drafts = compose(plan, inv, SICK, PROFILE, now=now, channels=["call", "voicemail", "email"])
    return inv, plan, {d.channel: d for d in drafts}, now


@pytest.mark.parametrize("name", sorted(OFFICE))
def test_an_office_closed_now_is_written_to_first_and_called_when_it_opens(name: str) -> None:
    # 19:30 the evening before, where the recruiter is: the office is closed
    inv, plan, _drafts, _now = _plan_and_drafts(name, 19)
    channels = [s.channel for s in plan.steps]
    assert channels.index("email") < channels.index("call")
    said = " ".join([s.why for s in plan.steps] + [n.text for n in plan.warnings])
    # the reason is the actual reason: there is a number, only the office is closed
    assert not re.search(r"tidak ada nomor|tidak mencantumkan nomor|no (?:phone )?number", said)
    assert not re.search(r"[Tt]elepon\b[^.:]{0,60} lebih dulu|comes first|[Pp]hone \S+ first", said)
    # the call is made when the office opens, at eight on the interview's morning
    assert plan.call_at is not None
    assert plan.call_at.astimezone(inv.start.tzinfo).hour == 8
    assert plan.call_at.date() == inv.start.date()


@pytest.mark.parametrize("name", sorted(OFFICE))
def test_a_script_is_said_when_the_plan_has_the_call_made(name: str) -> None:
    _inv, _plan, drafts, _now = _plan_and_drafts(name, 19)
    morning, today = {"id": ("Selamat pagi", "hari ini"), "en": ("Good morning", "today")}[
        drafts["call"].language
    ]
    for channel in ("call", "voicemail"):
        text = drafts[channel].text
        assert morning in text and today in text, (channel, text)
        assert not re.search(r"\b(?:besok|tomorrow|malam|evening)\b", text), (channel, text)
        # a time said as a caller says it, never "14.30" / "14:30"
        assert not re.search(r"\b14[.:]30\b", text)
        assert re.search(r"setengah tiga siang|two-thirty in the afternoon", text), text


@pytest.mark.parametrize("name", sorted(OFFICE))
def test_a_call_made_now_is_said_now(name: str) -> None:
    # 10:30 the day before, a Monday: the office is open, the call is made at once
    _inv, plan, drafts, _now = _plan_and_drafts(name, 28)
    assert plan.call_at is None
    tomorrow = {"id": "besok", "en": "tomorrow"}[drafts["call"].language]
    assert tomorrow in drafts["call"].text and tomorrow in drafts["voicemail"].text


@pytest.mark.parametrize("name", sorted(OFFICE))
def test_a_voicemail_can_be_placed(name: str) -> None:
    inv, _plan, drafts, _now = _plan_and_drafts(name, 28)
    said = " ".join(drafts["voicemail"].text.split())
    assert PROFILE.name in said
    assert inv.company and inv.company in said, said
    # the date: 15 December, or "tomorrow" the day before
    assert re.search(r"\b15\b|besok|tomorrow", said), said
    # what follows in writing, through the channel drafted
    assert re.search(r"(?:lewat|by) email", said), said
    assert not re.search(r"(?:^|[.!?] )(?:My apologies|Mohon maaf)\.", said), said


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("sit", "reminder"),
    [
        (Situation(intent="decline", reason="accepted-offer", interest="no"), False),
        (Situation(intent="decline", reason="not-a-fit", interest="no"), False),
        (Situation(intent="cancel", reason="personal", interest="no", confirmed=True), False),
        (Situation(intent="cancel", reason="health", interest="yes", confirmed=True), True),
        (Situation(intent="reschedule", reason="schedule-conflict", interest="yes"), True),
    ],
)
def test_the_checklist_fits_what_the_person_chose(
    lang: str, sit: Situation, reminder: bool
) -> None:
    zone, text = OFFICE["id_email_jakarta"]
    now = datetime(2026, 12, 10, 10, 0, tzinfo=ZoneInfo(zone))
    inv = read_text(text, now=now)
    plan = make_plan(inv, sit, PROFILE, now=now, lang=lang)
    listed = " ".join(n.text for n in plan.checklist)
    # a reminder to follow up only while an answer is awaited
    assert bool(re.search(r"seminggu|within a week", listed)) is reminder
    # never "it is only one interview" to someone who chose
    assert not re.search(r"hanya satu wawancara|not the end of your search", listed)
    # no CV line: nothing is attached
    assert not [n for n in plan.checklist if n.guideline == "R7.1"]


@pytest.mark.parametrize(
    ("text", "due_today"),
    [
        (
            "Yth. Saudara Budi,\nKami mengundang Anda wawancara posisi Kasir pada Rabu, 16 "
            "Desember 2026 pukul 10.00 WIB. Mohon konfirmasi kehadiran paling lambat Senin, 14 "
            "Desember 2026 pukul 17.00 WIB.\nHormat kami,\nHRD Toko Makmur",
            True,
        ),
        (
            "Dear Budi,\nWe invite you to interview for the Cashier role on Wednesday, 16 "
            "December 2026 at 10:00 AM (WIB). Please confirm by Tuesday, 15 December 2026.\nBest "
            "regards,\nHR, Makmur Stores",
            False,
        ),
    ],
)
def test_the_reply_by_date_is_shown_while_it_is_ahead(text: str, due_today: bool) -> None:
    from sopan.cli.plan_view import render_plan

    now = datetime(2026, 12, 14, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    inv = read_text(text, now=now)
    assert inv.reply_by is not None
    for lang, label, today in (("id", "Batas balasan", "hari ini"), ("en", "Reply by", "today")):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=now, lang=lang
        )
        head = render_plan(plan, inv).split("\n\n", 1)[0]
        assert head.count(label) == 1, head
        line = next(x for x in head.splitlines() if x.startswith(label))
        assert "WIB" in line
        assert (today in line) is due_today, line
        # once confirmed, the reply-by date is behind the person: not shown
        done = make_plan(
            inv, Situation(intent="cancel", confirmed=True), PROFILE, now=now, lang=lang
        )
        assert label not in render_plan(done, inv).split("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Halo, kami mengundang Anda mengikuti Tes Online Tahap 2 pada Rabu, 16 Desember 2026 "
            "pukul 09.00 WIB melalui tautan yang kami kirim. Terima kasih, Tim Rekrutmen PT Maju",
            ("Tes online: ", "Online test: "),
        ),
        (
            "Agenda : Psikotes dan Interview\nTanggal : Rabu, 16 Desember 2026\nWaktu : 08.00 WIB\n"
            "Tempat : Jl. Pemuda 8, Semarang\nNo. Tlp : 024-555-0101",
            ("Psikotes dan wawancara: ", "Psychological test and interview: "),
        ),
        (
            "Dear Rina, we would like to invite you to an interview for the Analyst role on "
            "Wednesday, 16 December 2026 at 10:00 AM (WIB).\nBest regards,\nHR",
            ("Wawancara: ", "Interview: "),
        ),
    ],
)
def test_the_header_names_the_event_as_the_invitation_does(
    text: str, heads: tuple[str, str]
) -> None:
    from sopan.cli.plan_view import render_plan

    now = datetime(2026, 12, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    inv = read_text(text, now=now)
    for lang, head in zip(("id", "en"), heads, strict=True):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=now, lang=lang
        )
        assert render_plan(plan, inv).splitlines()[1].startswith(head), render_plan(plan, inv)


#: a written test and interview, told by the place's heading, in both languages (written for
#: this test): each at 08.00 the next morning, so the plan warns of the short time left
TEST_AND_INTERVIEW = {
    "id_heading": (
        "SELAMAT! ANDA DINYATAKAN LOLOS SELEKSI ADMINISTRASI\nLokasi tes tulis dan Wawancara "
        "berada pada:\nTempat : Gedung Serbaguna, Jl. Raya Darmo 5, Surabaya\nWaktu : 11 Desember "
        "2026, pukul 08:00 WIB - selesai\nKontak: panitia@seleksi.example"
    ),
    "en_followed_by": (
        "Dear Rina, you are invited to a written test followed by an interview on Friday, 11 "
        "December 2026 at 8:00 AM (WIB) at our office, Jl. Sudirman 5, Jakarta.\nRegards,\n"
        "Recruitment, hr@maju.example"
    ),
}


@pytest.mark.parametrize("name", sorted(TEST_AND_INTERVIEW))
def test_steps_and_warnings_speak_of_the_event_in_its_words(name: str) -> None:
    from sopan.cli.plan_view import render_plan

    now = datetime(2026, 12, 10, 17, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    inv = read_text(TEST_AND_INTERVIEW[name], now=now)
    said = {"id": "tes tertulis dan wawancara", "en": "written test and interview"}
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=now, lang=lang
        )
        shown = render_plan(plan, inv)
        assert shown.splitlines()[1].lower().startswith(said[lang]), shown
        notes = " ".join(n.text for n in plan.warnings)
        assert said[lang] in notes, notes
        # no interview alone where the invitation named a test with it
        bare = re.compile(r"(?i)\b(wawancara|interview)\b")
        assert not [
            n.text for n in plan.warnings if bare.search(n.text) and said[lang] not in n.text
        ], notes
