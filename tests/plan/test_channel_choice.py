"""Which channels a plan names and the drafts it calls for, as rules over the way an
invitation is written (R2.1, R2.2, C2.1): a letter or an e-mail is answered by letter or
e-mail, never in a chat; "do not reply to this email" names the address the draft writes to;
a number written in the text, or "this number" in a chat, can be called; an Indonesian mobile
gets a text, not a voicemail, after an unanswered call."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.app.drafting import _not_written
from sopan.model import Profile, Situation
from sopan.plan import make_plan, reachable, written_medium
from sopan.plan.reach import leaves_voicemail
from sopan.read import read_text

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")

LETTERS = {
    "id_surat_panggilan": """PT. SINAR ABADI LOGISTIK
Jl. Merdeka No. 12, Semarang

Nomor : 045/HRD/XII/2026
Perihal : Panggilan Wawancara

Menindaklanjuti lamaran yang Saudara kirimkan, kami mengundang Saudara untuk wawancara pada:
Hari/tanggal : Senin, 14 Desember 2026
Waktu : 09.00 WIB
Tempat : Kantor PT Sinar Abadi Logistik, Semarang

Demikian surat panggilan ini kami sampaikan. Atas perhatiannya kami ucapkan terima kasih.
Budi Hartono
HRD
""",
    "id_surat_tanpa_kop": """Kepada Yth. Saudari Rina
Dengan hormat,
Bersama ini kami mengundang Saudari mengikuti tes wawancara posisi Kasir di CV Toko Makmur
pada Rabu, 16 Desember 2026 pukul 10.00 di Jl. Pemuda 8, Surabaya.
Demikian surat undangan ini, atas perhatiannya kami ucapkan terima kasih.
Personalia CV Toko Makmur
""",
}
EMAILS = {
    "en_dear_regards": """Dear Rina,

Thank you for applying for the Barista role at Green Bean Cafe. We would like to invite you
to an interview on Tuesday, 15 December 2026 at 10:00 AM at our Orchard Road branch.
Please bring your CV.

Kind regards,
Lena Ortiz
Store Manager
""",
    "en_best_regards_signed": """Thank you for applying for the position of accountant at Blue
Harbor Ltd. Your interview is scheduled for Friday 18 December 2026 at 2 p.m. at our office.

We look forward to hearing from you soon.

Best regards,

Tom Becker

HR Officer
""",
}
CHATS = {
    "id_chat_kak": """Hai kak, kami dari Kopi Senja mau undang interview barista hari Kamis
10 Desember 2026 jam 13.00 di outlet Jl. Riau 3 Bandung ya kak. Ditunggu konfirmasinya.""",
}


def _read(text: str):  # type: ignore[no-untyped-def]
    return read_text(text, now=NOW)


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_a_letter_with_no_address_is_answered_by_a_letter_never_in_a_chat(name: str) -> None:
    inv = _read(LETTERS[name])
    medium, key = written_medium(inv)
    assert (medium, key) == ("letter", "text_letter")
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang
        )
        channels = [s.channel for s in plan.steps]
        assert "whatsapp" not in channels and channels[0] == "letter"


@pytest.mark.parametrize("name", sorted(EMAILS))
def test_a_pasted_email_with_no_address_is_answered_in_its_thread(name: str) -> None:
    inv = _read(EMAILS[name])
    assert written_medium(inv) == ("email", "text_thread")
    plan = make_plan(inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang="id")
    assert "whatsapp" not in [s.channel for s in plan.steps]


@pytest.mark.parametrize("name", sorted(CHATS))
def test_a_chat_is_still_answered_in_the_chat(name: str) -> None:
    medium, _ = written_medium(_read(CHATS[name]))
    assert medium == "whatsapp"


#: invitations that ask to be answered by replying to them, with no number or address: the
#: answer goes where they came (R2.1) — the chat, even when written in letter form
ASKS_IN_CHAT = {
    "id_letter_form_balas_chat": """Yth. Saudara/i {nama},

Dengan hormat,
Kami mengundang Saudara/i mengikuti interview posisi Admin Gudang pada:
Hari/Tanggal : Kamis, 17 Desember 2026
Waktu        : 10.00 WIB
Lokasi       : Jl. Pemuda 8, Semarang

Mohon konfirmasi kehadiran dengan membalas chat ini paling lambat 1 hari sebelumnya.

Hormat kami,
Tim Rekrutmen
PT Cahaya Baru""",
    "id_pesan_ini": """Selamat siang Sdr/i Rina,
Anda lolos seleksi berkas posisi Kasir di Toko Sumber Rejeki. Interview dilaksanakan Senin,
14 Desember 2026 pukul 13.00 di Jl. Riau 3 Bandung.
Mohon membalas pesan ini untuk konfirmasi kehadiran Anda.
Terima kasih.""",
    "en_reply_to_this_message": """Hello Rina! This is Green Leaf Bakery. We'd love to see you for
an interview for the cashier role on Tuesday, 15 December 2026 at 3 pm at our Orchard shop.
Please reply to this message to confirm. Thanks!""",
    "en_reply_to_this_chat_letter_form": """Dear Rina,

We invite you to an interview for the Store Assistant role on Wednesday, 16 December 2026 at
11:00 at our shop, 12 Baker Street.

Kindly reply to this chat to confirm your attendance.

Best regards,
Hiring Team
Maple Stores""",
}


@pytest.mark.parametrize("name", sorted(ASKS_IN_CHAT))
def test_reply_to_this_chat_or_message_is_answered_in_the_chat(name: str) -> None:
    inv = _read(ASKS_IN_CHAT[name])
    assert not inv.contact.phone and not inv.contact.email
    medium, key = written_medium(inv)
    assert (medium, key) == ("whatsapp", "text_asked")
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang
        )
        channels = [s.channel for s in plan.steps]
        assert channels[0] == "whatsapp" and "letter" not in channels
        assert "whatsapp" in reachable(inv)


#: e-mails pasted without their headers, known by their frame: a greeting alone on its line
#: and a closing alone on its line with the sender under it (R2.1)
MAIL_FRAMES = {
    "en_hi_respectfully": """Hi ${name},

We received your application for the Support Intern role. We'd like to schedule you for a
phone interview on Thursday, 17 December 2026 between 10:00 and 12:00.

Will you be available during this time?

Respectfully,

Northwind Services
Candidate Selection Team""",
    "en_hello_cheers": """Hello Sam,

Thanks for applying to Lumen Labs. Could you join us for a video interview on Friday,
18 December 2026 at 2 pm? Reply to this message and we'll send the link.

Cheers,
Priya
Lumen Labs Recruiting""",
    "id_halo_salam_hangat": """Halo Rina,

Terima kasih sudah melamar posisi Desainer Grafis di Studio Arunika. Kami mengundang kamu
wawancara online pada Selasa, 15 Desember 2026 pukul 14.00 WIB.

Salam hangat,
Dita
Tim Talenta Studio Arunika""",
}


@pytest.mark.parametrize("name", sorted(MAIL_FRAMES))
def test_a_pasted_email_known_by_its_frame_is_answered_in_its_thread(name: str) -> None:
    inv = _read(MAIL_FRAMES[name])
    assert written_medium(inv) == ("email", "text_thread")
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang
        )
        channels = [s.channel for s in plan.steps]
        assert channels[0] == "email" and "whatsapp" not in channels


@pytest.mark.parametrize(
    "text",
    [
        # a chat's greeting runs on, and its thanks is no letter's closing
        "Halo kak Rina, kami dari Kopi Senja mau undang interview barista hari Kamis 10 "
        "Desember 2026 jam 13.00 di outlet Jl. Riau 3 Bandung ya kak.\nTerima kasih,\nAdmin",
        "Hi Sam, this is Jo from Lotus Studio. Your interview is on Thursday, 10 December 2026 "
        "at 1 pm at our studio. See you then!\nThanks,\nJo",
    ],
)
def test_a_chat_with_a_greeting_and_thanks_stays_a_chat(text: str) -> None:
    medium, _ = written_medium(_read(text))
    assert medium == "whatsapp"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Subject: Interview invitation - Data Analyst\n\nPlease do not reply to this email.\n\n"
            "Dear candidate,\nYou are invited to an interview for the Data Analyst role at "
            "Northwind on Thursday, 17 December 2026 at 14:00 via Zoom.\nFor any questions "
            "contact our recruiter Jane Doe at jane.doe@northwind.com.\n\nRegards,\nNorthwind",
            "jane.doe@northwind.com",
        ),
        (
            "Subjek: Undangan Wawancara\n\nMohon jangan membalas ke alamat pengirim.\n\n"
            "Yth. Saudara Budi,\nAnda diundang wawancara posisi Staf Gudang di "
            "PT Maju Bersama pada Selasa, 15 Desember 2026 pukul 09.00 WIB. Konfirmasi "
            "kehadiran: hubungi Ibu Ratna di ratna.hrd@majubersama.co.id.\n\nHormat kami,\nHRD",
            "ratna.hrd@majubersama.co.id",
        ),
    ],
)
def test_do_not_reply_names_the_address_the_draft_writes_to(text: str, address: str) -> None:
    inv = _read(text)
    assert written_medium(inv) == ("email", "email_contact")
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang
        )
        first = plan.steps[0]
        assert first.channel == "email" and address in first.why


@pytest.mark.parametrize(
    "text",
    [
        # the chat's own number: "melalui nomor ini"
        "Halo, saya Sofie dari Tim HRD PT Cahaya Nusantara. Wawancara Anda Kamis, 10 Desember "
        "2026 pukul 13.00 lewat Google Meet. Apabila berhalangan, mohon segera "
        "menginformasikannya melalui nomor ini.",
        "Hi Rina, this is Maya from Lotus Studio. Your interview is on Thursday, 10 December "
        "2026 at 1 pm. If anything changes, please call or text me on this number.",
    ],
)
def test_this_number_in_a_chat_can_be_called(text: str) -> None:
    inv = _read(text)
    assert "call" in reachable(inv)
    sit = Situation(intent="cancel", interest="no", confirmed=True)
    for lang in ("id", "en"):
        plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
        assert plan.steps[0].channel == "call"
        said = " ".join(s.why for s in plan.steps) + " ".join(n.text for n in plan.warnings)
        assert "no phone number" not in said and "tidak ada nomor telepon" not in said


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sam,\nWe are happy to invite you to an interview on Tuesday, 15 December 2026 at "
        "10:00 AM. If you cannot come, please call us at 555-1234.\nBest regards,\nHR Department",
        "Yth. Saudara Andi,\nKami mengundang Anda wawancara pada Senin, 14 Desember 2026 pukul "
        "09.00. Bila berhalangan, silakan hubungi kami di 555-1234.\nHormat kami,\nHRD",
    ],
)
def test_a_short_local_number_after_call_us_is_a_number(text: str) -> None:
    inv = _read(text)
    assert inv.contact.phone is not None and "1234" in inv.contact.phone
    assert "call" in reachable(inv)


@pytest.mark.parametrize(
    ("phone", "voicemail"),
    [
        ("0812 1111 2222", False),  # Indonesian mobile: rarely set up
        ("+62 857 2222 3333", False),
        ("+62 22 555 0101", True),  # an office line in Bandung
        ("(021) 555 0199", True),
        ("+44 7911 123456", True),  # a mobile abroad
    ],
)
def test_voicemail_only_for_office_lines_and_numbers_abroad(phone: str, voicemail: bool) -> None:
    text = (
        "Undangan wawancara Senin, 14 Desember 2026 pukul 09.00 di kantor kami. Bila "
        f"berhalangan hubungi Ibu Sari di {phone}. Hormat kami, HRD PT Sinar"
    )
    inv = _read(text)
    assert inv.contact.phone
    assert leaves_voicemail(inv) is voicemail
    plan = make_plan(
        inv, Situation(intent="cancel", interest="no", confirmed=True), PROFILE, now=NOW, lang="id"
    )
    assert ("voicemail" in [s.channel for s in plan.steps]) is voicemail


@pytest.mark.parametrize("phone", ["+62 22 555 0101", "(021) 555 0199"])
def test_a_landline_says_it_has_no_chat_not_no_sms(phone: str) -> None:
    inv = _read(f"Wawancara Senin, 14 Desember 2026 pukul 09.00. Info: Ibu Sari, telp {phone}.")
    assert _not_written("whatsapp", inv) == "no_mobile_chat"
    assert _not_written("sms", inv) == "no_mobile"


# --- the advice fits the reason, the trip is one people make (R1.2) ----------------------------


@pytest.mark.parametrize(
    ("home", "there", "mode"),
    [
        ("Bandung", "Pekalongan", "road"),  # 228 km on Java: no one flies it
        ("Jakarta", "Semarang", "road"),
        ("Medan", "Pematangsiantar", "road"),
        ("Jakarta", "Surabaya", "flight"),  # 660 km: flown
        ("Jakarta", "Makassar", "flight"),  # another island, far
    ],
)
def test_a_trip_on_one_island_goes_by_road_until_it_is_long(
    home: str, there: str, mode: str
) -> None:
    from sopan.language.places import estimate_travel, find_place

    a, b = find_place(home), find_place(there)
    assert a is not None and b is not None
    assert estimate_travel(a, b).mode == mode


FAR_INVITATIONS = {
    "id": "Yth. Saudari Rina,\nKami mengundang Anda wawancara posisi Staf Gudang pada Senin, "
    "14 Desember 2026 pukul 09.00 WIB di kantor kami, Jl. Gatot Subroto 20, Semarang.\n"
    "Hormat kami,\nHRD PT Sinar Jaya",
    "en": "Dear Rina,\nWe invite you to an interview for the Warehouse Staff role on Monday, "
    "14 December 2026 at 09:00 at our office, Jl. Gatot Subroto 20, Semarang.\n"
    "Best regards,\nHR, PT Sinar Jaya",
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("reason", "advised"),
    [("health", False), ("accepted-offer", False), ("schedule-conflict", False),
     ("too-far", True), (None, True)],
)  # fmt: skip
def test_distance_advice_only_where_distance_is_the_matter(
    lang: str, reason: str | None, advised: bool
) -> None:
    inv = _read(FAR_INVITATIONS[lang])
    sit = Situation(intent="cancel", reason=reason, interest="yes")  # type: ignore[arg-type]
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    said = " ".join(n.text for n in plan.warnings)
    assert ("km" in said) is advised, said
    assert "udara" not in said and "by air" not in said


# --- the checklist fits the person (R7.1, R9, R10) ---------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_job_search_lines_after_another_offer(lang: str) -> None:
    inv = _read(FAR_INVITATIONS[lang])
    sit = Situation(intent="decline", reason="accepted-offer", interest="no")
    plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
    assert not [n for n in plan.checklist if n.guideline.startswith(("R9", "R10"))]


@pytest.mark.parametrize(
    ("text", "portfolio"),
    [
        ("Halo kak, kami undang interview barista Kamis 10 Desember 2026 jam 13.00 di outlet "
         "Jl. Riau 3 Bandung ya. Bawa CV.", False),
        ("Dear Rina, please join us for an interview for the Graphic Designer role on Thursday, "
         "10 December 2026 at 1 pm. Please bring your portfolio.\nBest regards, Maya", True),
        ("Yth. Saudari Rina, kami mengundang Anda wawancara posisi Desainer Grafis pada Kamis, "
         "10 Desember 2026 pukul 13.00. Mohon membawa portofolio. Hormat kami, HRD", True),
        ("Dear Rina, please join us for an interview for the Cashier role on Thursday, "
         "10 December 2026 at 1 pm.\nBest regards, Maya", False),
    ],
)  # fmt: skip
def test_a_portfolio_only_when_the_invitation_asks_for_one(text: str, portfolio: bool) -> None:
    inv = _read(text)
    for lang, word in (("id", "portofolio"), ("en", "portfolio")):
        sit = Situation(intent="reschedule", interest="yes", attachments=("cv.pdf",))
        plan = make_plan(inv, sit, PROFILE, now=NOW, lang=lang)
        cv = [n.text for n in plan.checklist if n.guideline == "R7.1"]
        assert len(cv) == 1 and "CV" in cv[0]
        # with nothing attached, no CV line: the reply carries none (R7.1)
        bare = make_plan(inv, Situation(intent="reschedule", interest="yes"), PROFILE, now=NOW)
        assert not [n for n in bare.checklist if n.guideline == "R7.1"]
        assert (word in cv[0]) is portfolio
        lines = " ".join(n.text for n in plan.checklist if n.guideline != "R7.1")
        assert word not in lines


# --- a zone the place decides is no warning (R1) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        # the place lies in WIB, WITA: the zone is plain
        ("Yth. Saudara Andi, wawancara Senin, 14 Desember 2026 pukul 09.00 di Kantor Pusat, "
         "Jl. Daan Mogot 5, Kota Tangerang, Banten. Hormat kami, HRD", False),
        ("Halo kak, interview Senin 14 Desember 2026 jam 10.00 di outlet kami Jl. Sunset Road 8, "
         "Denpasar ya kak.", False),
        # an Indonesian chat that names no place, read in WIB
        ("Halo kak, interview online Senin 14 Desember 2026 jam 10.00 lewat Google Meet ya kak.",
         False),
        # an English message with no place and no zone: the zone is a guess
        ("Hi Rina, can you do a call on Monday, 14 December 2026 at 10:00? Thanks, Maya", True),
    ],
)  # fmt: skip
def test_no_zone_warning_where_the_place_decides_it(text: str, warned: bool) -> None:
    inv = _read(text)
    assert inv.start is not None and "timezone" in inv.missing
    for lang in ("id", "en"):
        plan = make_plan(
            inv, Situation(intent="decline", interest="no"), PROFILE, now=NOW, lang=lang
        )
        zone_notes = [
            n
            for n in plan.warnings
            # the zone warning names the zone read, as a guess
            if n.guideline == "R1" and re.search(r"tebakan|only a guess", n.text)
        ]
        assert bool(zone_notes) is warned, [n.text for n in plan.warnings]


# --- an office line is called in office hours (R2.2) -------------------------------------------

OFFICE = {
    "id": "Yth. Saudara Andi,\nKami mengundang Anda wawancara pada Selasa, 15 Desember 2026 "
    "pukul 10.00 WIB di kantor kami, Jl. Sudirman 5, Jakarta. Bila berhalangan, hubungi Ibu "
    "Sari di (021) 555 0199 atau sari@sinar.co.id.\nHormat kami,\nHRD PT Sinar",
    "en": "Dear Andi,\nWe invite you to an interview on Tuesday, 15 December 2026 at 10:00 "
    "(WIB) at our office, Jl. Sudirman 5, Jakarta. If you cannot come, call Ms. Sari on "
    "+62 21 555 0199 or write to sari@sinar.co.id.\nBest regards,\nHR, PT Sinar",
}
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (datetime(2026, 12, 13, 18, 0, tzinfo=JAKARTA), True),  # Sunday evening
        (datetime(2026, 12, 11, 19, 30, tzinfo=JAKARTA), True),  # Friday night
        (datetime(2026, 12, 14, 6, 0, tzinfo=JAKARTA), True),  # Monday, early
        (datetime(2026, 12, 14, 10, 0, tzinfo=JAKARTA), False),  # Monday morning: open
    ],
)
def test_no_call_first_to_a_closed_office(lang: str, now: datetime, opens: bool) -> None:
    inv = _read(OFFICE[lang])
    sit = Situation(intent="cancel", interest="no", confirmed=True)
    plan = make_plan(inv, sit, PROFILE, now=now, lang=lang)
    channels = [s.channel for s in plan.steps]
    if not opens:
        assert channels[0] == "call"
        return
    assert channels[0] == "email" and "call" in channels
    call = next(s for s in plan.steps if s.channel == "call")
    # when it opens, in words: Monday 14 December at 08:00 in Jakarta
    assert {"id": "Senin, 14 Desember pukul 08.00 WIB", "en": "Monday, 14 December at 08:00"}[
        lang
    ] in call.why, call.why
