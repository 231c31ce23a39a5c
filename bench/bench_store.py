"""A full run into a fresh store against a rerun after 1% new documents (kg.corpus.store).

Loads the pipeline once (its load time is printed apart), then times ``update_store`` of
the corpus into a new store file, adds 1% new documents (copies of corpus documents with
fresh ids, at least one) and times ``update_store`` of the grown corpus into the same
store: the rerun must hash every document but parse only the new ones. A third timing
replays the rerun's input unchanged (nothing to parse at all).

Target: the rerun takes at most 5% of the full run.

Usage: python bench/bench_store.py [CORPUS.jsonl] [--docs N] [--quick]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchlib import WIKINEWS, load_corpus, verdict, words

from kg.corpus.store import Store, update_store
from kg.recipe import ExtractorSpec

TARGET = 0.05


def timed_update(path: Path, key: str, documents, extractor) -> tuple[float, int, int]:
    start = time.perf_counter()
    with Store.open(path, key) as store:
        parsed, unchanged = update_store(store, documents, extractor.results)
    return time.perf_counter() - start, parsed, unchanged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=WIKINEWS)
    parser.add_argument("--docs", type=int, default=None, help="documents in the corpus (all)")
    parser.add_argument("--quick", action="store_true", help="100 documents")
    args = parser.parse_args()
    documents = load_corpus(args.corpus, 100 if args.quick else args.docs)
    new = [replace(d, id=f"{d.id}#new") for d in documents[: max(1, len(documents) // 100)]]
    start = time.perf_counter()
    spec = ExtractorSpec()
    extractor = spec.load()
    key = spec.fingerprint()
    print(f"corpus: {len(documents)} documents, {words(documents)} words; "
          f"pipeline loaded in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "kg.db"
        full, parsed, _ = timed_update(path, key, documents, extractor)
        print(f"full run: {full:.2f} s ({parsed} documents parsed)")
        rerun, parsed, unchanged = timed_update(path, key, documents + new, extractor)
        print(f"rerun with {len(new)} new: {rerun:.2f} s ({parsed} parsed, {unchanged} unchanged)")
        again, parsed, unchanged = timed_update(path, key, documents + new, extractor)
        print(f"rerun with nothing new: {again:.2f} s ({parsed} parsed, {unchanged} unchanged)")
        with Store.open(path) as store:
            print(f"store: {store.stats()}, {path.stat().st_size / 2**20:.1f} MB")
    ratio = rerun / full
    print(f"rerun / full: {ratio:.3f} (target <= {TARGET}): {verdict(ratio <= TARGET)}")


if __name__ == "__main__":
    main()
