"""Parallel engines give exactly the events of a one-process run, in the same order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.corpus.engines import chunks, dask_results, local_results
from kg.documents import Document
from kg.errors import KgError
from kg.recipe import ExtractorSpec

TEXTS = [
    "Macron held talks with Zelenskyy in Paris.",
    "Russia attacked Ukraine. The United Nations condemned Russia.",
    "China criticized Japan over the islands.",
    "Germany sent aid to Ukraine on Monday. Poland praised Germany.",
    "Iran threatened Israel.",
]
DOCUMENTS = [Document(id=f"d{i}", text=text, date="2025-12-29") for i, text in enumerate(TEXTS)]
SPEC = ExtractorSpec()


def events_of(results) -> list:
    return [event for _, events in results for event in events]


@pytest.fixture(scope="module")
def expected(extractor):
    events = list(extractor.events(DOCUMENTS))
    assert len(events) >= 5
    return events


def test_one_worker_runs_in_this_process(expected, extractor, monkeypatch):
    monkeypatch.setattr(ExtractorSpec, "load", lambda spec: extractor)
    assert events_of(local_results(DOCUMENTS, SPEC, workers=1)) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_the_model_loads_only_once_a_document_is_read(monkeypatch, workers):
    def no_load(spec):
        raise AssertionError("loaded before a document was read")

    def unreadable():
        raise KgError("nowhere.txt: no such file or folder")
        yield

    monkeypatch.setattr(ExtractorSpec, "load", no_load)
    assert events_of(local_results(iter([]), SPEC, workers=workers)) == []
    with pytest.raises(KgError, match="no such file"):
        events_of(local_results(unreadable(), SPEC, workers=workers))


def test_two_workers_give_the_same_events_as_one(expected):
    assert events_of(local_results(iter(DOCUMENTS), SPEC, workers=2, chunk_size=2)) == expected


def test_workers_must_be_positive():
    with pytest.raises(KgError, match="at least 1"):
        events_of(local_results(DOCUMENTS, SPEC, workers=0))


def test_a_worker_that_cannot_load_the_model_reports_it():
    with pytest.raises(KgError, match="no_such_model"):
        events_of(local_results(DOCUMENTS, ExtractorSpec("no_such_model"), workers=2))


def test_chunks_keep_order_and_size():
    assert [len(c) for c in chunks(DOCUMENTS, 2)] == [2, 2, 1]
    assert [d for c in chunks(iter(DOCUMENTS), 2) for d in c] == DOCUMENTS


def test_dask_gives_the_same_events(expected):
    pytest.importorskip("distributed")
    assert events_of(dask_results(DOCUMENTS, SPEC, workers=1, processes=False, chunk_size=2)) == expected


def test_dask_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(KgError, match=r"kg\[dask\]"):
        events_of(dask_results(DOCUMENTS, SPEC))


def test_importing_kg_does_not_import_dask():
    code = "import sys, kg, kg.corpus; assert 'dask' not in sys.modules, 'dask imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
