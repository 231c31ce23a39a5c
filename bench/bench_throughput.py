"""Throughput of kg's full extraction against a bare spaCy parse of the same texts.

Measures words per second of
  * bare: ``spacy.load(MODEL).pipe(texts)`` of the plain model, nothing else;
  * kg: kg's whole extraction (the same model plus paragraph splitter and actor ruler, then
    actor resolution, event patterns and classification), ``Extractor.events``;
  * textacy (if importable): the bare parse plus textacy's subject-verb-object triples,
    timed per document on the bare run's docs.
The corpus is the Wikinews texts repeated to ``--words`` words, cut into slices that the
two pipelines take in turn (alternating which goes first), so noise on this shared machine
falls on both; both pipelines are loaded and warmed up before timing.

Target: kg's throughput is at least 0.85x the bare parse's.

Usage: python bench/bench_throughput.py [CORPUS.jsonl] [--words 300000] [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import spacy
from benchlib import WIKINEWS, load_corpus, repeated, verdict, words

from kg.corpus.engines import chunks
from kg.documents import Document
from kg.recipe import DEFAULT_MODEL, ExtractorSpec

TARGET = 0.85
SLICE_DOCS = 40


def svo_extractor() -> Callable | None:
    try:
        import textacy.extract
    except ImportError:
        return None
    return textacy.extract.subject_verb_object_triples


def time_bare(nlp, documents: list[Document], svo: Callable | None) -> tuple[float, float, int]:
    """Seconds parsing, seconds extracting SVO triples, number of triples."""
    start, svo_seconds, triples = time.perf_counter(), 0.0, 0
    for doc in nlp.pipe((d.text for d in documents), batch_size=32):
        if svo is not None:
            begin = time.perf_counter()
            triples += sum(1 for _ in svo(doc))
            svo_seconds += time.perf_counter() - begin
    return time.perf_counter() - start - svo_seconds, svo_seconds, triples


def time_kg(extractor, documents: list[Document]) -> tuple[float, int]:
    start = time.perf_counter()
    count = sum(1 for _ in extractor.events(documents))
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=WIKINEWS)
    parser.add_argument("--words", type=int, default=300_000)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--quick", action="store_true", help="30,000 words")
    args = parser.parse_args()
    documents = repeated(load_corpus(args.corpus), 30_000 if args.quick else args.words)
    n_words = words(documents)
    bare = spacy.load(args.model)
    extractor = ExtractorSpec(args.model).load()
    svo = svo_extractor()
    warm = documents[:5]
    time_bare(bare, warm, svo), time_kg(extractor, warm)
    print(f"corpus: {len(documents)} documents, {n_words} words")
    bare_s = svo_s = kg_s = 0.0
    triples = events = 0
    for number, part in enumerate(chunks(documents, SLICE_DOCS)):
        if number % 2:
            kg_part, n_events = time_kg(extractor, part)
        parse, extra, n_triples = time_bare(bare, part, svo)
        if not number % 2:
            kg_part, n_events = time_kg(extractor, part)
        bare_s, svo_s, kg_s = bare_s + parse, svo_s + extra, kg_s + kg_part
        triples, events = triples + n_triples, events + n_events
    ratio = bare_s / kg_s
    print(f"bare parse:        {n_words / bare_s:8.0f} words/s ({bare_s:.1f} s)")
    print(f"kg extraction:     {n_words / kg_s:8.0f} words/s ({kg_s:.1f} s, {events} events)")
    if svo is None:
        print("textacy:           not installed, skipped (pip install textacy)")
    else:
        textacy_s = bare_s + svo_s
        print(f"textacy SVO:       {n_words / textacy_s:8.0f} words/s ({textacy_s:.1f} s, {triples} triples;"
              f" {n_words / textacy_s / (n_words / kg_s):.2f}x kg)")
    print(f"kg / bare: {ratio:.2f}x (target >= {TARGET}x): {verdict(ratio >= TARGET)}")


if __name__ == "__main__":
    main()
