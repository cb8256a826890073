"""The web app's pages: each reads the form, calls a use case (through the `Flow`), and
renders a template. No stage is called from here; what a use case refuses is shown in the
error summary, naming the field."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sopan import app
from sopan.config import Config, config_path, load_config
from sopan.errors import SopanError
from sopan.model.channels import channel_names, registry
from sopan.model.names import DETAILS, INTENTS, INTERESTS, LANGUAGES, REASONS
from sopan.model.names import FACT_FIELDS as FIELDS
from sopan.web import career, views
from sopan.web.flow import MAX_UPLOAD, Flow
from sopan.web.guard import Guard, Keys

STEPS = ("start", "facts", "situation", "plan", "drafts", "take")
CONTENT_TYPES = {
    ".eml": "message/rfc822",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
Errors = Sequence[tuple[str, str]]  # (the field's id, the message)


class Site:
    """The app's state for one server start: one person's flow, the clock, the config."""

    def __init__(self, *, now: datetime | None, config_file: Path | None):
        from jinja2 import Environment, PackageLoader, select_autoescape

        self.flow = Flow()
        self.fixed_now = now
        self.config_file = config_file
        self.env = Environment(
            loader=PackageLoader("sopan.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def config(self) -> Config:
        """The config file as it is now (the profile page may have changed it)."""
        return load_config(self.config_file)

    def config_path(self) -> Path:
        """Where the profile and calendar pages save: the file the config is read from."""
        return self.config_file or config_path()

    def now(self, config: Config) -> datetime:
        """The fixed time (tests, screenshots) or the clock, in the user's zone."""
        return self.fixed_now or datetime.now(ZoneInfo(config.profile.timezone))

    def language(self, config: Config) -> str:
        """The page's language: the one switched to, else the profile's."""
        return self.flow.language or config.profile.language

    def render(
        self, request: Request, name: str, step: str, *, errors: Errors = (), status: int = 200,
        **context: Any,
    ) -> HTMLResponse:  # fmt: skip
        """A page in the user's language, with the error summary when there are errors."""
        config = context.pop("config", None) or self.config()
        lang = self.language(config)
        page = self.env.get_template(name).render(
            w=_words(self, config), lang=lang, step=step, steps=STEPS,
            errors=list(errors), flow=self.flow, config=config, views=views, **context,
        )  # fmt: skip
        return HTMLResponse(page, status_code=status)


def _words(site: Site, config: Config) -> dict[str, Any]:
    from sopan.data import load_yaml

    language = site.language(config)
    words: dict[str, Any] = load_yaml("web", f"{language}.yaml")
    # a channel the page's words do not name is named by its spec (one added in data)
    labels = {s.name: s.label_in(language) for s in registry().specs}
    named = {k: v[:1].upper() + v[1:] for k, v in labels.items()}
    words["channels"] = {**named, **(words.get("channels") or {})}
    return words


def _error(site: Site, config: Config, exc: SopanError, fallback: str = "form") -> tuple[str, str]:
    """An error as the page shows it: the form field it is about, and its words in the page's
    language (the field's label is shown beside it by the page)."""
    return (exc.field or fallback).replace(".", "_"), exc.text(site.language(config))


# --- 1. the invitation ---------------------------------------------------------------------


async def start_page(request: Request) -> Response:
    site: Site = request.app.state.site
    return site.render(request, "start.html", "start", limit=MAX_UPLOAD // (1024 * 1024))


async def upload(request: Request) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    w = _words(site, config)
    limit = MAX_UPLOAD // (1024 * 1024)
    async with request.form(max_files=1, max_part_size=MAX_UPLOAD + 1) as form:
        text = str(form.get("text") or "")
        file = form.get("file")
        data, source = b"", "pasted"
        if isinstance(file, UploadFile) and file.filename:
            data = await file.read(MAX_UPLOAD + 1)  # held in memory only, never on disk
            source = file.filename
    if len(data) > MAX_UPLOAD or len(text.encode("utf-8")) > MAX_UPLOAD:
        errors = [("file", w["start"]["too_big"].format(limit=limit))]
        return site.render(request, "start.html", "start", errors=errors, status=413, limit=limit)
    if not data:
        data = text.encode("utf-8")
    if not data.strip():
        errors = [("text", w["start"]["need_one"])]
        return site.render(request, "start.html", "start", errors=errors, status=400, limit=limit)
    site.flow.start(data, source)
    try:
        site.flow.read(site.now(config), config)
    except SopanError as exc:
        site.flow.data = None
        return site.render(
            request, "start.html", "start", errors=[_error(site, config, exc, "text")],
            status=400, limit=limit, text=text,
        )  # fmt: skip
    return RedirectResponse("/facts", status_code=303)


Handler = Callable[..., Awaitable[Response]]


def _with_invitation(handler: Handler) -> Handler:
    """A page of the flow after the first: without an invitation it sends the person to
    the start."""

    @functools.wraps(handler)
    async def page(request: Request, *args: Any, **kwargs: Any) -> Response:
        if request.app.state.site.flow.data is None:
            return RedirectResponse("/", status_code=303)
        return await handler(request, *args, **kwargs)

    return page


# --- 2. what sopan read --------------------------------------------------------------------


@_with_invitation
async def facts_page(request: Request, errors: Errors = (), status: int = 200) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    read = site.flow.read(site.now(config), config)
    inv = read.invitation
    message = views.message_pieces(inv)
    return site.render(
        request, "facts.html", "facts", errors=errors, status=status, config=config, inv=inv,
        rows=views.fact_rows(inv, read.profile.timezone), message=message,
        marked=views.marked(message),
    )  # fmt: skip


@_with_invitation
async def facts_submit(request: Request) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    form = await request.form()
    before = dict(site.flow.corrections)
    read = site.flow.read(site.now(config), config)
    shown = {
        row.field: row.value for row in views.fact_rows(read.invitation, read.profile.timezone)
    }
    for name in FIELDS:
        key = name.replace(".", "_")
        chosen = str(form.get(f"{key}__choice") or "").strip()
        value = str(form.get(key) or "").strip()
        if chosen and chosen != "__other":
            site.flow.corrections[name] = views.candidate_value(chosen)
        elif value and value != shown.get(name, ""):
            site.flow.corrections[name] = value
    try:
        site.flow.read(site.now(config), config)
    except SopanError as exc:
        site.flow.corrections = before
        return await facts_page(request, [_error(site, config, exc)], 400)
    if form.get("confirm"):
        site.flow.facts_confirmed = True
        return RedirectResponse("/situation", status_code=303)
    return RedirectResponse("/facts", status_code=303)


# --- 3. your situation ---------------------------------------------------------------------


def _choices(form: Any) -> app.Choices:
    def pick(name: str, allowed: tuple[str, ...]) -> str | None:
        value = str(form.get(name) or "")
        return value if value in allowed else None

    confirmed = str(form.get("confirmed") or "")
    return app.Choices(
        intent=pick("intent", INTENTS),
        reason=pick("reason", REASONS),
        interest=pick("interest", INTERESTS),
        confirmed={"yes": True, "no": False}.get(confirmed),
        detail=pick("detail", DETAILS),
        reason_text=str(form.get("reason_text") or "").strip() or None,
    )


@_with_invitation
async def situation_page(
    request: Request, errors: Errors = (), status: int = 200, shown: app.Choices | None = None
) -> Response:
    """The situation form: `shown` are choices just refused, shown again to be mended;
    the recommendation is the one of the choices last accepted."""
    site: Site = request.app.state.site
    config = site.config()
    advice = None
    try:
        planned = site.flow.plan(site.now(config), config)
        advice = _advice(planned)
    except SopanError as exc:
        errors = [*errors, _error(site, config, exc)]
    return site.render(
        request, "situation.html", "situation", errors=errors, status=status, config=config,
        choices=shown or site.flow.choices or app.Choices(), advice=advice, intents=INTENTS,
        reasons=REASONS, interests=INTERESTS, details=DETAILS,
    )  # fmt: skip


def _advice(planned: app.PlanResult) -> tuple[str, str, str] | None:
    """(the action recommended, its why, its guideline) when the plan recommends one."""
    plan = planned.plan
    note = next((n for n in plan.warnings if n.guideline in ("C0", "R1.2")), None)
    action = plan.recommendation or (plan.action if planned.situation.intent is None else None)
    if action is None:
        return None
    return action, note.text if note else "", note.guideline if note else "C0"


@_with_invitation
async def situation_submit(request: Request) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    form = await request.form()
    before, chosen = site.flow.choices, _choices(form)
    site.flow.choices = chosen
    try:
        site.flow.plan(site.now(config), config)
    except SopanError as exc:
        site.flow.choices = before  # refused choices are never the ones planned with
        errors = [_error(site, config, exc)]
        return await situation_page(request, errors, 400, shown=chosen)
    site.flow.edits.clear()
    return RedirectResponse("/plan", status_code=303)


async def situation_check(request: Request) -> Response:
    """The contradictions of the choices as they are made (a fragment for the page's script)."""
    site: Site = request.app.state.site
    if site.flow.data is None:
        return HTMLResponse("", status_code=204)
    config = site.config()
    form = await request.form()
    request_ = site.flow.plan_request(site.now(config), config)
    from dataclasses import replace

    try:
        app.plan_for(replace(request_, choices=_choices(form)))
        message = ""
    except SopanError as exc:
        message = exc.text(site.language(config))
    template = site.env.get_template("_contradiction.html")
    return HTMLResponse(template.render(message=message))


# --- 4. the plan ---------------------------------------------------------------------------


@_with_invitation
async def plan_page(request: Request) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    try:
        planned = site.flow.plan(site.now(config), config)
    except SopanError as exc:
        return await situation_page(request, [_error(site, config, exc)], 400)
    from sopan.language.words import load_words
    from sopan.model import Slot, interview_length

    inv, tz = planned.invitation, planned.profile.timezone
    days = views.week_days(inv, site.now(config), tz)
    interview = Slot(inv.start, inv.start + interview_length(inv)) if inv.start else None
    free = list(planned.proposed)
    lang = site.language(config)
    boxes = views.week_boxes(days, list(planned.busy), interview, free, tz, lang)
    return site.render(
        request, "plan.html", "plan", config=config, planned=planned, days=days, boxes=boxes,
        free=free, pw=load_words(planned.plan.language), grid=views, tz=tz,
    )  # fmt: skip


@_with_invitation
async def plan_submit(request: Request) -> Response:
    site: Site = request.app.state.site
    form = await request.form()
    picked = tuple(str(v) for v in form.getlist("alternative") if str(v).strip())
    if picked and site.flow.choices is not None:
        from dataclasses import replace

        site.flow.choices = replace(site.flow.choices, alternatives=picked)
    return RedirectResponse("/drafts", status_code=303)


# --- 5. drafts -----------------------------------------------------------------------------


@_with_invitation
async def drafts_page(request: Request, errors: Errors = (), status: int = 200) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    try:
        reviewed = site.flow.reviewed(site.now(config), config)
    except SopanError as exc:
        return await facts_page(request, [_error(site, config, exc)], 400)
    return site.render(
        request, "drafts.html", "drafts", errors=errors, status=status, config=config,
        reviewed=reviewed,
    )  # fmt: skip


@_with_invitation
async def drafts_submit(request: Request) -> Response:
    site: Site = request.app.state.site
    form = await request.form()
    for channel in channel_names():
        if f"text_{channel}" in form:
            site.flow.edits[channel] = str(form[f"text_{channel}"]).replace("\r\n", "\n")
    target = "/take" if form.get("next") else "/drafts"
    return RedirectResponse(target, status_code=303)


async def drafts_lint(request: Request) -> Response:
    """One draft linted as it is typed: the findings fragment for the page's script."""
    site: Site = request.app.state.site
    if site.flow.data is None:
        return HTMLResponse("", status_code=204)
    form = await request.form()
    channel = str(form.get("channel") or "")
    if channel not in channel_names():
        return HTMLResponse("", status_code=400)
    site.flow.edits[channel] = str(form.get("text") or "").replace("\r\n", "\n")
    config = site.config()
    found = next(
        (r for r in site.flow.reviewed(site.now(config), config) if r.draft.channel == channel),
        None,
    )
    if found is None:
        return HTMLResponse("", status_code=404)
    template = site.env.get_template("_findings.html")
    return HTMLResponse(template.render(r=found, w=_words(site, config), views=views))


# --- 6. take it with you -------------------------------------------------------------------


@_with_invitation
async def take_page(request: Request) -> Response:
    site: Site = request.app.state.site
    config = site.config()
    try:
        planned, drafts = site.flow.edited(site.now(config), config)
        files = app.export_for(planned, drafts, site.now(config))
    except SopanError as exc:
        return await drafts_page(request, [_error(site, config, exc)], 400)
    inv, profile = planned.invitation, planned.profile
    # each draft's link, of the kind its channel's spec names (data/channels/)
    links: dict[str, str | None] = {"mailto": None, "wa": None, "tel": None}
    for d in drafts:
        kind = registry().spec(d.channel).link
        if kind == "mailto" and links["mailto"] is None:
            links["mailto"] = views.mailto(inv, d)
        elif kind == "whatsapp" and links["wa"] is None:
            links["wa"] = views.whatsapp(inv, d, profile)
        elif kind == "tel" and links["tel"] is None:
            links["tel"] = views.tel(inv, profile)
    return site.render(
        request, "take.html", "take", config=config, files=[n for n, _ in files], drafts=drafts,
        links=links,
    )  # fmt: skip


@_with_invitation
async def download(request: Request) -> Response:
    site: Site = request.app.state.site
    name = request.path_params["name"]
    config = site.config()
    planned, drafts = site.flow.edited(site.now(config), config)
    files = dict(app.export_for(planned, drafts, site.now(config)))
    if name not in files:
        return HTMLResponse("", status_code=404)
    suffix = name[name.rfind(".") :]
    return Response(
        files[name],
        media_type=CONTENT_TYPES.get(suffix, "application/octet-stream"),
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


# --- profile, calendars, language ----------------------------------------------------------


async def profile_page(request: Request, errors: Errors = (), status: int = 200) -> Response:
    site: Site = request.app.state.site
    saved = request.query_params.get("saved") == "1"
    return site.render(
        request, "profile.html", "profile", errors=errors, status=status, saved=saved,
        languages=LANGUAGES,
    )  # fmt: skip


async def profile_submit(request: Request) -> Response:
    from sopan.config import PROFILE_FIELDS, profile_of, save_profile

    site: Site = request.app.state.site
    form = await request.form()
    values = {k: str(form.get(k) or "").strip() for k in PROFILE_FIELDS}
    values = {k: v for k, v in values.items() if v}
    config = site.config()
    if not values.get("name"):
        w = _words(site, config)
        return await profile_page(request, [("name", w["profile_page"]["need_name"])], 400)
    try:
        profile = profile_of(values, "profile")
        save_profile(profile, site.config_path())
    except SopanError as exc:
        return await profile_page(request, [_error(site, config, exc)], 400)
    site.flow.language = None
    return RedirectResponse("/profile?saved=1", status_code=303)


async def calendars_page(request: Request, errors: Errors = (), status: int = 200) -> Response:
    site: Site = request.app.state.site
    table = site.config().sections.get("calendar", {})
    hours = table.get("working_hours", {})
    return site.render(
        request, "calendars.html", "calendars", errors=errors, status=status,
        saved=request.query_params.get("saved") == "1",
        sources="\n".join(table.get("sources", [])),
        hours=hours.get("mon", "") if isinstance(hours, dict) else "",
        blocked="\n".join(table.get("blocked", [])),
    )  # fmt: skip


async def calendars_submit(request: Request) -> Response:
    from sopan.config import save_section

    site: Site = request.app.state.site
    form = await request.form()
    config = site.config()
    if config.is_example:  # the config file must name its owner before it holds anything
        need = _words(site, config)["calendars_page"]["need_profile"]
        return await calendars_page(request, [("sources", need)], 400)
    table = dict(config.sections.get("calendar", {}))
    table["sources"] = [s.strip() for s in str(form.get("sources") or "").splitlines() if s.strip()]
    table["blocked"] = [b.strip() for b in str(form.get("blocked") or "").splitlines() if b.strip()]
    hours = str(form.get("hours") or "").strip()
    if hours:
        table["working_hours"] = {day: hours for day in ("mon", "tue", "wed", "thu", "fri")}
    try:
        _ = Config(config.profile, {**config.sections, "calendar": table}).calendar  # checked
        save_section("calendar", table, site.config_path())
    except SopanError as exc:
        return await calendars_page(request, [_error(site, config, exc, "sources")], 400)
    return RedirectResponse("/calendars?saved=1", status_code=303)


async def switch_language(request: Request) -> Response:
    site: Site = request.app.state.site
    form = await request.form()
    code = str(form.get("language") or "")
    if code in LANGUAGES:
        site.flow.language = code
    back = str(form.get("back") or "/")
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/",
                            status_code=303)  # fmt: skip


def make_app(
    *, hosts: frozenset[str], keys: Keys, now: datetime | None = None,
    config_file: Path | None = None,
) -> Guard:  # fmt: skip
    """The web app behind its guard: only `hosts`, only with the session `keys` give.
    `config_file`: read and saved instead of the usual config file (`SOPAN_CONFIG`)."""
    from importlib import resources

    static = str(resources.files("sopan.web").joinpath("static"))
    routes = [
        Route("/", start_page),
        Route("/invitation", upload, methods=["POST"]),
        Route("/facts", facts_page),
        Route("/facts", facts_submit, methods=["POST"]),
        Route("/situation", situation_page),
        Route("/situation", situation_submit, methods=["POST"]),
        Route("/situation/check", situation_check, methods=["POST"]),
        Route("/plan", plan_page),
        Route("/plan", plan_submit, methods=["POST"]),
        Route("/drafts", drafts_page),
        Route("/drafts", drafts_submit, methods=["POST"]),
        Route("/drafts/lint", drafts_lint, methods=["POST"]),
        Route("/take", take_page),
        Route("/download/{name}", download),
        Route("/profile", profile_page),
        Route("/profile", profile_submit, methods=["POST"]),
        Route("/calendars", calendars_page),
        Route("/calendars", calendars_submit, methods=["POST"]),
        Route("/language", switch_language, methods=["POST"]),
        *career.routes(),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    web = Starlette(routes=routes)
    web.state.site = Site(now=now, config_file=config_file)
    return Guard(web, hosts=hosts, keys=keys, max_body=MAX_UPLOAD + 64 * 1024)
