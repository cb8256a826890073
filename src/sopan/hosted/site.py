"""The hosted app: one Starlette application per web process, built from the environment
(`create_app`, a factory uvicorn calls in each of its workers).

What every request shares is a `Centre`: the database (a `store.scope.Hosted`), the
settings, the pages' templates and words, and the clock. Who is asking is found once per
request (`signed_in`) from the session cookie; what they may do is decided by their role and,
for a case, by the store (`store.scope`: a case another account may not see is absent)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from sopan.config.hosted import CentreSettings, ServeSettings
from sopan.errors import ExternalError, SopanError, UserError
from sopan.hosted.words import page_language
from sopan.store.accounts import SignIn
from sopan.store.people import People
from sopan.store.scope import NOBODY, Hosted, Scope, Unit

#: the environment variable holding the key that signs a sign-in in progress
SECRET_VARIABLE = "SOPAN_SECRET_KEY"
#: a fixed time for every request (tests and benchmarks), ISO 8601
NOW_VARIABLE = "SOPAN_NOW"
#: the most a form or a JSON body may carry
BODY_LIMIT = 11 * 1024 * 1024


class Centre:
    """A hosted centre's shared state in one web process."""

    def __init__(
        self, hosted: Hosted, serve: ServeSettings, centre: CentreSettings, *,
        secret: str, now: datetime | None = None, config: Any = None,
    ) -> None:  # fmt: skip
        from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

        self.hosted, self.serve, self.centre = hosted, serve, centre
        self.secret, self.fixed_now, self.config = secret, now, config
        self._turns: Any = None
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    PackageLoader("sopan.hosted", "templates"),
                    PackageLoader("sopan.web", "templates"),
                ]
            ),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def turns(self) -> Any:
        """How many requests do their work at once in this process (an anyio limiter): as
        many as the pool has connections, so a request past them waits here for its turn,
        never in a thread for a connection (a wait the pool ends with an error)."""
        if self._turns is None:
            from anyio import CapacityLimiter

            self._turns = CapacityLimiter(self.hosted.connections)
        return self._turns

    def now(self) -> datetime:
        """The fixed time, or the clock."""
        return self.fixed_now or datetime.now(UTC)

    def store(self, scope: Scope) -> People:
        """The store as `scope` sees it."""
        return self.hosted.store(scope)

    def zone_of(self, who: SignIn | None) -> str:
        """The zone a person's pages show times in: their profile's (the one their
        invitations are read in), never UTC."""
        from sopan.app.centre import config_for

        if who is None:
            return "Asia/Jakarta"
        return config_for(who.account).profile.timezone

    def words(self, language: str) -> dict[str, Any]:
        """The hosted pages' words in `language`."""
        from sopan.hosted.words import hosted_words

        return hosted_words(language)

    def render(
        self, request: Request, template: str, *, status: int = 200, **context: Any
    ) -> Response:
        """A page in the person's language; every form on it carries their form token."""
        who = signed_in(request)
        lang = page_language(who.account.language) if who else _browser_language(request)
        errors = context.pop("errors", [])
        from sopan.data import load_yaml

        zone = self.zone_of(who)

        def when(moment: datetime | str) -> str:
            """A time (or its ISO text) as the person reads it: in their zone, the
            language's usual form."""
            from sopan.language.dateforms import when_text

            if isinstance(moment, str):
                moment = datetime.fromisoformat(moment)
            return when_text(moment, zone, lang, short=True)

        page = self.env.get_template(template).render(
            w=self.words(lang), web=load_yaml("web", f"{lang}.yaml"), lang=lang, who=who,
            csrf=who.csrf if who else None, errors=errors, centre=self.centre, when=when,
            **context,
        )  # fmt: skip
        return HTMLResponse(page, status_code=status)


def _browser_language(request: Request) -> str:
    from sopan.hosted.words import preferred

    return preferred(request.headers.get("accept-language", ""))


def centre_of(request: Request) -> Centre:
    """The centre a request reached."""
    found: Centre = request.app.state.centre
    return found


def signed_in(request: Request, unit: Unit | None = None) -> SignIn | None:
    """Who is asking (found once per request from the session cookie, in the request's
    `unit` when it has one), None before sign-in."""
    if hasattr(request.state, "sign_in"):
        known: SignIn | None = request.state.sign_in
        return known
    from sopan.hosted.auth import token_of

    centre = centre_of(request)
    token = token_of(request, centre.serve)
    store = centre.hosted.store(NOBODY, unit)
    found = store.session(token, now=centre.now()) if token else None
    request.state.sign_in = found
    return found


def scope_of(sign_in: SignIn) -> Scope:
    """The scope a signed-in account's requests run in."""
    return Scope(sign_in.account.id, sign_in.account.role)


def address_of(request: Request) -> str:
    """The address a request came from (the proxy's word for it, when the proxy is trusted:
    uvicorn rewrites the client only for the trusted ones)."""
    return request.client.host if request.client else "unknown"


def error_page(request: Request, exc: SopanError, status: int = 400) -> Response:
    """A refusal as the page or the API says it."""
    who = signed_in(request)
    lang = page_language(who.account.language) if who else _browser_language(request)
    text = exc.text(lang)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.code, "field": exc.field, "message": text}, status)
    centre = centre_of(request)
    return centre.render(request, "problem.html", status=status,
                         errors=[(exc.field or "form", text)])  # fmt: skip


def back_to_sign_in(request: Request) -> Response:
    """Not signed in: the API says 401, a page sends the browser to sign in."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "login.required"}, 401)
    return RedirectResponse("/login", 303)


def create_app(
    *, hosted: Hosted | None = None, config: Any = None, now: datetime | None = None
) -> Starlette:
    """The hosted app, from the config file (`SOPAN_CONFIG`), the database
    (`SOPAN_DATABASE_URL`) and the secret key (`SOPAN_SECRET_KEY`)."""
    from sopan.config import load_config
    from sopan.config.hosted import centre_settings, serve_settings
    from sopan.hosted.database import centre_database
    from sopan.hosted.observe import configure_logging

    configure_logging()
    config = config or load_config()
    serve, centre = serve_settings(config.sections), centre_settings(config.sections)
    secret = os.environ.get(SECRET_VARIABLE, "")
    if len(secret) < 32:
        raise UserError("hosted.no_secret")
    fixed = os.environ.get(NOW_VARIABLE)
    if now is None and fixed:
        now = datetime.fromisoformat(fixed)
    state = Centre(hosted or centre_database(), serve, centre, secret=secret, now=now,
                   config=config)  # fmt: skip
    app = build(state)
    _warm()
    return app


def _warm() -> None:
    """Draft for nobody before the first request (`hosted.warm`): uvicorn's worker takes
    no connection until its factory returns, so no student waits for a module to load."""
    import time

    from sopan.hosted.observe import log
    from sopan.hosted.warm import warm_up

    started = time.process_time()
    drafts = warm_up()
    log("warmed", drafts=drafts, cpu_ms=round((time.process_time() - started) * 1000))


def build(state: Centre) -> Starlette:
    """The application over `state`: its routes and the middleware every request passes."""
    from sqlalchemy.exc import InterfaceError, OperationalError
    from starlette.middleware import Middleware
    from starlette.middleware.sessions import SessionMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    from sopan.hosted import api, observe, pages, sso

    static = Path(__file__).resolve().parent.parent / "web" / "static"
    routes = [
        *observe.routes(),
        *pages.routes(),
        *api.routes(),
        *sso.routes(),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    middleware = [
        Middleware(observe.Observed),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(state.serve.allowed_hosts)),
        Middleware(observe.Guarded, limit=BODY_LIMIT),
        # only the sign-in in progress at the campus provider (its state and PKCE verifier):
        # a signed cookie of ten minutes; the session itself is server-side
        Middleware(SessionMiddleware, secret_key=state.secret, session_cookie="sopan_sso",
                   max_age=600, same_site="lax", https_only=state.serve.secure_cookies),
    ]  # fmt: skip
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={
        SopanError: _refused,  # type: ignore[dict-item]
        # the database gone or refusing connections: sopan is not ready, whatever was asked
        OperationalError: _not_ready,
        InterfaceError: _not_ready,
    })  # fmt: skip
    app.state.centre = state
    return app


def status_of(exc: SopanError) -> int:
    """The HTTP status of a refusal: 404 for a case the account may not see (as absent as
    one never made), 400 for what the request gave, 502 for a service outside sopan that
    failed (a calendar server's 404, a mail server refusing), 503 when sopan's own database
    cannot be used (sopan is not ready), 500 for a fault of sopan's."""
    from sopan.store import StoreError

    if exc.code == "case.not_found":
        return 404
    if isinstance(exc, UserError):
        return 400
    if isinstance(exc, ExternalError):
        return 502
    if isinstance(exc, StoreError):
        return 503
    return 500


async def _refused(request: Request, exc: SopanError) -> Response:
    status = status_of(exc)
    if status == 503:
        return await _not_ready(request, exc)
    return error_page(request, exc, status)


async def _not_ready(request: Request, exc: Exception) -> Response:
    """sopan itself cannot answer (its database does not): 503, to be asked again."""
    from sopan.hosted.observe import log

    log("not_ready", kind=type(exc).__name__)
    request.state.sign_in = None  # who asks cannot be found without the database
    if request.url.path.startswith("/api/"):
        refused = UserError("hosted.not_ready")
        return JSONResponse({"error": refused.code, "field": None,
                             "message": refused.text("en")}, 503,
                            headers={"retry-after": "30"})  # fmt: skip
    response = error_page(request, UserError("hosted.not_ready", field="form"), 503)
    response.headers["retry-after"] = "30"
    return response


Handler = Callable[..., Any]
