"""A mixed mailbox, written with the truth: invitations among the mail a job seeker also gets.

Invitations are the generated corpus's (`tests/corpus.py`), sent as real mail is: plain
8-bit, quoted-printable, base64, HTML beside a plain part, HTML only, with a CV or a PDF
attached, with a calendar part. The rest are the near misses a scan must pass over:
newsletters that say "invite" or "undangan", webinar and wedding invitations with a day and
a time, interview tips from a job board sent in bulk, job alerts, receipts with attached
invoices, ordinary meeting invitations with a calendar part, an interview for a visa or for
benefits, a podcast. Used by `tests/read/test_mailbox_scan.py` and `bench/mailbox.py`.
"""

from __future__ import annotations

import base64
import quopri
import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from corpus import NOW, make_case

WIB = timezone(timedelta(hours=7))
_MONTHS_ID = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
)


def _when(r: random.Random) -> tuple[str, str]:
    day = NOW.date() + timedelta(days=r.randrange(2, 40))
    hour = r.choice([9, 10, 13, 19])
    id_text = f"{day.day} {_MONTHS_ID.split()[day.month - 1]} {day.year} pukul {hour:02d}.00 WIB"
    en_text = f"{day:%d %B %Y} at {hour}:00"
    return id_text, en_text


def _negative(r: random.Random) -> tuple[str, str, str, bool, str | None]:
    """(sender, subject, body, bulk, calendar summary) of one message that is no invitation."""
    when_id, when_en = _when(r)
    kind = r.randrange(11)
    if kind == 0:
        return (
            "promo@toko.example",
            "Undangan eksklusif: Flash Sale 12.12",
            f"Halo! Anda diundang ke Flash Sale kami pada {when_id}. Diskon hingga 70% untuk "
            "semua produk. Ajak teman dan dapatkan voucher.",
            True,
            None,
        )
    if kind == 1:
        return (
            "news@shop.example",
            "Invite your friends, get $10",
            "Invite a friend to Shop and you both get $10 off your next order. Offer ends soon.",
            True,
            None,
        )
    if kind == 2:
        return (
            "events@karirhub.example",
            "You're invited: Webinar on data careers",
            f"Join our free webinar on {when_en} WIB about building a career in data. "
            "Register now, seats are limited.",
            True,
            None,
        )
    if kind == 3:
        return (
            "tips@lokerku.example",
            "7 pertanyaan interview yang paling sering muncul",
            "Siap menghadapi interview kerja? Simak tips menjawab pertanyaan tentang "
            "kelebihan dan kekurangan Anda, gaji yang diharapkan, dan alasan melamar. "
            "Temukan ribuan lowongan di aplikasi kami.",
            True,
            None,
        )
    if kind == 4:
        return (
            "alert@lokerku.example",
            "Lowongan baru untuk Anda: Data Analyst",
            "Ada 12 lowongan baru yang cocok dengan profil Anda: Data Analyst di PT Maju, "
            "Staf Keuangan di CV Sentosa. Lamar sekarang.",
            True,
            None,
        )
    if kind == 5:
        return (
            "billing@cloud.example",
            "Your receipt #" + str(r.randrange(10000, 99999)),
            "Thank you for your payment of $12.00. Your invoice is attached.",
            False,
            None,
        )
    if kind == 6:
        return (
            "manager@kantor.example",
            "Undangan: Rapat koordinasi mingguan",
            f"Rapat koordinasi tim pada {when_id} di ruang rapat lantai 3.",
            False,
            "Rapat koordinasi mingguan",
        )
    if kind == 7:
        return (
            "lead@company.example",
            "Invitation: Sprint planning",
            f"Sprint planning on {when_en}. Agenda: backlog review.",
            False,
            "Sprint planning",
        )
    if kind == 8:
        return (
            "keluarga@mail.example",
            "Undangan pernikahan Dimas & Ayu",
            f"Dengan hormat, kami mengundang Bapak/Ibu/Saudara/i untuk hadir pada resepsi "
            f"pernikahan kami pada {when_id} di Gedung Serbaguna.",
            False,
            None,
        )
    if kind == 9:
        return (
            "visa@embassy.example",
            "Visa interview appointment",
            f"Your visa interview at the embassy is scheduled for {when_en}. Bring your "
            "passport and the confirmation page.",
            False,
            None,
        )
    return ("host@podcast.example", "Interview for our podcast?",
            f"We'd love to interview you for our podcast about travel, maybe on {when_en}?",
            False, None)  # fmt: skip


_ORDINARY = (
    ("noreply@kurir.example", "Paket Anda sedang dikirim",
     "Pesanan {n} sedang dalam perjalanan dan diperkirakan tiba dalam 2-3 hari kerja."),
    ("alerts@bank.example", "Notifikasi transaksi",
     "Transaksi sebesar Rp{n} pada kartu Anda berhasil. Jika ini bukan Anda, hubungi kami."),
    ("ayu@mail.example", "Foto liburan kemarin",
     "Hai Rin, ini foto-foto dari Bandung kemarin. Nanti kabari ya kalau sudah sampai rumah."),
    ("notifications@social.example", "You have {n} new notifications",
     "See what your friends have been up to. Open the app to catch up."),
    ("team@docs.example", "Someone commented on your document",
     "A comment was added to 'Skripsi bab 3': please check the numbers in table {n}."),
)  # fmt: skip


def _ordinary(r: random.Random) -> tuple[str, str, str]:
    """(sender, subject, body) of plain mail that says no word of an invitation."""
    sender, subject, body = r.choice(_ORDINARY)
    n = str(r.randrange(100, 99999))
    return sender, subject.format(n=n), body.format(n=n) + "\n" + "Salam. " * r.randrange(5, 200)


def _calendar(summary: str, r: random.Random) -> str:
    start = datetime.combine(NOW.date() + timedelta(days=r.randrange(2, 30)), datetime.min.time())
    start = start.replace(hour=r.choice([9, 10, 14]))
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//mix//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:{r.randrange(10**9)}@mix\r\nDTSTAMP:20261130T000000Z\r\n"
        f"DTSTART;TZID=Asia/Jakarta:{start:%Y%m%dT%H%M%S}\r\n"
        f"DTEND;TZID=Asia/Jakarta:{start + timedelta(hours=1):%Y%m%dT%H%M%S}\r\n"
        f"SUMMARY:{summary}\r\n"
        'ORGANIZER;CN="Lestari, Dewi":mailto:dewi@x.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    )


def _html(body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return (
        "<html><head><style>p{margin:0}</style></head><body><table><tr><td>"
        + paragraphs
        + "</td></tr></table></body></html>"
    )


def _text_part(body: str, subtype: str, encoding: str) -> str:
    data = body.encode("utf-8")
    if encoding == "base64":
        wire = base64.encodebytes(data).decode("ascii")
    elif encoding == "quoted-printable":
        wire = quopri.encodestring(data).decode("ascii")
    else:
        wire, encoding = body, "8bit"
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n\r\n{wire}\r\n"
    )


def _message(
    r: random.Random,
    sender: str,
    subject: str,
    body: str,
    *,
    bulk: bool,
    calendar: str | None,
    attachment: int,
) -> bytes:
    """One message as it comes off the wire: headers, MIME parts, maybe an attachment."""
    sent = NOW - timedelta(hours=r.randrange(1, 2000))
    head = [
        f"From: {sender.split('@')[0].title()} <{sender}>",
        "To: Rina <rina@mail.example>",
        f"Subject: {subject}",
        f"Date: {format_datetime(sent.astimezone(WIB))}",
        f"Message-ID: <{r.randrange(10**12)}@{sender.split('@')[1]}>",
        "MIME-Version: 1.0",
    ]
    if bulk:
        head.append(f"List-Unsubscribe: <mailto:unsubscribe@{sender.split('@')[1]}>")
        body += "\n\nUnsubscribe | Manage preferences"
    encoding = r.choice(["8bit", "quoted-printable", "base64"])
    shape = r.choice(["plain", "alternative", "html"])
    if shape == "plain":
        parts = [_text_part(body, "plain", encoding)]
    elif shape == "html":
        parts = [_text_part(_html(body), "html", encoding)]
    else:
        inner = "alt-" + str(r.randrange(10**9))
        parts = [
            f'Content-Type: multipart/alternative; boundary="{inner}"\r\n\r\n'
            f"--{inner}\r\n{_text_part(body, 'plain', encoding)}"
            f"--{inner}\r\n{_text_part(_html(body), 'html', encoding)}--{inner}--\r\n"
        ]
    if attachment:
        blob = base64.encodebytes(r.randbytes(attachment)).decode("ascii")
        parts.append(
            'Content-Type: application/pdf; name="lampiran.pdf"\r\n'
            'Content-Disposition: attachment; filename="lampiran.pdf"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n{blob}"
        )
    if calendar is not None:
        parts.append(
            'Content-Type: text/calendar; charset="utf-8"; method=REQUEST\r\n'
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{_calendar(calendar, r)}"
        )
    if len(parts) == 1:
        return ("\r\n".join(head) + "\r\n" + parts[0]).encode("utf-8")
    outer = "mix-" + str(r.randrange(10**9))
    text = "\r\n".join(head) + f'\r\nContent-Type: multipart/mixed; boundary="{outer}"\r\n\r\n'
    text += "".join(f"--{outer}\r\n{p}" for p in parts) + f"--{outer}--\r\n"
    return text.encode("utf-8")


def _invitation(r: random.Random) -> tuple[str, str, str]:
    """(sender, subject, body) of a generated invitation (its own headers become the mail's)."""
    case = make_case(r)
    text = case.text
    subject = r.choice(["Undangan Interview", "Jadwal wawancara", "Interview invitation",
                        "Informasi tahap selanjutnya", "Re: Lamaran"])  # fmt: skip
    sender = "hr@perusahaan.example"
    if text.startswith("From:"):
        head, _, text = text.partition("\n\n")
        for line in head.splitlines():
            if line.startswith("Subject:"):
                subject = line.split(":", 1)[1].strip()
            if line.startswith("From:"):
                sender = line.split("<")[-1].rstrip(">")
    return sender, subject, text


def generate(
    n: int, seed: int = 11, invitations: float = 0.1, ordinary: float = 0.0, big: bool = True
) -> list[tuple[bytes, bool]]:
    """`n` messages, each with whether it is an interview invitation: a share `invitations`
    are, a share `ordinary` are plain mail that says no word of one, the rest near misses;
    `big` attaches files to some (a real mailbox's size), otherwise the messages are small."""
    r = random.Random(seed)
    out: list[tuple[bytes, bool]] = []
    for _ in range(n):
        attachment = r.choice([0, 0, 0, 0, 20_000, 40_000, 80_000]) if big else 0
        if r.random() < invitations:
            sender, subject, body = _invitation(r)
            calendar = "Interview" if r.random() < 0.15 else None
            raw = _message(r, sender, subject, body, bulk=False, calendar=calendar,
                           attachment=attachment)  # fmt: skip
            out.append((raw, True))
        elif r.random() < ordinary / (1 - invitations):
            sender, subject, body = _ordinary(r)
            raw = _message(r, sender, subject, body, bulk=r.random() < 0.3, calendar=None,
                           attachment=attachment)  # fmt: skip
            out.append((raw, False))
        else:
            sender, subject, body, bulk, calendar = _negative(r)
            raw = _message(r, sender, subject, body, bulk=bulk, calendar=calendar,
                           attachment=attachment)  # fmt: skip
            out.append((raw, False))
    return out


def mbox(messages: list[tuple[bytes, bool]]) -> bytes:
    """The messages as one mbox file."""
    chunks = []
    for raw, _ in messages:
        quoted = raw.replace(b"\nFrom ", b"\n>From ")
        chunks.append(b"From mix@example Mon Nov 30 08:00:00 2026\n" + quoted + b"\n")
    return b"".join(chunks)


def as_mail(text: str) -> bytes:
    """Pasted text sent as a plain mail: a leading "Subject:" line becomes the subject."""
    subject = "Pesan"
    if text.lower().startswith("subject:"):
        first, _, text = text.partition("\n")
        subject = first.split(":", 1)[1].strip()
    return (
        f"From: Sender <sender@mail.example>\nTo: me@mail.example\nSubject: {subject}\n"
        'MIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\n\n' + text
    ).encode("utf-8")
