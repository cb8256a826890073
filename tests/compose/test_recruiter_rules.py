"""The recruiter's checks (tests/compose/recruiter.py, the same `bench/recruiter.py` runs on
eval-dev) over the project's own invitations in both languages, each under every situation: no
shortfall. And each check, shown a draft that breaks its rule, finds it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.model import Draft

from .recruiter import SITUATIONS, Run, Shortfall, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
FILES = sorted(FIXTURES.iterdir())


def test_the_fixtures_cover_both_languages_and_every_way_in() -> None:
    names = [p.name for p in FILES]
    assert sum(n.startswith("id_") for n in names) >= 7
    assert sum(n.startswith("en_") for n in names) >= 5
    assert {p.suffix for p in FILES} >= {".eml", ".txt", ".ics"}


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.name)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_channel_meets_what_a_recruiter_checks(path: Path, situation: object) -> None:
    result = run(path.read_bytes(), path.name, situation, NOW)  # type: ignore[arg-type]
    if isinstance(result, str):
        assert result.startswith("n/a"), result  # only an online request to an online interview
        return
    assert result.drafts  # one at least: a team named and an e-mail alone gets one
    assert result.shortfalls == [], "\n".join(
        f"{s.channel} · {s.rule}: {s.detail}" for s in result.shortfalls
    )


# --- each check sees what it is for -----------------------------------------------------------


@pytest.fixture(scope="module")
def sick() -> Run:
    """A confirmed interview cancelled under 24 hours ahead, by a named Ibu with a mobile."""
    path = FIXTURES / "id_email_pewawancara_ibu.eml"
    found = run(path.read_bytes(), path.name, SITUATIONS[1], NOW)
    assert isinstance(found, Run) and found.shortfalls == []
    return found


def _with(r: Run, channel: str, text: str, **changes: object) -> list[Shortfall]:
    drafts = tuple(
        replace(d, text=text, **changes) if d.channel == channel else d  # type: ignore[arg-type]
        for d in r.drafts
    )
    return check(replace(r, drafts=drafts, lint={}))


def _rules(found: list[Shortfall]) -> set[str]:
    return {s.rule for s in found}


def _draft(r: Run, channel: str) -> Draft:
    return next(d for d in r.drafts if d.channel == channel)


def test_the_checks_find_what_breaks_each_rule(sick: Run) -> None:
    wa = _draft(sick, "whatsapp").text
    assert "one_apology" in _rules(_with(sick, "whatsapp", wa + "\n\nMohon maaf sekali lagi."))
    assert "chat_letter_phrase" in _rules(_with(sick, "whatsapp", "Dengan hormat,\n" + wa))
    assert "one_request" in _rules(_with(sick, "whatsapp", wa + " Bisa? Kapan?"))
    assert "within_limit" in _rules(_with(sick, "whatsapp", wa + " kata" * 200))
    sms = _draft(sick, "sms").text
    assert "within_limit" in _rules(_with(sick, "sms", sms + " lagi" * 60))
    # an Indonesian mobile gets no voicemail (rarely set up): an office line's is checked
    office = _fixture("id_surat_panggilan_telepon_kantor.txt", 1)
    assert "voicemail" not in [d.channel for d in sick.drafts]
    vm = _draft(office, "voicemail").text
    assert "voicemail_question" in _rules(_with(office, "voicemail", vm + " Bisa telepon saya?"))
    once = vm.split(" Sekali lagi")[0]
    assert "number_twice" in _rules(_with(office, "voicemail", once))
    assert "speech_bapak_ibu" in _rules(_with(office, "voicemail", "Bapak atau Ibu, " + vm))
    call = _draft(sick, "call").text
    assert "speech_slash" in _rules(
        _with(sick, "call", call.replace("Salam: ", "Salam: Bapak/Ibu, "))
    )
    email = _draft(sick, "email").text
    assert "honorific_joined" in _rules(
        _with(sick, "email", email.replace("Ibu Dewi", "Bapak/Ibu Dewi"))
    )
    assert "salutation" in _rules(_with(sick, "email", email.replace("Yth. Ibu", "Kepada Ibu")))
    late = email.replace("terlebih karena", "dan lewat batas waktu konfirmasi, terlebih karena")
    assert "apology_kind" in _rules(_with(sick, "email", late))
    assert "subject_clean" in _rules(_with(sick, "email", email, subject="Re: Undangan {{posisi}}"))


def test_a_promise_through_a_channel_that_is_not_there_is_found() -> None:
    # an office landline and no e-mail address: nothing can be sent "by email" or WhatsApp
    path = FIXTURES / "id_surat_panggilan_telepon_kantor.txt"
    office = run(path.read_bytes(), path.name, SITUATIONS[0], NOW)
    assert isinstance(office, Run) and office.shortfalls == []
    vm = _draft(office, "voicemail").text
    assert "lewat" not in vm  # it promises nothing
    for promise in (" Detailnya saya kirim lewat email.", " Saya kirim juga lewat WhatsApp."):
        assert "promise_missing" in _rules(_with(office, "voicemail", vm + promise))
    # nor does the call script send them to a written message after the voicemail
    call = _draft(office, "call").text
    assert call.endswith("lalu telepon lagi nanti.")
    later = call + "\nLalu kirim pesan tertulisnya."
    assert "promise_missing" in _rules(_with(office, "call", later))


def test_the_plan_checks_see_a_step_with_no_draft(sick: Run) -> None:
    missing = replace(sick, planned_drafts=sick.planned_drafts[1:])
    assert "plan_steps_drafted" in _rules(check(missing))


def _fixture(name: str, situation: int = 0) -> Run:
    path = FIXTURES / name
    found = run(path.read_bytes(), path.name, SITUATIONS[situation], NOW)
    assert isinstance(found, Run) and found.shortfalls == [], getattr(found, "shortfalls", found)
    return found


def test_the_checks_for_a_name_a_voicemail_a_chat_and_a_zone_find_what_breaks_them() -> None:
    # a named contact without an honorific is never "Bapak/Ibu Sofie"
    named = _fixture("id_email_ditempel_dengan_nomor_tanpa_sapaan.txt")
    email = _draft(named, "email").text
    assert "Yth. Sofie Hartono\n" in email
    broken = email.replace("Yth. Sofie Hartono", "Yth. Bapak/Ibu Sofie Hartono")
    assert "named_no_bapak_ibu" in _rules(_with(named, "email", broken))
    # a decline's voicemail (to an office line) asks for no callback; the pasted e-mail is
    # answered by e-mail
    office = _fixture("id_surat_panggilan_telepon_kantor.txt")
    vm = _draft(office, "voicemail").text
    assert "Nomor saya" in vm and "hubungi" not in vm
    assert "voicemail_request" in _rules(_with(office, "voicemail", "Mohon hubungi saya. " + vm))
    assert "email" in [s.channel for s in named.plan.steps]
    # an Indonesian chat declines with its regret, and never as a letter
    wa = _draft(named, "whatsapp").text
    assert "Mohon maaf, saya tidak akan melanjutkan" in wa
    assert "chat_regret" in _rules(_with(named, "whatsapp", wa.replace("Mohon maaf, s", "S")))
    letterish = wa.replace("Mohon maaf, saya", "Saya ingin mengabarkan bahwa saya")
    assert "chat_letter_phrase" in _rules(_with(named, "whatsapp", letterish))
    # the reply format asked for is the chat's first line, filled
    asked = _fixture("id_wa_format_balasan_hadir_tidak.txt")
    for channel in ("whatsapp", "sms"):
        text = _draft(asked, channel).text
        assert text.startswith("TIDAK_Budi Santoso_Kasir\n")
        assert "reply_format" in _rules(_with(asked, channel, text.split("\n", 1)[1]))
    # a zone written "EST" is never relabelled EDT in June: to an American reader it is ET,
    # the name the same all year
    est = _fixture("en_email_est_in_summer.txt", 2)
    email = _draft(est, "email").text
    assert re.search(r"\bET\b", email) and "EDT" not in email and "EST" not in email
    assert "zone_as_written" in _rules(_with(est, "email", email.replace(" ET", " EDT")))
    assert "idiom" in _rules(
        _with(est, "email", email + "\nI wish you every success with the recruitment.")
    )
    # a formal letter only to a formal invitation: none to a one-line chat
    chat = _fixture("en_text_one_line_est_yes_no.txt")
    assert "letter" not in {d.channel for d in chat.drafts}
    assert _draft(chat, "sms").text.startswith("NO\n")
    letter = replace(_draft(est, "email"), channel="letter")
    assert "letter_register" in _rules(check(replace(chat, drafts=(*chat.drafts, letter))))


def test_the_review_wording_checks_find_what_breaks_them() -> None:
    # an unconfirmed reschedule is sorry to be unavailable: nothing has changed yet
    moved = _fixture("id_email_ditempel_dengan_nomor_tanpa_sapaan.txt", 2)
    email = _draft(moved, "email").text
    assert "Mohon maaf, pada waktu tersebut saya berhalangan hadir." in email
    assert "perubahan" not in email
    assert "apology_kind" in _rules(
        _with(moved, "email", email + "\nMohon maaf atas perubahan ini.")
    )
    # a name with no honorific in an Indonesian chat that never said "kak": greeted without a
    # name, never a bare "Sofie" nor a "Kak Sofie" the invitation did not use
    wa = _draft(moved, "whatsapp").text
    assert wa.startswith("Selamat pagi,\nSaya ") and "Kak" not in wa
    bare = wa.replace("Selamat pagi,", "Selamat pagi, Sofie.", 1)
    assert "bare_first_name" in _rules(_with(moved, "whatsapp", bare))
    # the stiff phrases a recruiter marks down
    sick = _fixture("id_email_pewawancara_ibu.eml", 1)
    letter = _draft(sick, "letter").text
    assert "Saya sedang sakit" in letter and "pemulihan" not in letter
    stiff = letter + "\nSaat ini saya sedang menjalani pemulihan kesehatan."
    assert "stiff_wording" in _rules(_with(sick, "letter", stiff))
    offer = _fixture("en_email_ms_jang_singapore.eml")
    wa = _draft(offer, "whatsapp").text
    assert "I won't be attending" in wa
    assert "stiff_wording" in _rules(
        _with(offer, "whatsapp", wa.replace("I won't be attending", "I'll not attend"))
    )
    # two new times are "either of" them
    two = _fixture("en_email_ms_jang_singapore.eml", 2)
    email = _draft(two, "email").text
    assert "either of the following times?" in email
    assert "stiff_wording" in _rules(_with(two, "email", email.replace("either of", "any of")))
    # a calendar answer's comment is a line or two, never a letter
    answered = _fixture("id_email_undangan_kalender.ics", 0)
    comment = _draft(answered, "calendar").text
    assert len(comment) <= 200 and "Dengan" not in comment
    prose = "Dengan ini saya memberitahukan bahwa " + comment
    assert "calendar_comment" in _rules(_with(answered, "calendar", prose))


@pytest.mark.parametrize("name", ["id_wa_hai_kak.txt", "en_whatsapp_lagos.txt"])
def test_a_next_day_interview_is_tomorrow_in_a_chat_a_text_and_speech(name: str) -> None:
    sick = _fixture(name, 1)  # cancelled 20 hours ahead
    # a script is said when the plan has the call made: out of working hours, the next
    # morning, the interview's own day ("hari ini")
    later = {"call", "voicemail"} if sick.plan.call_at is not None else set()
    said = [d.channel for d in sick.drafts if d.channel in ("whatsapp", "sms", "voicemail", "call")]
    assert len(said) >= 2
    for channel in set(said) & later:
        assert re.search(r"\b(?:hari ini|today)\b", _draft(sick, channel).text), channel
    said = [c for c in said if c not in later]
    for channel in said:
        text = _draft(sick, channel).text
        assert re.search(r"\b(?:besok|tomorrow)\b", text), channel
        dated = re.sub(r"\b(?:besok|tomorrow)\b,? ?", "", text)
        assert "says_tomorrow" in _rules(_with(sick, channel, dated)), channel


def test_a_chat_to_no_named_person_never_opens_with_a_bare_hello() -> None:
    team = _fixture("en_text_no_name_no_zone.txt")
    wa = _draft(team, "whatsapp").text
    assert not wa.startswith("Hello.")
    assert "bare_hello" in _rules(_with(team, "whatsapp", "Hello.\n" + wa.split("\n", 1)[1]))


def test_a_call_script_thanks_once_labels_its_steps_and_follows_the_plan(sick: Run) -> None:
    call = _draft(sick, "call").text
    # an Indonesian mobile: no voicemail, the written reply by the plan's own channel
    assert "tidak perlu meninggalkan pesan suara" in call and "pesan suara singkat" not in call
    assert len(re.findall(r"[Tt]erima kasih", call)) == 1
    twice = call.replace("Penutup: ", "Penutup: Terima kasih banyak. Sekali lagi terima kasih. ")
    assert "call_thanks_once" in _rules(_with(sick, "call", twice))
    voicemail = re.sub(
        r"\n\n[^\n]+$", "\n\nJika telepon tidak diangkat, tinggalkan pesan suara singkat.", call
    )
    assert "call_no_answer_plan" in _rules(_with(sick, "call", voicemail))
    # the written reply, sent after the call or already sent before it, by another channel
    elsewhere = (
        re.sub(r"lewat \w+( sudah Anda kirim)?\.$", r"lewat SMS\1.", call)
        if "lewat SMS" not in call
        else call
    )
    if "sms" not in [s.channel for s in sick.plan.steps]:
        assert "call_no_answer_plan" in _rules(_with(sick, "call", elsewhere))
    label = "\n5. Minat pada posisi ini: Semoga proses rekrutmennya lancar."
    assert "call_label_matches" in _rules(_with(sick, "call", call + label))
    # an office line leaves a voicemail; with no written reply, the call is made again
    office = _fixture("id_surat_panggilan_telepon_kantor.txt", 1)
    again = "tinggalkan pesan suara singkat (lihat naskah pesan suara), lalu telepon lagi nanti."
    assert _draft(office, "call").text.endswith(again)


def test_the_order_and_once_checks_find_what_breaks_them() -> None:
    # a reschedule asks after its news and reason: a question between them is caught
    moved = _fixture("id_email_ditempel_dengan_nomor_tanpa_sapaan.txt", 2)
    email = _draft(moved, "email").text
    assert "request_last" not in _rules(check(moved))
    news = "Mohon maaf, pada waktu tersebut saya berhalangan hadir."
    assert news in email
    asked = news + " Apakah wawancara tersebut dapat dijadwalkan ulang?"
    assert "request_last" in _rules(_with(moved, "email", email.replace(news, asked)))
    # own words that state the decision are not stated again by the draft
    own = _fixture("id_email_ditempel_dengan_nomor_tanpa_sapaan.txt", 5)
    email = _draft(own, "email").text
    assert "decided_once" not in _rules(check(own))
    twice = "Saya tidak dapat hadir pada wawancara tersebut. " + email
    assert "decided_once" in _rules(_with(own, "email", twice))
