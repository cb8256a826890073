"""The pages about people rather than cases: a student's privacy (consent per purpose,
the export, erasure, their audit trail), the auditor's log, the administration."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan.errors import UserError
from sopan.hosted.pages import _form, page
from sopan.hosted.site import centre_of
from sopan.hosted.words import hosted_words, page_language, page_languages
from sopan.store.accounts import SignIn
from sopan.store.people import People


@page("student")
async def privacy(request: Request, who: SignIn, store: People) -> Response:
    """Consent per purpose, the export, erasure, and what was done with the student's data."""
    return await _privacy_page(request, store)


async def _privacy_page(
    request: Request, store: People, *, status: int = 200, errors: Any = (), typed: str = ""
) -> Response:
    from sopan.hosted.consent import PURPOSES

    consents = await run_in_threadpool(store.consents)
    given = {c["purpose"]: c for c in consents if c["withdrawn_at"] is None}
    entries = await run_in_threadpool(store.audit_log)
    return centre_of(request).render(request, "privacy.html", status=status, purposes=PURPOSES,
                                     given=given, entries=entries, errors=list(errors),
                                     confirm=typed)  # fmt: skip


@page("student")
async def consent(request: Request, who: SignIn, store: People) -> Response:
    """Give or withdraw consent to one purpose (withdrawal takes effect at once)."""
    from sopan.hosted.consent import PURPOSES, VERSION

    form = _form(request)
    purpose, act = str(form.get("purpose") or ""), str(form.get("act") or "")
    if purpose not in PURPOSES:
        raise UserError("parse.not_a_choice", field="purpose", value=purpose, choices=PURPOSES)
    now = centre_of(request).now()
    if act == "withdraw":
        await run_in_threadpool(lambda: store.withdraw_consent(purpose, now=now))
    elif not await run_in_threadpool(store.consented, purpose):
        await run_in_threadpool(lambda: store.give_consent(purpose, VERSION, now=now))
    return RedirectResponse("/privacy", 303)


@page("student")
async def export(request: Request, who: SignIn, store: People) -> Response:
    """Everything kept about the student as one ZIP."""
    from sopan.app.centre import export_zip

    data = await run_in_threadpool(lambda: export_zip(store, now=centre_of(request).now()))
    return Response(data, media_type="application/zip", headers={
        "content-disposition": 'attachment; filename="sopan-export.zip"'})  # fmt: skip


@page("student")
async def erase(request: Request, who: SignIn, store: People) -> Response:
    """Delete the account and every row of the student's, once they typed the word."""
    from sopan.hosted.auth import clear_session

    typed = str(_form(request).get("confirm") or "")
    words = {hosted_words(code)["privacy"]["erase_word"] for code in page_languages()}
    if typed.strip().upper() not in words:
        language = page_language(who.account.language)
        word = hosted_words(language)["privacy"]["erase_word"]
        said = UserError("privacy.confirm", field="confirm", word=word).text(language)
        return await _privacy_page(
            request, store, status=400, typed=typed, errors=[("confirm", said)]
        )
    await run_in_threadpool(lambda: store.erase_account(now=centre_of(request).now()))
    response = RedirectResponse("/login", 303)
    clear_session(response, centre_of(request).serve)
    return response


@page("auditor")
async def audit(request: Request, who: SignIn, store: People) -> Response:
    """The whole audit log, newest first."""
    entries = await run_in_threadpool(store.audit_log)
    return centre_of(request).render(request, "audit.html", entries=entries)


@page("admin")
async def admin(request: Request, who: SignIn, store: People) -> Response:
    """The accounts, to add and disable."""
    from sopan.store.scope import ROLES, SYSTEM

    centre = centre_of(request)
    accounts = await run_in_threadpool(centre.store(SYSTEM).accounts)
    return centre.render(request, "admin.html", accounts=accounts, roles=ROLES)


@page("admin")
async def add_account(request: Request, who: SignIn, store: People) -> Response:
    """A new local account."""
    from sqlalchemy.exc import IntegrityError

    from sopan.hosted.passwords import hash_password
    from sopan.store.scope import ROLES, SYSTEM

    form = _form(request)
    name, role = str(form.get("name") or "").strip(), str(form.get("role") or "")
    if role not in ROLES:
        raise UserError("hosted.not_a_role", field="role", value=role, choices=ROLES)
    if not name:
        raise UserError("parse.empty", field="name")
    centre = centre_of(request)
    hashed = hash_password(str(form.get("password") or ""))

    def add() -> None:
        system = centre.store(SYSTEM)
        try:
            made = system.add_account(name, role, now=centre.now(), password_hash=hashed)
        except IntegrityError:
            raise UserError("hosted.name_taken", field="name", value=name) from None
        store.audit("account", now=centre.now(), target=f"account:{made.id}")

    await run_in_threadpool(add)
    return RedirectResponse("/admin", 303)


@page("admin")
async def disable(request: Request, who: SignIn, store: People) -> Response:
    """Disable an account: its sign-ins end at once."""
    from sopan.store.scope import SYSTEM

    name = str(_form(request).get("name") or "")
    centre = centre_of(request)

    def off() -> None:
        gone = centre.store(SYSTEM).disable_account(name, now=centre.now())
        if gone is None:
            raise UserError("hosted.no_account", field="name", value=name)
        store.audit("disable", now=centre.now(), target=f"account:{gone.id}")

    await run_in_threadpool(off)
    return RedirectResponse("/admin", 303)


def routes() -> list[Route]:
    """Privacy, audit and administration."""
    return [
        Route("/privacy", privacy, methods=["GET"]),
        Route("/privacy/consent", consent, methods=["POST"]),
        Route("/privacy/export", export, methods=["GET"]),
        Route("/privacy/erase", erase, methods=["POST"]),
        Route("/audit", audit, methods=["GET"]),
        Route("/admin", admin, methods=["GET"]),
        Route("/admin/accounts", add_account, methods=["POST"]),
        Route("/admin/disable", disable, methods=["POST"]),
    ]
