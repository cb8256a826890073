"""A generated corpus of invitations whose truth is known: every way of writing each fact,
combined with channels and noise, so the reader is measured on ways of writing, not on
the messages it was written against.

`generate(n, seed)` gives `n` cases; each names the phenomena it holds, so accuracy can be
printed per phenomenon (`bench/read.py`) and held to a floor (`tests/read/test_corpus.py`).
Dates are drawn after `NOW`; names are invented for the corpus (no real people).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sopan.model import Invitation

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
RIGHT, HONEST, WRONG = "right", "honest", "wrong"
FIELDS = ("date", "time", "timezone", "company", "position", "mode", "phone")

MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "en": "January February March April May June July August September October November December",
}
DAYS = {
    "id": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
EN_ZONES = {"SGT": "Asia/Singapore", "GMT+7": "Etc/GMT-7", "AEST": "Australia/Brisbane"}
COMPANIES = [
    "PT Maju Jaya Abadi",
    "PT Sinar Harapan Nusantara",
    "CV Sumber Rejeki",
    "PT Kreasi Digital Indonesia",
    "PT Bumi Lestari Tbk",
]
EN_COMPANIES = ["Northwind Analytics Ltd", "Bluefin Software Inc", "Harbor Lane Consulting"]
POSITIONS_ID = ["Staf Administrasi", "staf gudang", "Sales Executive", "admin keuangan", "Barista"]
POSITIONS_EN = ["Data Analyst", "data analyst", "Sales Executive", "Customer Support Specialist"]
PEOPLE_ID = [("Ibu", "Sari Wulandari"), ("Bapak", "Agus Prasetyo"), ("Ibu", "Dewi Anggraini")]
PEOPLE_EN = [("Ms", "Hannah Lee"), ("Mr", "Daniel Brooks"), ("Ms", "Priya Nair")]


#: noise that is one fixed line: (Indonesian, English, the phenomenon it exercises)
FIXED_NOISE = {
    "second_stage": (
        "Jadwal tahap berikutnya akan diinformasikan kemudian.",
        "The date of the next stage will be shared later.",
        "noise_second_stage",
    ),
    "cv": ("Mohon membawa CV Anda dan KTP asli.", "Please bring your CV and an ID.", "noise_cv"),
    "masked": (
        "Nomor lama kami (0812-xxxx-xxxx) tidak aktif lagi.",
        "Our old number (+1 555-***-****) is no longer in use.",
        "noise_masked_number",
    ),
    "placeholder": (
        "Kode peserta: {{kode_peserta}}",
        "Candidate code: {{candidate_code}}",
        "noise_placeholder",
    ),
}


@dataclass
class Case:
    """One generated invitation: its text, what is true of it, and what it exercises."""

    text: str
    truth: dict[str, object]
    phenomena: list[str] = field(default_factory=list)


def _day_month(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS[lang].split()[day.month - 1]}"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _date_text(day: date, lang: str, r: random.Random) -> tuple[str, str]:
    month = MONTHS[lang].split()[day.month - 1]
    wd = DAYS[lang].split()[day.weekday()]
    if lang == "id":
        joint = r.choice(["/", " / ", "-", ","])
        forms = {
            "id_long": f"{wd}, {day.day} {month} {day.year}",
            "id_plain": f"{day.day} {month} {day.year}",
            "id_tanggal": f"{wd} tanggal {day.day} {month} {day.year}",
            "iso": day.isoformat(),
            "id_numeric": f"{day.day:02d}/{day.month:02d}/{day.year}" if day.day > 12 else "",
            "id_no_year": f"{wd}, {day.day} {month}",
            # the weekday joined to its date by a slash, a dash or a bare comma
            "id_weekday_joined": f"{wd}{joint}{day.day} {month} {day.year}",
        }
    else:
        forms = {
            "en_mdy": f"{wd}, {month} {day.day}, {day.year}",
            "en_dmy": f"{wd} {day.day} {month} {day.year}",
            "en_ordinal": f"{wd}, {month} {_ordinal(day.day)}, {day.year}",
            "en_ordinal_dmy": f"{_ordinal(day.day)} {month} {day.year}",
            "en_short": f"{wd[:3]} {day.day} {month[:3]} {day.year}",
            "iso": day.isoformat(),
            "en_weekday_ordinal": f"{wd} the {_ordinal(day.day)}",
            "en_weekday_after": f"{day.day} {month[:3]} {day.year} ({wd})",
        }
        if (day - NOW.date()).days > 25:
            del forms["en_weekday_ordinal"]  # "Friday the 18th" is said of the coming weeks
    name = r.choice([k for k, v in forms.items() if v])
    return forms[name], name


def _time_text(hour: int, lang: str, zone: str, r: random.Random) -> tuple[str, str, bool]:
    """The time as written, its phenomenon, and whether the zone is written in it."""
    z = f" {zone}" if zone else ""
    h12 = hour - 12 if hour > 12 else hour
    ap = "PM" if hour >= 12 else "AM"
    if lang == "id":
        forms = {
            "id_dot": (f"pukul {hour:02d}.00{z}", True),
            "id_dot_range": (f"{hour:02d}.00 - {hour + 1:02d}.00{z}", True),
            "id_until_done": (f"pukul {hour:02d}.00{z} s/d selesai", True),
            "id_jam_part": (
                f"jam {h12} {'pagi' if hour < 11 else 'siang' if hour < 15 else 'sore'}",
                False,
            ),
            "id_colon": (f"{hour:02d}:00{z}", True),
            "seconds": (f"{hour:02d}:00:00", False),
        }
        if hour in (8, 9, 10):
            forms["id_words"] = (
                f"jam {['delapan', 'sembilan', 'sepuluh'][hour - 8]} pagi",
                False,
            )
    else:
        forms = {
            "en_ampm": (f"{h12}:00 {ap}{z}", True),
            "en_compact": (f"{h12}{ap.lower()}{z}", True),
            "en_dotted": (f"{h12} {ap[0].lower()}.m.{z}", True),
            "en_24h": (f"{hour:02d}:00{z}", True),
            "en_hrs": (f"{hour:02d}00 hrs{z}", True),
            "en_range": (
                f"{h12}:00 - {h12 + 1 if h12 < 12 else 1}:00 {ap if h12 < 11 else 'PM'}{z}",
                True,
            ),
            "seconds": (f"{hour:02d}:00:00", False),
        }
        if hour in (9, 10, 11):
            forms["en_words"] = (f"{['nine', 'ten', 'eleven'][hour - 9]} in the morning", False)
    name = r.choice(list(forms))
    text, with_zone = forms[name]
    return text, name, with_zone and bool(zone)


_LABEL_STYLES = ("colon", "dash", "equals", "tab", "below", "inline")


def _labelled(label: str, value: str, style: str) -> str:
    return {
        "colon": f"{label} : {value}",
        "dash": f"{label} - {value}",
        "equals": f"{label} = {value}",
        "tab": f"{label}\t{value}",
        "below": f"{label}:\n\n{value}",
    }[style]


def _phone(r: random.Random) -> tuple[str, str, str]:
    """A phone as written, its digits as read, and its phenomenon."""
    kind = r.choice(["mobile_dash", "mobile_plain", "mobile_intl", "landline"])
    n = r.randrange(10_000_000, 99_999_999)
    if kind == "mobile_dash":
        s = f"0812{n:08d}"
        return f"{s[:4]}-{s[4:8]}-{s[8:]}", s, kind
    if kind == "mobile_plain":
        return f"0813{n:08d}", f"0813{n:08d}", kind
    if kind == "mobile_intl":
        return f"+62 821 {n // 10000:04d} {n % 10000:04d}", f"0821{n:08d}", kind
    seven = 5_000_000 + n % 4_000_000  # a local number never starts with 0
    return f"(021) {seven:07d}", f"021{seven:07d}", kind


def make_case(r: random.Random) -> Case:
    """One invitation drawn at random from the ways of writing each part."""
    lang = r.choice(["id", "id", "en"])
    channel = r.choice(
        ["email", "letter", "whatsapp", "portal"] if lang == "id" else ["email", "portal", "email"]
    )
    ph: list[str] = [f"lang_{lang}", f"channel_{channel}"]
    day = NOW.date() + timedelta(days=r.randrange(3, 60))
    hour = r.choice([8, 9, 10, 11, 13, 14, 15])
    zone_word = ""
    if lang == "id":
        zone_word = r.choice(["WIB", "WIB", "WITA", "WIT", ""])
    else:
        zone_word = r.choice(["", "SGT", "GMT+7", "AEST"])
    date_text, date_kind = _date_text(day, lang, r)
    trap = r.choice(["none"] * 6 + ["beside_relative", "range", "impossible", "unknown_zone"])
    date_truth: str | None = day.isoformat()
    if trap == "beside_relative":  # "tomorrow, Thursday 3 December 2026": the date wins
        day = NOW.date() + timedelta(days=1)
        month, wd = MONTHS[lang].split()[day.month - 1], DAYS[lang].split()[day.weekday()]
        plain = f"{wd}, {day.day} {month} {day.year}"
        date_text = f"{'besok' if lang == 'id' else 'tomorrow'}, {plain}"
        date_truth = day.isoformat()
    elif trap == "range":  # "20–25 Januari 2027": any of those days, none asserted
        last = min(day.day + r.randrange(1, 5), 28)
        day = day.replace(day=min(day.day, last - 1))
        month = MONTHS[lang].split()[day.month - 1]
        sep = r.choice(["–", " - ", "-"])
        date_text = (
            f"{day.day}{sep}{last} {month} {day.year}"
            if lang == "id" or r.random() < 0.5
            else f"{month} {day.day}{sep}{last}, {day.year}"
        )
        date_truth = None
    elif trap == "impossible":  # "31 Februari 2027": an error, never another day
        date_text = f"31 {MONTHS[lang].split()[1]} 2027" if lang == "id" else "February 31, 2027"
        date_truth = None
    time_text, time_kind, zone_in_time = _time_text(hour, lang, zone_word, r)
    zone = (ZONES | EN_ZONES).get(zone_word) if zone_in_time else None
    if trap == "unknown_zone":
        time_text = f"{hour:02d}:00 {r.choice(['XST', 'QMT', 'BRT'])}"
        time_kind, zone = "unknown_zone", None
    if trap != "none":
        ph.append(f"trap_{trap}")
    ph += [f"date_{date_kind}", f"time_{time_kind}"]
    company = r.choice(COMPANIES if lang == "id" else EN_COMPANIES)
    position = r.choice(POSITIONS_ID if lang == "id" else POSITIONS_EN)
    title, person = r.choice(PEOPLE_ID if lang == "id" else PEOPLE_EN)
    phone_text, phone_digits, phone_kind = _phone(r)
    ph.append(f"phone_{phone_kind}")
    mode = r.choice(["online", "onsite", "phone"] if channel != "portal" else ["online", "onsite"])
    ph.append(f"mode_{mode}")
    style = r.choice(_LABEL_STYLES)
    ph.append(f"label_{style}")
    company_where = r.choice(["intro", "signature", "label", "team_of", "domain", "from"])
    if company_where in ("team_of", "domain", "from"):
        company = r.choice(
            ["Maju Jaya", "Sinar Harapan", "Nusantara Logistik"]
            if lang == "id"
            else ["Northwind", "Bluefin", "Harborlane"]
        )
    ph.append(f"company_{company_where}")
    pos_where = r.choice(["phrase", "label"])
    ph.append(f"position_{pos_where}")
    truth: dict[str, object] = {
        "date": date_truth,
        "time": f"{hour:02d}:00",
        "timezone": zone,
        "company": company,
        "position": position,
        "mode": mode,
        "phone": phone_digits,
    }
    if time_kind == "en_range" and hour == 11:
        truth["time"] = "11:00"
    id_ = lang == "id"
    lines: list[str] = []
    # --- noise before the body
    noise = r.sample(
        ["past", "deadline", "none", "none", "placeholder", "second_stage", "cv", "masked"], 2
    )
    if channel == "email":
        sent = NOW - timedelta(hours=r.randrange(1, 9))  # the same day: "tomorrow" holds
        lines += [
            f"From: {'Rekrutmen' if id_ else 'Recruiting'} <hr@{_domain(company)}>",
            f"Date: {sent.strftime('%a, %d %b %Y %H:%M:%S +0700')}",
            f"Subject: {'Undangan Interview' if id_ else 'Interview invitation'}",
            "",
        ]
    elif channel == "letter":
        letter_day = NOW.date() - timedelta(days=1)
        lines += [
            f"Jakarta, {_day_month(letter_day, 'id')} {letter_day.year}",
            f"Nomor: {r.randrange(10, 99)}/HRD/XII/2026",
            "Perihal: Undangan Wawancara",
            "",
        ]
        ph.append("letter_date")
    elif channel == "portal":
        stamp = NOW - timedelta(hours=r.randrange(1, 9))
        lines += [
            f"Interview · {_day_month(stamp.date(), 'en')[:6]} {stamp.year}, {stamp:%H:%M}",
            "",
        ]
        ph.append("notification_stamp")
    greet = {
        "email": "Yth. Sdr/i Rina," if id_ else "Dear Rina,",
        "letter": "Kepada Yth. Saudari Rina",
        "whatsapp": "Halo Kak Rina,",
        "portal": "Hi Rina," if not id_ else "Halo Rina,",
    }[channel]
    lines += [greet, ""]
    if "past" in noise:
        past = NOW.date() - timedelta(days=r.randrange(5, 40))
        pt = f"{past.day} {MONTHS[lang].split()[past.month - 1]} {past.year}"
        lines.append(
            f"Terima kasih telah mengikuti tes tertulis pada {pt}."
            if id_
            else f"Thank you for completing the written test on {pt}."
        )
        ph.append("noise_past_date")
    if company_where == "domain" and channel != "email":
        company_where = "team_of"
        ph[-1] = "company_team_of"
    intro_company = company if company_where == "intro" else ("kami" if id_ else "our company")
    pos_phrase = {
        "id": [f"untuk posisi {position}", f"sebagai {position}"],
        "en": [f"for the role of {position}", f"for the position of {position}"],
    }[lang]
    pos_text = r.choice(pos_phrase) if pos_where == "phrase" else ""
    if company_where == "from":  # the writer says whose team they write from
        lines.append(
            f"Perkenalkan, saya {person} dari tim rekrutmen {company}."
            if id_
            else f"My name is {person.split()[0]}, from the {company} recruitment team."
        )
    if id_:
        lines.append(
            f"Terima kasih telah melamar di {intro_company}. Kami mengundang Anda mengikuti "
            f"wawancara {pos_text}".rstrip()
            + "."
        )
    else:
        lines.append(
            f"Thank you for applying to {intro_company}. We would like to invite you to an "
            f"interview {pos_text}".rstrip()
            + "."
        )
    # --- the when: labelled block or a sentence
    where_line = ""
    if mode == "online":
        where_line = (
            "Media" if id_ else "Platform"
        ) + f" : Zoom https://zoom.us/j/{r.randrange(10**9, 10**10)}"
    elif mode == "onsite":
        where_line = (
            f"Tempat : Kantor {company}, Jl. Melati No. {r.randrange(1, 99)}, Bandung"
            if id_
            else f"Location: {r.randrange(1, 99)} Harbor Street, Singapore"
        )
    else:
        where_line = (
            "Wawancara dilakukan melalui telepon; kami akan menelepon Anda."
            if id_
            else "The interview will be a phone call; we will call you."
        )
    if style == "inline":
        lines.append(
            f"Wawancara akan dilaksanakan pada {date_text} {time_text}."
            if id_
            else f"The interview is scheduled for {date_text} at {time_text}."
        )
    else:
        lines.append("")
        lines.append(_labelled("Hari/Tanggal" if id_ else "Date", date_text, style))
        lines.append(_labelled("Waktu" if id_ else "Time", time_text, style))
    if pos_where == "label":
        lines.append(
            _labelled(
                "Posisi" if id_ else "Position", position, style if style != "inline" else "colon"
            )
        )
    lines.append(where_line)
    if company_where == "label":
        lines.append(
            _labelled(
                "Perusahaan" if id_ else "Company", company, style if style != "inline" else "colon"
            )
        )
    lines.append("")
    if "deadline" in noise:
        dl = NOW.date() + timedelta(days=1)
        dl = min(dl, day - timedelta(days=1))
        dt = f"{dl.day} {MONTHS[lang].split()[dl.month - 1]} {dl.year}"
        lines.append(
            f"Mohon konfirmasi kehadiran paling lambat {dt}."
            if id_
            else f"Please confirm your attendance by {dt}."
        )
        ph.append("noise_deadline")
    for kind in ("second_stage", "cv", "masked", "placeholder"):
        if kind in noise:
            indonesian, english, phenomenon = FIXED_NOISE[kind]
            lines.append(indonesian if id_ else english)
            ph.append(phenomenon)
    lines.append(
        f"Jika ada pertanyaan, hubungi {title} {person} di {phone_text}."
        if id_
        else f"If you have any questions, contact {title} {person} at {phone_text}."
    )
    lines.append("")
    lines.append("Hormat kami," if id_ else "Best regards,")
    lines.append(person)
    if company_where == "team_of":
        lines.append(("Tim Rekrutmen " if id_ else "Recruitment Team ") + company)
    elif company_where in ("signature", "label"):
        lines.append(("HRD " if id_ else "Talent Team, ") + company)
    else:
        lines.append("HRD" if id_ else "Talent Team")
    return Case("\n".join(lines) + "\n", truth, ph)


def _domain(company: str) -> str:
    words = [w for w in company.split() if w not in ("PT", "CV", "Tbk", "Ltd", "Inc")]
    return "-".join(words).lower() + (".co.id" if company.startswith(("PT", "CV")) else ".example")


def generate(n: int, seed: int = 7) -> list[Case]:
    """`n` generated invitations, the same for the same seed."""
    r = random.Random(seed)
    return [make_case(r) for _ in range(n)]


def _digits(value: str | None) -> str | None:
    if value is None:
        return None
    d = "".join(c for c in value if c.isdigit())
    return "0" + d[2:] if d.startswith("62") else d


def judge(inv: Invitation, truth: dict[str, object]) -> dict[str, str]:
    """Each field of `inv` against the truth: right, honest (missing/ambiguous) or wrong."""
    ambiguous = {a.field for a in inv.ambiguous}

    def text(got: str | None, want: object) -> str:
        if got is None:
            return HONEST
        g, w = got.lower(), str(want).lower()
        return RIGHT if g == w or (g in w and len(g) >= len(w) * 0.6) else WRONG

    day = inv.day.isoformat() if inv.day else None
    clock = inv.time_of_day.strftime("%H:%M") if inv.time_of_day else None
    if truth["date"] is None:  # a range or an impossible date: right only when asked
        date_row = RIGHT if day is None and "start" in ambiguous else WRONG if day else HONEST
    else:
        date_row = RIGHT if day == truth["date"] else (HONEST if day is None else WRONG)
    zone = inv.timezone if "timezone" not in inv.missing else None
    out = {
        "date": date_row,
        "time": RIGHT if clock == truth["time"] else (HONEST if clock is None else WRONG),
        "timezone": (
            RIGHT
            if zone == truth["timezone"]
            else HONEST
            if zone is None or "timezone" in ambiguous
            else WRONG
        ),
        "company": text(inv.company, truth["company"]),
        "position": text(inv.position, truth["position"]),
        "mode": RIGHT if inv.mode == truth["mode"] else (HONEST if inv.mode is None else WRONG),
        "phone": (
            RIGHT
            if _digits(inv.contact.phone) == truth["phone"]
            else HONEST
            if inv.contact.phone is None
            else WRONG
        ),
    }
    return out
