"""The use cases: the one place that sequences the stages. CLI and web call these and nothing
else, each with one request value, and print or render the one result value they get back.

    read_for   source + corrections                → the invitation, every fact with its source
    plan_for   read + the user's choices + calendars → situation, busy times, slots, plan
    draft_for  plan + channels                       → drafts, their lint reports, files written
    slots_for  invitation or a time + calendars      → conflicts and free slots
    busy_for   calendars + a window                  → busy times
    lint_for   a reply (+ its invitation)            → the lint report
    send_for, save_for, inbox_for, history_for, show_for, follow_ups_for → the store and mail
    profile_for, social_for, watch_*_for, skills_for, network_for → career upkeep (R9–R10)
    new_case_for, case_for, cases_for, keep_case_for, send_case_for, … → the web's cases
    config_for, save_profile_for, add_upload_for, add_address_for, … → the web's settings

Nothing here prints. What a person must decide goes through an `Asker`: in a terminal it
asks, elsewhere (`NO_ASKER`) it answers nothing, and then a missing fact is written around,
while an ambiguous date, a contradiction or an 'other' reason without words is a one-line
`UserError` (exit 2). `now` always comes in with the request.

Each use case lives in the module of its stage (`reading`, `planning`, `drafting`,
`calendars`, `linting`, `outbox`, `career`, `career_watch`); `sopan.app.X` imports X's module
the first time it is asked for, so that `sopan read` builds the request and result types of
reading and not those of sending (a frozen dataclass costs about a millisecond to create).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sopan._infra.lazy import attributes

if TYPE_CHECKING:
    from sopan.app.base import NO_ASKER, Asker, Question
    from sopan.app.calendars import (
        BusyRequest,
        SlotsRequest,
        SlotsResult,
        busy_for,
        duration_of,
        slots_for,
    )
    from sopan.app.career import (
        NetworkRequest,
        ProfileRequest,
        SocialRequest,
        Upload,
        network_for,
        profile_for,
        social_for,
        words_for,
    )
    from sopan.app.career_watch import (
        SkillsRequest,
        WatchAddRequest,
        WatchRunRequest,
        skills_for,
        todos_ics_for,
        watch_add_for,
        watch_list_for,
        watch_run_for,
    )
    from sopan.app.cases import (
        Case,
        CaseInputs,
        CaseLine,
        Kept,
        Links,
        case_for,
        cases_for,
        download_for,
        email_of,
        follow_up_done_for,
        follow_ups_of,
        forget_case_for,
        keep_case_for,
        kept_for,
        links_for,
        mark_done_for,
        new_case_for,
        new_identity,
        save_draft_for,
        send_case_for,
        update_case_for,
    )
    from sopan.app.drafting import (
        DraftRequest,
        DraftResult,
        Measure,
        Reviewed,
        draft_for,
        export_for,
        review_for,
    )
    from sopan.app.linting import LintRequest, lint_for
    from sopan.app.outbox import (
        InboxRequest,
        InboxRow,
        SendRequest,
        SendResult,
        follow_ups_for,
        follow_ups_ics_for,
        history_for,
        inbox_for,
        save_for,
        send_for,
        show_for,
    )
    from sopan.app.planning import Choices, PlanRequest, PlanResult, plan_for
    from sopan.app.reading import MailboxRequest, ReadRequest, ReadResult, mailbox_for, read_for
    from sopan.app.settings import (
        Source,
        add_address_for,
        add_upload_for,
        config_file_for,
        config_for,
        hours_for,
        remove_sources_for,
        save_hours_for,
        save_profile_for,
        sources_for,
    )
    from sopan.config import Config

#: each module of a use case → the public names it defines
_MODULES = {
    "base": ("NO_ASKER", "Asker", "Question"),
    "reading": ("MailboxRequest", "ReadRequest", "ReadResult", "mailbox_for", "read_for"),
    "planning": ("Choices", "PlanRequest", "PlanResult", "plan_for"),
    "drafting": (
        "DraftRequest", "DraftResult", "Measure", "Reviewed", "draft_for", "export_for",
        "review_for",
    ),
    "calendars": (
        "BusyRequest", "SlotsRequest", "SlotsResult", "busy_for", "duration_of", "slots_for",
    ),
    "linting": ("LintRequest", "lint_for"),
    "career": (
        "NetworkRequest", "ProfileRequest", "SocialRequest", "Upload", "network_for",
        "profile_for", "social_for", "words_for",
    ),
    "career_watch": (
        "SkillsRequest", "WatchAddRequest", "WatchRunRequest", "skills_for", "todos_ics_for",
        "watch_add_for", "watch_list_for", "watch_run_for",
    ),
    "outbox": (
        "InboxRequest", "InboxRow", "SendRequest", "SendResult", "follow_ups_for",
        "follow_ups_ics_for", "history_for", "inbox_for", "save_for", "send_for", "show_for",
    ),
    "cases": (
        "Case", "CaseInputs", "CaseLine", "Kept", "Links", "case_for", "cases_for",
        "download_for", "email_of", "follow_up_done_for", "follow_ups_of", "forget_case_for",
        "keep_case_for", "kept_for", "links_for", "mark_done_for", "new_case_for",
        "new_identity", "save_draft_for", "send_case_for", "update_case_for",
    ),
    "settings": (
        "Source", "add_address_for", "add_upload_for", "config_file_for", "config_for",
        "hours_for", "remove_sources_for", "save_hours_for", "save_profile_for", "sources_for",
    ),
}  # fmt: skip
#: each public name → the module it is imported from
_WHERE = {name: f"sopan.app.{module}" for module, names in _MODULES.items() for name in names}
#: the config's type, named here so an edge can take it without importing the config
_WHERE["Config"] = "sopan.config"

__all__ = [
    "NO_ASKER",
    "Asker",
    "BusyRequest",
    "Case",
    "CaseInputs",
    "CaseLine",
    "Choices",
    "Config",
    "DraftRequest",
    "DraftResult",
    "InboxRequest",
    "InboxRow",
    "Kept",
    "Links",
    "LintRequest",
    "MailboxRequest",
    "Measure",
    "NetworkRequest",
    "PlanRequest",
    "PlanResult",
    "ProfileRequest",
    "Question",
    "ReadRequest",
    "ReadResult",
    "Reviewed",
    "SendRequest",
    "SendResult",
    "SkillsRequest",
    "SlotsRequest",
    "SlotsResult",
    "SocialRequest",
    "Source",
    "Upload",
    "WatchAddRequest",
    "WatchRunRequest",
    "add_address_for",
    "add_upload_for",
    "busy_for",
    "case_for",
    "cases_for",
    "config_file_for",
    "config_for",
    "download_for",
    "draft_for",
    "duration_of",
    "email_of",
    "export_for",
    "follow_up_done_for",
    "follow_ups_for",
    "follow_ups_ics_for",
    "follow_ups_of",
    "forget_case_for",
    "history_for",
    "hours_for",
    "inbox_for",
    "keep_case_for",
    "kept_for",
    "links_for",
    "lint_for",
    "mailbox_for",
    "mark_done_for",
    "network_for",
    "new_case_for",
    "new_identity",
    "plan_for",
    "profile_for",
    "read_for",
    "remove_sources_for",
    "review_for",
    "save_draft_for",
    "save_for",
    "save_hours_for",
    "save_profile_for",
    "send_case_for",
    "send_for",
    "show_for",
    "skills_for",
    "slots_for",
    "social_for",
    "sources_for",
    "todos_ics_for",
    "update_case_for",
    "watch_add_for",
    "watch_list_for",
    "watch_run_for",
    "words_for",
]


__getattr__ = attributes(__name__, globals(), _WHERE)
