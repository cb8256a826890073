"""The work one command may spend on calendars: one budget over every calendar it reads.

A command (one `sopan` run, one request of `sopan web`, one input of `bench/fuzz.py`) opens
it with `command_budget()`, and every calendar step under it draws on the same budget: the
calendars read for busy times and free slots, and the reader's calendar invitation.

- Occurrences: how many occurrences of repeating events may still be expanded, over every
  series of every calendar together (`MAX_OCCURRENCES`). A step asks before it expands
  (`afford`, from what the rules say they hold) and counts what comes (`spend`).
- Seconds: the CPU time calendar steps may still spend (`CALENDAR_SECONDS`, plus
  `SECONDS_PER_MB` for each megabyte of calendar read, which a large calendar needs only to
  be parsed). It is checked between pieces of work (`check`) and, on the main thread,
  enforced inside the libraries too by a CPU timer (SIGPROF), so that no loop of theirs runs
  past it: recurring-ical-events and dateutil can search a sparse rule for a long time
  without returning.
- A wall-clock deadline for a step that waits for a server: `--timeout` of an https calendar
  covers its parse as well as its download.

Without a command budget, a step opens one of its own. A thread other than the main one
cannot be interrupted by a signal, nor can anything on Windows: there the budget is checked
between pieces of work only.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType
from typing import Any

from sopan._infra.wording import Amount
from sopan.errors import ExternalError, UserError

#: Occurrences of repeating events one command may expand, all calendars together (a year of
#: a busy diary with fifty weekly meetings and a daily one is about 3,000).
MAX_OCCURRENCES = 50_000
#: CPU seconds the calendar steps of one command may spend, before the allowance per megabyte.
CALENDAR_SECONDS = 3.0
#: More CPU seconds for each megabyte of calendar text read (parsing 18 MB takes about 4.4 s).
SECONDS_PER_MB = 0.5
_MB = 1024 * 1024


class _OutOfTime(BaseException):
    """Raised by the timer wherever the step is; `step` turns it into its one-line error.

    A BaseException, so that a library's `except Exception` does not swallow it.
    """


@dataclass
class Budget:
    """What the command may still spend on calendars (see the module's docstring)."""

    occurrences: int = MAX_OCCURRENCES
    seconds: float = CALENDAR_SECONDS
    source: str = ""  # the step running now, named in the errors
    cpu_deadline: float | None = None  # time.process_time() at which the step must stop
    wall_deadline: float | None = None  # time.monotonic() at which a server's step must stop
    timeout: float | None = None  # the --timeout that set `wall_deadline`, for its message
    timed: bool = False  # the timer is armed for this step (main thread only)

    def afford(self, estimate: float, source: str) -> None:
        """Refuse, before expanding, `estimate` occurrences when fewer are left."""
        if estimate > self.occurrences:
            total = MAX_OCCURRENCES - self.occurrences + estimate
            raise UserError(
                "ical.budget_estimate",
                source=source,
                count=Amount(int(total)),
                limit=Amount(MAX_OCCURRENCES),
            )

    def spend(self, count: int, source: str) -> None:
        """Count `count` occurrences expanded; past the budget, one line (UserError)."""
        self.occurrences -= count
        if self.occurrences < 0:
            raise UserError("ical.budget_spent", source=source, limit=Amount(MAX_OCCURRENCES))
        self.check(source)

    def check(self, source: str) -> None:
        """Raise the step's error when its CPU time or its deadline is over."""
        if self.cpu_deadline is not None and time.process_time() > self.cpu_deadline:
            raise self.over_time(source)
        if self.wall_deadline is not None and time.monotonic() > self.wall_deadline:
            raise self.over_deadline(source)

    def grant(self, size: int) -> None:
        """More CPU time for `size` bytes of calendar read (parsing costs per byte)."""
        extra = SECONDS_PER_MB * size / _MB
        self.seconds += extra
        if self.cpu_deadline is not None:
            self.cpu_deadline += extra
            if self.timed:
                _arm_cpu(self.cpu_deadline - time.process_time())

    def over_time(self, source: str) -> UserError:
        """The error of a step out of CPU time."""
        return UserError(
            "ical.budget_time",
            source=source,
            seconds=Amount(CALENDAR_SECONDS),
            per_mb=Amount(SECONDS_PER_MB),
        )

    def over_deadline(self, source: str) -> ExternalError:
        """The error of a server's step past its --timeout."""
        return ExternalError(
            "ical.budget_deadline",
            field="timeout",
            source=source,
            seconds=Amount(self.timeout or 0),
        )


_CURRENT: ContextVar[Budget | None] = ContextVar("sopan_calendar_budget", default=None)


@contextmanager
def command_budget() -> Iterator[Budget]:
    """The budget of the command running: opened here unless one is open already."""
    found = _CURRENT.get()
    if found is not None:
        yield found
        return
    budget = Budget()
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def current() -> Budget | None:
    """The budget of the command running, if one is open."""
    return _CURRENT.get()


def _can_interrupt() -> bool:
    """Whether a timer's signal can stop work here: on the main thread, where the system
    has CPU timers (Windows has none: there the budget is checked between pieces of work)."""
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGPROF")


#: Whether a timer of a step is running: a signal that comes as it is being stopped is let go.
_ARMED = [False]


def _fire(signum: int, frame: FrameType | None) -> None:
    if _ARMED[0]:
        raise _OutOfTime(signum)


def _arm_cpu(seconds: float) -> None:
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 0.001))


@contextmanager
def step(
    source: str, *, timeout: float | None = None, started: float | None = None
) -> Iterator[Budget]:
    """One calendar step under the command's budget, named `source` in its errors.

    `timeout` (with the monotonic time it `started`) adds a wall-clock deadline, for a
    calendar fetched from a server; a step inside another step only adds that deadline.
    """
    with command_budget() as budget:
        if budget.source:  # inside a step: a deadline of its own, the CPU time is shared
            yield from _deadline_within(budget, source, timeout, started)
            return
        yield from _step(budget, source, timeout, started)


def _deadline_within(
    budget: Budget, source: str, timeout: float | None, started: float | None
) -> Iterator[Budget]:
    saved = (budget.source, budget.wall_deadline, budget.timeout)
    if timeout is not None:
        budget.wall_deadline = (started or time.monotonic()) + timeout
        budget.timeout = timeout
    budget.source = source
    old = _arm_wall(budget) if budget.timed and timeout is not None else None
    try:
        yield budget
    except _OutOfTime as exc:
        raise _error(budget, source, exc) from None
    finally:
        if old is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        budget.source, budget.wall_deadline, budget.timeout = saved


#: How long after a server's deadline its timer fires: a check between pieces of work, and a
#: download's own timeouts (which say whether the server answered), are heard first.
_GRACE = 0.25


def _arm_wall(budget: Budget) -> Any:
    old = signal.signal(signal.SIGALRM, _fire)
    left = (budget.wall_deadline or 0) + _GRACE - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
    return old


def _error(budget: Budget, source: str, exc: _OutOfTime) -> UserError | ExternalError:
    if exc.args == (signal.SIGALRM,):
        return budget.over_deadline(source)
    return budget.over_time(source)


def _step(
    budget: Budget, source: str, timeout: float | None, started: float | None
) -> Iterator[Budget]:
    began = time.process_time()
    budget.source = source
    budget.cpu_deadline = began + budget.seconds
    if timeout is not None:
        budget.wall_deadline = (started or time.monotonic()) + timeout
        budget.timeout = timeout
    budget.timed = _can_interrupt()
    old_prof = old_alrm = None
    try:
        if budget.timed:
            _ARMED[0] = True
            old_prof = signal.signal(signal.SIGPROF, _fire)
            _arm_cpu(budget.seconds)
            if timeout is not None:
                old_alrm = _arm_wall(budget)
        budget.check(source)
        yield budget
    except _OutOfTime as exc:
        raise _error(budget, source, exc) from None
    finally:
        if budget.timed:
            _ARMED[0] = False
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)
            if old_prof is not None:
                signal.signal(signal.SIGPROF, old_prof)
            if old_alrm is not None:
                signal.signal(signal.SIGALRM, old_alrm)
        budget.seconds -= time.process_time() - began
        budget.source, budget.cpu_deadline, budget.wall_deadline = "", None, None
        budget.timeout, budget.timed = None, False
