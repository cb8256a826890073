"""Two shortcuts of the drafting path that must change no result: a kept e-mail's Message-ID
and recipient are read from its file's head alone, as a whole parse of the file reads them;
and the plan a plan request returns is the plan of the facts and situation it returns (the
last plan is made again only when alternatives changed the situation)."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from sopan.app.drafting import DraftRequest, draft_for
from sopan.app.keeping import kept_values
from sopan.app.planning import Choices, PlanRequest, plan_for
from sopan.app.reading import ReadRequest
from sopan.compose.files import draft_files
from sopan.config import Config
from sopan.errors import UserError
from sopan.model import Profile
from sopan.plan import make_plan

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.fromisoformat("2026-11-20T09:00:00+07:00")
EVAL_DEV = ROOT.parent / "shared" / "eval-dev" / "invitations"
#: the project's examples, and every sixth eval-dev message (`shared`: in a clone without
#: ../shared there are none to list)
MESSAGES = [p for p in sorted((ROOT / "examples").iterdir()) if p.is_file()] + [
    pytest.param(p, marks=pytest.mark.shared, id=p.name)
    for p in sorted(EVAL_DEV.iterdir() if EVAL_DEV.is_dir() else ())
    if p.suffix in (".txt", ".eml")
][::6]
CHOICES = [
    Choices(intent="decline", reason="accepted-offer", interest="no"),
    Choices(intent="cancel", reason="health", interest="yes"),
    Choices(
        intent="reschedule",
        reason="schedule-conflict",
        interest="yes",
        alternatives=("2026-12-02 10:00",),
    ),
    Choices(intent="reschedule", reason="schedule-conflict", interest="yes"),
]
CONFIG = Config(Profile(name="Rina Wulandari", email="rina@kampus.ac.id"), {}, None, False)


@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.name)
def test_the_plan_returned_is_the_plan_of_what_is_returned(path: Path) -> None:
    read = ReadRequest("case:1", NOW, data=path.read_bytes(), config=CONFIG)
    planned = 0
    for choices in CHOICES:
        try:
            found = plan_for(PlanRequest(read, choices))
        except UserError:
            continue  # choices that contradict the invitation (a clash with a past time)
        planned += 1
        again = make_plan(found.invitation, found.situation, found.profile, now=NOW,
                          busy=found.busy, lang=found.profile.language)  # fmt: skip
        assert found.plan == again
    assert planned > 0


@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.name)
def test_a_kept_emails_head_is_read_as_a_whole_parse_reads_it(path: Path) -> None:
    read = ReadRequest("case:1", NOW, data=path.read_bytes(), config=CONFIG)
    checked = 0
    for choices in CHOICES:
        try:
            result = draft_for(DraftRequest(PlanRequest(read, choices), channels=("all",)))
        except UserError:
            continue  # a fact the drafts need is missing: nothing to keep
        planned = result.planned
        built = draft_files(result.drafts, planned.invitation, planned.profile, now=NOW)
        kept = kept_values(planned, result.drafts, result.reports, built, read)
        files = dict(built)
        for row in kept["drafts"]:
            if row["file_name"] is None or not row["file_name"].endswith(".eml"):
                continue
            whole = message_from_bytes(files[row["file_name"]], policy=policy.SMTPUTF8)
            assert row["message_id"] == str(whole["Message-ID"])
            assert row["recipient"] == (None if whole["To"] is None else str(whole["To"]))
            checked += 1
    if path.parent.name == "examples" and path.suffix == ".eml":
        assert checked > 0  # an e-mail invitation is answered by e-mail
