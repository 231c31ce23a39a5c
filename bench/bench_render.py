"""Benchmark kg's graph page on synthetic graphs: Python render time, page size, and in
headless Chromium the time until the page is ready to use and the cost of one redraw.

Graphs of 2,000 actors / 5,000 events (every actor drawn), 6,000 / 15,000 and 20,000 /
50,000 (the page opens on communities; the figures after "open" are with the largest
community opened and one of its actors focused). Targets (issue 14) at 20,000 / 50,000: ready
< 3 s after navigation, a redraw < 50 ms.

Usage: python bench/bench_render.py [--no-browser] [--chromium /usr/bin/chromium] [--quick]
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

from kg.render import render_html  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
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
]
MODALITIES = ["asserted"] * 6 + ["negated", "future", "hypothetical", "reported"]
SIZES = ((2000, 5000), (6000, 15_000), (20_000, 50_000))
READY_TARGET_MS, REDRAW_TARGET_MS = 3000, 50


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A seeded random actor graph whose degrees are skewed like real news graphs, with
    regional clusters (most events stay inside one of n/100 regions)."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    ids = [f"A{i:06d}" for i in range(n_nodes)]
    regions = max(1, n_nodes // 100)
    for i, node in enumerate(ids):
        graph.add_node(node, name=f"Actor {i} of Region {i % regions}", type=rng.choice(TYPES),
                       country=rng.choice(["USA", "CHN", "RUS", "FRA", None]), aliases=[f"A{i}"],
                       titles=[], mentions=rng.randint(1, 50), statements=[])
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(n_nodes)))
    members = [ids[r::regions] for r in range(regions)]
    for j in range(n_edges):
        src = rng.choices(ids, cum_weights=weights)[0]
        near = members[int(src[1:]) % regions]
        dst = rng.choice(near) if rng.random() < 0.85 else rng.choices(ids, cum_weights=weights)[0]
        action, lemma, cameo, plover, quad, goldstein = rng.choice(ACTIONS)
        graph.add_edge(
            src, dst, key=f"ev{j:07d}", action=action, lemma=lemma, cameo=cameo, plover=plover,
            quad=quad, goldstein=goldstein, doc=f"doc{j // 20:05d}", title=f"Report {j // 20}",
            sentence=j % 20, text=f"{graph.nodes[src]['name']} {action} {graph.nodes[dst]['name']}.",
            date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            location=None, modality=rng.choice(MODALITIES), confidence=round(rng.random(), 2),
        )
    return graph


def browser_figures(path: Path, chromium: str) -> dict[str, float]:
    """Ready time (ms after navigation start) and redraw times, first view and opened."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=120_000)
        redraw = """() => {
            const t0 = performance.now();
            for (let i = 0; i < 5; i++) kg.network.redraw();
            return (performance.now() - t0) / 5; }"""
        figures = {"ready": page.evaluate("kg.timing.ready"), "redraw": page.evaluate(redraw),
                   "shown": page.evaluate("kg.network.body.data.nodes.length"),
                   "edges": page.evaluate("kg.network.body.data.edges.length")}
        page.evaluate("kg.setState({open: [0]})")
        figures["redraw_open"] = page.evaluate(redraw)
        figures["shown_open"] = page.evaluate("kg.network.body.data.nodes.length")
        start = time.perf_counter()
        page.evaluate("kg.search('Actor 1 of')")
        figures["focus"] = (time.perf_counter() - start) * 1000
        figures["redraw_focus"] = page.evaluate(redraw)
        browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-browser", action="store_true", help="only the Python side")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium binary")
    parser.add_argument("--quick", action="store_true", help="the smallest graph only")
    args = parser.parse_args()
    for n_nodes, n_edges in SIZES[:1] if args.quick else SIZES:
        graph = synthetic_graph(n_nodes, n_edges)
        start = time.perf_counter()
        page = render_html(graph)
        seconds = time.perf_counter() - start
        print(f"{n_nodes:,} actors / {n_edges:,} events: render {seconds:.1f} s, "
              f"page {len(page.encode('utf-8')) / 1e6:.1f} MB")
        if args.no_browser:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.html"
            path.write_text(page, encoding="utf-8")
            f = browser_figures(path, args.chromium)
        print(f"  first view: {f['shown']:,} nodes, {f['edges']:,} edges; ready {f['ready']:.0f} ms "
              f"after navigation (target < {READY_TARGET_MS}); redraw {f['redraw']:.1f} ms "
              f"(target < {REDRAW_TARGET_MS})")
        print(f"  largest community opened: {f['shown_open']:,} nodes, redraw {f['redraw_open']:.1f} ms; "
              f"search and focus {f['focus']:.0f} ms, then redraw {f['redraw_focus']:.1f} ms")


if __name__ == "__main__":
    main()
