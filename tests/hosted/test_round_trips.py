"""What each step of a student's flow asks PostgreSQL: every query is a round trip that
waits on a busy database, so each step has a ceiling, and a unit of work found as nobody
is held by the policies though it never told PostgreSQL so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text

from hosted.conftest import NOW, client_for, make_centre
from sopan.store import schema as t
from sopan.store.scope import NOBODY, Hosted, Scope

ROOT = Path(__file__).resolve().parents[2]
CHOICES = {"intent": "decline", "reason": "accepted-offer", "interest": "no", "confirmed": False}
#: the most queries each step may send (the sign-in found, the scope told, the work; the
#: drafts with a letter also look up the letterhead)
CEILING = {"paste": 4, "facts": 9, "plan": 4, "drafts": 8}


def test_each_step_of_the_flow_stays_under_its_queries(database: str) -> None:
    centre, _ = make_centre(database)
    client: Any = client_for(centre, "rina")
    sent: list[str] = []
    event.listen(centre.hosted.engine, "before_cursor_execute",  # type: ignore[attr-defined]
                 lambda *args: sent.append(args[2]))  # fmt: skip
    counted: dict[str, list[int]] = {step: [] for step in CEILING}

    def step(name: str, method: str, path: str, **kwargs: Any) -> Any:
        sent.clear()
        answer = client.request(method, path, **kwargs)
        assert answer.status_code in (200, 201), answer.text
        counted[name].append(len(sent))
        return answer.json()

    for name in ("undangan_wawancara_id.eml", "undangan_whatsapp_id.txt",
                 "interview_invitation_en.eml"):  # fmt: skip
        text_ = (ROOT / "examples" / name).read_text("utf-8")
        case = step("paste", "POST", "/api/cases", json={"text": text_})["id"]
        before = step("facts", "GET", f"/api/cases/{case}")
        assert before["drafts"] == []
        step("plan", "POST", f"/api/cases/{case}/plan", json=CHOICES)
        drafted = step("drafts", "POST", f"/api/cases/{case}/drafts", json=CHOICES)
        # the case as shown afterwards holds exactly the drafts the step answered, and the
        # letter of apology when the centre's cut-off asked for one
        after = step("facts", "GET", f"/api/cases/{case}")
        apology = drafted["apology"]
        assert [(d["channel"], d["text"]) for d in after["drafts"]] == [
            *((d["channel"], d["text"]) for d in drafted["drafts"]),
            *([("letter", apology["text"])] if apology else []),
        ]
    for name, ceiling in CEILING.items():
        assert max(counted[name]) <= ceiling, (name, counted[name])
    # drafts without any letter never ask for the letterhead
    assert min(counted["drafts"]) < CEILING["drafts"]


def test_a_unit_found_as_nobody_sees_no_students_row(database: str) -> None:
    hosted = Hosted(database, pool_size=1)  # one connection: the student's, used again
    from sopan.store.scope import SYSTEM

    rina = hosted.store(SYSTEM).add_account("rina", "student", now=NOW)
    with hosted.unit() as unit:
        mine = hosted.store(Scope(rina.id, "student"), unit)
        mine.found(facts={"company": "PT Maju"}, source="paste:1", raw=b"Undangan", now=NOW)
        seen = unit.db(mine.scope).execute(select(text("count(*)")).select_from(t.invitations))
        assert seen.scalar_one() == 1
    for _ in range(2):  # the connection the student's unit had, and again after
        with hosted.unit() as unit:
            # no condition: only the policies hold this query
            rows = unit.db(NOBODY).execute(select(text("count(*)")).select_from(t.invitations))
            assert rows.scalar_one() == 0
            told = unit.db(NOBODY).execute(
                text("SELECT current_setting('sopan.account', true), "
                     "current_setting('sopan.role', true)")
            ).one()  # fmt: skip
            assert told[0] in (None, "") and told[1] in (None, "")
