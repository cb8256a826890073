"""The JSON API described as OpenAPI 3.1 (`GET /api/openapi.json`)."""

from __future__ import annotations

from typing import Any

_CASE = {"type": "integer", "description": "a case's id"}
_MAILBOX = {"type": "integer", "description": "a mailbox's id"}
_ERROR = {
    "description": "refused",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {"type": "string"},
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                },
            }
        }
    },
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


def _op(
    summary: str,
    roles: str,
    *,
    body: dict[str, Any] | None = None,
    ok: str = "200",
    path_id: bool = False,
    change: bool = True,
    mailbox_id: bool = False,
    calendar_id: bool = False,
    watch_id: bool = False,
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "description": f"Roles: {roles}.",
        "responses": {
            ok: {"description": "done"},
            "400": _ERROR,
            "401": {"description": "not signed in"},
            "403": {"description": "not for this role, or no form token"},
        },
    }
    if path_id:
        op["parameters"] = [{"name": "case_id", "in": "path", "required": True, "schema": _CASE}]
        op["responses"]["404"] = {"description": "no such case for this account"}
    if mailbox_id:
        op["parameters"] = [
            {"name": "mailbox_id", "in": "path", "required": True, "schema": _MAILBOX}
        ]
        op["responses"]["404"] = {"description": "no such mailbox for this account"}
    if calendar_id:
        op["parameters"] = [
            {"name": "calendar_id", "in": "path", "required": True,
             "schema": {"type": "integer", "description": "a calendar's id"}}
        ]  # fmt: skip
        op["responses"]["404"] = {"description": "no such calendar for this account"}
    if watch_id:
        op["parameters"] = [
            {"name": "watch_id", "in": "path", "required": True,
             "schema": {"type": "integer", "description": "a career watch's id"}}
        ]  # fmt: skip
        op["responses"]["404"] = {"description": "no such watch for this account"}
    if change:
        op["parameters"] = [
            *op.get("parameters", []),
            {
                "name": "X-CSRF-Token",
                "in": "header",
                "required": True,
                "schema": {"type": "string"},
                "description": "the form token POST /api/login gave",
            },
        ]
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return op


def document() -> dict[str, Any]:
    """The description of every route of `hosted.api`."""
    from sopan import __version__

    text = {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
    login = {
        "type": "object",
        "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
    }
    purpose = {
        "type": "object",
        "required": ["purpose"],
        "properties": {"purpose": {"enum": ["counselling", "inbox", "reminders"]}},
    }
    share = {
        "type": "object",
        "required": ["counsellor"],
        "properties": {"counsellor": {"type": "string"}},
    }
    mailbox = {
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
    }
    calendar = {
        "type": "object",
        "properties": {
            "url": {"type": "string", "description": "https:// or webcal://, fetched now"},
            "name": {"type": "string", "description": "an upload's file name (a label)"},
            "ics": {"type": "string", "description": "an upload's iCalendar text"},
        },
    }
    watch = {
        "type": "object",
        "required": ["source"],
        "properties": {
            "source": {"type": "string", "description": "greenhouse:BOARD, lever:SITE, "
                       "ashby:ORG, or an https:// feed or careers page (never a file)"},
            "keywords": {"type": "array", "items": {"type": "string"}},
            "location": {"type": "string"},
        },
    }  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {"title": "sopan hosted API", "version": __version__},
        "paths": {
            "/api/login": {
                "post": _op("Sign in with a local account", "anyone", body=login, change=False)
            },
            "/api/logout": {"post": _op("Sign out", "any signed-in account", ok="204")},
            "/api/cases": {
                "get": _op("The cases this account may see", "student, counsellor", change=False),
                "post": _op("A new case from an invitation's text", "student", body=text, ok="201"),
            },
            "/api/cases/{case_id}": {
                "get": _op(
                    "A case", "student (own), counsellor (shared)", path_id=True, change=False
                ),
                "delete": _op("Delete a case", "student (own)", path_id=True, ok="204"),
            },
            "/api/cases/{case_id}/share": {
                "post": _op(
                    "Share a case with a counsellor",
                    "student (own, with counselling consent)",
                    body=share,
                    path_id=True,
                )
            },
            "/api/cases/{case_id}/plan": {
                "post": _op(
                    "The plan for a case, with the centre's cancellation policy (centre_policy)",
                    "student (own)",
                    body=_CHOICES,
                    path_id=True,
                )
            },
            "/api/cases/{case_id}/drafts": {
                "post": _op(
                    "Every draft the plan needs, kept; inside the cut-off, the apology letter",
                    "student (own)",
                    body=_CHOICES,
                    path_id=True,
                    ok="201",
                )
            },
            "/api/cases/{case_id}/replied": {
                "post": _op(
                    "The reply went: its follow-ups, and their reminders when agreed to",
                    "student (own)",
                    path_id=True,
                    ok="201",
                )
            },
            "/api/me/consent": {
                "post": _op("Give consent to a purpose", "student", body=purpose),
                "delete": _op("Withdraw consent to a purpose", "student", body=purpose),
            },
            "/api/me/export": {
                "get": _op("Everything kept about me, as one ZIP", "student", change=False)
            },
            "/api/me": {"delete": _op("Delete my account and data", "student", ok="204")},
            "/api/me/mailboxes": {
                "get": _op("My mailboxes and their last scans", "student", change=False),
                "post": _op(
                    "Connect a mailbox to scan for invitations (its first scan queued)",
                    "student (with inbox consent)",
                    body=mailbox,
                    ok="201",
                ),
            },
            "/api/me/calendars": {
                "get": _op("My calendars", "student", change=False),
                "post": _op(
                    "Add a calendar (an https address or an upload), read for my plans",
                    "student",
                    body=calendar,
                    ok="201",
                ),
            },
            "/api/me/calendars/{calendar_id}": {
                "delete": _op("Forget a calendar", "student (own)", ok="204", calendar_id=True)
            },
            "/api/me/watches": {
                "get": _op("My career watches", "student", change=False),
                "post": _op(
                    "Watch a vacancy source (its first run queued)",
                    "student",
                    body=watch,
                    ok="201",
                ),
            },
            "/api/me/watches/{watch_id}/run": {
                "post": _op("Run a watch now (queued)", "student (own)", ok="202", watch_id=True)
            },
            "/api/me/postings": {
                "get": _op("The postings my watches found", "student", change=False)
            },
            "/api/me/mailboxes/{mailbox_id}": {
                "delete": _op("Forget a mailbox", "student (own)", ok="204", mailbox_id=True)
            },
            "/api/me/mailboxes/{mailbox_id}/scan": {
                "post": _op(
                    "Scan a mailbox now (queued: false when a scan is waiting already)",
                    "student (own)",
                    ok="202",
                    mailbox_id=True,
                )
            },
            "/api/audit": {
                "get": _op("The audit log", "auditor (all), student (own)", change=False)
            },
        },
    }
