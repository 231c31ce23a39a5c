"""Peak memory of streaming extraction (as ``kg extract FILE -o OUT``) at 1x and 4x the corpus.

Each size runs in a fresh Python process that reads a .jsonl corpus with
``kg.read_documents``, extracts with ``Extractor.events`` and writes every event to a file
as soon as it comes (never holding them all); the process reports its own peak resident
set (``ru_maxrss``) and its resident set once the pipeline is loaded. The 4x corpus is the
1x one four times over, with fresh document ids.

Target: peak memory at 4x is at most 1.2x the peak at 1x.

Then one big file: a process loads the pipeline and reads every document of one .jsonl file
of 5 MB and then of 50 MB (the corpus repeated), as a run does before and while parsing;
the reader streams line by line, so the file's size must not show. Target: the peak for the
50 MB file is at most 1.1x that for the 5 MB file.

Usage: python bench/bench_memory.py [CORPUS.jsonl] [--docs N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import WIKINEWS, verdict

TARGET = 1.2
FILE_TARGET = 1.1
FILE_SIZES_MB = (5, 50)


def child(corpus: str, output: str) -> None:
    """The measured process: stream documents to events to a file, report memory."""
    from kg.documents import read_documents
    from kg.recipe import ExtractorSpec

    extractor = ExtractorSpec().load()
    loaded = _rss_mb()
    start, count = time.perf_counter(), 0
    with open(output, "w", encoding="utf-8") as out:
        for event in extractor.events(read_documents([corpus])):
            out.write(event.to_json() + "\n")
            count += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"loaded_mb": loaded, "peak_mb": peak, "events": count,
                      "seconds": time.perf_counter() - start}))


def reader_child(corpus: str) -> None:
    """The measured process: the pipeline loaded, every document of one file read."""
    from kg.documents import read_documents
    from kg.recipe import ExtractorSpec

    ExtractorSpec().load()
    count = sum(1 for _ in read_documents([corpus]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mb": peak, "documents": count}))


def write_file_of_size(source: Path, megabytes: int, path: Path) -> None:
    lines = [line for line in source.read_text("utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        written, number = 0, 0
        while written < megabytes * 2**20:
            record = json.loads(lines[number % len(lines)])
            record["id"] = f"{record.get('id', number)}#{number}"
            line = json.dumps(record) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            number += 1


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def write_corpus(source: Path, docs: int, copies: int, path: Path) -> None:
    lines = [line for line in source.read_text("utf-8").splitlines() if line.strip()][:docs]
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for number, line in enumerate(lines):
                record = json.loads(line)
                record["id"] = f"{record.get('id', number)}#{copy}"
                out.write(json.dumps(record) + "\n")


def measure(corpus: Path, folder: Path) -> dict:
    output = folder / f"{corpus.stem}.events.jsonl"
    command = [sys.executable, __file__, "--child", str(corpus), str(output)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=WIKINEWS)
    parser.add_argument("--docs", type=int, default=300, help="documents in the 1x corpus")
    parser.add_argument("--quick", action="store_true", help="40 documents at 1x")
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "OUTPUT"), help=argparse.SUPPRESS)
    parser.add_argument("--reader-child", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.reader_child:
        reader_child(args.reader_child)
        return
    docs = 40 if args.quick else args.docs
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        runs = {}
        for copies in (1, 4):
            corpus = folder / f"corpus{copies}x.jsonl"
            write_corpus(Path(args.corpus), docs, copies, corpus)
            runs[copies] = measure(corpus, folder)
            run = runs[copies]
            print(f"{copies}x ({docs * copies} documents): peak {run['peak_mb']:.0f} MB "
                  f"(pipeline loaded: {run['loaded_mb']:.0f} MB), {run['events']} events, "
                  f"{run['seconds']:.0f} s")
    ratio = runs[4]["peak_mb"] / runs[1]["peak_mb"]
    growth = [runs[c]["peak_mb"] - runs[c]["loaded_mb"] for c in (1, 4)]
    print(f"growth above the loaded pipeline: 1x {growth[0]:.0f} MB, 4x {growth[1]:.0f} MB")
    print(f"peak 4x / 1x: {ratio:.2f}x (target <= {TARGET}x): {verdict(ratio <= TARGET)}")
    one_big_file(Path(args.corpus))


def one_big_file(source: Path) -> None:
    peaks = {}
    with tempfile.TemporaryDirectory() as temp:
        for megabytes in FILE_SIZES_MB:
            path = Path(temp) / f"{megabytes}mb.jsonl"
            write_file_of_size(source, megabytes, path)
            command = [sys.executable, __file__, "--reader-child", str(path)]
            result = json.loads(subprocess.run(command, check=True, capture_output=True,
                                               text=True).stdout.strip().splitlines()[-1])
            peaks[megabytes] = result["peak_mb"]
            print(f"one {megabytes} MB file ({result['documents']} documents) read with the pipeline "
                  f"loaded: peak {result['peak_mb']:.0f} MB")
    small, big = FILE_SIZES_MB
    ratio = peaks[big] / peaks[small]
    print(f"peak {big} MB / {small} MB file: {ratio:.2f}x (target <= {FILE_TARGET}x): "
          f"{verdict(ratio <= FILE_TARGET)}")


if __name__ == "__main__":
    main()
