"""The hosted mode's tables (`sopan serve`): accounts and their sign-ins, consent, what a
student shares with a counsellor and what the counsellor said, the centre's settings and the
audit log. They are in every database (empty in the local mode); on PostgreSQL the students'
rows are also kept apart by row-level security (revision 0004, `store.scope`).

No table here holds a password in clear or a session's token: an argon2 hash of the one, a
SHA-256 digest of the other. The audit log names accounts by number and actions by kind, and
holds no text a person wrote."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sopan.store.schema import STAMP, metadata


def _account(name: str, *, nullable: bool = False) -> Column[int]:
    """A column naming an account, deleted with it."""
    return Column(
        name, Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=nullable, index=True
    )


#: a person who signs in: a local account (an argon2 hash) or one from the campus provider
accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),  # student, counsellor, admin, auditor
    Column("display_name", String(300)),
    Column("email", String(320)),
    Column("language", String(5), nullable=False),
    Column("password_hash", String(300)),
    #: the OpenID provider's issuer and the person's `sub` there
    Column("issuer", String(500)),
    Column("subject", String(300)),
    Column("created_at", STAMP, nullable=False),
    Column("disabled_at", STAMP),
    UniqueConstraint("name", name="uq_account_name"),
    UniqueConstraint("issuer", "subject", name="uq_account_subject"),
)

#: one signed-in browser: the cookie holds a token, the table only its digest
sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", String(64), nullable=False),
    _account("account_id"),
    #: the form token of this sign-in (CSRF), sent back with every form
    Column("csrf", String(64), nullable=False),
    Column("created_at", STAMP, nullable=False),
    Column("expires_at", STAMP, nullable=False),
    UniqueConstraint("digest", name="uq_session_digest"),
)

#: a failed sign-in, counted per name and per address over a window (rate limiting)
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, index=True),
    Column("at", STAMP, nullable=False),
)

#: consent given for one purpose, with the version of the text the student read
consents = Table(
    "consents",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column("purpose", String(40), nullable=False),
    Column("version", String(40), nullable=False),
    Column("given_at", STAMP, nullable=False),
    Column("withdrawn_at", STAMP),
)

#: a kept invitation (a case) a student shows a counsellor, until they stop
shares = Table(
    "shares",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column(
        "invitation_id",
        Integer,
        ForeignKey("invitations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    _account("counsellor_id"),
    Column("created_at", STAMP, nullable=False),
    Column("revoked_at", STAMP),
)

#: what a counsellor said on a shared case: a comment, an approval, a letter marked seen
remarks = Table(
    "remarks",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column(
        "invitation_id",
        Integer,
        ForeignKey("invitations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    _account("author_id"),
    Column("kind", String(20), nullable=False),  # comment, approve, seen
    Column("text", Text),
    Column("at", STAMP, nullable=False),
)

#: the centre's own settings (cancellation policy, letterhead), one row per name
centre_settings = Table(
    "centre_settings",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", JSON, nullable=False),
    Column("file", LargeBinary),
    Column("updated_at", STAMP, nullable=False),
)

#: every read of a student's data by someone else, every export, share, send and deletion;
#: only ever added to (on PostgreSQL a rule refuses a change or a deletion)
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", STAMP, nullable=False),
    #: who did it (None: sopan itself, as the retention job) and in which role
    Column("actor", Integer),
    Column("role", String(20), nullable=False),
    #: whose data it was
    Column("subject", Integer, index=True),
    Column("action", String(40), nullable=False),
    #: what it was done to: "case:12", "account:3", "export"
    Column("target", String(100)),
    # no RETURNING on insert: someone may write a line they may not read (a counsellor's
    # read of a student's case is the student's line), and PostgreSQL checks a returned row
    # against the reading policy
    implicit_returning=False,
)

#: a follow-up's reminder by e-mail (a job of `sopan worker`): claimed ('sending') before the
#: mail goes, settled after ('sent', 'failed'; 'unknown' when a worker died while sending,
#: so it is never sent twice; 'skipped' when consent was withdrawn or the follow-up done)
reminders = Table(
    "reminders",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column(
        "follow_up_id",
        Integer,
        ForeignKey("follow_ups.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("state", String(20), nullable=False),
    Column("message_id", String(998)),
    Column("created_at", STAMP, nullable=False),
    Column("settled_at", STAMP),
    UniqueConstraint("follow_up_id", name="uq_reminder_follow_up"),
)

#: a student's mailbox, scanned for new invitations by a job of `sopan worker`: the password
#: only sealed (`hosted.mailkey`), the key never in the database
mailboxes = Table(
    "mailboxes",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column("host", String(255), nullable=False),
    Column("port", Integer, nullable=False),
    Column("security", String(10), nullable=False),
    Column("username", String(320), nullable=False),
    Column("folder", String(500), nullable=False),
    Column("secret", LargeBinary, nullable=False),
    Column("created_at", STAMP, nullable=False),
    #: the last scan: when it ended, how many new messages it looked at, what stopped it
    Column("scanned_at", STAMP),
    Column("looked", Integer),
    Column("error", String(80)),
    UniqueConstraint("owner", "host", "username", "folder", name="uq_mailbox"),
)

#: a student's calendar: an uploaded .ics (`url` empty) or an https address with the copy
#: last fetched; read by the plan for the student's alternatives, never a path
student_calendars = Table(
    "student_calendars",
    metadata,
    Column("id", Integer, primary_key=True),
    _account("owner"),
    Column("name", String(200), nullable=False),
    Column("url", String(2000)),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", STAMP, nullable=False),
    Column("fetched_at", STAMP),
)
