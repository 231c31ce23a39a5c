"""Extraction on several processes (multiprocessing) or on a dask cluster.

Both engines stream: documents are cut into chunks of ``chunk_size``, at most a few chunks
per worker are in flight, and results come back in input order, so the events equal those
of a one-process run, event for event, while memory stays flat however long the input.

Each worker process loads the pipeline once (gazetteer, spaCy model, actor ruler, lexicon)
and keeps it for every chunk it is given.

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
from multiprocessing.pool import AsyncResult
from typing import Any

from .documents import Document
from .errors import KgError
from .events import Event
from .gazetteer import Gazetteer
from .nlp import DEFAULT_MODEL, load_pipeline
from .pipeline import BATCH_SIZE, Extractor

# Small chunks and a window of several per worker keep both workers busy even when one
# chunk holds a very long article (measured: 4 x 8 uses ~95% of two workers, 16 x 2 ~80%).
CHUNK_SIZE = 4
CHUNKS_PER_WORKER = 8

Results = Iterator[tuple[Document, list[Event]]]


def load_extractor(model: str = DEFAULT_MODEL, actor_files: Iterable[str] = ()) -> Extractor:
    """A loaded pipeline: gazetteer with the user's actor files, model with the actor ruler."""
    gazetteer = Gazetteer.load(actor_files)
    return Extractor(load_pipeline(model, gazetteer), gazetteer)


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last may be shorter)."""
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def events_parallel(
    documents: Iterable[Document],
    *,
    workers: int,
    model: str = DEFAULT_MODEL,
    actor_files: tuple[str, ...] = (),
    batch_size: int = BATCH_SIZE,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Event]:
    """The events of the documents, extracted by ``workers`` processes, in input order."""
    for _, events in results_parallel(documents, workers=workers, model=model, actor_files=actor_files,
                                      batch_size=batch_size, chunk_size=chunk_size):
        yield from events


def results_parallel(
    documents: Iterable[Document],
    *,
    workers: int,
    model: str = DEFAULT_MODEL,
    actor_files: tuple[str, ...] = (),
    batch_size: int = BATCH_SIZE,
    chunk_size: int = CHUNK_SIZE,
) -> Results:
    """Each document with its events, extracted by ``workers`` processes, in input order.

    One worker runs in this process, without a pool. More use a ``multiprocessing`` pool
    (fork on Linux: the workers inherit the imported modules). The pool's own ``imap``
    would read the whole input ahead, in a feeder thread (and so call a store's SQLite
    connection from another thread, see :func:`kg.store.update_store`); instead a window of
    at most ``CHUNKS_PER_WORKER * workers`` chunks is submitted, and the oldest is awaited
    before the next goes in.

    Raises:
        KgError: ``workers`` is below 1, or a worker could not load the pipeline.
    """
    if workers < 1:
        raise KgError(f"the number of workers must be at least 1, not {workers}")
    if workers == 1:
        yield from load_extractor(model, actor_files).results(documents, batch_size)
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(workers, initializer=_init_worker,
                      initargs=(model, tuple(actor_files), batch_size)) as pool:
        pending: deque[tuple[list[Document], AsyncResult]] = deque()
        for chunk in chunks(documents, chunk_size):
            if len(pending) >= CHUNKS_PER_WORKER * workers:
                yield from _ready(*pending.popleft())
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
        while pending:
            yield from _ready(*pending.popleft())


def _ready(chunk: list[Document], result: AsyncResult) -> Results:
    yield from zip(chunk, result.get(), strict=True)


# The pipeline of this worker process, or the error that kept it from loading (an
# initializer that raises would make the pool start new workers forever).
_worker: dict[str, Any] = {}


def _init_worker(model: str, actor_files: tuple[str, ...], batch_size: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM
    try:
        _worker["extractor"] = load_extractor(model, actor_files)
    except Exception as error:  # re-raised by the first task, in the parent
        _worker["error"] = error
    _worker["batch_size"] = batch_size


def _extract_chunk(chunk: list[Document]) -> list[list[Event]]:
    if "error" in _worker:
        raise _worker["error"]
    results = _worker["extractor"].results(chunk, _worker["batch_size"])
    return [events for _, events in results]


# --- dask ---------------------------------------------------------------------------------

def events_dask(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    actor_files: tuple[str, ...] = (),
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Event]:
    """The events of the documents, extracted on a dask cluster, in input order."""
    for _, events in results_dask(documents, model=model, actor_files=actor_files, scheduler=scheduler,
                                  workers=workers, processes=processes, chunk_size=chunk_size):
        yield from events


def results_dask(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    actor_files: tuple[str, ...] = (),
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
    client, cluster = _connect(distributed, scheduler, workers, processes)
    try:
        window = CHUNKS_PER_WORKER * max(1, len(client.nthreads()))
        pending: deque[tuple[list[Document], Any]] = deque()
        for chunk in chunks(documents, chunk_size):
            if len(pending) >= window:
                yield from _gathered(*pending.popleft())
            future = client.submit(extract_partition, chunk, model, tuple(actor_files), pure=False)
            pending.append((chunk, future))
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


# One loaded pipeline per (model, actor files) and per thread, kept for the life of the dask
# worker process. A module-level cache is sound here: the pipeline is never changed after
# loading, loading costs seconds (a task costs less), and dask offers no per-worker setup
# that a plain function can rely on. The key holds the thread so that threads of one worker
# never share a spaCy pipeline.
_pipelines: dict[tuple[str, tuple[str, ...], int], Extractor] = {}


def extract_partition(chunk: list[Document], model: str,
                      actor_files: tuple[str, ...]) -> list[list[dict[str, Any]]]:
    """Run on a dask worker: the event records of each document of a partition."""
    key = (model, actor_files, threading.get_ident())
    if key not in _pipelines:
        _pipelines[key] = load_extractor(model, actor_files)
    return [[event.to_dict() for event in events] for _, events in _pipelines[key].results(chunk)]
