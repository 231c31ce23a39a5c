"""Render a kg knowledge graph as one self-contained, offline, interactive HTML page, through pyvis.

:func:`to_pyvis` turns the graph into a pyvis ``Network``: one node per actor (laid out in
Python by :mod:`kg.layout`, so the page needs no physics) and one edge per event, with the
fields the page shows and vis-network's options. :func:`render_html` renders that network with
kg's own Jinja template (``kg/data/page.html``, given to pyvis as its template), which inlines
vis-network (the JS and CSS that pyvis ships inside its package), the network's data as JSON,
and kg's page script and style (``kg/data/page.*``). Nothing is fetched at view time, and a
Content-Security-Policy forbids any request and any script but the page's own, so hostile
article text can neither run nor phone home.

All text from the graph is untrusted. It reaches the page only through the JSON block (Jinja's
``tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and is put into the DOM by the page script
with ``textContent``; the title is escaped in the markup.

This is the only module of kg that imports pyvis.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from collections import Counter
from collections.abc import Hashable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import KgError, RenderError
from .files import atomic_write_bytes
from .layout import communities, positions
from .schema import (
    CAMEO_ROOT_NAMES,
    MODALITIES,
    QUAD_COLORS,
    QUAD_LABELS,
    TOPIC,
    TOPIC_COLOR,
    TOPIC_SHAPE,
    TYPE_COLORS,
    category,
    category_label,
    date_bounds,
    wikidata_id,
)

__all__ = ["render_html", "to_pyvis", "write_html"]

#: The edge fields the page shows (besides the action, modality and category).
PAGE_EDGE_FIELDS = ("lemma", "cameo", "plover", "quad", "goldstein", "doc", "url", "author", "sentence",
                    "text", "date", "location", "confidence", "layer")
#: Above this many actors the page opens on communities, which open on a click.
AGGREGATE_ABOVE = 2000
#: Above this many actors the page starts with topics hidden (a legend button shows them).
TOPICS_SHOWN_UP_TO = 300
#: How many of an actor's statements the page lists (the panel says how many more there are).
MAX_STATEMENTS = 100
#: How many actors name a community on the page.
COMMUNITY_NAMES = 3
#: Colours of the countries with most actors (the rest share the last).
COUNTRY_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                  "#ff9da7", "#9c755f", "#bab0ac")
_SOURCE_MAP = re.compile(r"(?://|/\*)[#@] sourceMappingURL=[^\s*]*(?: \*/)?")


def to_pyvis(graph: nx.MultiDiGraph, *, max_nodes: int | None = None, collapse: bool = False) -> Any:
    """The graph as a pyvis ``Network`` to customise or show in a notebook (``net.show(...)``
    with pyvis's own template, or :func:`render_html` for kg's page).

    Nodes are the actors with at least one event (with ``max_nodes``, the busiest), placed by
    :mod:`kg.layout`, coloured by type, sized by their events; edges are the events among them,
    coloured by QuadClass, dashed when not asserted. Both carry kg's fields for the page (see
    :func:`_node` and :func:`_edge`); ``net.kg_meta`` holds the page's legend and counts.

    Raises:
        RenderError: ``graph`` is not a networkx graph, an option is invalid, or an event's
            date or QuadClass breaks the graph contract.
    """
    _check_options(graph, max_nodes, collapse)
    from pyvis.network import Network

    kept = _select_nodes(graph, max_nodes)
    shown = graph.subgraph(kept)
    community = communities(shown)
    place = positions(shown, community, _drawn_sizes({n: graph.degree(n) for n in kept}))
    net = Network(height="100%", width="100%", directed=True, heading="", cdn_resources="local")
    net.node_ids = _IdList()  # pyvis checks each edge's ends in a list: a set keeps that linear
    index = {node: i for i, node in enumerate(kept)}
    said = _statements_by_actor(graph, set(kept))
    countries = {graph.nodes[n].get("country"): index[n] for n in kept
                 if graph.nodes[n].get("type") == "COUNTRY" and graph.nodes[n].get("country")}
    for node in kept:
        attrs = graph.nodes[node]
        net.add_node(index[node], **_node(node, attrs, graph.degree(node), community[node], place[node]),
                     said=said.get(node, []), fold=_country_of_sector(node, attrs, countries))
    events = [_edge(j, index[u], index[v], key, data)
              for j, (u, v, key, data) in enumerate(_sorted_edges(graph, set(kept)))]
    for record in events:
        net.add_edge(record.pop("from"), record.pop("to"), **record)
    net.options = _options()
    net.kg_meta = _meta(net.nodes, net.edges, graph, collapse)
    return net


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    max_nodes: int | None = None,
    collapse: bool = False,
) -> str:
    """Render ``graph`` as one self-contained interactive HTML page.

    Args:
        graph: The knowledge graph (actors as nodes, events as keyed edges). It is
            read only, never modified.
        title: Page title and heading.
        max_nodes: Keep only this many actors, those with the most events (ties broken
            by actor id); the page says what was left out. ``None`` keeps all.
        collapse: Start with parallel edges collapsed into one weighted edge per
            (source, target, category). The page has a toggle either way.

    Returns:
        The page. The same graph and options always give the same string.

    Raises:
        RenderError: ``graph`` is not a networkx graph, an option is invalid, or the
            vis-network files of pyvis or kg's page template cannot be read.
    """
    if not isinstance(title, str):
        raise RenderError(f"title must be a string, got {type(title).__name__}")
    net = to_pyvis(graph, max_nodes=max_nodes, collapse=collapse)
    vis_js, vis_css = _vis_assets()
    page_js = _script_safe(_resource("page.js"))
    try:
        with resources.as_file(resources.files("kg") / "data") as folder:
            net.set_template_dir(str(folder), "page.html")
            # tojson's JSON: ASCII only (no line separator ends a script), no NaN (no JSON)
            net.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "allow_nan": False}
            net.templateEnv.globals["kg"] = {
                "title": title, "csp": _csp([vis_js, page_js]), "vis_css": vis_css,
                "page_css": _resource("page.css"), "vis_js": vis_js, "page_js": page_js,
                "meta": net.kg_meta,
            }
            return net.generate_html()
    except (ValueError, TypeError) as error:
        raise RenderError(f"the graph's data cannot be written as JSON: {error}") from None
    except OSError as error:
        raise RenderError(f"kg's page template kg/data/page.html cannot be read: {error}") from None


def write_html(graph: nx.MultiDiGraph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Render ``graph`` (see :func:`render_html` for ``options``) and write it to ``path``.

    The page is written to a temporary file in the same folder and then moved over
    ``path``, so a reader never sees half a page and a failed write leaves any old page.

    Returns:
        The path written.

    Raises:
        RenderError: rendering failed, or the file could not be written.
    """
    target = Path(path)
    if target.is_dir():
        raise RenderError(f"cannot write the graph page: {target} is a folder")
    if not target.parent.is_dir():
        raise RenderError(f"cannot write the graph page: folder {target.parent} does not exist")
    data = render_html(graph, **options).encode("utf-8", errors="replace")
    try:
        return atomic_write_bytes(target, data)
    except KgError as error:
        raise RenderError(f"cannot write the graph page: {error}") from None


def _drawn_sizes(degrees: dict[Hashable, int]) -> dict[Hashable, float]:
    """Each actor's radius as vis-network draws it: its events scaled linearly between the
    smallest and the largest size of :func:`_options`."""
    if not degrees:
        return {}
    low, high = min(degrees.values()), max(degrees.values())
    scaling = _options()["nodes"]["scaling"]
    span = scaling["max"] - scaling["min"]
    return {n: scaling["min"] + (span * (d - low) / (high - low) if high > low else span / 2)
            for n, d in degrees.items()}


class _IdList(list):
    """pyvis's list of node ids, with a set beside it for membership tests."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


# --------------------------------------------------------------------------- checks


def _check_options(graph: Any, max_nodes: Any, collapse: Any) -> None:
    if not isinstance(graph, nx.Graph):
        raise RenderError(f"expected a networkx graph to render, got {type(graph).__name__}")
    if max_nodes is not None and (
        isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1
    ):
        raise RenderError(f"max_nodes must be a positive integer or None, got {max_nodes!r}")
    if not isinstance(collapse, bool):
        raise RenderError(f"collapse must be true or false, got {collapse!r}")


# --------------------------------------------------------------------------- selection


def _select_nodes(graph: nx.Graph, max_nodes: int | None) -> list[Hashable]:
    """Return the actors (and topics) to draw, sorted by id: those with an event to draw (an
    actor with only statements has no edge), and with ``max_nodes`` those with the highest
    degree (number of events, in and out), actors before topics; ties go to the smaller id so
    the choice is deterministic.
    """
    nodes = sorted((n for n in graph.nodes if graph.degree(n)), key=str)
    if max_nodes is None or max_nodes >= len(nodes):
        return nodes
    ranked = sorted(nodes, key=lambda n: (graph.nodes[n].get("type") == TOPIC, -graph.degree(n), str(n)))
    return sorted(ranked[:max_nodes], key=str)


def _sorted_edges(graph: nx.Graph, kept: set[Hashable]) -> list[tuple[Any, Any, Any, dict]]:
    if graph.is_multigraph():
        edges: Iterable = graph.edges(keys=True, data=True)
    else:
        edges = ((u, v, None, d) for u, v, d in graph.edges(data=True))
    chosen = [e for e in edges if e[0] in kept and e[1] in kept]
    chosen.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    return chosen


# --------------------------------------------------------------------------- records


def _node(node: Hashable, attrs: dict, degree: int, community: int, place: tuple[float, float]) -> dict:
    """An actor as a vis node (label, colour, place, size) with kg's fields for the page."""
    kind = attrs.get("type") or "OTHER"
    name = attrs.get("name") or str(node)
    topic = kind == TOPIC
    return {
        "label": name, "color": TOPIC_COLOR if topic else TYPE_COLORS.get(kind, TYPE_COLORS["OTHER"]),
        "shape": TOPIC_SHAPE if topic else "dot", "topic": attrs.get("topic_kind") if topic else None,
        "issues": attrs.get("issues") or [],
        "x": place[0], "y": place[1], "physics": False, "value": max(degree, 1),
        "title": f"{name} ({attrs.get('topic_kind') if topic else kind.lower()}): {degree} events",
        "key": str(node), "name": name, "kind": kind, "country": attrs.get("country"),
        "sector": attrs.get("sector"), "aliases": attrs.get("aliases") or [],
        "mentions": attrs.get("mentions") or 0, "degree": degree, "community": community,
        "statements": len(attrs.get("statements") or []),
        "wikidata": wikidata_id(node),
    }


def _country_of_sector(node: Hashable, attrs: dict, countries: dict[str, int]) -> int | None:
    """The index of the country a sector or institution of it (``USA-GOV``, ``USA-LEG-senate``)
    folds into on the page, if the country is drawn."""
    country = attrs.get("country")
    if country and attrs.get("type") != "COUNTRY" and str(node).startswith(f"{country}-"):
        return countries.get(country)
    return None


def _statements_by_actor(graph: nx.Graph, kept: set[Hashable]) -> dict[Hashable, list[dict]]:
    """The statements the graph keeps (``graph.graph["statements"]``) of each drawn actor,
    earliest first, at most :data:`MAX_STATEMENTS` each."""
    by_actor: dict[Hashable, list[tuple[str, str, dict]]] = {}
    for key, record in (graph.graph.get("statements") or {}).items():
        if record.get("actor") in kept:
            by_actor.setdefault(record["actor"], []).append((record.get("date") or "~", str(key), record))
    return {actor: [r for *_, r in sorted(rows, key=lambda row: row[:2])[:MAX_STATEMENTS]]
            for actor, rows in by_actor.items()}


def _edge(j: int, src: int, dst: int, key: Any, attrs: dict) -> dict[str, Any]:
    """An event as a vis edge (colour by QuadClass, dashed unless asserted) with the fields
    the page shows, its category and its date's first and last day (the page's date filter
    compares those, as :func:`kg.schema.in_date_range` does).

    The page's filters rest on the date and the QuadClass, so those two are checked.
    """
    try:
        bounds = date_bounds(attrs.get("date"))
    except ValueError as error:
        raise RenderError(f"event {key!r}: {error}") from None
    if attrs.get("quad") not in (None, 1, 2, 3, 4):
        raise RenderError(f"event {key!r}: quad must be 1 to 4 or None, not {attrs['quad']!r}")
    action = attrs.get("action") or attrs.get("lemma") or ""
    modality = attrs.get("modality") or "asserted"
    record = {name: attrs.get(name) for name in PAGE_EDGE_FIELDS}
    record.update({
        "from": src, "to": dst, "id": j, "event": str(key), "action": action,
        "article": attrs.get("title"),
        "modality": modality, "cat": category(attrs),
        "first": bounds[0] if bounds else None, "last": bounds[1] if bounds else None,
        "color": QUAD_COLORS[attrs.get("quad") or 0], "dashes": modality != "asserted",
        "title": " ".join(filter(None, [action, attrs.get("date")])),
    })
    return record


def _options() -> dict[str, Any]:
    """vis-network's options: no physics (the layout is computed), edge labels only where the
    page sets them, hover for tooltips."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "scaling": {"min": 10, "max": 48, "label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "width": 1.2, "selectionWidth": 1.5, "hoverWidth": 1.0,
                  "font": {"size": 11, "strokeWidth": 3}},
        "interaction": {"hover": True, "tooltipDelay": 120, "keyboard": False,
                        "multiselect": False, "hideEdgesOnDrag": False, "hideEdgesOnZoom": False},
    }


def _meta(nodes: list[dict], events: list[dict], graph: nx.Graph, collapse: bool) -> dict:
    """The page's legends, names and counts."""
    type_counts = Counter(n["kind"] for n in nodes)
    quad_counts = Counter(e["quad"] or 0 for e in events)
    categories = Counter(e["cat"] for e in events)
    dates = sorted(day for e in events if e["first"] for day in (e["first"], e["last"]))
    countries = Counter(n["country"] for n in nodes if n["country"])
    by_community: dict[int, list[dict]] = {}
    for n in nodes:
        by_community.setdefault(n["community"], []).append(n)
    return {
        "types": [{"type": t, "color": c, "count": type_counts[t]}
                  for t, c in [*TYPE_COLORS.items(), (TOPIC, TOPIC_COLOR)]],
        "topics_hidden": len(nodes) - type_counts[TOPIC] > TOPICS_SHOWN_UP_TO,
        "quads": [{"quad": q, "color": c, "label": QUAD_LABELS[q], "count": quad_counts[q]}
                  for q, c in QUAD_COLORS.items()],
        "categories": [{"key": k, "label": category_label(k), "count": n}
                       for k, n in sorted(categories.items(), key=lambda kv: category_label(kv[0]))],
        "cameo": CAMEO_ROOT_NAMES,
        "modalities": list(MODALITIES),
        "countries": [{"country": c, "color": COUNTRY_COLORS[min(i, len(COUNTRY_COLORS) - 1)]}
                      for i, (c, _) in enumerate(countries.most_common(len(COUNTRY_COLORS) - 1))],
        "communities": [{"id": c, "size": len(members), "label": _community_label(members)}
                        for c, members in sorted(by_community.items())],
        "collapse": collapse,
        "aggregate": len(nodes) - type_counts[TOPIC] > AGGREGATE_ABOVE,
        "dates": [dates[0], dates[-1]] if dates else None,
        "shown_nodes": len(nodes),
        "total_nodes": sum(1 for n in graph.nodes if graph.degree(n)),
        "shown_events": len(events),
        "total_events": graph.number_of_edges(),
    }


def _community_label(members: list[dict]) -> str:
    """A community by its busiest members, actors before topics."""
    busiest = sorted(members, key=lambda n: (n["kind"] == TOPIC, -n["degree"], n["key"]))
    names = ", ".join(n["name"] for n in busiest[:COMMUNITY_NAMES])
    return names + (f" +{len(members) - COMMUNITY_NAMES}" if len(members) > COMMUNITY_NAMES else "")


# --------------------------------------------------------------------------- page pieces


def _csp(scripts: list[str]) -> str:
    """Content-Security-Policy allowing exactly the page's own inline scripts."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def _script_safe(source: str) -> str:
    """Make JS source safe to inline: nothing in it may close or comment the element."""
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source.replace("<!--", "<\\!--")


@functools.cache
def _resource(name: str) -> str:
    """Read one of kg's page files (``kg/data/page.html``, ``.js``, ``.css``)."""
    try:
        return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise RenderError(f"kg's page template kg/data/{name} cannot be read: {exc}") from exc


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """Return vis-network's JS and CSS from the newest copy bundled with pyvis."""
    try:
        import pyvis

        lib = resources.files(pyvis) / "lib"
        folders = [f for f in lib.iterdir() if f.name.startswith("vis-") and f.is_dir()]
        folder = max(folders, key=lambda f: _version_key(f.name))
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError) as exc:
        raise RenderError(f"cannot read vis-network from the pyvis package: {exc}") from exc
    js = _SOURCE_MAP.sub("", js)  # devtools would fetch the map from beside the page
    css = _SOURCE_MAP.sub("", css)
    return _script_safe(js), re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


def _version_key(folder: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", folder)
    return tuple(int(p) for p in parts)
