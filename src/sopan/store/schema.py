"""The store's tables (SQLAlchemy Core). Their history is in `migrations/` (Alembic): a
change here comes with a new revision there, and the suite checks that the two agree."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: every moment is kept with its offset
STAMP = DateTime(timezone=True)


def _owner() -> Column[int]:
    """`owner`: the account whose data the row is, in hosted mode (`sopan serve`); empty in
    the local, single-person mode. On PostgreSQL it defaults to the account the transaction is
    scoped to (`store.scope`), and row-level security keeps every other account's rows out."""
    return Column("owner", Integer, index=True)


def _belongs_to(parent: str) -> Column[int]:
    """`<parent>_id`: the row it belongs to, deleted with it."""
    return Column(
        f"{parent.removesuffix('s')}_id",
        Integer,
        ForeignKey(f"{parent}.id", ondelete="CASCADE"),
        nullable=False,
    )


#: an invitation read, with every fact and where it came from (`sopan read --json`)
invitations = Table(
    "invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("created_at", STAMP, nullable=False),
    Column("source", String(200), nullable=False),
    Column("message_id", String(998)),
    Column("subject", Text),
    Column("company", String(300)),
    Column("position", String(300)),
    Column("start", STAMP),
    Column("facts", JSON, nullable=False),
    #: the message as received, for an invitation found by `sopan inbox` (revision 0002)
    Column("raw", LargeBinary),
)

#: how far each mailbox folder was read, for its UIDVALIDITY (revision 0002)
mailbox_cursors = Table(
    "mailbox_cursors",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("account", String(500), nullable=False),
    Column("folder", String(500), nullable=False),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("last_uid", BigInteger, nullable=False),
    UniqueConstraint("account", "folder", name="uq_cursor_folder"),
)

#: what the user decided for it: the situation and the plan made from it
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    _belongs_to("invitations"),
    Column("created_at", STAMP, nullable=False),
    Column("action", String(20), nullable=False),
    Column("situation", JSON, nullable=False),
    Column("plan", JSON, nullable=False),
)

#: every draft made, with the bytes of its file; an email's Message-ID is fixed here
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    _belongs_to("decisions"),
    Column("channel", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("subject", Text),
    Column("message_id", String(998)),
    Column("recipient", String(998)),
    Column("file_name", String(100)),
    Column("file", LargeBinary),
    Column("lint", JSON, nullable=False),
    Column("created_at", STAMP, nullable=False),
)

#: one row per draft ever sent or being sent: the unique draft makes a second send fail
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    _belongs_to("drafts"),
    Column("state", String(20), nullable=False),  # sending, sent, unknown, failed
    Column("message_id", String(998), nullable=False),
    Column("updated_at", STAMP, nullable=False),
    Column("detail", Text),
    UniqueConstraint("draft_id", name="uq_outbox_draft"),
)

#: the people met on the way: the recruiter of each invitation
contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("invitation_id", Integer, ForeignKey("invitations.id", ondelete="CASCADE")),
    Column("name", String(300)),
    Column("email", String(320)),
    Column("phone", String(50)),
    Column("company", String(300)),
    Column("linkedin", String(500)),
)

#: what to do later, as the plan's steps say (R7, C2.1, C3)
follow_ups = Table(
    "follow_ups",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    _belongs_to("invitations"),
    Column("kind", String(40), nullable=False),
    Column("due_at", STAMP, nullable=False),
    Column("text", Text, nullable=False),
    Column("guideline", String(10), nullable=False),
    Column("done_at", STAMP),
)

#: what happened, in order: read, decided, drafted, sending, sent, …
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("at", STAMP, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("invitation_id", Integer),
    Column("draft_id", Integer),
    Column("detail", Text),
)

#: the web app's cases: one per invitation a browser brought, and what the person typed and
#: chose for it; `owner` is a digest of the browser's identity (revision 0004)
cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(40), nullable=False),
    Column("owner", String(64), nullable=False, index=True),
    Column("created_at", STAMP, nullable=False),
    Column("updated_at", STAMP, nullable=False),
    Column("source", String(200), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("state", JSON, nullable=False),
    Column("company", String(300)),
    Column("position", String(300)),
    Column("start", STAMP),
    Column("invitation_id", Integer, ForeignKey("invitations.id", ondelete="SET NULL")),
    UniqueConstraint("key", name="uq_case_key"),
)

# the career tables are defined beside their queries (`store/career.py`); importing them here
# puts them on `metadata`, which migrations and the schema check read
from sopan.store import career as _career  # noqa: E402, F401

# the hosted mode's tables share this metadata (imported last: they use STAMP and metadata)
from sopan.store import hosted_schema as _hosted  # noqa: E402, F401
