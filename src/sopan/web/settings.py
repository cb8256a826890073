"""The person's own pages: their details (which sign the drafts), their calendars (a file
uploaded or an address pasted, each checked when given: one that cannot be read is said so
and not kept; working hours and breaks), and the page's language (kept by this browser)."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sopan import app
from sopan.errors import SopanError
from sopan.model import LANGUAGES
from sopan.web.flow import MAX_UPLOAD
from sopan.web.home import form_in_memory
from sopan.web.site import LANGUAGE_COOKIE, Errors, error_of, site_of
from sopan.web.work import Overtime

#: how long a calendar given may take to be read before the page says so
CALENDAR_DEADLINE = 20.0
#: the calendar settings' fields as an error names them → the form's fields
SETTINGS = {"config_calendar_blocked": "blocked", "config_calendar_working_hours": "hours"}
PROFILE = ("name", "email", "phone", "linkedin", "city", "language", "timezone", "country")


async def profile_page(
    request: Request, errors: Errors = (), status: int = 200, typed: dict[str, str] | None = None
) -> Response:
    site = site_of(request)
    config = site.config()
    saved = request.query_params.get("saved") == "1"
    values = {k: str(getattr(config.profile, k, "") or "") for k in PROFILE}
    if config.is_example:  # the bundled example person is never shown as the person's own
        values = {k: ("" if k in ("name", "email", "phone", "linkedin", "city") else v)
                  for k, v in values.items()}  # fmt: skip
    return site.render(request, "profile.html", "profile", errors=errors, status=status,
                       config=config, saved=saved, languages=LANGUAGES,
                       values={**values, **(typed or {})}, example=config.is_example)  # fmt: skip


async def profile_submit(request: Request) -> Response:
    site = site_of(request)
    form = await request.form()
    typed = {k: str(form.get(k) or "").strip() for k in PROFILE}
    config = site.config()
    lang = site.language(request, config)
    if not typed.get("name"):
        need = site.words(lang)["profile_page"]["need_name"]
        return await profile_page(request, [("name", need)], 400, typed)
    try:
        await site.runner.io(app.save_profile_for, typed, site.config_file)
    except SopanError as exc:
        return await profile_page(request, [error_of(exc, lang, "name")], 400, typed)
    return RedirectResponse("/profile?saved=1", status_code=303)


async def calendars_page(
    request: Request, errors: Errors = (), status: int = 200, typed: dict[str, str] | None = None,
    said: str | None = None,
) -> Response:  # fmt: skip
    site = site_of(request)
    config = site.config()
    hours, blocked = app.hours_for(config)
    sources = app.sources_for(config, site.config_file)
    shown = {"hours": hours, "blocked": "\n".join(blocked), "address": "", **(typed or {})}
    return site.render(request, "calendars.html", "calendars", errors=errors, status=status,
                       config=config, sources=sources, typed=shown, said=said,
                       example=config.is_example, limit=MAX_UPLOAD // 2**20)  # fmt: skip


async def calendars_submit(request: Request) -> Response:
    """One form, several things: an uploaded file or a pasted address (each read before it
    is kept), sources to stop using, working hours and breaks."""
    site = site_of(request)
    config = site.config()
    lang = site.language(request, config)
    w = site.words(lang)["calendars_page"]
    form = await form_in_memory(request)
    typed = {k: str(form.get(k) or "") for k in ("hours", "blocked", "address")}
    removed = {str(v) for v in form.getlist("remove")}
    file = form.get("file")
    upload = (
        (file.filename, await file.read(MAX_UPLOAD + 1))
        if isinstance(file, UploadFile) and file.filename
        else None
    )
    await form.close()
    if config.is_example:
        return await calendars_page(request, [("file", w["need_profile"])], 400, typed)
    if upload is not None and len(upload[1]) > MAX_UPLOAD:
        too_big = site.words(lang)["start"]["too_big"].format(limit=MAX_UPLOAD // 2**20)
        return await calendars_page(request, [("file", too_big)], 413, typed)
    now = site.now(config)
    said = []
    try:
        if removed:
            await site.runner.io(app.remove_sources_for, config, removed, site.config_file)
            config = site.config()
        if upload is not None:
            count = await site.runner.run(app.add_upload_for, config, upload[0], upload[1], now,
                                          site.config_file, deadline=CALENDAR_DEADLINE)  # fmt: skip
            said.append(w["added"].format(name=upload[0], count=count))
            config = site.config()
    except Overtime:
        return await calendars_page(request, [("file", w["too_slow"])], 400, typed)
    except SopanError as exc:
        return await calendars_page(request, [error_of(exc, lang, "file")], 400, typed)
    address = typed["address"].strip()
    if address:
        try:
            count = await site.runner.run(app.add_address_for, config, address, now,
                                          site.config_file, deadline=CALENDAR_DEADLINE)  # fmt: skip
        except Overtime:
            return await calendars_page(request, [("address", w["too_slow"])], 400, typed)
        except SopanError as exc:
            field, message = error_of(exc, lang, "address")
            return await calendars_page(request, [("address", message)], 400, typed)
        said.append(w["added_address"].format(count=count))
        config = site.config()
        typed["address"] = ""
    blocked = typed["blocked"].splitlines()
    before = app.hours_for(config)
    if (typed["hours"].strip(), [b.strip() for b in blocked if b.strip()]) != before:
        try:
            await site.runner.io(app.save_hours_for, config, typed["hours"], blocked,
                                 site.config_file)  # fmt: skip
        except SopanError as exc:
            field, message = error_of(exc, lang, "hours")
            return await calendars_page(request, [(SETTINGS.get(field, field), message)], 400,
                                        typed)  # fmt: skip
    return await calendars_page(request, said=" ".join(said) or w["saved"])


async def switch_language(request: Request) -> Response:
    """The page's language for this browser (a cookie: one person's switch is theirs)."""
    form = await request.form()
    code = str(form.get("language") or "")
    back = str(form.get("back") or "/")
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if code in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, code, max_age=400 * 24 * 3600, httponly=True,
                            samesite="strict")  # fmt: skip
    return response
