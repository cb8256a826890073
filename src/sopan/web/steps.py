"""A case's first steps: what sopan read (each fact beside its source, correctable), the
person's situation (with sopan's recommendation and its why), and the plan (its steps, the
week, free slots or the person's own times to offer). Each page reads the form, hands the
values to the use cases through the case's flow, keeps what the person gave in the store,
and renders; what a use case refuses is shown naming its field, with every value kept."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from sopan import app
from sopan.errors import SopanError
from sopan.language.dateforms import reading_of
from sopan.model.names import DETAILS, INTENTS, INTERESTS, REASONS
from sopan.web import views
from sopan.web.home import case_page
from sopan.web.site import Errors, Site, browser, error_of


async def _keep(request: Request, site: Site, case: app.Case, inputs: app.CaseInputs,
                config: app.Config, read: app.ReadResult | None = None) -> None:  # fmt: skip
    """Keep what the person gave (and the facts as now read, for the list of cases)."""
    inv = read.invitation if read is not None else None
    await site.runner.io(app.update_case_for, browser(request) or "", case.key, inputs,
                         site.now(config), inv)  # fmt: skip


# --- what sopan read -------------------------------------------------------------------------


async def _facts(
    request: Request, site: Site, case: app.Case, config: app.Config, *,
    errors: Errors = (), status: int = 200, typed: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    """The facts page; `typed`: the values as the person typed them, shown again when one
    was refused (nothing they typed is lost)."""
    flow = site.flow(request, case, config)
    read = await flow.read()
    inv, tz = read.invitation, read.profile.timezone
    lang = site.language(request, config)
    message = views.message_pieces(inv)
    rows = views.fact_rows(inv, tz, lang)
    if typed:
        rows = [replace(r, value=typed.get(r.field, r.value)) for r in rows]
    now = site.now(config)
    return site.render(
        request, "facts.html", "facts", errors=errors, status=status, config=config, case=case,
        inv=inv, rows=rows, message=message, marked=views.marked(message),
        past=views.is_past(inv, now, tz), when=views.past_words(inv, tz, lang),
    )  # fmt: skip


@case_page
async def facts_page(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    return await _facts(request, site, case, config)


def _typed(form: Any, shown: dict[str, str], pickers: dict[str, str]) -> dict[str, str]:
    """The corrections the form holds: a candidate chosen, a date picked, or a value typed
    that differs from the one shown."""
    out: dict[str, str] = {}
    for name in views.FIELDS:
        key = name.replace(".", "_")
        chosen = str(form.get(f"{key}__choice") or "").strip()
        value = str(form.get(key) or "").strip()
        picked = str(form.get(f"{key}__picker") or "").strip()
        if chosen and chosen != "__other":
            out[name] = chosen
        elif value and value != shown.get(name, ""):
            out[name] = value
        elif picked and picked != pickers.get(name, ""):
            out[name] = picked
    return out


@case_page
async def facts_submit(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    form = await request.form()
    flow = site.flow(request, case, config)
    read = await flow.read()
    lang = site.language(request, config)
    rows = views.fact_rows(read.invitation, read.profile.timezone, lang)
    shown = {r.field: r.value for r in rows}
    given = _typed(form, shown, {r.field: r.picker for r in rows})
    corrections = {**case.inputs.corrections, **given}
    try:
        checked = await flow.read(corrections)
    except SopanError as exc:
        typed = {n: str(form.get(n.replace(".", "_")) or "") for n in views.FIELDS}
        return await _facts(request, site, case, config, errors=[error_of(exc, lang)],
                            status=400, typed=typed)  # fmt: skip
    confirm = bool(form.get("confirm"))
    inputs = replace(case.inputs, corrections=corrections,
                     confirmed=case.inputs.confirmed or confirm)  # fmt: skip
    await _keep(request, site, case, inputs, config, checked)
    target = "situation" if confirm else "facts"
    return RedirectResponse(f"/c/{case.key}/{target}", status_code=303)


# --- the situation ---------------------------------------------------------------------------


def _choices(form: Any, before: app.Choices | None) -> app.Choices:
    def pick(name: str, allowed: tuple[str, ...]) -> str | None:
        value = str(form.get(name) or "")
        return value if value in allowed else None

    confirmed = str(form.get("confirmed") or "")
    kept = before or app.Choices()
    return replace(
        kept,
        intent=pick("intent", INTENTS),
        reason=pick("reason", REASONS),
        interest=pick("interest", INTERESTS),
        confirmed={"yes": True, "no": False}.get(confirmed),
        detail=pick("detail", DETAILS),
        reason_text=str(form.get("reason_text") or "").strip() or None,
    )


def _advice(planned: app.PlanResult) -> tuple[str, str, str] | None:
    """(the action recommended, its why, its guideline) when the plan recommends one."""
    plan = planned.plan
    note = next((n for n in plan.warnings if n.guideline in ("C0", "R1.2")), None)
    action = plan.recommendation or (plan.action if planned.situation.intent is None else None)
    if action is None:
        return None
    return action, note.text if note else "", note.guideline if note else "C0"


async def _situation(
    request: Request, site: Site, case: app.Case, config: app.Config, *,
    errors: Errors = (), status: int = 200, shown: app.Choices | None = None,
) -> Response:  # fmt: skip
    """The situation form: `shown` are choices just refused, shown again to be mended; the
    recommendation is the one of the choices last accepted."""
    flow = site.flow(request, case, config)
    lang = site.language(request, config)
    advice = None
    try:
        advice = _advice(await flow.plan())
    except SopanError as exc:
        errors = [*errors, error_of(exc, lang)]
    return site.render(
        request, "situation.html", "situation", errors=errors, status=status, config=config,
        case=case, choices=shown or case.inputs.choices or app.Choices(), advice=advice,
        intents=INTENTS, reasons=REASONS, interests=INTERESTS, details=DETAILS,
    )  # fmt: skip


@case_page
async def situation_page(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    return await _situation(request, site, case, config)


@case_page
async def situation_submit(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    form = await request.form()
    chosen = _choices(form, case.inputs.choices)
    flow = site.flow(request, case, config)
    try:
        await flow.plan(chosen)
    except SopanError as exc:  # refused choices are never the ones planned with
        lang = site.language(request, config)
        return await _situation(request, site, case, config, errors=[error_of(exc, lang)],
                                status=400, shown=chosen)  # fmt: skip
    inputs = replace(case.inputs, choices=chosen, edits={})
    await _keep(request, site, case, inputs, config)
    return RedirectResponse(f"/c/{case.key}/plan", status_code=303)


@case_page
async def situation_check(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    """The contradictions of the choices as they are made (a fragment for the page's script)."""
    form = await request.form()
    flow = site.flow(request, case, config)
    message = ""
    try:
        await site.runner.run(app.plan_for, flow.plan_request(_choices(form, case.inputs.choices)))
    except SopanError as exc:
        message = error_of(exc, site.language(request, config))[1]
    template = site.env.get_template("_contradiction.html")
    return HTMLResponse(template.render(message=message))


# --- the plan --------------------------------------------------------------------------------


@case_page
async def plan_page(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    return await _plan(request, site, case, config)


async def _plan(
    request: Request, site: Site, case: app.Case, config: app.Config, *,
    errors: Errors = (), status: int = 200, typed: str | None = None,
) -> Response:  # fmt: skip
    from sopan.language.plan_header import header
    from sopan.language.words import load_words
    from sopan.model import Slot, interview_length

    flow = site.flow(request, case, config)
    lang = site.language(request, config)
    try:
        planned = await flow.plan()
    except SopanError as exc:
        return await _situation(request, site, case, config, errors=[error_of(exc, lang)],
                                status=400)  # fmt: skip
    inv, tz = planned.invitation, planned.profile.timezone
    now = site.now(config)
    days = views.week_days(inv, now, tz)
    interview = Slot(inv.start, inv.start + interview_length(inv)) if inv.start else None
    given = (case.inputs.choices or app.Choices()).alternatives
    # the slots to tick: those found in the calendars, or the ones ticked before (the
    # person's own times stay in their own words, in their own field)
    free = list(planned.proposed) or [
        s for s in planned.situation.alternatives if s.start.isoformat() in given
    ]
    ticked = {s.start.isoformat() for s in free}
    own = (
        typed
        if typed is not None
        else "\n".join(reading_of(a, tz, lang)[1] for a in given if a not in ticked)
    )
    busy = list(planned.busy)
    pw = load_words(planned.plan.language)
    head = header(planned.plan, inv, pw, worded=True)  # dates in words, as on every page
    return site.render(
        request, "plan.html", "plan", errors=errors, status=status, config=config, case=case,
        planned=planned, days=days, free=free, pw=pw, tz=tz, head=head,
        boxes=views.week_boxes(days, busy, interview, free, tz, lang),
        week=views.week_list(days, busy, interview, free, tz, lang), grid=views,
        past=views.is_past(inv, now, tz), own=own,
    )  # fmt: skip


@case_page
async def plan_submit(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """The free slots ticked and the person's own times, offered in a reschedule."""
    from sopan import parse

    form = await request.form()
    picked = [str(v) for v in form.getlist("alternative") if str(v).strip()]
    typed = str(form.get("own") or "")
    lang = site.language(request, config)
    flow = site.flow(request, case, config)
    try:  # each time as the person writes it, read by the one parser
        own = [
            parse.when(line, field="own", language=lang, now=flow.now,
                       tz=config.profile.timezone).isoformat()
            for line in typed.replace(";", "\n").splitlines() if line.strip()
        ]  # fmt: skip
        before = case.inputs.choices or app.Choices()
        chosen = replace(before, alternatives=tuple(dict.fromkeys([*picked, *own])))
        if chosen != before:
            await flow.plan(chosen)
    except SopanError as exc:
        return await _plan(request, site, case, config, errors=[error_of(exc, lang, "own")],
                           status=400, typed=typed)  # fmt: skip
    if chosen != before:
        await _keep(request, site, case, replace(case.inputs, choices=chosen, edits={}), config)
    return RedirectResponse(f"/c/{case.key}/drafts", status_code=303)
