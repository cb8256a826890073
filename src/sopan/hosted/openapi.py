"""The JSON API described as OpenAPI 3.1 (`GET /api/openapi.json`): one row per route in
OPERATIONS, the rest made from it — a path's parameters from its `{name}`s, the refusals every
route may answer, and 502 for a route that reaches a service outside sopan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "string", "description": "the error's code"},
        "field": {"type": "string", "description": "the request's value it is about"},
        "message": {"type": "string"},
    },
}
#: what each refusal means (400, 401, 403 and 503 may answer any route)
_REFUSALS = {
    "400": "refused: a value of the request cannot be used (`field` names it)",
    "401": "not signed in",
    "403": "not for this role, or no form token",
    "502": "a service outside sopan failed (a calendar server, a vacancy board, a mail "
    "server): `error` says how, `field` what the student gave",
    "503": "sopan itself is not ready (its database does not answer); try again later",
}
#: a path's parameter → what it names
_PARAMETERS = {
    "case_id": "case",
    "mailbox_id": "mailbox",
    "calendar_id": "calendar",
    "watch_id": "career watch",
}
_CHOICES = {
    "type": "object",
    "properties": {
        "intent": {"enum": ["decline", "cancel", "reschedule", "online"]},
        "reason": {"type": "string"},
        "interest": {"enum": ["yes", "no", "unsure"]},
        "confirmed": {"type": "boolean"},
        "detail": {"enum": ["brief", "full"]},
        "reason_text": {"type": "string"},
    },
}
#: the request bodies, by name
BODIES: dict[str, dict[str, Any]] = {
    "text": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
    "login": {
        "type": "object",
        "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
    },
    "purpose": {
        "type": "object",
        "required": ["purpose"],
        "properties": {"purpose": {"enum": ["counselling", "inbox", "reminders"]}},
    },
    "share": {
        "type": "object",
        "required": ["counsellor"],
        "properties": {"counsellor": {"type": "string"}},
    },
    "choices": _CHOICES,
    "mailbox": {
        "type": "object",
        "required": ["host", "username", "password"],
        "properties": {
            "host": {"type": "string", "description": "one of the centre's [serve] mail_hosts"},
            "port": {"type": "integer"},
            "security": {"enum": ["tls", "starttls"]},
            "username": {"type": "string"},
            "password": {"type": "string", "description": "kept only sealed"},
            "folder": {"type": "string", "default": "INBOX"},
        },
    },
    "calendar": {
        "type": "object",
        "properties": {
            "url": {"type": "string", "description": "https:// or webcal://, fetched now"},
            "name": {"type": "string", "description": "an upload's file name (a label)"},
            "ics": {"type": "string", "description": "an upload's iCalendar text"},
        },
    },
    "watch": {
        "type": "object",
        "required": ["source"],
        "properties": {
            "source": {
                "type": "string",
                "description": "greenhouse:BOARD, lever:SITE, ashby:ORG, or an https:// feed "
                "or careers page (never a file)",
            },
            "keywords": {"type": "array", "items": {"type": "string"}},
            "location": {"type": "string"},
        },
    },
}


@dataclass(frozen=True)
class Operation:
    """One route of the API as its description says it."""

    method: str
    path: str
    summary: str
    roles: str
    #: the request body's name in BODIES
    body: str | None = None
    ok: str = "200"
    #: whether it changes something (the form token is required)
    change: bool = True
    #: whether it reaches a service outside sopan while the request waits (502 when it fails)
    outside: bool = False


OPERATIONS: tuple[Operation, ...] = (
    Operation("post", "/api/login", "Sign in with a local account", "anyone", "login",
              change=False),
    Operation("post", "/api/logout", "Sign out", "any signed-in account", ok="204"),
    Operation("get", "/api/cases", "The cases this account may see", "student, counsellor",
              change=False),
    Operation("post", "/api/cases", "A new case from an invitation's text", "student", "text",
              ok="201"),
    Operation("get", "/api/cases/{case_id}", "A case", "student (own), counsellor (shared)",
              change=False),
    Operation("delete", "/api/cases/{case_id}", "Delete a case", "student (own)", ok="204"),
    Operation("post", "/api/cases/{case_id}/share", "Share a case with a counsellor",
              "student (own, with counselling consent)", "share"),
    Operation("post", "/api/cases/{case_id}/plan",
              "The plan for a case, with the centre's cancellation policy (centre_policy)",
              "student (own)", "choices"),
    Operation("post", "/api/cases/{case_id}/drafts",
              "Every draft the plan needs, kept; inside the cut-off, the apology letter",
              "student (own)", "choices", ok="201"),
    Operation("post", "/api/cases/{case_id}/replied",
              "The reply went: its follow-ups, and their reminders when agreed to",
              "student (own)", ok="201"),
    Operation("post", "/api/me/consent", "Give consent to a purpose", "student", "purpose"),
    Operation("delete", "/api/me/consent", "Withdraw consent to a purpose", "student",
              "purpose"),
    Operation("get", "/api/me/export", "Everything kept about me, as one ZIP", "student",
              change=False),
    Operation("delete", "/api/me", "Delete my account and data", "student", ok="204"),
    Operation("get", "/api/me/mailboxes", "My mailboxes and their last scans", "student",
              change=False),
    Operation("post", "/api/me/mailboxes",
              "Connect a mailbox to scan for invitations (its first scan queued)",
              "student (with inbox consent)", "mailbox", ok="201"),
    Operation("delete", "/api/me/mailboxes/{mailbox_id}", "Forget a mailbox", "student (own)",
              ok="204"),
    Operation("post", "/api/me/mailboxes/{mailbox_id}/scan",
              "Scan a mailbox now (queued: false when a scan is waiting already)",
              "student (own)", ok="202"),
    Operation("get", "/api/me/calendars", "My calendars", "student", change=False),
    Operation("post", "/api/me/calendars",
              "Add a calendar (an https address, fetched now, or an upload), read for my plans",
              "student", "calendar", ok="201", outside=True),
    Operation("delete", "/api/me/calendars/{calendar_id}", "Forget a calendar",
              "student (own)", ok="204"),
    Operation("get", "/api/me/watches", "My career watches", "student", change=False),
    Operation("post", "/api/me/watches", "Watch a vacancy source (its first run queued)",
              "student", "watch", ok="201"),
    Operation("post", "/api/me/watches/{watch_id}/run", "Run a watch now (queued)",
              "student (own)", ok="202"),
    Operation("get", "/api/me/postings", "The postings my watches found", "student",
              change=False),
    Operation("get", "/api/audit", "The audit log", "auditor (all), student (own)",
              change=False),
)  # fmt: skip

_TOKEN = {
    "name": "X-CSRF-Token",
    "in": "header",
    "required": True,
    "schema": {"type": "string"},
    "description": "the form token POST /api/login gave",
}


def _error(meaning: str) -> dict[str, Any]:
    return {"description": meaning, "content": {"application/json": {"schema": _ERROR}}}


def operation(op: Operation) -> dict[str, Any]:
    """One route's description: its answers, its parameters, its body."""
    responses: dict[str, Any] = {op.ok: {"description": "done"}}
    for status in ("400", "401", "403"):
        responses[status] = _error(_REFUSALS[status])
    parameters: list[dict[str, Any]] = []
    for name in re.findall(r"{(\w+)}", op.path):
        what = _PARAMETERS[name]
        schema = {"type": "integer", "description": f"a {what}'s id"}
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
        responses["404"] = _error(f"no such {what} for this account")
    if op.outside:
        responses["502"] = _error(_REFUSALS["502"])
    responses["503"] = _error(_REFUSALS["503"])
    described: dict[str, Any] = {"summary": op.summary, "description": f"Roles: {op.roles}.",
                                 "responses": responses}  # fmt: skip
    if op.change:
        parameters.append(_TOKEN)
    if parameters:
        described["parameters"] = parameters
    if op.body is not None:
        described["requestBody"] = {
            "required": True, "content": {"application/json": {"schema": BODIES[op.body]}},
        }  # fmt: skip
    return described


def document() -> dict[str, Any]:
    """The description of every route of `hosted.api`."""
    from sopan import __version__

    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = operation(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "sopan hosted API", "version": __version__},
        "paths": paths,
    }
