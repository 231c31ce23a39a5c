"""Convert PETRARCH's CAMEO verb dictionary (Open Event Data Alliance, MIT) into kg's lexicon.

Reads ``CAMEO.2.0.txt`` from the folder given (``../shared/dictionaries/phoenix`` by default)
and writes ``kg/data/cameo_verbs.tsv`` (with the dictionary's MIT notice in
``kg/data/CAMEO-LICENSE.txt``): one row per verb phrase, as kg's action lemmas
write them (the verb's lemma, then its particle or object noun: "clinch deal", "clamp
down"), with its CAMEO code and root. :class:`kg.classify.Lexicon` reads it after kg's own
``actions.tsv``, which wins wherever both know a phrase.

What is taken from the dictionary, block by block (``---  VERB  [code]  ---`` and the verbs
listed under it):

* each verb with a code of its own or of its block ("DISBAND [160]");
* each pattern of a verb and one object or particle after it ("- * DEAL [061]",
  "- * DOWN [173]", "- * {AID CONVOY} [191]"), for every verb of the block.

Left out: phrases kg's own table already codes (a verb it knows, or a light verb whose
object noun it knows: "clinch deal" is an agreement there), kg's light verbs alone, patterns
with synonym sets (``&WEAPON``: with the block's synonyms they make phrases such as "grapple
uzi"), prepositional phrases or words before the verb, codes of no CAMEO event, and a
phrase two blocks give different roots.

Run: ``python scripts/convert_cameo.py [PHOENIX_FOLDER]`` (needs the spaCy model, for lemmas).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.classify import Lexicon  # noqa: E402
from kg.nlp import load_model  # noqa: E402
from kg.recipe import DEFAULT_MODEL  # noqa: E402

OUT = ROOT / "kg" / "data" / "cameo_verbs.tsv"
LICENSE = ROOT / "kg" / "data" / "CAMEO-LICENSE.txt"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[(\d{2,4})(?::\d*)?\]")
WORD = re.compile(r"^[A-Z][A-Z'-]*$")
#: a verb and one object, particle or compound noun after it
SIMPLE_PATTERN = re.compile(r"^- \* (\{[A-Z' -]+\}|[A-Z][A-Z'-]*)\s*(?:#.*)?$")


#: a block: its verbs (each with a code of its own or None), its code, its simple patterns
#: (object, code)
Block = tuple[list[tuple[str, str | None]], str | None, list[tuple[str, str]]]


def read_blocks(path: Path) -> list[Block]:
    """Each block of the verb patterns section."""
    blocks: list[Block] = []
    section = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        if raw.startswith("#######"):
            section = raw
            continue
        if "VERB PATTERNS" not in section:
            continue
        header = BLOCK.match(line)
        if header:
            blocks.append(([], _code(f"[{header.group(2)}]"), []))
        elif blocks and line.startswith("- "):
            code = CODE.search(line)
            body = CODE.sub("", line).strip()
            simple = SIMPLE_PATTERN.match(body)
            if code and simple:
                blocks[-1][2].append((simple.group(1), code.group(1)))
        elif blocks and line.strip():
            verb = line.split("{", 1)[0].strip()
            code = CODE.search(verb)
            verb = CODE.sub("", verb).strip().lstrip("+").rstrip("_").replace("_", " ")
            if verb and all(WORD.match(w) for w in verb.split()):
                blocks[-1][0].append((verb.lower(), code.group(1) if code else None))
    return blocks


def _code(text: str) -> str | None:
    match = CODE.search(text)
    return match.group(1) if match else None


def phrases(blocks: list[Block], lemma) -> dict[str, Counter]:
    """Each verb phrase with the codes the dictionary gives it."""
    found: dict[str, Counter] = defaultdict(Counter)
    for verbs, block_code, patterns in blocks:
        names = [verb for verb, _ in verbs]
        for verb, own in verbs:
            if own or block_code:
                found[verb][own or block_code] += 1
        for target, code in patterns:
            words = target.strip("{}").lower().split()
            if not words or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
                continue
            words[-1] = lemma(words[-1])
            for verb in names:
                found[f"{verb} {' '.join(words)}"][code] += 1
    return found


def main(folder: Path) -> None:
    blocks = read_blocks(folder / "CAMEO.2.0.txt")
    nlp = load_model(DEFAULT_MODEL)
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            cache[word] = nlp(word)[0].lemma_.lower()
        return cache[word]

    kg = Lexicon.load(with_cameo=False)
    rows = []
    for phrase, codes in sorted(phrases(blocks, lemma).items()):
        if kg.categorise(phrase) is not None or phrase in kg.light:
            continue  # kg's table codes it (or its light verb's noun does): the table wins
        roots: Counter = Counter()
        for code, n in codes.items():
            roots[code[:2]] += n
        ranked = roots.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue  # two roots, equally often: not a phrase to code
        root = ranked[0][0]
        if not "01" <= root <= "20":
            continue
        code = max((c for c in codes if c[:2] == root), key=lambda c: (codes[c], -len(c)))
        rows.append((phrase, code, root))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["phrase", "code", "cameo"])
        writer.writerows(rows)
    LICENSE.write_text(licence(folder / "CAMEO.2.0.txt"), encoding="utf-8")
    print(f"{len(rows)} verb phrases written to {OUT.relative_to(ROOT)}")


def licence(path: Path) -> str:
    """The attribution and the MIT notice the dictionary's header carries."""
    lines, keep = [], False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("#"):
            break
        text = line[1:].strip()
        keep = keep or text.startswith("The MIT License")
        if keep:
            lines.append(text)
    return ("kg/data/cameo_verbs.tsv is derived, by scripts/convert_cameo.py, from CAMEO.2.0.txt,\n"
            "the CAMEO verb pattern dictionary of the PETRARCH coder of the Open Event Data\n"
            "Alliance (https://github.com/openeventdata), which carries this licence:\n\n"
            + "\n".join(lines).strip() + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "dictionaries" / "phoenix")
