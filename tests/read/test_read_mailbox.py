"""Mailboxes: only invitations, newest first; other messages skipped."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.errors import UserError
from sopan.read import read_file, read_mailbox

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_mbox_keeps_only_invitations_newest_first() -> None:
    found = read_mailbox(FIXTURES / "mbox/two_invitations_among_others.mbox", now=NOW)
    assert [i.message_id for i in found] == ["<inv2@beta.example>", "<inv1@alpha.example>"]
    assert found[1].start == datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_maildir_folder(tmp_path: Path) -> None:
    box = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    names = ["id_plain_8bit_onsite.eml", "en_no_year_date.eml", "id_relative_besok.eml"]
    for i, name in enumerate(names):
        shutil.copy(FIXTURES / "eml" / name, box / ("cur" if i else "new") / f"{i}.msg:2,S")
    (box / "cur" / "junk.msg").write_bytes(b"From: a@b.example\nSubject: Lunch\n\nmakan siang?\n")
    found = read_mailbox(box, now=NOW)
    assert [i.subject for i in found] == [
        "Jadwal interview besok",
        "Interview invitation",
        "Undangan Wawancara Staf Gudang",
    ]
    assert read_file(box, now=NOW).subject == "Jadwal interview besok"


def test_not_a_mailbox(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("just notes\n", "utf-8")
    with pytest.raises(UserError, match="not an mbox"):
        read_mailbox(plain, now=NOW)
    with pytest.raises(UserError, match="no such"):
        read_mailbox(tmp_path / "missing", now=NOW)


# Ways of writing an invitation a mailbox scan must keep, and the near misses beside each that
# it must pass over. Each is sent as plain mail under a subject that says nothing ("Pesan").

#: templates sent with their slots unfilled: the day is a slot, no job is named
TEMPLATES = [
    "Dear {{ $name }},\n\nWe are pleased to inform you that your interview has been scheduled "
    "for {{ $date }}.\n\nBest regards,\nNusantara Staffing",
    "Kepada Yth. Saudara {{ $nama }}\n\nKami mengharap kedatangan Saudara untuk wawancara pada:"
    "\nHari/tanggal: {{ $waktu }}\nTempat: {{ $tempat }}\n\nDemikian surat panggilan ini.",
    "Undangan Interview Online\nTgl: ${tgl}\nWaktu: ${waktu}\nLink: ${link}",
    "Halo {nama},\nJadwal interview kamu: {tanggal} pukul {jam} WIB di {lokasi}.\nTerima kasih.",
]
#: short chats that ask the reader to the interview and say neither a job nor a day
CHATS = [
    "Selamat Anda lolos seleksi berkas, dan kami mengundang Anda untuk interview. Mohon datang "
    "tepat waktu ya.",
    "Silakan datang untuk wawancara pada tanggal yang sudah ditentukan. Bawa KTP asli.",
    "Hi Rina, we would like to invite you for an interview. Please let us know when you are free.",
    "Good news: your interview has been scheduled. We look forward to meeting you.",
    "Bu Sari, kami mengundang Saudara/i untuk mengikuti wawancara. Mohon konfirmasi.",
]
#: SMS shorthand, the interview written short and glued to digits
SHORTHAND = [
    "Pls come 4 intrvw 2moro by 10am @ our office wth ur cv. Tnx",
    "u r invitd4 intervw4 d positn of sales rep on mon(14/12/26) by 8am@our office",
    "Tes wwcr bsk jam 9 di kantor kami, bawa cv dan ijazah ya",
]
#: the reader picked to meet the employer, never saying "interview", with a day
PICKED = [
    "You have been selected among a few candidates to meet with the HR Director of Karya Ltd on "
    "Monday 14 December 2026; time: 10am.",
    "Anda terpilih sebagai kandidat untuk bertemu dengan HRD kami pada Senin, 14 Desember 2026 "
    "pukul 10.00 WIB.",
    "You've been shortlisted for the Sales Executive position: please meet our team on "
    "15 December 2026 at 2pm.",
]
#: near misses of the same ways: tips and trainings about interviews, luck draws, the steps
#: after the job is won, an interval
NEAR_MISSES = [
    "Tips: 5 hal yang harus dihindari saat interview kerja. Baca selengkapnya di blog kami.",
    "Akan diadakan pelatihan wawancara kerja pada tanggal 10 Desember 2026 pukul 09.00 - 15.00 "
    "WIB di Aula Sekolah. Daftar segera, gratis untuk alumni.",
    "Join our mock interview session on 10 December 2026 at 19:00 and practise your answers.",
    "Bootcamp interview: latihan menjawab pertanyaan interview, Sabtu 12 Desember 2026 "
    "pukul 09.00.",
    "Congratulations, you have been selected as a winner of our lucky draw on 14 December 2026.",
    "Yth. {nama},\nBerdasarkan hasil seleksi, Anda dijadwalkan hadir pada proses panggilan join "
    "PT Sinar untuk departemen {departemen}.\nTanggal: {tanggal}\nLokasi: {lokasi}\nHRD PT Sinar",
    "Selamat! Berdasarkan hasil seleksi posisi Admin, penandatanganan kontrak kerja pada Senin, "
    "14 Desember 2026 pukul 09.00 di kantor HRD.",
    "Congratulations, you have been selected for the Analyst position! Your start date is "
    "4 January 2027 at 08:00.",
    "The interval between the shuttles is 10 minutes on Monday 14 December 2026.",
]
#: invitations that also say a word of the near misses: kept, the interview is named beside a job
STILL_KEPT = [
    "Undangan interview posisi Staf Gudang, Senin 14 Desember 2026 pukul 10.00. Bila diterima, "
    "akan ada training selama seminggu.",
    "Undangan interview posisi Admin pada Senin, 14 Desember 2026 pukul 10.00; kami juga akan "
    "membahas start date Anda.",
]


@pytest.mark.parametrize(
    ("text", "kept"),
    [(t, True) for t in TEMPLATES + CHATS + SHORTHAND + PICKED + STILL_KEPT]
    + [(t, False) for t in NEAR_MISSES],
)
def test_ways_of_writing_an_invitation_are_kept_and_their_near_misses_are_not(
    text: str, kept: bool
) -> None:
    from mailbox_mix import as_mail

    from sopan.read.mailbox import invitation_in

    found = invitation_in(as_mail(text), now=NOW, user_tz="Asia/Jakarta")
    assert (found is not None) is kept
