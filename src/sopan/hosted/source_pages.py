"""A student's sources, as pages: their mailboxes (scanned for invitations), their calendars
(read by the plan) and their career watches (R10.1) — each listed, added, removed, and run
again now ("scan now", "refresh now", "run now"), by the same use cases as the API
(`app.centre`). A form refused says why next to the field and keeps what was typed (never a
password); a mailbox asks for the consent it needs in its own form. A source of another
student is as absent as one never made (404)."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan.errors import SopanError, UserError
from sopan.hosted.pages import _form, page
from sopan.hosted.site import centre_of, error_page, status_of
from sopan.hosted.words import page_language
from sopan.store.accounts import SignIn
from sopan.store.people import People

#: what the mailbox form asks, kept when a refusal shows it again (the password never is)
MAILBOX_FIELDS = ("host", "port", "security", "username", "folder")
WATCH_FIELDS = ("source", "keywords", "location")


def _said(exc: SopanError, who: SignIn) -> str:
    return exc.text(page_language(who.account.language))


def _gone(request: Request, code: str, field: str) -> Response:
    return error_page(request, UserError(code, field=field), 404)


def _id(request: Request, name: str) -> int:
    return int(request.path_params[name])


# --- mailboxes ------------------------------------------------------------------------------


@page("student")
async def mailboxes(request: Request, who: SignIn, store: People) -> Response:
    """The student's mailboxes with their last scans, and the form to connect one."""
    return await _mailboxes_page(request, store)


async def _mailboxes_page(
    request: Request, store: People, *, status: int = 200, errors: Any = (),
    typed: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    from sopan.hosted.jobs import SCAN_PURPOSE

    centre = centre_of(request)
    rows = await run_in_threadpool(store.mailboxes)
    consented = await run_in_threadpool(store.consented, SCAN_PURPOSE)
    return centre.render(request, "mailboxes.html", status=status, errors=list(errors),
                         mailboxes=rows, consented=consented, hosts=centre.serve.mail_hosts,
                         typed=typed or {"security": "tls", "folder": "INBOX"})  # fmt: skip


def _mailbox_field(field: str | None) -> str:
    """The form's field an error of the mail server's settings names ('config.mailbox.port'
    is the port's box; the table as a whole, its host)."""
    if not field or field in ("mailbox", "config.mailbox"):
        return "host"
    return field.rpartition(".")[2]


@page("student")
async def add_mailbox(request: Request, who: SignIn, store: People) -> Response:
    """Connect a mailbox; when the student has not agreed to scans yet, the box they ticked
    in this form is their consent (recorded with its text's version)."""
    from sopan.app.centre import add_mailbox as connect
    from sopan.hosted.consent import VERSION
    from sopan.hosted.jobs import SCAN_PURPOSE

    form = _form(request)
    typed = {key: str(form.get(key) or "").strip() for key in MAILBOX_FIELDS}
    password, agreed = str(form.get("password") or ""), form.get("consent") == "yes"
    centre = centre_of(request)
    now = centre.now()

    def add() -> int:
        if not store.consented(SCAN_PURPOSE):
            if not agreed:
                raise UserError("mailbox.no_consent", field="consent")
            store.give_consent(SCAN_PURPOSE, VERSION, now=now)
        given: dict[str, Any] = {k: v for k, v in typed.items() if v}
        return connect(store, {**given, "password": password}, allowed=centre.serve.mail_hosts,
                       now=now)  # fmt: skip

    try:
        await run_in_threadpool(add)
    except UserError as exc:
        field = "consent" if exc.field == "consent" else _mailbox_field(exc.field)
        if exc.code == "hosted.no_password":
            field = "password"
        return await _mailboxes_page(request, store, status=400, typed=typed,
                                     errors=[(field, _said(exc, who))])  # fmt: skip
    return RedirectResponse("/mailboxes", 303)


@page("student")
async def remove_mailbox(request: Request, who: SignIn, store: People) -> Response:
    """Forget one of the student's mailboxes (its sealed password with it)."""
    gone = await run_in_threadpool(lambda: store.remove_mailbox(_id(request, "mailbox_id")))
    return RedirectResponse("/mailboxes", 303) if gone else _gone(request, "mailbox.not_found",
                                                                  "mailbox")  # fmt: skip


@page("student")
async def scan_mailbox(request: Request, who: SignIn, store: People) -> Response:
    """Scan one of the student's mailboxes now (a job; one waiting already is enough)."""
    from sopan.app.centre import scan_now

    queued = await run_in_threadpool(lambda: scan_now(store, _id(request, "mailbox_id")))
    if queued is None:
        return _gone(request, "mailbox.not_found", "mailbox")
    return RedirectResponse("/mailboxes", 303)


# --- calendars ------------------------------------------------------------------------------


@page("student")
async def calendars(request: Request, who: SignIn, store: People) -> Response:
    """The student's calendars, and the form to add one (a file, or an https address)."""
    return await _calendars_page(request, store)


async def _calendars_page(
    request: Request, store: People, *, status: int = 200, errors: Any = (), url: str = ""
) -> Response:
    rows = await run_in_threadpool(store.calendars)
    return centre_of(request).render(request, "calendars.html", status=status, url=url,
                                     errors=list(errors), calendars=rows)  # fmt: skip


@page("student")
async def add_calendar(request: Request, who: SignIn, store: People) -> Response:
    """Add a calendar: the file uploaded, or else the address typed; read before it is kept
    (a file or an address that is no calendar is refused, naming it)."""
    from starlette.datastructures import UploadFile

    from sopan.app.centre import add_calendar_address, add_calendar_upload
    from sopan.hosted.fetching import LIMIT

    form = _form(request)
    upload, url = form.get("file"), str(form.get("url") or "").strip()
    centre = centre_of(request)
    now = centre.now()
    data, name = b"", ""
    if isinstance(upload, UploadFile) and upload.filename:
        data, name = await upload.read(LIMIT + 1), upload.filename
    field = "file" if name or not url else "url"

    def add() -> None:
        from sopan._infra.wording import megabytes

        if field == "file":
            if len(data) > LIMIT:
                raise UserError("calendar.too_big", field="file", source=name,
                                limit=megabytes(LIMIT))  # fmt: skip
            add_calendar_upload(store, who.account, name, data, now=now)
        else:
            add_calendar_address(store, who.account, url, inside=centre.serve.calendar_hosts,
                                 now=now)  # fmt: skip

    try:
        await run_in_threadpool(add)
    except SopanError as exc:
        return await _calendars_page(request, store, status=status_of(exc), url=url,
                                     errors=[(field, _said(exc, who))])  # fmt: skip
    return RedirectResponse("/calendars", 303)


@page("student")
async def remove_calendar(request: Request, who: SignIn, store: People) -> Response:
    """Forget one of the student's calendars."""
    gone = await run_in_threadpool(lambda: store.remove_calendar(_id(request, "calendar_id")))
    if not gone:
        return _gone(request, "calendar.not_found", "calendar")
    return RedirectResponse("/calendars", 303)


@page("student")
async def refresh_calendar(request: Request, who: SignIn, store: People) -> Response:
    """Fetch one of the student's calendar addresses again (a job; one waiting is enough)."""
    from sopan.app.centre import refresh_now

    queued = await run_in_threadpool(lambda: refresh_now(store, _id(request, "calendar_id")))
    if queued is None:
        return _gone(request, "calendar.not_found", "calendar")
    return RedirectResponse("/calendars", 303)


# --- career watches -------------------------------------------------------------------------


@page("student")
async def watches(request: Request, who: SignIn, store: People) -> Response:
    """The student's career watches and what they found, and the form to add one."""
    return await _watches_page(request, store)


async def _watches_page(
    request: Request, store: People, *, status: int = 200, errors: Any = (),
    typed: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    from sopan.app.career import career_of

    career = career_of(store)
    found = await run_in_threadpool(career.watches)
    postings = await run_in_threadpool(lambda: career.postings(limit=50))
    return centre_of(request).render(request, "watches.html", status=status, watches=found,
                                     postings=postings, errors=list(errors),
                                     typed=typed or {})  # fmt: skip


@page("student")
async def add_watch(request: Request, who: SignIn, store: People) -> Response:
    """Watch a vacancy source (its first run queued): keywords are written with commas."""
    from sopan.app.centre import add_watch as watch

    form = _form(request)
    typed = {key: str(form.get(key) or "").strip() for key in WATCH_FIELDS}
    keywords = [k.strip() for k in typed["keywords"].split(",") if k.strip()]
    now = centre_of(request).now()
    try:
        await run_in_threadpool(lambda: watch(store, {**typed, "keywords": keywords}, now=now))
    except UserError as exc:
        field = exc.field if exc.field in WATCH_FIELDS else "source"
        return await _watches_page(request, store, status=400, typed=typed,
                                   errors=[(field, _said(exc, who))])  # fmt: skip
    return RedirectResponse("/watches", 303)


@page("student")
async def remove_watch(request: Request, who: SignIn, store: People) -> Response:
    """Stop one of the student's watches (what it found stays)."""
    from sopan.app.career import career_of

    gone = await run_in_threadpool(lambda: career_of(store).remove_watch(_id(request, "watch_id")))
    return RedirectResponse("/watches", 303) if gone else _gone(request, "watch.not_found",
                                                                "watch")  # fmt: skip


@page("student")
async def run_watch(request: Request, who: SignIn, store: People) -> Response:
    """Run one of the student's watches now (a job; one waiting is enough)."""
    from sopan.app.centre import queue_watch

    queued = await run_in_threadpool(lambda: queue_watch(store, _id(request, "watch_id")))
    if queued is None:
        return _gone(request, "watch.not_found", "watch")
    return RedirectResponse("/watches", 303)


def routes() -> list[Route]:
    """The student's sources' pages."""
    return [
        Route("/mailboxes", mailboxes, methods=["GET"]),
        Route("/mailboxes", add_mailbox, methods=["POST"]),
        Route("/mailboxes/{mailbox_id:int}/delete", remove_mailbox, methods=["POST"]),
        Route("/mailboxes/{mailbox_id:int}/scan", scan_mailbox, methods=["POST"]),
        Route("/calendars", calendars, methods=["GET"]),
        Route("/calendars", add_calendar, methods=["POST"]),
        Route("/calendars/{calendar_id:int}/delete", remove_calendar, methods=["POST"]),
        Route("/calendars/{calendar_id:int}/refresh", refresh_calendar, methods=["POST"]),
        Route("/watches", watches, methods=["GET"]),
        Route("/watches", add_watch, methods=["POST"]),
        Route("/watches/{watch_id:int}/delete", remove_watch, methods=["POST"]),
        Route("/watches/{watch_id:int}/run", run_watch, methods=["POST"]),
    ]
