"""Graph files (kg.readwrite): GraphML, GEXF, CSV and JSON round-trip, stay valid with hostile text,
and are stable; kg's own JSON file is checked against the graph contract (kg.schema)."""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ElementTree

import networkx as nx
import pytest

from kg import files
from kg.errors import GraphFileError, KgError
from kg.events import Action, ActorRef, Event
from kg.graph import build_graph, collapse, edge_attributes
from kg.readwrite import (
    FORMATS,
    export_graph,
    graph_to_json,
    import_graph,
    load_graph,
    read_gexf,
    read_graph_csv,
    read_graphml,
    write_gexf,
    write_graph_csv,
    write_graphml,
    xml_safe,
)
from kg.schema import EDGE_FIELDS, NODE_FIELDS, validate_graph

MACRON = ActorRef("Q3052772", "Emmanuel Macron", "PERSON", "FRA", "Macron")
LEADER = ActorRef("Q3052772", "Emmanuel Macron", "PERSON", "FRA", "the French leader")
ZELENSKYY = ActorRef("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "PERSON", "UKR", "Zelenskyy")
RUSSIA = ActorRef("Q159", "Russia", "COUNTRY", "RUS", "Moscow")
NATO = ActorRef("Q7184", "NATO", "IGO", None, "the alliance")
TALKS = Action("held talks with", "hold talk with", "04", "CONSULT", 1, 1.0)
ATTACK = Action("attacked", "attack", "19", "FIGHT", 4, -10.0)
UNKNOWN = Action("glanced at", "glance at")  # not in the lexicon: cameo, quad… are None
HOSTILE = 'He said "<script>alert(1)</script>" & left, then ; \'quoted\' — ünïcödé ✓ 𝄞'


def event(source, target, action=TALKS, doc="a", sentence=0, date="2025-12-29", **more) -> Event:
    text = more.pop("text", f"{source.mention} {action.text} ...")
    return Event(doc=doc, sentence=sentence, text=text, source=source, action=action, target=target,
                 date=date, **more)


EVENTS = [
    event(MACRON, ZELENSKYY, title="Macron says Paris will host the coalition"),
    event(LEADER, ZELENSKYY, doc="b", sentence=3, modality="future", date=None, confidence=0.65),
    event(RUSSIA, ZELENSKYY, ATTACK, doc="b", sentence=4, date="2022-02-24", location="Kyiv"),
    event(NATO, RUSSIA, UNKNOWN, doc="c", negated=True, modality="negated", text=HOSTILE),
    event(MACRON, None, Action("announced", "announce", "01", None, 1, 0.0)),
]


def attributes(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Every node's and every edge's attribute dict, for comparing two graphs."""
    nodes = {node: dict(data) for node, data in graph.nodes(data=True)}
    edges = {(u, v, k): dict(data) for u, v, k, data in graph.edges(keys=True, data=True)}
    return nodes, edges


def export_path(tmp_path, fmt: str):
    return tmp_path / ("csv" if fmt == "csv" else f"graph.{fmt}")


def test_schemas_match_the_graph_contract():
    """When kg.graph's attributes change, NODE_FIELDS / EDGE_FIELDS (the CSV column types) must too."""
    graph = build_graph(EVENTS)
    assert set(EDGE_FIELDS) == set(edge_attributes(EVENTS[0]))
    assert {name for _, data in graph.nodes(data=True) for name in data} == set(NODE_FIELDS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_gives_an_equal_graph(tmp_path, fmt):
    graph = build_graph(EVENTS)
    written = export_graph(graph, fmt, export_path(tmp_path, fmt))
    assert all(path.is_file() for path in written)
    again = import_graph(fmt, export_path(tmp_path, fmt))
    assert isinstance(again, nx.MultiDiGraph)
    assert attributes(again) == attributes(graph)
    assert nx.utils.graphs_equal(again, graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_types(tmp_path, fmt):
    graph = build_graph(EVENTS)
    export_graph(graph, fmt, export_path(tmp_path, fmt))
    again = import_graph(fmt, export_path(tmp_path, fmt))
    edge = again.edges["Q3052772", "volodymyr-zelenskyy", EVENTS[0].id]
    assert (edge["quad"], edge["goldstein"], edge["sentence"], edge["negated"]) == (1, 1.0, 0, False)
    assert (type(edge["quad"]), type(edge["goldstein"]), type(edge["negated"])) == (int, float, bool)
    assert edge["cameo"] == "04" and edge["location"] is None
    macron = again.nodes["Q3052772"]
    assert macron["aliases"] == ["Macron", "the French leader"] and macron["statements"] == [EVENTS[4].id]
    assert again.nodes["Q7184"]["country"] is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_graph_round_trips(tmp_path, fmt):
    export_graph(nx.MultiDiGraph(), fmt, export_path(tmp_path, fmt))
    again = import_graph(fmt, export_path(tmp_path, fmt))
    assert again.number_of_nodes() == again.number_of_edges() == 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_any_graph_round_trips_through_graphml_gexf_and_csv(tmp_path, fmt):
    graph = collapse(build_graph(EVENTS))  # edges keyed by category, with a "count" and no evidence
    export_graph(graph, fmt, export_path(tmp_path, fmt))
    again = import_graph(fmt, export_path(tmp_path, fmt))
    assert sorted(again.edges(keys=True, data="count")) == sorted(graph.edges(keys=True, data="count"))
    assert max(count for *_, count in again.edges(keys=True, data="count")) == 2


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_any_attribute_round_trips(tmp_path, fmt):
    graph = build_graph(EVENTS)
    # every node and edge has the attribute (one that is absent would come back as None)
    nx.set_node_attributes(graph, {n: ["a", "b"] if n == "Q159" else None for n in graph}, "tags")
    nx.set_node_attributes(graph, {n: {"x": [1, 2.5]} if n == "Q159" else "[not json]" for n in graph},
                           "extra")
    notes = {e: None if e[2] == EVENTS[0].id else 0.25 for e in graph.edges(keys=True)}
    nx.set_edge_attributes(graph, notes, "weight_note")
    export_graph(graph, fmt, tmp_path / "g")
    assert attributes(import_graph(fmt, tmp_path / "g")) == attributes(graph)


def test_graphml_from_another_tool_is_read_with_the_contract(tmp_path):
    other = nx.MultiDiGraph()
    other.add_node("a", name="A", aliases='["Alpha"]')
    other.add_edge("a", "a", key="e1", action="met", quad=1)
    nx.write_graphml(other, tmp_path / "other.graphml")
    graph = read_graphml(tmp_path / "other.graphml")
    assert graph.nodes["a"] == {**dict.fromkeys(NODE_FIELDS), "name": "A", "aliases": ["Alpha"]}
    assert graph.edges["a", "a", "e1"] == {**dict.fromkeys(EDGE_FIELDS), "action": "met", "quad": 1}


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_graph_gives_same_bytes(tmp_path, fmt):
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir(), second.mkdir()
    paths_1 = export_graph(build_graph(EVENTS), fmt, export_path(first, fmt))
    paths_2 = export_graph(build_graph(list(reversed(EVENTS))), fmt, export_path(second, fmt))
    assert [p.read_bytes() for p in paths_1] == [p.read_bytes() for p in paths_2]


@pytest.mark.parametrize("write", [write_graphml, write_gexf])
def test_hostile_text_gives_valid_xml(tmp_path, write):
    control = "".join(chr(c) for c in range(0x00, 0x20)) + "\ufffe\uffff\ud800"
    evil = ActorRef("evil\x00id", f"</script><b>&amp;\x07{control}", "GROUP", None, '"\x1b]0;x\x07')
    graph = build_graph([*EVENTS, event(evil, ZELENSKYY, text=f"{HOSTILE}\x00\x08\x0b\r\n{control}")])
    path = write(graph, tmp_path / "hostile.xml")
    ElementTree.parse(path)  # raises on invalid XML
    raw = path.read_bytes()
    assert b"\x00" not in raw and b"\x07" not in raw and b"<script>" not in raw


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_escapes_forbidden_characters_and_keeps_the_rest(tmp_path, fmt):
    evil = ActorRef("evil", "Evil\x00 Corp", "GROUP", None, "them\x08")
    text = f"{HOSTILE}\x00\x01\x0b\r\nend\x7f"
    graph = build_graph([event(evil, ZELENSKYY, text=text)])
    export_graph(graph, fmt, tmp_path / "g.xml")
    again = import_graph(fmt, tmp_path / "g.xml")
    (_, _, data), = again.edges(data=True)
    assert data["text"] == f"{HOSTILE}\\u0000\\u0001\\u000b\nend\x7f" == xml_safe(text)
    assert again.nodes["evil"]["name"] == "Evil\\u0000 Corp"
    assert again.nodes["evil"]["aliases"] == ["them\\u0008"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_ids_that_differ_only_in_control_characters_stay_apart(tmp_path, fmt):
    one, two = (ActorRef(f"evil{chr(n)}", f"Evil {n}", "GROUP", None, "them") for n in (1, 2))
    graph = build_graph([event(one, ZELENSKYY), event(two, ZELENSKYY, text="Another sentence.")])
    export_graph(graph, fmt, tmp_path / "g.xml")
    assert import_graph(fmt, tmp_path / "g.xml").number_of_nodes() == 3


def test_csv_keeps_every_character(tmp_path):
    text = f"{HOSTILE}\x00\x01\r\n\"\"\n,;\tend"
    graph = build_graph([event(MACRON, ZELENSKYY, text=text)])
    write_graph_csv(graph, tmp_path)
    again = read_graph_csv(tmp_path / "events.csv", tmp_path / "actors.csv")
    assert attributes(again) == attributes(graph)


def test_csv_columns(tmp_path):
    graph = build_graph(EVENTS)
    events_path, actors_path, statements_path = write_graph_csv(graph, tmp_path / "out")
    with open(events_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:6] == ["source", "source_name", "target", "target_name", "key", "action"]
    assert len(rows) == graph.number_of_edges()
    talks = next(r for r in rows if r["key"] == EVENTS[0].id)
    assert (talks["source_name"], talks["target_name"]) == ("Emmanuel Macron", "Volodymyr Zelenskyy")
    assert (talks["negated"], talks["location"], talks["cameo"]) == ("false", "", "04")
    with open(actors_path, encoding="utf-8", newline="") as handle:
        actors = {row["id"]: row for row in csv.DictReader(handle)}
    assert actors["Q3052772"]["aliases"] == '["Macron", "the French leader"]'
    with open(statements_path, encoding="utf-8", newline="") as handle:
        statements = list(csv.DictReader(handle))
    assert sorted((s["actor"], s["action"], s["target"]) for s in statements) == [
        ("Q3052772", "announced", ""), ("Q7184", "glanced at", "Russia")]  # a relation kept as one


def test_gexf_shows_names_and_event_ids_in_gephi(tmp_path):
    path = write_gexf(build_graph(EVENTS), tmp_path / "g.gexf")
    namespace = {"g": "http://www.gexf.net/1.2draft"}
    root = ElementTree.parse(path).getroot()
    labels = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", namespace)}
    assert labels["Q159"] == "Russia"
    ids = {e.get("id") for e in root.iterfind(".//g:edge", namespace)}
    assert ids == {e.id for e in EVENTS if e.layer == "event"}
    assert root.find("g:meta", namespace).get("lastmodifieddate") is None


def test_mixed_numbers_are_written_as_floats(tmp_path):
    graph = build_graph(EVENTS)
    u, v, key = "Q159", "volodymyr-zelenskyy", EVENTS[2].id
    graph.edges[u, v, key]["goldstein"] = -10  # an int among floats
    for fmt in ("graphml", "gexf"):
        export_graph(graph, fmt, tmp_path / f"g.{fmt}")
        again = import_graph(fmt, tmp_path / f"g.{fmt}")
        assert again.edges[u, v, key]["goldstein"] == -10.0


def test_gexf_refuses_reserved_attribute_names(tmp_path):
    graph = build_graph(EVENTS)
    nx.set_node_attributes(graph, 1, "viz")
    with pytest.raises(GraphFileError, match="g.gexf.*'viz'"):
        write_gexf(graph, tmp_path / "g.gexf")
    assert not (tmp_path / "g.gexf").exists()


def test_unknown_format_names_the_choices(tmp_path):
    with pytest.raises(KgError, match="graphml"):
        export_graph(build_graph(EVENTS), "dot", tmp_path / "g.dot")
    with pytest.raises(KgError, match="unknown graph format"):
        import_graph("dot", tmp_path / "g.dot")


def test_only_multidigraphs_are_exported(tmp_path):
    with pytest.raises(KgError, match="g.graphml.*DiGraph"):
        export_graph(nx.DiGraph([("a", "b")]), "graphml", tmp_path / "g.graphml")


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_write_errors_name_the_path(tmp_path, fmt):
    path = tmp_path / "missing-folder" / f"g.{fmt}"
    with pytest.raises(KgError, match="missing-folder"):
        export_graph(build_graph(EVENTS), fmt, path)


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_read_errors_name_the_path(tmp_path, fmt):
    with pytest.raises(GraphFileError, match="nowhere"):
        import_graph(fmt, tmp_path / "nowhere")
    bad = tmp_path / "bad.xml"
    bad.write_text("<graphml><node id='a'>", encoding="utf-8")
    with pytest.raises(GraphFileError, match="bad.xml"):
        import_graph(fmt, bad)


def kg_json_file(tmp_path, graph: nx.MultiDiGraph, *, node: dict | None = None, edge: dict | None = None):
    """kg's JSON file of ``graph``, with one actor's or one event's fields overwritten."""
    document = json.loads(graph_to_json(graph))
    document["nodes"][0].update(node or {})
    document["edges"][0].update(edge or {})
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


BREACHES = [
    ({"edge": {"quad": "x"}}, r"graph.json, event '\w+' \('Q159' → '[\w-]+'\): 'quad' should be int"),
    ({"edge": {"quad": 7}}, r"graph.json, event .*: quad must be 1 to 4, not 7"),
    ({"edge": {"modality": "rumoured"}}, r"graph.json, event .*: unknown modality 'rumoured'"),
    ({"edge": {"layer": "gossip"}}, r"graph.json, event .*: unknown layer 'gossip'"),
    ({"edge": {"date": "2025-02-30"}}, r"graph.json, event .*: date '2025-02-30' is not a day, month or"),
    ({"edge": {"text": None}}, r"graph.json, event .*: no 'text'"),
    ({"node": {"type": "ALIEN"}}, r"graph.json, actor 'Q159': unknown type 'ALIEN'"),
    ({"node": {"aliases": "Moscow"}}, r"graph.json, actor 'Q159': 'aliases' should be list"),
]


@pytest.mark.parametrize(("breach", "message"), BREACHES, ids=[m.split(": ")[-1][:24] for _, m in BREACHES])
def test_json_graph_breaking_the_contract_is_refused(tmp_path, breach, message):
    path = kg_json_file(tmp_path, build_graph(EVENTS), **breach)
    with pytest.raises(GraphFileError, match=message):
        load_graph(path)
    with pytest.raises(GraphFileError, match=message):
        import_graph("json", path)


def test_json_holds_kg_graph_only(tmp_path):
    """kg's own file is read as kg's graph: a derived graph (collapse) is written but refused on reading."""
    path = export_graph(collapse(build_graph(EVENTS)), "json", tmp_path / "collapsed.json")[0]
    with pytest.raises(GraphFileError, match=r"collapsed.json, event .*: no 'lemma'"):
        load_graph(path)


def test_graphs_kg_builds_keep_the_contract():
    validate_graph(build_graph(EVENTS), "built")
    validate_graph(build_graph([]), "empty")


def test_csv_read_errors_name_file_and_line(tmp_path):
    graph = build_graph(EVENTS)
    events_path, actors_path, _ = write_graph_csv(graph, tmp_path)
    lines = events_path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[1].startswith("Q159,")  # Russia attacked: goldstein -10.0
    events_path.write_text(lines[0] + lines[1].replace(",-10.0,", ",strong,", 1), encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"events.csv, line 2: column 'goldstein'"):
        read_graph_csv(events_path, actors_path)
    actors = actors_path.read_text(encoding="utf-8").splitlines(keepends=True)
    write_graph_csv(graph, tmp_path)
    actors_path.write_text("".join(a for a in actors if not a.startswith("Q159,")), encoding="utf-8")
    with pytest.raises(GraphFileError, match="actor 'Q159' is not in"):
        read_graph_csv(events_path, actors_path)
    with pytest.raises(GraphFileError, match="no column 'source'"):
        read_graph_csv(actors_path, actors_path)


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "g.graphml"
    path.write_text("old", encoding="utf-8")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", fail)
    with pytest.raises(KgError, match="g.graphml: cannot write .No space left"):
        write_graphml(build_graph(EVENTS), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["g.graphml"]


def test_readers_accept_strings_and_paths(tmp_path):
    graph = build_graph(EVENTS)
    write_graphml(graph, str(tmp_path / "g.graphml"))
    write_gexf(graph, str(tmp_path / "g.gexf"))
    assert nx.utils.graphs_equal(read_graphml(str(tmp_path / "g.graphml")), graph)
    assert nx.utils.graphs_equal(read_gexf(tmp_path / "g.gexf"), graph)


# --------------------------------------------------------------------------- for other tools


def test_rdf_round_trips_through_rdflib(tmp_path):
    from rdflib import OWL, RDF, Graph, Namespace, URIRef

    graph = build_graph(EVENTS)
    kg_ns = Namespace("https://kg.example.org/vocab#")
    for fmt, parse_as in (("turtle", "turtle"), ("jsonld", "json-ld")):
        path = export_graph(graph, fmt, tmp_path / f"g.{fmt}")[0]
        rdf = Graph().parse(path, format=parse_as)
        events = set(rdf.subjects(RDF.type, kg_ns.Event))
        assert len(events) == graph.number_of_edges()
        assert len(set(rdf.subjects(RDF.type, kg_ns.Actor))) == graph.number_of_nodes()
        macron = URIRef("https://kg.example.org/actor/Q3052772")
        assert (macron, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q3052772")) in rdf
        talks = URIRef(f"https://kg.example.org/event/{EVENTS[0].id}")
        assert str(rdf.value(talks, kg_ns.cameo)) == "04" and rdf.value(talks, kg_ns.source) == macron
        assert str(rdf.value(talks, kg_ns.evidence)) == EVENTS[0].text


def test_the_event_data_table_has_cameo_actor_codes(tmp_path):
    graph = build_graph(EVENTS)
    graph.nodes["Q159"]["sector"] = "MIL"
    path = export_graph(graph, "events-tsv", tmp_path / "events.tsv")[0]
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == graph.number_of_edges()
    attack = next(r for r in rows if r["source_id"] == "Q159")
    assert (attack["source_code"], attack["target_code"], attack["cameo"], attack["quad_class"]) == (
        "RUSMIL", "UKR", "19", "4")
    assert attack["date"] == "2022-02-24" and attack["evidence"] == EVENTS[2].text


def test_neo4j_files_have_the_headers_neo4j_admin_reads(tmp_path):
    written = export_graph(build_graph(EVENTS), "neo4j", tmp_path / "neo4j")
    assert sorted(p.name for p in written) == ["actors.csv", "events.csv", "import.sh", "load.cypher",
                                               "topics.csv"]
    actors = list(csv.DictReader((tmp_path / "neo4j" / "actors.csv").open(encoding="utf-8")))
    events = list(csv.DictReader((tmp_path / "neo4j" / "events.csv").open(encoding="utf-8")))
    assert list(actors[0])[0] == "actorId:ID(Actor)" and ":LABEL" in actors[0]
    assert {":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"} <= set(events[0])
    ids = {a["actorId:ID(Actor)"] for a in actors}
    assert all(e[":START_ID(Actor)"] in ids and e[":END_ID(Actor)"] in ids for e in events)
    assert {e[":TYPE"] for e in events} <= {"CONSULT", "FIGHT", "EVENT"}
    script = (tmp_path / "neo4j" / "load.cypher").read_text()
    assert "LOAD CSV WITH HEADERS FROM 'file:///events.csv'" in script


def test_the_event_table_defuses_formulas_and_rdf_escapes_bad_addresses(tmp_path):
    from rdflib import Graph

    graph = build_graph(EVENTS)
    for *_, data in graph.edges(data=True):
        data["text"] = '=HYPERLINK("http://evil.example","x")'
        data["url"] = 'https://news.example.org/a story"<x>'
    table = export_graph(graph, "events-tsv", tmp_path / "e.tsv")[0].read_text(encoding="utf-8")
    assert "\t'=HYPERLINK" in table and "\t=HYPERLINK" not in table
    rdf = Graph().parse(export_graph(graph, "turtle", tmp_path / "g.ttl")[0], format="turtle")
    assert any("a%20story%22%3Cx%3E" in str(o) for o in rdf.objects())


# --------------------------------------------------------------------------- topics

SANCTIONS = ActorRef("topic:sanction@b", "sanctions", "TOPIC", None, "new sanctions",
                     topic_kind="sanction", issues=("SANCTIONS",))
WITH_TOPIC = [*EVENTS, event(NATO, SANCTIONS, Action("imposed", "impose"), doc="b", sentence=5)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_topics_round_trip_with_their_kind_and_issues(tmp_path, fmt):
    graph = build_graph(WITH_TOPIC)
    export_graph(graph, fmt, tmp_path / f"g.{fmt}")
    back = import_graph(fmt, tmp_path / f"g.{fmt}")
    topic = back.nodes["topic:sanction@b"]
    assert (topic["type"], topic["topic_kind"], topic["issues"]) == ("TOPIC", "sanction", ["SANCTIONS"])
    assert back.has_edge("Q7184", "topic:sanction@b")


def test_topics_are_their_own_class_in_rdf_and_label_in_neo4j_and_not_event_data(tmp_path):
    from rdflib import RDF, Graph, Namespace, URIRef

    graph = build_graph(WITH_TOPIC)
    kg_ns = Namespace("https://kg.example.org/vocab#")
    rdf = Graph().parse(export_graph(graph, "turtle", tmp_path / "g.ttl")[0], format="turtle")
    topic = URIRef("https://kg.example.org/topic/topic%3Asanction%40b")
    assert set(rdf.subjects(RDF.type, kg_ns.Topic)) == {topic}
    assert (str(rdf.value(topic, kg_ns.topicKind)), str(rdf.value(topic, kg_ns.issue))) == (
        "sanction", "SANCTIONS")
    assert len(set(rdf.subjects(RDF.type, kg_ns.Actor))) == graph.number_of_nodes() - 1

    export_graph(graph, "neo4j", tmp_path / "neo4j")
    [row] = list(csv.DictReader((tmp_path / "neo4j" / "topics.csv").open(encoding="utf-8")))
    assert (row["actorId:ID(Actor)"], row["kind"], row[":LABEL"]) == (
        "topic:sanction@b", "sanction", "Topic;Sanction")
    actors = (tmp_path / "neo4j" / "actors.csv").read_text(encoding="utf-8")
    assert "topic:" not in actors and "--nodes=topics.csv" in (tmp_path / "neo4j" / "import.sh").read_text()

    table = export_graph(graph, "events-tsv", tmp_path / "e.tsv")[0]
    rows = list(csv.DictReader(table.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == graph.number_of_edges() - 1  # the topic link is no event between actors
