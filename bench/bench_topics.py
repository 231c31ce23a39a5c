"""Topic links on real news, as a reviewer judged them: how many are right, and worth keeping.

``bench/dev/judged_topics.tsv`` holds reviewers' verdicts on samples of kg's topic links (layer
``topic``) from the ``ir_core`` articles of the Wikinews file, each judged from its sentence (and
its article, for a pronoun): ``correct`` when source, act and target are a true reading of the
text; ``useful`` when an analyst of international relations would keep it. Rows are keyed by
document, sentence number, source and target names (no article text). A sample was drawn from
one version of kg; this script extracts the file with the current version and prints, per
sample, how many of the judged links it still gives and how many of those were right and useful.

Links the current version gives that no sample holds are not judged here: draw a fresh sample
for a new figure (the first judgement of a sample is the unbiased one).

Run: ``python bench/bench_topics.py [WIKINEWS_JSONL]``
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchlib import REPO, WIKINEWS, judged_keys, judged_samples, still_found

VERDICTS = REPO / "bench" / "dev" / "judged_topics.tsv"


def main(corpus: Path) -> None:
    found = judged_keys(corpus, "topic")
    print(f"{len(found)} topic links from {corpus.name}")
    for name, rows in judged_samples(VERDICTS).items():
        still = still_found(rows, found)
        print(f"  {name}: judged {_share(rows)}; "
              f"now {len(still)} of {len(rows)} still given, {_share(still)}")


def _share(rows: list[dict]) -> str:
    correct = sum(r["correct"] == "yes" for r in rows)
    useful = sum(r["useful"] == "yes" for r in rows)
    total = max(len(rows), 1)
    return f"{correct} correct ({correct / total:.0%}), {useful} useful ({useful / total:.0%})"


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else WIKINEWS)
