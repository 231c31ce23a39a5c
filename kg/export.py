"""Write and read kg's files: events as JSON lines, the graph as node-link JSON.

The graph file is a JSON object ``{"kg_graph": 1, "nodes": [...], "edges": [...]}``: each
node is ``{"id": ..., **attributes}``, each edge ``{"source", "target", "key", **attributes}``.
Nodes and edges are sorted, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from .errors import GraphFileError, KgError
from .events import Event

FORMAT_VERSION = 1


def atomic_write(path: str | Path, text: str) -> Path:
    """Write text to a temporary file beside ``path``, then rename it into place.

    An interrupted run therefore leaves the previous file intact.
    """
    path = Path(path)
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, path)
    except OSError as error:
        if "temp" in locals() and os.path.exists(temp):
            os.unlink(temp)
        raise KgError(f"{path}: cannot write ({error.strerror or error})") from None
    return path


def events_to_jsonl(events: Iterable[Event]) -> str:
    return "".join(event.to_json() + "\n" for event in events)


def write_events(events: Iterable[Event], path: str | Path) -> Path:
    """Write events as JSON lines."""
    return atomic_write(path, events_to_jsonl(events))


def read_events(path: str | Path) -> Iterator[Event]:
    """Read events written by :func:`write_events`."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield Event.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as error:
                    raise KgError(f"{path}, line {number}: not an event record ({error})") from None


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [{"source": u, "target": v, "key": k, **data}
             for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    document = {"kg_graph": FORMAT_VERSION, "nodes": nodes, "edges": edges}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as kg's node-link JSON."""
    return atomic_write(path, graph_to_json(graph))


def graph_from_json(text: str, label: str = "graph") -> nx.MultiDiGraph:
    try:
        document = json.loads(text)
        if document.get("kg_graph") != FORMAT_VERSION:
            raise ValueError("not a kg graph file")
        graph = nx.MultiDiGraph()
        for node in document["nodes"]:
            graph.add_node(node.pop("id"), **node)
        for edge in document["edges"]:
            graph.add_edge(edge.pop("source"), edge.pop("target"), key=edge.pop("key"), **edge)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GraphFileError(f"{label}: not a kg graph file ({error})") from None
    return graph


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read graph file ({error})") from None
    return graph_from_json(text, str(path))
