"""The reply goes where the invitation asks it to go: a Reply-To header, or an address the body
asks the answer at ("Kindly send your confirmation for the interview to …", "Mohon kirim
balasan konfirmasi kehadiran ke …"), before the sender's; the reply still threads under the
invitation (its subject with "Re:", In-Reply-To, References). A machine's address is never
where it goes, nor an address in another sentence."""

from __future__ import annotations

import email
from datetime import datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose, write_drafts
from sopan.model import Profile, Situation
from sopan.plan import make_plan
from sopan.read import read_bytes

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Rina Kartika Sari", city="Bandung", email="rina@example.com")


def _mail(body: str, *, sender: str, extra: str = "", subject: str = "Interview") -> bytes:
    return (
        f"From: {sender}\n{extra}To: rina@example.com\nSubject: {subject}\n"
        "Message-ID: <inv-42@example.org>\nReferences: <earlier-1@example.org>\n"
        "Date: Tue, 8 Dec 2026 09:00:00 +0700\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
    ).encode()


EN = (
    "Dear Rina,\n\nWe invite you to an interview for the Data Analyst role at BrightPath "
    "Analytics on Thursday, 17 December 2026 at 3:00 PM WIB.\n\n"
)
ID = (
    "Yth. Saudari Rina,\n\nKami mengundang Saudari untuk wawancara posisi Staff Admin pada "
    "Senin, 14 Desember 2026 pukul 10.00 WIB.\n\n"
)
CASES = {
    "reply_to_header": (
        _mail(
            EN + "Regards,\nTalent Team",
            sender="Careers <careers@brightpath.example>",
            extra="Reply-To: Jaspreet Kaur <jaspreet.kaur@brightpath.example>\n",
        ),
        "jaspreet.kaur@brightpath.example",
    ),
    "en_body_asks": (
        _mail(
            EN + "Kindly send your confirmation for the interview to "
            "jaspreet.kaur@brightpath.example.\n\nRegards,\nTalent Team",
            sender="Talent Team <talent@brightpath.example>",
        ),
        "jaspreet.kaur@brightpath.example",
    ),
    "en_reply_to_in_body": (
        _mail(
            EN + "Please reply to hiring@brightpath.example by Friday.\n\nRegards,\nTalent Team",
            sender="BrightPath <noreply@brightpath.example>",
        ),
        "hiring@brightpath.example",
    ),
    "id_body_asks": (
        _mail(
            ID + "Mohon kirim balasan konfirmasi kehadiran ke dewi.hr@sinarabadi.example paling "
            "lambat 10 Desember 2026.\n\nHormat kami,\nTim Rekrutmen",
            sender="Rekrutmen <rekrutmen@sinarabadi.example>",
            subject="Undangan Wawancara Staff Admin",
        ),
        "dewi.hr@sinarabadi.example",
    ),
    "id_konfirmasi_ke": (
        _mail(
            ID + "Konfirmasi kehadiran melalui email ke hrd.sinar@sinarabadi.example ya.\n\n"
            "Salam,\nHRD",
            sender="Rekrutmen <rekrutmen@sinarabadi.example>",
            subject="Undangan Wawancara Staff Admin",
        ),
        "hrd.sinar@sinarabadi.example",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_reply_goes_where_it_is_asked_and_threads(name: str, tmp_path: Path) -> None:
    data, where = CASES[name]
    inv = read_bytes(data, now=NOW)
    assert inv.reply_to == where
    sit = Situation(intent="decline", interest="no", reason="accepted-offer")
    plan = make_plan(inv, sit, PROFILE, now=NOW)
    made = compose(plan, inv, sit, PROFILE, now=NOW, channels=("email",))
    paths = write_drafts(made, inv, PROFILE, tmp_path, now=NOW)
    msg = email.message_from_bytes(paths[0].read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].addr_spec == where
    assert msg["Subject"] == f"Re: {inv.subject}"
    assert msg["In-Reply-To"] == "<inv-42@example.org>"
    assert msg["References"].split() == ["<earlier-1@example.org>", "<inv-42@example.org>"]


@pytest.mark.parametrize(
    ("body", "sender"),
    [
        # an address in another sentence than the ask
        (EN + "Please confirm your attendance. Our office manager is ops@brightpath.example.",
         "Talent <talent@brightpath.example>"),
        # a machine's address asked for is none to write to
        (EN + "Please reply to notifications@brightpath.example.",
         "Talent <talent@brightpath.example>"),
    ],
)  # fmt: skip
def test_no_other_address_takes_the_reply(body: str, sender: str) -> None:
    inv = read_bytes(_mail(body, sender=sender), now=NOW)
    assert inv.reply_to == "talent@brightpath.example"
