"""The hosted mode: accounts, sign-ins, consent, shares, remarks, the centre's settings and
the audit log; an owner on every student's row; on PostgreSQL, row-level security.

The policies keep a hosted connection (one that set `sopan.hosted` to `on`, as every
connection of `sopan serve` and `sopan worker` does) to the rows its transaction's account may
see (`sopan.account`, `sopan.role`, set by `store.scope` at the start of each transaction); a
hosted transaction that set neither sees no student's row. Any other connection (the local
mode's, a migration's, `sopan admin`'s) is not hosted and sees every row, as before. Tables
are FORCEd, so the owner of the tables is held too; superusers pass every policy, so
`sopan serve` must not connect as one (docs/hosting.md).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)
#: the students' tables of the earlier revisions, each given an owner
OWNED = (
    "invitations",
    "mailbox_cursors",
    "decisions",
    "drafts",
    "outbox",
    "contacts",
    "follow_ups",
    "events",
)

# the policies' parts (PostgreSQL)
LOCAL = "current_setting('sopan.hosted', true) IS DISTINCT FROM 'on'"
ME = "NULLIF(current_setting('sopan.account', true), '')::integer"
ROLE = "current_setting('sopan.role', true)"
SYSTEM = f"{ROLE} = 'system'"


def _shared(invitation: str) -> str:
    """Whether the case `invitation` (an SQL expression) is shared now with the account."""
    return (
        f"({ROLE} = 'counsellor' AND EXISTS (SELECT 1 FROM shares s WHERE "
        f"s.invitation_id = {invitation} AND s.counsellor_id = {ME} AND s.revoked_at IS NULL))"
    )


#: table → (who may see a row, who may write one), beside the local mode and `system`
POLICIES: dict[str, tuple[str, str]] = {
    "invitations": (f"owner = {ME} OR {_shared('invitations.id')}", f"owner = {ME}"),
    "decisions": (
        f"owner = {ME} OR {_shared('decisions.invitation_id')}",
        f"owner = {ME}",
    ),
    "drafts": (
        f"owner = {ME} OR ({ROLE} = 'counsellor' AND EXISTS (SELECT 1 FROM decisions d "
        f"WHERE d.id = drafts.decision_id AND {_shared('d.invitation_id')}))",
        f"owner = {ME}",
    ),
    "mailbox_cursors": (f"owner = {ME}", f"owner = {ME}"),
    "outbox": (f"owner = {ME}", f"owner = {ME}"),
    "contacts": (f"owner = {ME}", f"owner = {ME}"),
    "follow_ups": (f"owner = {ME}", f"owner = {ME}"),
    "events": (f"owner = {ME}", f"owner = {ME}"),
    "consents": (f"owner = {ME}", f"owner = {ME}"),
    "shares": (f"owner = {ME} OR counsellor_id = {ME}", f"owner = {ME}"),
    "remarks": (
        f"owner = {ME} OR {_shared('remarks.invitation_id')}",
        f"author_id = {ME} AND {_shared('remarks.invitation_id')}",
    ),
    "audit": (f"subject = {ME} OR {ROLE} = 'auditor'", "true"),
}


def _account(name: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer,
        sa.ForeignKey("accounts.id", ondelete="CASCADE"),
        nullable=nullable,
        index=True,
    )


def _case() -> sa.Column[int]:
    return sa.Column(
        "invitation_id",
        sa.Integer,
        sa.ForeignKey("invitations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    """The tables, the owners, and on PostgreSQL the policies and the audit log's guard."""
    for name in OWNED:
        with op.batch_alter_table(name) as table:
            table.add_column(sa.Column("owner", sa.Integer))
            table.create_index(f"ix_{name}_owner", ["owner"])
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("display_name", sa.String(300)),
        sa.Column("email", sa.String(320)),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("password_hash", sa.String(300)),
        sa.Column("issuer", sa.String(500)),
        sa.Column("subject", sa.String(300)),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("disabled_at", STAMP),
        sa.UniqueConstraint("name", name="uq_account_name"),
        sa.UniqueConstraint("issuer", "subject", name="uq_account_subject"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        _account("account_id"),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.UniqueConstraint("digest", name="uq_session_digest"),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(300), nullable=False, index=True),
        sa.Column("at", STAMP, nullable=False),
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("owner"),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("given_at", STAMP, nullable=False),
        sa.Column("withdrawn_at", STAMP),
    )
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("owner"),
        _case(),
        _account("counsellor_id"),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("revoked_at", STAMP),
    )
    op.create_table(
        "remarks",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("owner"),
        _case(),
        _account("author_id"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("at", STAMP, nullable=False),
    )
    op.create_table(
        "centre_settings",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("file", sa.LargeBinary),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("actor", sa.Integer),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("subject", sa.Integer, index=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(100)),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql()
    else:
        for change in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_append_only_{change.lower()} BEFORE {change} ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


def _postgresql() -> None:
    """Row-level security on the students' tables; the audit log refuses changes."""
    for name in OWNED:
        # a row written in a hosted transaction belongs to its account without being told
        op.execute(f"ALTER TABLE {name} ALTER COLUMN owner SET DEFAULT {ME}")
    for name, (see, write) in POLICIES.items():
        op.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY scoped ON {name} USING ({LOCAL} OR {SYSTEM} OR {see}) "
            f"WITH CHECK ({LOCAL} OR {SYSTEM} OR {write})"
        )
    op.execute(
        "CREATE FUNCTION sopan_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit "
        "FOR EACH STATEMENT EXECUTE FUNCTION sopan_append_only()"
    )


def downgrade() -> None:
    """Drop it all."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_append_only ON audit")
        op.execute("DROP FUNCTION sopan_append_only()")
        for name in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS scoped ON {name}")
            op.execute(f"ALTER TABLE {name} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")
    for name in ("audit", "centre_settings", "remarks", "shares", "consents"):
        op.drop_table(name)
    for name in ("login_failures", "sessions", "accounts"):
        op.drop_table(name)
    for name in OWNED:
        with op.batch_alter_table(name) as table:
            table.drop_index(f"ix_{name}_owner")
            table.drop_column("owner")
