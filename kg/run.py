"""One run over a corpus: which engine parses it, and whether a store keeps its results.

The CLI and the Python API share this; it only chooses and connects the stages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .documents import Document
from .events import Event
from .nlp import DEFAULT_MODEL
from .parallel import results_dask, results_parallel
from .store import Runner, Store, fingerprint, update_store

ENGINES = ("local", "dask")
OnDocument = Callable[[Document, bool], None]


@dataclass(frozen=True)
class RunOptions:
    """How to extract: the model and actors, the engine, and the store (if any).

    ``workers`` is the number of processes of the local engine, or of the local dask cluster
    started when ``engine`` is ``dask`` and no ``scheduler`` address is given.
    """

    model: str = DEFAULT_MODEL
    actor_files: tuple[str, ...] = ()
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    store: str | Path | None = None

    def runner(self) -> Runner:
        """Documents → (document, events) pairs, in input order, on the chosen engine."""
        if self.engine == "dask":
            return functools.partial(results_dask, model=self.model, actor_files=self.actor_files,
                                     scheduler=self.scheduler,
                                     workers=self.workers if not self.scheduler else None)
        return functools.partial(results_parallel, workers=self.workers, model=self.model,
                                 actor_files=self.actor_files)


def run_events(
    documents: Iterable[Document], options: RunOptions, on_document: OnDocument | None = None
) -> Iterator[Event]:
    """The events of the documents; with a store, the events of everything the store holds.

    With a store, only new or changed documents are parsed, and each is stored as soon as
    it is done, so an interrupted run continues where it stopped.

    Args:
        on_document: called with each document and whether it was parsed (False: unchanged
            in the store), for progress reports.
    """
    if options.store is None:
        for document, events in options.runner()(documents):
            if on_document:
                on_document(document, True)
            yield from events
        return
    stamp = fingerprint(options.model, options.actor_files)
    with Store.open(options.store, stamp) as store:
        update_store(store, documents, options.runner(), on_document=on_document)
        yield from store.events()


def store_stats(path: str | Path) -> dict[str, int]:
    """Documents, events and actors in a store."""
    with Store.open(path, create=False) as store:
        return store.stats()
