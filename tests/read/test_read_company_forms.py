"""The company an invitation names only in a less usual way: after "with us in/at" ("an
interview with us in American International Insurance Company (Aiico)"), "here at",
"shortlisted by"; a line in capitals ending in a legal form ("… BUSINESS SERVICES PRIVATE
LIMITED, 3rd floor"); an institution's form before its name ("YPI Al Azhar", "Yayasan …", "SD
…", "Universitas …"). Never a wrong one: the candidate's schooling, a campus the test is only
held at, "with us at our office" name no company."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_text

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
WHEN_EN = "\n\nDate: Monday, 14 December 2026\nTime: 10:00 AM WAT\n"
WHEN_ID = "\n\nHari/Tanggal: Senin, 14 Desember 2026\nPukul: 09.00 WIB\n"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Dear Candidate,\n\nWe would like to invite you for an interview with us in American "
         "International Insurance Company (Aiico) for the post of Sales Executive." + WHEN_EN,
         "American International Insurance Company (Aiico)"),
        # its words between the first and the legal form in lower case, as written
        ("Dear Applicant,\n\nCongratulations on being selected for an interview with us at "
         "Lagos state property development corporation." + WHEN_EN,
         "Lagos state property development corporation"),
        ("Hi Sam,\n\nEveryone here at Kopi Senja enjoyed your application; we would like to "
         "interview you." + WHEN_EN, "Kopi Senja"),
        ("Your application has been shortlisted by Razorpay for Backend Developer Intern. "
         "Interview on Monday, 14 December 2026 at 11:00 AM IST.", "Razorpay"),
        # a caps line naming the company with its legal form, the venue after it
        ("Dear Applicant,\n\nYou are shortlisted for the walk-in interview on Tuesday, 15 "
         "December 2026 at 11:00 AM IST.\n\nNORTHGATE BUSINESS SERVICES PRIVATE LIMITED, 3rd "
         "floor, Plot 21, Sector 44, Gurugram", "Northgate Business Services Private Limited"),
        ("Venue: KESTREL OUTSOURCING PVT LTD, Tower B, Cyber City, Gurugram\n"
         "Interview on Tuesday, 15 December 2026 at 11:00 AM IST.",
         "Kestrel Outsourcing Pvt Ltd"),
        # a foundation, a school, a university named before its name
        ("Dengan ini Bagian Kepegawaian YPI Nurul Iman mengundang Saudara untuk mengikuti tes "
         "wawancara guru." + WHEN_ID, "YPI Nurul Iman"),
        ("Kami mengundang Bapak/Ibu untuk wawancara sebagai Guru Matematika di SD Islam Nurul "
         "Fikri." + WHEN_ID, "SD Islam Nurul Fikri"),
        ("Panitia penerimaan pegawai Yayasan Pendidikan Harapan Bangsa mengundang Anda untuk "
         "wawancara." + WHEN_ID, "Yayasan Pendidikan Harapan Bangsa"),
        ("Kepada peserta seleksi dosen Universitas Gadjah Mada, wawancara akan dilaksanakan "
         "pada Senin, 14 Desember 2026 pukul 09.00 WIB.", "Universitas Gadjah Mada"),
        ("The University of Lagos invites you to an interview for the post of Lecturer II."
         + WHEN_EN, "University of Lagos"),
    ],
)  # fmt: skip
def test_the_company_written_in_a_less_usual_way(text: str, company: str) -> None:
    assert read_text(text, now=NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        # the candidate's schooling
        (
            "Kami mengundang lulusan SMK Negeri 2 Bandung yang lolos seleksi berkas untuk "
            "wawancara." + WHEN_ID
        ),
        ("As a graduate of University of Ibadan you are invited to an interview." + WHEN_EN),
        # a campus the test is only held at, labelled as the place
        (
            "Selamat, Anda lolos seleksi administrasi.\nTempat : Universitas Merdeka Malang, "
            "Jl. Terusan Raya Dieng 62\nWaktu : Senin, 14 Desember 2026 pukul 08.00 WIB"
        ),
        # "with us at" our office, the team
        ("We would like to invite you for an interview with us at our office." + WHEN_EN),
        (
            "Your application has been shortlisted by HR. Interview on Monday, 14 December 2026 "
            "at 11:00 AM IST."
        ),
        # a heading in capitals that only describes a business
        ("CUSTOMER SERVICES\n\nWe invite you to an interview." + WHEN_EN),
    ],
)
def test_no_company_is_made_of_what_names_none(text: str) -> None:
    assert read_text(text, now=NOW).company is None
