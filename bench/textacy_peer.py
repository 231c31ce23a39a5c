"""A peer baseline: textacy's subject–verb–object triples, scored exactly like kg.

Runs ``textacy.extract.subject_verb_object_triples`` over the plain spaCy model (no kg
components), turns every triple into kg ``Event``s (one per subject and object conjunct: source
and target are the words of the subject and object, ids are slugs of them, type OTHER, no
country; the action is the verb's words and lemmas, with no CAMEO or PLOVER category), and
scores them with ``kg.evaluate.score`` against the same gold records, with the same gazetteer
(bundled actors, plus the fictional ones for petrarch-functional) for name look-ups.

Usage: python bench/textacy_peer.py SUITE PATH [--texts FILE] [--report FILE] [--actors FILE] [--model NAME]

textacy is needed by this benchmark only (``pip install textacy``); kg does not depend on it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import evaluate  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.events import Action, ActorRef, Event  # noqa: E402
from kg.gazetteer import Gazetteer, slug  # noqa: E402
from kg.recipe import DEFAULT_MODEL  # noqa: E402

try:
    from textacy.extract import subject_verb_object_triples
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit("textacy is not installed: pip install textacy (a benchmark-only dependency)")


def runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split sorted tokens into runs of neighbours: [Russia, China] → [[Russia], [China]]."""
    groups: list[list[Token]] = []
    for token in tokens:
        if groups and token.i == groups[-1][-1].i + 1:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def actor(tokens: list[Token]) -> ActorRef:
    """An uncoded actor named by its words."""
    doc = tokens[0].doc
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    return ActorRef(slug(text), text, "OTHER", None, text)


def triple_events(doc: Doc, doc_id: str, date: str | None) -> Iterator[Event]:
    """kg events of textacy's triples in one parsed document."""
    starts = [sent.start for sent in doc.sents]
    for triple in subject_verb_object_triples(doc):
        sent = triple.verb[0].sent
        action = Action(" ".join(t.text for t in triple.verb), " ".join(t.lemma_ for t in triple.verb))
        for subject in runs(triple.subject):
            for obj in runs(triple.object):
                yield Event(doc=doc_id, sentence=starts.index(sent.start), text=sent.text,
                            source=actor(subject), action=action, target=actor(obj), date=date,
                            span=(sent.start_char, sent.end_char), confidence=0.5)


def extract(records: list[evaluate.GoldRecord], model: str) -> dict[str, list[Event]]:
    """textacy's events of every gold record, by record id."""
    nlp = spacy.load(model)
    pairs = ((record.text, record) for record in records)
    events: dict[str, list[Event]] = {}
    for doc, record in nlp.pipe(pairs, as_tuples=True, batch_size=32):
        events[record.id] = list(triple_events(doc, record.id, record.date))
    return events


def gazetteer_for(suite: str, path: str, actors: str | None) -> Gazetteer:
    """The gazetteer the scorer uses for name look-ups, as kg's run of the suite would have it."""
    with tempfile.TemporaryDirectory() as folder:
        return Gazetteer.load(evaluate.suite_actor_files(suite, path, folder, actors))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", choices=evaluate.SUITES)
    parser.add_argument("path", help="the suite's gold file (or its folder)")
    parser.add_argument("--report", help="also write the report as JSON to this file")
    parser.add_argument("--actors", help="a kg actor file for name look-ups")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model (default %(default)s)")
    parser.add_argument("--texts", help="the articles file of the 'articles' suite")
    args = parser.parse_args(argv)
    try:
        records = evaluate.load_suite(args.suite, args.path, args.texts)
        gazetteer = gazetteer_for(args.suite, args.path, args.actors)
    except KgError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    report = evaluate.score(records, extract(records, args.model), suite=args.suite,
                            system="textacy", gazetteer=gazetteer)
    print(evaluate.format_report(report), end="")
    if args.report:
        Path(args.report).write_text(json.dumps(evaluate.report_to_json(report), indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
