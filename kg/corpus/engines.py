"""Where documents are parsed: in this process, on a pool of processes, or on a Dask cluster.

Every engine takes the :class:`~kg.recipe.ExtractorSpec` and loads it where the work is done,
and only once the first document has been read, so a missing input is reported at once.
Every engine streams: documents are cut into chunks of ``chunk_size``, at most a few chunks
per worker are in flight, and results come back in input order, so the events equal those of
a one-process run, event for event, while memory stays flat however long the input.

dask is optional (``pip install 'kg[dask]'``); importing this module does not import it.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..documents import Document
from ..errors import KgError
from ..events import Event
from ..recipe import ExtractorSpec

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..pipeline import Extractor

# Small chunks and a window of several per worker keep both workers busy even when one
# chunk holds a very long article (measured: 4 x 8 uses ~95% of two workers, 16 x 2 ~80%).
CHUNK_SIZE = 4
CHUNKS_PER_WORKER = 8
ENGINES = ("local", "dask")

Results = Iterator[tuple[Document, list[Event]]]


def started(documents: Iterable[Document]) -> Iterator[Document] | None:
    """The documents, once the first has been read; None when there are none."""
    iterator = iter(documents)
    first = next(iterator, None)
    return None if first is None else itertools.chain([first], iterator)


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last may be shorter)."""
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def local_results(
    documents: Iterable[Document], spec: ExtractorSpec, *, workers: int = 1, chunk_size: int = CHUNK_SIZE
) -> Results:
    """Each document with its events, extracted by ``workers`` processes, in input order.

    One worker runs in this process, without a pool. More use a process pool (fork on
    Linux: the workers inherit the imported modules) that notices a worker that dies (killed,
    out of memory) instead of waiting for it forever. A window of at most
    ``CHUNKS_PER_WORKER * workers`` chunks is submitted, and the oldest is awaited before the
    next goes in, so the input is never read far ahead (nor a store's SQLite connection used
    from another thread).

    Raises:
        KgError: ``workers`` is below 1, a worker could not load the extractor, or a worker died.
    """
    if workers < 1:
        raise KgError(f"the number of workers must be at least 1, not {workers}")
    documents = started(documents)
    if documents is None:
        return
    if workers == 1:
        yield from spec.load().results(documents)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(spec,))
    try:
        pending: deque[tuple[list[Document], Future]] = deque()
        for chunk in chunks(documents, chunk_size):
            if len(pending) >= CHUNKS_PER_WORKER * workers:
                yield from _ready(*pending.popleft())
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
        while pending:
            yield from _ready(*pending.popleft())
    except BrokenProcessPool:
        raise KgError("a worker process stopped (killed, or out of memory); the run was "
                      "stopped, and earlier outputs are left as they were") from None
    finally:
        _stop(pool)


def _ready(chunk: list[Document], result: Future) -> Results:
    yield from zip(chunk, result.result(), strict=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down at once, its workers too (an interrupted run waits for nothing)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


# The extractor of this worker process, or the error that kept it from loading (an
# initializer that raises would break the pool before the error could be told).
_worker: dict[str, Any] = {}


def _init_worker(spec: ExtractorSpec) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # _stop ends workers with SIGTERM
    try:
        _worker["extractor"] = spec.load()
    except Exception as error:  # re-raised by the first task, in the parent
        _worker["error"] = error


def _extract_chunk(chunk: list[Document]) -> list[list[Event]]:
    if "error" in _worker:
        raise _worker["error"]
    return [events for _, events in _worker["extractor"].results(chunk)]


# --- dask ---------------------------------------------------------------------------------


def dask_results(
    documents: Iterable[Document],
    spec: ExtractorSpec,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    chunk_size: int = CHUNK_SIZE,
) -> Results:
    """Each document with its events, extracted on a dask.distributed cluster, in input order.

    Args:
        scheduler: the address of a running scheduler ("tcp://host:8786"); when None a
            LocalCluster of ``workers`` processes (or threads, ``processes=False``) is
            started and stopped. Workers of a remote cluster need kg and the model
            installed, and the actor files at the same paths.

    Partitions of ``chunk_size`` documents go to the cluster as futures, at most
    ``CHUNKS_PER_WORKER`` per worker at a time, and are gathered in order.

    Raises:
        KgError: dask is not installed, or the cluster could not be reached.
    """
    distributed = _import_distributed()
    documents = started(documents)
    if documents is None:
        return
    client, cluster = _connect(distributed, scheduler, workers, processes)
    try:
        window = CHUNKS_PER_WORKER * max(1, len(client.nthreads()))
        pending: deque[tuple[list[Document], Any]] = deque()
        for chunk in chunks(documents, chunk_size):
            if len(pending) >= window:
                yield from _gathered(*pending.popleft())
            pending.append((chunk, client.submit(extract_partition, chunk, spec, pure=False)))
        while pending:
            yield from _gathered(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _gathered(chunk: list[Document], future: Any) -> Results:
    for document, records in zip(chunk, future.result(), strict=True):
        yield document, [Event.from_dict(record) for record in records]


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise KgError("the dask engine needs dask: pip install 'kg[dask]' "
                      "(or 'dask[distributed]')") from None
    return distributed


def _connect(distributed: Any, scheduler: str | None, workers: int | None,
             processes: bool) -> tuple[Any, Any]:
    if scheduler is not None:
        try:
            return distributed.Client(scheduler, timeout=30), None
        except (OSError, TimeoutError) as error:
            raise KgError(f"cannot reach the dask scheduler at {scheduler} ({error})") from None
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                       dashboard_address=None, silence_logs=40)
    return distributed.Client(cluster), cluster


# One loaded extractor per spec (by its fingerprint, so an edited actor file is loaded
# afresh) and per thread, kept for the life of the dask worker process. A module-level
# cache is sound here: the extractor is never changed after loading, loading costs seconds
# (a task costs less), and dask offers no per-worker setup that a plain function can rely
# on. The key holds the thread so that threads of one worker never share a spaCy pipeline.
_extractors: dict[tuple[ExtractorSpec, str, int], Extractor] = {}


def extract_partition(chunk: list[Document], spec: ExtractorSpec) -> list[list[dict[str, Any]]]:
    """Run on a dask worker: the event records of each document of a partition."""
    key = (spec, spec.fingerprint(), threading.get_ident())
    if key not in _extractors:
        _extractors[key] = spec.load()
    return [[event.to_dict() for event in events] for _, events in _extractors[key].results(chunk)]
