"""A job title is read whole, as the invitation writes it (R1): its parts joined by "dan",
"and", "of", a comma where a word that names it as a role closes it, and a bracket that is the
title's; never a piece of it, and none at all where only a piece could be read. Each way of
writing on several of the project's own short texts, in both languages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.read import read_bytes, read_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _mail(subject: str, body: str) -> bytes:
    return (
        "From: HR <hr@example.co.id>\nTo: Budi <budi@example.com>\n"
        f"Subject: {subject}\nDate: Mon, 16 Nov 2026 09:00:00 +0700\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + body
    ).encode()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # joined by "dan" / "and" / "of"
        ("Dengan hormat,\nKami mengundang Saudara mengikuti wawancara posisi Staf Administrasi dan "
         "Keuangan yang akan dilaksanakan pada Senin, 30 November 2026 pukul 09.00 WIB.",
         "Staf Administrasi dan Keuangan"),
        ("Selamat, Anda lolos seleksi berkas untuk posisi Teknisi Listrik dan Mekanik. Wawancara: "
         "Rabu, 2 Desember 2026 jam 10.00 WIB.", "Teknisi Listrik dan Mekanik"),
        ("Kami mengundang Bapak untuk wawancara sebagai Kepala Bagian Umum dan Kepegawaian pada "
         "Selasa, 1 Desember 2026 pukul 09.00 WIB.", "Kepala Bagian Umum dan Kepegawaian"),
        ("Interview for the Research and Development Specialist role: Tuesday, December 1, 2026 at "
         "10 AM WIB.", "Research and Development Specialist"),
        ("We'd like to invite you to interview for the role of Head of Finance and Operations on "
         "Tuesday, December 1, 2026 at 10 AM WIB.", "Head of Finance and Operations"),
        # a comma inside a title a word that names it as a role closes
        ("Dear Budi,\nThank you for applying for the Sales Manager, Greater Jakarta role at Acme. "
         "We would like to invite you to an interview on Monday, 30 November 2026 at 10:00 WIB.",
         "Sales Manager, Greater Jakarta"),
        ("Hi Sari, we'd love to talk about the Head of Growth, Indonesia position. Are you free on "
         "Monday, November 30, 2026 at 2 PM WIB?", "Head of Growth, Indonesia"),
        # an adjective before it; "Data Scientist role" is no "a Scientist role"
        ("Hi Tom, your profile caught our eye for our remote Senior Backend Engineer role. Could "
         "we talk on Monday, November 30, 2026 at 9:00 AM WIB?", "Senior Backend Engineer"),
        ("Thanks for your interest in the Data Scientist role. Interview: Monday, November 30, "
         "2026 at 9:00 AM WIB.", "Data Scientist"),
        ("Terima kasih atas minat Anda pada the Junior Data Analyst role. Wawancara online: Senin, "
         "30 November 2026 pukul 10.00 WIB.", "Junior Data Analyst"),
        # a bracket that is the title's
        ("We are pleased to invite you to the final interview for the position of Site Engineer "
         "(Civil) at PT Bangun Jaya on Tuesday, December 1, 2026 at 10:00 WIB.",
         "Site Engineer (Civil)"),
        ("Kami mengundang Anda untuk wawancara posisi Operator Produksi (Shift Malam) pada Selasa, "
         "1 Desember 2026 pukul 08.00 WIB.", "Operator Produksi (Shift Malam)"),
        ("Posisi: Staf Pengadaan Barang dan Jasa\nTanggal: Selasa, 1 Desember 2026\nJam: 09.00 WIB",
         "Staf Pengadaan Barang dan Jasa"),
    ],
)  # fmt: skip
def test_a_title_is_read_whole(text: str, title: str) -> None:
    assert read_text(text, now=NOW).position == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # "dan"/"and" or a comma before the sentence's next part ends the title
        ("Kami mengundang Anda untuk wawancara posisi Data Analyst dan Anda diharapkan hadir "
         "Senin, 30 November 2026 pukul 09.00 WIB.", "Data Analyst"),
        ("Kami mengundang Saudara untuk wawancara posisi Admin Gudang dan Psikotes pada Senin, "
         "30 November 2026 pukul 09.00 WIB.", "Admin Gudang"),
        ("We would like to invite you to interview for the Accountant position and we look forward "
         "to meeting you on Monday, November 30, 2026 at 10 AM WIB.", "Accountant"),
        # a bracket that says how it is held, under what number, or notes something
        ("Thank you for applying. We invite you to an interview for the position of Sales "
         "Executive (Remote) at Acme on Monday, November 30, 2026 at 10 AM WIB.",
         "Sales Executive"),
        ("Kami mengundang Anda untuk wawancara posisi Kasir (kontrak 1 tahun) pada Senin, "
         "30 November 2026 pukul 09.00 WIB.", "Kasir"),
    ],
)  # fmt: skip
def test_what_follows_a_title_is_left_out(text: str, title: str) -> None:
    assert read_text(text, now=NOW).position == title


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Undangan Interview - Project Engineer (Solar PV)", "Project Engineer (Solar PV)"),
        ("Interview Invitation – Backend Engineer (Payments)", "Backend Engineer (Payments)"),
        ("Invitation to Final Interview - Project Engineer (Ref. CET/REC/2026/118)",
         "Project Engineer"),
        ("Interview - Senior Data Scientist (Remote, APAC)", "Senior Data Scientist"),
        ("Undangan Wawancara - Analis Data (jam diundur)", "Analis Data"),
        ("Interview invitation: Front-End Developer", "Front-End Developer"),
    ],
)  # fmt: skip
def test_a_subject_keeps_the_titles_bracket_only(subject: str, title: str) -> None:
    body = "Halo Budi,\nJadwal wawancara: Senin, 30 November 2026 pukul 10.00 WIB.\nSalam, HR"
    assert read_bytes(_mail(subject, body), now=NOW).position == title


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised title that runs on past what could be read: no piece of it
        "We invite you to interview for the role of Head of Regional Sales Operations Strategy "
        "Planning And Analytics Division Jakarta on Monday, November 30, 2026 at 10 AM WIB.",
        "Kami mengundang Anda wawancara posisi Kepala Seksi Pengadaan Barang Jasa Konstruksi "
        "Bangunan Gedung Negara Kantor Wilayah pada Senin, 30 November 2026 pukul 09.00 WIB.",
    ],
)
def test_a_piece_of_a_title_is_none(text: str) -> None:
    assert read_text(text, now=NOW).position is None
