"""The SQLite store: only new or changed documents are parsed, interrupted runs continue."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

import pytest

from kg.corpus.store import Store, StoreError, content_hash, update_store
from kg.documents import Document
from kg.events import Event
from kg.recipe import ExtractorSpec

TEXTS = {
    "a": "Macron held talks with Zelenskyy in Paris.",
    "b": "Russia attacked Ukraine. The United Nations condemned Russia.",
    "c": "China criticized Japan over the islands.",
    "d": "Germany sent aid to Ukraine on Monday.",
}
FINGERPRINT = "test-fingerprint"


def documents(texts: dict[str, str] = TEXTS) -> list[Document]:
    return [Document(id=key, text=text, date="2025-12-29") for key, text in texts.items()]


def ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.doc, e.sentence, e.id))


@pytest.fixture()
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "kg.db", FINGERPRINT) as opened:
        yield opened


def test_put_then_events_and_stats(store, extractor):
    parsed, unchanged = update_store(store, documents(), extractor.results)
    assert (parsed, unchanged) == (4, 0)
    expected = ordered(extractor.events(documents()))
    assert expected and list(store.events()) == expected
    actors = {e.source.id for e in expected} | {e.target.id for e in expected if e.target}
    assert store.stats() == {"documents": 4, "events": len(expected), "actors": len(actors)}
    assert store.document_ids() == ["a", "b", "c", "d"]


def test_unchanged_documents_are_skipped_and_changed_ones_parsed(store, extractor):
    update_store(store, documents(), extractor.results)
    assert not any(store.needs(d) for d in documents())
    changed = {**TEXTS, "c": "China praised Japan.", "e": "India signed a deal with France."}
    seen: list[tuple[str, bool]] = []
    parsed, unchanged = update_store(store, documents(changed), extractor.results,
                                     on_document=lambda d, done: seen.append((d.id, done)))
    assert (parsed, unchanged) == (2, 3)
    assert sorted(seen) == [("a", False), ("b", False), ("c", True), ("d", False), ("e", True)]
    assert list(store.events()) == ordered(extractor.events(documents(changed)))


def test_a_new_date_or_fingerprint_means_a_new_parse(tmp_path):
    document = documents()[0]
    redated = Document(id="a", text=document.text, date="2020-01-01")
    assert content_hash(document, "x") != content_hash(redated, "x")
    assert content_hash(document, "x") != content_hash(document, "y")
    assert ExtractorSpec("some_model").fingerprint() != ExtractorSpec("other_model").fingerprint()


def test_a_rerun_after_an_interruption_continues(tmp_path, extractor):
    path = tmp_path / "kg.db"

    def interrupted(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for number, result in enumerate(extractor.results(docs)):
            if number == 2:
                raise KeyboardInterrupt
            yield result

    with Store.open(path, FINGERPRINT) as store, pytest.raises(KeyboardInterrupt):
        update_store(store, documents(), interrupted)
    with Store.open(path, FINGERPRINT) as store:
        assert store.stats()["documents"] == 2
        assert update_store(store, documents(), extractor.results) == (2, 2)
        assert list(store.events()) == ordered(extractor.events(documents()))


def test_put_replaces_a_documents_events(store, extractor):
    update_store(store, documents(), extractor.results)
    store.put(documents()[1], [])
    assert all(e.doc != "b" for e in store.events())
    assert store.stats()["documents"] == 4


def test_a_file_that_is_not_a_store_gives_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just some bytes" * 100)
    with pytest.raises(StoreError, match=r"junk\.db: not a kg store"):
        Store.open(junk, FINGERPRINT)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE people (name TEXT)")
    with pytest.raises(StoreError, match=r"other\.db: not a kg store"):
        Store.open(other, FINGERPRINT)


def test_a_missing_store_or_folder_is_named(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "absent.db", create=False)
    with pytest.raises(StoreError, match=r"nowhere.*kg\.db"):
        Store.open(tmp_path / "nowhere" / "kg.db", FINGERPRINT)
