"""The first page: the person's cases, the most urgent first, and a new invitation to
paste or upload, which makes a new case. Every case page goes through `case_page`, which
finds the case for this browser or answers that there is none."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartParser
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sopan import app
from sopan.errors import SopanError
from sopan.web.flow import MAX_UPLOAD
from sopan.web.site import Site, browser, error_of, site_of

#: the cases the first page lists before "every case" is asked for (the most urgent first)
SHOWN = 30
Handler = Callable[[Request, Site, app.Case, app.Config], Awaitable[Response]]


class InMemory(MultiPartParser):
    """Starlette's multipart parser with its spool as large as the upload limit: an
    uploaded invitation stays in memory, never in a temporary file."""

    spool_max_size = MAX_UPLOAD + 1


async def form_in_memory(request: Request) -> Any:
    """The request's form, its files held in memory up to the upload limit (a form that is
    not multipart is Starlette's own, which holds no file)."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/form-data"):
        return await request.form(max_files=0, max_fields=20, max_part_size=MAX_UPLOAD + 1)
    parser = InMemory(request.headers, request.stream(), max_files=1, max_fields=20,
                      max_part_size=MAX_UPLOAD + 1)  # fmt: skip
    return await parser.parse()


def not_found(request: Request, site: Site, config: app.Config) -> Response:
    """A case that is not this browser's (or no longer is): said plainly."""
    return site.render(request, "missing.html", "missing", status=404, config=config)


def case_page(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A page of one case: the handler gets it only when it is this browser's."""

    @functools.wraps(handler)
    async def page(request: Request) -> Response:
        site = site_of(request)
        config = site.config()
        who = browser(request)
        case = None
        if who is not None:
            case = await site.runner.io(app.case_for, who, request.path_params["key"])
        if case is None:
            return not_found(request, site, config)
        return await handler(request, site, case, config)

    return page


async def home(request: Request) -> Response:
    """The person's cases and the form for a new invitation."""
    site = site_of(request)
    config = site.config()
    who = browser(request)
    every = request.query_params.get("all") == "1"
    lines, total = (
        await site.runner.io(app.cases_for, who, site.now(config), None if every else SHOWN)
        if who
        else ([], 0)
    )
    return site.render(request, "start.html", "start", config=config,
                       cases=lines, more=total - len(lines),
                       every=every, limit=MAX_UPLOAD // (1024 * 1024), now=site.now(config),
                       tz=config.profile.timezone)  # fmt: skip


async def upload(request: Request) -> Response:
    """A new invitation, pasted or uploaded: read, and kept as a new case when it reads."""
    site = site_of(request)
    config = site.config()
    w = site.words(site.language(request, config))
    limit = MAX_UPLOAD // (1024 * 1024)
    form = await form_in_memory(request)
    text = str(form.get("text") or "")
    file = form.get("file")
    data, source = b"", "pasted"
    if isinstance(file, UploadFile) and file.filename:
        data = await file.read(MAX_UPLOAD + 1)
        source = file.filename
    await form.close()

    def again(field: str, message: str, status: int) -> Response:
        return site.render(request, "start.html", "start", config=config, status=status,
                           errors=[(field, message)], limit=limit, text=text, cases=[],
                           more=0, every=False, now=site.now(config),
                           tz=config.profile.timezone)  # fmt: skip

    if len(data) > MAX_UPLOAD or len(text.encode("utf-8")) > MAX_UPLOAD:
        return again("file", w["start"]["too_big"].format(limit=limit), 413)
    if not data:
        data = text.encode("utf-8")
    if not data.strip():
        return again("text", w["start"]["need_one"], 400)
    who = browser(request)
    if who is None:
        return again("text", w["errors"]["session"], 400)
    now = site.now(config)
    request_ = app.ReadRequest(source, now=now, data=data, config=config)
    try:
        read = await site.runner.run(app.read_for, request_)
    except SopanError as exc:
        message = error_of(exc, site.language(request, config))[1]
        return again("file" if source != "pasted" else "text", message, 400)
    case = await site.runner.io(app.new_case_for, who, data, source, now)
    await site.runner.io(app.update_case_for, who, case.key, case.inputs, now, read.invitation)
    return RedirectResponse(f"/c/{case.key}/facts", status_code=303)


@case_page
async def close(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """An old message the person will not answer: the case is closed (or opened again)."""
    from dataclasses import replace

    form = await request.form()
    closed = "old" if form.get("closed") == "old" else None
    who = browser(request) or ""
    inputs = replace(case.inputs, closed=closed)
    await site.runner.io(app.update_case_for, who, case.key, inputs, site.now(config))
    return RedirectResponse("/" if closed else f"/c/{case.key}/facts", status_code=303)


@case_page
async def forget(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """Delete the case (what was sent stays in the history)."""
    await site.runner.io(app.forget_case_for, browser(request) or "", case.key)
    site.flows.pop((browser(request) or "", case.key), None)
    return RedirectResponse("/", status_code=303)
