"""A small JSON API beside the pages, for the centre's own systems and for tests, with the
same roles and scopes as the pages (`/api/openapi.json` describes it).

Signed out, every route but `POST /api/login` answers 401; a role the route is not for, 403;
a case the account may not see, 404 (as absent as one never made). A request that changes
something carries the sign-in's form token in `X-CSRF-Token` (`POST /api/login` returns it)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sopan.errors import UserError
from sopan.hosted.auth import same
from sopan.hosted.site import address_of, centre_of, scope_of, signed_in
from sopan.store.accounts import SignIn
from sopan.store.people import People

Endpoint = Callable[[Request, SignIn, People], Response]
CHANGES = ("POST", "PUT", "PATCH", "DELETE")


def _json(error: str, status: int) -> JSONResponse:
    return JSONResponse({"error": error}, status)


def allowed(*roles: str) -> Callable[[Endpoint], Callable[[Request], Awaitable[Response]]]:
    """The route for `roles` only: signed in (else 401), one of them (else 403), with the
    form token on a change (else 403).

    The body is read first; then the whole of the request (who asks, the checks, the work)
    is done in one thread of the pool and one transaction (`store.scope.Unit`): the event
    loop never waits on the database or on a stage, and a request costs one connection's
    turn, not one per query."""

    def wrap(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
        def handled(request: Request) -> Response:
            centre = centre_of(request)
            with centre.hosted.unit() as unit:
                who = signed_in(request, unit)
                if who is None:
                    return _json("login.required", 401)
                if who.account.role not in roles:
                    return _json("role.forbidden", 403)
                if request.method in CHANGES and not same(
                    request.headers.get("x-csrf-token"), who.csrf
                ):
                    return _json("form.expired", 403)
                return endpoint(request, who, centre.hosted.store(scope_of(who), unit))

        async def handle(request: Request) -> Response:
            from anyio import to_thread

            request.state.body = await request.body()
            turns = centre_of(request).turns()
            return await to_thread.run_sync(handled, request, limiter=turns)

        handle.__doc__ = endpoint.__doc__
        return handle

    return wrap


def _body(request: Request) -> dict[str, Any]:
    """The JSON object the request carried (read before its work began)."""
    import json

    try:
        found = json.loads(request.state.body or b"null")
    except ValueError:
        raise UserError("api.not_json", field="body") from None
    if not isinstance(found, dict):
        raise UserError("api.not_json", field="body")
    return found


def _case_id(request: Request) -> int:
    return int(request.path_params["case_id"])


async def login(request: Request) -> Response:
    """Sign in with a local account (`username`, `password`): the session cookie, and the
    form token for the requests that change something."""
    from sopan.hosted.auth import local_sign_in, open_session, set_session
    from sopan.store.scope import NOBODY

    request.state.body = await request.body()
    body = _body(request)
    centre = centre_of(request)
    name, password = str(body.get("username") or ""), str(body.get("password") or "")
    now = centre.now()

    def sign_in() -> Any:
        # a failed attempt is kept whatever follows (the rate limit counts it): no unit here
        store = centre.store(NOBODY)
        account = local_sign_in(store, name, password, address=address_of(request), now=now,
                                limit=centre.serve.login_attempts)  # fmt: skip
        return account, open_session(store, account, centre.serve, now)

    try:
        account, opened = await run_in_threadpool(sign_in)
    except UserError as exc:
        status = 429 if exc.code == "login.too_many" else 401
        return JSONResponse({"error": exc.code, "message": exc.text("en")}, status)
    response = JSONResponse({"account": account.id, "role": account.role, "csrf": opened.csrf})
    set_session(response, opened, centre.serve)
    return response


async def logout(request: Request) -> Response:
    """Sign out: the session is forgotten."""
    from sopan.hosted.auth import clear_session, token_of
    from sopan.store.scope import NOBODY

    centre = centre_of(request)

    def sign_out() -> Response:
        with centre.hosted.unit() as unit:
            who = signed_in(request, unit)
            if who is None:
                return _json("login.required", 401)
            if not same(request.headers.get("x-csrf-token"), who.csrf):
                return _json("form.expired", 403)
            token = token_of(request, centre.serve)
            if token:
                centre.hosted.store(NOBODY, unit).close_session(token)
        response = Response(status_code=204)
        clear_session(response, centre.serve)
        return response

    return await run_in_threadpool(sign_out)


@allowed("student", "counsellor")
def cases(request: Request, who: SignIn, store: People) -> Response:
    """The cases the account may see: a student's own, a counsellor's shared with them."""
    return JSONResponse([c.as_json() for c in store.cases()])


@allowed("student")
def new_case(request: Request, who: SignIn, store: People) -> Response:
    """A new case from the `text` of an invitation; its `id`."""
    from sopan.app.centre import open_case

    text = str(_body(request).get("text") or "")
    made = open_case(store, who.account, text.encode("utf-8"), now=centre_of(request).now())
    return JSONResponse({"id": made}, 201)


@allowed("student", "counsellor")
def one_case(request: Request, who: SignIn, store: People) -> Response:
    """A case: its invitation's facts, drafts and remarks."""
    found = store.case(_case_id(request), now=centre_of(request).now())
    return JSONResponse(found) if found is not None else _json("case.not_found", 404)


@allowed("student")
def delete_case(request: Request, who: SignIn, store: People) -> Response:
    """Delete one of the student's cases."""
    gone = store.delete_case(_case_id(request), now=centre_of(request).now())
    return Response(status_code=204) if gone else _json("case.not_found", 404)


@allowed("student")
def share(request: Request, who: SignIn, store: People) -> Response:
    """Share a case with a `counsellor` (the account's name or number)."""
    given = str(_body(request).get("counsellor") or "")
    case = _case_id(request)
    if store.owner_of(case) is None:
        return _json("case.not_found", 404)
    named = store.account_named(given)
    counsellor = named[0] if named else (store.account(int(given)) if given.isdigit() else None)
    if counsellor is None or counsellor.role != "counsellor":
        raise UserError("case.not_a_counsellor", field="counsellor", value=given)
    if not store.consented("counselling"):
        raise UserError("case.no_consent", field="counsellor")
    store.share(case, counsellor.id, now=centre_of(request).now())
    return JSONResponse({"id": case, "shared_with": counsellor.id})


@allowed("student", "counsellor")
def plan(request: Request, who: SignIn, store: People) -> Response:
    """The plan for one of the student's cases, from the choices given (`intent`, `reason`,
    `interest`, `confirmed`, `detail`, `reason_text`): the `sopan plan --json` object, with
    `centre_policy` (`inside` the centre's cancellation cut-off, and the extra `step`)."""
    from sopan.app.centre import inside_policy, plan_case
    from sopan.hosted.apology import policy_step
    from sopan.model.contracts import plan_json

    if who.account.role != "student":
        return _json("role.forbidden", 403)
    choices = _choices(_body(request))
    centre = centre_of(request)
    now = centre.now()
    found = plan_case(store, who.account, _case_id(request), choices, now=now)
    inside = inside_policy(found, centre.centre, now=now)
    step = policy_step(centre.centre, found.plan.language) if inside else None
    return JSONResponse(
        {**plan_json(found.plan), "centre_policy": {"inside": inside, "step": step}}
    )


@allowed("student")
def drafts(request: Request, who: SignIn, store: People) -> Response:
    """Every draft the plan needs, linted and kept under the case; inside the centre's
    cancellation cut-off, the letter of apology to the employer too (`apology`)."""
    from sopan.app.centre import draft_case

    choices = _choices(_body(request))
    centre = centre_of(request)
    result, decision, apology = draft_case(store, who.account, _case_id(request), choices,
                                           now=centre.now(), centre=centre.centre)  # fmt: skip
    return JSONResponse({
        "decision": decision,
        "drafts": [{"channel": d.channel, "subject": d.subject, "text": d.text,
                    "findings": len(r.findings)} for d, r in zip(result.drafts, result.reports,
                                                                  strict=True)],
        "apology": None if apology is None else {
            "subject": apology.draft.subject, "text": apology.draft.text, "to": apology.to,
            "cc": apology.cc},
    }, 201)  # fmt: skip


@allowed("student")
def replied(request: Request, who: SignIn, store: People) -> Response:
    """The student sent the case's reply themselves: its follow-ups, and their reminders
    by e-mail when the student agreed to them."""
    from sopan.app.centre import mark_replied

    made = mark_replied(store, who.account, _case_id(request), now=centre_of(request).now())
    return JSONResponse({"follow_ups": made}, 201)


def _choices(body: dict[str, Any]) -> Any:
    from sopan.app.planning import Choices

    def text(key: str) -> str | None:
        value = body.get(key)
        return str(value) if value not in (None, "") else None

    confirmed = body.get("confirmed")
    return Choices(
        intent=text("intent"), reason=text("reason"), interest=text("interest"),
        confirmed=confirmed if isinstance(confirmed, bool) else None, detail=text("detail"),
        reason_text=text("reason_text"),
    )  # fmt: skip


@allowed("student")
def export(request: Request, who: SignIn, store: People) -> Response:
    """Everything kept about the student as one ZIP."""
    from sopan.app.centre import export_zip

    data = export_zip(store, now=centre_of(request).now())
    return Response(data, media_type="application/zip", headers={
        "content-disposition": 'attachment; filename="sopan-export.zip"'})  # fmt: skip


@allowed("student")
def consent(request: Request, who: SignIn, store: People) -> Response:
    """Give (`POST`: `purpose`, `version`) or withdraw (`DELETE`: `purpose`) consent."""
    from sopan.hosted.consent import PURPOSES, VERSION

    purpose = str(_body(request).get("purpose") or "")
    if purpose not in PURPOSES:
        raise UserError("parse.not_a_choice", field="purpose", value=purpose, choices=PURPOSES)
    now = centre_of(request).now()
    if request.method == "DELETE":
        store.withdraw_consent(purpose, now=now)
    else:
        store.give_consent(purpose, VERSION, now=now)
    return JSONResponse(store.consents())


@allowed("student")
def erase(request: Request, who: SignIn, store: People) -> Response:
    """Delete the student's account and every row of theirs."""
    from sopan.hosted.auth import clear_session

    store.erase_account(now=centre_of(request).now())
    response = Response(status_code=204)
    clear_session(response, centre_of(request).serve)
    return response


@allowed("auditor", "student")
def audit(request: Request, who: SignIn, store: People) -> Response:
    """The audit log: all of it for an auditor, a student's own part for a student."""
    return JSONResponse(store.audit_log())


@allowed("student")
def mailboxes(request: Request, who: SignIn, store: People) -> Response:
    """The student's mailboxes (`GET`), or a new one (`POST`: `host`, `port`, `security`
    tls|starttls, `username`, `password`, `folder`): kept with its password sealed and its
    first scan queued. Only a mail server the centre allows (`[serve] mail_hosts`)."""
    if request.method == "GET":
        return JSONResponse([m.as_json() for m in store.mailboxes()])
    from sopan.app.centre import add_mailbox

    centre = centre_of(request)
    made = add_mailbox(store, _body(request), allowed=centre.serve.mail_hosts, now=centre.now())
    return JSONResponse({"id": made}, 201)


def _mailbox_id(request: Request) -> int:
    return int(request.path_params["mailbox_id"])


@allowed("student")
def one_mailbox(request: Request, who: SignIn, store: People) -> Response:
    """Forget one of the student's mailboxes (its sealed password with it)."""
    gone = store.remove_mailbox(_mailbox_id(request))
    return Response(status_code=204) if gone else _json("mailbox.not_found", 404)


@allowed("student")
def scan(request: Request, who: SignIn, store: People) -> Response:
    """Scan one of the student's mailboxes now (a job of `sopan worker`; one already waiting
    is enough): `queued` says whether a new one was added."""
    from sopan.app.centre import scan_now

    queued = scan_now(store, _mailbox_id(request))
    if queued is None:
        return _json("mailbox.not_found", 404)
    return JSONResponse({"queued": queued}, 202)


@allowed("student")
def calendars(request: Request, who: SignIn, store: People) -> Response:
    """The student's calendars (`GET`), or a new one (`POST`): an https `url` (fetched and
    read now), or an upload (`name`, and `ics`: the file's text). Never a path."""
    if request.method == "GET":
        return JSONResponse([c.as_json() for c in store.calendars()])
    from sopan.app.centre import add_calendar_address, add_calendar_upload

    body = _body(request)
    centre = centre_of(request)
    now = centre.now()
    if body.get("url"):
        made, busy = add_calendar_address(store, who.account, str(body["url"]),
                                          inside=centre.serve.calendar_hosts, now=now)  # fmt: skip
    else:
        name, data = str(body.get("name") or ""), str(body.get("ics") or "").encode("utf-8")
        made, busy = add_calendar_upload(store, who.account, name, data, now=now)
    return JSONResponse({"id": made, "busy": busy}, 201)


@allowed("student")
def one_calendar(request: Request, who: SignIn, store: People) -> Response:
    """Forget one of the student's calendars."""
    gone = store.remove_calendar(int(request.path_params["calendar_id"]))
    return Response(status_code=204) if gone else _json("calendar.not_found", 404)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    from datetime import datetime

    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()
            if k != "owner"}  # fmt: skip


@allowed("student")
def watches(request: Request, who: SignIn, store: People) -> Response:
    """The student's career watches (`GET`), or a new one (`POST`: `source`, `keywords`,
    `location`): its first run queued."""
    from sopan.app.career import career_of

    if request.method == "GET":
        return JSONResponse([_plain(w) for w in career_of(store).watches()])
    from sopan.app.centre import add_watch

    made, new = add_watch(store, _body(request), now=centre_of(request).now())
    return JSONResponse({"id": made, "new": new}, 201 if new else 200)


@allowed("student")
def run_watch(request: Request, who: SignIn, store: People) -> Response:
    """Run one of the student's watches now (a job; one waiting is enough)."""
    from sopan.app.centre import queue_watch

    queued = queue_watch(store, int(request.path_params["watch_id"]))
    if queued is None:
        return _json("watch.not_found", 404)
    return JSONResponse({"queued": queued}, 202)


@allowed("student")
def postings(request: Request, who: SignIn, store: People) -> Response:
    """The postings the student's watches found, newest first."""
    from sopan.app.career import career_of

    return JSONResponse([_plain(p) for p in career_of(store).postings()])


async def openapi(request: Request) -> Response:
    """This API, described (OpenAPI 3.1)."""
    from sopan.hosted.openapi import document

    return JSONResponse(document())


def routes() -> list[Route]:
    """The API's routes."""
    return [
        Route("/api/login", login, methods=["POST"]),
        Route("/api/logout", logout, methods=["POST"]),
        Route("/api/cases", cases, methods=["GET"]),
        Route("/api/cases", new_case, methods=["POST"]),
        Route("/api/cases/{case_id:int}", one_case, methods=["GET"]),
        Route("/api/cases/{case_id:int}", delete_case, methods=["DELETE"]),
        Route("/api/cases/{case_id:int}/share", share, methods=["POST"]),
        Route("/api/cases/{case_id:int}/plan", plan, methods=["POST"]),
        Route("/api/cases/{case_id:int}/drafts", drafts, methods=["POST"]),
        Route("/api/cases/{case_id:int}/replied", replied, methods=["POST"]),
        Route("/api/me/consent", consent, methods=["POST", "DELETE"]),
        Route("/api/me/export", export, methods=["GET"]),
        Route("/api/me", erase, methods=["DELETE"]),
        Route("/api/me/mailboxes", mailboxes, methods=["GET", "POST"]),
        Route("/api/me/calendars", calendars, methods=["GET", "POST"]),
        Route("/api/me/watches", watches, methods=["GET", "POST"]),
        Route("/api/me/watches/{watch_id:int}/run", run_watch, methods=["POST"]),
        Route("/api/me/postings", postings, methods=["GET"]),
        Route("/api/me/calendars/{calendar_id:int}", one_calendar, methods=["DELETE"]),
        Route("/api/me/mailboxes/{mailbox_id:int}", one_mailbox, methods=["DELETE"]),
        Route("/api/me/mailboxes/{mailbox_id:int}/scan", scan, methods=["POST"]),
        Route("/api/audit", audit, methods=["GET"]),
        Route("/api/openapi.json", openapi, methods=["GET"]),
    ]
