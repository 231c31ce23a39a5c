"""One run over a corpus: the entry point the CLI and the Python API share.

:func:`run` takes documents and :class:`RunOptions` (the extractor's spec, the engine, the
store) and streams events; it only chooses and connects the parts:

- :mod:`kg.corpus.engines`: where documents are parsed (this process, a pool, Dask);
- :mod:`kg.corpus.store`: the SQLite store that keeps parsed documents between runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import Document
from ..errors import KgError
from ..events import Event
from ..recipe import ExtractorSpec
from .engines import ENGINES, dask_results, local_results
from .store import Runner, Store, update_store

__all__ = ["ENGINES", "RunOptions", "Store", "run", "store_stats"]

OnDocument = Callable[[Document, bool], None]


@dataclass(frozen=True)
class RunOptions:
    """How to extract: the extractor's spec, the engine, and the store (if any).

    ``workers`` is the number of processes of the local engine, or of the local dask cluster
    started when ``engine`` is ``dask`` and no ``scheduler`` address is given.
    """

    spec: ExtractorSpec = field(default_factory=ExtractorSpec)
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    store: str | Path | None = None

    def runner(self) -> Runner:
        """Documents → (document, events) pairs, in input order, on the chosen engine."""
        if self.engine == "dask":
            return functools.partial(dask_results, spec=self.spec, scheduler=self.scheduler,
                                     workers=self.workers if not self.scheduler else None)
        if self.engine == "local":
            return functools.partial(local_results, spec=self.spec, workers=self.workers)
        raise KgError(f"unknown engine {self.engine!r} (choose one of {', '.join(ENGINES)})")


def run(
    documents: Iterable[Document], options: RunOptions | None = None, on_document: OnDocument | None = None
) -> Iterator[Event]:
    """The events of the documents; with a store, the events of everything the store holds.

    With a store, only new or changed documents are parsed, and each is stored as soon as
    it is done, so an interrupted run continues where it stopped.

    Args:
        on_document: called with each document and whether it was parsed (False: unchanged
            in the store), for progress reports.
    """
    options = options or RunOptions()
    if options.store is None:
        for document, events in options.runner()(documents):
            if on_document:
                on_document(document, True)
            yield from events
        return
    with Store.open(options.store, options.spec.fingerprint()) as store:
        update_store(store, documents, options.runner(), on_document=on_document)
        yield from store.events()


def store_stats(path: str | Path) -> dict[str, int]:
    """Documents, events and actors in a store."""
    with Store.open(path, create=False) as store:
        return store.stats()
