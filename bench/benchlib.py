"""Shared helpers of the benchmarks: the evaluation corpus, repeated corpora, verdicts."""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
WIKINEWS = EVAL / "wikinews" / "wikinews_2019_2020.jsonl"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.documents import Document, read_documents  # noqa: E402


def load_corpus(path: Path, limit: int | None = None) -> list[Document]:
    """The documents of a .jsonl file (or any input kg reads), at most ``limit`` of them."""
    if not Path(path).exists():
        sys.exit(f"{path}: not found (pass the corpus path as an argument)")
    documents = list(read_documents([path]))
    return documents[:limit] if limit else documents


def words(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def repeated(documents: list[Document], min_words: int) -> list[Document]:
    """The documents repeated (with fresh ids) until they hold at least ``min_words`` words."""
    out: list[Document] = []
    total = 0
    for copy in _copies():
        for document in documents:
            out.append(replace(document, id=f"{document.id}#{copy}"))
            total += len(document.text.split())
            if total >= min_words:
                return out
    return out


def _copies() -> Iterator[int]:
    copy = 0
    while True:
        yield copy
        copy += 1


def verdict(met: bool) -> str:
    return "target met" if met else "target missed"


def judged_samples(path: Path) -> dict[str, list[dict[str, str]]]:
    """Reviewers' verdicts (tab-separated, a ``sample`` column), by sample, in file order."""
    samples: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            samples[row["sample"]].append(row)
    return dict(samples)


def judged_keys(corpus: Path, layer: str) -> set[tuple[str, int, str, str]]:
    """What a judged row is keyed by (document, sentence, source and target names), for every
    record of ``layer`` the current kg extracts from ``corpus``."""
    from kg.recipe import ExtractorSpec

    extractor = ExtractorSpec().load()
    return {(e.doc, e.sentence, e.source.name, e.target.name)
            for e in extractor.events(load_corpus(corpus)) if e.layer == layer}


def still_found(rows: list[dict[str, str]], found: set[tuple[str, int, str, str]]) -> list[dict[str, str]]:
    """The judged rows whose document, sentence, source and target are among ``found``."""
    return [r for r in rows if (r["doc"], int(r["sentence"]), r["source"], r["target"]) in found]

