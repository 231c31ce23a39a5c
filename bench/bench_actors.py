"""Actors on real news: how many mentions a dictionary knows, the busiest nodes, and the
development set's mentions and events (``bench/dev/wikinews/*.json``, offsets into the
Wikinews articles, annotated for kg; no article text is kept here).

Prints, for the whole Wikinews file (295 articles):
  * actor mentions in events and the share resolved to a dictionary entry (``known``), in all
    layers and in coded events, also in the articles the file flags ``ir_core`` and in those of
    the development set;
  * the 150 busiest actors of the page (by coded events) and of all layers, each with a
    reviewer's verdict on its mentions there (actor, duplicate, not an actor; from
    ``bench/dev/top_nodes.tsv`` and ``bench/dev/top_nodes_all_layers.tsv``) or "?" when not
    judged yet, and the count of duplicates plus non-actors;
  * nodes typed PERSON that the kinds table calls a platform, company or outlet, and state
    bodies without a country ("Senate"; international organisations have none), apart from
    the bodies named by a place no dictionary knows ("Northamptonshire Police");
and for the development set:
  * mentions: of the annotated actor mentions, how many kg resolves to the annotated actor,
    to another, or not at all (pronouns and descriptions apart); annotated places, outlets
    and non-actors that kg takes for actors;
  * events: the share of annotated events whose source kg finds as the source of an event of
    that sentence (source recall), and whose source and target it finds (pair recall).

Run: ``python bench/bench_actors.py [WIKINEWS_JSONL] [--dev] [--details]`` (``--dev``: only the
development set's articles) (``--details`` lists every
development-set mention kg gets wrong; those lines quote the article, so keep them out of the
repository).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

from benchlib import REPO, WIKINEWS, load_corpus

from kg.actors import KINDS, resolve_mentions
from kg.agents import SECTORS
from kg.gazetteer import fold_accents, normalise
from kg.recipe import ExtractorSpec

DEV = REPO / "bench" / "dev"
GAZETTEER = None  # the extractor's, once loaded: the names it knows for each actor
TOP = 150


def main(path: Path) -> None:
    documents = load_corpus(path)
    global GAZETTEER
    extractor = ExtractorSpec().load()
    GAZETTEER = extractor.gazetteer
    events, parsed = [], {}
    dev_ids = {p.stem for p in (DEV / "wikinews").glob("*.json")}
    if "--dev" in sys.argv:
        documents = [d for d in documents if d.id in dev_ids]
    for _, found in extractor.results(documents):
        events += found
    for document in documents:
        if document.id in dev_ids:
            parsed[document.id] = (document, extractor.nlp(document.text))
    corpus_figures(events, ir_core_ids(path), dev_ids)
    mention_figures(parsed, extractor, events)
    event_figures(parsed, events)


def corpus_figures(events, ir_core: set[str], dev_ids: set[str]) -> None:
    actors = [a for e in events for a in (e.source, e.target) if a is not None]
    by_id = {a.id: a for a in actors}
    print(f"Wikinews: {len(events)} events ({Counter(e.layer for e in events)}), "
          f"{len(actors)} actor mentions, {len(by_id)} actors")
    for label, kept in (("all layers", events), ("coded events (the graph's edges)",
                                                 [e for e in events if e.layer == "event"])):
        mentions = [a for e in kept for a in (e.source, e.target) if a is not None]
        core = [a for e in kept if e.doc in ir_core for a in (e.source, e.target) if a is not None]
        dev = [a for e in kept if e.doc in dev_ids for a in (e.source, e.target) if a is not None]
        print(f"  mentions resolved to a dictionary entry, {label}: "
              f"{sum(a.known for a in mentions) / len(mentions):.1%} of {len(mentions)}; in the "
              f"{len(ir_core)} articles flagged ir_core (international relations): "
              f"{sum(a.known for a in core) / max(len(core), 1):.1%} of {len(core)}; in the "
              f"{len(dev_ids)} of the development set: {sum(a.known for a in dev) / max(len(dev), 1):.1%} "
              f"of {len(dev)}")
    drawn = Counter(a.id for e in events if e.layer == "event" for a in (e.source, e.target))
    print(f"  the {TOP} busiest actors of the page kg build draws, by their coded events "
          f"(verdicts from bench/dev/top_nodes.tsv):")
    busiest(drawn, by_id, read_verdicts("top_nodes.tsv"))
    print(f"  the {TOP} busiest actors of every layer (statements and relations too; verdicts "
          f"from bench/dev/top_nodes_all_layers.tsv):")
    busiest(Counter(a.id for a in actors), by_id, read_verdicts("top_nodes_all_layers.tsv"))
    mistyped = sorted({a.name for a in by_id.values() if a.type == "PERSON" and KINDS.get(normalise(a.name))})
    print(f"  platforms, companies or outlets typed PERSON: {len(mistyped)} {mistyped[:10]}")
    institutions = {s.name for s in SECTORS.values() if s.state}
    stateless = {a.name: a for a in by_id.values() if a.country is None and a.type != "IGO"
                 and (a.sector in {s.code for s in SECTORS.values() if s.state}
                      or normalise(a.name) in {"senate", "parliament", "congress", "house",
                                               "supreme court", "court", "ministry", "government"})}
    named = sorted(name for name, a in stateless.items() if not a.known)
    bare = sorted(set(stateless) - set(named))
    print(f"  state bodies without a country: {len(bare)} {bare[:10]} (sectors {sorted(institutions)})")
    print(f"  bodies of places no dictionary knows, named by the place, without a country: "
          f"{len(named)} {named[:10]}")


def busiest(counts: Counter, by_id: dict, verdicts: dict[str, str]) -> None:
    """The busiest actors with their verdicts, and the tally of duplicates and non-actors."""
    tally, unjudged = Counter(), 0
    for rank, (actor_id, n) in enumerate(counts.most_common(TOP), 1):
        actor = by_id[actor_id]
        verdict = verdicts.get(actor.name, "?")
        tally[verdict.split(":")[0]] += 1
        unjudged += verdict == "?"
        print(f"    {rank:3} {n:4}  {actor.name} [{actor.type} {actor.country or '-'}"
              f"{' ' + actor.sector if actor.sector else ''}]  {verdict}")
    bad = tally["duplicate"] + tally["not an actor"]
    print(f"  top {TOP}: {bad} duplicates or non-actors ({tally['duplicate']} duplicates, "
          f"{tally['not an actor']} non-actors, {unjudged} not judged)")


def ir_core_ids(path: Path) -> set[str]:
    """The ids of the articles the corpus flags ``ir_core`` (a keyword filter, not gold)."""
    if path.suffix != ".jsonl":
        return set()
    with path.open(encoding="utf-8") as handle:
        return {record["id"] for record in map(json.loads, handle) if record.get("ir_core")}


def read_verdicts(name: str) -> dict[str, str]:
    path = DEV / name
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row["verdict"] for row in csv.DictReader(handle, delimiter="\t")}


def annotations() -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((DEV / "wikinews").glob("*.json"))]


def mention_figures(parsed, extractor, events) -> None:
    participants = {(e.doc, e.span[0], a.mention) for e in events for a in (e.source, e.target) if a}
    right = wrong = missed = false_actor = other = 0
    kinds = Counter()
    details = "--details" in sys.argv
    for note in annotations():
        document, doc = parsed[note["doc"]]
        resolved = resolve_mentions(doc, extractor.gazetteer, document.date, document.url,
                                    extractor.headline(document.title))
        for mention in note["mentions"]:
            found = _resolved_in(doc, resolved, mention["start"], mention["end"])
            where = f"{note['doc']}@{mention['start']}"
            if mention["kind"] != "actor":
                other += 1
                sentence = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
                text = doc.text[mention["start"]:mention["end"]]
                found = sentence is not None and (note["doc"], sentence.sent.start_char, text) in participants
                false_actor += found
                if found and details:
                    print(f"    {where} {mention['kind']} in an event: {text!r}")
                continue
            if mention.get("actor") is None:
                continue
            kind = "pronoun or description" if _is_reference(doc, mention) else "name"
            if not found:
                missed += 1
                kinds[kind, "missed"] += 1
            elif any(same_actor(a, mention) for a in found):
                right += 1
                kinds[kind, "right"] += 1
            else:
                wrong += 1
                kinds[kind, "wrong"] += 1
            if details and (not found or not any(same_actor(a, mention) for a in found)):
                print(f"    {where} {kind}: {doc.text[mention['start']:mention['end']]!r} is "
                      f"{mention['actor']!r}, kg {[a.name for a in found]}")
    total = right + wrong + missed
    print(f"Development set ({len(parsed)} articles): {total} annotated actor mentions")
    print(f"  resolved to the annotated actor {right / total:.1%}, to another {wrong / total:.1%}, "
          f"not resolved {missed / total:.1%}")
    for kind in ("name", "pronoun or description"):
        n = sum(v for (k, _), v in kinds.items() if k == kind)
        print(f"    {kind}: {n}, right {kinds[kind, 'right'] / n:.1%}, wrong {kinds[kind, 'wrong'] / n:.1%}, "
              f"missed {kinds[kind, 'missed'] / n:.1%}")
    print(f"  annotated places, outlets and non-actors that are an event's source or target: "
          f"{false_actor} of {other}")


def _resolved_in(doc, resolved, start: int, end: int) -> list:
    tokens = [t.i for t in doc.char_span(start, end, alignment_mode="expand") or ()]
    return [a for i in tokens for a in resolved.get(i, ())]


def _is_reference(doc, mention) -> bool:
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    return span is not None and not any(t.pos_ == "PROPN" for t in span)


def same_actor(actor, gold: dict) -> bool:
    """kg's actor is the annotated one: the same name (or one's words all in the other's, or
    the same surname and first name), a name the gazetteer gives that actor, the same
    country for a country, or the same country and sector for a generic agent."""
    name, gold_name = _words(actor.name), _words(gold["actor"] or "")
    if name == gold_name or (name and gold_name and name[-1] == gold_name[-1]
                             and (name[0] == gold_name[0] or min(len(name), len(gold_name)) == 1)):
        return True
    if actor.type == "PERSON" and len(name) > 1 and len(gold_name) > 1 and (
            set(name) <= set(gold_name) or set(gold_name) <= set(name)):
        return True
    record = GAZETTEER.by_name(gold["actor"] or "") if GAZETTEER else None
    if record is not None and record.id == actor.id:
        return True
    if gold.get("type") == "COUNTRY" or actor.type == "COUNTRY":
        return actor.type == gold.get("type") and actor.country == gold.get("country")
    if actor.sector and gold.get("sector"):
        return actor.country == gold.get("country") and actor.sector == gold["sector"]
    return False


def _words(name: str) -> list[str]:
    return fold_accents(name).lower().replace("·", " ").replace("-", " ").split()


def event_figures(parsed, events) -> None:
    by_doc: dict[str, list] = {}
    for event in events:
        by_doc.setdefault(event.doc, []).append(event)
    sources = pairs = total = 0
    for note in annotations():
        mentions = {(m["start"], m["end"]): m for m in note["mentions"]}
        for gold in note["events"]:
            start, end = gold["sentence"]
            here = [e for e in by_doc.get(note["doc"], ()) if e.span[0] < end and start < e.span[1]]
            source = mentions.get(tuple(gold["source"])) if gold.get("source") else None
            target = mentions.get(tuple(gold["target"])) if gold.get("target") else None
            if source is None or source.get("actor") is None:
                continue
            total += 1
            found = [e for e in here if same_actor(e.source, source)]
            sources += bool(found)
            if target is None or target.get("actor") is None:
                pairs += bool(found)
            else:
                pairs += any(e.target and same_actor(e.target, target) for e in found)
    print(f"  events: {total} annotated; source recall {sources / total:.1%}, "
          f"source and target recall {pairs / total:.1%}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0]) if arguments else WIKINEWS)
