"""Each use case called directly, as the CLI and the web app call it (no command line)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sopan import app
from sopan.cli.base import corrections_of
from sopan.errors import UserError

from .cases import EN_EMAIL, ID_EMAIL, NOW, WEEKLY, Script, config


def _plan(path: Path = ID_EMAIL, *, calendars: tuple[Path, ...] = (), **choices: object):
    req = app.PlanRequest(
        app.ReadRequest(str(path), now=NOW, config=config(*calendars)),
        app.Choices(**choices),  # type: ignore[arg-type]
    )
    return app.plan_for(req)


def test_read_for_gives_the_invitation_with_its_provenance() -> None:
    got = app.read_for(app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()))
    inv = got.invitation
    assert inv.company == "PT Nusantara Data Teknologi"
    start = inv.fact("start")
    assert start is not None and start.source == "text"
    assert "23 November 2026" in inv.text[start.start : start.end]


def test_read_for_takes_bytes_as_well_as_a_path() -> None:
    data = ID_EMAIL.read_bytes()
    got = app.read_for(app.ReadRequest("upload", now=NOW, data=data, config=config()))
    assert got.invitation.position == "Data Analyst"


def test_a_correction_wins_and_is_marked_as_the_users() -> None:
    req = app.ReadRequest(
        str(ID_EMAIL),
        now=NOW,
        corrections=corrections_of(["company=PT Lain Sekali"], now=NOW, language="id"),
        config=config(),
    )
    inv = app.read_for(req).invitation
    assert inv.company == "PT Lain Sekali"
    fact = inv.fact("company")
    assert fact is not None and fact.source == "user" and fact.confidence == 1.0


def test_plan_for_follows_the_explicit_intent_and_shows_the_recommendation() -> None:
    planned = _plan(intent="cancel", reason="personal", interest="unsure", confirmed=True)
    assert planned.plan.action == "cancel"
    assert planned.plan.recommendation == "reschedule"
    assert any(n.guideline == "C0" for n in planned.plan.warnings)


def test_plan_for_without_an_intent_takes_the_recommendation() -> None:
    planned = _plan(reason="personal")
    assert planned.plan.action == "reschedule" and planned.plan.recommendation is None


def test_a_reschedule_with_proposed_slots_has_no_offer_times_warning() -> None:
    planned = _plan(
        calendars=(WEEKLY,),
        intent="reschedule",
        reason="schedule-conflict",
        interest="yes",
        confirmed=False,
    )
    assert len(planned.proposed) == 3
    assert planned.situation.alternatives == planned.proposed
    assert "R5" not in {n.guideline for n in planned.plan.warnings}
    # the interview is on Mon 23 Nov: every slot is later than its day
    assert all(s.start.date() > date(2026, 11, 23) for s in planned.proposed)


def test_without_a_calendar_no_slot_is_made_up() -> None:
    planned = _plan(intent="reschedule", reason="schedule-conflict", interest="yes")
    assert planned.proposed == () and planned.situation.alternatives == ()
    assert "R5" in {n.guideline for n in planned.plan.warnings}


def test_a_health_reason_asks_when_the_user_can_attend_again() -> None:
    script = Script({"not_before": "2026-12-01"})
    req = app.PlanRequest(
        app.ReadRequest(str(ID_EMAIL), now=NOW, config=config(WEEKLY)),
        app.Choices(intent="reschedule", reason="health", interest="yes", confirmed=False),
    )
    planned = app.plan_for(req, script)
    assert "not_before" in [q.key for q in script.asked]
    assert planned.proposed and all(s.start.date() >= date(2026, 12, 1) for s in planned.proposed)
    silent = app.plan_for(req)  # nobody to ask: no slot at all rather than one too early
    assert silent.proposed == ()


def test_a_contradiction_is_refused_without_a_terminal() -> None:
    with pytest.raises(UserError, match=r"I accepted another offer.* contradicts .*“Yes”"):
        _plan(intent="cancel", reason="accepted-offer", interest="yes")


def test_a_contradiction_is_asked_again_in_a_terminal() -> None:
    script = Script({"interest": "no"})
    req = app.PlanRequest(
        app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
        app.Choices(intent="cancel", reason="accepted-offer", interest="yes", confirmed=True),
    )
    planned = app.plan_for(req, script)
    assert planned.situation.interest == "no" and planned.plan.action == "cancel"
    assert "R4.2" in script.asked[-1].text


def test_other_without_words_is_refused_and_asked_in_a_terminal() -> None:
    with pytest.raises(UserError, match="reason_text: with the reason “Something else”"):
        _plan(intent="decline", reason="other", interest="no")
    script = Script({"reason_text": "Saya melanjutkan studi"})
    req = app.PlanRequest(
        app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
        app.Choices(intent="decline", reason="other", interest="no", confirmed=False),
    )
    assert app.plan_for(req, script).situation.reason_text == "Saya melanjutkan studi"


def test_a_terminal_is_offered_the_recommendation_and_the_user_decides() -> None:
    req = app.PlanRequest(
        app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
        app.Choices(intent="decline", reason="personal", interest="unsure", confirmed=False),
    )
    kept = app.plan_for(req, Script({"recommendation": "no"}))
    taken = app.plan_for(req, Script({"recommendation": "yes"}))
    assert kept.plan.action == "decline" and taken.plan.action == "reschedule"


def test_draft_for_writes_nothing_without_a_folder_and_lints_every_draft() -> None:
    req = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(str(EN_EMAIL), now=NOW, config=config()),
            app.Choices(intent="decline", reason="accepted-offer", interest="no", confirmed=False),
        ),
        channels=("email", "sms"),
    )
    done = app.draft_for(req)
    assert [d.channel for d in done.drafts] == ["email", "sms"]
    assert len(done.reports) == 2 and done.files == ()
    assert all(d.language == "en" for d in done.drafts)


def test_draft_for_saves_the_files_it_shows(tmp_path: Path) -> None:
    req = app.DraftRequest(
        app.PlanRequest(
            app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
            app.Choices(intent="decline", reason="accepted-offer", interest="no", confirmed=False),
        ),
        channels=("email",),
        out_dir=tmp_path,
    )
    done = app.draft_for(req)
    assert [p.name for p in done.files] == ["email.eml"] and done.files[0].is_file()


def test_draft_for_refuses_an_ambiguous_date_without_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "chat.txt"
    source.write_text("Halo Rina, bisa datang interview besok jam 10.00 WIB?", "utf-8")
    choices = app.Choices(intent="decline", reason="personal", interest="no", confirmed=False)

    def draft(*sets: str, asker: app.Asker = app.NO_ASKER) -> app.DraftResult:
        typed = corrections_of(list(sets), now=NOW, language="id")
        read = app.ReadRequest(str(source), now=NOW, corrections=typed, config=config())
        return app.draft_for(app.DraftRequest(app.PlanRequest(read, choices)), asker)

    with pytest.raises(UserError, match=r"start: not certain; .*: 2026-11-21T10:00:00\+07:00"):
        draft()
    decided = draft("start=2026-11-21T10:00")
    assert decided.planned.invitation.start is not None
    script = Script({"start": "2026-11-21T10:00:00+07:00"})
    asked = draft(asker=script)
    assert script.shown and asked.planned.invitation.start == decided.planned.invitation.start


def test_slots_for_never_offers_the_interview_day_or_earlier() -> None:
    found = app.slots_for(
        app.SlotsRequest(
            NOW, read=app.ReadRequest(str(ID_EMAIL), now=NOW), calendars=(str(WEEKLY),),
            config=config(),
        )
    )  # fmt: skip
    assert found.slots and all(s.start.date() > date(2026, 11, 23) for s in found.slots)
    assert found.conflicts is not None


def test_busy_for_lists_the_calendar() -> None:
    found, notes = app.busy_for(
        app.BusyRequest(NOW, NOW + timedelta(days=7), calendars=(str(WEEKLY),), config=config())
    )
    assert found and notes == ()


def test_lint_for_checks_against_the_invitation() -> None:
    report = app.lint_for(
        app.LintRequest(
            text="Yth. Ibu Dewi,\n\nSaya tidak dapat hadir pada wawancara Selasa, "
            "24 November 2026.\n\nHormat saya,\nRina Kartika Sari",
            invitation=app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
        )
    )
    assert "date_mismatch" in {f.rule for f in report.findings}
