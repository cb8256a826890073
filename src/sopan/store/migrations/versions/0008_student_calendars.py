"""The hosted mode's calendars: a student's uploaded .ics files and https addresses (with the
copy last fetched), read by the plan for the student's alternatives. Kept in the database,
never on the server's disk, and no row names a path. A student's row under row-level
security, as the other students' tables are (0004).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)
LOCAL = "current_setting('sopan.hosted', true) IS DISTINCT FROM 'on'"
ME = "NULLIF(current_setting('sopan.account', true), '')::integer"
SYSTEM = "current_setting('sopan.role', true) = 'system'"


def upgrade() -> None:
    """The table, and on PostgreSQL its owner by default and its policy."""
    op.create_table(
        "student_calendars",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "owner",
            sa.Integer,
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("fetched_at", STAMP),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE student_calendars ALTER COLUMN owner SET DEFAULT {ME}")
        op.execute("ALTER TABLE student_calendars ENABLE ROW LEVEL SECURITY")
        op.execute("ALTER TABLE student_calendars FORCE ROW LEVEL SECURITY")
        op.execute(
            "CREATE POLICY scoped ON student_calendars USING "
            f"({LOCAL} OR {SYSTEM} OR owner = {ME}) "
            f"WITH CHECK ({LOCAL} OR {SYSTEM} OR owner = {ME})"
        )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("student_calendars")
