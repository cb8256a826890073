"""The worker processes the pages' work runs in: a call past its deadline is stopped (its
worker killed and replaced, the next call served), sopan's own errors cross whole (code,
field, values), anything else crosses as an internal error, and a long call lowers its
worker's priority (the worker is replaced after it)."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from sopan import parse
from sopan.errors import InternalError, UserError
from sopan.web.work import Overtime, Processes

NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_a_call_past_its_deadline_is_stopped_and_the_pool_goes_on() -> None:
    async def scenario() -> None:
        pool = Processes(1)
        try:
            first = await pool.run(os.getpid)
            started = time.perf_counter()
            with pytest.raises(Overtime):
                await pool.run(time.sleep, 30, deadline=0.5)
            assert time.perf_counter() - started < 10  # stopped, not waited for
            assert await pool.run(len, "abc") == 3  # a fresh worker serves the next call
            assert await pool.run(os.getpid) != first
            assert first != os.getpid()  # never this process
        finally:
            pool.close()

    asyncio.run(scenario())


def test_errors_cross_whole_and_a_bug_is_an_internal_error() -> None:
    async def scenario() -> None:
        pool = Processes(1)
        try:
            with pytest.raises(UserError) as caught:
                typed = partial(parse.fact, language="id", now=NOW)
                await pool.run(typed, "start", "Kamis, 14 Desember 2026")
            assert (caught.value.code, caught.value.field) == ("parse.weekday", "start")
            assert "tidak cocok" in caught.value.text("id")
            with pytest.raises(InternalError, match="ValueError"):
                await pool.run(int, "bukan angka")
        finally:
            pool.close()

    asyncio.run(scenario())


def _priority() -> int:
    time.sleep(0.8)  # long enough to count as a long call
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_a_long_call_gives_way_and_its_worker_is_replaced() -> None:
    async def scenario() -> None:
        pool = Processes(1)
        try:
            before = await pool.run(os.getpid)
            assert await pool.run(_priority) > os.getpriority(os.PRIO_PROCESS, 0)
            assert await pool.run(os.getpid) != before  # a fresh one at the usual priority
        finally:
            pool.close()

    asyncio.run(scenario())


def test_a_worker_started_after_close_is_stopped_at_once() -> None:
    # a Ctrl-C during the warm-up: the workers still starting must not outlive the server
    work = Processes(size=1)
    work.warm()
    work.close()
    assert work.warming is not None
    work.warming.join(60)
    assert work.ready and not any(w.process.is_alive() for w in work.ready)
