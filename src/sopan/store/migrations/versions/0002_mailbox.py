"""The mailbox scan: where each mailbox was read up to, and the raw invitation it found.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """A cursor per mailbox folder and UIDVALIDITY; the raw message of an invitation."""
    op.create_table(
        "mailbox_cursors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account", sa.String(500), nullable=False),
        sa.Column("folder", sa.String(500), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("last_uid", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("account", "folder", name="uq_cursor_folder"),
    )
    with op.batch_alter_table("invitations") as table:
        table.add_column(sa.Column("raw", sa.LargeBinary))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("invitations") as table:
        table.drop_column("raw")
    op.drop_table("mailbox_cursors")
