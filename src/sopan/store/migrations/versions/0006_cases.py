"""The web app's cases: one per invitation a browser brought, kept for that browser.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The cases table, found by its key and listed by its owner."""
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("company", sa.String(300)),
        sa.Column("position", sa.String(300)),
        sa.Column("start", sa.DateTime(timezone=True)),
        sa.Column(
            "invitation_id", sa.Integer, sa.ForeignKey("invitations.id", ondelete="SET NULL")
        ),
        sa.UniqueConstraint("key", name="uq_case_key"),
    )
    op.create_index("ix_cases_owner", "cases", ["owner"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_cases_owner", "cases")
    op.drop_table("cases")
