"""Running one function over many inputs, in this process or in a pool of worker processes.

The command line's folder conversion (``netcontract convert DIR --jobs N``) goes through
:func:`run_ordered`: results come back in input order, whatever order the workers finish in,
so reports and outputs are the same for any ``--jobs``.

Workers are started with ``spawn`` (a fresh interpreter, as on Windows and macOS): nothing of
the parent's state is inherited by accident (locks held by other threads, open files), so the
function and its arguments must pickle, and the worker sets itself up with ``initializer``.
Workers ignore SIGINT, SIGTERM and SIGHUP (SIGINT from their start: they inherit it
ignored). Ctrl+C reaches the whole process group, and the parent alone decides: it cancels
what has not started and lets the running files finish (each output is written atomically,
so none is left half written); a second Ctrl+C kills the workers at once, and the caller
removes their temporary files.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["available_cpus", "chunk_size", "run_ordered"]

T = TypeVar("T")
R = TypeVar("R")

#: tasks handed to a worker at a time: enough to make the inter-process traffic small next to
#: the work, few enough that the workers finish together
_MAX_CHUNK = 16


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, not the machine's count)."""
    with contextlib.suppress(AttributeError, OSError):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def chunk_size(tasks: int, jobs: int) -> int:
    """Tasks per hand-over: about eight hand-overs per worker, at most ``_MAX_CHUNK``."""
    return max(1, min(_MAX_CHUNK, tasks // (jobs * 8)))


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def run_ordered(
    function: Callable[[T], R],
    tasks: Sequence[T],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``function(task)`` for each task, yielded in the order of ``tasks``.

    ``jobs`` 1 runs in this process (``initializer`` is called here first); more start up to
    that many worker processes (never more than there are tasks). An exception raised by
    ``function`` stops the run and is raised here; so is an interruption, once the workers
    have stopped.
    """
    if jobs <= 1 or len(tasks) <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, tasks)
        return
    workers = min(jobs, len(tasks))
    # the pool's processes (its resource tracker, then the workers on the first submission)
    # start here, with SIGINT ignored, which a new process inherits: a Ctrl+C while they
    # import netcontract (a second or more) prints no traceback from them. A Ctrl+C in the
    # few milliseconds the parent ignores it is lost (blocking it instead would not do:
    # spawn's exec resets the mask).
    ignoring = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if ignoring else None
    executor = None
    try:
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(initializer, initargs),
        )
        results: Iterable[R] = executor.map(
            function, tasks, chunksize=chunk_size(len(tasks), workers)
        )
    except BaseException:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        if ignoring:
            signal.signal(signal.SIGINT, previous)
    try:
        yield from results
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Cancel the tasks not started and wait for the running ones; on a second interruption
    (or SIGTERM) while waiting, kill the workers."""
    processes = list(getattr(executor, "_processes", {}).values())
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except BaseException:
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        with contextlib.suppress(BaseException):
            executor.shutdown(wait=False, cancel_futures=True)
        raise
