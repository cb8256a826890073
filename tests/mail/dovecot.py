"""Debian's Dovecot started for a test on a free loopback port: one user (PLAIN password),
a Maildir in a temp home, Drafts and Sent declared with their special use."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from calendars.servers import free_port

USER, PASSWORD = "rina@example.com", "sandi-uji"

CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/passwd
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class Dovecot:
    """A running Dovecot: its port, its user's Maildir, and how to stop it."""

    root: Path
    port: int
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.root, ignore_errors=True)


def start_dovecot() -> Dovecot:
    """`dovecot -F -c CONF` in a folder of its own under the system's temp folder (its own
    users must reach it); returns once it answers on its port."""
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="sopan-dovecot-"))
    root.chmod(0o755)
    home = root / "home"
    home.mkdir()
    uid = gid = os.geteuid()
    if uid == 0:  # mail is never handled as root: the user's files belong to nobody
        uid, gid = 65534, 65534
        shutil.chown(home, uid, gid)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}:{uid}:{gid}::{home}::\n")
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(CONF.format(root=root, port=port))
    process = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", str(conf)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                if probe.recv(64).startswith(b"* OK"):
                    return Dovecot(root, port, process)
        except OSError:
            time.sleep(0.05)
    process.kill()
    log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
    raise RuntimeError(f"dovecot did not start: {log[-800:]}")
