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
    """The accounts, to add and disable; the centre's letterhead."""
    return await _admin_page(request, who, store)


async def _admin_page(
    request: Request, who: SignIn, store: People, *, status: int = 200, errors: Any = (),
    typed: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    import base64

    from sopan.store.scope import ROLES, SYSTEM

    centre = centre_of(request)
    accounts = await run_in_threadpool(centre.store(SYSTEM).accounts)
    kept = await run_in_threadpool(store.letterhead)
    if typed is None:  # what is kept, or the config's [centre] before an admin set any
        typed = {"letterhead_name": kept.name if kept else centre.centre.name,
                 "address": "\n".join(kept.lines) if kept else centre.centre.address}  # fmt: skip
    logo = None
    if kept is not None and kept.logo and kept.logo_kind:
        encoded = base64.b64encode(kept.logo).decode("ascii")
        logo = f"data:image/{kept.logo_kind.lower()};base64,{encoded}"
    from sopan.hosted.letterhead import logo_bytes_text, logo_pixels_text

    lang = page_language(who.account.language)

    return centre.render(request, "admin.html", status=status, accounts=accounts, roles=ROLES,
                         errors=list(errors), typed=typed, logo=logo,
                         logo_limit=logo_bytes_text().text(lang),
                         logo_pixels=logo_pixels_text())  # fmt: skip


@page("admin")
async def letterhead(request: Request, who: SignIn, store: People) -> Response:
    """Set the centre's letterhead: a name, address lines, a logo (PNG or JPEG, checked by
    its bytes); a refusal names the field and keeps what was typed."""
    from starlette.datastructures import UploadFile

    from sopan.hosted.letterhead import LOGO_BYTES, checked_logo, checked_text

    form = _form(request)
    typed = {"letterhead_name": str(form.get("letterhead_name") or ""),
             "address": str(form.get("address") or "")}  # fmt: skip
    upload = form.get("logo")
    logo: bytes | None = None
    if isinstance(upload, UploadFile) and upload.filename:
        logo = await upload.read(LOGO_BYTES + 1)  # one byte past the limit is enough to refuse
    centre = centre_of(request)
    drop = form.get("drop_logo") == "yes"

    def keep() -> None:
        name, lines = checked_text(typed["letterhead_name"], typed["address"])
        kind = checked_logo(logo) if logo else None
        store.set_letterhead(name, lines, logo=logo, logo_kind=kind, keep_logo=not drop,
                             now=centre.now())  # fmt: skip

    try:
        await run_in_threadpool(keep)
    except UserError as exc:
        said = exc.text(page_language(who.account.language))
        return await _admin_page(request, who, store, status=400, typed=typed,
                                 errors=[(exc.field or "letterhead_name", said)])  # fmt: skip
    return RedirectResponse("/admin#letterhead", 303)


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
        Route("/admin/letterhead", letterhead, methods=["POST"]),
    ]
