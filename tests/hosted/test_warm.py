"""A web process is warmed before its first request: a student's paste, plan and drafts then
load nothing more (no module imported, so no phrase book, pattern, dictionary or font met
for the first time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: run in a fresh interpreter: the modules a student's flow imports after `warm_up`
FLOW = """
import json, sys
from datetime import datetime
from pathlib import Path

from sopan.hosted.warm import warm_up

made = warm_up()
before = set(sys.modules)

from sopan.app.centre import config_for
from sopan.app.drafting import DraftRequest, draft_for
from sopan.app.keeping import kept_values
from sopan.app.planning import Choices, PlanRequest, plan_for
from sopan.app.reading import ReadRequest, read_for
from sopan.compose.files import draft_files
from sopan.model.contracts import invitation_json, plan_json
from sopan.store.accounts import Account

now = datetime.fromisoformat("2026-11-20T09:00:00+07:00")
drafted = []
for path in sorted(Path(sys.argv[1]).glob("*")):
    for language in ("id", "en"):
        account = Account(7, "budi", "student", None, None, language, None, None, now, False)
        read = ReadRequest("case:7", now, data=path.read_bytes(), config=config_for(account))
        invitation_json(read_for(read).invitation)
        for intent in ("decline", "reschedule", "cancel"):
            choices = Choices(intent=intent, reason="schedule-conflict", interest="yes")
            request = PlanRequest(read, choices)
            plan_json(plan_for(request).plan)
            result = draft_for(DraftRequest(request))
            planned = result.planned
            built = draft_files(result.drafts, planned.invitation, planned.profile, now=now)
            kept_values(planned, result.drafts, result.reports, built, read)
            drafted += [d.channel for d in result.drafts]
print(json.dumps({"made": made, "drafted": sorted(set(drafted)),
                  "new": sorted(set(sys.modules) - before)}))
"""


def test_after_the_warm_up_a_students_flow_imports_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FLOW, str(ROOT / "examples")], capture_output=True, text=True,
        timeout=300, check=True,
    )  # fmt: skip
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["made"] > 0
    assert {"email", "call"} <= set(found["drafted"])  # the flow did draft
    # a telephone region's metadata is loaded the first time a number of that country is
    # read (one small module each, of some 250): not worth loading them all
    regions = "phonenumbers.data.region_"
    assert [m for m in found["new"] if not m.startswith(regions)] == []


def test_every_language_is_warmed() -> None:
    """A language added to sopan is warmed too: its invitation is in the warm-up's data."""
    from sopan.data import load_yaml
    from sopan.model.names import LANGUAGES

    assert set(load_yaml("hosted", "warm_up.yaml")["invitations"]) == set(LANGUAGES)
