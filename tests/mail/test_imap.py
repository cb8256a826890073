"""The mailbox over IMAP against Debian's Dovecot: a draft saved once, a sent message filed
in Sent once (or not at all when the provider did), an unknown outcome settled by Sent, and
the inbox scan (read-only, most urgent first, answered, a second scan reading only new mail)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import EVAL_DEV, SRC
from store.conftest import drafted
from store.servers import PASSWORD as SMTP_PASSWORD
from store.servers import USER as SMTP_USER
from store.servers import SmtpServer, start_smtp

from mail.dovecot import PASSWORD, USER, Dovecot, start_dovecot

NOW = "2026-11-20T09:00:00+07:00"
NOW_AT = datetime.fromisoformat(NOW)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    yield server
    server.stop()


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    server = start_smtp(tmp_path)
    yield server
    server.stop()


def _imap(dovecot: Dovecot) -> Any:
    import imapclient

    client = imapclient.IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(USER, PASSWORD)
    return client


@pytest.fixture
def sopan(tmp_path: Path, dovecot: Dovecot, smtp: SmtpServer) -> Any:
    config = tmp_path / "config.toml"
    config.write_text(
        '[profile]\nname = "Rina Kartika Sari"\nemail = "rina@example.com"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nusername = "{SMTP_USER}"\n'
        f'cafile = "{smtp.cert}"\ntimeout = 3\n'
        f'[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "none"\n'
        f'username = "{USER}"\n',
        "utf-8",
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "SOPAN_CONFIG": str(config),
        "SOPAN_DATABASE_URL": f"sqlite:///{tmp_path / 'store.db'}",
        "SOPAN_SMTP_PASSWORD": SMTP_PASSWORD,
        "SOPAN_IMAP_PASSWORD": PASSWORD,
    }

    def run(*args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sopan", *args],
            env={**env, **(extra or {})},
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )

    return run


def _message_id(sopan: Any) -> str:
    shown = json.loads(sopan("show", "1", "--json").stdout)
    return next(d["message_id"] for d in shown["drafts"] if d["channel"] == "email")


def _in(dovecot: Dovecot, folder: str, message_id: str) -> list[int]:
    client = _imap(dovecot)
    client.select_folder(folder, readonly=True)
    found = client.search(["HEADER", "Message-ID", message_id])
    flags = client.get_flags(found)
    client.logout()
    return [len(flags[u]) for u in found] if folder == "Drafts" else list(found)


def test_a_draft_is_saved_in_drafts_once(sopan: Any, dovecot: Dovecot) -> None:
    drafted(sopan)
    first, second = sopan("save", "1"), sopan("save", "1")
    assert first.stdout.strip() == "saved in Drafts"
    assert second.stdout.strip() == "already in Drafts"
    client = _imap(dovecot)
    client.select_folder("Drafts", readonly=True)
    found = client.search(["HEADER", "Message-ID", _message_id(sopan)])
    assert len(found) == 1
    assert b"\\Draft" in client.get_flags(found)[found[0]]
    client.logout()


def test_a_sent_message_is_filed_in_sent_once(sopan: Any, dovecot: Dovecot) -> None:
    drafted(sopan)
    assert sopan("send", "1", "--yes", "--now", NOW).returncode == 0
    assert len(_in(dovecot, "Sent", _message_id(sopan))) == 1


def test_a_provider_that_files_sent_mail_gets_no_second_copy(
    sopan: Any, dovecot: Dovecot, smtp: SmtpServer
) -> None:
    drafted(sopan)
    message_id = _message_id(sopan)
    client = _imap(dovecot)  # as a provider does: the server files what it sends
    client.append("Sent", f"Message-ID: {message_id}\r\nSubject: x\r\n\r\nhi".encode())
    client.logout()
    assert sopan("send", "1", "--yes", "--now", NOW).returncode == 0
    assert len(_in(dovecot, "Sent", message_id)) == 1


def test_an_unknown_outcome_found_in_sent_counts_as_sent(
    sopan: Any, dovecot: Dovecot, smtp: SmtpServer
) -> None:
    drafted(sopan)
    smtp.handler.mode = "drop"
    assert sopan("send", "1", "--yes", "--now", NOW).returncode == 3
    client = _imap(dovecot)
    client.append("Sent", smtp.handler.received[0])  # the provider filed it after all
    client.logout()
    smtp.handler.mode = "ok"
    again = sopan("send", "1", "--yes", "--now", NOW)
    assert again.returncode == 2 and "sopan tidak pernah mengirim dua kali" in again.stderr
    assert len(smtp.handler.received) == 1
    assert json.loads(sopan("show", "1", "--json").stdout)["drafts"][0]["state"] == "sent"


def _mail(
    subject: str, body: str, message_id: str, when: str = "Mon, 16 Nov 2026 08:00:00 +0700"
) -> bytes:
    return (
        f"From: HR <hr@maju.example>\r\nTo: {USER}\r\nSubject: {subject}\r\nDate: {when}\r\n"
        f"Message-ID: {message_id}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def test_the_inbox_scan_reads_only_new_mail_and_says_what_is_answered(
    sopan: Any, dovecot: Dovecot, tmp_path: Path
) -> None:
    client = _imap(dovecot)
    client.append(
        "INBOX",
        _mail(
            "Undangan Interview",
            "Kami mengundang Anda wawancara posisi "
            "Analis pada Kamis, 3 Desember 2026 pukul 10.00 WIB.",
            "<late@maju>",
        ),
    )
    client.append("INBOX", _mail("Promo 12.12", "Diskon besar untuk semua produk.", "<promo@x>"))
    client.append(
        "INBOX",
        _mail(
            "Jadwal wawancara",
            "Wawancara posisi Kasir pada Senin, 23 November 2026 pukul 09.00 WIB.",
            "<soon@maju>",
        ),
    )
    client.append("Sent", b"In-Reply-To: <late@maju>\r\nSubject: Re\r\n\r\nTerima kasih")
    client.logout()
    url = f"imap://{USER}@127.0.0.1:{dovecot.port}"
    first = json.loads(sopan("inbox", "--imap", url, "--json", "--now", NOW).stdout)
    assert [row["subject"] for row in first] == ["Jadwal wawancara", "Undangan Interview"]
    assert [row["answered"] for row in first] == [False, True]  # unanswered first
    assert first[0]["command"].startswith("sopan draft store:")
    client = _imap(dovecot)
    client.select_folder("INBOX", readonly=True)
    assert all(b"\\Seen" not in f for f in client.get_flags(client.search("ALL")).values())
    client.append(
        "INBOX",
        _mail(
            "Undangan psikotes",
            "Psikotes posisi Kasir pada Selasa, 24 November 2026 pukul 13.00 WIB.",
            "<new@maju>",
        ),
    )
    client.logout()
    second = sopan("inbox", "--imap", url, "--json", "--now", NOW)
    rows = json.loads(second.stdout)
    assert len(rows) == 3  # the new one added, none read twice
    history = json.loads(sopan("history", "--json").stdout)
    assert len(history) == 3
    drafted(sopan, first[0]["command"].split()[2], "store-draft")  # the kept message
    assert "Kasir" in (tmp_path / "store-draft" / "email.eml").read_text("utf-8")


def test_a_refused_imap_password_is_one_line(sopan: Any, dovecot: Dovecot) -> None:
    url = f"imap://{USER}@127.0.0.1:{dovecot.port}"
    done = sopan("inbox", "--imap", url, "--now", NOW, extra={"SOPAN_IMAP_PASSWORD": "salah"})
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "menolak kata sandi untuk" in done.stderr


def _single(ctype: str | None, body: bytes, **headers: str) -> bytes:
    lines = [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    if ctype is not None:
        lines.insert(0, f"Content-Type: {ctype}")
    return ("\r\n".join(["Subject: x", "From: a@example.com", *lines]) + "\r\n\r\n").encode() + body


def test_a_message_its_headers_say_is_one_text_part_is_the_part_its_structure_gives(
    dovecot: Dovecot,
) -> None:
    """The scan's first look skips the BODYSTRUCTURE of a message whose headers say one text
    part: what the headers tell must be what the server's structure tells, and every other
    message (a calendar, an attachment, a PDF, a multipart) is left to its structure."""
    from sopan.deliver.imap import _one_text_part, _readable

    told = [
        _single(None, b"hello"),
        _single("text/plain; charset=utf-8", b"aGFsbG8=", Content_Transfer_Encoding="base64"),
        _single("TEXT/HTML", b"<p>x=3D</p>", Content_Transfer_Encoding="Quoted-Printable"),
        _single("text/plain", b"hi", Content_Disposition="inline"),
    ]
    left = [
        _single("text/calendar; method=REQUEST", b"BEGIN:VCALENDAR"),
        _single("text/plain", b"x", Content_Disposition='attachment; filename="a.txt"'),
        _single("text/plain", b"x", Content_Disposition='inline; filename="invite.ics"'),
        _single("application/pdf", b"%PDF", Content_Transfer_Encoding="base64"),
        _single('multipart/mixed; boundary="b"', b"--b\r\n\r\nhi\r\n--b--\r\n"),
        _single("message/rfc822", b"Subject: inner\r\n\r\nhi"),
    ]
    client = _imap(dovecot)
    for raw in told + left:
        client.append("INBOX", raw)
    client.select_folder("INBOX", readonly=True)
    uids = sorted(client.search("ALL"))
    got = client.fetch(uids, ["BODYSTRUCTURE", "BODY.PEEK[HEADER]"])
    client.logout()
    for i, uid in enumerate(uids):
        head = next(v for k, v in got[uid].items() if k.startswith(b"BODY[HEADER"))
        one = _one_text_part(bytes(head))
        if i < len(told):
            assert one is not None and [one] == _readable(got[uid][b"BODYSTRUCTURE"]), i
        else:
            assert one is None, i


def _box(dovecot: Dovecot) -> Any:
    from sopan.config.servers import ServerSettings
    from sopan.deliver.imap import Mailbox

    return Mailbox(ServerSettings("127.0.0.1", dovecot.port, "none", USER), PASSWORD)


def test_sections_read_off_the_wire_are_what_imapclient_parses(dovecot: Dovecot) -> None:
    """The scan's fetches skip imapclient's parser: what they read of Dovecot's answer must be
    byte for byte what imapclient gives, for literals holding the answer's own syntax
    (parentheses, "{5}", "UID 9", CRLF), 8-bit bytes, an empty part and a missing one."""
    from email.message import EmailMessage

    tricky = EmailMessage()
    tricky["Subject"] = "UID 99 (BODY[] {5})"
    tricky.set_content("a line ) {12}\r\nUID 4 BODY[1] NIL\r\n" * 50)
    tricky.add_attachment(b"", maintype="application", subtype="octet-stream", filename="e")
    messages = [
        bytes(tricky),
        b"Subject: Caf\xe9\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
        b"Caf\xe9 \xe0 1\r\n",
        b"Subject: empty\r\n\r\n",
    ]
    client = _imap(dovecot)
    for raw in messages:
        client.append("INBOX", raw)
    items = ["RFC822.SIZE", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]", "BODY.PEEK[2]<0.100>",
             "BODY.PEEK[1]<0.40>", "BODY.PEEK[]"]  # fmt: skip
    client.select_folder("INBOX", readonly=True)
    uids = sorted(client.search("ALL"))
    parsed = client.fetch(uids, items)
    client.logout()
    with _box(dovecot) as box:
        box.client.select_folder("INBOX", readonly=True)
        ours = box.sections(uids, items)
    assert sorted(ours) == uids
    for uid in uids:
        want = {k: bytes(v or b"") for k, v in parsed[uid].items() if k.startswith(b"BODY")}
        got = {k: v for k, v in ours[uid].items() if k.startswith(b"BODY")}
        assert got == want, uid
        assert int(ours[uid][b"RFC822.SIZE"]) == parsed[uid][b"RFC822.SIZE"]
    assert ours[uids[0]][b"BODY[]"] == messages[0].replace(b"\n", b"\r\n").replace(b"\r\r", b"\r")


def test_a_look_asked_ahead_is_the_look_taken_or_set_aside_for_any_other_command(
    dovecot: Dovecot,
) -> None:
    """The scan asks the server for the next batch's first look before reading the batch
    before (`ask_ahead`): taken, it is that look; not taken, the connection is free for any
    other command (imapclient's, or another fetch), which gives what it gives unasked."""
    from sopan.deliver.imap import FIRST_LOOK

    client = _imap(dovecot)
    for i in range(6):
        client.append("INBOX", f"Subject: {i}\r\nMessage-ID: <m{i}@x>\r\n\r\nhalo {i}\r\n".encode())
    client.logout()
    with _box(dovecot) as box:
        uids = box.uids_after("INBOX", 0)
        first, rest = uids[:3], uids[3:]
        plain = box.sections(first, list(FIRST_LOOK))
        box.ask_ahead(first)
        assert box._asked is not None
        assert box.sections(first, list(FIRST_LOOK)) == plain and box._asked is None
        box.ask_ahead(rest)  # not taken: another fetch, then imapclient's own commands
        assert box.sections(first, ["BODY.PEEK[HEADER.FIELDS (SUBJECT)]"]) == {
            uid: {b"BODY[HEADER.FIELDS (SUBJECT)]": f"Subject: {i}\r\n\r\n".encode()}
            for i, uid in enumerate(first)
        }
        box.ask_ahead(rest)
        assert box.uids_after("INBOX", 0) == uids
        box.ask_ahead(rest)
        assert box.has("INBOX", "<m4@x>") and box._asked is None
        assert box.uids_after("INBOX", 0) == uids  # has() closed the folder: open it again
        box.ask_ahead(rest)
        assert box.sections(rest, list(FIRST_LOOK))[rest[1]][b"BODY[]<0>"].endswith(b"halo 4\r\n")
        box.ask_ahead(rest)  # left unread as the mailbox is closed: the logout still goes


def test_sections_in_the_forms_other_servers_write_them() -> None:
    """NIL or a quoted string where Dovecot sends a literal, the UID after the sections, and
    an unsolicited FETCH of flags without a UID, as imaplib hands them over."""
    from sopan.deliver.imap import _fetched_sections, _uid_set

    data = [
        b'1 (UID 7 BODY[1]<0> NIL BODY[HEADER.FIELDS (SUBJECT)] "Subject: a \\"b\\"")',
        (b"2 (body[] {3}", b"abc"),
        b" UID 8)",
        b"3 (FLAGS (\\Seen))",
        (b"4 (UID 9 RFC822.SIZE 120 BODY[] {2}", b"()"),
        b")",
    ]
    assert _fetched_sections(data) == {
        7: {b"BODY[1]<0>": b"", b"BODY[HEADER.FIELDS (SUBJECT)]": b'Subject: a "b"'},
        8: {b"BODY[]": b"abc"},
        9: {b"RFC822.SIZE": b"120", b"BODY[]": b"()"},
    }
    assert _uid_set([5, 1, 2, 3, 9, 10, 7]) == "1:3,5,7,9:10"


class _Scripted:
    """An imaplib connection whose server answers each command with `script` ("TAG"
    standing for the command's tag), as it would read them off the wire."""

    def __new__(cls, script: bytes) -> Any:
        import imaplib
        import io

        class Connection(imaplib.IMAP4):
            def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
                self.file = io.BytesIO(b"* OK [CAPABILITY IMAP4rev1] ready\r\n")  # type: ignore[assignment]

            def send(self, data: bytes) -> None:
                tag = data.split(b" ", 1)[0]
                asked = b" CAPABILITY" in data  # imaplib asks it as it connects
                said = b"* CAPABILITY IMAP4rev1\r\nTAG OK done\r\n" if asked else script
                self.file = io.BytesIO(said.replace(b"TAG", tag))  # type: ignore[assignment]

            def shutdown(self) -> None:
                pass

        imap = Connection("scripted")
        imap.state = "SELECTED"
        return imap


#: a FETCH answer as servers write it: literals ending lines and going on after them, a
#: message's FETCH of flags alone, and other answers between (new mail, an alert)
_SCRIPT = (
    b"* 1 FETCH (UID 7 RFC822.SIZE 3 BODY[]<0> {3}\r\nabc)\r\n"
    b"* 3 EXISTS\r\n"
    b"* 2 FETCH (UID 8 BODY[1] {5}\r\n{12}\r BODY[2] {0}\r\n BODY[3] NIL)\r\n"
    b"* 2 FETCH (FLAGS (\\Seen))\r\n"
    b"* OK [ALERT] going down soon\r\n"
    b"* 3 FETCH (BODY[HEADER] {2}\r\n\r\n UID 9)\r\n"
)


@pytest.mark.parametrize(
    "ending", [b"TAG OK done\r\n", b"TAG NO [SERVERBUG] sorry\r\n", b"TAG BAD what\r\n"]
)
def test_a_fetch_answer_is_read_off_the_wire_as_imaplib_reads_it(ending: bytes) -> None:
    """The scan reads its FETCH answers itself (`_fetch_answer`): what it hands on is what
    imaplib's own `uid` gives, for an answer accepted or refused; accepted, it leaves with
    imaplib what imaplib's reading leaves (the other answers), and no command waiting."""
    import imaplib

    from sopan.deliver.imap import _fetch_answer

    theirs, ours = _Scripted(_SCRIPT + ending), _Scripted(_SCRIPT + ending)
    try:
        expected: Any = theirs.uid("FETCH", "1:3", "(BODY.PEEK[])")
    except imaplib.IMAP4.error as refused:  # imaplib raises a BAD
        assert "what" in str(refused)
        expected = ("BAD", [b"what"])
    tag = ours._command("UID", "FETCH", "1:3", "(BODY.PEEK[])")
    assert _fetch_answer(ours, tag) == expected
    assert ours.tagged_commands == theirs.tagged_commands == {}
    if expected[0] == "OK":
        assert ours.untagged_responses == theirs.untagged_responses
        assert ours.untagged_responses["ALERT"] == [b""]  # as imaplib keeps it


def test_a_server_that_says_bye_or_hangs_up_mid_answer_aborts_the_fetch() -> None:
    """BYE, an answer cut short, or a literal cut short: imaplib's abort, never a
    message taken as whole."""
    import imaplib

    from sopan.deliver.imap import _fetch_answer

    for script in (b"* BYE shutting down\r\n", b"* 1 FETCH (UID 7 BODY[] {9}\r\nabc",
                   b"* 1 FETCH (UID 7"):  # fmt: skip
        imap = _Scripted(script)
        tag = imap._command("UID", "FETCH", "1", "(BODY.PEEK[])")
        with pytest.raises(imaplib.IMAP4.abort):
            _fetch_answer(imap, tag)


def test_a_scan_takes_small_mail_whole_and_large_mail_by_its_parts(dovecot: Dovecot) -> None:
    """Mail up to WHOLE_BYTES is fetched whole for its glance, larger mail by its structure
    and its text parts: either way the scan hands on exactly the messages whose glance
    allows an invitation (as reading each whole judges them), and a large message none of
    whose words allow one is never fetched whole."""
    from email.message import EmailMessage

    from sopan.deliver.imap import WHOLE_BYTES
    from sopan.read.mailbox import GLANCE_BYTES, glance, worth_reading

    assert WHOLE_BYTES <= GLANCE_BYTES  # a message fetched whole is glanced at as a whole

    def message(subject: str, text: str, *, attach: int = 0, ics: str | None = None,
                html: bool = False, bulk: bool = False) -> bytes:  # fmt: skip
        m = EmailMessage()
        m["Subject"], m["From"] = subject, "hr@maju.example"
        if bulk:
            m["List-Unsubscribe"] = "<mailto:leave@maju.example>"
        m.set_content(text, cte="quoted-printable")
        if html:
            m.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html",
                              cte="base64")  # fmt: skip
        if attach:
            m.add_attachment(os.urandom(attach), maintype="application", subtype="pdf",
                             filename="brosur.pdf")  # fmt: skip
        if ics is not None:
            cal = f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:{ics}\r\nEND:VEVENT\r\n"
            cal += "END:VCALENDAR\r\n"
            m.add_attachment(cal.encode(), maintype="text", subtype="calendar",
                             filename="undangan.ics")  # fmt: skip
        return bytes(m)

    invite = "Kami mengundang Anda wawancara posisi Analis pada Kamis, 3 Desember 2026, 10.00."
    messages = [
        message("Undangan wawancara", invite),
        message("Jadwal", invite, html=True),
        message("Undangan wawancara", invite, attach=150_000),
        message("Lampiran", "Silakan lihat lampiran.", attach=150_000, ics="Wawancara kerja"),
        message("Brosur", "Kegiatan minggu ini.", attach=150_000),
        message("Kabar kampus", "Seminar dan bazar.", attach=150_000, bulk=True),
        message("Struk", "Terima kasih telah berbelanja."),
        message("Webinar", "You are invited to our webinar.", html=True, bulk=True),
    ]
    client = _imap(dovecot)
    for raw in messages:
        client.append("INBOX", raw)
    client.logout()
    whole: list[int] = []
    with _box(dovecot) as box:
        uids = box.uids_after("INBOX", 0)
        sections = box.sections

        def logged(asked: list[int], items: list[str]) -> dict[int, dict[bytes, bytes]]:
            if "BODY.PEEK[]" in items:
                whole.extend(asked)
            return sections(asked, items)

        box.sections = logged  # type: ignore[method-assign]
        handed = {uid: raw for uid, raw, _ in box.likely_invitations(uids)}
    by_uid = dict(zip(uids, messages, strict=True))
    expected = {uid for uid, raw in by_uid.items() if worth_reading(glance(raw))}
    assert set(handed) == expected and len(expected) == 4  # the calendar after a PDF too
    assert all(handed[uid].replace(b"\r\n", b"\n") == by_uid[uid].replace(b"\r\n", b"\n")
               for uid in handed)  # fmt: skip
    large = {uid for uid, raw in by_uid.items() if len(raw) > WHOLE_BYTES}
    assert len(large) == 4 and set(whole) & large == expected & large


@pytest.mark.shared
def test_every_eval_dev_invitation_in_a_dovecot_mailbox_is_found_as_reading_it_whole_finds(
    dovecot: Dovecot,
) -> None:
    """Each eval-dev invitation sent as mail is (plain quoted-printable, HTML alone in base64,
    ISO-8859-1 beside HTML, with a PDF that makes it larger than WHOLE_BYTES), among mail that
    is none: the scan hands on every message that reading each whole finds an invitation."""
    from email.message import EmailMessage

    from sopan.read.mailbox import invitation_in

    texts = [p.read_text("utf-8") for p in sorted((EVAL_DEV / "invitations").glob("*.txt"))]
    assert len(texts) >= 100
    messages: list[bytes] = []
    for i, text in enumerate(texts):
        m = EmailMessage()
        m["Subject"], m["From"] = "Informasi", "hr@perusahaan.example"
        form = i % 4
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
        html = f"<html><body>{paragraphs}</body></html>"
        if form == 1:
            m.set_content(html, subtype="html", cte="base64")
        else:
            latin = form == 2 and all(ord(c) < 256 for c in text)
            m.set_content(text, cte="quoted-printable", charset="iso-8859-1" if latin else "utf-8")
            if form == 2:
                m.add_alternative(html, subtype="html")
            if form == 3:
                m.add_attachment(os.urandom(120_000), maintype="application", subtype="pdf",
                                 filename="detail.pdf")  # fmt: skip
        messages.append(bytes(m))
        other = EmailMessage()
        other["Subject"], other["From"] = f"Kabar {i}", "teman@example.com"
        other.set_content("Halo, sampai ketemu besok di kampus. Jangan lupa catatannya.")
        messages.append(bytes(other))
    client = _imap(dovecot)
    for raw in messages:
        client.append("INBOX", raw)
    client.logout()
    with _box(dovecot) as box:
        uids = box.uids_after("INBOX", 0)
        handed = {uid: raw for uid, raw, _ in box.likely_invitations(uids)}
    found = {
        uid for uid, raw in zip(uids, messages, strict=True)
        if invitation_in(raw, now=NOW_AT, user_tz="Asia/Jakarta") is not None
    }  # fmt: skip
    assert len(found) >= len(texts) // 2  # most eval-dev invitations are read as invitations
    assert found <= set(handed)
    kept = {uid for uid, raw in handed.items()
            if invitation_in(raw, now=NOW_AT, user_tz="Asia/Jakarta") is not None}  # fmt: skip
    assert kept == found
