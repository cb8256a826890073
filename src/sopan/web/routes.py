"""The web app: every page and where it lives. The pages are in `home` (the person's cases,
a new invitation), `steps` (what sopan read, the situation, the plan), `take` (the drafts,
downloads, sending, saving, follow-ups) and `settings` (details, calendars, language); no
stage is called from any of them, only `sopan.app`.

A case's pages live under its own address, `/c/KEY/…`, found only by the browser that made
it. An error a page did not expect is a page that says so in the person's words (never a
traceback); an error of sopan's own that reached this far is shown with its words."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sopan.errors import SopanError, UserError
from sopan.web import career, home, settings, steps, take
from sopan.web.flow import MAX_UPLOAD
from sopan.web.guard import Guard, Keys
from sopan.web.site import Site, error_of, site_of
from sopan.web.work import Overtime, Runner, runner


def _status(exc: SopanError) -> int:
    return 400 if isinstance(exc, UserError) else 504 if isinstance(exc, Overtime) else 502


async def _sopan_error(request: Request, exc: Exception) -> Response:
    """An error of sopan's own that no page caught: its words, on a page."""
    site = site_of(request)
    try:
        config = site.config()
    except SopanError:
        return HTMLResponse("sopan: the config file cannot be read", status_code=400)
    assert isinstance(exc, SopanError)
    error = error_of(exc, site.language(request, config))
    return site.render(request, "problem.html", "problem", errors=[error], config=config,
                       status=_status(exc), internal=False)  # fmt: skip


async def _internal(request: Request, exc: Exception) -> Response:
    """A bug in sopan: a page that says so (the console gets one line from the guard)."""
    site = site_of(request)
    return site.render(request, "problem.html", "problem", status=500, internal=True)


def _too_big(site: Site) -> Callable[..., Awaitable[None]]:
    """The page for a body over the upload limit, refused before it was read: in the
    person's words, with the way back to the page it came from (what they typed there is
    still in the browser's history of that page)."""

    async def answer(scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        config = site.config()
        lang = site.language(request, config)
        limit = MAX_UPLOAD // (1024 * 1024)
        said = site.words(lang)["problem"]["too_big"].format(limit=limit)
        came = urlsplit(request.headers.get("referer", ""))
        same = came.netloc == request.headers.get("host") and came.path.startswith("/")
        back = came.path if same and not came.path.startswith("//") else "/"
        page = site.render(request, "problem.html", "problem", status=413, config=config,
                           internal=False, said=said, back=back)  # fmt: skip
        await page(scope, receive, send)

    return answer


def _no_session(site: Site) -> Callable[..., Awaitable[None]]:
    """The page for a browser without this start's session (a tab left open across a
    restart, a wrong token): where the new address is, and that the cases are kept."""

    async def answer(scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        config = site.config()
        said = site.words(site.language(request, config))["problem"]["no_session"]
        page = site.render(request, "problem.html", "problem", status=403, config=config,
                           internal=False, said=said, back="/", bare=True)  # fmt: skip
        await page(scope, receive, send)

    return answer


async def _bad_form(request: Request, exc: Exception) -> Response:
    """A form the browser could not have sent (a broken multipart body): refused."""
    return HTMLResponse("sopan: the form could not be read", status_code=400)


def make_app(
    *, hosts: frozenset[str], keys: Keys, now: datetime | None = None,
    config_file: Path | None = None, work: Runner | None = None,
) -> Guard:  # fmt: skip
    """The web app behind its guard: only `hosts`, only with the session `keys` give.
    `config_file`: read and saved instead of the usual config file (`SOPAN_CONFIG`);
    `work`: where the pages' work runs (default: worker processes, see `work`)."""
    from importlib import resources

    static = str(resources.files("sopan.web").joinpath("static"))
    case = "/c/{key:str}"
    routes = [
        Route("/", home.home),
        Route("/invitation", home.upload, methods=["POST"]),
        Route(f"{case}/close", home.close, methods=["POST"]),
        Route(f"{case}/forget", home.forget, methods=["POST"]),
        Route(f"{case}/facts", steps.facts_page),
        Route(f"{case}/facts", steps.facts_submit, methods=["POST"]),
        Route(f"{case}/situation", steps.situation_page),
        Route(f"{case}/situation", steps.situation_submit, methods=["POST"]),
        Route(f"{case}/situation/check", steps.situation_check, methods=["POST"]),
        Route(f"{case}/plan", steps.plan_page),
        Route(f"{case}/plan", steps.plan_submit, methods=["POST"]),
        Route(f"{case}/drafts", take.drafts_page),
        Route(f"{case}/drafts", take.drafts_submit, methods=["POST"]),
        Route(f"{case}/drafts/lint", take.drafts_lint, methods=["POST"]),
        Route(f"{case}/take", take.take_page),
        Route(f"{case}/download/{{name:str}}", take.download),
        Route(f"{case}/send", take.send_page),
        Route(f"{case}/send", take.send_submit, methods=["POST"]),
        Route(f"{case}/save", take.save_submit, methods=["POST"]),
        Route(f"{case}/done", take.done_submit, methods=["POST"]),
        Route(f"{case}/follow-up", take.follow_up_submit, methods=["POST"]),
        Route(f"{case}/follow-ups.ics", take.follow_ups_ics),
        Route("/profile", settings.profile_page),
        Route("/profile", settings.profile_submit, methods=["POST"]),
        Route("/calendars", settings.calendars_page),
        Route("/calendars", settings.calendars_submit, methods=["POST"]),
        Route("/language", settings.switch_language, methods=["POST"]),
        *career.routes(),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    from starlette.formparsers import MultiPartException

    handlers = {SopanError: _sopan_error, MultiPartException: _bad_form, Exception: _internal}
    web = Starlette(routes=routes, exception_handlers=handlers)
    site = Site(now=now, config_file=config_file, runner=work or runner())
    web.state.site = site
    return Guard(web, hosts=hosts, keys=keys, max_body=MAX_UPLOAD + 64 * 1024,
                 too_big=_too_big(site), no_session=_no_session(site))  # fmt: skip
