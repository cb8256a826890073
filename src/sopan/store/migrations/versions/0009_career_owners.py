"""The career tables in the hosted mode: each row a student's (`owner`, as the cases' rows
since 0004), their uniqueness per student (two students watch the same board, and see the
same posting, each their own), and on PostgreSQL the same row-level security as the other
students' tables. In the local mode `owner` stays empty, as before.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LOCAL = "current_setting('sopan.hosted', true) IS DISTINCT FROM 'on'"
ME = "NULLIF(current_setting('sopan.account', true), '')::integer"
SYSTEM = "current_setting('sopan.role', true) = 'system'"
TABLES = ("career_watches", "career_postings", "career_kept", "career_todos")
#: the unique constraints that were the whole database's and are now each student's
UNIQUE = {
    "career_watches": ("uq_career_watch_source", "source"),
    "career_postings": ("uq_career_posting_key", "key"),
}


def upgrade() -> None:
    """An owner on each career table, uniqueness per owner, and the policies."""
    import sqlalchemy as sa

    for name in TABLES:
        with op.batch_alter_table(name) as table:
            table.add_column(sa.Column("owner", sa.Integer))
            table.create_index(f"ix_{name}_owner", ["owner"])
            if name in UNIQUE:
                constraint, column = UNIQUE[name]
                table.drop_constraint(constraint, type_="unique")
                table.create_unique_constraint(constraint, ["owner", column])
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TABLES:
        op.execute(f"ALTER TABLE {name} ALTER COLUMN owner SET DEFAULT {ME}")
        op.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY scoped ON {name} USING ({LOCAL} OR {SYSTEM} OR owner = {ME}) "
            f"WITH CHECK ({LOCAL} OR {SYSTEM} OR owner = {ME})"
        )


def downgrade() -> None:
    """The career tables as 0003 made them."""
    if op.get_bind().dialect.name == "postgresql":
        for name in TABLES:
            op.execute(f"DROP POLICY IF EXISTS scoped ON {name}")
            op.execute(f"ALTER TABLE {name} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")
    for name in TABLES:
        with op.batch_alter_table(name) as table:
            if name in UNIQUE:
                constraint, column = UNIQUE[name]
                table.drop_constraint(constraint, type_="unique")
                table.create_unique_constraint(constraint, [column])
            table.drop_index(f"ix_{name}_owner")
            table.drop_column("owner")
