"""Where the page draws each actor: communities and places computed in Python."""

from __future__ import annotations

import itertools
import math

import networkx as nx

from kg.layout import communities, positions


def two_stories() -> nx.MultiDiGraph:
    """Two groups of four actors who talk among themselves, and one event between the groups."""
    graph = nx.MultiDiGraph()
    for group in ("a", "b"):
        for u, v in itertools.combinations([f"{group}{i}" for i in range(4)], 2):
            graph.add_edge(u, v)
    graph.add_edge("a0", "b0")
    return graph


def test_each_story_is_a_community_the_largest_first():
    graph = two_stories()
    graph.add_edge("b3", "b4")  # the b story is now the larger
    found = communities(graph)
    assert {found[f"b{i}"] for i in range(5)} == {0}
    assert {found[f"a{i}"] for i in range(4)} == {1}


def test_places_are_the_same_whatever_the_order_of_insertion():
    graph = two_stories()
    backward = nx.MultiDiGraph()
    backward.add_nodes_from(reversed(list(graph.nodes)))
    backward.add_edges_from(reversed(list(graph.edges)))
    assert positions(graph, communities(graph)) == positions(backward, communities(backward))


def test_no_two_actors_overlap_and_stories_stay_apart():
    graph = two_stories()
    size = {n: 20.0 for n in graph}
    place = positions(graph, communities(graph), size)
    for u, v in itertools.combinations(graph, 2):
        assert math.dist(place[u], place[v]) >= 40.0, (u, v)
    centre = {g: [sum(place[f"{g}{i}"][k] for i in range(4)) / 4 for k in (0, 1)] for g in "ab"}
    spread = max(math.dist(place[f"a{i}"], centre["a"]) for i in range(4))
    assert math.dist(centre["a"], centre["b"]) > 2 * spread


def test_an_empty_graph_has_no_places():
    assert communities(nx.MultiDiGraph()) == {} and positions(nx.MultiDiGraph(), {}) == {}


def test_a_huge_community_is_laid_out_as_a_spiral_at_once():
    import time

    star = nx.star_graph(3000)  # one hub and its 3,000 leaves: one community
    start = time.perf_counter()
    place = positions(star, communities(star))
    assert time.perf_counter() - start < 5
    assert len(set(place.values())) == len(star)
    assert place[0] == min(place.values(), key=lambda p: abs(p[0]) + abs(p[1]))  # the hub in the middle


def test_an_int_and_a_string_id_stay_two_actors():
    graph = nx.MultiDiGraph()
    graph.add_edge(1, "1")
    assert len(positions(graph, communities(graph))) == 2
