"""Render a kg knowledge graph as one self-contained, offline, interactive HTML page.

The page inlines vis-network (the JS and CSS that pyvis ships inside its package), the
graph data as JSON, and kg's own page script and style (``kg/data/page.*``). Nothing is
fetched at view time, and a Content-Security-Policy forbids any request and any script
but the page's own, so hostile article text can neither run nor phone home.

All text from the graph is untrusted. It reaches the page only through the JSON block
(where ``<``, ``>`` and ``&`` are escaped) and is put into the DOM by the page script
with ``textContent``; the few values written into the HTML markup are escaped with
:func:`html.escape`.

This is the only module of kg that imports pyvis.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
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
from .schema import QUAD_COLORS, QUAD_LABELS, TYPE_COLORS, category, date_bounds

__all__ = ["render_html", "write_html"]

#: The edge fields the page shows (besides the action, modality and category).
PAGE_EDGE_FIELDS = ("lemma", "cameo", "plover", "quad", "goldstein", "doc", "title", "sentence", "text",
                    "date", "location", "confidence")

#: Above this many actors the page lays out with cheaper settings.
BIG_GRAPH_NODES = 500

_MARKER = re.compile(r"\{\{(KG_[A-Z_]+)\}\}")
_SOURCE_MAP = re.compile(r"(?://|/\*)[#@] sourceMappingURL=[^\s*]*(?: \*/)?")


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
    _check_options(graph, title, max_nodes, collapse)
    kept = _select_nodes(graph, max_nodes)
    payload = _payload(graph, kept, collapse)
    vis_js, vis_css = _vis_assets()
    page_js = _script_safe(_resource("page.js"))
    values = {
        "KG_TITLE": html.escape(title),
        "KG_CSP": _csp([vis_js, page_js]),
        "KG_VIS_CSS": vis_css,
        "KG_PAGE_CSS": _resource("page.css"),
        "KG_NOTE": _note_html(payload["meta"]),
        "KG_COLLAPSE": " checked" if collapse else "",
        "KG_TYPE_LEGEND": _type_legend(payload["meta"]["types"]),
        "KG_QUAD_LEGEND": _quad_legend(payload["meta"]["quads"]),
        "KG_DATA": _json_for_script(payload),
        "KG_VIS_JS": vis_js,
        "KG_PAGE_JS": page_js,
    }
    return _fill(_resource("page.html"), values)


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


# --------------------------------------------------------------------------- checks


def _check_options(graph: Any, title: Any, max_nodes: Any, collapse: Any) -> None:
    if not isinstance(graph, nx.Graph):
        raise RenderError(f"expected a networkx graph to render, got {type(graph).__name__}")
    if not isinstance(title, str):
        raise RenderError(f"title must be a string, got {type(title).__name__}")
    if max_nodes is not None and (
        isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1
    ):
        raise RenderError(f"max_nodes must be a positive integer or None, got {max_nodes!r}")
    if not isinstance(collapse, bool):
        raise RenderError(f"collapse must be true or false, got {collapse!r}")


# --------------------------------------------------------------------------- selection


def _select_nodes(graph: nx.Graph, max_nodes: int | None) -> list[Hashable]:
    """Return the actors to draw, sorted by id: those with an event to draw (an actor with
    only statements has no edge), and with ``max_nodes`` those with the highest degree
    (number of events, in and out); ties go to the smaller id so the choice is deterministic.
    """
    nodes = sorted((n for n in graph.nodes if graph.degree(n)), key=str)
    if max_nodes is None or max_nodes >= len(nodes):
        return nodes
    ranked = sorted(nodes, key=lambda n: (-graph.degree(n), str(n)))
    return sorted(ranked[:max_nodes], key=str)


def _sorted_edges(graph: nx.Graph, kept: set[Hashable]) -> list[tuple[Any, Any, Any, dict]]:
    if graph.is_multigraph():
        edges: Iterable = graph.edges(keys=True, data=True)
    else:
        edges = ((u, v, None, d) for u, v, d in graph.edges(data=True))
    chosen = [e for e in edges if e[0] in kept and e[1] in kept]
    chosen.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    return chosen


# --------------------------------------------------------------------------- payload


def _payload(graph: nx.Graph, kept: list[Hashable], collapse: bool) -> dict[str, Any]:
    """Build the JSON data the page script draws from."""
    index = {node: i for i, node in enumerate(kept)}
    nodes = [_node_record(i, n, graph.nodes[n], graph.degree(n)) for i, n in enumerate(kept)]
    edges = _sorted_edges(graph, set(kept))
    groups: dict[tuple[int, int, str | None], int] = {}
    events = []
    for j, (u, v, key, attrs) in enumerate(edges):
        record = _event_record(j, index[u], index[v], key, attrs)
        group_key = (record["from"], record["to"], record["cat"])
        record["group"] = groups.setdefault(group_key, len(groups))
        events.append(record)
    meta = _meta(nodes, events, graph, collapse)
    return {"meta": meta, "nodes": nodes, "events": events}


def _node_record(i: int, node: Hashable, attrs: dict, degree: int) -> dict[str, Any]:
    return {
        "id": i,
        "key": str(node),
        "name": attrs.get("name") or str(node),
        "type": attrs.get("type") or "OTHER",
        "country": attrs.get("country"),
        "aliases": attrs.get("aliases") or [],
        "mentions": attrs.get("mentions") or 0,
        "degree": degree,
    }


def _event_record(j: int, src: int, dst: int, key: Any, attrs: dict) -> dict[str, Any]:
    """The page's record of an event: the contract's fields it shows, its category, and its
    date's first and last day (the page's date filter compares those, as
    :func:`kg.schema.in_date_range` does).

    The page's filters rest on the date and the QuadClass, so those two are checked.
    """
    try:
        bounds = date_bounds(attrs.get("date"))
    except ValueError as error:
        raise RenderError(f"event {key!r}: {error}") from None
    if attrs.get("quad") not in (None, 1, 2, 3, 4):
        raise RenderError(f"event {key!r}: quad must be 1 to 4 or None, not {attrs['quad']!r}")
    record = {name: attrs.get(name) for name in PAGE_EDGE_FIELDS}
    record.update({
        "id": j, "from": src, "to": dst, "event": str(key),
        "action": attrs.get("action") or attrs.get("lemma") or "",
        "modality": attrs.get("modality") or "asserted",
        "cat": category(attrs),
        "first": bounds[0] if bounds else None, "last": bounds[1] if bounds else None,
    })
    return record


def _meta(nodes: list[dict], events: list[dict], graph: nx.Graph, collapse: bool) -> dict:
    type_counts = Counter(n["type"] for n in nodes)
    quad_counts = Counter(e["quad"] or 0 for e in events)
    dates = sorted(day for e in events if e["first"] for day in (e["first"], e["last"]))
    return {
        "types": [
            {"type": t, "color": c, "count": type_counts[t]} for t, c in TYPE_COLORS.items()
        ],
        "quads": [
            {"quad": q, "color": c, "label": QUAD_LABELS[q], "count": quad_counts[q]}
            for q, c in QUAD_COLORS.items()
        ],
        "collapse": collapse,
        "big": len(nodes) > BIG_GRAPH_NODES,
        "dates": [dates[0], dates[-1]] if dates else None,
        "groups": len({e["group"] for e in events}),
        "shown_nodes": len(nodes),
        "total_nodes": sum(1 for n in graph.nodes if graph.degree(n)),
        "shown_events": len(events),
        "total_events": graph.number_of_edges(),
    }


# --------------------------------------------------------------------------- HTML pieces


def _json_for_script(payload: dict) -> str:
    """Serialise ``payload`` so it can sit inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where their ``\\u`` escapes
    mean the same, so no ``</script>`` or ``<!--`` from article text can end the block.
    """
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise RenderError(f"graph data cannot be written as JSON: {exc}") from exc
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _note_html(meta: dict) -> str:
    if meta["shown_nodes"] >= meta["total_nodes"]:
        return ""
    hidden = meta["total_events"] - meta["shown_events"]
    note = (
        f"showing {meta['shown_nodes']:,} of {meta['total_nodes']:,} actors; "
        f"{hidden:,} events hidden"
    )
    return f'<p id="kg-note" class="kg-note" role="note">{html.escape(note)}</p>'


def _type_legend(types: list[dict]) -> str:
    items = []
    for t in types:
        items.append(
            f'<li><span class="kg-swatch kg-dot" style="background:{t["color"]}"></span>'
            f'{html.escape(t["type"])} <span class="kg-count">{t["count"]:,}</span></li>'
        )
    return "\n".join(items)


def _quad_legend(quads: list[dict]) -> str:
    items = []
    for q in quads:
        items.append(
            f'<li><label><input type="checkbox" class="kg-quad" data-quad="{q["quad"]}" '
            f'checked> <span class="kg-swatch kg-line" style="background:{q["color"]}"></span>'
            f'{html.escape(q["label"])} <span class="kg-count">{q["count"]:,}</span></label></li>'
        )
    return "\n".join(items)


def _csp(scripts: list[str]) -> str:
    """Content-Security-Policy allowing exactly the page's own inline scripts."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace every ``{{KG_...}}`` marker in one pass (inserted text is not rescanned)."""

    def value(match: re.Match[str]) -> str:
        try:
            return values[match.group(1)]
        except KeyError:
            raise RenderError(f"page template has an unknown marker {match.group(0)}") from None

    return _MARKER.sub(value, template)


def _script_safe(source: str) -> str:
    """Make JS source safe to inline: nothing in it may close or comment the element."""
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source.replace("<!--", "<\\!--")


# --------------------------------------------------------------------------- resources


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
