"""A case's last steps: the drafts (editable, linted as they are typed), and taking them
away: every file to download, the links that open another app, sending the email through
the outbox (asked first; once, never twice, whatever is pressed), saving it in the mailbox's
Drafts folder, marking a chat or a call done, and the follow-ups to come."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from sopan import app
from sopan.errors import SopanError
from sopan.model.channels import channel_names, registry
from sopan.web import views
from sopan.web.flow import LINT_DEADLINE
from sopan.web.home import case_page
from sopan.web.site import Errors, Site, browser, error_of
from sopan.web.work import Overtime

CONTENT_TYPES = {
    ".eml": "message/rfc822",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def _to_facts(case: app.Case, exc: SopanError) -> Response:
    """A draft cannot be made until a fact is decided (an ambiguous date): to the facts."""
    return RedirectResponse(f"/c/{case.key}/facts?open=1", status_code=303)


async def _kept(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> app.Kept | None:
    """The case's kept drafts as they are now, None before any was kept."""
    if case.invitation_id is None:
        return None
    return await site.runner.io(app.kept_for, case.invitation_id)


# --- drafts ----------------------------------------------------------------------------------


@case_page
async def drafts_page(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    return await _drafts(request, site, case, config)


async def _drafts(
    request: Request, site: Site, case: app.Case, config: app.Config, *,
    errors: Errors = (), status: int = 200,
) -> Response:  # fmt: skip
    flow = site.flow(request, case, config)
    try:
        planned, _ = await flow.edited()
        reviewed = await flow.reviewed()
    except SopanError as exc:
        return _to_facts(case, exc)
    kept = await _kept(request, site, case, config)
    return site.render(
        request, "drafts.html", "drafts", errors=errors, status=status, config=config,
        case=case, reviewed=reviewed, planned=planned, frozen=kept is not None and kept.frozen,
    )  # fmt: skip


@case_page
async def drafts_submit(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    form = await request.form()
    edits = dict(case.inputs.edits)
    for channel in channel_names():
        if f"text_{channel}" in form:
            edits[channel] = str(form[f"text_{channel}"]).replace("\r\n", "\n")
    inputs = replace(case.inputs, edits=edits)
    await site.runner.io(app.update_case_for, browser(request) or "", case.key, inputs,
                         site.now(config))  # fmt: skip
    target = "take" if form.get("next") else "drafts"
    return RedirectResponse(f"/c/{case.key}/{target}", status_code=303)


@case_page
async def drafts_lint(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """One draft linted as it is typed: the findings fragment for the page's script (its
    text is kept as the person's edit)."""
    form = await request.form()
    channel = str(form.get("channel") or "")
    if channel not in channel_names():
        return HTMLResponse("", status_code=400)
    text = str(form.get("text") or "").replace("\r\n", "\n")
    edits = {**case.inputs.edits, channel: text}
    inputs = replace(case.inputs, edits=edits)
    await site.runner.io(app.update_case_for, browser(request) or "", case.key, inputs,
                         site.now(config))  # fmt: skip
    flow = site.flow(request, replace(case, inputs=inputs), config)
    lang = site.language(request, config)
    try:
        reviewed = await flow.reviewed(deadline=LINT_DEADLINE)
    except Overtime:
        return HTMLResponse("", status_code=503)
    except SopanError as exc:
        message = error_of(exc, lang)[1]
        return HTMLResponse(f'<p class="warn">{_escape(message)}</p>', status_code=400)
    found = next((r for r in reviewed if r.draft.channel == channel), None)
    if found is None:
        return HTMLResponse("", status_code=404)
    template = site.env.get_template("_findings.html")
    return HTMLResponse(template.render(r=found, w=site.words(lang), views=views, lang=lang))


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


# --- take it with you ------------------------------------------------------------------------


@case_page
async def take_page(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    return await _take(request, site, case, config)


async def _take(
    request: Request, site: Site, case: app.Case, config: app.Config, *,
    errors: Errors = (), status: int = 200, said: str | None = None,
) -> Response:  # fmt: skip
    """The take-away page; `said`: what the last action did (sent, saved, done)."""
    flow = site.flow(request, case, config)
    now = site.now(config)
    try:
        planned, drafts = await flow.edited()
        reviewed = await flow.reviewed()
    except SopanError as exc:
        return _to_facts(case, exc)
    who = browser(request) or ""
    kept = await site.runner.io(app.keep_case_for, who, case.key, planned, reviewed, now)
    files = await flow.files(kept)
    follow = await site.runner.io(app.follow_ups_of, kept)
    shown = [r.draft for r in reviewed] if not kept.frozen else list(drafts)
    return site.render(
        request, "take.html", "take", errors=errors, status=status, config=config, case=case,
        files=sorted(files), drafts=shown, links=app.links_for(planned, drafts), kept=kept,
        follow_ups=follow, said=said, planned=planned, tz=planned.profile.timezone,
        errors_in={r.draft.channel: r.report.has_errors for r in reviewed},
    )  # fmt: skip


@case_page
async def download(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    name = request.path_params["name"]
    flow = site.flow(request, case, config)
    kept = await _kept(request, site, case, config)
    try:
        files = await flow.files(kept)
    except SopanError as exc:
        return _to_facts(case, exc)
    if name not in files:
        return HTMLResponse("", status_code=404)
    suffix = name[name.rfind(".") :]
    return Response(
        files[name],
        media_type=CONTENT_TYPES.get(suffix, "application/octet-stream"),
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


async def _kept_now(request: Request, site: Site, case: app.Case, config: app.Config) -> app.Kept:
    """The drafts kept as they are now reviewed (kept again when a text changed)."""
    flow = site.flow(request, case, config)
    planned, _ = await flow.edited()
    reviewed = await flow.reviewed()
    who = browser(request) or ""
    return await site.runner.io(app.keep_case_for, who, case.key, planned, reviewed,
                                site.now(config))  # fmt: skip


@case_page
async def send_page(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """The question before sending: the email as it will go, to whom, and lint's errors."""
    try:
        kept = await _kept_now(request, site, case, config)
    except SopanError as exc:
        return _to_facts(case, exc)
    email = next(
        (d for d in kept.record.drafts if registry().spec(d.channel).format == "eml"), None
    )
    if email is None:
        return RedirectResponse(f"/c/{case.key}/take", status_code=303)
    recipient, findings = await site.runner.io(app.email_of, kept)
    return site.render(request, "send.html", "take", config=config, case=case, email=email,
                       kept=kept, recipient=recipient, findings=findings)  # fmt: skip


def _email_state(kept: app.Kept) -> str:
    """The outbox state of the case's kept email ("draft" when there is none)."""
    mailed = [d for d in kept.record.drafts if registry().spec(d.channel).format == "eml"]
    return mailed[0].state if mailed else "draft"


@case_page
async def send_submit(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """The person's yes: the kept email goes through the outbox, once. A second press (or a
    second tab) finds it sent, or being sent, and sends nothing."""
    form = await request.form()
    lang = site.language(request, config)
    w = site.words(lang)["take"]
    kept = await _kept(request, site, case, config)
    if kept is None:
        return RedirectResponse(f"/c/{case.key}/send", status_code=303)
    state = _email_state(kept)
    if state in ("sent", "sending", "unknown"):  # pressed again, or from another tab
        said = w["email_already"] if state == "sent" else w[f"email_{state}"]
        return await _take(request, site, case, config, said=said)
    try:
        await site.runner.io(app.send_case_for, kept, site.now(config),
                             bool(form.get("force")), config)  # fmt: skip
    except SopanError as exc:
        again = await site.runner.io(app.kept_for, kept.invitation_id)
        now_state = _email_state(again)
        if now_state in ("sent", "sending"):  # the other press sent it
            said = w["email_already"] if now_state == "sent" else w["email_sending"]
            return await _take(request, site, case, config, said=said)
        return await _take(request, site, case, config, errors=[error_of(exc, lang, "send")],
                           status=400)  # fmt: skip
    return await _take(request, site, case, config, said=w["email_sent"])


@case_page
async def save_submit(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """The kept email into the mailbox's Drafts folder, once."""
    lang = site.language(request, config)
    w = site.words(lang)["take"]
    try:
        kept = await _kept_now(request, site, case, config)
        _folder, put = await site.runner.io(app.save_draft_for, kept, config)
    except SopanError as exc:
        return await _take(request, site, case, config, errors=[error_of(exc, lang, "save")],
                           status=400)  # fmt: skip
    return await _take(request, site, case, config, said=w["saved" if put else "saved_before"])


@case_page
async def done_submit(request: Request, site: Site, case: app.Case, config: app.Config) -> Response:
    """A chat, a text, a note or a call the person sent or made themselves."""
    form = await request.form()
    lang = site.language(request, config)
    channel = str(form.get("channel") or "")
    try:
        kept = await _kept_now(request, site, case, config)
        await site.runner.io(app.mark_done_for, kept, channel, site.now(config), lang)
    except SopanError as exc:
        return await _take(request, site, case, config, errors=[error_of(exc, lang, "done")],
                           status=400)  # fmt: skip
    return RedirectResponse(f"/c/{case.key}/take#follow-ups", status_code=303)


@case_page
async def follow_up_submit(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    """One follow-up done."""
    form = await request.form()
    kept = await _kept(request, site, case, config)
    number = str(form.get("follow_up") or "")
    if kept is not None and number.isdigit():
        await site.runner.io(app.follow_up_done_for, kept, int(number), site.now(config))
    return RedirectResponse(f"/c/{case.key}/take#follow-ups", status_code=303)


@case_page
async def follow_ups_ics(
    request: Request, site: Site, case: app.Case, config: app.Config
) -> Response:
    """The case's follow-ups as reminders for the person's calendar app."""
    kept = await _kept(request, site, case, config)
    rows = await site.runner.io(app.follow_ups_of, kept) if kept is not None else []
    blob = await site.runner.io(app.follow_ups_ics_for, rows)
    name = site.words(site.language(request, config))["take"]["follow_ups_file"]
    return Response(
        blob,
        media_type=CONTENT_TYPES[".ics"],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
