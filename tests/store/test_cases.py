"""The web app's cases in the store, on SQLite and PostgreSQL: each owner sees and changes
only their own, a case keeps what the person typed, and the list says how far each went."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sopan.store import Store

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
A, B = "a" * 64, "b" * 64


def _keep(store: Store) -> int:
    return store.record(
        facts={"company": "PT Maju", "start": "2026-11-23T10:00:00+07:00"}, source="case:k1",
        action="decline", situation={}, plan={},
        drafts=[{"channel": "email", "text": "Yth.", "subject": "Re: x", "message_id": "<a@b>",
                 "recipient": "hr@maju.example", "file_name": "email.eml", "file": b"x",
                 "lint": {"findings": []}},
                {"channel": "whatsapp", "text": "Halo", "subject": None, "message_id": None,
                 "recipient": None, "file_name": "whatsapp.txt", "file": b"Halo",
                 "lint": {"findings": []}}],
        contact={"name": None, "email": None, "phone": None, "company": None, "linkedin": None},
        now=NOW,
    )  # fmt: skip


def test_a_case_is_its_owners_alone(database_url: str) -> None:
    store = Store(database_url)
    made = store.new_case(owner=A, key="k1", source="undangan.eml", data=b"Halo", now=NOW)
    assert (made.key, made.source, made.data, made.state) == ("k1", "undangan.eml", b"Halo", {})
    assert store.browser_case(B, "k1") is None  # another browser: as if it never was
    assert not store.save_case(B, "k1", now=NOW, state={"edits": {"email": "dirubah"}})
    assert not store.forget_case(B, "k1")
    assert store.cases_of(B, NOW) == ([], 0)
    state = {"corrections": {"position": "Analis Data"}, "choices": {"intent": "decline"}}
    start = datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert store.save_case(A, "k1", now=NOW + timedelta(minutes=5), state=state,
                           summary=("PT Maju", "Analis Data", start))  # fmt: skip
    kept = store.browser_case(A, "k1")
    assert kept is not None and kept.state == state
    assert (kept.company, kept.position, kept.start) == ("PT Maju", "Analis Data", start)
    assert kept.updated_at == NOW + timedelta(minutes=5)
    assert store.forget_case(A, "k1") and store.browser_case(A, "k1") is None


def test_the_list_says_what_became_of_each_case(database_url: str) -> None:
    store = Store(database_url)
    store.new_case(owner=A, key="k1", source="a.eml", data=b"1", now=NOW)
    store.new_case(owner=A, key="k2", source="b.eml", data=b"2", now=NOW)
    store.new_case(owner=B, key="k3", source="c.eml", data=b"3", now=NOW)
    invitation = _keep(store)
    store.save_case(A, "k1", now=NOW, invitation_id=invitation)
    (email, chat) = store.drafts_of(invitation)
    store.claim(email, now=NOW)
    store.settle(email, "sent", now=NOW)
    store.log("done", now=NOW, invitation_id=invitation, draft_id=chat.id, detail="whatsapp")
    due = NOW + timedelta(days=3)
    store.add_follow_ups(invitation, [("check_answer", due, "Cek balasan", "R7")])
    listed = {c.key: c for c in store.cases_of(A, NOW)[0]}
    assert set(listed) == {"k1", "k2"}
    first = listed["k1"]
    assert first.outbox == {"email": "sent"} and first.done == frozenset({"whatsapp"})
    assert first.follow_up == due
    assert listed["k2"].outbox == {} and listed["k2"].follow_up is None
    (follow,) = store.follow_ups([invitation])
    assert store.follow_up_done(follow.id, invitation, now=NOW)
    assert not store.follow_up_done(follow.id, invitation, now=NOW)  # once
    assert {c.key: c.follow_up for c in store.cases_of(A, NOW)[0]} == {"k1": None, "k2": None}


def test_a_new_decision_replaces_the_drafts_that_are_sent(database_url: str) -> None:
    store = Store(database_url)
    invitation = _keep(store)
    store.add_decision(invitation, action="cancel", situation={}, plan={}, now=NOW,
                 facts={"company": "PT Baru", "start": None},
                 drafts=[{"channel": "email", "text": "Baru", "subject": "Re: y",
                          "message_id": "<c@d>", "recipient": "hr@baru.example",
                          "file_name": "email.eml", "file": b"y",
                          "lint": {"findings": []}}])  # fmt: skip
    (draft,) = store.drafts_of(invitation)
    assert (draft.text, draft.message_id, draft.interview_start) == ("Baru", "<c@d>", None)
    (row,) = store.history()
    assert (row.company, row.action) == ("PT Baru", "cancel")


def test_the_list_is_ordered_by_urgency_and_cut_in_the_database(database_url: str) -> None:
    store = Store(database_url)
    day = timedelta(days=1)
    # key → (start, minutes before NOW it was brought)
    brought = {"closed": (NOW + day, 1), "past": (NOW - day, 2), "undated": (None, 0),
               "soon": (NOW + 2 * day, 3), "sooner": (NOW + day, 4), "sent": (NOW + day, 5),
               "due": (NOW + 3 * day, 6), "chatted": (NOW + day, 7)}  # fmt: skip
    for key, (start, ago) in brought.items():
        at = NOW - timedelta(minutes=ago)
        store.new_case(owner=A, key=key, source="a.eml", data=b"1", now=at)
        store.save_case(A, key, now=at, summary=("PT Maju", "Analis", start))
    store.new_case(owner=B, key="other", source="b.eml", data=b"2", now=NOW)
    store.save_case(A, "closed", now=NOW, state={"closed": "old"})
    for key in ("sent", "due", "chatted"):
        invitation = _keep(store)
        store.save_case(A, key, now=NOW, invitation_id=invitation)
        email, chat = store.drafts_of(invitation)
        if key in ("sent", "due"):
            store.claim(email, now=NOW)
            store.settle(email, "sent", now=NOW)
        if key == "due":  # answered, and now it is time to follow up
            store.add_follow_ups(invitation, [("check_answer", NOW - day, "Cek", "R7")])
        if key == "chatted":
            store.log("done", now=NOW, invitation_id=invitation, draft_id=chat.id,
                      detail="whatsapp")  # fmt: skip
    listed, total = store.cases_of(A, NOW)
    newest_first = ["undated", "closed", "past", "sent", "chatted"]
    assert [c.key for c in listed] == ["due", "sooner", "soon", *newest_first]
    assert total == 8
    first, total = store.cases_of(A, NOW, limit=2)
    assert [c.key for c in first] == ["due", "sooner"] and total == 8
    assert first[0].follow_up == NOW - day and first[0].outbox == {"email": "sent"}
