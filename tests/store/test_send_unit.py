"""`app.send_for` with the in-memory transport (the SMTP tests use a real server): lint
errors need force, an unknown outcome is settled by the person in a terminal, follow-ups
export as VTODOs, and the inbox of a local mailbox file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, SRC

from sopan import app
from sopan.config import Config
from sopan.deliver import MemoryTransport, OutcomeUnknown
from sopan.errors import UserError
from sopan.model import Profile

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
EXAMPLE = SRC.parent / "examples" / "undangan_wawancara_id.eml"
CONFIG = Config(Profile("Rina Kartika Sari", email="rina@example.com"))


class Says:
    """A person in a terminal who answers every question with the next of `answers`."""

    def __init__(self, *answers: str):
        self.answers, self.asked = list(answers), []

    def tell(self, inv: object) -> None:
        return None

    def ask(self, question: app.Question) -> str | None:
        self.asked.append(question.key)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("SOPAN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    request = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(str(EXAMPLE), now=NOW, config=CONFIG),
            app.Choices(intent="decline", reason="accepted-offer", interest="no", confirmed=False),
        ),
        store=True,
    )
    stored = app.draft_for(request).stored
    assert stored is not None
    return stored


def _send(
    kept: int, transport: MemoryTransport, asker: object = app.NO_ASKER, **kw: object
) -> app.SendResult:
    req = app.SendRequest(kept, NOW, config=CONFIG, **kw)  # type: ignore[arg-type]
    return app.send_for(req, asker, transport)  # type: ignore[arg-type]


def test_lint_errors_stop_a_send_unless_forced(kept: int) -> None:
    from sqlalchemy import update

    from sopan.store import Store
    from sopan.store import schema as t

    store = Store()
    error = {"findings": [{"level": "error", "message": "Jangan menyalahkan perusahaan."}]}
    with store.engine.begin() as db:
        db.execute(update(t.drafts).where(t.drafts.c.channel == "email").values(lint=error))
    wire = MemoryTransport()
    with pytest.raises(UserError, match="lint error"):
        _send(kept, wire, yes=True)
    assert wire.sent == []
    assert _send(kept, wire, yes=True, force=True).state == "sent"
    assert len(wire.sent) == 1


def test_an_unknown_outcome_is_settled_by_the_person(kept: int) -> None:
    lost = MemoryTransport(fail=OutcomeUnknown("the line went dead"))
    with pytest.raises(OutcomeUnknown):
        _send(kept, lost, yes=True)
    wire = MemoryTransport()
    person = Says("failed")  # "it is not in my Sent folder": send it now
    assert _send(kept, wire, person, yes=True).state == "sent"
    assert person.asked == ["resolve"] and len(wire.sent) == 1


def test_said_sent_is_recorded_and_not_sent(kept: int) -> None:
    with pytest.raises(OutcomeUnknown):
        _send(kept, MemoryTransport(fail=OutcomeUnknown("gone")), yes=True)
    wire = MemoryTransport()
    with pytest.raises(UserError, match="recorded as sent"):
        _send(kept, wire, Says("sent"), yes=True)
    assert wire.sent == []


def test_the_question_before_sending_is_the_persons(kept: int) -> None:
    wire = MemoryTransport()
    with pytest.raises(UserError, match="you said no"):
        _send(kept, wire, Says("no"))
    assert wire.sent == []
    assert _send(kept, wire, Says("yes")).state == "sent"


def test_follow_ups_export_as_todos_with_alarms(kept: int) -> None:
    import icalendar

    _send(kept, MemoryTransport(), yes=True)
    rows = app.follow_ups_for()
    cal = icalendar.Calendar.from_ical(app.follow_ups_ics_for(rows))
    todos = list(cal.walk("VTODO"))
    assert len(todos) == len(rows) >= 1
    assert all(t.walk("VALARM") for t in todos)
    assert {t["DUE"].dt for t in todos} == {r.due_at for r in rows}


def test_the_inbox_of_a_mailbox_file(kept: int) -> None:
    box = FIXTURES / "mbox" / "two_invitations_among_others.mbox"
    rows = app.inbox_for(app.InboxRequest(NOW, path=box, config=CONFIG))
    assert len(rows) == 2
    assert [r.answered for r in rows] == [False, False]
    lefts = [r.hours_left for r in rows if r.hours_left is not None and r.hours_left > 0]
    assert lefts == sorted(lefts)  # the soonest first
    assert all(r.command.startswith("sopan draft ") for r in rows)


def test_a_calendar_invitations_reply_goes_out_as_imip_in_the_same_email(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from email import message_from_bytes

    monkeypatch.setenv("SOPAN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    request = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(
                str(FIXTURES / "eml" / "en_with_ics_attachment.eml"), now=NOW, config=CONFIG
            ),
            app.Choices(
                intent="decline", reason="schedule-conflict", interest="yes", confirmed=False
            ),
        ),
        store=True,
    )
    stored = app.draft_for(request).stored
    assert stored is not None
    wire = MemoryTransport()
    _send(stored, wire, yes=True)
    ((raw, _, recipients),) = wire.sent
    parts = [p for p in message_from_bytes(raw).walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1 and parts[0].get_param("method") == "REPLY"
    assert recipients == ["hana@lautbiru.example"]


def test_a_draft_another_live_sopan_is_sending_is_not_sent_again(kept: int) -> None:
    import os
    import socket

    from sqlalchemy import update

    from sopan.store import Store
    from sopan.store import schema as t

    with pytest.raises(OutcomeUnknown):
        _send(kept, MemoryTransport(fail=OutcomeUnknown("gone")), yes=True)
    store = Store()
    with store.engine.begin() as db:  # as if this very process had just taken it
        owner = f"{socket.gethostname()}:{os.getpid()}"
        db.execute(update(t.outbox).values(state="sending", detail=owner))
    wire = MemoryTransport()
    person = Says("failed")  # even a person who says "failed" cannot make it go twice
    with pytest.raises(UserError, match="another sopan is sending it now"):
        _send(kept, wire, person, yes=True)
    assert wire.sent == [] and person.asked == []
