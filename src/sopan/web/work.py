"""The work a page asks for, off the server's event loop and under a deadline, so that one
person's upload never stalls another person's page.

Reading, planning, drafting, linting and calendars are CPU work: each call runs in one of a
few worker processes (forked from a server that imported sopan once, so a worker starts in
milliseconds), and a call past its deadline has its worker killed and replaced: the page
says it took too long, and nothing keeps running for it. Sending and saving wait on
servers, not on the CPU: they run in a thread (`io`), since a kill there could leave a
message's outcome unknown.

`Inline` runs the same calls in a thread of this process: for Starlette's test client,
where the pages are tested without the processes.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Protocol, TypeVar

from sopan.errors import InternalError, SopanError

T = TypeVar("T")
#: how long a page may wait for its work (the input budgets end any one step sooner)
DEADLINE = 30.0
#: worker processes: one person's long calendar leaves the other free
WORKERS = 2
#: the modules a worker has imported before its first call
PRELOAD = ["sopan.app", "sopan.app.cases", "sopan.app.drafting", "sopan.app.calendars"]


class Overtime(SopanError):
    """A page's work ran past its deadline and was stopped."""

    exit_code = 2

    def __init__(self, seconds: float):
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds = seconds


class Runner(Protocol):
    """Where a page's work runs."""

    async def run(self, fn: Callable[..., T], *args: Any, deadline: float = DEADLINE) -> T:
        """`fn(*args)`'s value, or its exception; `Overtime` past `deadline` seconds."""

    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in a thread: work that waits on a server."""

    def warm(self) -> None:
        """Start what the first page will need, in the background."""

    def close(self) -> None:
        """Stop whatever runs."""


def _portable(exc: BaseException) -> tuple[type[BaseException], tuple[Any, ...], dict[str, Any]]:
    """The exception as it can cross to the server (its class, arguments and fields, so
    that no constructor runs again): sopan's own as it is, anything else (a bug) as an
    internal error naming it."""
    if not isinstance(exc, SopanError):
        exc = InternalError(f"{type(exc).__name__}: {exc}".splitlines()[0])
    return type(exc), exc.args, dict(vars(exc))


def _rebuilt(parts: tuple[type[BaseException], tuple[Any, ...], dict[str, Any]]) -> BaseException:
    cls, args, state = parts
    exc = cls.__new__(cls)
    exc.args = args
    vars(exc).update(state)
    return exc


#: how much lower the CPU priority of a long call is than the server's: pages first
NICENESS = 10
#: after how long a call counts as long (a page's own work takes milliseconds)
LONG_CALL = 0.5


def _lower(lowered: threading.Event) -> None:
    """A long call's worker steps back: the server's pages go first. (On Linux a priority
    is a thread's: the worker's main thread, whose id is the process's, is the one lowered,
    not this timer's.)"""
    pid = os.getpid()
    os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, pid) + NICENESS)
    lowered.set()


def _serve(connection: Connection) -> None:
    """A worker: calls in, values or exceptions out, until the server closes the pipe. A
    call that runs long lowers its worker's priority, so the other pages are served first
    when the CPU is short; such a worker is replaced when it is done (a process cannot
    raise its priority again)."""
    while True:
        try:
            fn, args = connection.recv()
        except (EOFError, OSError):
            return
        lowered = threading.Event()
        timer = threading.Timer(LONG_CALL, _lower, (lowered,))
        timer.daemon = True
        timer.start()
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except BaseException as exc:  # every failure goes back to the page that asked
            answer = ("error", _portable(exc))
        finally:
            timer.cancel()
        try:
            connection.send((*answer, lowered.is_set()))
        except Exception as exc:  # a value that does not pickle is sopan's bug
            bug = _portable(InternalError(f"{type(exc).__name__}: {exc}"))
            connection.send(("error", bug, lowered.is_set()))


class _Worker:
    def __init__(self, context: Any):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any, bool]:
        self.connection.send((fn, args))
        answer: tuple[str, Any, bool] = self.connection.recv()
        return answer

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class Processes:
    """A few worker processes; a call past its deadline kills its worker."""

    def __init__(self, size: int = WORKERS):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.context, self.size = context, size
        self.idle: asyncio.Queue[_Worker] | None = None
        self.lock = threading.Lock()
        self.all: list[_Worker] = []
        self.ready: list[_Worker] = []
        self.warming: threading.Thread | None = None
        self.closed = False

    def warm(self) -> None:
        """Start the workers in the background of a starting server (the first page would
        otherwise wait for them)."""

        def start() -> None:
            made = [self._new() for _ in range(self.size)]
            with self.lock:
                self.ready.extend(made)

        self.warming = threading.Thread(target=start, daemon=True)
        self.warming.start()

    def _new(self) -> _Worker:
        worker = _Worker(self.context)
        with self.lock:
            closed = self.closed
            if not closed:
                self.all.append(worker)
        if closed:  # started while the server stopped (a Ctrl-C during the warm-up)
            worker.kill()
        return worker

    async def _take(self) -> _Worker:
        if self.idle is None:  # made in the loop that uses it, with its workers
            self.idle = asyncio.Queue()
            if self.warming is not None:
                await asyncio.to_thread(self.warming.join)
            with self.lock:
                made, self.ready = self.ready, []
            for worker in made:
                self.idle.put_nowait(worker)
            for _ in range(self.size - len(made)):
                self.idle.put_nowait(await asyncio.to_thread(self._new))
        return await self.idle.get()

    async def run(self, fn: Callable[..., T], *args: Any, deadline: float = DEADLINE) -> T:
        worker = await self._take()
        assert self.idle is not None
        try:
            kind, value, lowered = await asyncio.wait_for(
                asyncio.to_thread(worker.call, fn, args), deadline
            )
        except TimeoutError:
            await asyncio.to_thread(self._replace, worker)
            raise Overtime(deadline) from None
        except (EOFError, OSError):  # the worker died (killed from outside, out of memory)
            await asyncio.to_thread(self._replace, worker)
            raise InternalError("a worker process ended unexpectedly") from None
        except BaseException:
            await asyncio.to_thread(self._replace, worker)
            raise
        if lowered:  # it ran long at a lower priority: a fresh one takes its place
            await asyncio.to_thread(self._replace, worker)
        else:
            self.idle.put_nowait(worker)
        if kind == "error":
            raise _rebuilt(value)
        return value  # type: ignore[no-any-return]

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self.lock:
            self.all.remove(worker)
        assert self.idle is not None
        self.idle.put_nowait(self._new())

    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(fn, *args)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            workers, self.all = self.all, []
        for worker in workers:
            worker.kill()


class Inline:
    """The same calls in a thread of this process (no deadline: nothing can be stopped)."""

    def warm(self) -> None:
        return None

    async def run(self, fn: Callable[..., T], *args: Any, deadline: float = DEADLINE) -> T:
        return await asyncio.to_thread(fn, *args)

    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(fn, *args)

    def close(self) -> None:
        return None


def runner() -> Runner:
    """The processes, unless `SOPAN_WEB_INLINE=1` asks for threads."""
    return Inline() if os.environ.get("SOPAN_WEB_INLINE") == "1" else Processes()
