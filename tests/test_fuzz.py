"""Property-based fuzzing of read, draft and lint: whatever the bytes, the answer is a value
or a documented error (exit 2 or 3), within bounded time and memory."""

from __future__ import annotations

import random
import time
import tracemalloc
from datetime import datetime
from zoneinfo import ZoneInfo

from fuzz_inputs import SEEDS, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopan import app
from sopan.config import Config
from sopan.errors import SopanError
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
