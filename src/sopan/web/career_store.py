"""The Karier pages over what the store keeps because the person asked: the vacancy sources
they watch (R10.1) and what is new there, a declined company's posting marked (R5.1, R7);
the skills the postings ask for, and their own learning to-dos (R10.2)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan import app
from sopan.errors import SopanError
from sopan.web import career as page

#: seconds each watched source may take when checked from the page
TIMEOUT = 10.0


# --- watch (R10.1, R5.1, R7) ----------------------------------------------------------


async def watch_page(request: Request) -> Response:
    """The sources watched, the form to add one, the button to check them."""
    rows = await run_in_threadpool(app.watch_list_for)
    added = request.query_params.get("baru")
    return page.render(request, "watch.html", rows=rows, added=added, run=None)


async def watch_add(request: Request) -> Response:
    """A source watched, with its keywords and place; an unusable source names the field."""
    config, now = page.now_of(request)
    k = page.words_of(request, config)
    form = await page.read_form(request)
    source = str(form.get("source") or "").strip()
    given = {"source": source, "keywords": str(form.get("keywords") or ""),
             "location": str(form.get("location") or "").strip()}  # fmt: skip
    rows = await run_in_threadpool(app.watch_list_for)
    if not source:
        return page.render(request, "watch.html", rows=rows, run=None, given=given,
                           errors=[("source", k["watch"]["need_source"])], status=400)  # fmt: skip
    keywords = tuple(w.strip() for w in given["keywords"].split(",") if w.strip())
    req = app.WatchAddRequest(source, now, keywords, given["location"] or None, files=False)
    try:
        _, new = await run_in_threadpool(app.watch_add_for, req)
    except SopanError as exc:
        return page.render(request, "watch.html", rows=rows, run=None, given=given, status=400,
                           errors=[page.refused(request, config, exc, "source")])  # fmt: skip
    return RedirectResponse(f"/karier/lowongan?baru={'1' if new else '0'}", status_code=303)


async def watch_run(request: Request) -> Response:
    """Every source read once: what is new since the last check; a failing source is one
    line and the others still run."""
    config, now = page.now_of(request)
    await page.read_form(request)
    req = app.WatchRunRequest(now, TIMEOUT)
    errors: list[tuple[str, str]] = []
    try:
        run = await run_in_threadpool(app.watch_run_for, req)
    except SopanError as exc:
        run, errors = None, [page.refused(request, config, exc, "run")]
    rows = await run_in_threadpool(app.watch_list_for)
    return page.render(request, "watch.html", rows=rows, run=run, errors=errors,
                       status=502 if errors else 200)  # fmt: skip


# --- skills (R10.2) -------------------------------------------------------------------


async def skills_page(request: Request) -> Response:
    """The skills to learn, most asked first, the learning plan and its form."""
    config, now = page.now_of(request)
    req = app.SkillsRequest(now, config=config)
    result = await run_in_threadpool(app.skills_for, req)
    return page.render(request, "skills.html", result=result, config=config)


async def skills_add(request: Request) -> Response:
    """The person's own course or certificate, a to-do due on the day they typed."""
    from sopan import parse

    config, now = page.now_of(request)
    form = await page.read_form(request)
    text = " ".join(str(form.get("todo") or "").split())
    due_text = str(form.get("due") or "").strip()
    given = {"todo": text, "due": due_text}
    try:
        language = page.page_language(request, config)
        due = None
        if due_text:
            due = parse.day(due_text, field="due", language=language, now=now,
                            tz=config.profile.timezone)  # fmt: skip
        req = app.SkillsRequest(now, language, note=text, due=due, config=config)
        result = await run_in_threadpool(app.skills_for, req)
    except SopanError as exc:
        error = page.refused(request, config, exc, "todo")
        result = await run_in_threadpool(app.skills_for, app.SkillsRequest(now, config=config))
        return page.render(request, "skills.html", result=result, config=config, given=given,
                           errors=[error], status=400)  # fmt: skip
    return page.render(request, "skills.html", result=result, config=config)


async def plan_ics(request: Request) -> Response:
    """The learning to-dos as VTODOs, each due on its day."""
    data = await run_in_threadpool(app.todos_ics_for)
    headers = {"content-disposition": 'attachment; filename="rencana-belajar.ics"'}
    return Response(data, media_type="text/calendar; charset=utf-8", headers=headers)


def store_routes() -> list[Route]:
    """The watch and skills pages."""
    return [
        Route("/karier/lowongan", watch_page),
        Route("/karier/lowongan", watch_add, methods=["POST"]),
        Route("/karier/lowongan/periksa", watch_run, methods=["POST"]),
        Route("/karier/keahlian", skills_page),
        Route("/karier/keahlian", skills_add, methods=["POST"]),
        Route("/karier/rencana-belajar.ics", plan_ics),
    ]
