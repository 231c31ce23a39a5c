"""Benchmark kg.render on synthetic graphs.

Renders a seeded random graph of 2,000 actors and 5,000 events, opens it in headless
Chromium and prints: render time (Python), page size, page load time, time until the
layout stabilised and physics stopped, and the cost of one full redraw. Then times
the Python side alone on 10,000 and 100,000 events (the latter also with max_nodes).

Usage: python bench/bench_render.py [--no-browser] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.render import render_html, write_html  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = ["PERSON", "GOV", "ORG", "IGO", "COUNTRY", "GROUP", "OTHER"]
ACTIONS = [
    ("held talks with", "hold talks with", "04", "CONSULT", 1, 1.0),
    ("praised", "praise", "05", "COOPERATE", 1, 3.5),
    ("sent aid to", "send aid to", "07", "AID", 2, 7.0),
    ("signed a deal with", "sign deal with", "06", "COOPERATE", 2, 6.0),
    ("criticized", "criticize", "11", "DISAPPROVE", 3, -2.0),
    ("threatened", "threaten", "13", "THREATEN", 3, -6.0),
    ("sanctioned", "sanction", "163", "SANCTION", 4, -8.0),
    ("attacked", "attack", "19", "FIGHT", 4, -10.0),
    ("mentioned", "mention", None, None, None, None),
]
MODALITIES = ["asserted"] * 6 + ["negated", "future", "hypothetical", "reported"]


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A seeded random actor graph whose degrees are skewed like real news graphs."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    ids = [f"A{i:06d}" for i in range(n_nodes)]
    for i, node in enumerate(ids):
        graph.add_node(
            node,
            name=f"Actor {i} of {rng.choice(['Ruritania', 'Freedonia', 'Elbonia'])}",
            type=rng.choice(TYPES),
            country=rng.choice(["USA", "CHN", "RUS", "FRA", None]),
            aliases=[f"A{i}"],
            mentions=rng.randint(1, 50),
        )
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(n_nodes)))
    for j in range(n_edges):
        src, dst = rng.choices(ids, cum_weights=cum_weights, k=2)
        action, lemma, cameo, plover, quad, goldstein = rng.choice(ACTIONS)
        graph.add_edge(
            src, dst, key=f"ev{j:07d}", action=action, lemma=lemma, cameo=cameo, plover=plover,
            quad=quad, goldstein=goldstein, doc=f"doc{j // 20:05d}", title=f"Report {j // 20}",
            sentence=j % 20, text=f"{graph.nodes[src]['name']} {action} "
            f"{graph.nodes[dst]['name']} during talks on regional security and trade.",
            date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            location=rng.choice(["Geneva", "Paris", None]), modality=rng.choice(MODALITIES),
            confidence=round(rng.random(), 2),
        )
    return graph


def time_render(graph: nx.MultiDiGraph, **options: object) -> tuple[float, int]:
    start = time.perf_counter()
    page = render_html(graph, **options)
    return time.perf_counter() - start, len(page.encode("utf-8"))


def browser_figures(path: Path, chromium: str) -> dict[str, float]:
    """Open the page and return load / stabilisation / redraw times in milliseconds."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        load_wall = time.perf_counter() - start
        # A selector, not wait_for_function: the page's CSP forbids the eval that needs.
        page.wait_for_selector("body[data-kg-layout=stable]", state="attached", timeout=120_000)
        settle_wall = time.perf_counter() - start
        figures = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType("navigation")[0];
              const t0 = performance.now();
              for (let i = 0; i < 5; i++) kgNetwork.redraw();
              return {load: nav.loadEventEnd, scriptStart: kgLayout.startedAt,
                      created: kgLayout.createdAt,
                      stabilized: kgLayout.stabilizedAt, iterations: kgLayout.iterations,
                      redraw: (performance.now() - t0) / 5,
                      nodes: kgData.nodes.length, edges: kgData.edges.length,
                      physics: kgNetwork.physics.options.enabled};
            }"""
        )
        browser.close()
    figures["load_wall"] = load_wall * 1000
    figures["settle_wall"] = settle_wall * 1000
    return figures


def bench_browser(chromium: str) -> None:
    graph = synthetic_graph(2000, 5000)
    seconds, size = time_render(graph)
    print(f"2,000 nodes / 5,000 edges: render {seconds:.2f} s, page {size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_html(graph, Path(tmp) / "bench.html")
        f = browser_figures(path, chromium)
    print(f"  browser holds {f['nodes']} nodes, {f['edges']} edges")
    print(f"  page load (loadEventEnd): {f['load']:.0f} ms (wall {f['load_wall']:.0f} ms)")
    print(
        f"  vis.Network built from {f['scriptStart']:.0f} to {f['created']:.0f} ms "
        "after navigation start"
    )
    print(
        f"  stabilised, physics off at {f['stabilized']:.0f} ms after navigation start "
        f"({f['stabilized'] - f['created']:.0f} ms of physics; wall {f['settle_wall']:.0f} ms)"
    )
    print(f"  physics enabled afterwards: {f['physics']}")
    print(f"  one full redraw: {f['redraw']:.0f} ms")


def bench_python() -> None:
    for n_nodes, n_edges, max_nodes in ((4000, 10_000, None), (20_000, 100_000, None),
                                        (20_000, 100_000, 2000)):
        graph = synthetic_graph(n_nodes, n_edges, seed=2)
        seconds, size = time_render(graph, max_nodes=max_nodes)
        cap = f", max_nodes={max_nodes:,}" if max_nodes else ""
        print(
            f"{n_nodes:,} nodes / {n_edges:,} edges{cap}: render {seconds:.2f} s, "
            f"page {size / 1e6:.1f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium part")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium binary")
    args = parser.parse_args()
    if not args.no_browser:
        bench_browser(args.chromium)
    bench_python()


if __name__ == "__main__":
    main()
