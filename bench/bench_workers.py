"""Throughput of extraction on 1 versus 2 worker processes (kg.corpus.engines.local_results).

Target: 2 workers reach at least 1.6x the throughput (words/s) of one, on a machine with
at least 2 free cores. Each run is end to end, pipeline loading included (each worker loads
its own pipeline); the two settings alternate ``--repeats`` times and the best time of each
counts, so a noisy neighbour hurts both alike. "cores busy" (CPU seconds of the run and
its workers per wall second) tells kg's idling from a neighbour's load: near 2.0 with two
workers means the pool kept both cores working.

Usage: python bench/bench_workers.py [CORPUS.jsonl] [--words N] [--repeats N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import resource
import time

from benchlib import WIKINEWS, load_corpus, repeated, verdict, words

from kg.corpus.engines import local_results
from kg.recipe import ExtractorSpec

TARGET = 1.6


def run(documents, workers: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of this process and its workers, number of events."""
    start, cpu = time.perf_counter(), _cpu()
    count = sum(len(events) for _, events in local_results(documents, ExtractorSpec(), workers=workers))
    return time.perf_counter() - start, _cpu() - cpu, count


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=WIKINEWS)
    parser.add_argument("--words", type=int, default=100_000, help="corpus size in words")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="30,000 words, one repeat")
    args = parser.parse_args()
    if args.quick:
        args.words, args.repeats = 30_000, 1
    documents = repeated(load_corpus(args.corpus), args.words)
    n_words = words(documents)
    print(f"corpus: {len(documents)} documents, {n_words} words; cores: {os.cpu_count()}")
    best: dict[int, float] = {}
    counts: dict[int, int] = {}
    for repeat in range(args.repeats):
        for workers in (1, 2) if repeat % 2 == 0 else (2, 1):
            seconds, cpu, counts[workers] = run(documents, workers)
            best[workers] = min(best.get(workers, seconds), seconds)
            print(f"  run {repeat + 1}, {workers} worker(s): {seconds:.1f} s, "
                  f"{n_words / seconds:.0f} words/s, {cpu / seconds:.2f} cores busy")
    assert counts[1] == counts[2], "different numbers of events"
    ratio = best[1] / best[2]
    print(f"1 worker:  {n_words / best[1]:.0f} words/s ({best[1]:.1f} s, {counts[1]} events)")
    print(f"2 workers: {n_words / best[2]:.0f} words/s ({best[2]:.1f} s)")
    print(f"speed-up: {ratio:.2f}x (target >= {TARGET}x): {verdict(ratio >= TARGET)}")


if __name__ == "__main__":
    main()
