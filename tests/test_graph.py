"""The graph: one node per canonical actor, one edge per event, merged in any order."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import pytest

from kg.errors import GraphFileError
from kg.events import Action, ActorRef, Event
from kg.graph import build_graph, collapse, filter_graph
from kg.readwrite import graph_from_json, graph_to_json
from kg.schema import Filters, category_label, date_bounds, in_date_range

MACRON = ActorRef("Q3052772", "Emmanuel Macron", "PERSON", "FRA", "Macron")
LEADER = ActorRef("Q3052772", "Emmanuel Macron", "PERSON", "FRA", "the French leader")
ZELENSKYY = ActorRef("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "PERSON", "UKR", "Zelenskyy")
RUSSIA = ActorRef("Q159", "Russia", "COUNTRY", "RUS", "Moscow")
TALKS = Action("held talks with", "hold talk with", "04", "CONSULT", 1, 1.0)
ATTACK = Action("attacked", "attack", "19", "FIGHT", 4, -10.0)


def event(source, target, action=TALKS, doc="a", sentence=0, date="2025-12-29") -> Event:
    return Event(doc=doc, sentence=sentence, text=f"{source.mention} {action.text} ...",
                 source=source, action=action, target=target, date=date)


EVENTS = [
    event(MACRON, ZELENSKYY),
    event(LEADER, ZELENSKYY, doc="b", sentence=3),
    event(RUSSIA, ZELENSKYY, ATTACK, doc="b", sentence=4, date="2022-02-24"),
    event(MACRON, None, Action("announced", "announce", "01", None, 1, 0.0)),
]


def test_actors_merge_by_canonical_id_across_documents():
    graph = build_graph(EVENTS)
    assert sorted(graph.nodes) == ["Q159", "Q3052772", "volodymyr-zelenskyy"]
    macron = graph.nodes["Q3052772"]
    assert macron["aliases"] == ["Macron", "the French leader"]
    assert macron["mentions"] == 3 and len(macron["statements"]) == 1


def test_one_edge_per_event_with_its_evidence():
    graph = build_graph(EVENTS)
    assert graph.number_of_edges() == 3
    data = graph.edges["Q3052772", "volodymyr-zelenskyy", EVENTS[0].id]
    assert (data["cameo"], data["quad"], data["doc"], data["date"]) == ("04", 1, "a", "2025-12-29")


LAYERS = [
    # (target, CAMEO code, modality) → the layer of the event record
    (ZELENSKYY, "04", "asserted", "event"),
    (ZELENSKYY, "04", "future", "event"),
    (ZELENSKYY, None, "asserted", "relation"),
    # what did not happen is no edge: asked for or supposed, or denied; a refusal is an act
    (ZELENSKYY, "09", "hypothetical", "relation"),
    (ZELENSKYY, "10", "negated", "relation"),
    (ZELENSKYY, "12", "negated", "event"),
    (None, "01", "asserted", "statement"),
    (None, None, "asserted", "statement"),
]


@pytest.mark.parametrize(("target", "cameo", "modality", "layer"), LAYERS)
def test_every_event_has_a_layer(target, cameo, modality, layer):
    found = replace(event(MACRON, target, Action("did", "do", cameo)), modality=modality)
    assert found.layer == layer == found.to_dict()["layer"]
    assert Event.from_dict(found.to_dict()) == found


def test_uncoded_relations_are_statements_unless_asked_for():
    praise = event(MACRON, ZELENSKYY, Action("praised", "praise"))  # not in this lexicon
    graph = build_graph([praise])
    assert graph.number_of_edges() == 0 and graph.nodes["Q3052772"]["statements"] == [praise.id]
    graph = build_graph([praise], relations=True)
    assert [d["layer"] for *_, d in graph.edges(data=True)] == ["relation"]


def test_merge_is_order_independent_and_idempotent():
    forward = build_graph(EVENTS + EVENTS)
    backward = build_graph(list(reversed(EVENTS)))
    assert graph_to_json(forward) == graph_to_json(backward)


def test_graph_json_round_trip():
    graph = build_graph(EVENTS)
    again = graph_from_json(graph_to_json(graph))
    assert nx.utils.graphs_equal(graph, again)


def test_graph_files_of_the_version_before_topics_load_and_newer_ones_say_so():
    text = graph_to_json(build_graph(EVENTS))
    assert '"kg_graph": 2' in text
    assert nx.utils.graphs_equal(graph_from_json(text.replace('"kg_graph": 2', '"kg_graph": 1')),
                                 build_graph(EVENTS))
    with pytest.raises(GraphFileError, match="format 3, which only a newer kg reads"):
        graph_from_json(text.replace('"kg_graph": 2', '"kg_graph": 3'))


def test_filters():
    graph = build_graph(EVENTS)
    assert filter_graph(graph, quads=[4]).number_of_edges() == 1
    assert filter_graph(graph, cameo=["04"]).number_of_edges() == 2
    assert filter_graph(graph, start="2025-01-01").number_of_edges() == 2
    assert filter_graph(graph, actors=["Q159"]).number_of_nodes() == 2


@pytest.mark.parametrize(("filters", "kept"), [
    ({"categories": ["FIGHT"]}, {"Q159"}),
    ({"categories": [None]}, set()),
    ({"modalities": ["future"]}, set()),
    ({"types": ["PERSON"]}, {"Q3052772"}),
    ({"types": ["COUNTRY"]}, set()),  # an event is shown when both its actors' types are
    ({"min_events": 2}, {"Q3052772"}),  # Zelenskyy has three events, Macron two, Russia one
    ({"min_events": 3}, set()),  # Zelenskyy keeps three, but none with a shown counterpart
])
def test_the_pages_filters_in_python(filters, kept):
    sources = {u for u, _ in filter_graph(build_graph(EVENTS), **filters).edges()}
    assert sources == kept


def test_the_filter_rule_counts_the_events_that_pass_before_the_minimum():
    rule = Filters(quads=frozenset({1}), min_events=2)
    edges = [("a", "b", {"quad": 1}), ("a", "c", {"quad": 1}), ("c", "d", {"quad": 4})]
    shown, actors = rule.shown(edges, {x: "PERSON" for x in "abcd"})
    assert (shown, actors) == ([], {"a"})  # a has two, b and c one each: no edge between shown


def test_collapse_counts_parallel_events():
    collapsed = collapse(build_graph(EVENTS))
    assert collapsed.edges["Q3052772", "volodymyr-zelenskyy", "CONSULT"]["count"] == 2


DATE_RANGES = [
    # date, start, end, undated, in the range
    ("2025-08-15", "2025-08-01", "2025-08-31", False, True),
    ("2025-08", "2025-08-10", "2025-08-12", False, True),  # a month overlaps any of its days
    ("2025", "2025-06-01", None, False, True),
    ("2025-08-15", None, "2025-08", False, True),  # a month as the end is its last day
    ("2025-09-01", None, "2025-08", False, False),
    ("2025-07", "2025-08", None, False, False),
    (None, "2025-08-01", "2025-08-31", False, False),
    (None, "2025-08-01", "2025-08-31", True, True),
]


@pytest.mark.parametrize(("date", "start", "end", "undated", "inside"), DATE_RANGES)
def test_the_date_range_rule(date, start, end, undated, inside):
    assert in_date_range(date, start, end, undated=undated) is inside


@pytest.mark.parametrize("bad", ["2025-8-5", "2025-02-30", "2025-01-01-01", "Aug 2025"])
def test_dates_are_days_months_or_years(bad):
    with pytest.raises(ValueError):
        date_bounds(bad)


def test_collapse_groups_by_category_like_the_page():
    demand = Action("called for", "call for", "02", "DEMAND", 1, 3.0)
    ultimatum = Action("issued an ultimatum to", "issue ultimatum to", "10", "DEMAND", 3, -5.0)
    graph = build_graph([event(MACRON, RUSSIA, demand), event(MACRON, RUSSIA, ultimatum, sentence=1),
                         event(MACRON, RUSSIA, ultimatum, sentence=2)])
    [(_, _, key, data)] = collapse(graph).edges(keys=True, data=True)
    assert key == "DEMAND"
    assert data == {"count": 3, "plover": "DEMAND", "action": "DEMAND", "cameo": None, "quad": 3}


@pytest.mark.parametrize(("key", "words"), [
    ("CONSULT", "consult"),
    ("CAMEO 01", "make public statement (CAMEO 01)"),
    ("CAMEO 99", "CAMEO 99"),
    (None, "uncategorised"),
])
def test_categories_in_words(key, words):
    assert category_label(key) == words


def test_filter_graph_hides_undated_events_when_asked_and_refuses_unknown_names():
    from kg.analysis import UnknownActor

    graph = build_graph([*EVENTS, event(MACRON, RUSSIA, ATTACK, doc="c", date=None)])
    assert filter_graph(graph).number_of_edges() == 4
    assert filter_graph(graph, undated=False).number_of_edges() == 3  # the page's unticked box
    assert filter_graph(graph, actors=["Russia"]).number_of_edges() == 2
    with pytest.raises(UnknownActor):
        filter_graph(graph, actors=["Rusia"])  # no guessing at misspellings in a filter


PLAN = ActorRef("topic:peace-plan", "peace plan", "TOPIC", None, "the peace plan", topic_kind="plan")


def test_topic_links_are_edges_to_topic_nodes_unless_left_out():
    backing = event(MACRON, PLAN, Action("backed", "back"))
    assert backing.layer == "topic"
    graph = build_graph([*EVENTS, backing])
    node = graph.nodes["topic:peace-plan"]
    assert (node["type"], node["topic_kind"], node["issues"], node["aliases"]) == (
        "TOPIC", "plan", [], ["the peace plan"])
    assert graph.edges["Q3052772", "topic:peace-plan", backing.id]["layer"] == "topic"
    assert "topic:peace-plan" not in build_graph([*EVENTS, backing], topics=False)
    shown = filter_graph(graph, types=["PERSON", "COUNTRY"])
    assert "topic:peace-plan" not in shown and shown.number_of_edges() == 3
