"""Career upkeep: the sources watched, the postings seen, what the person kept, their to-dos.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """The four career tables (`sopan.store.career`)."""
    op.create_table(
        "career_watches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.Column("location", sa.String(300)),
        sa.Column("last_run_at", STAMP),
        sa.UniqueConstraint("source", name="uq_career_watch_source"),
    )
    op.create_table(
        "career_postings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("career_watches.id", ondelete="SET NULL")),
        sa.Column("first_seen_at", STAMP, nullable=False),
        sa.Column("last_seen_at", STAMP, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("company", sa.String(300)),
        sa.Column("location", sa.String(300)),
        sa.Column("url", sa.Text),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.UniqueConstraint("key", name="uq_career_posting_key"),
    )
    op.create_table(
        "career_kept",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("kept_at", STAMP, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
    )
    op.create_table(
        "career_todos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("due_at", STAMP, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("guideline", sa.String(10), nullable=False),
        sa.Column("done_at", STAMP),
    )


def downgrade() -> None:
    """Drop them."""
    for table in ("career_todos", "career_kept", "career_postings", "career_watches"):
        op.drop_table(table)
