"""The hosted store on a real PostgreSQL: each student's rows are theirs, by the store's own
conditions (the first wall) and by row-level security (the second: a query that forgets its
condition still sees nothing of anyone else's); consent, shares, remarks, export, erasure,
retention and the append-only audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from hosted.conftest import NOW
from sopan.store import hosted_schema as h
from sopan.store import schema as t
from sopan.store.people import People
from sopan.store.privacy import STUDENT_TABLES
from sopan.store.scope import SYSTEM, Hosted, Scope

FACTS = {"company": "PT Maju Jaya", "position": "Analis Data", "start": "2026-11-30T10:00:00+07:00"}


def _centre(database: str) -> tuple[Hosted, dict[str, int]]:
    hosted = Hosted(database, pool_size=2)
    admin = hosted.store(SYSTEM)
    ids = {
        name: admin.add_account(name, role, now=NOW).id
        for name, role in [("rina", "student"), ("budi", "student"), ("sari", "counsellor"),
                           ("dewi", "counsellor"), ("adi", "admin"), ("tono", "auditor")]
    }  # fmt: skip
    return hosted, ids


def _as(hosted: Hosted, ids: dict[str, int], name: str) -> People:
    role = {"rina": "student", "budi": "student", "sari": "counsellor", "dewi": "counsellor",
            "adi": "admin", "tono": "auditor"}[name]  # fmt: skip
    store = hosted.store(Scope(ids[name], role))
    assert isinstance(store, People)
    return store


def _case(store: People, source: str) -> int:
    return store.found(facts=FACTS, source=source, raw=b"Undangan wawancara", now=NOW)


def _raw_count(store: People, table: Any) -> int:
    """Rows of `table` a query WITHOUT the store's condition sees: only the policies hold it."""
    with store._tx() as db:
        return int(db.execute(select(text("count(*)")).select_from(table)).scalar_one())


def test_each_student_sees_only_their_own_rows_even_without_the_condition(database: str) -> None:
    hosted, ids = _centre(database)
    rina, budi = _as(hosted, ids, "rina"), _as(hosted, ids, "budi")
    mine = _case(rina, "paste:1")
    theirs = _case(budi, "paste:2")
    # the owner is the scope's account, though `found` never names it
    assert rina.owner_of(mine) == ids["rina"] and budi.owner_of(theirs) == ids["budi"]
    assert [c.id for c in rina.cases()] == [mine]
    assert rina.case(theirs, now=NOW) is None and rina.owner_of(theirs) is None
    assert rina.delete_case(theirs, now=NOW) is False
    # the second wall: the table as a whole, no condition, from each account
    assert _raw_count(rina, t.invitations) == 1
    assert _raw_count(budi, t.invitations) == 1
    for other in ("sari", "adi", "tono"):
        assert _raw_count(_as(hosted, ids, other), t.invitations) == 0
    # a hosted connection that never said who it is sees nothing at all
    with hosted.engine.connect() as db:
        assert db.execute(select(text("count(*)")).select_from(t.invitations)).scalar_one() == 0
    # and one that tries to write another's row is refused by the policy
    with pytest.raises(Exception, match="row-level security"), rina._tx() as db:
        db.execute(t.events.insert().values(at=NOW, kind="x", owner=ids["budi"]))


def test_a_counsellor_sees_a_case_only_while_it_is_shared(database: str) -> None:
    hosted, ids = _centre(database)
    rina, sari, dewi = (_as(hosted, ids, n) for n in ("rina", "sari", "dewi"))
    case = _case(rina, "paste:1")
    assert rina.share(case, ids["sari"], now=NOW) is False  # no consent yet
    rina.give_consent("counselling", "2026-11", now=NOW)
    assert rina.share(case, ids["rina"], now=NOW) is False  # not a counsellor
    assert rina.share(case, ids["sari"], now=NOW) is True
    shown = sari.case(case, now=NOW)
    assert shown is not None and shown["invitation"]["company"] == "PT Maju Jaya"
    assert "events" not in shown and "follow_ups" not in shown
    assert dewi.case(case, now=NOW) is None and _raw_count(dewi, t.invitations) == 0
    assert sari.remark(case, "approve", "Sudah baik", now=NOW)
    assert dewi.remark(case, "comment", "x", now=NOW) is False
    assert [r.kind for r in rina.remarks_on(case)] == ["approve"]
    # a counsellor never sees the outbox, the events or the mailbox, even without conditions
    for table in (t.outbox, t.events, t.follow_ups, t.mailbox_cursors, h.consents):
        assert _raw_count(sari, table) == 0
    rina.withdraw_consent("counselling", now=NOW + timedelta(minutes=1))
    assert sari.case(case, now=NOW) is None and _raw_count(sari, t.invitations) == 0
    assert sari.remark(case, "comment", "late", now=NOW) is False
    actions = [(e["role"], e["action"]) for e in reversed(rina.audit_log())]
    assert actions == [("student", "consent"), ("student", "share"), ("counsellor", "read"),
                       ("counsellor", "approve"), ("student", "withdraw")]  # fmt: skip


def test_the_audit_log_is_append_only_and_the_auditor_reads_only_it(database: str) -> None:
    hosted, ids = _centre(database)
    rina, tono, adi = (_as(hosted, ids, n) for n in ("rina", "tono", "adi"))
    _case(rina, "paste:1")
    rina.audit("export", now=NOW, subject=ids["rina"], target="export")
    assert [e["action"] for e in tono.audit_log()] == ["export"]
    assert adi.audit_log() == [] and _raw_count(adi, h.audit) == 0
    assert _raw_count(tono, t.invitations) == 0
    for sql in ("UPDATE audit SET action = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
        with pytest.raises(Exception, match="append-only"), hosted.store(SYSTEM)._tx() as db:
            db.execute(text(sql))


def test_export_holds_everything_and_erasure_leaves_nothing(database: str) -> None:
    hosted, ids = _centre(database)
    rina, budi = _as(hosted, ids, "rina"), _as(hosted, ids, "budi")
    rina.give_consent("counselling", "2026-11", now=NOW)
    case = _case(rina, "paste:1")
    rina.share(case, ids["sari"], now=NOW)
    _as(hosted, ids, "sari").remark(case, "comment", "Bagus", now=NOW)
    rina.log("note", now=NOW, invitation_id=case)
    rina.add_follow_ups(case, [("check", NOW + timedelta(days=3), "Cek balasan", "R7")])
    rina.open_session(ids["rina"], "token", "csrf", now=NOW, lasts=timedelta(hours=1))
    _case(budi, "paste:2")
    tables, files = rina.everything()
    assert tables["account"][0]["name"] == "rina" and "password_hash" not in tables["account"][0]
    for name in ("invitations", "consents", "shares", "remarks", "events", "follow_ups"):
        assert len(tables[name]) == 1, name
    assert files[tables["invitations"][0]["raw"]] == b"Undangan wawancara"
    assert {e["action"] for e in tables["audit"]} >= {"consent", "share", "comment"}
    rina.erase_account(now=NOW)
    system = hosted.store(SYSTEM)
    with system._tx() as db:
        import sopan.store.career  # noqa: F401 (its tables on the one metadata)
        from sopan.store.schema import metadata

        # every table naming a student, whether the erasure lists it or not
        owned = [(tb, "owner") for tb in metadata.sorted_tables if "owner" in tb.c]
        owned = [(tb, c) for tb, c in owned if tb.name != "cases"]  # the local web's browsers
        assert {tb.name for tb, _ in owned} <= {n for n, _ in STUDENT_TABLES}
        for table, column in [*owned, (h.sessions, "account_id"), (h.accounts, "id")]:
            left = db.execute(select(table).where(table.c[column] == ids["rina"])).all()
            assert left == [], table.name
        # the other student keeps everything
        assert db.execute(select(t.invitations.c.owner)).scalars().all() == [ids["budi"]]
        kept = db.execute(select(h.audit.c.action).where(h.audit.c.subject == ids["rina"]))
        assert "erase" in kept.scalars().all()


def test_retention_erases_closed_cases_only(database: str) -> None:
    hosted, ids = _centre(database)
    rina = _as(hosted, ids, "rina")
    old = rina.found(facts={**FACTS, "start": "2025-01-10T10:00:00+07:00"}, source="paste:old",
                     raw=b"x", now=NOW)  # fmt: skip
    new = _case(rina, "paste:new")
    gone = hosted.store(SYSTEM).erase_closed(before=NOW - timedelta(days=365), now=NOW)
    assert gone == 1
    assert [c.id for c in rina.cases()] == [new] and old != new
    assert any(e["action"] == "retention" for e in rina.audit_log())


def test_a_decision_is_kept_only_on_the_students_own_case(database: str) -> None:
    hosted, ids = _centre(database)
    rina, budi = _as(hosted, ids, "rina"), _as(hosted, ids, "budi")
    mine = _case(rina, "paste:1")
    kept: dict[str, Any] = {"action": "decline", "situation": {"intent": "decline"},
                            "plan": {"action": "decline"}, "now": NOW}  # fmt: skip
    row = {"channel": "email", "text": "Yth. Ibu,", "subject": "Re", "message_id": None,
           "recipient": None, "file_name": None, "file": None, "lint": {}}  # fmt: skip
    assert budi.decide(mine, drafts=[row], **kept) is None  # another student's
    assert budi.decide(mine + 1000, drafts=[row], **kept) is None  # no such case
    sari = _as(hosted, ids, "sari")
    assert sari.decide(mine, drafts=[row], **kept) is None  # a counsellor never decides
    assert _raw_count(rina, t.decisions) == 0 and _raw_count(rina, t.drafts) == 0
    made = rina.decide(mine, drafts=[row], **kept)
    assert made is not None
    assert [d.text for d in rina.drafts_of(mine)] == ["Yth. Ibu,"]
    assert _raw_count(rina, t.decisions) == 1 and _raw_count(budi, t.decisions) == 0
