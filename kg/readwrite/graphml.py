"""GraphML (format ``graphml``, for Gephi, yEd, Cytoscape), through networkx.

Written from the XML-safe copy of :func:`kg.readwrite.common._xml_graph`, with kg's note
(:data:`~kg.readwrite.common.NOTE`) as a graph attribute. The edge id is the event id.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..files import atomic_write_bytes
from .common import NOTE, _check_graph, _from_xml, _parse_note, _reading, _xml_graph


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The graph as a GraphML document."""
    xml_graph, note = _xml_graph(graph)
    xml_graph.graph[NOTE] = note
    buffer = io.BytesIO()
    nx.write_graphml_xml(xml_graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML (for Gephi, yEd, Cytoscape)."""
    _check_graph(graph, path)
    return atomic_write_bytes(path, graphml_bytes(graph))


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml` (or any directed GraphML graph)."""
    read = _reading(path, "GraphML", lambda p: nx.read_graphml(
        p, node_type=str, edge_key_type=str, force_multigraph=True))
    return _from_xml(read, _parse_note(read.graph.get(NOTE), path), path)
