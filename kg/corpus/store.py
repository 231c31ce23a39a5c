"""An embedded SQLite store of parsed documents and their events, for incremental runs.

A store remembers, for every document it has parsed, a hash of what the events depend on
(the text, date and title, and the fingerprint of the :class:`~kg.recipe.ExtractorSpec`: kg's
code and data, the spaCy model, the user's actor files). A rerun parses only documents that are new or whose
hash changed. Each document's events are replaced in one transaction, so an interrupted run
loses at most the document in flight and the next run continues where it stopped.

The store accumulates: documents absent from a later run's input keep their events.

    spec = ExtractorSpec()
    with Store.open("news.kgdb", spec.fingerprint()) as store:
        parsed, unchanged = update_store(store, read_documents(["news.jsonl"]), spec.load().results)
        graph = build_graph(store.events())
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from ..documents import Document
from ..errors import KgError
from ..events import Event

SCHEMA_VERSION = "1"
log = logging.getLogger("kg")
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, date TEXT, url TEXT,
    source TEXT, n_events INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    doc TEXT NOT NULL, sentence INTEGER NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
    source_id TEXT NOT NULL, target_id TEXT, json TEXT NOT NULL,
    PRIMARY KEY (doc, sentence, id, seq)) WITHOUT ROWID;
"""

Runner = Callable[[Iterable[Document]], Iterable[tuple[Document, list[Event]]]]


class StoreError(KgError):
    """The store could not be opened, read or written."""


def content_hash(document: Document, fingerprint: str) -> str:
    """The hash a stored document is compared by: its text, date, title and the fingerprint."""
    parts = [fingerprint, document.text, document.date or "", document.title or ""]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    """A SQLite file of documents and events; a context manager that closes it."""

    def __init__(self, path: str | Path, fingerprint: str | None = None, *, create: bool = True):
        """Open (or, when ``create``, create) the store at ``path``.

        ``fingerprint`` (:meth:`kg.recipe.ExtractorSpec.fingerprint`) is needed by :meth:`needs`
        and :meth:`put`; reading events and stats works without it.
        """
        self.path = Path(path)
        self.fingerprint = fingerprint
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store")
        with self._errors("cannot open the store"):
            self._db = sqlite3.connect(self.path, timeout=30)
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, path: str | Path, fingerprint: str | None = None, *, create: bool = True) -> Store:
        return cls(path, fingerprint, create=create)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn SQLite's errors into a :class:`StoreError` naming the file."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error):
                raise StoreError(f"{self.path}: not a kg store (not an SQLite database)") from None
            raise StoreError(f"{self.path}: {doing} ({error})") from None
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {doing} ({error})") from None

    def _setup(self) -> None:
        with self._errors("cannot open the store"):
            tables = {row[0] for row in self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "meta" not in tables:
                raise StoreError(f"{self.path}: not a kg store (an SQLite database of something else)")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            with self._db:
                self._db.executescript(SCHEMA)
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            (version,) = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: a store of another kg version (schema {version}, "
                             f"this kg reads {SCHEMA_VERSION}); use a new store file")

    def _hash(self, document: Document) -> str:
        if self.fingerprint is None:
            raise StoreError(f"{self.path}: opened without a fingerprint, cannot compare documents")
        return content_hash(document, self.fingerprint)

    def needs(self, document: Document) -> bool:
        """Whether the document is new or changed since it was stored (so must be parsed).

        A stored document that another file now gives under the same id is replaced with a
        warning naming both files (an article re-read from where it came from is replaced
        quietly: that is an update)."""
        with self._errors("cannot read the store"):
            row = self._db.execute("SELECT content_hash, source FROM documents WHERE id = ?",
                                   (document.id,)).fetchone()
        if row is None or row[0] == self._hash(document):
            return row is None
        if row[1] != document.source or document.source == "stdin":
            log.warning("%s: the document '%s' replaces the one stored from %s under the same id",
                        document.source, document.id, row[1])
        return True

    def put(self, document: Document, events: Iterable[Event]) -> None:
        """Store a document and its events, replacing what it had, in one transaction."""
        rows = [(document.id, e.sentence, e.id, seq, e.source.id, e.target.id if e.target else None,
                 e.to_json()) for seq, e in enumerate(events)]
        record = (document.id, self._hash(document), document.title, document.date, document.url,
                  document.source, len(rows))
        with self._errors("cannot write the store"), self._db:
            self._db.execute("DELETE FROM events WHERE doc = ?", (document.id,))
            self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", record)
            self._db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def events(self) -> Iterator[Event]:
        """Every stored event, ordered by document id, sentence and event id; streaming."""
        with self._errors("cannot read the store"):
            rows = self._db.execute("SELECT doc, id, json FROM events ORDER BY doc, sentence, id, seq")
            for doc, event_id, text in rows:
                try:
                    yield Event.from_dict(json.loads(text))
                except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
                    raise StoreError(f"{self.path}: the stored event {event_id} of document {doc!r} "
                                     f"is damaged ({type(error).__name__}); use a new store file") from None

    def document_ids(self) -> list[str]:
        """The ids of the stored documents, sorted."""
        with self._errors("cannot read the store"):
            return [row[0] for row in self._db.execute("SELECT id FROM documents ORDER BY id")]

    def stats(self) -> dict[str, int]:
        """How many documents, events and distinct actors (source or target ids) it holds."""
        with self._errors("cannot read the store"):
            (documents,) = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()
            (events,) = self._db.execute("SELECT COUNT(*) FROM events").fetchone()
            (actors,) = self._db.execute(
                "SELECT COUNT(*) FROM (SELECT source_id FROM events UNION "
                "SELECT target_id FROM events WHERE target_id IS NOT NULL)").fetchone()
        return {"documents": documents, "events": events, "actors": actors}


def update_store(
    store: Store,
    documents: Iterable[Document],
    results: Runner,
    *,
    on_document: Callable[[Document, bool], None] | None = None,
) -> tuple[int, int]:
    """Parse the documents the store needs and store their events; return (parsed, unchanged).

    Args:
        results: a function from documents to ``(document, events)`` pairs in input order,
            such as an extractor's :meth:`~kg.pipeline.Extractor.results` or an engine of
            :mod:`kg.corpus.engines`.
        on_document: called with each document and True once it is stored, or False when
            it is skipped as unchanged (for a progress bar).
    """
    unchanged = 0

    def needed() -> Iterator[Document]:
        nonlocal unchanged
        for document in documents:
            if store.needs(document):
                yield document
            else:
                unchanged += 1
                if on_document:
                    on_document(document, False)

    parsed = 0
    for document, events in results(needed()):
        store.put(document, events)
        parsed += 1
        if on_document:
            on_document(document, True)
    return parsed, unchanged
