"""The graph's edges on real news, as a reviewer judged them: how many are usable.

``bench/dev/judged_edges.tsv`` holds reviewers' verdicts on samples of kg's edges from the
Wikinews file (each edge judged from its sentence: source, act and target right, so that an
analyst would keep it; and whether its CAMEO root fits), keyed by document, sentence number,
source and target (no article text). A sample was drawn from one version of kg; this script
extracts the file with the current version and prints, per sample:
  * how many of the judged edges are still edges, and how many of those are usable;
  * the errors the reviewers named among the edges still drawn (``error`` column).

Edges the current version draws that no sample holds are not judged here: draw a fresh sample
for a new figure (the first judgement of a sample is the unbiased one).

Run: ``python bench/bench_edges.py [WIKINEWS_JSONL]``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from benchlib import REPO, WIKINEWS, judged_keys, judged_samples, still_found

VERDICTS = REPO / "bench" / "dev" / "judged_edges.tsv"


def main(corpus: Path) -> None:
    drawn = judged_keys(corpus, "event")
    print(f"{len(drawn)} edges drawn from {corpus.name}")
    for name, rows in judged_samples(VERDICTS).items():
        still = still_found(rows, drawn)
        usable = sum(r["usable"] == "yes" for r in still)
        when_judged = sum(r["usable"] == "yes" for r in rows)
        errors = Counter(r["error"] for r in still if r["usable"] != "yes")
        print(f"  {name}: judged {when_judged} of {len(rows)} usable ({when_judged / len(rows):.0%}); "
              f"now {len(still)} still edges, {usable} usable ({usable / max(len(still), 1):.0%}); "
              f"errors left: {dict(errors.most_common())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else WIKINEWS)
