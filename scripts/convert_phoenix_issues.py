"""Convert the Phoenix issue dictionary of the Open Event Data Alliance into kg's issue table.

Reads ``Phoenix.IssueCoding.txt`` from the folder given (``../shared/dictionaries/phoenix`` by
default): blocks ``<ISSUE CATEGORY="…">`` of lines ``PHRASE [ISSUE]``, where ``n:`` and ``v:``
mark a noun or a verb, ``+`` joins words with a hyphen or a space, and a line ``~PHRASE`` is a
phrase that does not count for the block ("~cooking oil" under ENERGY).

Writes ``kg/data/issues.tsv`` (columns ``phrase``, ``issue``, ``category``; an excluded phrase
has no issue), lower case, words split on spaces and hyphens. Verb entries are left out: kg
tags topics, which are nouns. The licence is the one ``kg/data/PHOENIX-LICENSE.txt`` carries.

Run: ``python scripts/convert_phoenix_issues.py [PHOENIX_FOLDER]``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "kg" / "data" / "issues.tsv"
BLOCK = re.compile(r'<ISSUE CATEGORY="([^"]+)"')
ENTRY = re.compile(r"^(~?)([^\[]+?)\s*(?:\[([A-Z_]+)\])?\s*$")


def phrase_words(raw: str) -> str:
    """``pre+n:school`` → ``pre school``; None for a verb entry."""
    words = re.split(r"[\s+\-]+", raw.strip().lower())
    return " ".join(w.split(":", 1)[1] if re.match(r"^[a-z]:", w) else w for w in words if w)


def rows(text: str) -> list[tuple[str, str, str]]:
    found, category = [], None
    for line in text.splitlines():
        line = line.strip()
        block = BLOCK.match(line)
        if block:
            category = block.group(1)
            continue
        entry = ENTRY.match(line)
        if not line or line.startswith(("#", "<")) or category is None or not entry:
            continue
        excluded, phrase, issue = entry.groups()
        if re.search(r"(^|[\s+])v:", phrase):
            continue  # a verb: kg tags noun phrases
        if excluded or issue:
            found.append((phrase_words(phrase.lstrip("~")), "" if excluded else issue, category))
    return sorted(set(found))


def main(folder: str = str(ROOT.parent / "shared" / "dictionaries" / "phoenix")) -> int:
    source = Path(folder) / "Phoenix.IssueCoding.txt"
    found = rows(source.read_text("utf-8"))
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("phrase", "issue", "category"))
        writer.writerows(found)
    print(f"{TARGET.relative_to(ROOT)}: {len(found)} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
