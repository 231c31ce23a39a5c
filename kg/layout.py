"""Where the page draws each actor, computed once in Python so that the page opens laid out.

Actors fall into communities (networkx's Louvain method over the events between them, seeded,
so the same graph always gives the same communities); each community is laid out on its own
(a seeded spring layout) inside a disc whose area grows with its size, and the discs are placed
by a spring layout of the communities, then pushed apart until none overlap. The page needs no
physics: it draws at once, and stories stay together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

import networkx as nx
import numpy as np

SEED = 7
#: Distance between neighbouring actors, in the page's units.
SPACING = 60.0
#: Above this many communities the discs go on a spiral instead, and above this many actors a
#: community's actors are not pushed apart (overlap removal is quadratic).
MAX_SPRING_COMMUNITIES = 1500
MAX_SEPARATED = 1500
OVERLAP_ROUNDS = 60

Position = tuple[float, float]


def communities(graph: nx.Graph) -> dict[Hashable, int]:
    """Each actor's community: 0 is the largest, ties go to the community with the smaller
    smallest actor id."""
    simple = _weighted(graph)
    found = nx.community.louvain_communities(simple, weight="weight", seed=SEED) if simple else []
    ordered = sorted(found, key=lambda c: (-len(c), min(map(_sort_key, c))))
    return {node: number for number, members in enumerate(ordered) for node in members}


def positions(graph: nx.Graph, community: dict[Hashable, int],
              size: dict[Hashable, float] | None = None) -> dict[Hashable, Position]:
    """Each actor's place, rounded to a tenth: communities as non-overlapping discs, and inside
    each no two actors overlapping (``size``: each actor's radius as drawn, if known)."""
    simple = _weighted(graph)
    if not simple:
        return {}
    size = size or {}
    members: dict[int, list[Hashable]] = {}
    for node in sorted(simple, key=_sort_key):
        members.setdefault(community[node], []).append(node)
    local: dict[int, np.ndarray] = {}
    radius: dict[int, float] = {}
    for c, nodes in members.items():
        spread = SPACING * (0.6 + 0.55 * np.sqrt(len(nodes)))
        sizes = np.array([size.get(n, SPACING / 4) for n in nodes])
        points = _disc_layout(simple.subgraph(nodes), nodes) * spread
        if 1 < len(nodes) <= MAX_SEPARATED:
            points = _separate(points, sizes, gap=SPACING / 3)
        points -= points.mean(axis=0)
        local[c] = points
        radius[c] = float(np.max(np.linalg.norm(points, axis=1) + sizes))
    centres = _place_discs(simple, community, radius)
    placed = {}
    for c, nodes in members.items():
        for node, (x, y) in zip(nodes, centres[c] + local[c], strict=True):
            placed[node] = (round(float(x), 1), round(float(y), 1))
    return placed


def _weighted(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph of the actors, each pair weighted by its number of events,
    built in the order of the actors' ids so that the order of insertion does not matter."""
    order = {n: i for i, n in enumerate(sorted(graph.nodes, key=_sort_key))}
    simple = nx.Graph()
    simple.add_nodes_from(order)
    weights = Counter(tuple(sorted((u, v), key=order.__getitem__)) for u, v in graph.edges() if u != v)
    simple.add_weighted_edges_from((a, b, weights[a, b]) for a, b in sorted(
        weights, key=lambda pair: (order[pair[0]], order[pair[1]])))
    return simple


def _sort_key(node: Hashable) -> tuple[str, str]:
    return str(node), type(node).__name__  # 1 and "1" stay two actors


def _disc_layout(sub: nx.Graph, nodes: list[Hashable]) -> np.ndarray:
    """A spring layout of one community, in the order of ``nodes``, scaled into the unit disc;
    above :data:`MAX_SEPARATED` actors (a spring layout's cost grows with the square) a
    sunflower spiral, the busiest in the middle."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) > MAX_SEPARATED:
        rank = {n: i for i, n in enumerate(sorted(nodes, key=lambda n: (-sub.degree(n, weight="weight"),
                                                                       _sort_key(n))))}
        golden = np.pi * (3 - np.sqrt(5))
        turns = np.array([rank[n] for n in nodes], dtype=float)
        array = np.sqrt(turns / len(nodes))[:, None] * np.column_stack(
            [np.cos(turns * golden), np.sin(turns * golden)])
        return array
    pos = nx.spring_layout(sub, seed=SEED, weight="weight", iterations=50 if len(nodes) < 500 else 25)
    array = np.array([pos[n] for n in nodes])
    array -= array.mean(axis=0)
    return array / (np.max(np.linalg.norm(array, axis=1)) or 1.0)


def _place_discs(simple: nx.Graph, community: dict[Hashable, int],
                 radius: dict[int, float]) -> dict[int, np.ndarray]:
    """The centre of each community's disc: near the communities it has events with, with
    no two discs overlapping."""
    ids = sorted(radius)
    if len(ids) == 1:
        return {ids[0]: np.zeros(2)}
    if len(ids) > MAX_SPRING_COMMUNITIES:
        return _spiral(ids, radius)
    between = nx.Graph()
    between.add_nodes_from(ids)
    for u, v, w in simple.edges(data="weight"):
        a, b = community[u], community[v]
        if a != b:
            old = between.get_edge_data(a, b, {"weight": 0})["weight"]
            between.add_edge(a, b, weight=old + w)
    pos = nx.spring_layout(between, seed=SEED, weight="weight")
    spread = sum(radius.values()) / np.sqrt(len(ids))
    centres = np.array([pos[c] for c in ids]) * spread * 2
    radii = np.array([radius[c] for c in ids])
    return dict(zip(ids, _separate(centres, radii), strict=True))


def _separate(centres: np.ndarray, radii: np.ndarray, gap: float = SPACING / 2) -> np.ndarray:
    """Push overlapping discs apart (to ``gap`` between their edges), each pair along the line
    between their centres."""
    needed = radii[:, None] + radii[None, :] + gap
    for _ in range(OVERLAP_ROUNDS):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta))
        np.fill_diagonal(distance, np.inf)
        overlap = needed - distance
        touching = overlap > 0
        if not touching.any():
            break
        push = np.divide(overlap, 2 * np.maximum(distance, 1e-6), out=np.zeros_like(overlap),
                         where=touching)
        centres = centres + np.einsum("ij,ijk->ik", push, delta)
    return centres


def _spiral(ids: list[int], radius: dict[int, float]) -> dict[int, np.ndarray]:
    """Discs along a sunflower spiral, the largest in the middle, spaced by the largest disc."""
    step = 2 * max(radius.values()) + SPACING
    golden = np.pi * (3 - np.sqrt(5))
    return {c: step * np.sqrt(i) * np.array([np.cos(i * golden), np.sin(i * golden)])
            for i, c in enumerate(ids)}
