"""What a recruiter expects of a reply: the right address, what is owed, channels that reach
them, times in their zone, calendar answers their client honours. One test per rule, in
both languages where the rule has words."""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import datetime, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from sopan.compose import compose, write_drafts
from sopan.language.words import load_words
from sopan.model import CHANNELS, Contact, Draft, Invitation, Plan, Situation, Slot, Urgency
from sopan.plan import channel_steps, clock_problem, reachable

from .compose_cases import JKT, NOW, PROFILE, invitation, plan, situation

WRITTEN = ("email", "letter", "whatsapp", "sms")
SPOKEN = ("call", "voicemail")


def drafts(
    inv: Invitation,
    sit: Situation,
    lang: str = "id",
    pl: Plan | None = None,
    now: datetime = NOW,
    channels: tuple[str, ...] = CHANNELS,
) -> dict[str, Draft]:
    made = compose(
        pl or plan(lang, sit.intent or "decline"), inv, sit, PROFILE, now=now, channels=channels
    )
    return {d.channel: d for d in made}


# --- addressing ------------------------------------------------------------------------------


def test_the_honorific_the_invitation_gives_is_used_in_writing_and_in_the_body() -> None:
    inv = replace(invitation("id"), contact=Contact("Ibu Dewi Lestari", "dewi@x.example"))
    out = drafts(inv, situation("id", "cancel", "health"))
    assert out["email"].text.startswith("Yth. Ibu Dewi Lestari\n")
    for channel in (*WRITTEN, *SPOKEN):
        assert "Bapak/Ibu" not in out[channel].text, channel
    assert "pengertian Ibu" in out["email"].text
    # the call asks for the person, then says who is calling, to "Bu Dewi"
    assert "boleh saya bicara dengan Ibu Dewi Lestari?" in out["call"].text
    assert "Bu Dewi, saya Andi Pratama" in out["call"].text
    assert out["whatsapp"].text.startswith("Selamat pagi, Bu Dewi.")


def test_the_honorific_the_reader_joined_to_the_name_is_used() -> None:
    # the reader gives the title apart from the name ("Pewawancara : Ibu Dewi Lestari" beside
    # a From: of "Dewi Lestari"): the drafts put it back in writing and shorten it aloud
    contact = Contact("Dewi Lestari", "dewi@x.example", "0812-1111-2222", honorific="Ibu")
    out = drafts(replace(invitation("id"), contact=contact), situation("id", "cancel", "health"))
    assert out["email"].text.startswith("Yth. Ibu Dewi Lestari\n")
    assert "Bapak/Ibu" not in out["email"].text and "Bu Dewi" in out["voicemail"].text


def test_an_invitation_naming_the_interviewer_with_a_title_is_answered_with_it() -> None:
    from sopan.read import read_bytes

    path = Path(__file__).parents[1] / "fixtures" / "recruiter" / "id_email_pewawancara_ibu.eml"
    inv = read_bytes(path.read_bytes(), now=NOW, user_tz="Asia/Jakarta", origin=path.name)
    out = drafts(inv, situation("id", "cancel", "health"))
    assert out["email"].text.startswith("Yth. Ibu Dewi Lestari\n")
    assert "Selamat pagi, Bu Dewi." in out["whatsapp"].text


# names that tell no honorific: borne by women and men alike, or not listed
# (data/given_names.yaml); a name that tells one is test_guessed_honorific's
@pytest.mark.parametrize(
    "name", ["Andi Wijaya", "Sofie Hartono", "Yuli", "Dian Arya Saputra", "Kevin Tan"]
)
@pytest.mark.parametrize("action", ["decline", "cancel", "reschedule"])
def test_a_name_without_an_honorific_is_written_by_name_never_bapak_ibu(
    name: str, action: str
) -> None:
    inv = replace(invitation("id"), contact=Contact(name, "hr@x.example", "0812-1111-2222"))
    out = drafts(inv, situation("id", action, "health"))
    assert f"Yth. {name}\n" in out["email"].text and f"Yth. {name}\n" in out["letter"].text
    # a bare first name reads rude in an Indonesian chat, and "Kak" answers only a chat that
    # said "kak": an e-mail's contact of unknown title is greeted without a name
    assert out["whatsapp"].text.startswith("Selamat pagi,\nSaya ")
    assert out["sms"].text.startswith("Selamat pagi, saya ")
    assert out["linkedin"].text.startswith("Halo, ")
    for channel, draft in out.items():
        assert "Kak" not in draft.text, channel
    for channel, draft in out.items():
        # "Bapak/Ibu" only when no name is known at all: never before a name, nor as "you"
        assert "Bapak/Ibu" not in draft.text, channel
    for channel in SPOKEN:
        assert "Bapak" not in out[channel].text and "Ibu" not in out[channel].text, channel


def test_without_an_honorific_speech_names_the_person_and_never_says_a_slash() -> None:
    unknown = Contact("Andi Wijaya", "hr@x.example", "0812-1111-2222")
    out = drafts(replace(invitation("id"), contact=unknown), situation("id", "cancel", "health"))
    assert "Yth. Andi Wijaya\n" in out["email"].text
    for channel in SPOKEN:
        assert "/" not in out[channel].text.replace("https://", ""), channel
        assert "Bapak atau Ibu" not in out[channel].text, channel
    # asked for by name on the phone, never by a bare first name nor "Kak" (the invitation
    # never said "kak"); greeted without a name once answered
    assert "boleh saya bicara dengan Andi Wijaya?" in out["call"].text
    assert "Andi, saya" not in out["call"].text and "Kak" not in out["whatsapp"].text


def test_a_company_line_is_asked_for_its_department_never_spoken_to_as_a_person() -> None:
    hrd = "bicara dengan bagian HRD PT Sinar Nusantara Teknologi?"
    asked = {
        # the team the invitation is signed by, as a department (never "dengan Tim …", a team
        # asked for as if it were a person), else the HR department
        "Tim Rekrutmen SNT": "bicara dengan bagian rekrutmen SNT PT Sinar Nusantara Teknologi?",
        # a team's English word said the Indonesian way
        "Team Recruitment": "bicara dengan bagian rekrutmen PT Sinar Nusantara Teknologi?",
        "Tim HRD": hrd,
        "Bagian Personalia": "bicara dengan Bagian Personalia PT Sinar Nusantara Teknologi?",
        "HRD PT Sinar Nusantara Teknologi": hrd,
        "PT Sinar Nusantara Teknologi": hrd,
        None: hrd,
    }
    for name, ask in asked.items():
        inv = replace(invitation("id"), contact=Contact(name, None, "021-5550101"))
        out = drafts(inv, situation("id", "cancel", "health"))
        call = out["call"].text
        assert ask in call, (name, call)
        assert "LinkedIn" not in call  # a company line is not asked to connect
        for channel in ("call", "voicemail", "letter", "linkedin"):
            greeting = out[channel].text.split("\n\n")[0 if channel != "letter" else 1]
            assert "Selamat pagi, PT" not in out[channel].text and "Halo PT" not in greeting


def test_a_chat_that_says_kak_is_answered_with_kak() -> None:
    inv = replace(
        invitation("id"),
        source="text",
        contact=Contact("Yuni", None, "0812-1111-2222"),
        text="Halo Kak Rina, kami mengundang Kakak interview besok.\n\nSalam,\nYuni",
    )
    out = drafts(inv, situation("id", "cancel", "health"))
    chat = out["whatsapp"].text
    assert chat.startswith("Selamat pagi, Kak Yuni.") and ", Kak.\n" in chat
    assert "Bapak/Ibu" not in chat and "Bapak/Ibu" not in out["sms"].text
    # the e-mail and the letter stay formal: "Ibu", guessed from the given name
    assert out["email"].text.startswith("Yth. Ibu Yuni\n")


@pytest.mark.parametrize(
    ("name", "dear", "ask"),
    [
        ("Ms Hannah Mitchell", "Dear Ms. Mitchell,", "may I speak with Ms. Mitchell, please?"),
        ("Priya Raman", "Dear Priya Raman,", "may I speak with Priya Raman, please?"),
        (None, "Dear Hiring Team,", "may I speak with someone in the recruitment team at"),
    ],
)
def test_english_address_by_title_only_when_known(name: str | None, dear: str, ask: str) -> None:
    inv = replace(invitation("en"), contact=Contact(name, "hr@x.example", "0812-1111-2222"))
    out = drafts(inv, situation("en", "decline", "health"), "en")
    assert out["email"].text.startswith(dear)
    assert out["email"].text.rstrip().endswith("Best regards,\n\nAndi Pratama")
    letter = out["letter"].text
    assert ("Yours faithfully," if name is None else "Yours sincerely,") in letter
    call = out["call"].text
    assert ask in call
    assert "Good morning, Priya Raman" not in call


# --- what is owed ----------------------------------------------------------------------------

OWED = {
    "id": {
        "confirmed": "telah mengonfirmasi",
        "short_notice": "begitu dekat dengan jadwal",
        "after_deadline": "setelah batas waktu konfirmasi",
    },
    "en": {
        "confirmed": "already confirmed",
        "short_notice": "so close to the interview",
        "after_deadline": "after the confirmation deadline",
    },
}
SHORT_OWED = {
    "id": {
        "confirmed": "sudah konfirmasi",
        "short_notice": "mendadak",
        "after_deadline": "terlambat",
    },
    "en": {
        "confirmed": "confirmed",
        "short_notice": "short notice",
        "after_deadline": "late reply",
    },
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("why", ["confirmed", "short_notice", "after_deadline"])
def test_an_owed_apology_is_in_every_written_channel(lang: str, why: str) -> None:
    action = "cancel" if why == "confirmed" else "decline"
    sit = replace(situation(lang, action, "health"), confirmed=why == "confirmed")
    inv, pl = invitation(lang), plan(lang, action)
    if why == "short_notice":
        pl = replace(pl, urgency=Urgency(5.0, "late"))
    if why == "after_deadline":
        inv = replace(inv, reply_by=NOW - timedelta(days=1))
    out = drafts(inv, sit, lang, pl)
    for channel in WRITTEN:
        text = out[channel].text
        assert "apology" in out[channel].moves, channel
        assert OWED[lang][why] in text or SHORT_OWED[lang][why] in text, (channel, text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_confirmed_and_an_unconfirmed_email_differ(lang: str) -> None:
    sit = situation(lang, "cancel", "health")
    plain = drafts(invitation(lang), sit, lang)["email"].text
    confirmed = drafts(invitation(lang), replace(sit, confirmed=True), lang)["email"].text
    assert plain != confirmed and OWED[lang]["confirmed"] in confirmed


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_apology_comes_after_the_decision(lang: str) -> None:
    out = drafts(invitation(lang), situation(lang, "cancel", "health"), lang)
    for channel in ("email", "call", "voicemail", "sms", "whatsapp"):
        moves = list(out[channel].moves)
        assert moves.index("apology") > moves.index("decision"), channel


@pytest.mark.parametrize(
    ("lang", "caller", "said"),
    [
        (
            "id",
            "0812-1111-2222",
            "nol delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol",
        ),
        ("en", "0812-1111-2222", "zero eight one two, three four five six, seven eight nine zero"),
        # to a recruiter abroad, with the country code
        (
            "en",
            "+65 9123 4567",
            "plus six two, eight one two, three four five six, seven eight nine zero",
        ),
        (
            "id",
            "+65 9123 4567",
            "plus enam dua, delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol",
        ),
    ],
)
def test_the_voicemail_says_the_callback_number_as_people_say_it_twice(
    lang: str, caller: str, said: str
) -> None:
    inv = replace(invitation(lang), contact=replace(invitation(lang).contact, phone=caller))
    out = drafts(inv, situation(lang, "cancel", "health"), lang)
    text = out["voicemail"].text
    assert text.count(said) == 2 and "?" not in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sms_keeps_reason_and_apology_and_the_name(lang: str) -> None:
    long = replace(
        invitation(lang),
        company="PT Perusahaan Perdagangan Internasional Nusantara Raya Sejahtera Abadi Tbk",
        position="Senior Backend Engineer for Payments Infrastructure and Reliability",
    )
    sms = drafts(long, situation(lang, "cancel", "health", detail="full"), lang)["sms"]
    assert {"reason", "apology"} <= set(sms.moves)
    assert sms.text.endswith(PROFILE.name)


# --- channels that fit -----------------------------------------------------------------------


def test_sms_and_whatsapp_only_to_a_mobile_and_no_call_without_a_number() -> None:
    landline = replace(invitation("id"), contact=Contact("Rina", "r@x.example", "(022) 5550101"))
    assert {"sms", "whatsapp"}.isdisjoint(reachable(landline))
    assert {"call", "voicemail"} <= reachable(landline)
    nobody = replace(invitation("id"), contact=Contact("Rina", "r@x.example", None))
    assert {"call", "voicemail", "sms", "whatsapp"}.isdisjoint(reachable(nobody))
    w = load_words("id")
    sit = replace(situation("id", "cancel", "health"), confirmed=True)
    for inv in (landline, nobody):
        steps = [s.channel for s in channel_steps(inv, sit, "cancel", Urgency(72, "ok"), w)]
        assert "sms" not in steps and "whatsapp" not in steps
    steps = [s.channel for s in channel_steps(nobody, sit, "cancel", Urgency(72, "ok"), w)]
    assert "call" not in steps and steps[0] == "email"


def test_a_chat_invitation_with_no_email_writes_no_email(tmp_path: Path) -> None:
    from sopan.app.drafting import _channels

    inv = replace(
        invitation("id"),
        source="text",
        reply_to=None,
        organizer=None,
        uid=None,
        contact=Contact("Yuni", None, "0812-1111-2222"),
    )
    req = type("R", (), {"channels": ("all",)})()
    wanted = _channels(req, plan("id", "decline"), inv)  # type: ignore[arg-type]
    assert "email" not in wanted and "whatsapp" in wanted and "sms" in wanted


# --- times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "written"), [("id", "pukul 09.00 WIB"), ("en", "09:00 (WIB")])
def test_a_utc_only_calendar_time_is_written_in_the_recruiters_zone(
    lang: str, written: str
) -> None:
    utc = datetime(2026, 11, 23, 2, 0, tzinfo=ZoneInfo("UTC"))
    inv = replace(invitation(lang), start=utc, end=utc + timedelta(hours=1), timezone="Etc/UTC")
    email_text = drafts(inv, situation(lang, "decline", "health"), lang)["email"].text
    assert written in email_text and "UTC)" not in email_text and "02.00" not in email_text


def test_a_bare_offset_is_written_by_its_local_name() -> None:
    plus7 = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("Etc/GMT-7"))
    inv = replace(invitation("id"), start=plus7, end=None, timezone="Etc/GMT-7")
    text = drafts(inv, situation("id", "decline", "health"))["email"].text
    assert "pukul 14.30 WIB" in text and "UTC+7" not in text


def test_aest_stays_aest() -> None:
    from sopan.read import read_text

    inv = read_text("We invite you to an interview on 14 December 2026 at 10:00 AEST.", now=NOW)
    assert inv.timezone == "Australia/Brisbane"
    text = drafts(inv, situation("en", "decline", "health"), "en")["email"].text
    assert "10:00 (AEST" in text


def test_a_time_the_clocks_skip_or_repeat_is_flagged() -> None:
    ny = ZoneInfo("America/New_York")
    assert clock_problem(datetime(2027, 3, 14, 2, 30, tzinfo=ny)) == "dst_gap"
    assert clock_problem(datetime(2027, 11, 7, 1, 30, tzinfo=ny)) == "dst_fold"
    assert clock_problem(datetime(2027, 3, 15, 2, 30, tzinfo=ny)) is None
    # and the drafts name the day, never the time that does not exist
    gap = datetime(2027, 3, 14, 2, 30, tzinfo=ny)
    inv = replace(invitation("en"), start=gap, end=None, timezone="America/New_York")
    text = drafts(inv, situation("en", "decline", "health"), "en")["email"].text
    # (a New York zone: written for an American reader, the month first)
    assert "Sunday, March 14, 2027" in text and "2:30" not in text


# --- calendar answers ------------------------------------------------------------------------

REPLY_REQUIRED = ("ATTENDEE", "DTSTAMP", "ORGANIZER", "UID")
COUNTER_REQUIRED = ("DTSTAMP", "DTSTART", "ORGANIZER", "UID", "SEQUENCE")


def _written(tmp_path: Path, inv: Invitation, sit: Situation, lang: str) -> dict[str, Path]:
    made = compose(
        plan(lang, sit.intent or "decline"), inv, sit, PROFILE, now=NOW, channels=CHANNELS
    )
    return {p.name: p for p in write_drafts(made, inv, PROFILE, tmp_path, now=NOW)}


def _check_calendar(ics: bytes) -> Calendar:
    cal = Calendar.from_ical(ics)
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    event = cal.walk("VEVENT")[0]
    required = COUNTER_REQUIRED if cal["METHOD"] == "COUNTER" else REPLY_REQUIRED
    for prop in required:
        assert event.get(prop) is not None, prop
    # every TZID written has its VTIMEZONE
    tzids = set(re.findall(rb"TZID=([^:;]+)", ics))
    defined = {str(tz["TZID"]).encode() for tz in cal.walk("VTIMEZONE")}
    assert tzids <= defined, (tzids, defined)
    return cal


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_reschedule_with_a_time_is_a_counter_keeping_sequence_place_and_link(
    tmp_path: Path, lang: str
) -> None:
    inv = replace(invitation(lang), meeting_link="https://meet.google.com/abc-defg-hij")
    files = _written(tmp_path, inv, situation(lang, "reschedule", "health"), lang)
    cal = _check_calendar(files["calendar.ics"].read_bytes())
    event = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "COUNTER"
    assert event["SEQUENCE"] == inv.sequence
    assert str(event["LOCATION"]) == inv.location
    assert str(event["URL"]) == inv.meeting_link


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_reschedule_with_free_text_only_has_no_calendar_answer(tmp_path: Path, lang: str) -> None:
    sit = replace(situation(lang, "reschedule", "health"), alternatives=())
    files = _written(tmp_path, invitation(lang), sit, lang)
    assert "calendar.ics" not in files
    msg = email.message_from_bytes(files["email.eml"].read_bytes(), policy=policy.default)
    assert not [p for p in msg.walk() if p.get_content_type() == "text/calendar"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_decline_is_a_reply_with_the_listed_attendee_and_an_imip_part(
    tmp_path: Path, lang: str
) -> None:
    inv = replace(invitation(lang), attendees=("Andi Pratama <andi@kantor.example>",))
    files = _written(tmp_path, inv, situation(lang, "decline", "health"), lang)
    cal = _check_calendar(files["calendar.ics"].read_bytes())
    event = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "REPLY"
    assert str(event["ATTENDEE"]) == "mailto:andi@kantor.example"
    assert event["ATTENDEE"].params["PARTSTAT"] == "DECLINED"
    msg = email.message_from_bytes(files["email.eml"].read_bytes(), policy=policy.default)
    parts = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_param("method") == str(cal["METHOD"])
    inside = Calendar.from_ical(parts[0].get_content())
    assert inside["METHOD"] == cal["METHOD"]


def test_the_plan_warns_when_the_profile_address_is_not_the_listed_one() -> None:
    from sopan.plan import make_plan

    inv = replace(invitation("en"), attendees=("Andi Pratama <andi@kantor.example>",))
    made = make_plan(inv, situation("en", "decline", "health"), PROFILE, now=NOW, lang="en")
    assert any("andi@kantor.example" in n.text for n in made.warnings)


def test_no_answer_when_none_is_asked_or_a_counter_is_forbidden() -> None:
    no_rsvp = replace(invitation("en"), rsvp=False)
    assert "calendar" not in drafts(no_rsvp, situation("en", "decline", "health"), "en")
    no_counter = replace(invitation("en"), counter_allowed=False)
    assert "calendar" not in drafts(no_counter, situation("en", "reschedule", "health"), "en")
    assert "calendar" in drafts(no_counter, situation("en", "decline", "health"), "en")


def test_the_reader_sees_rsvp_false_and_a_forbidden_counter(tmp_path: Path) -> None:
    from sopan.read import read_file

    ics = tmp_path / "i.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\n"
        "UID:u@x\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Interview\r\n"
        "DTSTART:20261210T030000Z\r\nDTEND:20261210T040000Z\r\nORGANIZER:mailto:hr@x.example\r\n"
        "ATTENDEE;RSVP=FALSE:mailto:andi@x.example\r\nX-MICROSOFT-DISALLOW-COUNTER:TRUE\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    inv = read_file(ics, now=NOW)
    assert (inv.rsvp, inv.counter_allowed) == (False, False)


def test_the_plan_no_longer_says_a_decline_removes_the_event() -> None:
    for lang in ("id", "en"):
        text = load_words(lang).data["steps"]["calendar_decline"]["text"]
        assert "disappear" not in text and "hilang" not in text


# --- email -----------------------------------------------------------------------------------


def test_the_email_names_its_recipient_and_each_draft_has_a_fresh_message_id(
    tmp_path: Path,
) -> None:
    inv = replace(invitation("id"), reply_to=None)
    ids = set()
    for run in range(2):
        files = _written(tmp_path / str(run), inv, situation("id", "decline", "health"), "id")
        msg = email.message_from_bytes(files["email.eml"].read_bytes(), policy=policy.default)
        assert str(msg["To"]) == "Rina Wijaya <rina.wijaya@sinar-nusantara.example>"
        ids.add(str(msg["Message-ID"]))
    assert len(ids) == 2


# --- wording ---------------------------------------------------------------------------------

MISFIRES = re.compile(
    r"bertemu kembali|bertemu lagi|terpaksa|mempertimbangkan kembali|pertimbangkan kembali"
    r"|writing to cancel my attendance|\)\s*\(",
    re.IGNORECASE,
)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_phrase_that_misfires(lang: str) -> None:
    for action in ("decline", "cancel", "reschedule", "online"):
        for reason in ("accepted-offer", "not-a-fit", "schedule-conflict", "health"):
            for variant in range(3):
                made = compose(
                    plan(lang, action),
                    invitation(lang),
                    situation(lang, action, reason),
                    PROFILE,
                    now=NOW,
                    channels=CHANNELS,
                    variant=variant,
                )
                for d in made:
                    found = MISFIRES.search(d.text)
                    assert found is None, (action, reason, variant, d.channel, found.group())


def test_slots_in_the_local_zone() -> None:
    slot = Slot(
        datetime(2026, 11, 25, 7, 0, tzinfo=ZoneInfo("UTC")),
        datetime(2026, 11, 25, 8, 0, tzinfo=ZoneInfo("UTC")),
    )
    sit = replace(situation("id", "reschedule", "health"), alternatives=(slot,))
    text = drafts(invitation("id"), sit)["email"].text
    assert "pukul 14.00 WIB" in text and JKT.key == "Asia/Jakarta"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_time_offered_is_asked_for_in_its_sentence_two_as_either(lang: str) -> None:
    def slot(day: int) -> Slot:
        start = datetime(2026, 11, day, 7, 0, tzinfo=ZoneInfo("UTC"))  # 14:00 in Jakarta
        return Slot(start, start + timedelta(hours=1))

    one = replace(
        situation(lang, "reschedule", "health"), alternatives=(slot(25),), alternatives_text=()
    )
    email_one = drafts(invitation(lang), one, lang)["email"].text
    asked = next(line for line in email_one.splitlines() if re.search(r"\b14[.:]00\b", line))
    assert asked.endswith("?") and not asked.startswith("- "), email_one
    assert "berikut" not in email_one and "following" not in email_one
    two = replace(one, alternatives=(slot(25),), alternatives_text=("Kamis pagi",))
    email_two = drafts(invitation(lang), two, lang)["email"].text
    assert {"id": "salah satu dari dua waktu berikut", "en": "either of"}[lang] in email_two
    assert "\n- " in email_two


def test_a_counter_to_a_time_with_only_an_offset_is_written_in_utc(tmp_path: Path) -> None:
    from datetime import timezone

    from sopan.model import Slot

    plus7 = timezone(timedelta(hours=7))  # a free slot from a calendar that gives offsets
    slot = Slot(datetime(2026, 12, 3, 9, tzinfo=plus7), datetime(2026, 12, 3, 10, tzinfo=plus7))
    sit = replace(situation("en", "reschedule", "health"), alternatives=(slot,))
    ics = _written(tmp_path, invitation("en"), sit, "en")["calendar.ics"].read_bytes()
    cal = _check_calendar(ics)  # every TZID written has its VTIMEZONE
    assert b"UTC+07:00" not in ics
    assert cal.walk("VEVENT")[0]["DTSTART"].dt == slot.start


@pytest.mark.parametrize(
    ("lang", "name", "text", "dear"),
    [
        ("en", "David Chen", "Mr. Chen will interview you with the team.", "Dear Mr. Chen,"),
        ("en", "Helen Jang", "You will meet MS. JANG and Mr. Osei.", "Dear Ms. Jang,"),
        ("en", "David Chen", "David Chen, HR Coordinator", "Dear David Chen,"),
        # two titles that disagree: none is invented
        ("en", "Sam Lee", "Mr. Lee or Ms. Lee will call.", "Dear Sam Lee,"),
        ("id", "Dewi Lestari", "Anda akan diwawancarai oleh Ibu Dewi.", "Yth. Ibu Dewi Lestari\n"),
        ("id", "Andri Wibowo", "Hubungi Pak Andri di nomor ini.", "Yth. Bapak Andri Wibowo\n"),
        # "Bapak/Ibu" before a name tells nothing
        ("id", "Sofie Hartono", "Yth. Bapak/Ibu Sofie Hartono", "Yth. Sofie Hartono\n"),
    ],
)
def test_a_title_the_invitation_writes_before_the_contacts_name_is_used(
    lang: str, name: str, text: str, dear: str
) -> None:
    inv = replace(
        invitation(lang), text=text, contact=Contact(name, "hr@x.example", "0812-1111-2222")
    )
    out = drafts(inv, situation(lang, "decline", "personal"), lang)
    assert out["email"].text.startswith(dear)


@pytest.mark.parametrize(
    ("lang", "phone", "hour", "greeting"),
    [
        # an office line in Jakarta at 10.30 WIB: WIT is already at midday, the line says WIB
        ("id", "021-7190-5500", 10, "Selamat pagi, boleh saya bicara"),
        # a mobile number tells nothing: WIB, WITA and WIT disagree at 10.30 WIB
        ("id", "0812-1111-2222", 10, "Halo, boleh saya bicara"),
        # a New York office line, 02.30 WIB = 14.30 in New York
        ("en", "+1 212 555 0100", 2, "Good afternoon, may I speak"),
    ],
)
def test_a_call_greets_by_the_time_of_day_where_the_office_line_is(
    lang: str, phone: str, hour: int, greeting: str
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sopan.compose import compose

    from .compose_cases import PROFILE, plan

    inv = replace(
        invitation(lang),
        timezone=None,
        provenance=(),
        contact=Contact("Rina Wijaya", None, phone),
    )
    now = datetime(2026, 11, 20, hour, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    sit = situation(lang, "decline", "personal")
    (call,) = compose(plan(lang, "decline"), inv, sit, PROFILE, now=now, channels=["call"])
    said = next(line for line in call.text.splitlines() if line.startswith("1. "))
    assert greeting in said, said


@pytest.mark.parametrize(
    ("language", "asked", "decided"),
    [("id", "Permintaan", "Keputusan"), ("en", "The request", "The decision")],
)
def test_a_call_labels_a_request_as_a_request_and_a_decision_as_a_decision(
    language: str, asked: str, decided: str
) -> None:
    # moving online or to another time is asked of the recruiter, not decided by the caller
    for action in ("online", "reschedule"):
        sit = situation(language, action, "health")
        call = drafts(invitation(language), sit, language)["call"].text
        assert f"{asked}: " in call and f"{decided}: " not in call, (action, call)
    for action in ("decline", "cancel"):
        sit = situation(language, action, "health")
        call = drafts(invitation(language), sit, language)["call"].text
        assert f"{decided}: " in call and f"{asked}: " not in call, (action, call)
