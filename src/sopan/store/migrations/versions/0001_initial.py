"""The first tables: invitations, decisions, drafts, outbox, contacts, follow-ups, events.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create every table of `sopan.store.schema` as it was at this revision."""
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("message_id", sa.String(998)),
        sa.Column("subject", sa.Text),
        sa.Column("company", sa.String(300)),
        sa.Column("position", sa.String(300)),
        sa.Column("start", STAMP),
        sa.Column("facts", sa.JSON, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "invitation_id",
            sa.Integer,
            sa.ForeignKey("invitations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("situation", sa.JSON, nullable=False),
        sa.Column("plan", sa.JSON, nullable=False),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "decision_id",
            sa.Integer,
            sa.ForeignKey("decisions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("subject", sa.Text),
        sa.Column("message_id", sa.String(998)),
        sa.Column("recipient", sa.String(998)),
        sa.Column("file_name", sa.String(100)),
        sa.Column("file", sa.LargeBinary),
        sa.Column("lint", sa.JSON, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "draft_id",
            sa.Integer,
            sa.ForeignKey("drafts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("message_id", sa.String(998), nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.Column("detail", sa.Text),
        sa.UniqueConstraint("draft_id", name="uq_outbox_draft"),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("invitation_id", sa.Integer, sa.ForeignKey("invitations.id", ondelete="CASCADE")),
        sa.Column("name", sa.String(300)),
        sa.Column("email", sa.String(320)),
        sa.Column("phone", sa.String(50)),
        sa.Column("company", sa.String(300)),
        sa.Column("linkedin", sa.String(500)),
    )
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "invitation_id",
            sa.Integer,
            sa.ForeignKey("invitations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("due_at", STAMP, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("guideline", sa.String(10), nullable=False),
        sa.Column("done_at", STAMP),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("invitation_id", sa.Integer),
        sa.Column("draft_id", sa.Integer),
        sa.Column("detail", sa.Text),
    )


def downgrade() -> None:
    """Drop them, newest first."""
    for table in (
        "events",
        "follow_ups",
        "contacts",
        "outbox",
        "drafts",
        "decisions",
        "invitations",
    ):
        op.drop_table(table)
