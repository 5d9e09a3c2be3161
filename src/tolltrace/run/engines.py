"""Order-preserving map over articles: a plain loop, a process pool, or a Dask cluster.

`map_ordered(func, items, jobs=..., engine=...)` is the only entry point. Whatever the
engine, results come back in the order of `items`, so every table written downstream is
the same byte for byte. Work is sent in batches (so inter-process traffic does not
dominate the per-article cost) and only a bounded number of batches is in flight at any
time, so memory stays bounded however long `items` is.

Dask is optional (`pip install tolltrace[dask]`) and imported only when asked for.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")

# Environment variable naming an existing Dask scheduler, e.g. "tcp://10.0.0.5:8786".
DASK_SCHEDULER_ENV = "TOLLTRACE_DASK_SCHEDULER"
DASK_MISSING_MESSAGE = (
    "the dask engine needs the optional Dask dependencies: install tolltrace[dask] "
    "(pip install 'tolltrace[dask]' or uv sync --extra dask)"
)

# Batch sizes: an article takes about a millisecond, so a batch of a few hundred keeps
# the fixed cost of one round trip (pickling, a pipe or a network hop) well below the work.
MAX_LOCAL_CHUNK = 256
DEFAULT_LOCAL_CHUNK = 64
DEFAULT_DASK_BATCH = 500
# Batches in flight per worker: enough to keep every worker busy while the consumer
# drains results, few enough that memory does not grow with the corpus.
BATCHES_PER_WORKER = 3


class EngineUnavailable(RuntimeError):
    """An engine was requested whose optional dependencies are not installed."""


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    engine: str = "local",
    progress: bool = False,
    chunksize: int | None = None,
    scheduler_address: str | None = None,
) -> Iterator[R]:
    """Yield `func(item)` for every item, in input order.

    `func` must be a picklable top-level function and the items small picklable records
    when `jobs > 1` or `engine == "dask"`. engine "local" with `jobs == 1` is a plain
    loop in this process; with `jobs > 1` it uses a pool of `jobs` worker processes.
    engine "dask" runs batches on the Dask cluster at `scheduler_address` (or the
    TOLLTRACE_DASK_SCHEDULER environment variable), or on a LocalCluster of `jobs`
    single-threaded worker processes when neither is set; every worker must be able to
    read the paths named in the items. `chunksize` overrides the batch size. A progress
    bar is drawn only when `progress` is true and stderr is a terminal.

    An exception raised by `func` propagates to the caller, who should catch per-item
    errors inside `func` if one bad item must not stop the run.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if chunksize is not None and chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    if engine == "dask":
        # Fail at the call, not at the first next(), so the CLI can report it cleanly.
        _require_distributed()
    total = _length(items)
    return _with_progress(
        _dispatch(func, items, jobs, engine, chunksize, scheduler_address, total),
        total=total,
        enabled=progress,
    )


def _dispatch(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    engine: str,
    chunksize: int | None,
    scheduler_address: str | None,
    total: int | None,
) -> Iterator[list[R]]:
    """Yield the results batch by batch from the chosen engine."""
    if engine == "dask":
        size = chunksize or DEFAULT_DASK_BATCH
        return _dask_batches(func, items, jobs, size, scheduler_address)
    if jobs == 1:
        return _serial_batches(func, items)
    size = chunksize or local_chunksize(total, jobs)
    # Chosen now, before a progress bar starts its monitor thread.
    return _pool_batches(func, items, jobs, size, pool_context())


def local_chunksize(total: int | None, jobs: int) -> int:
    """Batch size for the process pool: about four batches per worker, capped.

    Small corpora still spread over every worker; large ones use batches of
    MAX_LOCAL_CHUNK items so the per-batch overhead is amortised.
    """
    if total is None:
        return DEFAULT_LOCAL_CHUNK
    return max(1, min(MAX_LOCAL_CHUNK, math.ceil(total / (jobs * 4))))


def run_batch(func: Callable[[T], R], batch: list[T]) -> list[R]:
    """Apply `func` to every item of one batch (runs inside a worker)."""
    return [func(item) for item in batch]


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Split `items` lazily into lists of at most `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _serial_batches(func: Callable[[T], R], items: Iterable[T]) -> Iterator[list[R]]:
    """The plain loop: one result at a time, no pickling."""
    for item in items:
        yield [func(item)]


def _pool_batches(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    size: int,
    context: multiprocessing.context.BaseContext,
) -> Iterator[list[R]]:
    """Run batches on a process pool, keeping at most a few batches per worker queued."""
    window = jobs * BATCHES_PER_WORKER
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque[Future[list[R]]] = deque()
        try:
            for batch in _batched(items, size):
                pending.append(pool.submit(run_batch, func, batch))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def pool_context() -> multiprocessing.context.BaseContext:
    """How to start the pool's workers: fork when this process runs one thread, else
    forkserver.

    Forking copies only the calling thread; a lock another thread held at that moment
    stays locked in the child for ever. A Jupyter kernel runs several threads, so a
    notebook gets workers from a fresh single-threaded server instead (slower to start,
    by the time the workers take to import tolltrace). `tolltrace process` runs one
    thread and keeps fork's instant start.
    """
    # Python's threads only: a C library's own pool (numpy's OpenBLAS starts one at import)
    # would always count, and OpenBLAS re-initialises itself in a forked child.
    method = "fork" if threading.active_count() == 1 else "forkserver"
    if method not in multiprocessing.get_all_start_methods():
        method = "spawn"
    return multiprocessing.get_context(method)


def _require_distributed() -> Any:
    """Import dask.distributed, or raise EngineUnavailable saying what to install."""
    try:
        import distributed
    except ImportError as exc:
        raise EngineUnavailable(DASK_MISSING_MESSAGE) from exc
    return distributed


def dask_scheduler_address(explicit: str | None = None) -> str | None:
    """The scheduler to connect to: the argument, else TOLLTRACE_DASK_SCHEDULER, else None."""
    return explicit or os.environ.get(DASK_SCHEDULER_ENV) or None


def _dask_batches(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    size: int,
    scheduler_address: str | None,
) -> Iterator[list[R]]:
    """Run batches as Dask futures, in order, with a bounded number in flight."""
    distributed = _require_distributed()
    address = dask_scheduler_address(scheduler_address)
    cluster = None
    if address is None:
        cluster = distributed.LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: never collide with a running dashboard
        )
        address = cluster.scheduler_address
    client = distributed.Client(address, set_as_default=False)
    pending: deque[Any] = deque()
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * BATCHES_PER_WORKER
        for batch in _batched(items, size):
            pending.append(client.submit(run_batch, func, batch, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _length(items: Iterable[object]) -> int | None:
    """len(items) when it is cheap to know (a sequence), otherwise None."""
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None


def progress_enabled(requested: bool) -> bool:
    """Draw a bar only when asked for and stderr is a terminal (never in CI or notebooks)."""
    if not requested:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _with_progress(batches: Iterator[list[R]], *, total: int | None, enabled: bool) -> Iterator[R]:
    """Flatten result batches, advancing a tqdm bar by each batch when enabled."""
    if not progress_enabled(enabled):
        for batch in batches:
            yield from batch
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True) as bar:
        for batch in batches:
            bar.update(len(batch))
            yield from batch
