"""Time to build the graph (kg.build_graph) and render its page (kg.render_html) at scale.

Synthetic, seeded events: ``--actors`` actors (2,000) with skewed activity, 10% of events
without a target, a mix of actions, modalities, dates and mentions. Builds the graph of
10,000 and 100,000 events, then renders the page of each (all actors for 10,000,
``max_nodes=500`` for 100,000). A baseline in the same run, ``networkx`` adding the same
edges bare, shows how much of the time is kg's.

Target: 100,000 events to a graph in under 10 s.

Usage: python bench/bench_graph.py [--actors 2000] [--sizes 10000 100000] [--quick]
"""

from __future__ import annotations

import argparse
import random
import time

import networkx as nx
from benchlib import verdict

from kg.events import Action, ActorRef, Event
from kg.graph import build_graph

TARGET_SECONDS = 10.0
TYPES = ["PERSON", "GOV", "ORG", "IGO", "COUNTRY", "GROUP"]
ACTIONS = [
    Action("held talks with", "hold talk with", "04", "CONSULT", 1, 1.0),
    Action("praised", "praise", "05", "COOPERATE", 1, 3.5),
    Action("sent aid to", "send aid to", "07", "AID", 2, 7.0),
    Action("criticized", "criticize", "11", "DISAPPROVE", 3, -2.0),
    Action("threatened", "threaten", "13", "THREATEN", 3, -6.0),
    Action("attacked", "attack", "19", "FIGHT", 4, -10.0),
    Action("mentioned", "mention"),
]
MODALITIES = ["asserted"] * 6 + ["negated", "future", "hypothetical", "reported"]


def synthetic_events(n_events: int, n_actors: int, seed: int = 1) -> list[Event]:
    """Seeded random events; actor activity is skewed (a few actors are in most events)."""
    rng = random.Random(seed)
    actors = [(f"Q{i}", f"Actor {i}", rng.choice(TYPES), rng.choice(["FRA", "USA", "RUS", None]))
              for i in range(n_actors)]
    weights = [1 / (rank + 1) for rank in range(n_actors)]
    events = []
    for number in range(n_events):
        source, target = rng.choices(actors, weights, k=2)
        mentions = [source[1], f"the {source[2].lower()}", "he", source[1].split()[-1]]
        events.append(Event(
            doc=f"doc-{number // 20}", sentence=number % 20, text=f"Sentence {number} of the news.",
            source=ActorRef(*source, rng.choice(mentions)),
            action=rng.choice(ACTIONS),
            target=None if rng.random() < 0.1 else ActorRef(*target, target[1]),
            date=f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            modality=rng.choice(MODALITIES), span=(0, 30), confidence=0.9,
        ))
    return events


def bare_networkx(events: list[Event]) -> float:
    start = time.perf_counter()
    graph = nx.MultiDiGraph()
    for event in events:
        if event.target is not None:
            graph.add_edge(event.source.id, event.target.id, key=event.id, action=event.action.text)
    return time.perf_counter() - start


def render_time(graph: nx.MultiDiGraph, max_nodes: int | None) -> str:
    try:
        from kg.render import render_html
    except ImportError as error:
        return f"not timed (kg.render is not ready: {error})"
    start = time.perf_counter()
    page = render_html(graph, max_nodes=max_nodes)
    seconds = time.perf_counter() - start
    return f"{seconds:.2f} s ({len(page) / 2**20:.1f} MB page, max_nodes={max_nodes})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--quick", action="store_true", help="10,000 and 30,000 events")
    args = parser.parse_args()
    sizes = [10_000, 30_000] if args.quick else args.sizes
    seconds = {}
    for size in sizes:
        events = synthetic_events(size, args.actors)
        start = time.perf_counter()
        graph = build_graph(events)
        seconds[size] = time.perf_counter() - start
        print(f"{size} events: graph in {seconds[size]:.2f} s "
              f"({graph.number_of_nodes()} actors, {graph.number_of_edges()} edges; "
              f"bare networkx {bare_networkx(events):.2f} s)")
        print(f"  page: {render_time(graph, 500 if size > 10_000 else None)}")
    largest = max(sizes)
    projected = seconds[largest] * (100_000 / largest) if largest < 100_000 else seconds[largest]
    note = "" if largest >= 100_000 else f" (projected linearly from {largest})"
    print(f"100,000 events to a graph: {projected:.1f} s{note} (target < {TARGET_SECONDS:.0f} s): "
          f"{verdict(projected < TARGET_SECONDS)}")


if __name__ == "__main__":
    main()
