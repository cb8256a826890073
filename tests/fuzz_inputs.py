"""Mutated invitations and replies for the fuzz test and `bench/fuzz.py`: the project's own
fixtures with bytes flipped, cut, repeated, and hostile snippets spliced in."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = sorted(
    p
    for folder in ("eml", "ics", "text", "calendar", "replies", "hostile")
    for p in (FIXTURES / folder).glob("*")
    if p.is_file()
)


def _built() -> list[tuple[str, bytes]]:
    """Seeds that are no file of the fixtures: Outlook .msg files written by the tests."""
    from msg_build import build_msg

    headers = ("From: HR <hr@maju.example>\r\nSubject: Undangan Interview\r\n"
               "Message-ID: <m@maju.example>\r\n\r\n")  # fmt: skip
    body = "Undangan wawancara pada Senin, 14 Desember 2026 pukul 10.00 WIB."
    return [
        ("msg/plain.msg", build_msg("Undangan Interview", body, headers=headers)),
        ("msg/html.msg", build_msg("Interview", html=f"<p>{body}</p>")),
        ("msg/ics.msg", build_msg("Interview", body, ics=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
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
