"""GEXF 1.2 (format ``gexf``, for Gephi), through networkx.

Written from the XML-safe copy of :func:`kg.readwrite.common._xml_graph`. Node labels are
actor names and edge labels the action, so Gephi shows them; the edge id is the event id
(when keys are unique in the graph) and the ``networkx_key`` attribute keeps the key.
kg's note (:data:`~kg.readwrite.common.NOTE`) is the ``<meta>`` description. Attribute
names that networkx's GEXF writer gives a meaning of its own (:data:`GEXF_RESERVED_NODE`,
:data:`GEXF_RESERVED_EDGE`) are refused.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFReader, GEXFWriter

from ..errors import GraphFileError
from ..files import atomic_write_bytes
from .common import NOTE, _check_graph, _from_xml, _parse_note, _reading, _xml_graph

#: Attributes the GEXF writer of networkx gives a meaning of its own (``label`` aside).
GEXF_RESERVED_NODE = frozenset({"id", "pid", "start", "end", "viz", "parents", "spells", "slices"})
GEXF_RESERVED_EDGE = frozenset({"id", "type", "start", "end", "key", "networkx_key", "viz", "spells",
                                "slices"})


def _check_gexf_names(graph: nx.MultiDiGraph, path: str | Path) -> None:
    for names, reserved, what in (
        ({name for _, data in graph.nodes(data=True) for name in data}, GEXF_RESERVED_NODE, "node"),
        ({name for *_, data in graph.edges(keys=True, data=True) for name in data}, GEXF_RESERVED_EDGE,
         "edge"),
    ):
        clash = sorted(names & reserved)
        if clash:
            raise GraphFileError(f"{path}: GEXF has its own use for the {what} attribute {clash[0]!r}")


def _gexf_graph(graph: nx.MultiDiGraph, path: str | Path) -> tuple[nx.MultiDiGraph, str]:
    """The XML-safe copy with GEXF labels and edge ids, and the note."""
    _check_gexf_names(graph, path)
    gexf, note = _xml_graph(graph)
    for node, data in gexf.nodes(data=True):
        data.setdefault("label", str(data.get("name", node)))
    keys = [k for *_, k in gexf.edges(keys=True)]
    unique = len(set(keys)) == len(keys)
    for *_, key, data in gexf.edges(keys=True, data=True):
        if "label" not in data and isinstance(data.get("action"), str):
            data["label"] = data["action"]
        if unique:
            data["id"] = key
    return gexf, note


def gexf_bytes(graph: nx.MultiDiGraph, path: str | Path = "graph.gexf") -> bytes:
    """The graph as a GEXF 1.2 document; kg's note is the ``<meta>`` description.

    networkx's date stamp is left out, so the same graph gives the same bytes every day.
    """
    gexf, note = _gexf_graph(graph, path)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        for creator in meta.iter("creator"):
            creator.text = "kg"
        ElementTree.SubElement(meta, "description").text = f"{NOTE} {note}"
    writer.add_graph(gexf)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GEXF 1.2 (for Gephi)."""
    _check_graph(graph, path)
    return atomic_write_bytes(path, gexf_bytes(graph, path))


def _read_gexf_file(path: str) -> tuple[nx.Graph, str | None]:
    reader = GEXFReader(node_type=None, version="1.2draft")
    reader.simple_graph = False  # keep the multigraph and its keys even without parallel edges
    graph = reader(path)
    description = reader.xml.find(f"{{{reader.NS_GEXF}}}meta/{{{reader.NS_GEXF}}}description")
    text = description.text if description is not None else None
    return graph, text[len(NOTE) + 1:] if text and text.startswith(f"{NOTE} ") else None


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_gexf` (or any directed GEXF graph)."""
    read, note = _reading(path, "GEXF", _read_gexf_file)
    return _from_xml(read, _parse_note(note, path), path, labels=True)
