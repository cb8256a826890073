"""Mutated invitations and replies for the fuzz test and `bench/fuzz.py`: the project's own
fixtures with bytes flipped, cut, repeated, and hostile snippets spliced in."""

from __future__ import annotations

import random
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
