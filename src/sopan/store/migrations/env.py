"""Alembic's entry point: runs on the connection `sopan.store` hands over (never a URL
from a file, so a password in SOPAN_DATABASE_URL is never written anywhere)."""

from __future__ import annotations

from alembic import context

from sopan.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
