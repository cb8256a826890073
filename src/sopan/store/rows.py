"""What the store hands back: one typed row per thing kept, each with the JSON the command
line prints for it (`history --json`, `show --json`, `follow-ups --json`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class StoredDraft:
    """A draft as the store keeps it: what to send, exactly as it was reviewed."""

    id: int
    invitation_id: int
    channel: str
    text: str
    subject: str | None
    message_id: str | None
    recipient: str | None
    file_name: str | None
    file: bytes | None
    lint: dict[str, Any]
    interview_start: datetime | None


@dataclass(frozen=True)
class Claim:
    """The outbox row of a draft: its state before this attempt ("new" when there was none),
    and, for "sending", the process that took it (`host:pid`)."""

    draft_id: int
    state: str
    message_id: str
    owner: str | None = None

    def owner_alive(self) -> bool:
        """Whether the process that took the draft is still running on this machine (then
        it is sending now; a dead one left the outcome unknown)."""
        import socket

        host, _, pid = (self.owner or "").rpartition(":")
        if host != socket.gethostname() or not pid.isdigit():
            return False
        from sopan._infra.processes import alive

        return alive(int(pid))


@dataclass(frozen=True)
class HistoryRow:
    """One invitation kept: when, for which job, what was decided and sent, by channel."""

    id: int
    created_at: datetime
    company: str | None
    position: str | None
    start: datetime | None
    action: str | None
    outbox: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """`sopan history --json`'s object."""
        return {
            "id": self.id, "created_at": self.created_at.isoformat(), "company": self.company,
            "position": self.position, "start": _iso(self.start), "action": self.action,
            "outbox": dict(self.outbox),
        }  # fmt: skip


@dataclass(frozen=True)
class DraftState:
    """A kept draft with where it is in the outbox ("draft" when never taken to send)."""

    id: int
    channel: str
    subject: str | None
    text: str
    message_id: str | None
    state: str

    def as_json(self) -> dict[str, Any]:
        """The draft in `sopan show --json`."""
        return {"id": self.id, "channel": self.channel, "subject": self.subject,
                "text": self.text, "message_id": self.message_id, "state": self.state}  # fmt: skip


@dataclass(frozen=True)
class FollowUp:
    """Something to do later (R7, C2.1, C3), with the invitation it is for."""

    id: int
    invitation_id: int
    kind: str
    due_at: datetime
    text: str
    guideline: str
    done: bool = False
    company: str | None = None
    position: str | None = None

    def as_json(self) -> dict[str, Any]:
        """`sopan follow-ups --json`'s object."""
        return {"id": self.id, "invitation_id": self.invitation_id, "kind": self.kind,
                "due_at": self.due_at.isoformat(), "text": self.text,
                "guideline": self.guideline, "company": self.company,
                "position": self.position}  # fmt: skip


@dataclass(frozen=True)
class Event:
    """One line of the event log."""

    at: datetime
    kind: str
    detail: str | None
    draft_id: int | None = None


@dataclass(frozen=True)
class Record:
    """An invitation kept, whole: its facts, drafts, follow-ups and events."""

    id: int
    facts: dict[str, Any]
    drafts: tuple[DraftState, ...]
    follow_ups: tuple[FollowUp, ...]
    events: tuple[Event, ...]

    def as_json(self) -> dict[str, Any]:
        """`sopan show --json`'s object."""
        return {
            "id": self.id,
            "invitation": self.facts,
            "drafts": [d.as_json() for d in self.drafts],
            "follow_ups": [
                {
                    "kind": f.kind,
                    "due_at": f.due_at.isoformat(),
                    "text": f.text,
                    "guideline": f.guideline,
                    "done": f.done,
                }
                for f in self.follow_ups
            ],
            "events": [
                {"at": e.at.isoformat(), "kind": e.kind, "detail": e.detail} for e in self.events
            ],
        }


@dataclass(frozen=True)
class Found:
    """An invitation a mailbox scan kept."""

    id: int
    message_id: str | None
    subject: str | None
    company: str | None
    position: str | None
    start: datetime | None
    facts: dict[str, Any]


@dataclass(frozen=True)
class CaseRow:
    """One case of the web app, whole: the invitation as given and the person's inputs."""

    id: int
    key: str
    created_at: datetime
    updated_at: datetime
    source: str
    data: bytes
    state: dict[str, Any]
    company: str | None
    position: str | None
    start: datetime | None
    invitation_id: int | None


@dataclass(frozen=True)
class CaseSummary:
    """A case as the list of cases shows it: for which job, when, and how far it went."""

    key: str
    created_at: datetime
    updated_at: datetime
    source: str
    company: str | None
    position: str | None
    start: datetime | None
    invitation_id: int | None
    #: each kept channel's outbox state ("sending", "sent", "unknown", "failed")
    outbox: dict[str, str] = field(default_factory=dict)
    #: the channels the person said they sent themselves (a chat, a call)
    done: frozenset[str] = frozenset()
    #: the first follow-up still to do
    follow_up: datetime | None = None
    #: why the person closed it ("old": an old message, not to be answered), None: open
    closed: str | None = None
