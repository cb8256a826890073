"""The Karier pages (R9–R10): the person's LinkedIn profile, their public posts, vacancy
watches, skills to learn and their network, through the same use cases as `sopan career`.

Privacy: an upload is read from the request's body in memory (never spooled to a temporary
file) and handed to `sopan.app` as an `app.Upload`. Only the LinkedIn export is held after
the request, in memory, for the browser that sent it (its identity, the one its cases belong
to: see `guard`), so the profile and network pages can use it without a second upload;
"forget" drops it, and so does the end of the server. A social archive is scanned and
dropped. The store keeps only what the person asked to keep: a watched source, the profile's
keywords ("keep"), a learning to-do.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan import app
from sopan.errors import SopanError
from sopan.web import career_views
from sopan.web.career_views import page_words
from sopan.web.flow import MAX_UPLOAD
from sopan.web.site import browser, error_of, site_of

#: how many browsers' desks are held (the oldest unused is dropped first)
DESKS = 32
#: the step name the base template is given (the language switch comes back here)
STEP = "karier"
Errors = list[tuple[str, str]]


@dataclass
class Desk:
    """What one browser gave the Karier pages and may use again: the LinkedIn export and
    the vCards of its last network search. In memory only."""

    export: app.Upload | None = None
    vcards: bytes = b""


class _InMemory(MultiPartParser):
    """The multipart parser with files held in memory up to the upload limit: a file is
    never rolled over to a temporary file on the server's disk."""

    spool_max_size = MAX_UPLOAD + 1


async def read_form(request: Request) -> FormData:
    """The form, its files in memory; a body that is no form is an empty one."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return await request.form(max_files=0, max_fields=20)
    try:
        return await _InMemory(
            request.headers, request.stream(), max_files=3, max_fields=20
        ).parse()
    except MultiPartException:
        return FormData()


async def _file(form: FormData, name: str) -> app.Upload | None:
    """The file sent as `name` (None when none was chosen); over the limit: `ValueError`."""
    given = form.get(name)
    if not isinstance(given, UploadFile) or not given.filename:
        return None
    data = await given.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ValueError(name)
    return app.Upload(given.filename, data) if data else None


def _desks(request: Request) -> OrderedDict[str, Desk]:
    state = request.app.state
    if not hasattr(state, "career_desks"):
        state.career_desks = OrderedDict()
    desks: OrderedDict[str, Desk] = state.career_desks
    return desks


def _desk(request: Request) -> Desk:
    """This browser's desk (a new, empty one when it has none yet), kept under its identity
    as its cases are. A request without an identity gets a desk of its own that is not
    kept: what it uploads serves that page only."""
    key = browser(request)
    if key is None:
        if not hasattr(request.state, "career_desk"):
            request.state.career_desk = Desk()
        own: Desk = request.state.career_desk
        return own
    desks = _desks(request)
    desk = desks.pop(key, None) or Desk()
    desks[key] = desk
    while len(desks) > DESKS:
        desks.popitem(last=False)
    return desk


def page_language(request: Request, config: app.Config) -> str:
    """The page's language: the one this browser switched to, else the profile's."""
    return site_of(request).language(request, config)


def _render(
    request: Request, name: str, *, errors: Errors | None = None, status: int = 200, **context: Any
) -> Response:
    site = site_of(request)
    config = context.pop("config", None) or site.config()
    language = site.language(request, config)
    return site.render(
        request, f"career/{name}", STEP, errors=errors or [], status=status, config=config,
        k=page_words(language), cv=career_views, lang_code=language, desk=_desk(request),
        limit=MAX_UPLOAD // (1024 * 1024), **context,
    )  # fmt: skip


def refused(
    request: Request, config: app.Config, exc: SopanError, fallback: str
) -> tuple[str, str]:
    """An error as a Karier page shows it: the form field it is about, its words in the
    page's language (also for `career_store`)."""
    message = error_of(exc, page_language(request, config), fallback)[1]
    return (exc.field or fallback).replace(".", "_"), message


# --- the section's front page ---------------------------------------------------------


async def index(request: Request) -> Response:
    """The five parts, the export held (if any), and the forms."""
    return _render(request, "index.html", forgotten=request.query_params.get("lupa") == "1")


async def forget(request: Request) -> Response:
    """Drop what this browser gave (its export, its vCards)."""
    key = browser(request)
    if key is not None:
        _desks(request).pop(key, None)
    return RedirectResponse("/karier?lupa=1", status_code=303)


# --- profile (R9.1) -------------------------------------------------------------------


async def profile(request: Request) -> Response:
    """The export checked, with the posting's keywords when one is given."""
    site, desk = site_of(request), _desk(request)
    config = site.config()
    k = page_words(page_language(request, config))
    form = await read_form(request)
    try:
        export = await _file(form, "export") or desk.export
        target = await _file(form, "target_file")
    except ValueError as exc:
        return _render(request, "index.html", errors=[(str(exc), k["limit"])], status=413)
    text = str(form.get("target") or "").strip()
    if target is None and text:
        target = app.Upload("lowongan.txt", text.encode("utf-8"))
    if export is None:
        return _render(request, "index.html", errors=[("export", k["profile"]["need_export"])],
                       status=400, target_text=text)  # fmt: skip
    now = site.now(config)
    keep = form.get("keep") == "1"
    language = page_language(request, config)
    req = app.ProfileRequest(export, now, target, language, keep, config=config)
    try:
        result = await run_in_threadpool(app.profile_for, req)
    except SopanError as exc:
        return _render(request, "index.html", errors=[refused(request, config, exc, "export")],
                       status=400, target_text=text)  # fmt: skip
    desk.export = export  # read well: held for this browser's other pages
    return _render(request, "profile.html", result=result, kept=keep)


# --- social (R9, R9.2) ----------------------------------------------------------------


async def social(request: Request) -> Response:
    """The posts worth a second look; the archive is dropped when the page is made."""
    site = site_of(request)
    config = site.config()
    k = page_words(page_language(request, config))
    form = await read_form(request)
    try:
        archive = await _file(form, "archive")
    except ValueError as exc:
        return _render(request, "index.html", errors=[(str(exc), k["limit"])], status=413)
    if archive is None:
        return _render(request, "index.html", errors=[("archive", k["social"]["need_archive"])],
                       status=400)  # fmt: skip
    try:
        result = await run_in_threadpool(app.social_for, app.SocialRequest(archive, config=config))
    except SopanError as exc:
        return _render(request, "index.html", errors=[refused(request, config, exc, "archive")],
                       status=400)  # fmt: skip
    return _render(request, "social.html", result=result)


# --- network (R10.3, C3) --------------------------------------------------------------


async def network(request: Request) -> Response:
    """Whom the person knows at the company; the recruiters; the reminders; vCards."""
    site, desk = site_of(request), _desk(request)
    config = site.config()
    k = page_words(page_language(request, config))
    form = await read_form(request)
    try:
        export = await _file(form, "network_export") or desk.export
    except ValueError as exc:
        return _render(request, "index.html", errors=[(str(exc), k["limit"])], status=413)
    company = " ".join(str(form.get("company") or "").split()) or None
    if export is None:
        return _render(request, "index.html", company=company, status=400,
                       errors=[("network_export", k["profile"]["need_export"])])  # fmt: skip
    req = app.NetworkRequest(export, site.now(config), company)
    try:
        result = await run_in_threadpool(app.network_for, req)
    except SopanError as exc:
        return _render(request, "index.html", company=company, status=400,
                       errors=[refused(request, config, exc, "network_export")])  # fmt: skip
    if not result.known and not result.recruiters:
        return _render(request, "index.html", company=company, status=400,
                       errors=[("company", k["network"]["no_company"])])  # fmt: skip
    desk.export, desk.vcards = export, result.vcards
    return _render(request, "network.html", result=result)


async def vcards(request: Request) -> Response:
    """The last network search's people as vCards, for this browser only."""
    found = _desk(request).vcards
    if not found:
        return RedirectResponse("/karier", status_code=303)
    headers = {"content-disposition": 'attachment; filename="kontak.vcf"'}
    return Response(found, media_type="text/vcard; charset=utf-8", headers=headers)


async def to_index(request: Request) -> Response:
    """A result page asked for again without its form (the language switched, a bookmark):
    the section's front page, where the form is."""
    return RedirectResponse("/karier", status_code=303)


def routes() -> list[Route]:
    """The Karier pages, under /karier."""
    from sopan.web.career_store import store_routes

    return [
        Route("/karier", index),
        Route("/karier/lupakan", forget, methods=["POST"]),
        Route("/karier/profil", profile, methods=["POST"]),
        Route("/karier/sosial", social, methods=["POST"]),
        Route("/karier/jaringan", network, methods=["POST"]),
        *(Route(f"/karier/{part}", to_index) for part in ("profil", "sosial", "jaringan")),
        Route("/karier/kontak.vcf", vcards),
        *store_routes(),
    ]


def now_of(request: Request) -> tuple[app.Config, datetime]:
    """The config and the page's time, for the pages in `career_store`."""
    site = site_of(request)
    config = site.config()
    return config, site.now(config)


def render(request: Request, name: str, **context: Any) -> Response:
    """A Karier page (for `career_store`)."""
    return _render(request, name, **context)


def words_of(request: Request, config: app.Config) -> dict[str, Any]:
    """The Karier pages' words in the page's language (for `career_store`)."""
    return page_words(page_language(request, config))
