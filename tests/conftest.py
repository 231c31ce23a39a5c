"""Shared fixtures: the spaCy pipeline is slow to load, so one serves the whole session."""

from __future__ import annotations

import os

import pytest

import kg


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory) -> str:
    """A cache of compiled actors of the session's own, so no test reads the user's."""
    folder = str(tmp_path_factory.mktemp("kg-cache"))
    previous = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = folder
    yield folder
    if previous is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def extractor(cache_dir) -> kg.Extractor:
    return kg.ExtractorSpec().load()


@pytest.fixture(scope="session")
def events_of(extractor):
    """Extract the events of one text dated 2025-12-29 (or the date given)."""

    def run(text: str, date: str | None = "2025-12-29") -> list[kg.Event]:
        return kg.extract([text], date=date, extractor=extractor)

    return run


@pytest.fixture()
def reuse_extractor(extractor, monkeypatch):
    """Commands run in this process reuse the session's extractor for the default spec
    (forked workers inherit it); any other spec loads as usual."""
    load = kg.ExtractorSpec.load

    def reuse(spec: kg.ExtractorSpec) -> kg.Extractor:
        return extractor if spec == kg.ExtractorSpec() else load(spec)

    monkeypatch.setattr(kg.ExtractorSpec, "load", reuse)
    return extractor
