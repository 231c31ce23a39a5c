"""The analyst's API: the events as a table, actors found by name, pairs of actors."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import kg
from kg.analysis import EVENT_COLUMNS, AmbiguousActor, UnknownActor


def actor(graph, key, name, aliases=(), mentions=1, type_="PERSON", country=None):
    graph.add_node(key, name=name, type=type_, country=country, sector=None, aliases=list(aliases),
                   mentions=mentions, statements=[])


def event(graph, u, v, key, quad=1, goldstein=1.0, date="2020-06-01", cameo="04", plover="CONSULT"):
    graph.add_edge(u, v, key=key, action="met", lemma="meet", cameo=cameo, plover=plover, quad=quad,
                   goldstein=goldstein, doc="d1", title="T", url="https://example.org/a",
                   sentence=3, text=f"{u} met {v}.", date=date, modality="asserted", confidence=0.8)


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    """The Wikinews case: Trump's aliases mention Biden ("the Trump-Biden debate"), and Hunter
    Biden and a plant genus are Bidens too."""
    g = nx.MultiDiGraph()
    actor(g, "Q22686", "Donald Trump", ["Trump", "the Trump-Biden debate", "the president"], 213)
    actor(g, "Q6279", "Joe Biden", ["Biden", "Biden's lead"], 250)
    actor(g, "hunter-biden", "Hunter Biden", ["Hunter"], 5)
    actor(g, "bidens", "Bidens", [], 1, "OTHER")
    actor(g, "Q159", "Russia", ["Moscow"], 40, "COUNTRY", "RUS")
    actor(g, "Q212", "Ukraine", ["Kyiv"], 35, "COUNTRY", "UKR")
    actor(g, "kim-jong-un", "Kim Jong-un", ["Kim"], 4)
    actor(g, "kim-wall", "Kim Wall", ["Kim"], 3)
    event(g, "Q22686", "Q6279", "e1", quad=3, goldstein=-2.0, cameo="11", plover="DISAPPROVE")
    event(g, "Q6279", "Q22686", "e2", quad=3, goldstein=-2.0, cameo="11", plover="DISAPPROVE")
    event(g, "Q22686", "Q6279", "e3", date="2020-09")
    event(g, "Q159", "Q212", "e4", quad=4, goldstein=-10.0, date=None, cameo="19", plover="FIGHT")
    return g


@pytest.mark.parametrize(("text", "found"), [
    ("Biden", "Q6279"),  # an alias of Joe Biden, and only part of one of Trump's
    ("joe biden", "Q6279"),  # a name, whatever the case
    ("Q22686", "Q22686"),  # an id
    ("Moscow", "Q159"),  # an alias
    ("Trump", "Q22686"),
    ("Zelenskiy", None),  # not in this graph: nothing close enough
    ("Rusia", "Q159"),  # a misspelling
    ("Bidne", "Q6279"),
    ("Hunter", "hunter-biden"),
])
def test_find_actor(graph, text, found):
    if found is None:
        with pytest.raises(UnknownActor):
            kg.find_actor(graph, text)
    else:
        assert kg.find_actor(graph, text) == found


def test_an_ambiguous_name_raises_with_the_candidates(graph):
    with pytest.raises(AmbiguousActor) as raised:
        kg.find_actor(graph, "Kim")  # an alias of both, mentioned about as often
    assert set(raised.value.candidates) == {"kim-jong-un", "kim-wall"}
    assert "Kim Jong-un (kim-jong-un)" in str(raised.value)


def test_filter_graph_takes_names(graph):
    assert kg.filter_graph(graph, actors=["Russia"]).number_of_edges() == 1
    assert kg.filter_graph(graph, actors=["Biden"], quads=[3]).number_of_edges() == 2


def test_events_frame_has_flat_typed_columns(graph):
    frame = kg.events_frame(graph)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 4
    row = frame.set_index("event").loc["e4"]
    assert (row["source_name"], row["target_name"], row["source_country"]) == ("Russia", "Ukraine", "RUS")
    assert (row["category"], row["cameo_name"], row["quad_name"]) == ("fight", "fight", "material conflict")
    assert row["quad"] == 4 and pd.isna(row["date"])
    assert str(frame["quad"].dtype) == "Int64" and str(frame["date"].dtype).startswith("datetime64")
    month = frame.set_index("event").loc["e3"]
    assert month["date"] == pd.Timestamp("2020-09-01") and month["date_text"] == "2020-09"
    assert month["url"] == "https://example.org/a" and month["evidence"] == "Q22686 met Q6279."


def test_events_frame_takes_events_too():
    events = kg.extract(["Macron held talks with Zelenskyy."], date="2025-12-29")
    frame = kg.events_frame(events).sort_values(["layer", "source_name"])
    assert list(zip(frame["layer"], frame["source_name"], frame["target_name"], frame["target_kind"],
                    strict=True)) == [
        ("event", "Emmanuel Macron", "Volodymyr Zelenskyy", "actor"),
        ("topic", "Emmanuel Macron", "talks", "meeting"),  # he held them
        ("topic", "Volodymyr Zelenskyy", "talks", "meeting"),  # he attended them
    ]
    assert set(frame["date"]) == {pd.Timestamp("2025-12-29")}


def test_pairs_are_undirected_with_cooperation_conflict_and_net_goldstein(graph):
    pairs = kg.pair_summary(graph)
    first = pairs.iloc[0]
    assert {first["name_a"], first["name_b"]} == {"Donald Trump", "Joe Biden"}
    assert (first["events"], first["cooperation"], first["conflict"]) == (3, 1, 2)
    assert first["net_goldstein"] == -3.0
    assert first["first"] == pd.Timestamp("2020-06-01") and first["last"] == pd.Timestamp("2020-09-01")
    assert len(pairs) == 2


def test_an_empty_graph_gives_empty_tables():
    assert kg.events_frame(nx.MultiDiGraph()).empty and kg.pair_summary(nx.MultiDiGraph()).empty


def test_topics_are_no_actors_to_find_or_pair():
    graph = kg.build_graph(kg.extract(["Macron held talks with Zelenskyy."], date="2025-12-29"))
    assert any(kind == "TOPIC" for _, kind in graph.nodes(data="type"))
    with pytest.raises(kg.UnknownActor):
        kg.find_actor(graph, "talks", fuzzy=False)
    pairs = kg.pair_summary(graph)
    names = list(zip(pairs["name_a"], pairs["name_b"], strict=True))
    assert names == [("Emmanuel Macron", "Volodymyr Zelenskyy")]
