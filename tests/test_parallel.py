"""Parallel engines give exactly the events of a one-process run, in the same order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg import parallel
from kg.documents import Document
from kg.errors import KgError
from kg.parallel import chunks, events_dask, events_parallel

TEXTS = [
    "Macron held talks with Zelenskyy in Paris.",
    "Russia attacked Ukraine. The United Nations condemned Russia.",
    "China criticized Japan over the islands.",
    "Germany sent aid to Ukraine on Monday. Poland praised Germany.",
    "Iran threatened Israel.",
]
DOCUMENTS = [Document(id=f"d{i}", text=text, date="2025-12-29") for i, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def expected(extractor):
    events = list(extractor.events(DOCUMENTS))
    assert len(events) >= 5
    return events


def test_one_worker_runs_in_this_process(expected, extractor, monkeypatch):
    monkeypatch.setattr(parallel, "load_extractor", lambda model, actor_files: extractor)
    assert list(events_parallel(DOCUMENTS, workers=1)) == expected


def test_two_workers_give_the_same_events_as_one(expected):
    assert list(events_parallel(iter(DOCUMENTS), workers=2, chunk_size=2)) == expected


def test_workers_must_be_positive():
    with pytest.raises(KgError, match="at least 1"):
        list(events_parallel(DOCUMENTS, workers=0))


def test_a_worker_that_cannot_load_the_model_reports_it():
    with pytest.raises(KgError, match="no_such_model"):
        list(events_parallel(DOCUMENTS, workers=2, model="no_such_model"))


def test_chunks_keep_order_and_size():
    assert [len(c) for c in chunks(DOCUMENTS, 2)] == [2, 2, 1]
    assert [d for c in chunks(iter(DOCUMENTS), 2) for d in c] == DOCUMENTS


def test_dask_gives_the_same_events(expected):
    pytest.importorskip("distributed")
    assert list(events_dask(DOCUMENTS, workers=1, processes=False, chunk_size=2)) == expected


def test_dask_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(KgError, match=r"kg\[dask\]"):
        list(events_dask(DOCUMENTS))


def test_importing_kg_does_not_import_dask():
    code = "import sys, kg, kg.parallel, kg.store; assert 'dask' not in sys.modules, 'dask imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
