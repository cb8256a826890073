"""The hosted mode's mailboxes: a student's IMAP settings, scanned for new invitations by a
job of `sopan worker`. The password is kept only sealed (Fernet, with a key from the
environment of the web and worker processes, never in the database: docs/hosting.md). A
student's row, kept to its owner by row-level security on PostgreSQL as the other students'
tables are (0004).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)
LOCAL = "current_setting('sopan.hosted', true) IS DISTINCT FROM 'on'"
ME = "NULLIF(current_setting('sopan.account', true), '')::integer"
SYSTEM = "current_setting('sopan.role', true) = 'system'"


def upgrade() -> None:
    """The table, and on PostgreSQL its owner by default and its policy."""
    op.create_table(
        "mailboxes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "owner",
            sa.Integer,
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer, nullable=False),
        sa.Column("security", sa.String(10), nullable=False),
        sa.Column("username", sa.String(320), nullable=False),
        sa.Column("folder", sa.String(500), nullable=False),
        sa.Column("secret", sa.LargeBinary, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("scanned_at", STAMP),
        sa.Column("looked", sa.Integer),
        sa.Column("error", sa.String(80)),
        sa.UniqueConstraint("owner", "host", "username", "folder", name="uq_mailbox"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE mailboxes ALTER COLUMN owner SET DEFAULT {ME}")
        op.execute("ALTER TABLE mailboxes ENABLE ROW LEVEL SECURITY")
        op.execute("ALTER TABLE mailboxes FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY scoped ON mailboxes USING ({LOCAL} OR {SYSTEM} OR owner = {ME}) "
            f"WITH CHECK ({LOCAL} OR {SYSTEM} OR owner = {ME})"
        )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("mailboxes")
