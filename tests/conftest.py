"""Shared fixtures: the spaCy pipeline is slow to load, so one serves the whole session."""

from __future__ import annotations

import pytest

import kg


@pytest.fixture(scope="session")
def extractor() -> kg.Extractor:
    gazetteer = kg.Gazetteer.load()
    return kg.Extractor(kg.load_pipeline(gazetteer=gazetteer), gazetteer)


@pytest.fixture(scope="session")
def events_of(extractor):
    """Extract the events of one text dated 2025-12-29 (or the date given)."""

    def run(text: str, date: str | None = "2025-12-29") -> list[kg.Event]:
        return kg.extract([text], date=date, extractor=extractor)

    return run
