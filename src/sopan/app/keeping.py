"""Keeping drafts for sending: the invitation, the decision and each draft with the file it
goes out as, so that `send` and `save` send exactly what was reviewed (one Message-ID, fixed
when the draft is kept). The local store keeps them (`keep`); the hosted mode keeps the same
values under a student's case (`kept_values`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sopan.app.planning import PlanResult
    from sopan.app.reading import ReadRequest
    from sopan.lint import LintReport
    from sopan.model import Draft


def _rows(
    drafts: Sequence[Draft], reports: Sequence[LintReport], built: Sequence[tuple[str, bytes]]
) -> list[dict[str, Any]]:
    """Each draft as the store keeps it, with its file; an email's Message-ID and recipient
    are read from the file it is sent as."""
    from email import policy
    from email.parser import BytesHeaderParser

    from sopan.model.channels import registry

    known = registry()
    # each channel keeps its last file: a letter its PDF, the one that prints as reviewed
    # (the .docx, written first, is for editing)
    files: dict[str, tuple[str | None, bytes | None]] = {}
    for file_name, file_data in built:
        owner = known.by_file(file_name)
        if owner is not None:
            files[owner.name] = (file_name, file_data)
    rows = []
    for draft, report in zip(drafts, reports, strict=True):
        name, data = files.get(draft.channel, (None, None))
        message_id = recipient = None
        if known.spec(draft.channel).format == "eml" and data is not None:
            # read as text (a UTF-8 address, RFC 6532, is no `Header` object for the store);
            # the head alone: the body (the text, the calendar part) would cost as much again
            head = BytesHeaderParser(policy=policy.SMTPUTF8).parsebytes(data)
            message_id, recipient = (_text(head.get(k)) for k in ("Message-ID", "To"))
        rows.append({
            "channel": draft.channel, "text": draft.text, "subject": draft.subject,
            "message_id": message_id, "recipient": recipient, "file_name": name, "file": data,
            "lint": report.to_json(),
        })  # fmt: skip
    return rows


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _decision(planned: PlanResult) -> dict[str, Any]:
    from sopan.model.contracts import plan_json

    sit = planned.situation
    return {
        "action": planned.plan.action,
        "situation": {"intent": sit.intent, "reason": sit.reason, "interest": sit.interest,
                      "confirmed": sit.confirmed, "detail": sit.detail},
        "plan": plan_json(planned.plan),
    }  # fmt: skip


def _values(
    planned: PlanResult,
    drafts: Sequence[Draft],
    reports: Sequence[LintReport],
    built: Sequence[tuple[str, bytes]],
    *,
    source: str,
    now: datetime,
) -> dict[str, Any]:
    from sopan.model.contracts import invitation_json

    inv = planned.invitation
    contact = {"name": inv.contact.name, "email": inv.contact.email, "phone": inv.contact.phone,
               "company": inv.company, "linkedin": None}  # fmt: skip
    return {
        "facts": invitation_json(inv), "source": source, "drafts": _rows(drafts, reports, built),
        "contact": contact, "now": now, "subject": inv.subject, **_decision(planned),
    }  # fmt: skip


def kept_values(
    planned: PlanResult,
    drafts: Sequence[Draft],
    reports: Sequence[LintReport],
    built: Sequence[tuple[str, bytes]],
    read: ReadRequest,
) -> dict[str, Any]:
    """What the store keeps of a drafted invitation (`Store.record`'s arguments): its facts,
    the decision and each draft with its file (the hosted mode keeps them under a case)."""
    return _values(planned, drafts, reports, built, source=read.source, now=read.now)


def keep(
    planned: PlanResult,
    drafts: Sequence[Draft],
    reports: Sequence[LintReport],
    built: Sequence[tuple[str, bytes]],
    *,
    source: str,
    now: datetime,
    invitation_id: int | None = None,
) -> int:
    """Keep the drafts: a new invitation in the store (`sopan history`), or, for one kept
    before (`invitation_id`), a new decision that replaces the drafts it would send. The
    invitation's id."""
    from sopan.app.base import the_store

    values = _values(planned, drafts, reports, built, source=source, now=now)
    store = the_store()
    if invitation_id is not None:
        store.add_decision(invitation_id, drafts=values["drafts"], now=now, facts=values["facts"],
                     **_decision(planned))  # fmt: skip
        return invitation_id
    return store.record(**values)
