"""Scanning an IMAP mailbox: `sopan inbox` over a 10,000-message Dovecot mailbox against
merely fetching every message's headers with imapclient, side by side on the same server.

Three figures, each against the same floor: the `sopan inbox` command as a user runs it (a
new process: its start, the scan, the listing); the scan itself in this process
(`app.outbox.scan_folder` on a new store, as the hosted mode's job runs it in a worker that
has read invitations before: the reader's modules, words and patterns loaded by reading the
mix's first ten invitations, plain, HTML and with a calendar part, outside the timing); and,
of that scan, the finding alone (`likely_invitations`: the one look at each message's size
and first `WHOLE_BYTES`, and at a larger message's structure and text parts), without the
reading whole of the likely invitations it hands on.

The mailbox is the mixed one of `tests/mailbox_mix.py` (5% invitations, 70% plain mail, the
rest near misses), written straight into the user's Maildir; Dovecot (Debian's) is started on
a free loopback port by the same helper as the tests.

Run: python bench/inbox.py [--messages 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from mail.dovecot import PASSWORD, USER, start_dovecot  # noqa: E402
from mailbox_mix import generate  # noqa: E402

NOW = "2026-11-20T09:00:00+07:00"


def _fill(home: Path, messages: int) -> list[tuple[bytes, bool]]:
    """The messages as Maildir files in `new/`, owned as the home is; each with whether it
    is an invitation."""
    box = home / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True, exist_ok=True)
    owner = home.stat()
    mix = generate(messages, seed=9, invitations=0.05, ordinary=0.7, big=False)
    for i, (raw, _) in enumerate(mix):
        path = box / "new" / f"{1700000000 + i}.M{i}P1.bench"
        path.write_bytes(raw)
    for path in box.rglob("*"):
        os.chown(path, owner.st_uid, owner.st_gid)
    os.chown(box, owner.st_uid, owner.st_gid)
    return mix


def _read_whole(mix: list[tuple[bytes, bool]]) -> tuple[int, int, int]:
    """(invitations found, of them true, invitations in the mix) when every message is read
    whole (`invitation_in`, as `bench/mailbox.py` scores it): what the scan must find too."""
    from datetime import datetime

    from sopan.read.mailbox import invitation_in

    now = datetime.fromisoformat(NOW)
    found = [truth for raw, truth in mix if invitation_in(raw, now=now, user_tz="Asia/Jakarta")]
    return len(found), sum(found), sum(truth for _, truth in mix)


def _headers_only(port: int) -> tuple[float, int]:
    import imapclient

    start = time.perf_counter()
    client = imapclient.IMAPClient("127.0.0.1", port=port, ssl=False)
    client.login(USER, PASSWORD)
    client.select_folder("INBOX", readonly=True)
    uids = client.search("ALL")
    for i in range(0, len(uids), 200):
        client.fetch(uids[i : i + 200], ["BODY.PEEK[HEADER]"])
    client.logout()
    return time.perf_counter() - start, len(uids)


def _in_process(port: int, home: Path, warm: list[bytes]) -> tuple[float, float, int]:
    """(seconds of the whole scan, seconds of its finding, invitations kept) of one scan of
    the folder by `scan_folder` in this process, on a new SQLite store, after the invitations
    `warm` are read once: the reader loads its modules, words and patterns at the first
    invitation of each form, once a process, which a worker's later scans do not pay again."""
    from datetime import datetime

    from sopan.app.outbox import scan_folder
    from sopan.config.servers import ServerSettings
    from sopan.deliver.imap import Mailbox
    from sopan.read.mailbox import Glance, invitation_in
    from sopan.store import Store

    for raw in warm:
        assert invitation_in(raw, now=datetime.fromisoformat(NOW), user_tz="Asia/Jakarta")
    store = Store(f"sqlite:///{home / 'in-process.db'}")
    finding = 0.0
    with Mailbox(ServerSettings("127.0.0.1", port, "none", USER), PASSWORD) as box:
        looked = box.likely_invitations

        def timed(uids: list[int]) -> Iterator[tuple[int, bytes, Glance | None]]:
            nonlocal finding
            start = time.perf_counter()
            for item in looked(uids):
                finding += time.perf_counter() - start
                yield item
                start = time.perf_counter()
            finding += time.perf_counter() - start

        box.likely_invitations = timed  # type: ignore[method-assign]
        start = time.perf_counter()
        done = scan_folder(box, store, USER, "INBOX", now=datetime.fromisoformat(NOW),
                           tz="Asia/Jakarta")  # fmt: skip
        whole = time.perf_counter() - start
    return whole, finding, len(done.found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    server = start_dovecot()
    tmp = Path(tempfile.mkdtemp(prefix="sopan-bench-inbox-"))
    try:
        mix = _fill(server.root / "home", args.messages)
        _headers_only(server.port)  # Dovecot indexes the new mail once, before any timing
        floor, count = _headers_only(server.port)
        config = tmp / "config.toml"
        config.write_text(
            f'[profile]\nname = "Rina"\n[imap]\nhost = "127.0.0.1"\n'
            f'port = {server.port}\nsecurity = "none"\nusername = "{USER}"\n'
        )
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "SOPAN_CONFIG": str(config),
            "SOPAN_DATABASE_URL": f"sqlite:///{tmp / 'store.db'}",
            "SOPAN_IMAP_PASSWORD": PASSWORD,
        }
        argv = [
            sys.executable,
            "-m",
            "sopan",
            "inbox",
            "--imap",
            f"imap://{USER}@127.0.0.1:{server.port}",
            "--json",
            "--now",
            NOW,
        ]
        start = time.perf_counter()
        first = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
        again = time.perf_counter() - start
        found = first.stdout.count('"command"')
        print(
            f"Dovecot mailbox of {count:,} messages: sopan inbox {count / ours:,.0f} msg/s "
            f"({ours:.1f} s, {found} invitations); fetching only the headers with imapclient "
            f"{count / floor:,.0f} msg/s ({floor:.1f} s); ratio {floor / ours:.2f}x the floor"
        )
        print(f"second scan (nothing new, from the UID cursor): {again:.2f} s")
        warm = [raw for raw, truth in mix if truth][:10]
        whole, finding, kept = _in_process(server.port, tmp, warm)
        print(
            f"the scan in process (scan_folder, the hosted job's; no process start, the reader "
            f"loaded): "
            f"{count / whole:,.0f} msg/s ({whole:.2f} s, {kept} invitations), ratio "
            f"{floor / whole:.2f}x the floor; of it the finding (each message's first look, "
            f"large mail's structure and text; not the likely invitations read whole): "
            f"{finding:.2f} s, ratio "
            f"{floor / finding:.2f}x the floor"
        )
        read, true, truth = _read_whole(mix)
        # the scan keeps only what reading passes (its looks only leave messages unread), so
        # the same count is the same set: its recall is reading every message's
        print(
            f"reading every message whole finds {read} ({true} of the mix's {truth} "
            f"invitations, recall {true / truth:.3f}); the scan kept {kept}"
            + (" (the same)" if kept == read else " (NOT the same: the looks lost some)")
        )
        # the machine's other work slows both runs, not always alike: say how busy it was
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
