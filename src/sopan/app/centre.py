"""The hosted mode's use cases: a student's case opened from an invitation they pasted,
planned and drafted by the same use cases as the local mode (`read_for`, `plan_for`,
`draft_for`), kept in their own space of the store; and everything kept about them as one
ZIP. Nothing here takes a path from a person: the invitation arrives as bytes, no calendar
source or attachment of the server's disk is ever read for them."""

from __future__ import annotations

import io
import json
import secrets
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sopan.app.drafting import DraftRequest, DraftResult
from sopan.app.planning import Choices, PlanRequest, PlanResult
from sopan.app.reading import ReadRequest
from sopan.compose.letter import Letterhead
from sopan.config import Config
from sopan.config.hosted import CentreSettings
from sopan.errors import UserError
from sopan.hosted.apology import Apology
from sopan.hosted.words import hosted_words, page_language
from sopan.model import Profile
from sopan.store.accounts import Account
from sopan.store.people import People


@dataclass(frozen=True)
class Case:
    """What a plan or a draft of a case starts from: its kept message and its owner."""

    id: int
    data: bytes


def config_for(account: Account, base: Config | None = None) -> Config:
    """The config a student's use cases run with: their own profile (name, e-mail,
    language), and none of the server's settings that name paths or servers."""
    profile = Profile(
        name=account.display_name or account.name, email=account.email,
        language=page_language(account.language),
    )  # fmt: skip
    return Config(profile, {}, None, False)


def open_case(store: People, account: Account, data: bytes, *, now: datetime) -> int:
    """Read a pasted or uploaded invitation and keep it as a new case of `account`; its id.
    A message that is not an invitation is refused as the local mode refuses it."""
    from sopan.app.reading import read_for
    from sopan.model.contracts import invitation_json

    if not data.strip():
        raise UserError("parse.empty", field="text")
    read = read_for(ReadRequest("paste", now, data=data, config=config_for(account)))
    inv = read.invitation
    return store.found(
        facts=invitation_json(inv), source=f"paste:{secrets.token_hex(8)}", raw=data, now=now,
        subject=inv.subject,
    )  # fmt: skip


def case_of(store: People, case_id: int) -> Case:
    """A case this store's scope may see, with its message; absent is 'no such case'."""
    data = store.message_of(case_id)
    if data is None:
        raise UserError("case.not_found", field="case")
    return Case(case_id, data)


#: an address's copy older than this is fetched again (by a job: the plan never waits)
STALE = timedelta(hours=6)
#: how far ahead a calendar given is read to check it
CHECK_WINDOW = timedelta(days=60)


def _plan_request(
    store: People, case: Case, account: Account, choices: Choices, now: datetime
) -> PlanRequest:
    # no attachment and no calendar source: a path is never taken from a person here; the
    # student's own calendars come from the database, as bytes
    from sopan.hosted.jobs import defer_calendar_refresh

    choices = replace(choices, attachments=())
    read = ReadRequest(f"case:{case.id}", now, data=case.data, config=config_for(account))
    held = store.calendars() if store.scope.role == "student" else []
    for stale in [
        c for c in held if c.url and (c.fetched_at is None or now - c.fetched_at > STALE)
    ]:
        store.queue_calendar_refresh(stale.id, defer_calendar_refresh)
    return PlanRequest(read, choices, calendars=(), language=None,
                       held=tuple((c.name, c.data) for c in held))  # fmt: skip


def plan_case(store: People, account: Account, case_id: int, choices: Choices, *,
              now: datetime) -> PlanResult:  # fmt: skip
    """The plan for one of the student's cases, with the student's own calendars."""
    from sopan.app.planning import plan_for

    return plan_for(_plan_request(store, case_of(store, case_id), account, choices, now))


def checked_calendar(name: str, data: bytes, account: Account, *, now: datetime) -> int:
    """Read a calendar as the plan will; how many busy times it has in the weeks ahead. One
    that cannot be read is refused in one line naming it as the student did."""
    from sopan.calendar.sources import load_busy_data

    if not data.strip():
        raise UserError("calendar_upload.empty", field="file")
    found = load_busy_data(name, data, start=now, end=now + CHECK_WINDOW,
                           config=config_for(account))  # fmt: skip
    return len(found)


def add_calendar_upload(
    store: People, account: Account, name: str, data: bytes, *, now: datetime
) -> tuple[int, int]:
    """Keep an uploaded .ics of the student once it was read: (its id, its busy times
    ahead). Its name is only a label (the last part of what the browser sent)."""
    label = (name or "kalender.ics").replace("\\", "/").rpartition("/")[2][:200] or "kalender.ics"
    count = checked_calendar(label, data, account, now=now)
    made = store.add_calendar(name=label, data=data, now=now)
    if made is None:
        raise UserError("calendar.not_found", field="file")
    return made, count


def add_calendar_address(
    store: People, account: Account, address: str, *, inside: tuple[str, ...], now: datetime
) -> tuple[int, int]:
    """Keep a calendar address of the student once it was fetched and read (https only, to
    the public Internet or a server the centre names: `hosted.fetching`): (its id, its busy
    times ahead)."""
    from urllib.parse import urlsplit

    from sopan.hosted.fetching import checked_address, fetch_calendar

    url = checked_address(address, inside)
    data = fetch_calendar(url, inside)
    label = str(urlsplit(url).hostname)
    count = checked_calendar(label, data, account, now=now)
    made = store.add_calendar(name=label, data=data, now=now, url=url)
    if made is None:
        raise UserError("calendar.not_found", field="url")
    return made, count


def draft_case(
    store: People, account: Account, case_id: int, choices: Choices, *, now: datetime,
    centre: CentreSettings | None = None,
) -> tuple[DraftResult, int, Apology | None]:  # fmt: skip
    """Every draft the plan needs, linted, each with its file, kept under the case (a new
    decision); and, when the student cancels inside the centre's cut-off, the letter of
    apology to the employer with the career office in copy, kept beside them. The result,
    the decision's id and the letter (None outside the policy)."""
    from sopan.app.drafting import draft_for
    from sopan.app.keeping import kept_values
    from sopan.compose.files import draft_files
    from sopan.hosted.letterhead import letterhead_of

    request = _plan_request(store, case_of(store, case_id), account, choices, now)
    result = draft_for(DraftRequest(request))
    planned = result.planned
    apology = apology_for(planned, account, centre, now=now)
    # the letterhead is looked up only for a letter (most drafts are none)
    letter = letter_channels()
    letters = apology is not None or any(d.channel in letter for d in result.drafts)
    head = letterhead_of(store, centre) if letters else None
    built = draft_files(result.drafts, planned.invitation, planned.profile, now=now,
                        letterhead=head)  # fmt: skip
    kept = kept_values(planned, result.drafts, result.reports, built, request.read)
    if apology is not None:
        kept["drafts"].append(_apology_row(apology, planned, now, head))
    decision = store.decide(case_id, **kept)
    if decision is None:
        raise UserError("case.not_found", field="case")
    return result, decision, apology


def inside_policy(planned: PlanResult, centre: CentreSettings | None, *, now: datetime) -> bool:
    """Whether this plan cancels the interview inside the centre's cut-off."""
    from sopan.hosted.policy import inside

    start = planned.invitation.start
    if centre is None or centre.cutoff is None or start is None:
        return False
    cancels = planned.plan.action in ("decline", "cancel")
    return cancels and inside(start, now, centre.cutoff, centre.country)


def apology_for(
    planned: PlanResult, account: Account, centre: CentreSettings | None, *, now: datetime
) -> Apology | None:
    """The letter of apology the centre's policy asks for, or None outside it."""
    from sopan.hosted.apology import apology_letter

    if centre is None or not inside_policy(planned, centre, now=now):
        return None
    return apology_letter(planned.invitation, name=planned.profile.name, centre=centre,
                          language=planned.invitation.language, now=now)  # fmt: skip


def _apology_row(
    apology: Apology, planned: PlanResult, now: datetime, head: Letterhead | None
) -> dict[str, Any]:
    from sopan.app.drafting import lint_options
    from sopan.compose.letter import pdf_bytes
    from sopan.lint import lint_draft

    report = lint_draft(apology.draft, lint_options(planned))
    name = str(hosted_words(apology.draft.language)["apology"]["file"])
    return {
        "channel": "letter", "text": apology.draft.text, "subject": apology.draft.subject,
        "message_id": None, "recipient": apology.to, "file_name": name,
        "file": pdf_bytes(apology.draft.text, apology.draft.language, letterhead=head),
        "lint": report.to_json(),
    }  # fmt: skip


#: the formats a letter is downloaded in
LETTER_KINDS = ("pdf", "docx")


def letter_channels() -> frozenset[str]:
    """The channels whose drafts are letters (printed: the letterhead goes on them)."""
    from sopan.model.channels import registry

    known = registry()
    return frozenset(n for n in known.names() if known.spec(n).format == "letter")


def letter_file(
    store: People, account: Account, case_id: int, draft_id: int, kind: str, *,
    centre: CentreSettings | None, now: datetime,
) -> tuple[str, bytes]:  # fmt: skip
    """One letter of the student's case (a letter draft, or the letter of apology) as a
    `kind` file to download, (its name, its bytes): built from the letter's kept text, with
    the centre's letterhead as it is now. A case or a draft not theirs is 'no such case'."""
    from pathlib import PurePath

    from sopan.compose.letter import LetterMeta, docx_bytes, pdf_bytes
    from sopan.hosted.letterhead import letterhead_of

    if kind not in LETTER_KINDS or store.scope.role != "student":
        raise UserError("case.not_found", field="case")
    case_of(store, case_id)
    found = next((d for d in store.drafts_of(case_id)
                  if d.id == draft_id and d.channel in letter_channels()), None)  # fmt: skip
    if found is None:
        raise UserError("case.not_found", field="case")
    head = letterhead_of(store, centre)
    language = str(store.show(case_id).facts.get("language") or page_language(account.language))
    stem = PurePath(found.file_name or "surat.pdf").stem
    if kind == "pdf":
        return f"{stem}.pdf", pdf_bytes(found.text, language, letterhead=head)
    meta = LetterMeta(account.display_name or account.name, now, language)
    return f"{stem}.docx", docx_bytes(found.text, meta, head)


def mark_replied(store: People, account: Account, case_id: int, *, now: datetime) -> list[int]:
    """The student sent the reply of a case (by their own mail or chat): its follow-up (a
    check for an answer after three working days, R7) is kept, and when they agreed to
    reminders, the job that e-mails it, in the same transaction. The follow-ups' ids."""
    from sopan.app.outbox import follow_up_items
    from sopan.hosted.jobs import PURPOSE, defer_reminders

    items = follow_up_items(set(), now, page_language(account.language))
    defer = defer_reminders if store.consented(PURPOSE) else None
    made = store.mark_replied(case_id, items, now=now, defer=defer)
    if made is None:
        raise UserError("case.not_found", field="case")
    return made


def add_mailbox(
    store: People, given: dict[str, Any], *, allowed: tuple[str, ...], now: datetime
) -> int:
    """Connect one of the student's mailboxes for scans: its server checked by the one rule
    for mail servers (`config.servers`: TLS or STARTTLS, plain only to loopback) and against
    the centre's list (a student never points a worker at another machine, nor names a file
    of the server's), its password sealed (`hosted.mailkey`), and its first scan queued in
    the same transaction. Its id."""
    from sopan.config.servers import server_settings
    from sopan.deliver.imap import PORTS
    from sopan.hosted.jobs import SCAN_PURPOSE, defer_scan
    from sopan.hosted.mailkey import sealed

    if not store.consented(SCAN_PURPOSE):
        raise UserError("mailbox.no_consent", field="mailbox")
    host = str(given.get("host") or "").strip().lower()
    if host and host not in allowed:
        raise UserError("mailbox.host_not_allowed", field="host", value=host,
                        choices=", ".join(allowed) or "-")  # fmt: skip
    table = {k: given[k] for k in ("host", "port", "security", "username") if given.get(k)}
    settings = server_settings(table, "mailbox", ports=PORTS, security="tls",
                               where=lambda *_: "mailbox", need_username=True)  # fmt: skip
    password = str(given.get("password") or "")
    if not password:
        raise UserError("hosted.no_password", field="password")
    folder = str(given.get("folder") or "INBOX").strip()[:500] or "INBOX"
    made = store.add_mailbox(
        host=settings.host, port=settings.port, security=settings.security,
        username=settings.username or "", folder=folder, secret=sealed(password), now=now,
        defer=defer_scan,
    )  # fmt: skip
    if made is None:
        raise UserError("mailbox.not_found", field="mailbox")
    return made


def scan_now(store: People, mailbox_id: int) -> bool | None:
    """Queue a scan of one of the student's mailboxes: whether a new job was added (False:
    one is waiting already); None when the mailbox is not theirs."""
    from sopan.hosted.jobs import defer_scan

    return store.queue_scan(mailbox_id, defer_scan)


def refresh_now(store: People, calendar_id: int) -> bool | None:
    """Queue a new fetch of one of the student's calendar addresses: whether a new job was
    added (False: one is waiting already); None when it is not theirs or not an address."""
    from sopan.hosted.jobs import defer_calendar_refresh

    found = store.calendar(calendar_id)
    if found is None or found.url is None or store.scope.role != "student":
        return None
    return store.queue_calendar_refresh(calendar_id, defer_calendar_refresh)


def add_watch(store: People, given: dict[str, Any], *, now: datetime) -> tuple[int, bool]:
    """Watch a vacancy source for the student (R10.1), with the keywords and the place its
    postings must have: never a file of the server; its first run queued in the same
    transaction. (Its id, whether it is new.)"""
    from sopan.app.career_watch import WatchAddRequest, watch_add_for
    from sopan.hosted.jobs import watch_deferrer

    if store.scope.role != "student" or store.scope.account is None:
        raise UserError("case.not_found", field="watch")
    keywords = given.get("keywords") or []
    if not isinstance(keywords, list):
        keywords = [str(keywords)]
    location = str(given.get("location") or "").strip() or None
    request = WatchAddRequest(str(given.get("source") or ""), now,
                              tuple(str(k) for k in keywords), location, store=store,
                              files=False, defer=watch_deferrer(store.scope.account))  # fmt: skip
    return watch_add_for(request)


def queue_watch(store: People, watch_id: int) -> bool | None:
    """Queue a run of one of the student's watches: whether a new job was added; None when
    the watch is not theirs."""
    from sopan.app.career import career_of
    from sopan.hosted.jobs import watch_deferrer

    if store.scope.role != "student" or store.scope.account is None:
        return None
    return career_of(store).queue_watch(watch_id, watch_deferrer(store.scope.account))


def export_zip(store: People, *, now: datetime) -> bytes:
    """Everything sopan keeps about the student as one ZIP: `sopan.json` (every table's
    rows, their audit trail among them) and the files beside it (each message as received,
    each draft's file). The export itself is audited."""
    store.audit("export", now=now, subject=store.scope.account, target="export")
    tables, files = store.everything()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        document: dict[str, Any] = {"exported_at": now.isoformat(), "tables": tables}
        archive.writestr("sopan.json", json.dumps(document, ensure_ascii=False, indent=2))
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return out.getvalue()
