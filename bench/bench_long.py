"""Time per character of one long document: kg's cost must grow linearly with its length.

One document is made of Wikinews articles joined, cut at 20,000, 40,000 and 80,000
characters (entity-dense news text). Each is parsed once; then kg's own work (actors,
extraction, classification) on the parse is timed, best of three, and so is the whole
extraction (the parse included) once. Both are reported per 1,000 characters.

Target: kg's time per character at 80,000 characters is at most 1.2x that at 20,000.

Then the worst sentence for a parse tree: one verb coordinated 1,500 times ("Macron met Putin
and met Putin and … left."), whose tree is 1,500 levels deep: extracted without a
RecursionError (kg walks trees with loops), its time reported.

Usage: python bench/bench_long.py [CORPUS.jsonl] [--sizes 20000 40000 80000] [--coordination 1500]
"""

from __future__ import annotations

import argparse
import time

from benchlib import WIKINEWS, load_corpus, verdict

from kg.documents import Document
from kg.recipe import ExtractorSpec

TARGET = 1.2


def long_text(corpus, chars: int) -> str:
    text, parts = "", []
    for document in corpus:
        parts.append(document.text)
        text = "\n\n".join(parts)
        if len(text) >= chars:
            return text[:chars]
    raise SystemExit(f"the corpus has fewer than {chars:,} characters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=WIKINEWS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000])
    parser.add_argument("--coordination", type=int, default=1500)
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    extractor = ExtractorSpec().load()
    per_char = {}
    for size in args.sizes:
        document = Document(id=f"long-{size}", text=long_text(corpus, size), date="2020-01-01")
        start = time.perf_counter()
        events = list(extractor.events([document]))
        whole = time.perf_counter() - start
        doc = extractor.nlp(document.text)
        own = min(_timed(lambda d=doc, e=document: extractor.document_events(d, e)) for _ in range(3))
        per_char[size] = own / size
        print(f"{size:,} characters: {len(events)} events; kg's own work {own:.2f} s "
              f"({1000 * own / size * 1000:.2f} ms per 1,000 characters), whole extraction "
              f"{whole:.1f} s ({1000 * whole / size * 1000:.1f} ms per 1,000 characters)")
    small, big = min(args.sizes), max(args.sizes)
    ratio = per_char[big] / per_char[small]
    print(f"kg's time per character at {big:,} / at {small:,}: {ratio:.2f}x "
          f"(target <= {TARGET}x): {verdict(ratio <= TARGET)}")
    deep = Document(id="deep", text="Macron " + "met Putin and " * args.coordination + "left.")
    start = time.perf_counter()
    count = sum(1 for _ in extractor.events([deep]))
    print(f"{args.coordination:,} coordinated verbs in one sentence: {count} events in "
          f"{time.perf_counter() - start:.1f} s, no RecursionError")


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
