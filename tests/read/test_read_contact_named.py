"""The contact is the person the invitation names wherever it names them: a sign-off with the
name on its own line ("Regards, Jaspreet Kaur, Talent Acquisition"), a signature line with the
role after the name, a self-introduction ("My name is …", "Nama saya …"), the person who
conducts the interview ("dilakukan oleh Kepala Sekolah, Ibu Hj. Siti Aminah, S.Pd."), a
signature with no sign-off (a name over a role, a name under "ttd"); the title is the one
written, degrees are no part of the name, and a team, a role or a company is never a name."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_bytes, read_text

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
EN = "Dear Rahul,\n\nWe invite you to an interview for the Data Analyst role on Thursday, "
EN += "17 December 2026 at 3:00 PM IST.\n\n"
ID = "Kepada Yth. Saudari Rina,\n\nKami mengundang Saudari untuk wawancara pada Rabu, "
ID += "16 Desember 2026 pukul 08.00 WIB.\n\n"


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        # the sign-off and the signer on one line, the role after them
        (EN + "Regards, Jaspreet Kaur, Talent Acquisition", "Jaspreet Kaur", None),
        (ID + "Salam, Dewi Lestari, HR Officer", "Dewi Lestari", None),
        # the signer's line holds the role after a comma or a bar
        (EN + "Regards,\nJaspreet Kaur, Talent Acquisition\nBrightPath", "Jaspreet Kaur", None),
        (ID + "Hormat kami,\nRudi Hartono | HRD Manager\nPT Sinar Abadi", "Rudi Hartono", None),
        # a self-introduction, with or without "from"
        ("Dear Rahul,\n\nMy name is Jaspreet Kaur and I look after hiring here. We invite you "
         "to an interview on Thursday, 17 December 2026 at 3:00 PM IST.\n\nThanks,\nHR Team",
         "Jaspreet Kaur", None),
        ("Dear Ms. Lee,\n\nI am Nadia Rahman, Talent Acquisition lead at Northwind. We invite you "
         "to an interview on Friday, 18 December 2026 at 10:00 AM SGT.\n\nThanks,\nHR Team",
         "Nadia Rahman", None),
        ("Selamat siang Kak,\n\nPerkenalkan, nama saya Tasya Amelia dari tim rekrutmen. Kakak "
         "diundang interview Jumat, 18 Desember 2026 jam 10.00 WIB.\n\nTerima kasih,\nTim HRD",
         "Tasya Amelia", None),
        # the person who conducts it, after their role, with a degree before the name
        (ID + "Wawancara akan dilakukan oleh Kepala Sekolah, Ibu Hj. Siti Aminah, S.Pd.\n\n"
         "Wassalamualaikum Wr. Wb.", "Siti Aminah", "Ibu"),
        (EN + "Your interview will be taken by Jaspreet Kaur, Talent Acquisition.\n\nThanks,\n"
         "HR Team", "Jaspreet Kaur", None),
        (EN + "The interview will be conducted by the Head of Data, Dr. Samuel Okafor.\n\n"
         "Thanks,\nHR Team", "Samuel Okafor", "Dr."),
        # a labelled contact with a degree between the title and the name
        (ID + "Hubungi: Ibu Hj. Siti Aminah, S.Pd. (0812-3456-7890)", "Siti Aminah", "Ibu"),
        # a signature without a sign-off: a name over a role, a name under "ttd"
        (EN + "We look forward to seeing you.\n\n\nAdam Smith\nHR Executive\nJohnny Wholesale",
         "Adam Smith", None),
        (ID + "Kepala Bagian Kepegawaian\nttd\nSuparman, M.Pd.\n\nMohon konfirmasi kehadiran.",
         "Suparman", None),
    ],
)  # fmt: skip
def test_the_person_named_is_the_contact(text: str, name: str, honorific: str | None) -> None:
    contact = read_text(text, now=NOW).contact
    assert (contact.name, contact.honorific) == (name, honorific)


@pytest.mark.parametrize(
    "text",
    [
        # "Thank you, <name>, for …" thanks the candidate; it signs nothing
        EN + "Thank you, Rahul Sharma, for your interest.\n\nThe Hiring Team",
        # a team, a role or a company after the sign-off is no person's name
        EN + "Regards, Talent Acquisition Team",
        ID + "Hormat kami,\nTim Rekrutmen, PT Sinar Abadi",
        EN + "The interview will be conducted by the Hiring Manager, Data Team.\n\nHR Team",
        # a closing block whose second line is no role: a company's address, not a signer's
        EN + "We look forward to seeing you.\n\nAmber Street\nLagos Island 101233",
    ],
)
def test_no_person_is_made_of_a_team_a_role_or_a_thanks(text: str) -> None:
    contact = read_text(text, now=NOW).contact
    assert contact.name is None or contact.name.endswith(("Team", "Rekrutmen")), contact.name
    assert contact.name not in ("Rahul Sharma", "Hiring Manager", "Amber Street")


def test_the_header_team_gives_way_to_the_named_signer() -> None:
    mail = (
        "From: Careers <careers@brightpath.in>\nTo: rahul@example.com\nSubject: Interview\n"
        "Date: Wed, 2 Dec 2026 09:00:00 +0530\nContent-Type: text/plain; charset=utf-8\n\n"
        + EN
        + "Regards, Jaspreet Kaur, Talent Acquisition\n"
    ).encode()
    inv = read_bytes(mail, now=NOW)
    assert (inv.contact.name, inv.contact.email) == ("Jaspreet Kaur", "careers@brightpath.in")
    fact = inv.fact("contact.name")
    assert fact is not None and fact.source == "text" and fact.start is not None
    assert inv.text[fact.start : fact.end].startswith("Jaspreet Kaur")
