"""kg's own graph file (format ``json``): node-link JSON that holds kg's graph exactly.

The file is a JSON object ``{"kg_graph": 1, "nodes": [...], "edges": [...]}``: each node
is ``{"id": ..., **attributes}``, each edge ``{"source", "target", "key", **attributes}``,
nodes and edges in sorted order and keys sorted, so the same graph always gives the same
bytes.

The file holds kg's graph, so reading it checks the graph against the contract of
:mod:`kg.schema` (:func:`kg.schema.validate_graph`): a node or edge that lacks a required
field, or has one of the wrong type, is refused, naming the file, the actor or event and
the field. A derived graph such as :func:`kg.graph.collapse` returns is therefore written
but not read back; GraphML, GEXF and CSV hold any graph.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..errors import GraphFileError
from ..files import atomic_write
from ..schema import validate_graph

#: The version of the file, its ``kg_graph`` member: 2 since topics (nodes of type ``TOPIC``).
FORMAT_VERSION = 2
#: The versions this kg reads: its own, and 1 (a graph of actors only).
READABLE_VERSIONS = (1, FORMAT_VERSION)


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """The graph as the text of kg's JSON file."""
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [{"source": u, "target": v, "key": k, **data}
             for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    statements = graph.graph.get("statements") or {}
    document = {"kg_graph": FORMAT_VERSION, "nodes": nodes, "edges": edges,
                "statements": dict(sorted(statements.items()))}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as kg's node-link JSON."""
    return atomic_write(path, graph_to_json(graph))


def graph_from_json(text: str, label: str = "graph") -> nx.MultiDiGraph:
    """The graph of a text written by :func:`graph_to_json`, checked against :mod:`kg.schema`.

    Raises:
        GraphFileError: the text is not a kg graph file, or its graph breaks the contract;
            the message starts with ``label``.
    """
    try:
        document = json.loads(text)
        version = document.get("kg_graph")
        if version not in READABLE_VERSIONS:
            newer = isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
            raise ValueError(f"a kg graph file of format {version}, which only a newer kg reads" if newer
                             else "not a kg graph file")
        graph = nx.MultiDiGraph()
        for node in document["nodes"]:
            node_id = node.pop("id")
            if node_id in graph:
                raise ValueError(f"the actor {node_id!r} appears twice")
            graph.add_node(node_id, **node)
        for edge in document["edges"]:
            u, v, key = edge.pop("source"), edge.pop("target"), edge.pop("key")
            if graph.has_edge(u, v, key):
                raise ValueError(f"the event {key!r} appears twice")
            graph.add_edge(u, v, key=key, **edge)
        statements = document.get("statements", {})  # files of earlier versions have none
        if not isinstance(statements, dict) or not all(isinstance(s, dict) for s in statements.values()):
            raise ValueError("its statements are not a table of records")
        if statements:
            graph.graph["statements"] = statements
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise GraphFileError(f"{label}: not a kg graph file ({error})") from None
    validate_graph(graph, label)
    return graph


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph` (see :func:`graph_from_json`)."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read graph file ({error})") from None
    return graph_from_json(text, str(path))
