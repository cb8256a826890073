"""What sopan keeps, sending a kept email exactly once, saving drafts, scanning an inbox."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopan.app.base import NO_ASKER, Asker, Question, choice_question, config_of, questions
from sopan.app.reading import MailboxRequest, mailbox_for
from sopan.errors import UserError

if TYPE_CHECKING:
    from sopan.config import Config
    from sopan.deliver import Transport
    from sopan.deliver.imap import Mailbox
    from sopan.store import FollowUp, HistoryRow, Record, Store, StoredDraft


def history_for() -> list[HistoryRow]:
    """Every invitation kept, newest first, with its decision and what was sent."""
    from sopan.app.base import the_store

    return the_store().history()


def show_for(invitation_id: int) -> Record:
    """One invitation kept: its facts, drafts, outbox states, follow-ups and events."""
    from sopan.app.base import the_store

    return the_store().show(invitation_id)


def follow_ups_for() -> list[FollowUp]:
    """What is still to do, soonest first (R7, C2.1, C3)."""
    from sopan.app.base import the_store

    return the_store().follow_ups()


def follow_ups_ics_for(rows: Sequence[FollowUp]) -> bytes:
    """Follow-ups as VTODOs with alarms, for the person's own calendar app."""
    from sopan.ical import follow_ups_ics

    return follow_ups_ics(row.as_json() for row in rows)


@dataclass(frozen=True)
class SendRequest:
    """Send a kept draft: the invitation's id in the store, which channel, and the user's
    word (`yes` skips the question; `force` sends despite lint errors; `resolve` says what
    became of an attempt whose outcome is unknown: "sent" or "failed")."""

    invitation_id: int
    now: datetime
    channel: str = "email"
    yes: bool = False
    force: bool = False
    resolve: str | None = None
    config: Config | None = None


@dataclass(frozen=True)
class SendResult:
    """What became of the draft: "sent", or "resolved" (the user said what happened)."""

    state: str
    message_id: str
    recipient: str
    follow_ups: int = 0


def send_for(
    req: SendRequest, asker: Asker = NO_ASKER, transport: Transport | None = None
) -> SendResult:
    """Send one kept email draft exactly once.

    Refused: a channel sopan cannot send, a draft for an interview already past, lint errors
    (unless `force`), and a draft already sent or whose last attempt has an unknown outcome
    (never retried by itself: the user says what happened, with `resolve`). The outbox row is
    committed before the first byte goes out and settled when the server answers."""
    from sopan._infra.faults import crash_point
    from sopan.app.base import the_store
    from sopan.deliver import NotSent, OutcomeUnknown
    from sopan.model.channels import registry
    from sopan.store import StoreError

    sent_by_mail = registry().get(req.channel)
    if sent_by_mail is None or sent_by_mail.format != "eml":
        raise UserError("send.email_only", field="channel", channel=sent_by_mail or req.channel)
    store = the_store()
    kept = store.drafts_of(req.invitation_id)
    draft = next((d for d in kept if d.channel == req.channel), None)
    if draft is None or draft.file is None or not draft.message_id:
        raise UserError("send.no_draft", id=req.invitation_id)
    if req.resolve is not None:
        return _resolve(store, draft, req)
    if draft.interview_start is not None and draft.interview_start <= req.now:
        raise UserError("send.stale")
    errors = [f for f in draft.lint.get("findings", []) if f.get("level") == "error"]
    if errors and not req.force:
        first = errors[0]["message"]
        raise UserError("send.lint_errors", field="force", count=len(errors), first=first)
    recipient = draft.recipient or ""
    config = config_of(req.config)
    chosen = transport
    if chosen is None:
        from sopan.deliver.smtp import SmtpTransport, smtp_password, smtp_settings

        # a missing or bad [smtp] table stops before the outbox is touched
        settings = smtp_settings(config)
        chosen = SmtpTransport(settings, smtp_password(settings))
    language = config.profile.language
    q = questions(language)
    if not req.yes:
        shown = f"{q['send'].format(to=recipient, subject=draft.subject or '')}\n\n{draft.text}\n"
        answer = asker.ask(choice_question("send", shown, ("yes", "no"), language, "no"))
        if answer is None:
            raise UserError("send.nobody_to_ask", field="yes")
        if answer != "yes":
            raise UserError("send.declined")
    claim = store.claim(draft, now=req.now)
    if claim.state == "sending" and claim.owner_alive():
        raise UserError("send.in_progress", owner=claim.owner)
    if claim.state in ("sending", "unknown") and _in_sent(config, draft.message_id):
        # the provider filed it: it went, whatever the last attempt heard
        store.settle(draft, "sent", now=req.now, detail="found in the Sent folder")
        claim = replace(claim, state="sent")
    if claim.state == "sent":
        raise UserError("send.already_sent", message_id=draft.message_id)
    if claim.state in ("sending", "unknown"):
        # only the user can say what became of it; in a terminal, ask
        said = asker.ask(Question("resolve", q["send_unknown"].format(id=draft.message_id),
                                  ("sent", "failed"), None, (q["sent"], q["failed"])))  # fmt: skip
        if said == "sent":
            store.settle(draft, "sent", now=req.now, detail="the user said so")
            raise UserError("send.recorded_sent", message_id=draft.message_id)
        if said == "failed":
            store.settle(draft, "failed", now=req.now, detail="the user said so")
            claim = store.claim(draft, now=req.now)
    if claim.state in ("sending", "unknown"):
        # the person looks in their Sent folder, then says which with --resolve
        raise UserError("send.outcome_unknown", field="resolve", message_id=draft.message_id)
    crash_point("after-claim")
    sender = config.profile.email or ""
    try:
        chosen.send(draft.file, sender, _addresses(recipient))
    except NotSent as exc:
        store.settle(draft, "failed", now=req.now, detail=str(exc))
        raise
    except OutcomeUnknown as exc:
        store.settle(draft, "unknown", now=req.now, detail=str(exc))
        raise
    crash_point("after-accept")
    try:
        store.settle(draft, "sent", now=req.now)
    except StoreError as exc:
        # the server has the e-mail: say so, and how to record it, never just "store: …"
        raise StoreError(
            "store.sent_not_recorded",
            message_id=draft.message_id,
            why=exc.text("en").removeprefix("store: "),
            command=f"sopan send {req.invitation_id} --resolve sent",
        ) from None
    crash_point("after-settle")
    _file_in_sent(config, draft, store, req.now)
    channels = {d.channel for d in kept}
    count = note_follow_ups(store, req.invitation_id, channels, req.now, config.profile.language)
    return SendResult("sent", draft.message_id, recipient, count)


def _addresses(header: str) -> list[str]:
    from email.utils import getaddresses

    return [address for _, address in getaddresses([header]) if address]


def _resolve(store: Store, draft: StoredDraft, req: SendRequest) -> SendResult:
    """The user's word on an attempt whose outcome was unknown."""
    if req.resolve not in ("sent", "failed"):
        raise UserError(
            "choice.not_one_of", field="resolve", value=req.resolve, choices=("sent", "failed")
        )
    state = store.outbox_state(draft.id)
    if state not in ("sending", "unknown"):
        known = {"sent": "send.resolve_sent", "failed": "send.resolve_failed"}
        code = known.get(state, "send.resolve_never_sent")
        raise UserError(code, field="resolve")
    store.settle(draft, req.resolve, now=req.now, detail="the user said so")
    return SendResult("resolved", draft.message_id or "", draft.recipient or "")


def note_follow_ups(
    store: Store, invitation_id: int, drafted: set[str], now: datetime, language: str
) -> int:
    """Keep the follow-ups of a sent reply (`follow_up_items`); how many."""
    items = follow_up_items(drafted, now, language)
    store.add_follow_ups(invitation_id, items)
    return len(items)


def follow_up_items(
    drafted: set[str], now: datetime, language: str
) -> list[tuple[str, datetime, str, str]]:
    """The follow-ups after a reply is sent, as (kind, due, text, guideline): a check for an
    answer after three working days (R7), and the LinkedIn request when the plan has a
    LinkedIn note (C3)."""
    q = questions(language)
    due = now
    added = 0
    while added < 3:
        due += timedelta(days=1)
        if due.weekday() < 5:
            added += 1
    from sopan.model.channels import registry

    items = [("check_answer", due, q["follow_check"], "R7")]
    for spec in registry().of_kind("chat"):  # C2.1: the call and the email, then a text
        if spec.name in drafted:
            label = spec.label_in(language)
            items.append((spec.name, now, q["follow_text"].format(channel=label), "C2.1"))
    for spec in registry().with_role("connect"):
        if spec.name in drafted:
            items.append((spec.name, now + timedelta(days=1), q["follow_linkedin"], "C3"))
    return items


def _mailbox(config: Config) -> Mailbox | None:
    """The configured IMAP mailbox, not yet connected (None when there is no [imap])."""
    from sopan.deliver.imap import Mailbox, imap_password, imap_settings

    settings = imap_settings(config)
    return Mailbox(settings, imap_password(settings)) if settings else None


def _in_sent(config: Config, message_id: str | None) -> bool:
    """Whether the Sent folder of the configured mailbox holds this Message-ID."""
    box = _mailbox(config)
    if box is None or not message_id:
        return False
    with box as open_box:
        return open_box.has(open_box.special("Sent"), message_id)


def _file_in_sent(config: Config, draft: StoredDraft, store: Store, now: datetime) -> None:
    """A copy in Sent, unless the provider filed one already (never two copies); a mailbox
    that fails here costs only the copy: the message is sent and recorded."""
    from sopan.errors import SopanError

    box = _mailbox(config)
    if box is None or draft.file is None or not draft.message_id:
        return
    try:
        with box as open_box:
            put = open_box.put_once(open_box.special("Sent"), draft.file, draft.message_id,
                                    draft=False)  # fmt: skip
        store.log("filed in Sent" if put else "already in Sent", now=now,
                  invitation_id=draft.invitation_id, draft_id=draft.id)  # fmt: skip
    except SopanError as exc:
        store.log("not filed in Sent", now=now, invitation_id=draft.invitation_id,
                  draft_id=draft.id, detail=str(exc))  # fmt: skip


def save_for(invitation_id: int, config: Config | None = None) -> tuple[str, bool]:
    """Put the kept email draft in the mailbox's Drafts folder (flagged \\Draft), once:
    (the folder, whether it was put there now rather than found there)."""
    from sopan.app.base import the_store

    chosen = config_of(config)
    box = _mailbox(chosen)
    if box is None:
        raise UserError("save.no_imap", field="config.imap.host")
    from sopan.model.channels import registry

    known = registry()
    kept = the_store().drafts_of(invitation_id)
    draft = next((d for d in kept if getattr(known.get(d.channel), "format", "") == "eml"), None)
    if draft is None or draft.file is None or not draft.message_id:
        raise UserError("send.no_draft", id=invitation_id)
    with box as open_box:
        folder = open_box.special("Drafts")
        return folder, open_box.put_once(folder, draft.file, draft.message_id, draft=True)


@dataclass(frozen=True)
class InboxRequest:
    """A mailbox to scan: an IMAP address (`imaps://USER@HOST`), or a file or Maildir."""

    now: datetime
    imap: str | None = None
    path: Path | None = None
    folder: str = "INBOX"
    config: Config | None = None


@dataclass(frozen=True)
class InboxRow:
    """One invitation in the mailbox: how urgent, whether answered, and how to answer."""

    id: int | None
    subject: str | None
    company: str | None
    start: datetime | None
    hours_left: float | None
    answered: bool
    command: str


def inbox_for(req: InboxRequest, progress: Callable[[int], None] | None = None) -> list[InboxRow]:
    """The interview invitations in a mailbox, most urgent first. An IMAP folder is read
    from where the last scan stopped (a UID cursor per UIDVALIDITY) and opened read-only;
    what it found is kept, so a second scan reads only new mail."""
    from sopan.app.base import the_store

    config = config_of(req.config)
    tz = config.profile.timezone
    if req.imap is None:
        if req.path is None:
            raise UserError("inbox.no_source", field="imap")
        found = mailbox_for(MailboxRequest(req.path, req.now, config))
        answered = the_store().sent_replies([i.message_id for i in found if i.message_id])
        rows = [
            InboxRow(None, i.subject, i.company, i.start, _left(i.start, req.now),
                     i.message_id in answered, f"sopan draft {req.path} --set company=…")
            for i in found
        ]  # fmt: skip
        return _urgent_first(rows)
    from sopan.deliver.imap import Mailbox, imap_password, settings_from_url

    settings = settings_from_url(req.imap, config)
    store = the_store()
    with Mailbox(settings, imap_password(settings)) as box:
        prefix = scan_folder(box, store, settings.account, req.folder, now=req.now, tz=tz,
                             progress=progress).prefix  # fmt: skip
        kept = store.found_in(prefix)
        ids = [k.message_id for k in kept if k.message_id]
        replied = box.replies_to(box.special("Sent"), ids) | store.sent_replies(ids)
    rows = [
        InboxRow(k.id, k.subject, k.company, k.start, _left(k.start, req.now),
                 k.message_id in replied, f"sopan draft store:{k.id}")
        for k in kept
    ]  # fmt: skip
    return _urgent_first(rows)


@dataclass(frozen=True)
class Scanned:
    """What one scan of a folder did: how many new messages it looked at, the ids of the
    invitations it kept (found again, the one kept before), and their sources' prefix."""

    looked: int
    found: tuple[int, ...]
    prefix: str


def scan_folder(
    box: Any, store: Any, account: str, folder: str, *, now: datetime, tz: str,
    progress: Callable[[int], None] | None = None,
) -> Scanned:  # fmt: skip
    """Read a folder's new mail for invitations (the one scan, of `sopan inbox` and of the
    hosted mode's job), from where the last scan stopped (a UID cursor per UIDVALIDITY):
    batch by batch, each looked at headers and structure first and read whole only when it
    may be an invitation (`Mailbox.likely_invitations`); the invitations of a batch and
    the cursor past it are kept in one transaction (`Inbox.keep_scanned`), so a scan cut
    short anywhere loses nothing and keeps nothing twice. The server is asked for the next
    batch's first look while a batch is read (`Mailbox.ask_ahead`), and a batch is kept while
    the next is read (one transaction at a time, in order): neither the server's work nor the
    database's wait for its disk is the scan's."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from sopan._infra.faults import crash_point
    from sopan.deliver.imap import BATCH
    from sopan.model.contracts import invitation_json
    from sopan.read.mailbox import invitation_in

    prefix = f"imap:{account}/{folder}#"
    validity, _next = box.state(folder)
    after = store.cursor(account, folder, validity)
    uids = box.uids_after(folder, after)
    found: list[int] = []
    keeping: tuple[Future[list[int]], int] | None = None

    def kept_so_far() -> None:
        """The batch being kept, once it is: its invitations' ids, and how far the scan is."""
        if keeping is not None:
            future, done = keeping
            found.extend(future.result())
            crash_point("scan-after-batch")
            if progress is not None:
                progress(done)

    # its own thread keeps, so that a batch's transaction waits while the next is read; one
    # at a time, each after the one before (a failure stops the scan at the next batch), and
    # the last one waited for even when reading fails
    with ThreadPoolExecutor(1, thread_name_prefix="sopan-scan-keep") as keeper:
        for start in range(0, len(uids), BATCH):
            batch = uids[start : start + BATCH]
            kept = []
            likely = list(box.likely_invitations(batch))
            # the server prepares the next batch's first look while this one is read
            box.ask_ahead(uids[start + BATCH : start + 2 * BATCH])
            for uid, raw, seen in likely:
                inv = invitation_in(raw, now=now, user_tz=tz, seen=seen)
                if inv is not None:
                    kept.append({"facts": invitation_json(inv), "source": f"{prefix}{uid}",
                                 "raw": raw, "subject": inv.subject})  # fmt: skip
            kept_so_far()
            keeping = keeper.submit(store.keep_scanned, account, folder, validity, batch[-1],
                                    kept, now=now), start + len(batch)  # fmt: skip
        kept_so_far()
    if not uids:  # nothing new: the cursor still records the folder's UIDVALIDITY
        store.keep_scanned(account, folder, validity, after, [], now=now)
    return Scanned(len(uids), tuple(found), prefix)


def _left(start: datetime | None, now: datetime) -> float | None:
    return (start - now).total_seconds() / 3600 if start else None


def _urgent_first(rows: list[InboxRow]) -> list[InboxRow]:
    """Unanswered before answered; the soonest still to come first; past and undated last."""

    def key(row: InboxRow) -> tuple[bool, bool, float]:
        left = row.hours_left
        return (row.answered, left is None or left < 0, left if left is not None else 0.0)

    return sorted(rows, key=key)
