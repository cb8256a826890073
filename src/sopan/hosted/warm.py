"""A web process drafts for nobody before its first request: every module, phrase book,
pattern, spelling dictionary and font a student's paste, plan and drafts need is loaded
then, not in the middle of the first students' requests.

Without it each new process spends about half a second of CPU on its first requests of each
language (reading, planning, composing, linting and building files for the first time),
and every request that arrives meanwhile waits behind it."""

from __future__ import annotations

from datetime import datetime


def warm_up() -> int:
    """Read, plan and draft every channel of the two invitations of `data/hosted/warm_up.yaml`
    (one a language) as a student's requests do, building every draft's file, and
    keep nothing: no database, no file, no clock (their own `now`); and open each language's
    spelling dictionary. How many drafts were made."""
    from sopan.app.centre import config_for
    from sopan.app.drafting import DraftRequest, draft_for
    from sopan.app.keeping import kept_values
    from sopan.app.planning import Choices, PlanRequest
    from sopan.app.reading import ReadRequest
    from sopan.compose.files import draft_files
    from sopan.data import load_yaml
    from sopan.lint.spelling import speller
    from sopan.model.contracts import invitation_json, plan_json
    from sopan.store.accounts import Account

    found = load_yaml("hosted", "warm_up.yaml")
    now = datetime.fromisoformat(found["now"])
    made = 0
    for language, text in found["invitations"].items():
        account = Account(0, "rina", "student", "Rina", "rina@kampus.example", language, None,
                          None, now, False)  # fmt: skip
        read = ReadRequest("warm-up", now, data=text.encode("utf-8"), config=config_for(account))
        choices = Choices(intent="decline", reason="accepted-offer", interest="no",
                          confirmed=False)  # fmt: skip
        result = draft_for(DraftRequest(PlanRequest(read, choices), channels=("all",)))
        planned = result.planned
        built = draft_files(result.drafts, planned.invitation, planned.profile, now=now)
        kept_values(planned, result.drafts, result.reports, built, read)
        invitation_json(planned.invitation)
        plan_json(planned.plan)
        made += len(result.drafts)
        # the dictionary itself: the drafts' own words may all be in the spelling memo, a
        # student's are not
        speller(language)
    return made
