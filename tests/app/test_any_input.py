"""Whatever a person types into any typed field, every use case ends in a value or one of
sopan's own errors — never another exception (which the edges would have to report as a bug).

The fields: each fact of an invitation (`--set`, the facts page), each choice (intent,
reason, interest, detail), the alternatives and the first day back, the calendar settings
(working hours, breaks, notice) and the lengths of `slots`; the texts come from hypothesis,
mixed with the shapes that broke parsers before (far years, weekdays that do not fit,
control characters, huge numbers)."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopan import app, parse
from sopan.config import Config
from sopan.errors import SopanError
from sopan.model.names import FACT_FIELDS

from .cases import ID_EMAIL, NOW, PROFILE, config

#: shapes of text that are near what a parser accepts, or just past its limits
NEAR = st.sampled_from([
    "9999-12-31T23:30", "0001-01-01", "10 Januari 10000", "Kamis, 31 Desember 2999",
    "31 Februari 2027", "Selasa, 14 Desember 2026", "besok jam 25", "14/13", "99/99/9999",
    "2026-12-14T10:00+99:00", "1e309", "-1", "999999999999999999999d", "jam 10 WIB WITA",
    "senin-jumat 25.00-26.00", "\x00\x1b[31m", "٣٠ نوفمبر", "１４：００", "12.00-12.00",
    "https://", "a@b", "+" + "9" * 40, "Senin, 14 Desember 2026 pukul 10.00", "",
])  # fmt: skip
TEXT = st.one_of(NEAR, st.text(max_size=60))
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _ends_well(call) -> None:  # type: ignore[no-untyped-def]
    with contextlib.suppress(SopanError):  # one of sopan's: a line or a page naming the field
        call()


@FAST
@given(field=st.sampled_from(FACT_FIELDS), text=TEXT)
def test_any_fact_typed(field: str, text: str) -> None:
    def run() -> None:
        typed = parse.fact(field, text, language="id", now=NOW)
        read = app.ReadRequest(str(ID_EMAIL), now=NOW, corrections=typed, config=config())
        app.plan_for(app.PlanRequest(read, app.Choices(intent="decline", reason="personal")))

    _ends_well(run)


@FAST
@given(
    choice=st.sampled_from(["intent", "reason", "interest", "detail", "not_before"]),
    text=TEXT,
    alternative=TEXT,
)
def test_any_choice_typed(choice: str, text: str, alternative: str) -> None:
    def run() -> None:
        choices = app.Choices(
            **{"intent": "reschedule", "reason": "health", "interest": "yes", choice: text},
            alternatives=(alternative,),
        )
        read = app.ReadRequest(str(ID_EMAIL), now=NOW, config=config())
        app.draft_for(app.DraftRequest(app.PlanRequest(read, choices), channels=("email",)))

    _ends_well(run)


@FAST
@given(key=st.sampled_from(["working_hours", "blocked", "min_notice", "travel_minutes"]),
       text=TEXT)  # fmt: skip
def test_any_calendar_setting_typed(key: str, text: str) -> None:
    value: object = [text] if key == "blocked" else text
    settings_ = Config(PROFILE, {"calendar": {key: value}})

    def run() -> None:
        _ = settings_.calendar
        read = app.ReadRequest(str(ID_EMAIL), now=NOW, config=settings_)
        app.slots_for(app.SlotsRequest(NOW, read=read, config=settings_))

    _ends_well(run)


@FAST
@given(within=TEXT, length=TEXT)
def test_any_length_typed(within: str, length: str) -> None:
    def run() -> None:
        app.slots_for(
            app.SlotsRequest(
                NOW,
                read=app.ReadRequest(str(ID_EMAIL), now=NOW, config=config()),
                within=app.duration_of(within, "--within") if within else timedelta(days=10),
                duration=app.duration_of(length, "--duration") if length else None,
                config=config(),
            )
        )

    _ends_well(run)
