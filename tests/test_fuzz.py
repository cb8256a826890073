"""Property-based fuzzing of read, draft and lint: whatever the bytes, the answer is a value
or a documented error (exit 2 or 3), within bounded time and memory."""

from __future__ import annotations

import random
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fuzz_inputs import SEEDS, families, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopan import app
from sopan.config import Config
from sopan.errors import SopanError
from sopan.ical.budget import command_budget
from sopan.model import Profile

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
CONFIG = Config(Profile(name="Rina Kartika Sari", email="rina@example.com", city="Jakarta"))
SECONDS, MEGABYTES = 5.0, 300


def _run(data: bytes) -> None:
    read = app.ReadRequest("fuzz", now=NOW, data=data, config=CONFIG)
    try:
        app.read_for(read)
        app.draft_for(
            app.DraftRequest(
                app.PlanRequest(read, app.Choices("decline", "personal", "no", False)),
                ("email", "sms", "calendar"),
            )
        )
    except SopanError as exc:
        assert exc.exit_code in (2, 3) and "\n" not in str(exc), exc
    try:
        text = data.decode("utf-8", "replace")
        app.lint_for(app.LintRequest(text=text))
    except SopanError as exc:
        assert exc.exit_code == 2 and "\n" not in str(exc), exc


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32 - 1), which=st.integers(0, len(SEEDS) - 1))
def test_mutated_inputs_give_a_value_or_a_documented_error(seed: int, which: int) -> None:
    data = mutate(SEEDS[which].read_bytes(), random.Random(seed))
    tracemalloc.start()
    started = time.process_time()
    try:
        _run(data)  # anything but a SopanError escaping here is an internal error (exit 70)
        spent = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    # tracemalloc makes Python slower: the bound is generous, the benchmark measures the rest
    assert spent < SECONDS * 3, (SEEDS[which].name, seed, spent)
    assert peak < MEGABYTES, (SEEDS[which].name, seed, peak)


def _each_command(kind: str, data: bytes, folder: Path) -> list[SopanError]:
    """Feed one hostile input as `sopan` would (see bench/fuzz.py): the errors it gave."""
    from datetime import timedelta

    suffix = {"reply.pdf": ".pdf", "reply.docx": ".docx", "calendar": ".ics"}.get(kind, ".eml")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    read = app.ReadRequest(str(path), now=NOW, config=CONFIG)
    calls: list[Callable[[], object]] = []
    if kind.startswith("reply"):
        calls.append(lambda: app.lint_for(app.LintRequest(source=str(path))))
    else:
        choices = app.Choices("decline", "personal", "no", False)
        calls.append(lambda: app.draft_for(app.DraftRequest(app.PlanRequest(read, choices),
                                                            ("all",))))  # fmt: skip
        calls.append(lambda: app.lint_for(app.LintRequest(text=data.decode("utf-8", "replace"))))
    if kind == "calendar":
        sources = (str(path),)
        window = app.BusyRequest(NOW, NOW + timedelta(days=30), calendars=sources, config=CONFIG)
        around = app.SlotsRequest(NOW, at=NOW + timedelta(days=3), calendars=sources, config=CONFIG)
        calls += [lambda: app.busy_for(window), lambda: app.slots_for(around)]
    errors = []
    with command_budget():  # one command: one budget over all its calendars
        for call in calls:
            try:
                call()
            except SopanError as exc:  # anything else escaping is an internal error (exit 70)
                errors.append(exc)
    return errors


HOSTILE = [item for item in families(60, seed=3) if item[1] != "closed-output"]


@pytest.mark.parametrize(("name", "kind", "data"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_families_give_a_value_or_one_documented_line(
    name: str, kind: str, data: bytes, tmp_path: Path
) -> None:
    started = time.process_time()
    for exc in _each_command(kind, data, tmp_path):
        assert exc.exit_code in (2, 3) and "\n" not in str(exc), (name, exc)
        assert not any(c in str(exc) for c in "\r\x1b\x85\x9b"), (name, exc)
    assert time.process_time() - started < SECONDS, name
