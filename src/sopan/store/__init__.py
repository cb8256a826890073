"""What sopan remembers, in SQLite (a private file in the user's data folder) or in
PostgreSQL when `SOPAN_DATABASE_URL` names one. The tables are migrated with Alembic.

One part per concern, each a set of methods over the one database (`base.Database`), and
every answer a typed row (`rows`):

    kept        invitations, the decisions made for them and their drafts; the event log
    outbox      one claim per draft before a byte is sent: nothing goes twice
    inbox       the mailbox scan's UID cursors and the invitations it found
    follow_ups  what to do later (R7, C2.1, C3)
    cases       the web app's cases, each kept for the browser that made it
"""

from __future__ import annotations

from sopan.store.base import BUSY_SECONDS, HEAD, StoreError, default_url
from sopan.store.cases import Cases
from sopan.store.follow_ups import FollowUps
from sopan.store.inbox import Inbox
from sopan.store.kept import Kept
from sopan.store.outbox import Outbox
from sopan.store.rows import (
    CaseRow,
    CaseSummary,
    Claim,
    DraftState,
    Event,
    FollowUp,
    Found,
    HistoryRow,
    Record,
    StoredDraft,
)


class Store(Kept, Outbox, Inbox, FollowUps, Cases):
    """The database, migrated to the current schema; every method is one transaction."""


__all__ = [
    "BUSY_SECONDS",
    "HEAD",
    "CaseRow",
    "CaseSummary",
    "Claim",
    "DraftState",
    "Event",
    "FollowUp",
    "Found",
    "HistoryRow",
    "Record",
    "Store",
    "StoreError",
    "StoredDraft",
    "default_url",
]
