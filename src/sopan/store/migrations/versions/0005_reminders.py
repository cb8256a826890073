"""The hosted mode's reminders: one row per follow-up reminded by e-mail, claimed before the
mail goes, so a worker that dies while sending never sends it twice. A student's row, kept to
its owner by row-level security on PostgreSQL as the other students' tables are (0004).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)
LOCAL = "current_setting('sopan.hosted', true) IS DISTINCT FROM 'on'"
ME = "NULLIF(current_setting('sopan.account', true), '')::integer"
SYSTEM = "current_setting('sopan.role', true) = 'system'"


def upgrade() -> None:
    """The table, and on PostgreSQL its policy."""
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "owner",
            sa.Integer,
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "follow_up_id",
            sa.Integer,
            sa.ForeignKey("follow_ups.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("message_id", sa.String(998)),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("settled_at", STAMP),
        sa.UniqueConstraint("follow_up_id", name="uq_reminder_follow_up"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE reminders ENABLE ROW LEVEL SECURITY")
        op.execute("ALTER TABLE reminders FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY scoped ON reminders USING ({LOCAL} OR {SYSTEM} OR owner = {ME}) "
            f"WITH CHECK ({LOCAL} OR {SYSTEM} OR owner = {ME})"
        )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("reminders")
