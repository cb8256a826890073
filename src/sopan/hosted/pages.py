"""The hosted mode's pages: sign-in and sign-out, the home page of each role, a case,
privacy (consent, export, erasure, the student's audit trail), the audit log and the
administration. Every form carries the sign-in's form token; a page for another role is
403, a case the account may not see 404, and a signed-out browser is sent to sign in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan.errors import UserError
from sopan.hosted.auth import check_form
from sopan.hosted.site import (
    address_of,
    back_to_sign_in,
    centre_of,
    error_page,
    scope_of,
    signed_in,
)
from sopan.hosted.words import page_language
from sopan.store.accounts import SignIn
from sopan.store.people import People

Page = Callable[[Request, SignIn, People], Awaitable[Response]]


def _forbidden(request: Request) -> Response:
    return error_page(request, UserError("role.forbidden", field="form"), 403)


def page(*roles: str) -> Callable[[Page], Callable[[Request], Awaitable[Response]]]:
    """A page for `roles`: signed in (else to the sign-in page), of one of them (else 403),
    and a form's token checked on a POST (else 403)."""

    def wrap(endpoint: Page) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            who = await run_in_threadpool(signed_in, request)
            if who is None:
                return back_to_sign_in(request)
            if who.account.role not in roles:
                return _forbidden(request)
            if request.method == "POST":
                form = await request.form()
                request.state.form = form
                try:
                    check_form(str(form.get("csrf") or ""), who, request)
                except UserError as exc:
                    return error_page(request, exc, 403)
            return await endpoint(request, who, centre_of(request).store(scope_of(who)))

        return handle

    return wrap


def _form(request: Request) -> Any:
    return request.state.form


def _not_found(request: Request) -> Response:
    return error_page(request, UserError("case.not_found", field="case"), 404)


# --- sign-in --------------------------------------------------------------------------------


async def sign_in_page(request: Request) -> Response:
    """The sign-in page: the campus provider's button and the local form."""
    from sopan.hosted.auth import form_token, set_form_token

    centre = centre_of(request)
    token = form_token(request)
    response = centre.render(request, "signin.html", form_token=token,
                             sso=centre.serve.oidc is not None)  # fmt: skip
    set_form_token(response, token, centre.serve)
    return response


async def sign_in(request: Request) -> Response:
    """A local account's sign-in; a wrong pair keeps the name typed and says so."""
    from sopan.hosted.auth import local_sign_in, open_session, set_session
    from sopan.store.scope import NOBODY

    centre = centre_of(request)
    form = await request.form()
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    now = centre.now()

    def attempt() -> Any:
        check_form(str(form.get("csrf") or ""), None, request)
        store = centre.store(NOBODY)
        account = local_sign_in(store, name, password, address=address_of(request), now=now,
                                limit=centre.serve.login_attempts)  # fmt: skip
        return open_session(store, account, centre.serve, now)

    try:
        opened = await run_in_threadpool(attempt)
    except UserError as exc:
        status = 429 if exc.code == "login.too_many" else 400
        from sopan.hosted.auth import form_token
        from sopan.hosted.words import preferred

        lang = preferred(request.headers.get("accept-language", ""))
        return centre.render(request, "signin.html", status=status, name=name,
                             form_token=form_token(request), sso=centre.serve.oidc is not None,
                             errors=[(exc.field or "name", exc.text(lang))])  # fmt: skip
    response = RedirectResponse("/", 303)
    set_session(response, opened, centre.serve)
    return response


async def sign_out(request: Request) -> Response:
    """Sign out: the session is forgotten, the cookie removed."""
    from sopan.hosted.auth import clear_session, token_of
    from sopan.store.scope import NOBODY

    centre = centre_of(request)
    who = await run_in_threadpool(signed_in, request)
    form = await request.form()
    if who is not None:
        check_form(str(form.get("csrf") or ""), who, request)
        token = token_of(request, centre.serve)
        if token:
            await run_in_threadpool(centre.store(NOBODY).close_session, token)
    response = RedirectResponse("/login", 303)
    clear_session(response, centre.serve)
    return response


# --- home and cases -------------------------------------------------------------------------


@page("student", "counsellor", "admin", "auditor")
async def home(request: Request, who: SignIn, store: People) -> Response:
    """A student's cases and the paste form; a counsellor's shared cases; the admin's and
    the auditor's own pages."""
    role = who.account.role
    if role == "admin":
        return RedirectResponse("/admin", 303)
    if role == "auditor":
        return RedirectResponse("/audit", 303)
    cases = await run_in_threadpool(store.cases)
    return centre_of(request).render(request, "home.html", cases=cases)


@page("student")
async def new_case(request: Request, who: SignIn, store: People) -> Response:
    """Read a pasted invitation into a new case."""
    from sopan.app.centre import open_case

    text = str(_form(request).get("text") or "")
    centre = centre_of(request)
    try:
        made = await run_in_threadpool(lambda: open_case(
            store, who.account, text.encode("utf-8"), now=centre.now()))  # fmt: skip
    except UserError as exc:
        cases = await run_in_threadpool(store.cases)
        said = exc.text(page_language(who.account.language))
        return centre.render(request, "home.html", status=400, cases=cases, text=text,
                             errors=[("text", said)])  # fmt: skip
    return RedirectResponse(f"/cases/{made}", 303)


def _case_id(request: Request) -> int:
    return int(request.path_params["case_id"])


@page("student", "counsellor")
async def case_page(request: Request, who: SignIn, store: People) -> Response:
    """One case: its facts, decision form, drafts, remarks, and sharing."""
    from sopan.hosted.policy import inside_cutoff

    centre = centre_of(request)
    shown = await run_in_threadpool(lambda: store.case(_case_id(request), now=centre.now()))
    if shown is None:
        return _not_found(request)
    from sopan.app.centre import letter_channels

    policy = inside_cutoff(shown, centre.centre, now=centre.now())
    return centre.render(request, "case.html", case=shown, policy=policy,
                         letters=letter_channels())  # fmt: skip


@page("student")
async def case_drafts(request: Request, who: SignIn, store: People) -> Response:
    """Plan and draft a case from the choices made on its page; back to the case."""
    from sopan.app.centre import draft_case
    from sopan.app.planning import Choices

    form = _form(request)
    choices = Choices(intent=str(form.get("intent") or "") or None,
                      reason=str(form.get("reason") or "") or None,
                      interest=str(form.get("interest") or "") or None)  # fmt: skip
    centre = centre_of(request)
    case = _case_id(request)
    if await run_in_threadpool(store.owner_of, case) is None:
        return _not_found(request)
    now, settings = centre.now(), centre.centre
    await run_in_threadpool(
        lambda: draft_case(store, who.account, case, choices, now=now, centre=settings)
    )
    return RedirectResponse(f"/cases/{case}", 303)


@page("student")
async def case_share(request: Request, who: SignIn, store: People) -> Response:
    """Share the case with the counsellor named."""
    given = str(_form(request).get("counsellor") or "").strip()
    centre = centre_of(request)
    case = _case_id(request)

    def do() -> None:
        if store.owner_of(case) is None:
            raise LookupError
        named = store.account_named(given)
        if named is None or named[0].role != "counsellor":
            raise UserError("case.not_a_counsellor", field="counsellor", value=given)
        if not store.consented("counselling"):
            raise UserError("case.no_consent", field="counsellor")
        store.share(case, named[0].id, now=centre.now())

    try:
        await run_in_threadpool(do)
    except LookupError:
        return _not_found(request)
    return RedirectResponse(f"/cases/{case}", 303)


@page("student")
async def case_unshare(request: Request, who: SignIn, store: People) -> Response:
    """Stop sharing the case."""
    case = _case_id(request)
    if await run_in_threadpool(store.owner_of, case) is None:
        return _not_found(request)
    await run_in_threadpool(lambda: store.unshare(case, now=centre_of(request).now()))
    return RedirectResponse(f"/cases/{case}", 303)


@page("student")
async def case_delete(request: Request, who: SignIn, store: People) -> Response:
    """Delete the case."""
    gone = await run_in_threadpool(
        lambda: store.delete_case(_case_id(request), now=centre_of(request).now())
    )
    return RedirectResponse("/", 303) if gone else _not_found(request)


@page("counsellor")
async def case_remark(request: Request, who: SignIn, store: People) -> Response:
    """A counsellor's comment, approval or 'seen' on a case shared with them."""
    form = _form(request)
    kind = str(form.get("kind") or "comment")
    if kind not in ("comment", "approve", "seen"):
        kind = "comment"
    text = str(form.get("text") or "").strip() or None
    case = _case_id(request)
    done = await run_in_threadpool(
        lambda: store.remark(case, kind, text, now=centre_of(request).now())
    )
    return RedirectResponse(f"/cases/{case}", 303) if done else _not_found(request)


@page("student")
async def case_letter(request: Request, who: SignIn, store: People) -> Response:
    """One letter of the case (a letter draft or the letter of apology) as a PDF or a DOCX,
    with the centre's letterhead."""
    from sopan.app.centre import letter_file

    centre = centre_of(request)
    kind = request.url.path.rpartition(".")[2]
    draft = int(request.path_params["draft_id"])
    try:
        name, data = await run_in_threadpool(
            lambda: letter_file(store, who.account, _case_id(request), draft, kind,
                                centre=centre.centre, now=centre.now())
        )  # fmt: skip
    except UserError:
        return _not_found(request)
    media = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    return Response(data, media_type=media[kind], headers={
        "content-disposition": f'attachment; filename="{name}"'})  # fmt: skip


def routes() -> list[Route]:
    """The pages' routes (privacy, audit and administration in `hosted.people_pages`)."""
    from sopan.hosted import people_pages, source_pages

    return [
        Route("/login", sign_in_page, methods=["GET"]),
        Route("/login", sign_in, methods=["POST"]),
        Route("/logout", sign_out, methods=["POST"]),
        Route("/", home, methods=["GET"]),
        Route("/cases", new_case, methods=["POST"]),
        Route("/cases/{case_id:int}", case_page, methods=["GET"]),
        Route("/cases/{case_id:int}/drafts", case_drafts, methods=["POST"]),
        Route("/cases/{case_id:int}/share", case_share, methods=["POST"]),
        Route("/cases/{case_id:int}/unshare", case_unshare, methods=["POST"]),
        Route("/cases/{case_id:int}/delete", case_delete, methods=["POST"]),
        Route("/cases/{case_id:int}/remark", case_remark, methods=["POST"]),
        Route("/cases/{case_id:int}/letters/{draft_id:int}.pdf", case_letter, methods=["GET"]),
        Route("/cases/{case_id:int}/letters/{draft_id:int}.docx", case_letter, methods=["GET"]),
        *people_pages.routes(),
        *source_pages.routes(),
    ]
