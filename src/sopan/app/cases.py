"""A person's cases in the web app: one per invitation they brought, kept in the store for
the browser that made it, with everything they typed and chose for it; the drafts kept for
sending; sending, saving to Drafts, marking a chat or a call done; the follow-ups.

A browser is known by a random identity it holds in a cookie; the store keeps only its
digest (`owner_of`), and every use case here takes the identity and finds only that
browser's cases: another browser's case is as absent as one that never was.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sopan.app.planning import Choices
from sopan.errors import UserError

if TYPE_CHECKING:
    from sopan.app.drafting import Reviewed
    from sopan.app.outbox import SendResult
    from sopan.app.planning import PlanResult
    from sopan.config import Config
    from sopan.model import Draft, Invitation
    from sopan.store import CaseRow, FollowUp, Record

State = Literal["read", "drafted", "sent", "follow_up", "closed"]


def new_identity() -> str:
    """A new browser identity: 32 random bytes, as the cookie holds them."""
    return secrets.token_urlsafe(32)


def owner_of(browser: str) -> str:
    """The digest the store keeps for a browser identity (the identity itself is never
    stored, so the database holds nothing a browser could present)."""
    return hashlib.sha256(browser.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class CaseInputs:
    """What the person gave and chose for one invitation, exactly as they gave it."""

    #: facts set or corrected, field → the value as typed
    corrections: Mapping[str, str] = field(default_factory=dict)
    confirmed: bool = False
    choices: Choices | None = None
    #: the drafts as edited, channel → text
    edits: Mapping[str, str] = field(default_factory=dict)
    #: "old": an old message the person will not answer
    closed: str | None = None

    def to_json(self) -> dict[str, Any]:
        """As the store keeps it."""
        return {
            "corrections": dict(self.corrections), "confirmed": self.confirmed,
            "choices": asdict(self.choices) if self.choices else None,
            "edits": dict(self.edits), "closed": self.closed,
        }  # fmt: skip

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> CaseInputs:
        """From what the store keeps (a key it does not know is left out)."""
        chosen = raw.get("choices")
        choices = None
        if isinstance(chosen, Mapping):
            names = {f.name for f in fields(Choices)}
            values: dict[str, Any] = {
                k: tuple(v) if isinstance(v, list) else v for k, v in chosen.items() if k in names
            }
            choices = Choices(**values)
        return cls(
            {str(k): str(v) for k, v in dict(raw.get("corrections") or {}).items()},
            bool(raw.get("confirmed")), choices,
            {str(k): str(v) for k, v in dict(raw.get("edits") or {}).items()},
            raw.get("closed"),
        )  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One case: the invitation as given, what the person gave for it, and its kept drafts
    (the store's invitation, once kept for sending)."""

    key: str
    source: str
    data: bytes
    created_at: datetime
    updated_at: datetime
    inputs: CaseInputs
    invitation_id: int | None


def _case(row: CaseRow) -> Case:
    return Case(row.key, row.source, row.data, row.created_at, row.updated_at,
                CaseInputs.from_json(row.state), row.invitation_id)  # fmt: skip


def new_case_for(browser: str, data: bytes, source: str, now: datetime) -> Case:
    """A new case for this browser, at a new unguessable address."""
    from sopan.app.base import the_store

    row = the_store().new_case(owner=owner_of(browser), key=secrets.token_urlsafe(12),
                           source=source[:200], data=data, now=now,
                           state=CaseInputs().to_json())  # fmt: skip
    return _case(row)


def case_for(browser: str, key: str) -> Case | None:
    """This browser's case at `key`, or None (never another browser's)."""
    from sopan.app.base import the_store

    row = the_store().browser_case(owner_of(browser), key)
    return _case(row) if row is not None else None


def update_case_for(
    browser: str, key: str, inputs: CaseInputs, now: datetime, read: Invitation | None = None
) -> None:
    """Keep what the person gave; `read`: the invitation as now read, for the list."""
    from sopan.app.base import the_store

    summary = (read.company, read.position, read.start) if read is not None else None
    if not the_store().save_case(owner_of(browser), key, now=now, state=inputs.to_json(),
                             summary=summary):  # fmt: skip
        raise UserError("case.not_in_this_browser")


def forget_case_for(browser: str, key: str) -> bool:
    """Delete this browser's case (what was sent stays in the history)."""
    from sopan.app.base import the_store

    return the_store().forget_case(owner_of(browser), key)


@dataclass(frozen=True)
class CaseLine:
    """A case as the first page lists it."""

    key: str
    company: str | None
    position: str | None
    start: datetime | None
    created_at: datetime
    state: State
    follow_up: datetime | None


def cases_for(browser: str, now: datetime, limit: int | None = None) -> tuple[list[CaseLine], int]:
    """This browser's cases, the most urgent first (the store's order: a follow-up that is
    due, then the interviews still to come and not yet answered, soonest first, then the
    rest, newest first), the first `limit` of them; and how many there are."""
    from sopan.app.base import the_store
    from sopan.store.cases import ANSWERED

    lines = []
    found, total = the_store().cases_of(owner_of(browser), now, limit)
    for c in found:
        answered = any(s in ANSWERED for s in c.outbox.values()) or c.done
        state: State = "read"
        if c.closed:
            state = "closed"
        elif c.follow_up is not None and c.follow_up <= now:
            state = "follow_up"
        elif answered:
            state = "sent"
        elif c.invitation_id is not None:
            state = "drafted"
        lines.append(CaseLine(c.key, c.company, c.position, c.start, c.created_at, state,
                              c.follow_up))  # fmt: skip
    return lines, total


# --- the drafts kept for sending -----------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """A case's kept drafts: each with its outbox state, the channels marked done, the
    follow-ups and the events; `frozen` once the email was taken to send (its drafts no
    longer change, so what is sent is what was reviewed, and never two emails)."""

    invitation_id: int
    record: Record
    done: frozenset[str]

    @property
    def frozen(self) -> bool:
        """Whether the email was taken for sending (sending, sent, or an unknown outcome)."""
        return any(d.state in ("sending", "sent", "unknown") for d in self.record.drafts)

    def state(self, channel: str) -> str:
        """The channel's state: the outbox's for email ("draft", "sent", …), "done" for a
        channel the person said they sent, else "draft"."""
        if channel in self.done:
            return "done"
        found = next((d for d in self.record.drafts if d.channel == channel), None)
        return found.state if found is not None else "draft"


def _mailed(channel: str) -> bool:
    """Whether a channel's draft is an email sopan can send and save (an .eml file)."""
    from sopan.model.channels import registry

    found = registry().get(channel)
    return found is not None and found.format == "eml"


def email_of(kept: Kept) -> tuple[str, list[dict[str, Any]]]:
    """The kept email's recipient as it will be addressed, and its lint errors."""
    from sopan.app.base import the_store

    found = next((d for d in the_store().drafts_of(kept.invitation_id) if _mailed(d.channel)), None)
    if found is None:
        return "", []
    errors = [f for f in found.lint.get("findings", []) if f.get("level") == "error"]
    return found.recipient or "", errors


def kept_for(invitation_id: int) -> Kept:
    """What became of a case's kept drafts."""
    from sopan.app.base import the_store

    record = the_store().show(invitation_id)
    done = frozenset(e.detail or "" for e in record.events if e.kind == "done")
    return Kept(invitation_id, record, done)


def keep_case_for(
    browser: str, key: str, planned: PlanResult, reviewed: Sequence[Reviewed], now: datetime
) -> Kept:
    """Keep the case's drafts as reviewed, for sending and saving: the first time as a new
    invitation of the store, later as a new decision when a text changed. Once the email
    was taken for sending nothing changes (what was sent stays what was reviewed)."""
    from sopan.app.drafting import export_for
    from sopan.app.keeping import keep

    case = case_for(browser, key)
    if case is None:
        raise UserError("case.not_in_this_browser")
    if case.invitation_id is not None:
        kept = kept_for(case.invitation_id)
        same = {(d.channel, d.text) for d in kept.record.drafts} == {
            (r.draft.channel, r.draft.text) for r in reviewed
        }
        if kept.frozen or same:
            return kept
    drafts = [r.draft for r in reviewed]
    built = export_for(planned, drafts, now)
    invitation_id = keep(planned, drafts, [r.report for r in reviewed], built,
                         source=f"web:{key}", now=now,
                         invitation_id=case.invitation_id)  # fmt: skip
    if case.invitation_id is None:
        from sopan.app.base import the_store

        the_store().save_case(owner_of(browser), key, now=now, invitation_id=invitation_id)
    return kept_for(invitation_id)


def send_case_for(
    kept: Kept, now: datetime, force: bool = False, config: Config | None = None
) -> SendResult:
    """Send the case's kept email once (the page asked first: this is the person's yes)."""
    from sopan.app.outbox import SendRequest, send_for

    mailed = next((d.channel for d in kept.record.drafts if _mailed(d.channel)), None)
    if mailed is None:
        raise UserError("case.no_email_draft", field="send")
    return send_for(SendRequest(kept.invitation_id, now, mailed, yes=True, force=force,
                                config=config))  # fmt: skip


def mark_done_for(kept: Kept, channel: str, now: datetime, language: str) -> None:
    """The person sent this chat, text or LinkedIn note, or made the call, themselves: it
    is recorded, its own follow-up is done, and the follow-ups are noted the first time
    a reply goes out (R7, C3)."""
    from sopan.app.base import the_store
    from sopan.app.outbox import note_follow_ups

    draft = next((d for d in kept.record.drafts if d.channel == channel), None)
    if draft is None or _mailed(channel):  # an email goes through the outbox, not by a word
        raise UserError("case.no_draft", field="done")
    store = the_store()
    if channel not in kept.done:
        store.log("done", now=now, invitation_id=kept.invitation_id, draft_id=draft.id,
                  detail=channel)  # fmt: skip
    if not kept.record.follow_ups:
        channels = {d.channel for d in kept.record.drafts} - kept.done - {channel}
        note_follow_ups(store, kept.invitation_id, channels, now, language)
    for item in store.follow_ups([kept.invitation_id]):
        if item.kind == channel:
            store.follow_up_done(item.id, kept.invitation_id, now=now)


def follow_up_done_for(kept: Kept, follow_up_id: int, now: datetime) -> bool:
    """One follow-up of the case done."""
    from sopan.app.base import the_store

    return the_store().follow_up_done(follow_up_id, kept.invitation_id, now=now)


def follow_ups_of(kept: Kept) -> list[FollowUp]:
    """The case's follow-ups still to do, soonest first."""
    from sopan.app.base import the_store

    return the_store().follow_ups([kept.invitation_id])


def save_draft_for(kept: Kept, config: Config | None = None) -> tuple[str, bool]:
    """The kept email in the mailbox's Drafts folder, once: (the folder, put now)."""
    from sopan.app.outbox import save_for

    return save_for(kept.invitation_id, config)


def unsent(message: bytes) -> bytes:
    """An email file that opens as a draft ready to send (Outlook and Thunderbird read
    `X-Unsent: 1`); the copy that is sent never carries it."""
    return b"X-Unsent: 1\r\n" + message


def download_for(
    planned: PlanResult, drafts: Sequence[Draft], kept: Kept | None, now: datetime
) -> dict[str, bytes]:
    """Every file to take away, by name: the email as kept (the Message-ID it is sent
    with) and marked unsent, the others as built from the drafts now."""
    from sopan.app.base import the_store
    from sopan.app.drafting import export_for
    from sopan.model.channels import registry

    files = dict(export_for(planned, drafts, now))
    kept_files = the_store().drafts_of(kept.invitation_id) if kept is not None else []
    for spec in registry().specs:
        if spec.format != "eml" or spec.file not in files:
            continue
        stored = next((d for d in kept_files if d.channel == spec.name), None)
        if stored is not None and stored.file is not None:
            files[spec.file] = stored.file
        files[spec.file] = unsent(files[spec.file])
    return files


@dataclass(frozen=True)
class Links:
    """The links that open another app with a draft: mail, WhatsApp, the phone."""

    mailto: str | None = None
    whatsapp: str | None = None
    tel: str | None = None


def links_for(planned: PlanResult, drafts: Sequence[Draft]) -> Links:
    """A mailto: link with the email, a wa.me link with the WhatsApp text (a valid mobile
    number only), a tel: link to the recruiter's number."""
    from urllib.parse import quote

    from sopan.compose.links import whatsapp_link
    from sopan.language.phones import e164
    from sopan.model.channels import registry
    from sopan.plan import recipient_email

    inv, profile = planned.invitation, planned.profile
    known = registry()
    mailto = wa = tel = None
    for draft in drafts:  # each draft's link, of the kind its channel's spec names
        kind = known.spec(draft.channel).link
        to = recipient_email(inv)
        if kind == "mailto" and mailto is None and to:
            query = f"subject={quote(draft.subject or '')}&body={quote(draft.text)}"
            mailto = f"mailto:{quote(to, safe='@')}?{query}"
        elif kind == "whatsapp" and wa is None:
            wa = whatsapp_link(inv.contact.phone, draft.text, profile.country)
        elif kind == "tel" and tel is None and inv.contact.phone:
            number = e164(inv.contact.phone, profile.country)
            tel = f"tel:{number}" if number else None
    return Links(mailto, wa, tel)
