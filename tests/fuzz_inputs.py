"""Mutated invitations and replies for the fuzz test and `bench/fuzz.py`: the project's own
fixtures with bytes flipped, cut, repeated, and hostile snippets spliced in."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = sorted(
    p
    for folder in ("eml", "ics", "text", "calendar", "replies", "hostile")
    for p in (FIXTURES / folder).glob("*")
    if p.is_file()
)


def _built() -> list[tuple[str, bytes]]:
    """Seeds that are no file of the fixtures: Outlook .msg files, PDFs and photos written by
    the tests."""
    from msg_build import build_msg

    headers = ("From: HR <hr@maju.example>\r\nSubject: Undangan Interview\r\n"
               "Message-ID: <m@maju.example>\r\n\r\n")  # fmt: skip
    body = "Undangan wawancara pada Senin, 14 Desember 2026 pukul 10.00 WIB."
    return [
        *_documents(body),
        ("msg/plain.msg", build_msg("Undangan Interview", body, headers=headers)),
        ("msg/html.msg", build_msg("Interview", html=f"<p>{body}</p>")),
        ("msg/ics.msg", build_msg("Interview", body, ics=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
    ]


def _documents(body: str) -> list[tuple[str, bytes]]:
    """Invitations as documents: PDFs with a text layer (two letters), and a small photo and a
    small scanned page of a short one (small, so that OCR of each costs a fraction of a second)."""
    from scans import LETTERS, encoded, photographed, render, scanned_pdf, text_pdf

    letters = ("id_surat_panggilan_formal", "en_interview_invitation_letter")
    found = [(f"pdf/{key}.pdf", text_pdf([LETTERS[key].text])) for key in letters]
    short = render(body.replace(" pada ", "\npada "), size=22, page=(900, 160), margin=20)
    return [
        *found,
        ("photo/short.jpg", encoded(photographed(short), "JPEG")),
        ("photo/short.png", encoded(short, "PNG")),
        ("pdf/short_scan.pdf", scanned_pdf([short])),
    ]


SNIPPETS = (
    b"RRULE:FREQ=SECONDLY\r\n",
    b"RRULE:FREQ=DAILY;INTERVAL=0\r\n",
    b"RRULE:FREQ=DAILY;COUNT=2000000000\r\n",
    b"DTSTART:99991231T235959Z\r\n",
    b"SEQUENCE:-1\r\n",
    b"From: =?utf-8?q?x_<evil@attacker.example>?= <hr@b.example>\n",
    b"Subject: =?x-unknown?q?=1B[31m?=\n",
    b'Content-Type: multipart/mixed; boundary="z"\n\n--z\n',
    b"Content-Transfer-Encoding: base64\n\n!!!!\n",
    b"\x1b]0;title\x07",
    b"\x00\x01\x02",
    b"Senin, 31 Februari 2026 pukul 25.99 WITA ",
    b"Tuesday, February 31, 2027 at 2:30 PM PT ",
    b"20-25 Januari 2026 ",
    b"{{ tanggal }} [Date] $posisi ",
    b"(((((((((((((((((((((((((((((((",
    b"\xff\xfe\xfd",
    b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
    b"END:VEVENT\r\nEND:VCALENDAR\r\n",
)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of `data`, each keeping it at most about 400 KB."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        at = rng.randrange(len(out) + 1)
        if kind == 0 and out:  # flip some bytes
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind == 1:  # splice a hostile snippet
            out[at:at] = rng.choice(SNIPPETS)
        elif kind == 2 and out:  # cut
            out = out[: rng.randrange(len(out))] if rng.random() < 0.5 else out[at:]
        elif kind == 3 and out:  # repeat a slice many times
            a = rng.randrange(len(out))
            piece = bytes(out[a : a + rng.randint(1, 40)])
            out[at:at] = piece * rng.randint(2, max(2, 400_000 // max(1, len(piece)) // 8))
        elif kind == 4 and out:  # duplicate a line
            line_end = out.find(b"\n", at)
            line_start = out.rfind(b"\n", 0, at) + 1
            out[at:at] = out[line_start : line_end if line_end >= 0 else len(out)] * 3
        else:  # swap line endings
            out = bytearray(bytes(out).replace(b"\n", b"\r\n") if rng.random() < 0.5 else out)
    return bytes(out[:450_000])


def inputs(count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """`count` mutated inputs, one at a time, each named by its seed file and number; the
    same `seed` gives the same inputs."""
    rng = random.Random(seed)
    seeds = [(f"{p.parent.name}/{p.name}", p) for p in SEEDS] + _built()
    for n in range(count):
        name, seed_data = rng.choice(seeds)
        data = seed_data.read_bytes() if isinstance(seed_data, Path) else seed_data
        yield f"{name}#{n}", mutate(data, rng)


def calendar(*events: str, head: str = "") -> bytes:
    """An iCalendar file of these VEVENT bodies (each without BEGIN/END), `head` after the
    calendar's own properties (a VTIMEZONE, X-WR-TIMEZONE)."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}@test\r\nSUMMARY:Interview\r\nDTSTAMP:20261101T000000Z\r\n"
        f"{event}END:VEVENT\r\n"
        for n, event in enumerate(events)
    )
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}{body}"
            "END:VCALENDAR\r\n").encode()  # fmt: skip


def repeating(
    rule: str, start: str = "DTSTART:20261201T030000Z", end: str = "DTEND:20261201T040000Z"
) -> str:
    """One VEVENT body: `start`, `end` (none when empty) and this RRULE."""
    return "".join(f"{line}\r\n" for line in (start, end, f"RRULE:{rule}") if line)


@cache  # building one of 100 MB takes seconds; the fuzz run asks for a few sizes only
def expanding_pdf(megabytes: float, operator: bytes = b"(Terima kasih) Tj ") -> bytes:
    """A one-page PDF whose content stream, a few KB compressed, inflates to `megabytes` of
    `operator` repeated."""
    body = b"BT /F1 12 Tf 72 720 Td " + operator * int(megabytes * 2**20 / len(operator))
    stream = zlib.compress(body + b" ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


@cache
def paragraphs_docx(count: int, text: str = "Terima kasih.") -> bytes:
    """A .docx of `count` paragraphs, each `text` (400,000 of them zip to about 50 KB)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * count
        + "</w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


# --- the families of hostile input the limits are for (bench/fuzz.py, tests/test_fuzz.py) ---

#: what an input is fed to: a message (read, draft, lint), a calendar (read, draft, busy,
#: slots), a reply file (lint, by its suffix), or a message printed to a closed output
Kind = str
_FREQS = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
#: a property and a broken value of it, each a way the libraries used to raise
MALFORMED_VALUES = (
    "RRULE:FREQ=YEAR", "RRULE:FREQ=WEEKLY;BYDAY=XX", "RRULE:FREQ=WEEKLY;UNTIL=garbage",
    "RRULE:FREQ=WEEKLY;COUNT=abc", "RRULE:FREQ=DAILY;INTERVAL=99999999999999999999",
    "RRULE:FREQ=MINUTELY;BYSECOND=60", "RRULE:FREQ=DAILY;BYMONTH=13", "RRULE:FREQ=DAILY;BYHOUR=24",
    "RRULE:FREQ=HOURLY;BYMINUTE=60", "RRULE:FREQ=MONTHLY;BYMONTHDAY=32",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=0", "RRULE:FREQ=YEARLY;BYYEARDAY=367",
    "RRULE:FREQ=YEARLY;BYWEEKNO=54", "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0",
    "RRULE:FREQ=WEEKLY;WKST=XX", "RRULE:FREQ=WEEKLY;COUNT=0", "RRULE:FREQ=WEEKLY;COUNT=-1",
    "RRULE:FREQ=MONTHLY;BYDAY=99MO", "RRULE:", "RRULE:FREQ=DAILY;INTERVAL=-3",
    "DURATION:P99999999W", "DURATION:garbage", "DURATION:-P1D", "DTEND:garbage",
    "DTEND:99991231T235959Z", "EXDATE:garbage", "RDATE:garbage",
    "RDATE;VALUE=PERIOD:20261201T100000Z/PT1H", "RECURRENCE-ID:garbage", "SEQUENCE:abc",
    "EXDATE;VALUE=PERIOD:20261201T100000Z/PT1H",
)  # fmt: skip
_STARTS = (
    "DTSTART:20261201T030000Z", "DTSTART;VALUE=DATE:20200101", "DTSTART;VALUE=PERIOD:"
    "20261201T100000Z/PT1H", "DTSTART:99991231T235959Z", "DTSTART:00010101T000000Z",
    "DTSTART:garbage", "DTSTART;TZID=Nowhere/Else:20261201T100000", "DTSTART:16040101T000000",
    "DTSTART;TZID=X:20261201T100000", "DTSTART;VALUE=DATE:29991231",
)  # fmt: skip
_OFFSETS = ("+9999", "+07", "garbage", "-2400", "+0700")


def _zone_block(rng: random.Random) -> str:
    return (
        "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        f"TZOFFSETFROM:{rng.choice(_OFFSETS)}\r\nTZOFFSETTO:{rng.choice(_OFFSETS)}\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )


def _never_rule(rng: random.Random) -> str:
    freq = rng.choice(_FREQS)
    return rng.choice(
        (
            f"FREQ={freq};BYMONTH=2;BYMONTHDAY={rng.choice((30, 31, -30))}",
            f"FREQ={freq};BYMONTH={rng.choice((4, 6, 9, 11))};BYMONTHDAY=31",
            f"FREQ={freq};BYYEARDAY=366;BYMONTH={rng.randint(1, 11)}",
            f"FREQ={freq};BYMONTH=13",
            f"FREQ={freq};BYWEEKNO=1;BYMONTH=7",
            f"FREQ=DAILY;BYHOUR=9,10;BYSETPOS={rng.choice((3, -3, 7))}",
            f"FREQ={freq};COUNT=0",
            f"FREQ={freq};BYSECOND=60",
        )
    )


def _sub_daily(rng: random.Random) -> str:
    freq = rng.choice(_FREQS[:4])
    return f"FREQ={freq};INTERVAL={rng.choice((1, 2, 5, 10, 15, 30, 60, 720))}"


def _calendar_input(rng: random.Random) -> tuple[str, bytes]:
    family = rng.choice(("all-day", "never", "many", "malformed", "zone", "long-ago"))
    if family == "all-day":
        rule = rng.choice((_sub_daily(rng), "FREQ=DAILY;BYHOUR=9", "FREQ=WEEKLY;BYSECOND=5"))
        return family, calendar(repeating(rule, "DTSTART;VALUE=DATE:20200101", ""))
    if family == "never":
        rules = [_never_rule(rng) for _ in range(rng.randint(1, 10))]
        return family, calendar(*(repeating(r) for r in rules))
    if family == "many":
        rule = rng.choice((_sub_daily(rng), "FREQ=HOURLY", "FREQ=DAILY", "FREQ=WEEKLY"))
        return family, calendar(*[repeating(rule)] * rng.choice((2, 10, 100, 1000, 3000)))
    if family == "long-ago":
        start = f"DTSTART:{rng.choice(('1990', '2000', '1604', '2015'))}0101T000500Z"
        return family, calendar(repeating(_sub_daily(rng), start, ""))
    if family == "zone":
        event = "DTSTART;TZID=X:20261201T100000\r\nRRULE:FREQ=WEEKLY\r\n"
        return family, calendar(event, head=_zone_block(rng))
    start = rng.choice(_STARTS)
    bad = rng.choice(MALFORMED_VALUES)
    rule = "" if bad.startswith("RRULE") else f"RRULE:{rng.choice(('FREQ=WEEKLY', 'FREQ=DAILY'))}"
    body = "".join(f"{line}\r\n" for line in (start, bad, rule) if line)
    return family, calendar(body, head=_zone_block(rng) if "TZID=X" in start else "")


_UTF8_NAMES = ("Jürgen Weiß", "Ñúñez", "Дмитрий", "山田太郎", "Zoë", "Ağça")
_ENCODED = ("=?utf-8?q?unfinished", "=?utf-8?Q?=E2=80?=", "=?utf-8?b?", "=?utf-8?q?a@b.example",
            "=?x-unknown?q?=1B[31m?=", "=?utf-8?q?x?=", "")  # fmt: skip
_DATES = (
    "January 1, 10000 at 10:00 WIB", "1 Januari 3000 pukul 10.00 WIB",
    "Kamis, 31 Desember 2999 pukul 10.00 WIB", "Senin, 30 November 2026 pukul 10.00 WIB",
    "Kamis, 30 November 2026 pukul 10.00 WIB", "31 Februari 2027 jam 10", "30/11/99999",
    "December 31, 9999 at 11:59 PM PT", "Monday, 23 November 1400 hrs",
)  # fmt: skip
_HEADER_DATES = ("Fri, 31 Dec 9999 23:00:00 +0000", "Mon, 1 Jan 0001 00:00:00 -1200",
                 "Wed, 18 Nov 2026 09:12:00 +0700", "garbage")  # fmt: skip


def _message_input(rng: random.Random) -> tuple[str, bytes]:
    family = rng.choice(("utf8-headers", "dates", "affix"))
    if family == "affix":
        parts = ("memper", "diper", "menge", "ber", "ter", "ke", "se", "di")
        length = rng.randint(2, 30_000 if rng.random() < 0.2 else 8)
        chain = "".join(rng.choice(parts) for _ in range(length))
        word = chain + rng.choice(("tugas", "jadwal", "kirim")) + "kanlahnya"
        return family, (" ".join([word] * max(1, 150_000 // len(word)))).encode()
    name = rng.choice(_UTF8_NAMES)
    local = name.split()[0].lower()
    sender = f"{name} <{local}@firma.example>"
    reply_to = rng.choice(_ENCODED) + rng.choice(("", f" <hr@{local}.example>"))
    head = (
        f"From: {sender}\nReply-To: {reply_to}\nSubject: Undangan Interview – {name}\n"
        f"Date: {rng.choice(_HEADER_DATES)}\nMessage-ID: <m{rng.randrange(10**6)}@firma>\n\n"
    )
    text = f"Kami mengundang Anda untuk interview pada {rng.choice(_DATES)}.\n"
    if family == "dates":
        return family, (text if rng.random() < 0.5 else head + text).encode()
    return family, (head + text).encode("utf-8")


def _reply_input(rng: random.Random) -> tuple[str, str, bytes]:
    if rng.random() < 0.5:
        mb = rng.choice((0.01, 0.5, 1.5, 20, 100))
        operator = rng.choice((b"(Terima kasih) Tj ", b"0 0 m ", b"q Q ", b"[(a)-1(b)] TJ "))
        return "expanding-pdf", ".pdf", expanding_pdf(mb, operator)
    count = rng.choice((3, 4000, 6000, 60_000, 400_000))
    return "expanding-docx", ".docx", paragraphs_docx(count, rng.choice(("Terima kasih.", "x")))


def families(count: int, seed: int = 1) -> Iterator[tuple[str, Kind, bytes]]:
    """`count` inputs of the hostile families, one at a time, each named by its family and
    number, with the kind of command it is for: "message", "calendar", "reply.pdf",
    "reply.docx" or "closed-output"; the same `seed` gives the same inputs."""
    rng = random.Random(seed)
    for n in range(count):
        pick = rng.random()
        if pick < 0.45:
            family, data = _calendar_input(rng)
            yield f"{family}#{n}", "calendar", data
        elif pick < 0.75:
            family, data = _message_input(rng)
            yield f"{family}#{n}", "message", data
        elif pick < 0.99:
            family, suffix, data = _reply_input(rng)
            yield f"{family}#{n}", "reply" + suffix, data
        else:
            family, data = _message_input(rng)
            yield f"closed-output-{family}#{n}", "closed-output", data


def mixed(count: int, seed: int = 0) -> Iterator[tuple[str, Kind, bytes]]:
    """Half mutated fixtures (`inputs`; a calendar's fed to the calendar commands too), half
    hostile families (`families`), interleaved."""
    mutated = inputs(count - count // 2, seed)
    hostile = families(count // 2, seed + 1)
    for n in range(count):
        source = mutated if n % 2 == 0 else hostile
        found = next(source, None) or next(mutated if source is hostile else hostile)
        if len(found) == 2:
            name, data = found
            is_calendar = (
                name.split("/")[0] in ("ics", "calendar") or b"BEGIN:VCALENDAR" in data[:200]
            )
            yield name, "calendar" if is_calendar else "message", data
        else:
            yield found
