"""A student's mailbox scanned by `sopan worker` on a real PostgreSQL and a real Dovecot: the
password kept only sealed, the scan a job (queued with the mailbox, in one transaction, one
lock per student and mailbox), the invitations found becoming the student's cases; a worker
killed mid-scan and another started after lose nothing and repeat nothing. And the one scan
of sopan (`app.outbox.scan_folder`, also `sopan inbox`'s) finds by headers and structure
first exactly what reading every message whole finds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import SRC
from mail.dovecot import PASSWORD, USER, Dovecot, start_dovecot
from sqlalchemy import create_engine, text

from hosted.conftest import NOW, client_for, make_centre

if TYPE_CHECKING:
    from sopan.read.mailbox import Glance

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SECTIONS = {
    "serve": {"allowed_hosts": ["testserver"], "secure_cookies": False,
              "mail_hosts": ["127.0.0.1"]},
    "centre": {"name": "Pusat Karier Uji", "email": "karier@kampus.ac.id"},
}  # fmt: skip


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    yield server
    server.stop()


@pytest.fixture
def mail_key(monkeypatch: pytest.MonkeyPatch) -> str:
    from sopan.hosted.mailkey import VARIABLE, new_key

    key = new_key()
    monkeypatch.setenv(VARIABLE, key)
    return key


def _other_mail(n: int) -> bytes:
    """Mail that is no invitation, of the kinds an inbox holds: a newsletter from a list
    with a large attachment, a shop's receipt, a note from a friend, a meeting."""
    message = EmailMessage()
    message["Message-ID"] = f"<other-{n}@example.com>"
    kind = n % 4
    if kind == 0:
        message["From"], message["Subject"] = "Berita Kampus <news@kampus.example>", f"Kabar {n}"
        message["List-Unsubscribe"] = "<mailto:leave@kampus.example>"
        message.set_content("Kegiatan minggu ini: seminar, lomba, dan bazar.")
        message.add_attachment(os.urandom(30_000), maintype="application", subtype="pdf",
                               filename="brosur.pdf")  # fmt: skip
    elif kind == 1:
        message["From"], message["Subject"] = "Toko <cs@toko.example>", f"Struk belanja #{n}"
        message.set_content("Terima kasih telah berbelanja. Total: Rp 125.000.")
    elif kind == 2:
        message["From"], message["Subject"] = "Sinta <sinta@example.com>", "Catatan kuliah"
        message.set_content("Halo, ini catatan kuliah kemarin ya. Sampai ketemu besok.")
    else:
        message["From"], message["Subject"] = "Dosen <dosen@kampus.example>", "Bimbingan skripsi"
        message.set_content("Bimbingan dipindah ke Kamis pukul 13.00 di ruang 2.")
    return bytes(message)


def _inbox(count: int) -> list[bytes]:
    """`count` messages: the invitations (and other mail) of the fixtures spread among
    other mail, so some fall in each batch of the scan."""
    from sopan.read.mailbox import mbox_messages

    fixtures = [p.read_bytes() for p in sorted((FIXTURES / "eml").glob("*.eml"))]
    with (FIXTURES / "mbox" / "two_invitations_among_others.mbox").open("rb") as stream:
        fixtures += list(mbox_messages(stream))
    step = count // len(fixtures)
    out = [_other_mail(n) for n in range(count - len(fixtures))]
    for i, raw in enumerate(fixtures):
        out.insert(i * step, raw)
    return out


def _fill(dovecot: Dovecot, messages: list[bytes]) -> None:
    import imapclient

    client = imapclient.IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(USER, PASSWORD)
    for raw in messages:
        client.append("INBOX", raw)
    client.logout()


def _invitations(messages: list[bytes]) -> set[int]:
    """The UIDs (1, 2, …) of the messages that reading each whole finds invitations."""
    from sopan.read.mailbox import invitation_in

    return {
        uid for uid, raw in enumerate(messages, 1)
        if invitation_in(raw, now=NOW, user_tz="Asia/Jakarta") is not None
    }  # fmt: skip


def _until(check: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


def test_the_scan_looks_at_headers_first_and_finds_what_reading_all_finds(
    dovecot: Dovecot,
) -> None:
    from sopan.app.outbox import scan_folder
    from sopan.config.servers import ServerSettings
    from sopan.deliver.imap import Mailbox

    messages = _inbox(120)
    _fill(dovecot, messages)
    expected = _invitations(messages)
    assert 20 <= len(expected) < 40  # the fixtures' invitations, none of the other mail

    class Memory:
        """A store of cursors and finds in memory, counting what was read whole."""

        def __init__(self) -> None:
            self.kept: dict[str, int] = {}
            self.last = 0

        def cursor(self, account: str, folder: str, validity: int) -> int:
            return self.last

        def keep_scanned(self, account: str, folder: str, validity: int, last: int,
                         found: list[dict[str, Any]], *, now: datetime) -> list[int]:  # fmt: skip
            self.last = last
            for f in found:
                self.kept.setdefault(f["source"], len(self.kept) + 1)
            return [self.kept[f["source"]] for f in found]

    memory = Memory()
    whole: list[int] = []
    with Mailbox(ServerSettings("127.0.0.1", dovecot.port, "none", USER), PASSWORD) as box:
        looked = box.likely_invitations

        def counted(uids: list[int]) -> Iterator[tuple[int, bytes, Glance | None]]:
            for uid, raw, seen in looked(uids):
                whole.append(uid)
                yield uid, raw, seen

        box.likely_invitations = counted  # type: ignore[method-assign]
        done = scan_folder(box, memory, "rina", "INBOX", now=NOW, tz="Asia/Jakarta")
        again = scan_folder(box, memory, "rina", "INBOX", now=NOW, tz="Asia/Jakarta")
    found = {int(source.rpartition("#")[2]) for source in memory.kept}
    assert found == expected
    assert done.looked == len(messages) and again.looked == 0 and again.found == ()
    # no newsletter, receipt or note was fetched whole: only messages whose text may be one
    assert set(whole) >= expected and len(whole) <= len(expected) + 5


def test_a_mailbox_scanned_by_workers_killed_mid_scan_loses_and_repeats_nothing(
    cluster: Any, dovecot: Dovecot, mail_key: str, tmp_path: Path
) -> None:
    from sopan.deliver.imap import BATCH
    from sopan.hosted.mailkey import VARIABLE

    messages = _inbox(BATCH + 90)
    _fill(dovecot, messages)
    expected = _invitations(messages)
    database = cluster.database()
    centre, ids = make_centre(database, sections=SECTIONS)
    rina, budi = client_for(centre, "rina"), client_for(centre, "budi")
    given = {"host": "127.0.0.1", "port": dovecot.port, "security": "none", "username": USER,
             "password": PASSWORD}  # fmt: skip
    # without her consent to the scan, no mailbox is kept
    refused = rina.post("/api/me/mailboxes", json=given)
    assert refused.status_code == 400 and refused.json()["error"] == "mailbox.no_consent"
    assert rina.post("/api/me/consent", json={"purpose": "inbox"}).status_code == 200
    # a server the centre does not list is refused: no worker is pointed at another machine
    elsewhere = rina.post("/api/me/mailboxes", json={**given, "host": "10.0.0.5"})
    assert elsewhere.status_code == 400 and elsewhere.json()["error"] == "mailbox.host_not_allowed"
    made = rina.post("/api/me/mailboxes", json=given)
    assert made.status_code == 201, made.text
    mailbox = made.json()["id"]
    plain = create_engine(database)

    def rows(sql: str) -> list[Any]:
        with plain.connect() as db:
            return list(db.execute(text(sql)).all())

    secret = rows("SELECT secret FROM mailboxes")[0][0]
    assert PASSWORD.encode() not in bytes(secret)  # sealed, never in clear
    assert rows("SELECT lock, queueing_lock, status FROM procrastinate_jobs") == [
        (f"student:{ids['rina']}:mailbox:{mailbox}", f"scan:{mailbox}", "todo")
    ]
    # asking again while it waits adds nothing; budi cannot scan or see her mailbox
    assert rina.post(f"/api/me/mailboxes/{mailbox}/scan").json() == {"queued": False}
    assert budi.post(f"/api/me/mailboxes/{mailbox}/scan").status_code == 404
    assert budi.get("/api/me/mailboxes").json() == []
    listed = rina.get("/api/me/mailboxes").json()
    assert [m["id"] for m in listed] == [mailbox] and "secret" not in listed[0]

    config = tmp_path / "config.toml"
    config.write_text(
        # no periodic sweep (tests/hosted/test_sweeps.py): the jobs counted are those queued here
        '[profile]\nname = "Pusat Karier Uji"\n\n[serve]\nmail_hosts = ["127.0.0.1"]\n'
        "scan_every = 0\nwatch_every = 0\ncalendar_every = 0\n\n"
        '[smtp]\nhost = "127.0.0.1"\nport = 2525\nsecurity = "none"\n', "utf-8",
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOPAN_DATABASE_URL": database,
           "SOPAN_CONFIG": str(config), VARIABLE: mail_key}  # fmt: skip
    env.pop("SOPAN_CRASH_AT", None)

    def worker(crash: str | None = None) -> subprocess.Popen[bytes]:
        extra = {"SOPAN_CRASH_AT": crash} if crash else {}
        return subprocess.Popen(
            [sys.executable, "-m", "sopan", "worker", "--stalled-after", "2"],
            env={**env, **extra}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip

    def found() -> list[tuple[str, int]]:
        return [(str(s), int(o)) for s, o in rows("SELECT source, owner FROM invitations")]

    # 1. a worker killed right after the first batch was kept
    dying = worker("scan-after-batch")
    assert dying.wait(timeout=120) == -9, dying.stderr.read() if dying.stderr else ""
    first = {u for u in expected if u <= BATCH}
    assert rows("SELECT last_uid FROM mailbox_cursors") == [(BATCH,)]
    assert sorted(int(s.rpartition("#")[2]) for s, _ in found()) == sorted(first)
    # 2. another worker takes the job up again and reads only what is left
    living = worker()
    try:
        _until(lambda: rows("SELECT status FROM procrastinate_jobs") == [("succeeded",)],
               "the scan to finish")  # fmt: skip
        assert rows("SELECT looked, error FROM mailboxes") == [(len(messages) - BATCH, None)]
        kept = found()
        assert len(kept) == len({s for s, _ in kept}) == len(expected)  # none twice
        assert {int(s.rpartition("#")[2]) for s, _ in kept} == expected  # none lost
        assert {o for _, o in kept} == {ids["rina"]}
        # the invitations are her cases, and no one else's
        assert len(rina.get("/api/cases").json()) == len(expected)
        assert budi.get("/api/cases").json() == []
        # 3. new mail, scanned again: only it is read
        _fill(dovecot, [(FIXTURES / "eml" / "id_plain_8bit_onsite.eml").read_bytes()])
        assert rina.post(f"/api/me/mailboxes/{mailbox}/scan").json() == {"queued": True}
        _until(lambda: rows("SELECT looked FROM mailboxes") == [(1,)], "the second scan")
        assert len(found()) == len(expected) + 1
    finally:
        living.terminate()
        living.wait(timeout=30)
    # the mailbox is in her export without its secret, and gone with her account
    import io
    import json
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(rina.get("/api/me/export").content))
    exported = json.loads(archive.read("sopan.json"))["tables"]["mailboxes"]
    assert [m["id"] for m in exported] == [mailbox] and "secret" not in exported[0]
    assert not [n for n in archive.namelist() if n.startswith("files/mailboxes/")]
    assert rina.delete("/api/me").status_code == 204
    assert rows("SELECT count(*) FROM mailboxes") == [(0,)]


def test_a_password_no_key_opens_is_said_and_nothing_is_read(
    cluster: Any, mail_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sopan.hosted.jobs import Scan
    from sopan.hosted.mailkey import VARIABLE, new_key
    from sopan.store.scope import SYSTEM

    centre, ids = make_centre(cluster.database(), sections=SECTIONS)
    rina = client_for(centre, "rina")
    rina.post("/api/me/consent", json={"purpose": "inbox"})
    given = {"host": "127.0.0.1", "port": 1, "security": "none", "username": USER,
             "password": PASSWORD}  # fmt: skip
    mailbox = rina.post("/api/me/mailboxes", json=given).json()["id"]
    monkeypatch.setenv(VARIABLE, new_key())  # the key changed, the old one not kept
    assert Scan(centre.hosted, ("127.0.0.1",))(mailbox) == "failed"
    assert centre.hosted.store(SYSTEM).mailbox(mailbox).error == "mailbox.password_lost"
    # the centre took the server off its list: the worker no longer connects to it
    monkeypatch.setenv(VARIABLE, mail_key)
    assert Scan(centre.hosted, ())(mailbox) == "skipped"
    assert centre.hosted.store(SYSTEM).mailbox(mailbox).error == "mailbox.host_not_allowed"
    # consent withdrawn: no scan
    rina.request("DELETE", "/api/me/consent", json={"purpose": "inbox"})
    assert Scan(centre.hosted, ("127.0.0.1",))(mailbox) == "skipped"
    assert centre.hosted.store(SYSTEM).mailbox(mailbox).error == "mailbox.no_consent"
    # without a key on the server, no password is taken
    monkeypatch.delenv(VARIABLE)
    rina.post("/api/me/consent", json={"purpose": "inbox"})
    refused = rina.post("/api/me/mailboxes", json={**given, "username": "lain@example.com"})
    assert refused.status_code == 400 and refused.json()["error"] == "mailbox.no_key"
    assert ids
